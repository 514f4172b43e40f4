"""Time and query count of loading the demo data: a first load into an empty database and a
repeated (no-op) load. Run: .venv/bin/python benchmarks/load_demo_data.py

Uses a fresh SQLite file under var/ unless DATABASE_URL is set."""

from __future__ import annotations

import bersama

bersama.siapkan("bench")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from kinerja.demo_data import load_demo_data  # noqa: E402


def measure(label: str) -> None:
    seconds, queries, result = bersama.ukur(load_demo_data)
    created = sum(result.stats.created.values())
    changed = sum(result.stats.changed.values())
    print(
        f"{label:14s} {seconds:6.2f} s  {queries:5d} queries  "
        f"{created:4d} rows created  {changed:4d} changed"
    )


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    measure("first load")
    measure("repeated load")
