from .client import BaseGraphQLTestClient, Body, Response

__all__ = ["BaseGraphQLTestClient", "Body", "Response"]
