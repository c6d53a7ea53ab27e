"""The command line, which needs click: present only with `poetry install --extras cli`."""
import click

from extracli import __version__
from extracli.core import summarize


@click.group()
@click.version_option(__version__)
def cli() -> None:
    """Word statistics."""


@cli.command()
@click.argument("words", nargs=-1, required=True)
def count(words: tuple[str, ...]) -> None:
    """Count WORDS and their letters."""
    click.echo(summarize(list(words)))


def main() -> None:
    cli()
