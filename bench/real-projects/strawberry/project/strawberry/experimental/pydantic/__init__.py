from .error_type import error_type
from .exceptions import UnregisteredTypeException
from .object_type import input, interface, type  # noqa: A004

__all__ = [
    "UnregisteredTypeException",
    "error_type",
    "input",
    "interface",
    "type",
]
