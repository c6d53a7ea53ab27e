"""`cffi-ext fib N` calls C code compiled by cffi; its extension module imports _cffi_backend from C."""
import argparse

from cffiext import __version__


def main() -> int:
    parser = argparse.ArgumentParser(description="Fibonacci numbers computed in C through cffi.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    fib = sub.add_parser("fib", help="print the N-th Fibonacci number")
    fib.add_argument("n", type=int)
    args = parser.parse_args()
    # Imported here, as many CLIs do: --help never loads the native module.
    from fastfib import fib as native_fib

    print(f"fib({args.n}) = {native_fib(args.n)} (computed in C)")
    return 0
