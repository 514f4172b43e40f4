"""What every benchmark script shares: the Django set-up on a database of its own, and the
measurement of one step (seconds and queries)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def siapkan(nama_db: str, *, segar: bool = True, setup: bool = True) -> None:
    """Make the project importable and point it at var/<nama_db>.sqlite3 (emptied first when
    `segar`) unless DATABASE_URL is set; then set Django up (not when a child process will)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    if "DATABASE_URL" not in os.environ:
        db = ROOT / "var" / f"{nama_db}.sqlite3"
        if segar:
            db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    elif os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        _buat_basis_data_postgres(os.environ["DATABASE_URL"])
    if setup:
        import django

        django.setup()


def _buat_basis_data_postgres(url: str) -> None:
    """Create the database of DATABASE_URL when the server has none of that name (the
    throw-away cluster of scripts/pg_sementara.sh starts empty)."""
    from urllib.parse import urlsplit

    import psycopg2

    bagian = urlsplit(url)
    nama = bagian.path.lstrip("/")
    koneksi = psycopg2.connect(url.replace(f"/{nama}", "/postgres", 1))
    koneksi.autocommit = True
    with koneksi.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{nama}"')
    koneksi.close()


class QueryCounter:
    """Counts every query (Django's query log keeps only the last 9000)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def ukur(fn: Callable[[], Any]) -> tuple[float, int, Any]:
    """Run `fn` once: its seconds, its queries and its result."""
    from django.db import connection

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        start = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - start
    return seconds, queries.count, result
