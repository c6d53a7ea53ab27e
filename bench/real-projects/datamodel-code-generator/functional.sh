#!/usr/bin/env bash
# datamodel-code-generator: generate models from a JSON Schema, an OpenAPI YAML document and sample
# JSON data, for pydantic v2, dataclasses and TypedDict (jinja2 templates beside the package's
# modules; output formatted by black, a mypyc-compiled dependency, and isort), then check that the
# generated modules parse.
source "$(dirname "$0")/../lib.sh"
setup "$@"
cat > pet.json <<'JSON'
{"$schema": "http://json-schema.org/draft-07/schema#", "title": "Pet", "type": "object",
 "properties": {"id": {"type": "integer"}, "name": {"type": "string", "maxLength": 40},
  "tags": {"type": "array", "items": {"type": "string"}}, "kind": {"enum": ["cat", "dog"]}},
 "required": ["id", "name"]}
JSON
cat > api.yaml <<'YAML'
openapi: "3.0.0"
info: {title: Store, version: "1.0"}
paths: {}
components:
  schemas:
    Order:
      type: object
      required: [id, items]
      properties:
        id: {type: string, format: uuid}
        placed: {type: string, format: date-time}
        items: {type: array, items: {$ref: "#/components/schemas/Item"}}
    Item:
      type: object
      properties:
        sku: {type: string}
        qty: {type: integer, minimum: 1}
YAML
printf '{"user": {"login": "ada", "id": 7, "roles": ["admin"]}, "active": true}' > sample.json
run "$BIN" --input pet.json --input-file-type jsonschema --output-model-type pydantic_v2.BaseModel --output pet_v2.py
expect_file pet_v2.py '^class Pet\(BaseModel\):'
expect_file pet_v2.py 'constr\(max_length=40\)'
expect_file pet_v2.py '^class Kind\(Enum\):'
run "$BIN" --input api.yaml --input-file-type openapi --output-model-type dataclasses.dataclass --output store.py
expect_file store.py '^@dataclass'
expect_file store.py '^class Order:'
expect_file store.py 'items: List\[Item\]'
run "$BIN" --input api.yaml --input-file-type openapi --output-model-type pydantic_v2.BaseModel --use-annotated --field-constraints --output store_v2.py
expect_file store_v2.py 'UUID'
expect_file store_v2.py 'AwareDatetime|datetime'
run "$BIN" --input sample.json --input-file-type json --output-model-type typing.TypedDict --class-name Payload --output payload.py
expect_file payload.py '^class Payload\(TypedDict\):'
expect_file payload.py 'roles: List\[str\]'
for f in pet_v2.py store.py store_v2.py payload.py; do
  python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$f" || fail "$f does not parse"
done
run "$BIN" --version
echo "functional: ok"
