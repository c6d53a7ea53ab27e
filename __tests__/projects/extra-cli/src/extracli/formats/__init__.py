"""Output formats for `export`, each a module loaded by its name (--format NAME)."""
