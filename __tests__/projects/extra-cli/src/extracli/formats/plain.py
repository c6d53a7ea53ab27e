"""One word per line."""


def render(words: list[str]) -> str:
    return "\n".join(words)
