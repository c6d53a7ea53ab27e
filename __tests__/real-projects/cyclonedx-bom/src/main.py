"""Launcher for cyclonedx-bom's console script `cyclonedx-py` (entry_points.txt: cyclonedx-py = cyclonedx_py._internal.cli:run)."""
import sys

from cyclonedx_py._internal.cli import run

if __name__ == "__main__":
    sys.exit(run())
