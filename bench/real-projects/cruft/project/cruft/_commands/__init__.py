"""Contains the core logic behind all cruft commands."""

from .check import check
from .create import create
from .diff import diff
from .link import link
from .update import update

__all__ = ["check", "create", "diff", "link", "update"]
