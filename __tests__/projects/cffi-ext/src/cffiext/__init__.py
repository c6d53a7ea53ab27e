"""A CLI over a C function compiled with cffi at install time."""
__version__ = "0.1.0"
