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

# --- the system libraries Qt's X11 plugin (xcb) links against (Debian/Ubuntu package names) --
# Qt's own message names only xcb-cursor0 whatever is missing; check each library here.
XCB_PACKAGES="libxcb-cursor0:libxcb-cursor.so.0 libxcb-icccm4:libxcb-icccm.so.4
libxcb-image0:libxcb-image.so.0 libxcb-keysyms1:libxcb-keysyms.so.1 libxcb-randr0:libxcb-randr.so.0
libxcb-render-util0:libxcb-render-util.so.0 libxcb-shape0:libxcb-shape.so.0
libxcb-shm0:libxcb-shm.so.0 libxcb-sync1:libxcb-sync.so.1 libxcb-util1:libxcb-util.so.1
libxcb-xfixes0:libxcb-xfixes.so.0 libxcb-xkb1:libxcb-xkb.so.1 libx11-xcb1:libX11-xcb.so.1
libxkbcommon0:libxkbcommon.so.0 libxkbcommon-x11-0:libxkbcommon-x11.so.0 libegl1:libEGL.so.1
libgl1:libGL.so.1 libfontconfig1:libfontconfig.so.1 libfreetype6:libfreetype.so.6
libdbus-1-3:libdbus-1.so.3 libglib2.0-0:libglib-2.0.so.0"

missing_xcb_packages() {
  local have entry
  have="$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true)"
  [ -n "$have" ] || return 0  # no ldconfig (not glibc Linux): nothing to say
  for entry in $XCB_PACKAGES; do
    grep -q "[[:space:]]${entry#*:} " <<<"$have" || printf '%s ' "${entry%%:*}"
  done
}

check_desktop_libraries() {
  case "$(uname -s)" in Linux) ;; *) return 0 ;; esac
  case "${QT_QPA_PLATFORM:-xcb}" in xcb*) ;; *) return 0 ;; esac  # offscreen, wayland: not xcb
  local missing
  missing="$(missing_xcb_packages)"
  [ -n "$missing" ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing the libraries Qt's X11 plugin needs: $missing"
    # shellcheck disable=SC2086  # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing || {
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
    }
    return
  fi
  echo "Qt's X11 plugin needs system libraries that are not installed. Run:" >&2
  echo "  sudo apt install $missing" >&2
  exit 1
}

check_desktop_libraries

[ -x .venv/bin/python ] || "$PY" -m venv .venv
# pip only when the project's own description changed since the last install (a stamp of
# pyproject.toml's hash and the Python version); every other start goes straight to the app
stamp=.venv/.posapp-installed
want="$(cat pyproject.toml <(.venv/bin/python -V 2>&1) | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! .venv/bin/python -c "import posapp" 2>/dev/null; then
  .venv/bin/python -m pip install -q --upgrade pip
  # setuptools says "Editable installation … folders with the same name" on every editable
  # install (information only, about its import finder): not a warning about this project
  PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install -q -e .
  echo "$want" >"$stamp"
fi

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
