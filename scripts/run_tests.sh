#!/usr/bin/env bash
# Run the whole test suite against a real PostgreSQL.
#
# With DATABASE_URL set, the suite uses that database server. Otherwise this script starts a
# throw-away PostgreSQL cluster (initdb in a temporary directory, listening on 127.0.0.1 on a
# free port), runs the suite and removes the cluster afterwards. As root (CI) the cluster
# runs as an unprivileged user, because PostgreSQL refuses to run as root. Where PostgreSQL is
# not installed it says how to install it and falls back to SQLite.
# Arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

if [ -n "${DATABASE_URL:-}" ]; then
  echo "Tes memakai DATABASE_URL yang sudah diatur."
  exec "$PY" -m pytest "$@"
fi

pg_bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" \
                 $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin="$candidate"; break; fi
done

if [ -z "$pg_bin" ]; then
  cat >&2 <<'MSG'
PostgreSQL tidak ditemukan (initdb/pg_ctl). Pasang dengan:
    sudo apt-get install postgresql        # Debian/Ubuntu
    brew install postgresql                # macOS
Tes dijalankan dengan SQLite sebagai gantinya; CI selalu memakai PostgreSQL.
MSG
  export DATABASE_URL="sqlite:///$(pwd)/var/test.sqlite3"
  exec "$PY" -m pytest "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-pg.XXXXXX")
runas=()
if [ "$(id -u)" = "0" ]; then
  pg_user=postgres
  id "$pg_user" >/dev/null 2>&1 || pg_user=nobody
  chown "$pg_user" "$tmp"
  runas=(runuser -u "$pg_user" --)
fi
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop_cluster() {
  "${runas[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  if [ -f "$tmp/redis.pid" ]; then kill "$(cat "$tmp/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap stop_cluster EXIT

"${runas[@]}" "$pg_bin/initdb" -D "$tmp/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; exit 1; }
"${runas[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-k $tmp -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
echo "PostgreSQL sementara $("$pg_bin/postgres" --version | awk '{print $3}') di $tmp (port $port)."

export DATABASE_URL="postgres://postgres@127.0.0.1:${port}/kinerja"

# A throw-away Redis for the test that runs a real Celery worker (REDIS_URL); where
# redis-server is not installed that test says how to install it (CI installs it).
if [ -z "${REDIS_URL:-}" ] && command -v redis-server >/dev/null 2>&1; then
  redis_port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${runas[@]}" redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log" --dir "$tmp"
  export REDIS_URL="redis://127.0.0.1:${redis_port}/0"
  echo "Redis sementara di port $redis_port."
fi
"$PY" -m pytest "$@"
