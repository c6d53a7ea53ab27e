"""Launcher for commitizen's console script `cz` (entry_points.txt: cz = commitizen.cli:main)."""
import sys

from commitizen.cli import main

if __name__ == "__main__":
    sys.exit(main())
