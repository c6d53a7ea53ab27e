"""Serves srv/app.py's `app`, named by a string: uvicorn imports it (importlib) when it starts.

No code path reachable by analysis imports `app`. And uvicorn, after its graceful shutdown on
SIGTERM, raises SIGTERM again with the default handler, so the process dies of the signal and
never runs Python's exit handlers. `--version` and `--help` answer without serving.
"""
import argparse
import sys

import uvicorn


def main() -> int:
    parser = argparse.ArgumentParser(prog="uvicorn-string-app", description="Serves the greeting app.")
    parser.add_argument("--version", action="version", version="uvicorn-string-app 0.1.0")
    parser.add_argument("--port", type=int, default=28471)
    args = parser.parse_args()
    uvicorn.run("app:app", host="127.0.0.1", port=args.port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
