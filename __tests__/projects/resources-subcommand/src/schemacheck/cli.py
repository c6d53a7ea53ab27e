"""`resources-subcommand validate FILE` checks FILE against the packaged schema.

Only `validate` reads the schema (importlib.resources), so --help and --version never touch it.
"""
import argparse
import json
import sys
from importlib.resources import files

from schemacheck import __version__

TYPES = {
    "integer": int,
    "string": str,
    "array": list,
    "boolean": bool,
    "object": dict,
    "number": (int, float),
}


def load_schema() -> dict:
    return json.loads((files("schemacheck") / "schemas" / "record.schema.json").read_text("utf-8"))


def problems(record: object, schema: dict) -> list[str]:
    if not isinstance(record, dict):
        return ["the record is not an object"]
    found = [f"missing field {key!r}" for key in schema.get("required", []) if key not in record]
    for key, rule in schema.get("properties", {}).items():
        expected = TYPES[rule["type"]]
        value = record.get(key)
        # bool is an int in Python; a schema's integer is not a boolean.
        wrong_bool = isinstance(value, bool) and rule["type"] in ("integer", "number")
        if key in record and (not isinstance(value, expected) or wrong_bool):
            found.append(f"field {key!r} is not of type {rule['type']}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description="Validate JSON records against the packaged schema.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check a JSON file against the record schema")
    validate.add_argument("file")
    args = parser.parse_args()

    schema = load_schema()
    with open(args.file, encoding="utf-8") as f:
        record = json.load(f)
    found = problems(record, schema)
    for p in found:
        print(f"{args.file}: {p}")
    checked = len(schema["properties"])
    print(f"{args.file}: {'invalid' if found else 'valid'} ({checked} fields checked against {schema['title']})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
