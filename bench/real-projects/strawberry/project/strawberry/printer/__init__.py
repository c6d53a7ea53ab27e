from .printer import print_schema

__all__ = ["print_schema"]
