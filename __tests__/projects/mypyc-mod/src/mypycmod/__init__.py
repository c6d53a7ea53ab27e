"""A CLI over a dependency compiled with mypyc."""
__version__ = "0.1.0"
