"""A word-statistics library; its CLI is optional (the `cli` extra)."""
__version__ = "0.1.0"
