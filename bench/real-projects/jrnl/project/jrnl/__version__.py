__version__ = "4.6"
