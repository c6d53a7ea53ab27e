#!/usr/bin/env bash
# temporal-samples (message_passing/introduction): the worker binary against a Temporal dev server on
# 127.0.0.1:7233 (the sample's hard-coded address). The Temporal CLI plays the client: it starts a
# GreetingWorkflow, queries it, sends an update that runs an activity on the worker, approves it with
# a signal and reads the result. Needs the Temporal CLI (scripts/install-temporal.sh, or $TEMPORAL).
source "$(dirname "$0")/../lib.sh"
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
# Found before setup moves HOME under WORKDIR (the CLI lives in the user's cache).
TEMPORAL=${TEMPORAL:-$(bash "$REPO/scripts/install-temporal.sh" 2>/dev/null | tail -n 1)}
setup "$@"
[ -x "$TEMPORAL" ] || fail "no Temporal CLI (scripts/install-temporal.sh)"
if (exec 3<>/dev/tcp/127.0.0.1/7233) 2>/dev/null; then fail "127.0.0.1:7233 is already taken; the sample needs it"; fi
start_service temporal.log "$TEMPORAL" server start-dev --headless --ip 127.0.0.1 --port 7233 \
  --ui-port "$(free_port)" --db-filename "$WORKDIR/temporal.db" --log-level error
wait_port 7233 120 || { cp temporal.log "$OUT"; fail "Temporal dev server did not listen on 127.0.0.1:7233"; }
start_service worker.log "$BIN"
WORKER=$LAST_SVC_PID
wait_log worker.log 'Worker started' 90 || { cp worker.log "$OUT"; fail "worker did not log 'Worker started' within 90 s"; }
T() { run "$TEMPORAL" "$@" --address 127.0.0.1:7233; }
T workflow start --type GreetingWorkflow --task-queue message-passing-introduction-task-queue --workflow-id greet-1
T workflow query --workflow-id greet-1 --name get_languages --input '{"include_unsupported": false}'
expect_output '\[\s*2,\s*3\s*\]'
T workflow update execute --workflow-id greet-1 --name set_language_using_activity --input 4
expect_output '3'
T workflow query --workflow-id greet-1 --name get_language
expect_output '4'
T workflow signal --workflow-id greet-1 --name approve --input '{"name": "bench"}'
T workflow result --workflow-id greet-1
expect_output 'Bonjour, monde'
grep -q 'Traceback' worker.log && { cp worker.log "$OUT"; fail "the worker logged a traceback"; }
stop_service "$WORKER"
echo "functional: ok"
