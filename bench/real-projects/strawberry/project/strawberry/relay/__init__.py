from .fields import ConnectionExtension, NodeExtension, connection, node
from .types import (
    Connection,
    Edge,
    GlobalID,
    GlobalIDValueError,
    ListConnection,
    Node,
    NodeID,
    NodeType,
    PageInfo,
)
from .utils import from_base64, to_base64

__all__ = [
    "Connection",
    "ConnectionExtension",
    "Edge",
    "GlobalID",
    "GlobalIDValueError",
    "ListConnection",
    "Node",
    "NodeExtension",
    "NodeID",
    "NodeType",
    "PageInfo",
    "connection",
    "from_base64",
    "node",
    "to_base64",
]
