#!/usr/bin/env bash
# Set up a virtual environment from the project's own files and start I·Market·U POS on its
# embedded default: SQLite in the user data directory, demo data on first start, preview printer.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/posapp "$@"
