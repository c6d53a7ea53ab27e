"""`pythonpath-app --app=MODULE.ATTR run TASK ARGS...` loads the user's app and runs one task.

Like real workers, it imports MODULE by name; the quickstart says to run it with PYTHONPATH=. so
that the user's tasks.py in the working folder is found.
"""
import argparse
import importlib
import sys

from taskrunner import App, __version__


def load_app(spec: str) -> App:
    # Both spellings real workers accept: MODULE:ATTR and MODULE.ATTR.
    module_name, colon, attr = spec.partition(":")
    if not colon:
        module_name, _, attr = spec.rpartition(".")
    try:
        app = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as err:
        print(f"Error: Could not load app {spec!r}: {err}", file=sys.stderr)
        sys.exit(1)
    if not isinstance(app, App):
        print(f"Error: {spec!r} is not a taskrunner App", file=sys.stderr)
        sys.exit(1)
    return app


def main() -> int:
    parser = argparse.ArgumentParser(description="Run tasks from your own module.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--app", required=True, help="MODULE.ATTR of your App, e.g. tasks.app")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the app's tasks")
    run = sub.add_parser("run", help="run one task")
    run.add_argument("task")
    run.add_argument("args", nargs="*")
    args = parser.parse_args()

    app = load_app(args.app)
    if args.command == "list":
        print(f"app {app.name}: {', '.join(sorted(app.tasks))}")
        return 0
    if args.task not in app.tasks:
        print(f"Error: app {app.name} has no task {args.task!r}", file=sys.stderr)
        return 1
    print(f"{args.task}({', '.join(args.args)}) = {app.tasks[args.task](*args.args)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
