#!/usr/bin/env bash
# strawberry (CLI from the `cli` extra): export a user's schema module found on --app-dir, generate
# client code with the python and typescript codegen plugins (loaded by name), generate code from
# SDL (libcst), and serve the schema with the dev server (uvicorn, started with reload=True, whose
# worker is a new Python process) and query it over HTTP on 127.0.0.1.
source "$(dirname "$0")/../lib.sh"
setup "$@"
cat > schema.py <<'PY'
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
PY
printf 'query GetBooks {\n  books {\n    title\n    author\n  }\n}\n' > books.graphql
run "$BIN" export-schema schema --output schema.graphql
expect_file schema.graphql 'hello\(name: String! = "world"\): String!'
expect_file schema.graphql 'books: \[Book!\]!'
mkdir gen
run "$BIN" codegen --schema schema --output-dir gen -p python -p typescript books.graphql
expect_file gen/books.py 'class GetBooksResultBooks'
expect_file gen/books.ts 'type GetBooksResultBooks'
run "$BIN" schema-codegen schema.graphql -o generated_schema.py
expect_file generated_schema.py '@strawberry.type'
expect_file generated_schema.py 'books: list\[Book\]'
PORT=$(free_port)
start_service dev.log "$BIN" dev schema --host 127.0.0.1 --port "$PORT"
SVC=$LAST_SVC_PID
wait_port "$PORT" 60 || { cp dev.log "$OUT"; fail "dev server did not listen on 127.0.0.1:$PORT within 60 s"; }
http_post "http://127.0.0.1:$PORT/graphql" '{"query": "{ hello(name: \"bench\") books { title author } }"}'
expect_output '"hello": ?"Hello bench"'
expect_output '"title": ?"Dune"'
stop_service "$SVC"
echo "functional: ok"
