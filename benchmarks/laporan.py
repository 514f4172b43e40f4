"""How fast the reports render.

First the LAKIP's PDF against its floor, in one run: one WeasyPrint pass over the whole
report's HTML (the file `render_laporan --format html` writes, laid out by WeasyPrint alone),
then our rendering from an empty cache (`--segar`: parts laid out in parallel processes and
joined), then re-rendering after a change to one chapter's narrative (the other parts from the
cache). Each runs five times, each time in a process of its own, the floor and the cold
rendering taking turns so that both meet the same load on a shared machine; the figures are
the best of five and, for the cold rendering, also the median of the five ratios measured
back to back. The targets are 0,6x and 0,3x of the floor.

Then every report of both demo satker in every registered format (PDF from an empty cache):
pages, seconds (assembly and rendering) and the peak memory of the process that rendered it.

Run: .venv/bin/python benchmarks/laporan.py      (--hanya-lakip: the first part only)

Uses a fresh SQLite file under var/ with the demo data unless DATABASE_URL is set, and a
cache of laid-out parts of its own under var/cache/."""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bersama

# The parent loads the demo data into a fresh file; each child renders from it.
ANAK = any(a in sys.argv for a in ("--satu", "--lantai", "--dingin", "--hangat"))
bersama.siapkan("bench-laporan", segar=not ANAK, setup=False)
CACHE = bersama.ROOT / "var" / "cache" / "bench-tata-letak"
os.environ["LAPORAN_TATA_LETAK_CACHE"] = str(CACHE)
LAKIP = ("lakip", "417912")
ULANG = 5

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
    hasil = services.render(laporan, format_, segar=True)
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


def _laporan_lakip():
    import django

    django.setup()
    from laporan import services
    from satker.models import Satker

    return services.susun(LAKIP[0], Satker.objects.get(kode=LAKIP[1]), 2023)


def lantai(berkas_html: str) -> float:
    """In the child: one WeasyPrint pass over the report's HTML file, as `weasyprint F out`
    does (laying out and writing the PDF)."""
    from weasyprint import HTML

    mulai = time.perf_counter()
    HTML(filename=berkas_html).write_pdf()
    return time.perf_counter() - mulai


def _impor_pustaka() -> None:
    """A server process as it is between requests: the libraries a rendering uses imported
    (as the floor's child imports WeasyPrint before its clock starts) and the report
    templates compiled (by the HTML of another report, the PK, so nothing of the LAKIP is
    prepared)."""
    import lxml.html  # noqa: F401
    import pikepdf  # noqa: F401
    import weasyprint  # noqa: F401

    from laporan import services
    from laporan.render import pdf
    from satker.models import Satker

    pdf.html(services.susun("pk", Satker.objects.get(kode=LAKIP[1]), 2023))


def dingin() -> float:
    """In the child: our rendering of the LAKIP PDF with nothing cached (--segar)."""
    laporan = _laporan_lakip()
    from laporan import services

    _impor_pustaka()

    mulai = time.perf_counter()
    services.render(laporan, "pdf", segar=True)
    return time.perf_counter() - mulai


def hangat(putaran: int) -> float:
    """In the child: the LAKIP PDF re-rendered after a change to Bab III's narrative (its
    first paragraph names the balai differently each round); the rest from the cache."""
    laporan = _laporan_lakip()
    from laporan import dokumen, services

    bab = next(b for b in laporan.bab if b.nomor == "BAB III")
    paragraf = next(x for s in bab.semua() for x in s.isi if isinstance(x, dokumen.Paragraf))
    paragraf.teks = paragraf.teks.replace("BSPJI", ("Balai", "BALAI", "Unit ")[putaran % 3], 1)
    _impor_pustaka()
    mulai = time.perf_counter()
    services.render(laporan, "pdf")
    return time.perf_counter() - mulai


def _pemotong_fon() -> str:
    """What subsets the fonts of every PDF written: HarfBuzz's C library, or fontTools in
    Python where libharfbuzz-subset0 is missing (each part laid out apart subsets its fonts
    again, so the parts lose much more to fontTools than the one pass does)."""
    from weasyprint.pdf import fonts

    if fonts.harfbuzz_subset:
        return "HarfBuzz (libharfbuzz-subset0)"
    return "fontTools: libharfbuzz-subset0 tidak terpasang, angka di bawah tidak sebanding"


def _anak(*argumen: str) -> float:
    keluaran = subprocess.run(
        [sys.executable, __file__, *argumen], capture_output=True, text=True, check=True
    ).stdout
    return float(keluaran.strip().splitlines()[-1])


def banding_lakip() -> None:
    """The LAKIP's PDF: the floor, cold and warm, best of ULANG each."""
    from django.core.management import call_command

    shutil.rmtree(CACHE, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        berkas = Path(tmp) / "lakip.html"
        call_command(
            "render_laporan", "--jenis", LAKIP[0], "--satker", LAKIP[1], "--tahun", "2023",
            "--format", "html", "--output", str(berkas), stdout=io.StringIO(),
        )  # fmt: skip
        pasangan = [(_anak("--lantai", str(berkas)), _anak("--dingin")) for _ in range(ULANG)]
    lantai_s = min(lantai for lantai, _ in pasangan)
    dingin_s = min(dingin for _, dingin in pasangan)
    median = statistics.median(dingin / lantai for lantai, dingin in pasangan)
    _anak("--hangat", "0")  # fills the cache
    hangat_s = min(_anak("--hangat", str(i)) for i in range(1, ULANG + 1))
    print(f"LAKIP {LAKIP[1]} PDF, {os.cpu_count()} inti, terbaik dari {ULANG}:")
    print(f"  subset fon: {_pemotong_fon()}")
    print(f"  satu lintasan WeasyPrint atas HTML (lantai) {lantai_s:6.2f} s")
    print(f"  cache kosong (--segar)                      {dingin_s:6.2f} s  "
          f"{dingin_s / lantai_s:.2f}x lantai (target <= 0,6x)")  # fmt: skip
    print(f"    median rasio berpasangan {median:.2f}x; tiap putaran: "
          + ", ".join(f"{d:.2f}/{la:.2f}" for la, d in pasangan))  # fmt: skip
    print(f"  setelah narasi satu bab diubah              {hangat_s:6.2f} s  "
          f"{hangat_s / lantai_s:.2f}x lantai (target <= 0,3x)")  # fmt: skip


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--satu":
        jenis, kode, triwulan, format_ = sys.argv[2:6]
        print(json.dumps(render_satu(jenis, kode, int(triwulan) or None, format_)))
        return
    if len(sys.argv) > 1 and sys.argv[1] in ("--lantai", "--dingin", "--hangat"):
        if sys.argv[1] == "--lantai":
            print(lantai(sys.argv[2]))
        elif sys.argv[1] == "--dingin":
            print(dingin())
        else:
            print(hangat(int(sys.argv[2])))
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
    banding_lakip()
    if "--hanya-lakip" in sys.argv:
        return
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
