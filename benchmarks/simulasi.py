"""Time and query count of `manage.py buat_simulasi --tahun 2023` at 24, 240 and 1000 satker,
each on the demo data alone (the database is emptied and the demo data reloaded before each
size), and of the repeated run, which must make nothing.
Run: .venv/bin/python benchmarks/simulasi.py [N ...]

Uses a fresh SQLite file under var/ unless DATABASE_URL is set (PostgreSQL: run it under
scripts/pg_sementara.sh, which sets DATABASE_URL to a throw-away cluster)."""

from __future__ import annotations

import sys

import bersama

bersama.siapkan("bench_simulasi")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from kinerja.demo_data import load_demo_data  # noqa: E402
from kinerja.simulasi import buat_simulasi  # noqa: E402

UKURAN = (24, 240, 1000)


def ukur(n: int) -> None:
    call_command("flush", interactive=False, verbosity=0)
    load_demo_data()
    for label in ("pertama", "ulang"):
        seconds, queries, hasil = bersama.ukur(
            lambda: buat_simulasi(jumlah_satker=n, tahun=2023, seed=1)
        )
        print(
            f"N={n:5d} {label:8s} {seconds:7.2f} s  {queries:6d} queries  "
            f"{len(hasil.dibuat):5d} satker  {hasil.jumlah_baris:7d} rows",
            flush=True,
        )


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    for n in [int(a) for a in sys.argv[1:]] or UKURAN:
        ukur(n)
