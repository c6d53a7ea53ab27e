__version__ = "4.10.1"
