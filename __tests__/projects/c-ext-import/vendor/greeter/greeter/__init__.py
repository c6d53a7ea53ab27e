"""Greetings from C. Nothing here imports greeter.helper: only _core.greet does, from C."""
from greeter._core import greet

__all__ = ["greet"]
