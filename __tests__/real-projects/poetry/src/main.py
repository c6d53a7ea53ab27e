"""Launcher for Poetry's console script `poetry` (entry_points.txt: poetry = poetry.console.application:main)."""
import sys

from poetry.console.application import main

if __name__ == "__main__":
    sys.exit(main())
