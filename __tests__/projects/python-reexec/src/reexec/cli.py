"""`python-reexec inline Q` runs `sys.executable -c CODE`; `python-reexec module Q` runs `-m reexec.worker`."""
import argparse
import subprocess
import sys

from reexec import __version__

INLINE = "import sys; from reexec.worker import answer; print('child (-c):', answer(sys.argv[1]))"


def main() -> int:
    parser = argparse.ArgumentParser(description="Answer questions in a child Python process.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, what in (("inline", "sys.executable -c CODE"), ("module", "sys.executable -m reexec.worker")):
        p = sub.add_parser(name, help=f"answer QUESTION in a child started as {what}")
        p.add_argument("question")
    args = parser.parse_args()

    if args.command == "inline":
        argv = [sys.executable, "-c", INLINE, args.question]
    else:
        argv = [sys.executable, "-m", "reexec.worker", args.question]
    child = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    sys.stdout.write(child.stdout)
    if child.returncode != 0:
        print(f"child exited {child.returncode}: {(child.stderr.strip().splitlines() or ['(no output)'])[-1]}", file=sys.stderr)
    print(f"parent: child exit {child.returncode}")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
