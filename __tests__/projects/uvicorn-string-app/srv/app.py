"""A plain ASGI app: GET /hello?name=X answers "hello, X"."""
from urllib.parse import parse_qs


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    name = parse_qs(scope.get("query_string", b"").decode()).get("name", ["world"])[0]
    body = f"hello, {name}".encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": body})
