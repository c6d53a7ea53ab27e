"""Imports idna only inside a function no normal run calls: PyInstaller bundles it, nobody uses it."""
import argparse
import sys


def to_ascii(host: str) -> str:
    import idna  # bundled because PyInstaller sees this import; dead weight at run time

    return idna.encode(host).decode()


def main() -> int:
    parser = argparse.ArgumentParser(prog="dead-weight")
    parser.add_argument("--version", action="store_true")
    parser.add_argument("--punycode")
    parser.add_argument("--shout")
    args = parser.parse_args()
    if args.shout:
        print(args.shout.upper())
    elif args.punycode:
        print(to_ascii(args.punycode))
    elif args.version:
        print("dead-weight 0.1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
