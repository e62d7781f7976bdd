#!/usr/bin/env bash
# Set up a virtual environment from the project's own files and run the whole test suite:
# lint, the type checker (mypy: strict on all of posapp and posapp_devtools), import contracts,
# unit/property/service/Qt tests, on SQLite and on PostgreSQL
# (POSAPP_TEST_DATABASE_URL; default the server on 127.0.0.1:5432, database test; set it to
# an empty string to run SQLite only), then the benchmarks at their --quick size.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
export QT_QPA_PLATFORM=offscreen
export POSAPP_TEST_DATABASE_URL="${POSAPP_TEST_DATABASE_URL-postgresql://postgres@127.0.0.1:5432/test}"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
mypy_targets=(posapp)
if [ -d posapp_devtools ]; then mypy_targets+=(posapp_devtools); fi
.venv/bin/mypy "${mypy_targets[@]}"
if [ "$#" -gt 0 ]; then
  .venv/bin/pytest -q "$@"
else
  # every test on two workers more than the cores (pytest-xdist; many tests wait on
  # subprocesses, PostgreSQL and sockets: on 2 cores, 4 workers took 14.9 min and 3 took 16.5
  # for the same 1746 tests; POSAPP_TEST_WORKERS=0 runs them in one process) but the heartbeat
  # tests, which measure the Qt thread's stalls: alone afterwards, so no worker shares their CPU
  workers="${POSAPP_TEST_WORKERS:-$(($(nproc) + 2))}"
  .venv/bin/pytest -q -n "$workers" --ignore=tests/ui/test_responsiveness.py
  .venv/bin/pytest -q tests/ui/test_responsiveness.py
fi
for b in bench/[!_]*.py; do
  echo "== $b --quick"
  .venv/bin/python "$b" --quick
done
