from .argument import argument
from .enum import enum, enum_value
from .field import field
from .mutation import mutation
from .object_type import input, interface, interface_object, type  # noqa: A004
from .scalar import scalar
from .schema import Schema
from .schema_directive import schema_directive
from .union import union

__all__ = [
    "Schema",
    "argument",
    "enum",
    "enum_value",
    "field",
    "input",
    "interface",
    "interface_object",
    "mutation",
    "scalar",
    "schema_directive",
    "type",
    "union",
]
