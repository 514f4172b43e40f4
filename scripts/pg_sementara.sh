#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL (and Redis, where redis-server is installed):
#
#   scripts/pg_sementara.sh COMMAND [ARG ...]
#
# The cluster is made by initdb in a temporary directory, listens on 127.0.0.1 on a free port
# and is removed when the command ends; DATABASE_URL (and REDIS_URL) point the command at it.
# As root (CI) the servers run as an unprivileged user, because PostgreSQL refuses to run as
# root. Exits 69 (EX_UNAVAILABLE) with a message when PostgreSQL is not installed. Used by
# run_tests.sh (the suite) and mutasi.sh (mutating modules whose tests use the database).
set -euo pipefail
PY=${PY:-$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python}

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
MSG
  exit 69
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-pg.XXXXXX")
runas=()
if [ "$(id -u)" = "0" ]; then
  pg_user=postgres
  id "$pg_user" >/dev/null 2>&1 || pg_user=nobody
  chown "$pg_user" "$tmp"
  runas=(runuser -u "$pg_user" --)
fi
port_bebas() {
  "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(port_bebas)

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

# A throw-away Redis for the test that runs a real Celery worker (REDIS_URL).
if [ -z "${REDIS_URL:-}" ] && command -v redis-server >/dev/null 2>&1; then
  redis_port=$(port_bebas)
  "${runas[@]}" redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log" --dir "$tmp"
  export REDIS_URL="redis://127.0.0.1:${redis_port}/0"
  echo "Redis sementara di port $redis_port."
fi
"$@"
