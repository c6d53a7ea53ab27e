from .bump import Bump
from .changelog import Changelog
from .check import Check
from .commit import Commit
from .example import Example
from .info import Info
from .init import Init
from .list_cz import ListCz
from .schema import Schema
from .version import Version

__all__ = (
    "Bump",
    "Changelog",
    "Check",
    "Commit",
    "Example",
    "Info",
    "Init",
    "ListCz",
    "Schema",
    "Version",
)
