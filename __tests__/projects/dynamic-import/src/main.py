"""Loads its plugin with importlib on a computed name, which PyInstaller cannot see."""
import argparse
import importlib
import sys


def load_plugin(name: str):
    return importlib.import_module("plugins." + name)


def main() -> int:
    parser = argparse.ArgumentParser(prog="dynamic-import")
    parser.add_argument("--version", action="store_true")
    parser.add_argument("--plugin", default="greeter")
    args = parser.parse_args()
    plugin = load_plugin(args.plugin)
    if args.version:
        print("dynamic-import 0.1.0")
    print(plugin.greet())
    return 0


if __name__ == "__main__":
    sys.exit(main())
