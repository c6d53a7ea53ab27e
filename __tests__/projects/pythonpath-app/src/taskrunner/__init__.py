"""A tiny task worker: users define tasks in their own module and name it with --app."""
from taskrunner.app import App

__version__ = "0.1.0"
__all__ = ["App"]
