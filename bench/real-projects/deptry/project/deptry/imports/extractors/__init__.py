from __future__ import annotations

from deptry.imports.extractors.notebook_import_extractor import NotebookImportExtractor
from deptry.imports.extractors.python_import_extractor import PythonImportExtractor

__all__ = (
    "NotebookImportExtractor",
    "PythonImportExtractor",
)
