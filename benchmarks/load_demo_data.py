"""Time and query count of loading the demo data: a first load into an empty database and a
repeated (no-op) load. Run: .venv/bin/python benchmarks/load_demo_data.py

Uses a fresh SQLite file under var/ unless DATABASE_URL is set."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
if "DATABASE_URL" not in os.environ:
    db = ROOT / "var" / "bench.sqlite3"
    db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from kinerja.demo_data import load_demo_data  # noqa: E402


class QueryCounter:
    """Counts every query (Django's query log keeps only the last 9000)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(label: str) -> None:
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        start = time.perf_counter()
        result = load_demo_data()
        seconds = time.perf_counter() - start
    created = sum(result.stats.created.values())
    changed = sum(result.stats.changed.values())
    print(
        f"{label:14s} {seconds:6.2f} s  {queries.count:5d} queries  "
        f"{created:4d} rows created  {changed:4d} changed"
    )


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    measure("first load")
    measure("repeated load")
