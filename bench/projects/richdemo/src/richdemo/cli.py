"""Prints a table and a panel with rich: imports rich.console, rich.table, rich.panel at start."""
import sys
from importlib.metadata import version

from rich.console import Console
from rich.panel import Panel
from rich.table import Table


def main():
    if sys.argv[1:] == ["serve"]:
        # A service for the memory check: ready line, then wait for SIGTERM.
        import signal

        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        Console(width=80, force_terminal=False).print(Panel("serving", title="richdemo"))
        print("richdemo ready", flush=True)
        while True:
            signal.pause()
    if sys.argv[1:] == ["--version"]:
        print(f"richdemo {version('richdemo')}")
        return 0
    table = Table(title="builds")
    for column in ("backend", "mode", "seconds"):
        table.add_column(column)
    for row in (("pyinstaller", "onefile", "23"), ("nuitka", "onefile", "160")):
        table.add_row(*row)
    console = Console(width=80, force_terminal=False)
    console.print(table)
    console.print(Panel("done", title="richdemo"))
    return 0
