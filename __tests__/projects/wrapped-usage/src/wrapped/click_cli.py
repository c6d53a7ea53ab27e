"""click front end: its usage line wraps to the width left after `Usage: PROG `."""
import click

from wrapped import __version__
from wrapped.plan import plan


@click.command()
@click.version_option(__version__)
@click.option("--exclude", multiple=True, metavar="PATTERN", help="skip paths matching PATTERN")
@click.option("--include", multiple=True, metavar="PATTERN", help="keep paths matching PATTERN")
@click.option("--dry-run", is_flag=True, help="only print the plan")
@click.option("--checksum", is_flag=True, help="compare by checksum instead of modification time")
@click.option("--delete-extraneous", is_flag=True, help="delete files missing from the source")
@click.option("--max-depth", type=int, default=8, show_default=True, help="how deep to descend")
@click.option("--bandwidth-limit", type=int, default=0, metavar="KBPS", help="0 means unlimited")
@click.option("--log-file", type=click.Path(), help="also write the plan to FILE")
@click.argument("source_directory")
@click.argument("destination_directory")
@click.argument("extra_patterns", nargs=-1)
def cli(
    exclude: tuple[str, ...],
    include: tuple[str, ...],
    dry_run: bool,
    checksum: bool,
    delete_extraneous: bool,
    max_depth: int,
    bandwidth_limit: int,
    log_file: str | None,
    source_directory: str,
    destination_directory: str,
    extra_patterns: tuple[str, ...],
) -> None:
    """Plan a sync between two folders."""
    click.echo(
        plan(
            source_directory,
            destination_directory,
            exclude + extra_patterns,
            dry_run,
            checksum,
            max_depth,
        )
    )


def main() -> None:
    cli()
