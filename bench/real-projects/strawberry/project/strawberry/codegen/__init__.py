from .query_codegen import (
    CodegenFile,
    CodegenResult,
    ConsolePlugin,
    QueryCodegen,
    QueryCodegenPlugin,
)

__all__ = [
    "CodegenFile",
    "CodegenResult",
    "ConsolePlugin",
    "QueryCodegen",
    "QueryCodegenPlugin",
]
