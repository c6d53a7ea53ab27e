#!/usr/bin/env bash
# poethepoet: run a project's tasks — a cmd task, a script task (poe runs it with `python -c`), an
# argument task, a sequence and an expr task — list them, and do a dry run (poe starts
# `sys.executable -c ""` as its dummy process).
source "$(dirname "$0")/../lib.sh"
setup "$@"
cat > pyproject.toml <<'TOML'
[tool.poe.tasks]
greet = { cmd = "echo hello from poe", help = "Say hello" }
write = { script = "tasks:write_file(name='out.txt')", help = "Write a file" }
shout = { cmd = "echo ${word}", args = ["word"] }
both = ["greet", "write"]
sum = { expr = "1 + 41" }
TOML
printf 'import pathlib\n\ndef write_file(name):\n    pathlib.Path(name).write_text("written by the script task\\n")\n    print("wrote", name)\n' > tasks.py
run "$BIN" greet
expect_output '^hello from poe$'
run "$BIN" shout --word parity
expect_output '^parity$'
run "$BIN" both
expect_output '^wrote out.txt$'
expect_file out.txt '^written by the script task$'
run "$BIN" sum
expect_output '^42$'
run "$BIN" -d greet
expect_output 'Poe => echo hello from poe'
if grep -qiE 'error|usage|unrecognized' "$OUT"; then fail "dry run printed an error: $(grep -m1 -iE 'error|usage|unrecognized' "$OUT")"; fi
run_expect_exit 1 "$BIN" no-such-task
expect_output "Unrecognized task 'no-such-task'"
run "$BIN" --help
expect_output 'Say hello'
expect_output 'Write a file'
echo "functional: ok"
