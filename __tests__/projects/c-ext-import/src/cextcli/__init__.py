"""A CLI over a C extension that loads a Python helper by name from C."""
__version__ = "0.1.0"
