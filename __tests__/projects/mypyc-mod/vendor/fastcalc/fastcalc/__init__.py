"""Statistics compiled with mypyc (numbers and report are C extensions once built)."""
