"""Counts the words of a file."""
from pathlib import Path


def register(parser):
    parser.add_argument("file")
    parser.set_defaults(run=run)


def run(args):
    words = Path(args.file).read_text("utf-8").split()
    print(f"{args.file}: {len(words)} words")
    return 0
