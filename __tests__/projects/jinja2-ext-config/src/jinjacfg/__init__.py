"""Renders templates with the jinja2 extensions that the user's config file names."""
__version__ = "0.1.0"
