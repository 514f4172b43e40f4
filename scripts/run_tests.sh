#!/usr/bin/env bash
# Run the whole test suite against a real PostgreSQL.
#
# With DATABASE_URL set, the suite uses that database server. Otherwise it runs on a
# throw-away PostgreSQL cluster (and Redis) started by scripts/pg_sementara.sh. Where
# PostgreSQL is not installed it says how to install it and falls back to SQLite.
# Arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PY
# One worker per core (pytest-xdist), each on its own test database; a file's tests stay in
# one worker, so module fixtures (the browser, a simulated year) are made once.
# TES_PARALEL=0 runs in one process (e.g. to debug with pdb).
if [ "${TES_PARALEL:-auto}" != "0" ]; then
  set -- -n "${TES_PARALEL:-auto}" --dist loadfile "$@"
fi

if [ -n "${DATABASE_URL:-}" ]; then
  echo "Tes memakai DATABASE_URL yang sudah diatur."
  exec "$PY" -m pytest "$@"
fi

rc=0
scripts/pg_sementara.sh "$PY" -m pytest "$@" || rc=$?
if [ "$rc" = 69 ]; then
  echo "Tes dijalankan dengan SQLite sebagai gantinya; CI selalu memakai PostgreSQL." >&2
  export DATABASE_URL="sqlite:///$(pwd)/var/test.sqlite3"
  exec "$PY" -m pytest "$@"
fi
exit "$rc"
