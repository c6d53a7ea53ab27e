"""A table of words and their lengths; tabulate comes with the `cli` extra."""
from tabulate import tabulate


def render(words: list[str]) -> str:
    return tabulate([(w, len(w)) for w in words], headers=["word", "letters"], tablefmt="github")
