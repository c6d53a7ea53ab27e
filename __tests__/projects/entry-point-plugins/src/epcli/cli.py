"""Finds its plugins the way real CLIs do: importlib.metadata entry points, loaded by name."""
import argparse
import sys
from importlib.metadata import entry_points, version

GROUP = "epcli.plugins"
# Looked up through a name, as most CLIs do (version(__name__)-style): PyInstaller's scan for literal
# importlib.metadata.version("...") calls cannot see it.
DISTRIBUTION = "epcli"


def plugins():
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def main() -> int:
    parser = argparse.ArgumentParser(prog="epcli", description="Run a text plugin.")
    parser.add_argument("--version", action="version", version=f"epcli {version(DISTRIBUTION)}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the installed plugins")
    run = sub.add_parser("run", help="run one plugin")
    run.add_argument("plugin")
    run.add_argument("text")
    args = parser.parse_args()
    found = plugins()
    if args.command == "list":
        for name in sorted(found):
            print(name)
        return 0
    if args.plugin not in found:
        print(f"Plugin {args.plugin!r} not found in the system, try pip install epcli-{args.plugin}", file=sys.stderr)
        return 3
    print(found[args.plugin].load()(args.text))
    return 0
