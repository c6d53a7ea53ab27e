#!/usr/bin/env bash
# rich-cli: render markdown, CSV, JSON, reStructuredText and highlighted source, and export HTML
# with a pygments theme chosen by name (pygments loads lexers and styles by module name).
source "$(dirname "$0")/../lib.sh"
setup "$@"
printf '# Release notes\n\nSome *emphasis* and a list:\n\n- first item\n- second item\n' > notes.md
printf 'fruit,qty\napple,3\npear,5\n' > stock.csv
printf 'def double(x):\n    return x * 2\n' > code.py
printf 'fn main() { println!("hi"); }\n' > code.rs
printf 'Heading\n=======\n\nA *rst* paragraph with ``code``.\n' > doc.rst
printf '{"items": [1, 2, {"nested": null}]}' > data.json
run "$BIN" notes.md --markdown --width 60
expect_output 'Release notes'
expect_output '• first item'
run "$BIN" stock.csv --csv
expect_output 'apple.*3'
expect_output 'fruit'
run "$BIN" data.json --json
expect_output '"nested": null'
run "$BIN" doc.rst --rst
expect_output 'A rst paragraph with code'
run "$BIN" code.py --syntax --line-numbers
expect_output '1 def double'
run "$BIN" code.rs --syntax --lexer rust --theme monokai --export-html code.html
expect_file code.html 'println'
expect_file code.html '#272822'
run "$BIN" '[bold]shipped[/bold] :rocket:' --print --emoji --export-html print.html
expect_file print.html 'font-weight: bold'
run "$BIN" --version
expect_output '^1\.8'
echo "functional: ok"
