"""Checks JSON records against a schema that ships inside the package."""
__version__ = "0.1.0"
