from strawberry.fastapi.context import BaseContext
from strawberry.fastapi.router import GraphQLRouter

__all__ = ["BaseContext", "GraphQLRouter"]
