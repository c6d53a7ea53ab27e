from .client import GraphQLTestClient

__all__ = ["GraphQLTestClient"]
