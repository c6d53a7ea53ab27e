from .config import PoeConfig
from .partition import KNOWN_SHELL_INTERPRETERS, ConfigPartition, ShellInterpreter

__all__ = [
    "KNOWN_SHELL_INTERPRETERS",
    "ConfigPartition",
    "PoeConfig",
    "ShellInterpreter",
]
