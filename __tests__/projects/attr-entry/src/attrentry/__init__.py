"""A CLI whose console script points through an attribute path."""
__version__ = "0.1.0"
