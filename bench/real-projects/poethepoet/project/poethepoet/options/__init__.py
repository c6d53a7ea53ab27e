from .base import NoValue, PoeOptions

__all__ = ["NoValue", "PoeOptions"]
