"""Where H5P files live: the site's ``h5p`` storage, or a private ``var/h5p`` folder.

Never ``default_storage``: extracted packages are served only through
:mod:`h5p.views` to those who may study the lesson, never from ``MEDIA_URL``.
"""

from operations.storage import PrivateStorage

_h5p_storage = PrivateStorage("h5p")


def h5p_storage():
    return _h5p_storage
