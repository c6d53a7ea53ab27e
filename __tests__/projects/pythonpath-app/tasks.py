"""The user's task module (in the project root, not in a package), loaded with --app=tasks.app."""
from taskrunner import App

app = App("demo")


@app.task
def add(a: str, b: str) -> int:
    return int(a) + int(b)


@app.task
def shout(text: str) -> str:
    return text.upper()
