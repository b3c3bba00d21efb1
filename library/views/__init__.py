"""Library views: the public catalogue and patron pages, and the staff desk."""
