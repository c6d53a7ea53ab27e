"""Loaded only by name: jinja2 imports it from the `extensions` line of render.ini (import_string)."""
from jinja2.ext import Extension


class ShoutExtension(Extension):
    """Adds the `shout` filter."""

    def __init__(self, environment):
        super().__init__(environment)
        environment.filters["shout"] = lambda value: f"{str(value).upper()}!"
