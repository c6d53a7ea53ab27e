#!/usr/bin/env bash
# Around the action runs of temporal-samples: a Temporal dev server on 127.0.0.1:7233 (the sample's
# hard-coded address), so that the action's service check (ready-pattern) can see the worker start.
# usage: action-env.sh start|stop DIR
set -euo pipefail
verb=$1 dir=$2
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
case $verb in
  start)
    temporal=${TEMPORAL:-$(bash "$REPO/scripts/install-temporal.sh" | tail -n 1)}
    ui=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    setsid "$temporal" server start-dev --headless --ip 127.0.0.1 --port 7233 --ui-port "$ui" \
      --db-filename "$dir/temporal.db" --log-level error > "$dir/temporal.log" 2>&1 &
    echo $! > "$dir/temporal.pid"
    for _ in $(seq 1 240); do (exec 3<>/dev/tcp/127.0.0.1/7233) 2>/dev/null && exit 0; sleep 0.5; done
    echo "Temporal dev server did not listen on 127.0.0.1:7233" >&2; exit 1 ;;
  stop)
    [ -f "$dir/temporal.pid" ] || exit 0
    pid=$(cat "$dir/temporal.pid")
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true ;;
esac
