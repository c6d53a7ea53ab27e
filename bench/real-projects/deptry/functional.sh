#!/usr/bin/env bash
# deptry: scan two small projects (PEP 621 pyproject, then requirements.txt) for missing and unused
# dependencies, with JSON output, per-rule ignores and excludes.
source "$(dirname "$0")/../lib.sh"
setup "$@"
mkdir -p app/src/app app/scripts
printf '[project]\nname = "app"\nversion = "0.1"\ndependencies = ["requests", "click"]\n' > app/pyproject.toml
printf 'import os\nimport json\nimport click\nimport notinstalledmod\nfrom app import util\n' > app/src/app/main.py
: > app/src/app/__init__.py
: > app/src/app/util.py
printf 'import anothermissing\n' > app/scripts/tool.py
cd app || fail "cd app"
run_expect_exit 1 "$BIN" . --known-first-party app
expect_output "DEP002 'requests' defined as a dependency but not used"
expect_output "DEP001 'notinstalledmod' imported but missing"
expect_output "DEP001 'anothermissing' imported but missing"
expect_output 'Found 3 dependency issues'
run_expect_exit 1 "$BIN" . --known-first-party app --exclude scripts --json-output ../report.json
expect_file ../report.json '"code": "DEP001"'
expect_file ../report.json '"file": "src/app/main.py"'
grep -q anothermissing ../report.json && fail "--exclude scripts still reported scripts/tool.py"
run "$BIN" . --known-first-party app --exclude scripts --per-rule-ignores 'DEP002=requests,DEP001=notinstalledmod'
expect_output 'Success! No dependency issues found'
cd .. || fail "cd .."
mkdir -p legacy/pkg
printf 'click\nrequests>=2\n' > legacy/requirements.txt
printf 'import click\nimport requests\n' > legacy/pkg/mod.py
cd legacy || fail "cd legacy"
run "$BIN" . --requirements-txt requirements.txt
expect_output 'Success! No dependency issues found'
echo "functional: ok"
