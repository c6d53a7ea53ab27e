from .controller import (
    BaseContext,
    HTTPContextType,
    WebSocketContextType,
    make_graphql_controller,
)

__all__ = [
    "BaseContext",
    "HTTPContextType",
    "WebSocketContextType",
    "make_graphql_controller",
]
