"""The library part: no dependencies."""


def summarize(words: list[str]) -> str:
    letters = sum(len(w) for w in words)
    longest = max(words, key=len) if words else "(none)"
    return f"{len(words)} words, {letters} letters, longest: {longest}"
