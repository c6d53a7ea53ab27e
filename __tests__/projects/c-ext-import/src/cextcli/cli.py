"""`c-ext-import greet NAME` calls C code, which imports greeter.helper through the C API."""
import argparse

from cextcli import __version__


def main() -> int:
    parser = argparse.ArgumentParser(description="Greetings formatted by a C extension.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    greet = sub.add_parser("greet", help="print a framed greeting")
    greet.add_argument("name")
    args = parser.parse_args()
    from greeter import greet as native_greet

    print(native_greet(args.name))
    return 0
