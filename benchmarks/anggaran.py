"""Time and query count of the budget on a large tree: computing the whole tree, one API page,
and the Excel round trip (template, read with validation, apply). The tree is synthetic: one
kegiatan with `--ro` outputs, each with a komponen and three sub-komponen leaves, each leaf
with progress at the four quarter ends.

Run: .venv/bin/python benchmarks/anggaran.py [--ro 400]

Uses a fresh SQLite file under var/ unless DATABASE_URL is set."""

from __future__ import annotations

import argparse
from io import BytesIO

import bersama

bersama.siapkan("bench-anggaran")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from kinerja import services  # noqa: E402
from kinerja.demo_data import load_demo_data  # noqa: E402
from kinerja.impor import anggaran as impor_anggaran  # noqa: E402
from kinerja.models import ItemAnggaran, ProgresAnggaran  # noqa: E402
from kinerja.selectors import anggaran as sel  # noqa: E402
from satker.models import Pengguna, Satker  # noqa: E402

TAHUN = 2030


def measure(label: str, fn):
    seconds, queries, result = bersama.ukur(fn)
    print(f"{label:34s} {seconds:7.3f} s  {queries:6d} queries")
    return result


def build_tree(satker: Satker, jumlah_ro: int) -> int:
    def item(**kwargs) -> ItemAnggaran:
        obj = ItemAnggaran(satker=satker, tahun=TAHUN, **kwargs)
        obj.kode_lengkap = obj.hitung_kode_lengkap()
        return obj

    program = item(tingkat="program", kode="EC", uraian="Program", urutan=0)
    program.save()
    kegiatan = item(induk=program, tingkat="kegiatan", kode="6077", uraian="Kegiatan", urutan=1)
    kegiatan.save()
    kro = item(induk=kegiatan, tingkat="kro", kode="BAD", uraian="KRO", urutan=2)
    kro.save()
    urutan = 3
    leaves = []
    for n in range(1, jumlah_ro + 1):
        ro = item(induk=kro, tingkat="ro", kode=f"{n:03d}", uraian=f"RO {n}", urutan=urutan)
        ro.save()
        komponen = item(induk=ro, tingkat="komponen", kode="051", uraian="K", urutan=urutan + 1)
        komponen.save()
        urutan += 2
        for huruf in "ABC":
            leaves.append(
                item(
                    induk=komponen,
                    tingkat="sub_komponen",
                    kode=huruf,
                    uraian=f"Sub {huruf}",
                    pagu=10_000_000,
                    urutan=urutan,
                )
            )
            urutan += 1
    ItemAnggaran.objects.bulk_create(leaves)
    ProgresAnggaran.objects.bulk_create(
        ProgresAnggaran(
            item=leaf, bulan=b, realisasi_keuangan_rp=b * 700_000, rencana_keuangan=b * 8
        )
        for leaf in ItemAnggaran.objects.filter(satker=satker, tahun=TAHUN, pagu__isnull=False)
        for b in (3, 6, 9, 12)
    )
    return ItemAnggaran.objects.filter(satker=satker, tahun=TAHUN).count()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ro", type=int, default=400, help="number of outputs (RO)")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_demo_data()
    satker = Satker.objects.get(kode="247246")
    user = Pengguna.objects.get(username="operator.manado")
    print(f"database: {connection.vendor}")
    nodes = build_tree(satker, args.ro)
    progres = ProgresAnggaran.objects.filter(item__tahun=TAHUN).count()
    print(f"tree: {nodes} nodes, {progres} progress rows")

    measure("compute whole tree (4 quarters)", lambda: sel.pohon(satker, TAHUN))
    client = APIClient()
    client.force_authenticate(user)
    measure(
        "API page of 50 nodes",
        lambda: client.get(
            "/api/v1/anggaran/", {"tahun": TAHUN, "triwulan": 2}, HTTP_HOST="localhost"
        ),
    )
    isi = measure(
        "structure template (xlsx)",
        lambda: impor_anggaran.templat(impor_anggaran.STRUKTUR, satker, TAHUN),
    )
    print(f"{'':34s} {len(isi) / 1024:7.0f} KiB")
    rencana = measure(
        "read + validate unchanged upload",
        lambda: impor_anggaran.baca(impor_anggaran.STRUKTUR, isi, satker, TAHUN),
    )
    assert rencana.sah and not rencana.perubahan
    # Change every leaf's pagu, then apply all of it.
    wb = load_workbook(BytesIO(isi))
    ws = wb["Struktur"]
    for row in range(5, ws.max_row + 1):
        if ws.cell(row=row, column=4).value:
            ws.cell(row=row, column=4).value = 12_000_000
    out = BytesIO()
    wb.save(out)
    rencana = measure(
        "read + validate changed upload",
        lambda: impor_anggaran.baca(impor_anggaran.STRUKTUR, out.getvalue(), satker, TAHUN),
    )
    hasil = measure(
        "apply changes (one transaction)",
        lambda: services.anggaran_impor(user=user, satker=satker, tahun=TAHUN, rencana=rencana),
    )
    print(f"{'':34s} {hasil.ubah} lines changed")


if __name__ == "__main__":
    main()
