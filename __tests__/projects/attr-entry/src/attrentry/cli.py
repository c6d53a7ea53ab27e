"""The command line itself."""
import argparse
import sys

from attrentry import __version__


def cli() -> None:
    parser = argparse.ArgumentParser(description="Greet through an attribute-path entry point.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    hello = sub.add_parser("hello", help="greet NAME")
    hello.add_argument("name")
    hello.add_argument("--times", type=int, default=1)
    args = parser.parse_args()
    for _ in range(args.times):
        print(f"hello, {args.name} (via attrentry.__main__:cli.cli)")
    sys.exit(0)
