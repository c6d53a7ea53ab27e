"""Strawberry is a Python library for GraphQL.

Strawberry is a Python library for GraphQL that aims to stay close to the GraphQL
specification and allow for a more natural way of defining GraphQL schemas.
"""

from . import experimental, federation, relay
from .directive import directive, directive_field
from .parent import Parent
from .permission import BasePermission
from .scalars import ID
from .schema import Schema
from .schema_directive import schema_directive
from .streamable import Streamable
from .types.arguments import argument
from .types.auto import auto
from .types.cast import cast
from .types.enum import enum, enum_value
from .types.field import field
from .types.info import Info
from .types.lazy_type import LazyType, lazy
from .types.maybe import Maybe, Some
from .types.mutation import mutation, subscription
from .types.object_type import asdict, input, interface, type  # noqa: A004
from .types.private import Private
from .types.scalar import scalar
from .types.union import union
from .types.unset import UNSET

__all__ = [
    "ID",
    "UNSET",
    "BasePermission",
    "Info",
    "LazyType",
    "Maybe",
    "Parent",
    "Private",
    "Schema",
    "Some",
    "Streamable",
    "argument",
    "asdict",
    "auto",
    "cast",
    "directive",
    "directive_field",
    "enum",
    "enum_value",
    "experimental",
    "federation",
    "field",
    "input",
    "interface",
    "lazy",
    "mutation",
    "relay",
    "scalar",
    "schema_directive",
    "subscription",
    "type",
    "union",
]
