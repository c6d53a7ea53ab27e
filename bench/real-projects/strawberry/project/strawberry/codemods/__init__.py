from .annotated_unions import ConvertUnionToAnnotatedUnion
from .maybe_optional import ConvertMaybeToOptional
from .replace_scalar_wrappers import ReplaceScalarWrappers
from .update_imports import UpdateImportsCodemod

__all__ = [
    "ConvertMaybeToOptional",
    "ConvertUnionToAnnotatedUnion",
    "ReplaceScalarWrappers",
    "UpdateImportsCodemod",
]
