"""Render every report of both demo satker in every registered format and print, for each:
pages, seconds (assembly and rendering) and the peak memory of the process that rendered it.

Run: .venv/bin/python benchmarks/laporan.py

Each rendering runs in its own process, so that its peak memory is its own. Uses a fresh
SQLite file under var/ with the demo data unless DATABASE_URL is set."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

import bersama

# The parent loads the demo data into a fresh file; each child renders from it.
bersama.siapkan("bench-laporan", segar="--satu" not in sys.argv, setup=False)

LAPORAN = [
    ("pk", "247246", None),
    ("pk", "417912", None),
    ("pp39", "247246", 2),
    ("pp39", "417912", 4),
    ("lakip", "247246", None),
    ("lakip", "417912", None),
]


def render_satu(jenis: str, kode: str, triwulan: int | None, format_: str) -> dict:
    """In the child process: assemble and render one report; report its figures."""
    import django

    django.setup()
    from laporan import services
    from satker.models import Satker

    satker = Satker.objects.get(kode=kode)
    mulai = time.perf_counter()
    laporan = services.susun(jenis, satker, 2023, triwulan)
    susun = time.perf_counter() - mulai
    hasil = services.render(laporan, format_)
    total = time.perf_counter() - mulai
    return {
        "halaman": hasil.halaman,
        "tabel": len(laporan.tabel()),
        "kib": round(len(hasil.isi) / 1024),
        "susun": round(susun, 2),
        "total": round(total, 2),
        # ru_maxrss is in KiB on Linux
        "mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--satu":
        jenis, kode, triwulan, format_ = sys.argv[2:6]
        print(json.dumps(render_satu(jenis, kode, int(triwulan) or None, format_)))
        return
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kinerja.demo_data import load_demo_data

    load_demo_data()
    from django.db import connection

    from laporan.render import identifiers

    print(f"database: {connection.vendor}")
    print(f"{'laporan':24s} {'format':6s} {'halaman':>7s} {'tabel':>5s} {'KiB':>6s} "
          f"{'susun s':>7s} {'total s':>7s} {'puncak MiB':>10s}")  # fmt: skip
    for jenis, kode, triwulan in LAPORAN:
        for format_ in identifiers():
            keluaran = (
                subprocess.run(
                    [sys.executable, __file__, "--satu", jenis, kode, str(triwulan or 0), format_],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=os.environ,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            h = json.loads(keluaran)
            nama = f"{jenis} {kode}" + (f" TW {triwulan}" if triwulan else "")
            print(
                f"{nama:24s} {format_:6s} {h['halaman'] or '–':>7} {h['tabel']:>5} "
                f"{h['kib']:>6} {h['susun']:>7.2f} {h['total']:>7.2f} {h['mib']:>10}"
            )


if __name__ == "__main__":
    main()
