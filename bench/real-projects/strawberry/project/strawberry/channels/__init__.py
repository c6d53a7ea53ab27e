from .handlers.base import ChannelsConsumer
from .handlers.http_handler import (
    ChannelsRequest,
    GraphQLHTTPConsumer,
    SyncGraphQLHTTPConsumer,
)
from .handlers.ws_handler import GraphQLWSConsumer
from .router import GraphQLProtocolTypeRouter

__all__ = [
    "ChannelsConsumer",
    "ChannelsRequest",
    "GraphQLHTTPConsumer",
    "GraphQLProtocolTypeRouter",
    "GraphQLWSConsumer",
    "SyncGraphQLHTTPConsumer",
]
