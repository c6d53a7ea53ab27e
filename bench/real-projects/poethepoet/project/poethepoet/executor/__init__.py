from .base import PoeExecutor
from .poetry import PoetryExecutor
from .simple import SimpleExecutor
from .uv import UvExecutor
from .virtualenv import VirtualenvExecutor

__all__ = [
    "PoeExecutor",
    "PoetryExecutor",
    "SimpleExecutor",
    "UvExecutor",
    "VirtualenvExecutor",
]
