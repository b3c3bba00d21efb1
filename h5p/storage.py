"""Where H5P files live: the site's ``h5p`` storage if it defines one, else the default."""

from django.conf import settings
from django.core.files.storage import default_storage, storages


def h5p_storage():
    return storages["h5p"] if "h5p" in settings.STORAGES else default_storage
