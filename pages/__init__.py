"""Public pages of the site that are not courses: the home page and guidance pages."""
