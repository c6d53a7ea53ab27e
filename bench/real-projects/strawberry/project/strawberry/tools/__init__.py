from .create_type import create_type
from .merge_types import merge_types

__all__ = [
    "create_type",
    "merge_types",
]
