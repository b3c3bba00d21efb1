"""H5P activities: upload and validate ``.h5p`` packages, play them self-hosted, record results.

Packages are checked by :mod:`h5p.validation` before anything is stored, then
extracted through Django's storage API (:mod:`h5p.importing`). Lessons use
them through :class:`h5p.blocks.H5PBlock`; the player's xAPI statements come
back to :mod:`h5p.views` and reach the learner's progress only through
``lms.services.record_learning``.
"""
