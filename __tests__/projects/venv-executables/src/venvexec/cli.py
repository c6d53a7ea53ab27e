"""`venv-executables lint FILE` and `table` run tools of the project's dependencies by name, through
a shell, as post-generation hooks and task runners do: whatever `poetry run` puts on PATH."""
import argparse
import subprocess
import sys

from venvexec import __version__


def shell(command: str, stdin: str = "") -> int:
    # The shell resolves the name on PATH; the program itself never imports the tool.
    child = subprocess.run(command, shell=True, input=stdin, capture_output=True, text=True, timeout=60)
    sys.stdout.write(child.stdout)
    if child.returncode != 0:
        print(f"{command!r} exited {child.returncode}: {(child.stderr.strip().splitlines() or ['(no output)'])[-1]}", file=sys.stderr)
    return child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the dependencies' tools found on PATH.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    lint = sub.add_parser("lint", help="check FILE with ruff (a native executable of a dependency)")
    lint.add_argument("file")
    sub.add_parser("table", help="render a table with tabulate (a console script of a dependency)")
    args = parser.parse_args()
    if args.command == "lint":
        return shell(f"ruff check --no-cache --output-format concise --select F401 {args.file} && echo lint: clean")
    return shell("tabulate -1 -f github", stdin="name size\nruff 9\ntabulate 1\n")


if __name__ == "__main__":
    sys.exit(main())
