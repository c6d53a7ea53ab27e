"""Renders templates that ship inside its own package, the way many real CLIs do.

jinja2's PackageLoader checks the templates folder with os.path.isdir when the loader is created,
so a binary built without the package's data files fails on every command that renders.
"""
import argparse
import sys

from tplcli.render import render


def main() -> int:
    parser = argparse.ArgumentParser(description="Render a greeting from a packaged template.")
    sub = parser.add_subparsers(dest="command", required=True)
    greet = sub.add_parser("greet", help="render the greeting template")
    greet.add_argument("name")
    args = parser.parse_args()
    if args.command == "greet":
        print(render("greeting.txt.j2", name=args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
