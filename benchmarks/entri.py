"""Time and query count of the quarter's data entry and review on a large PK: the quarter page,
the live preview of one line while typing, saving one line, the Rencana Aksi page and its
save, the review list of all satker and one submission's review page. Manado's 2023 PK gets
`--baris` more lines, each with its plan and a measured quarter II.

Run: .venv/bin/python benchmarks/entri.py [--baris 60]

Uses a fresh SQLite file under var/ unless DATABASE_URL is set."""

from __future__ import annotations

import argparse
import datetime
import html
import re
from decimal import Decimal

import bersama

bersama.siapkan("bench-entri")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from kinerja import riwayat, siklus  # noqa: E402
from kinerja.demo_data import load_demo_data  # noqa: E402
from kinerja.models import (  # noqa: E402
    IndikatorPerjanjian,
    RealisasiTriwulan,
    RencanaAksi,
    SasaranKegiatan,
)
from satker.models import Pengguna, Satker  # noqa: E402


def measure(label: str, fn, ulang: int = 5):
    """Run `fn` `ulang` times; print the median time and the queries of the first run."""
    runs = [bersama.ukur(fn) for _ in range(ulang)]
    waktu = sorted(r[0] for r in runs)
    queries = runs[0][1]
    status = getattr(runs[-1][2], "status_code", "")
    print(f"{label:38s} {waktu[len(waktu) // 2]:7.3f} s  {queries:5d} queries  {status}")
    return runs[-1][2]


def tambah_baris(satker: Satker, jumlah: int) -> None:
    sasaran = SasaranKegiatan.objects.get(
        perjanjian__satker=satker, perjanjian__tahun=2023, nomor=8
    )
    indikator = sasaran.indikator.first().indikator  # the same manual entry as the sasaran's own
    for nomor in range(10, 10 + jumlah):
        line = IndikatorPerjanjian.objects.create(
            sasaran=sasaran, nomor=nomor, uraian=f"Indikator tambahan {nomor}",
            indikator=indikator, target=Decimal(10), satuan="persen",
        )  # fmt: skip
        RencanaAksi.objects.bulk_create(
            RencanaAksi(indikator=line, triwulan=tw, target_antara=Decimal(25 * tw),
                        rencana_kegiatan="- Kegiatan")
            for tw in (1, 2, 3, 4)
        )  # fmt: skip
        RealisasiTriwulan.objects.create(
            indikator=line, triwulan=2, realisasi_antara=Decimal(40), nilai_realisasi=Decimal(4),
            kegiatan="- Dilaksanakan",
        )  # fmt: skip


def tanda(response, name: str) -> str:
    """The signed baseline a page carries in its hidden field `name`."""
    found = re.search(rf'name="{name}" value="([^"]*)"', response.content.decode())
    assert found, f"{name} not on the page"
    return html.unescape(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baris", type=int, default=60, help="PK lines to add to Manado 2023")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_demo_data()
    manado = Satker.objects.get(kode="247246")
    reviewer = Pengguna.objects.get(username="reviewer")
    siklus.buka_periode(
        user=reviewer, tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )  # fmt: skip
    tambah_baris(manado, args.baris)
    lines = siklus.lines_satker(manado, 2023)
    print(f"database: {connection.vendor}; Manado 2023: {len(lines)} PK lines")

    operator = Client(HTTP_HOST="localhost")
    operator.force_login(Pengguna.objects.get(username="operator.manado"))
    halaman = reverse("entri-triwulan", args=[manado.pk, 2023, 2])
    page = measure("quarter page (operator)", lambda: operator.get(halaman))
    print(f"{'':38s} {len(page.content) / 1024:7.0f} KiB of HTML")

    line = lines[0]
    p = f"l{line.pk}"
    ketik = {f"{p}-realisasi_antara": "45,5", f"{p}-nilai_realisasi": "12,3"}
    measure(
        "live preview of one line",
        lambda: operator.post(
            reverse("entri-pratinjau", args=[manado.pk, 2023, 2, line.pk]), ketik
        ),
    )
    simpan = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])
    data = {**ketik, f"{p}-kegiatan": "- Dilaksanakan"}

    def simpan_baris():
        # Each save carries the baseline of the page it came from, as a browser's would.
        data[f"{p}-tanda"] = tanda(operator.get(halaman), f"{p}-tanda")
        return operator.post(simpan, data)

    measure("open page + save one line", simpan_baris)

    ra = reverse("entri-rencana-aksi", args=[manado.pk, 2023])
    page = measure("Rencana Aksi page", lambda: operator.get(ra))
    isian = {"tanda": tanda(page, "tanda")}
    for r in RencanaAksi.objects.filter(indikator__in=lines):
        isian[f"t{r.indikator_id}-{r.triwulan}"] = riwayat.teks(r.target_antara)
        isian[f"k{r.indikator_id}-{r.triwulan}"] = r.rencana_kegiatan
    measure("Rencana Aksi save (no change)", lambda: operator.post(ra, isian))
    for kunci in [k for k in isian if k.startswith("k") and k.endswith("-3")]:
        isian[kunci] += "\n- Evaluasi"
    measure(f"Rencana Aksi save ({len(lines)} changed)", lambda: operator.post(ra, isian), ulang=1)

    sekretariat = Client(HTTP_HOST="localhost")
    sekretariat.force_login(reviewer)
    measure("review list (all satker)", lambda: sekretariat.get(reverse("reviu")))
    lap = siklus.pelaporan(manado, 2023, 2)
    measure(
        "review page of one submission",
        lambda: sekretariat.get(reverse("reviu-detail", args=[lap.pk])),
    )


if __name__ == "__main__":
    main()
