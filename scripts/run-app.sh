#!/usr/bin/env bash
# Set up a virtual environment from the project's own files and start I·Market·U POS on its
# embedded default: SQLite in the user data directory, demo data on first start, preview printer.
#
#   scripts/run-app.sh [--card-simulator] [posapp options...]
#
# Cards are keyed in by hand (no card terminal) unless POSAPP_CARD__TERMINAL says otherwise.
# --card-simulator starts the card-terminal simulator (posapp-card-simulator, a developer tool)
# on a free port of 127.0.0.1, points the till at it (POSAPP_CARD__TERMINAL=tcp://...) and stops
# it when the app exits; its log of requests is in $TMPDIR/posapp-card-simulator.log.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

simulator=0
args=()
for a in "$@"; do
  case "$a" in
    --card-simulator) simulator=1 ;;
    *) args+=("$a") ;;
  esac
done

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .

if [ "$simulator" = 0 ]; then
  export POSAPP_CARD__TERMINAL="${POSAPP_CARD__TERMINAL-}"  # "": cards by hand
  exec .venv/bin/posapp ${args[@]+"${args[@]}"}
fi

log="${TMPDIR:-/tmp}/posapp-card-simulator.log"
.venv/bin/posapp-card-simulator --host 127.0.0.1 --port 0 >"$log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT
uri=""
for _ in $(seq 100); do  # its first line is the URI for [card] terminal (10 s at most)
  uri="$(grep -m1 '^tcp://' "$log" 2>/dev/null || true)"
  [ -n "$uri" ] && break
  if ! kill -0 "$sim_pid" 2>/dev/null; then
    echo "the card-terminal simulator did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$uri" ]; then
  echo "the card-terminal simulator did not say where it listens (see $log)" >&2
  exit 1
fi
echo "card terminal: simulator at $uri (requests logged to $log)"
export POSAPP_CARD__PRACTICE=true  # 연습 모드 on screen and on every receipt
export POSAPP_CARD__TERMINAL="$uri"
status=0
.venv/bin/posapp ${args[@]+"${args[@]}"} || status=$?
exit "$status"
