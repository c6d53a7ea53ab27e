# Helpers for the functional.sh scripts of the real-project tier (sourced, not run).
# Usage in functional.sh:  source "$(dirname "$0")/../lib.sh"; setup "$@"
# Every command runs under `timeout`; the first failure prints one "functional: FAILED: ..." line
# (the runner reports it) plus the command's last output lines, and exits non-zero.

setup() {
  if [ $# -ne 2 ]; then
    echo "usage: functional.sh BINARY WORKDIR" >&2
    exit 2
  fi
  BIN=$1
  WORKDIR=$2
  mkdir -p "$WORKDIR"
  WORKDIR=$(cd "$WORKDIR" && pwd)
  cd "$WORKDIR" || exit 2
  # Files only under WORKDIR: HOME and the caches follow it; no network beyond 127.0.0.1.
  export HOME="$WORKDIR/home" XDG_CACHE_HOME="$WORKDIR/home/.cache" XDG_CONFIG_HOME="$WORKDIR/home/.config"
  export XDG_DATA_HOME="$WORKDIR/home/.local/share" NO_COLOR=1 COLUMNS=120 TERM=dumb
  export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
  export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
  export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
  export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
  mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
  OUT="$WORKDIR/.last-output"
  STEP_TIMEOUT=${STEP_TIMEOUT:-120}
}

fail() {
  echo "functional: FAILED: $*"
  if [ -s "$OUT" ]; then
    echo "--- last output ---"
    tail -n 25 "$OUT"
  fi
  exit 1
}

# run CMD...: runs it (bounded), output to $OUT; fails on a non-zero exit.
run() {
  echo "+ $*"
  timeout -k 10 "$STEP_TIMEOUT" "$@" >"$OUT" 2>&1
  local rc=$?
  [ $rc -eq 0 ] || fail "$* (exit $rc)"
}

# run_expect_exit CODE CMD...: like run, but expects that exit code.
run_expect_exit() {
  local want=$1
  shift
  echo "+ $* (expect exit $want)"
  timeout -k 10 "$STEP_TIMEOUT" "$@" >"$OUT" 2>&1
  local rc=$?
  [ $rc -eq "$want" ] || fail "$* (exit $rc, expected $want)"
}

# expect_output REGEX: the last command's output matches (grep -E).
expect_output() {
  sed 's/\x1b\[[0-9;]*m//g' "$OUT" | grep -Eq -- "$1" || fail "output of the last command lacks /$1/"
}

# expect_file PATH [REGEX]: a file exists (and matches).
expect_file() {
  [ -f "$1" ] || fail "file $1 was not created"
  if [ $# -gt 1 ]; then grep -Eq -- "$2" "$1" || fail "file $1 lacks /$2/"; fi
}

# free_port: prints a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_port PORT SECONDS: waits until something accepts on 127.0.0.1:PORT.
wait_port() {
  local until=$((SECONDS + $2))
  while [ $SECONDS -lt "$until" ]; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.3
  done
  return 1
}

# wait_log FILE REGEX SECONDS: waits until FILE has a line matching REGEX.
wait_log() {
  local until=$((SECONDS + $3))
  while [ $SECONDS -lt "$until" ]; do
    grep -Eq -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.3
  done
  return 1
}

# stop_pid PID: SIGTERM, then SIGKILL after 10 s.
stop_pid() {
  kill -TERM "$1" 2>/dev/null || return 0
  local until=$((SECONDS + 10))
  while kill -0 "$1" 2>/dev/null && [ $SECONDS -lt "$until" ]; do sleep 0.2; done
  kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null
  return 0
}

# start_service LOG CMD...: starts CMD in its own process group, output to LOG; stopped on exit.
start_service() {
  local log=$1
  shift
  echo "+ $* & (service, log $log)"
  setsid "$@" >"$log" 2>&1 &
  SVC_PIDS="${SVC_PIDS:-} $!"
  trap stop_services EXIT
  LAST_SVC_PID=$!
}

# stop_service PID: SIGTERM to its process group, SIGKILL after 10 s.
stop_service() {
  kill -TERM -- "-$1" 2>/dev/null || return 0
  local until=$((SECONDS + 10))
  while kill -0 "$1" 2>/dev/null && [ $SECONDS -lt "$until" ]; do sleep 0.2; done
  kill -KILL -- "-$1" 2>/dev/null
  wait "$1" 2>/dev/null
  return 0
}

stop_services() {
  local pid
  for pid in ${SVC_PIDS:-}; do stop_service "$pid"; done
  SVC_PIDS=
}

# http_post URL JSON: POSTs JSON (bounded), response body to $OUT.
http_post() {
  echo "+ POST $1 $2"
  curl -sS -m 10 --noproxy '*' -X POST -H 'content-type: application/json' -d "$2" "$1" >"$OUT" 2>&1 || fail "POST $1 (curl exit $?)"
}
