from .base import get_object_definition, has_object_definition
from .execution import ExecutionContext, ExecutionResult, SubscriptionExecutionResult
from .info import Info

__all__ = [
    "ExecutionContext",
    "ExecutionResult",
    "Info",
    "Info",
    "SubscriptionExecutionResult",
    "get_object_definition",
    "has_object_definition",
]
