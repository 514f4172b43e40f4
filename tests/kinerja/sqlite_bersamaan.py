"""Concurrent saves against a real SQLite file, in a process of its own (the suite's database is
PostgreSQL): `python -m tests.kinerja.sqlite_bersamaan <file.sqlite3>` migrates the file, loads
the demo data, opens Manado's quarter II and then

1. lets 4 users of Manado save their own PK line 10 times each, all at the same moment, each
   round opening the page first (as a browser does) and saving with the page's baseline;
2. holds SQLite's write lock from another connection while one more save comes, with a busy
   timeout of half a second.

It prints one JSON object: the status of every save, the values and history rows the database
holds afterwards, the status and text of the save that met the held lock, and the values of
`BATAS` as they come back from the file after a save (`pulang`)."""

from __future__ import annotations

import datetime
import html
import json
import os
import re
import sqlite3
import sys
import threading
from decimal import Decimal

PENGGUNA = 4
SIMPANAN = 10
# Values at the bounds of a 15-digit column with 4 decimals, saved and read back.
BATAS = ("99999999999.9999", "-99999999999.9999", "12345678901.2345", "0.0001")


def main(path: str) -> dict:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, the locmem mail
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from kinerja import siklus
    from kinerja.demo_data import load_demo_data
    from kinerja.models import RealisasiTriwulan, RiwayatPerubahan
    from satker.models import Pengguna, Satker

    call_command("migrate", verbosity=0)
    load_demo_data()
    with connection.cursor() as c:
        c.execute("PRAGMA journal_mode")
        journal = c.fetchone()[0]
    manado = Satker.objects.get(kode="247246")
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )
    contoh = Pengguna.objects.get(username="operator.manado")
    users = [contoh, Pengguna.objects.get(username="kepala.manado")]
    for i in range(len(users), PENGGUNA):
        users.append(
            Pengguna.objects.create_user(
                username=f"operator{i}.manado", password="x", satker=manado, peran=contoh.peran
            )
        )
    lines = siklus.lines_satker(manado, 2023)[:PENGGUNA]
    halaman = reverse("entri-triwulan", args=[manado.pk, 2023, 2])
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    connection.close()

    def tanda(client: Client, line_pk: int) -> str:
        page = client.get(halaman).content.decode()
        nilai = re.search(rf'name="l{line_pk}-tanda" value="([^"]*)"', page)
        return html.unescape(nilai.group(1)) if nilai else ""

    def simpan(client: Client, line_pk: int, nilai: str) -> int:
        url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line_pk])
        data = {"realisasi_antara": nilai, "kegiatan": f"- simpanan {nilai}"}
        data["tanda"] = tanda(client, line_pk)
        return client.post(url, {f"l{line_pk}-{k}": v for k, v in data.items()}).status_code

    status: list[list[int]] = [[] for _ in users]
    galat: list[str] = []
    serentak = threading.Barrier(PENGGUNA)

    def pengguna(i: int) -> None:
        from django.db import connections

        try:
            for k in range(1, SIMPANAN + 1):
                serentak.wait()
                status[i].append(simpan(clients[i], lines[i].pk, str(10 * i + k)))
        except Exception as exc:  # a failure outside a response: report it, do not hang
            galat.append(repr(exc))
            serentak.abort()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pengguna, args=(i,)) for i in range(PENGGUNA)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    akhir = {}
    riwayat = {}
    for i, line in enumerate(lines):
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        akhir[i] = str(r.realisasi_antara)
        # The saves made on the page (loading the demo data is on the record too).
        riwayat[i] = RiwayatPerubahan.objects.filter(
            object_id=r.pk, field="realisasi_antara", sumber="halaman"
        ).count()

    # A save that waits for the write lock longer than the busy timeout.
    line = lines[0]
    sebelum = RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara
    baseline = tanda(clients[0], line.pk)
    connection.close()
    connection.settings_dict["OPTIONS"]["timeout"] = 0.5
    lain = sqlite3.connect(path, timeout=5, isolation_level=None)
    lain.execute("BEGIN IMMEDIATE")
    try:
        url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])
        terkunci = clients[0].post(
            url,
            {
                f"l{line.pk}-realisasi_antara": "77",
                f"l{line.pk}-kegiatan": "- ketika sibuk",
                f"l{line.pk}-tanda": baseline,
            },
        )
    finally:
        lain.rollback()
        lain.close()
    sesudah = RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara
    connection.settings_dict["OPTIONS"]["timeout"] = 20
    return {
        "pulang": pulang(lines[1], BATAS),
        "journal_mode": journal,
        "status": status,
        "galat": galat,
        "akhir": akhir,
        "riwayat": riwayat,
        "terkunci": {
            "status": terkunci.status_code,
            "isi": terkunci.content.decode(),
            "sebelum": str(sebelum),
            "sesudah": str(sesudah),
            "tak_berubah": sebelum == sesudah and sesudah != Decimal("77"),
        },
    }


def pulang(line, nilai: tuple[str, ...]) -> list[str]:
    """Each value saved as the line's reported realisasi (through full_clean, as every page
    saves), then read back from the database, as text."""
    from kinerja.models import RealisasiTriwulan

    hasil = []
    for teks in nilai:
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        r.nilai_realisasi = Decimal(teks)
        r.full_clean()
        r.save()
        hasil.append(str(RealisasiTriwulan.objects.get(pk=r.pk).nilai_realisasi))
    return hasil


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
