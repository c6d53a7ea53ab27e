"""Execution utilities for Strawberry GraphQL."""

from .is_awaitable import optimized_is_awaitable

__all__ = ["optimized_is_awaitable"]
