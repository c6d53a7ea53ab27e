#!/usr/bin/env bash
# The seed plan's functional tests on the frozen binary, against a local Temporal dev server.
set -euo pipefail
BIN=${1:?usage: functional-test.sh path/to/agent-runner}
TEMPORAL=$(bash "$(dirname "$0")/../../scripts/install-temporal.sh" | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
UI_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DB=$(mktemp -d)/dev.db
export TEMPORAL_ADDRESS=127.0.0.1:$PORT AGENT_RUNNER_FAKE_MODEL=1
"$TEMPORAL" server start-dev --headless --ip 127.0.0.1 --port "$PORT" --ui-port "$UI_PORT" --db-filename "$DB" --log-level error &
SERVER=$!
WORKER=
cleanup() { [ -n "$WORKER" ] && kill -9 "$WORKER" 2>/dev/null || true; kill "$SERVER" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 120); do (echo > /dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.5; done

echo "1. --help";            "$BIN" --help > /dev/null
LOG=$(mktemp)
echo "2. worker connects";   "$BIN" worker > "$LOG" 2>&1 & WORKER=$!
for _ in $(seq 1 120); do grep -q "agent-runner worker ready" "$LOG" && break; sleep 0.5; done
grep -q "agent-runner worker ready" "$LOG"
echo "3. agent workflow";    "$BIN" trigger --prompt "hello" | tee /dev/stderr | grep -q '"result"'
echo "4. env vars";          ANTHROPIC_API_KEY=dummy "$BIN" check-env ANTHROPIC_API_KEY
if ANTHROPIC_API_KEY= "$BIN" check-env ANTHROPIC_API_KEY; then echo "check-env should fail without the key" >&2; exit 1; fi
echo "5. SIGTERM";           kill -TERM "$WORKER"
for _ in $(seq 1 30); do kill -0 "$WORKER" 2>/dev/null || break; sleep 0.5; done
wait "$WORKER"; CODE=$?; WORKER=
[ "$CODE" = 0 ] || { echo "worker exited $CODE after SIGTERM" >&2; exit 1; }
echo "Functional tests passed"
