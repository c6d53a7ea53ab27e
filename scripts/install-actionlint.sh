#!/usr/bin/env bash
# Installs actionlint (the GitHub Actions workflow linter) with `go install` from the Go module
# proxy into a cache folder, and prints its absolute path as the last line of stdout.
#
#   actionlint="$(bash scripts/install-actionlint.sh)"
#   "$actionlint" .github/workflows/*.yml
#
# Idempotent: a cached binary of the pinned version is reused. Everything else goes to stderr.
#   ACTIONLINT_VERSION      module version (default below)
#   ACTIONLINT_INSTALL_DIR  cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/actionlint)
set -euo pipefail
VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
DIR="${ACTIONLINT_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/actionlint}/$VERSION"
BIN="$DIR/actionlint"
if [ -x "$BIN" ] && "$BIN" -version 2>/dev/null | head -1 | grep -qx "$VERSION"; then
  printf '%s\n' "$BIN"
  exit 0
fi
command -v go >/dev/null || { echo "install-actionlint: Go is needed to build actionlint" >&2; exit 1; }
mkdir -p "$DIR"
echo "install-actionlint: go install github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
GOBIN="$DIR" go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
"$BIN" -version | head -1 >&2
printf '%s\n' "$BIN"
