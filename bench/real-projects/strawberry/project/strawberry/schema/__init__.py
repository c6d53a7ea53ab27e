from .base import BaseSchema
from .schema import Schema

__all__ = ["BaseSchema", "Schema"]
