#!/usr/bin/env bash
# cruft: generate a project from a local git cookiecutter template whose post-generation hook is a
# Python file (cookiecutter runs it with sys.executable), check it, then move the template on and
# update the project from it.
source "$(dirname "$0")/../lib.sh"
setup "$@"
mkdir -p tpl/hooks 'tpl/{{cookiecutter.project_slug}}'
cat > tpl/cookiecutter.json <<'JSON'
{"project_name": "Demo App", "project_slug": "{{ cookiecutter.project_name.lower().replace(' ', '_') }}", "version": "0.1.0"}
JSON
printf '# {{ cookiecutter.project_name }}\n\nversion {{ cookiecutter.version }}\n' > 'tpl/{{cookiecutter.project_slug}}/README.md'
cat > tpl/hooks/post_gen_project.py <<'PY'
import pathlib
import sys

pathlib.Path("GENERATED_BY_HOOK.txt").write_text(
    "slug={{ cookiecutter.project_slug }} major={}\n".format(sys.version_info[0])
)
PY
(cd tpl && git init -q -b main . && git add -A && git commit -q -m "template v1") || fail "git init template"
run "$BIN" create "$WORKDIR/tpl" --no-input --output-dir out --extra-context '{"project_name": "Shop Api"}'
expect_file out/shop_api/README.md '^# Shop Api$'
expect_file out/shop_api/GENERATED_BY_HOOK.txt '^slug=shop_api major=3$'
expect_file out/shop_api/.cruft.json '"project_slug": "shop_api"'
cd out/shop_api || fail "cd out/shop_api"
git init -q -b main . && git add -A && git commit -q -m "generated" || fail "git init project"
run "$BIN" check
expect_output 'up to date'
echo "a local note" >> README.md
run "$BIN" diff
expect_output 'a local note'
git commit -q -am "local note" || fail "commit local note"
printf 'license: MIT\n' > "$WORKDIR/tpl/{{cookiecutter.project_slug}}/LICENSE.txt"
(cd "$WORKDIR/tpl" && git add -A && git commit -q -m "template v2: license") || fail "commit template v2"
run_expect_exit 1 "$BIN" check
expect_output 'out of date'
run "$BIN" update --skip-apply-ask --allow-untracked-files
expect_file LICENSE.txt '^license: MIT$'
run "$BIN" check
expect_output 'up to date'
echo "functional: ok"
