"""Pure Python, imported only by the C function greeter._core.greet (PyImport_ImportModule)."""


def frame(text: str) -> str:
    bar = "*" * (len(text) + 4)
    return f"{bar}\n* {text} *\n{bar}"
