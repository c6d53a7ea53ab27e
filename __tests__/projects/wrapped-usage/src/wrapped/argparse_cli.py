"""argparse front end: its usage line wraps to the width left after `usage: PROG `."""
import argparse

from wrapped import __version__
from wrapped.plan import plan


def main() -> int:
    parser = argparse.ArgumentParser(description="Plan a sync between two folders.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--exclude", action="append", default=[], metavar="PATTERN")
    parser.add_argument("--include", action="append", default=[], metavar="PATTERN")
    parser.add_argument("--dry-run", action="store_true", help="only print the plan")
    parser.add_argument("--checksum", action="store_true", help="compare by checksum")
    parser.add_argument("--delete-extraneous", action="store_true")
    parser.add_argument("--max-depth", type=int, default=8, metavar="DEPTH")
    parser.add_argument("--bandwidth-limit", type=int, default=0, metavar="KBPS")
    parser.add_argument("--log-file", metavar="FILE")
    parser.add_argument("source_directory")
    parser.add_argument("destination_directory")
    args = parser.parse_args()
    print(
        plan(
            args.source_directory,
            args.destination_directory,
            args.exclude,
            args.dry_run,
            args.checksum,
            args.max_depth,
        )
    )
    return 0
