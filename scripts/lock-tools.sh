#!/usr/bin/env bash
# Regenerates the hash-locked requirement files in src/tools/locks/ from their .in files, with uv's
# universal resolver: one file per tool that holds every wheel's hash for every platform (Linux,
# macOS, Windows; x64 and arm64) and every Python from the lowest the tool supports on. Run it after
# changing a default version (src/inputs.ts) or a companion pin, then `npm test` checks the pins.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8
TOOLS="$HOME/.cache/poetry-binary-action/lock-tools"
if [ ! -x "$TOOLS/bin/uv" ] || ! "$TOOLS/bin/uv" --version | grep -q " $UV_VERSION"; then
  rm -rf "$TOOLS"
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
# Lowest Python each lock covers: Poetry 2.5 needs 3.10; zstandard 0.25 (Nuitka's companion) 3.9;
# PyInstaller 6 3.8 (the action's MIN_PYTHON).
declare -A FLOOR=([poetry]=3.10 [pyinstaller]=3.8 [nuitka]=3.9 [nuitka-build]=3.9)
cd src/tools/locks
for name in poetry pyinstaller nuitka nuitka-build; do
  "$TOOLS/bin/uv" pip compile --quiet --universal --generate-hashes --no-annotate \
    --python-version "${FLOOR[$name]}" --custom-compile-command "bash scripts/lock-tools.sh" \
    "$name.in" -o "$name.txt"
  echo "$name.txt: $(grep -c '==' "$name.txt") pins"
done
