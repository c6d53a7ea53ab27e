"""`listed-commands`: each subcommand is a module of listcmd/commands, found by listing that
folder for *.py files (as tartufo's click group does) and imported by its computed name.

The listing happens at every start, --help included: a binary whose commands folder holds no .py
files (its modules compiled in, or in an archive) starts with no subcommands at all.
"""
import argparse
import importlib
import sys
from importlib.metadata import version
from pathlib import Path

COMMANDS = Path(__file__).parent / "commands"


def main() -> int:
    parser = argparse.ArgumentParser(prog="listed-commands", description="Runs commands found on disk.")
    parser.add_argument("--version", action="version", version=version("listed-commands"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for path in sorted(COMMANDS.glob("*.py")):
        if path.stem.startswith("_"):
            continue
        module = importlib.import_module(f"listcmd.commands.{path.stem}")
        module.register(sub.add_parser(path.stem.replace("_", "-"), help=module.__doc__.strip()))
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
