#!/usr/bin/env bash
# openapi-python-client: generate a client package from an OpenAPI document (jinja2 templates read
# through a PackageLoader), with a config file, regenerate it with `update`. The post-generation hooks run `ruff` (a locked dependency) from PATH, as
# `poetry run` provides it: its warnings count as failures.
source "$(dirname "$0")/../lib.sh"
setup "$@"
cp "$(dirname "$0")/project/bench-samples/petstore.yaml" api.yaml
printf 'project_name_override: shop-client\npackage_name_override: shop_client\nclass_overrides:\n  Pet:\n    class_name: Animal\n    module_name: animal\n' > config.yaml
run "$BIN" generate --path api.yaml --config config.yaml
expect_output 'Generating shop-client'
if grep -q 'not in PATH\|Warning(s) encountered' "$OUT"; then fail "post-generation hooks did not run: $(grep -m1 'not in PATH' "$OUT")"; fi
expect_file shop-client/pyproject.toml 'name = "shop-client"'
expect_file shop-client/shop_client/models/animal.py '^class Animal:'
expect_file shop-client/shop_client/api/default/get_pet.py 'def sync_detailed'
expect_file shop-client/README.md 'shop_client'
for f in $(find shop-client -name '*.py'); do
  python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$f" || fail "$f does not parse"
done
sed -i 's/enum: \[available, sold\]/enum: [available, sold, pending]/' api.yaml
run "$BIN" update --path api.yaml --config config.yaml
expect_file shop-client/shop_client/models/animal_status.py 'PENDING = "pending"'
run "$BIN" --version
expect_output 'version: 0\.17'
echo "functional: ok"
