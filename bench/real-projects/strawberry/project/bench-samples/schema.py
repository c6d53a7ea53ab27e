import strawberry


@strawberry.type
class Book:
    title: str
    author: str


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "world") -> str:
        return f"Hello {name}"

    @strawberry.field
    def books(self) -> list[Book]:
        return [Book(title="Dune", author="Herbert")]


schema = strawberry.Schema(query=Query)
