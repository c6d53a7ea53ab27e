"""The command line, which needs click: present only with `poetry install --extras cli`."""
import importlib

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


@cli.command()
@click.option("--format", "fmt", default="plain", help="An output format: a module of extracli.formats.")
@click.argument("words", nargs=-1, required=True)
def export(fmt: str, words: tuple[str, ...]) -> None:
    """Write WORDS in the output format FMT (loaded by its name)."""
    try:
        module = importlib.import_module(f"extracli.formats.{fmt}")
    except ImportError as exc:
        raise click.ClickException(f"format {fmt} is not available: {exc}") from exc
    click.echo(module.render(list(words)))


def main() -> None:
    cli()
