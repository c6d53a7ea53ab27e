"""`mypyc-mod stats 3 1 4 1 5` calls two mypyc-compiled modules that share one hash-named helper."""
import argparse

from mypycmod import __version__


def main() -> int:
    parser = argparse.ArgumentParser(description="Statistics computed by mypyc-compiled code.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    stats = sub.add_parser("stats", help="print mean and spread of integers")
    stats.add_argument("values", nargs="+", type=int)
    args = parser.parse_args()
    # Imported here, as many CLIs do: --help never loads the compiled modules.
    from fastcalc.report import describe

    print(describe(args.values))
    return 0
