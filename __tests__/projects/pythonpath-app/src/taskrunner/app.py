"""The application object users create in their task module."""
from typing import Callable


class App:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tasks: dict[str, Callable[..., object]] = {}

    def task(self, func: Callable[..., object]) -> Callable[..., object]:
        self.tasks[func.__name__] = func
        return func
