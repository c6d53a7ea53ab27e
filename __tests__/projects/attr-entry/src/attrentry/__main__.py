"""`python -m attrentry`; the console script reaches `cli.cli` through this module's `cli` name."""
from attrentry import cli

if __name__ == "__main__":
    cli.cli()
