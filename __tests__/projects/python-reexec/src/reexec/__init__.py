"""Runs work in a fresh interpreter, the way template tasks and migration runners do."""
__version__ = "0.1.0"
