"""Fibonacci numbers from C. The extension's init imports _cffi_backend through the C API."""
from fastfib._native import lib


def fib(n: int) -> int:
    return int(lib.fib(n))
