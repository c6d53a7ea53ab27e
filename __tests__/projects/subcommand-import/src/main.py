"""Imports its provider by a computed name, and only in the `greet` subcommand.

--help never reaches the import, so a build that passes --help can still fail on real work. The CLI
has no --version flag at all: under poetry run too, --version exits 2 with a usage error.
"""
import argparse
import importlib
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description="Greets through a provider chosen at run time.")
    sub = parser.add_subparsers(dest="command", required=True)
    greet = sub.add_parser("greet")
    greet.add_argument("name")
    greet.add_argument("--provider", default="formal")
    args = parser.parse_args()
    provider = importlib.import_module(f"providers.{args.provider}")
    print(provider.greet(args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
