#!/usr/bin/env bash
# Installs the Temporal CLI (dev server included) from the Go module proxy. v1.5.1 is the newest
# `go install` accepts: from v1.6.0 the module's go.mod has a replace directive. The binary lands in
# a stable GOBIN and Go's module and build caches are reused, so later runs take seconds.
# Prints the binary's path as its last line.
set -euo pipefail
VERSION=1.5.1
GOBIN_DIR="${TEMPORAL_GOBIN:-$HOME/.cache/poetry-binary-action/go-bin}"
BIN="$GOBIN_DIR/temporal"
command -v go >/dev/null || { echo "error: Go is required to install the temporal CLI" >&2; exit 1; }
# A go-installed CLI reports "0.0.0-DEV", so the installed version is kept in a marker file.
if [ -x "$BIN" ] && [ "$(cat "$BIN.version" 2>/dev/null)" = "$VERSION" ] && "$BIN" --version >/dev/null 2>&1; then
  echo "$BIN"
  exit 0
fi
mkdir -p "$GOBIN_DIR"
echo "installing temporal CLI $VERSION with go install (first time: downloads and compiles)" >&2
GOBIN="$GOBIN_DIR" GOFLAGS=-mod=mod timeout 1500 go install "github.com/temporalio/cli/cmd/temporal@v$VERSION" >&2
"$BIN" --version >&2
echo "$VERSION" > "$BIN.version"
echo "$BIN"
