""" Classes representing the data in the OpenAPI schema """

__all__ = ["GeneratorData", "import_string_from_class"]

from .openapi import GeneratorData, import_string_from_class
