"""The data-entry and review pages read a bounded number of queries, whatever the number of PK
lines, quarters, narratives, history entries, review notes or supporting-data rows."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja import riwayat, siklus
from kinerja.models import (
    ButirCapaian,
    CatatanReviu,
    NarasiIndikator,
    RealisasiTriwulan,
    SasaranKegiatan,
)
from laporan import gambar
from satker.models import Pengguna, Satker
from tests.factories import IndikatorPerjanjianFactory, RencanaAksiFactory, gambar_png
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

# The most queries each page may issue, measured on the demo data (Manado / Pekanbaru 2023,
# quarter II) with a few to spare: session and user, the satker, the PK lines with their plans
# and measurements, each supporting-data source the computation reads once, the cycle's state.
# The narrative pages also read the stored figures, budget and PNBP their texts are checked
# against; the LAKIP's (entri-narasi) also the year's efficiency (the budget nodes of each
# line) and the budget of the earlier years, which its texts may name; the report-narrative pages
# its pictures and their history.
BATAS = {
    "entri-triwulan": 34,
    "entri-isian": 24,
    "entri-pk": 10,
    "entri-rencana-aksi": 8,
    "entri-narasi": 24,
    "entri-data-pengukuran": 8,
    "entri-data-butir": 8,
    "entri-data-unsur": 8,
    "entri-narasi-pp39": 18,
    "entri-narasi-lakip": 25,
    "entri-realisasi-anggaran": 6,
    "reviu": 9,  # +1: the years the secretariat opened (the quarters ready to open)
    "reviu-detail": 27,
}


def halaman(satker: Satker) -> dict[str, str]:
    lap = siklus.pelaporan(satker, 2023, 2)
    args = [satker.pk, 2023]
    return {
        "entri-triwulan": reverse("entri-triwulan", args=[*args, 2]),
        "entri-isian": reverse("entri-isian", args=args),
        "entri-pk": reverse("entri-pk", args=args),
        "entri-rencana-aksi": reverse("entri-rencana-aksi", args=args),
        "entri-narasi": reverse("entri-narasi", args=args),
        "entri-data-pengukuran": reverse("entri-data", args=[*args, "pengukuran-perusahaan"]),
        "entri-data-butir": reverse("entri-data", args=[*args, "butir-capaian"]),
        "entri-data-unsur": reverse("entri-data", args=[*args, "unsur-survei"]),
        "entri-narasi-pp39": reverse("entri-narasi-pp39", args=[*args, 2]),
        "entri-narasi-lakip": reverse("entri-narasi-lakip", args=args),
        "entri-realisasi-anggaran": reverse("entri-realisasi-anggaran", args=[*args, 2]),
        "reviu": reverse("reviu"),
        "reviu-detail": reverse("reviu-detail", args=[lap.pk]),
    }


def jumlah_kueri(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def reviewer(client, demo):
    reviewer = Pengguna.objects.get(username="reviewer")
    siklus.buka_periode(
        user=reviewer, tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )  # fmt: skip
    masuk(client, reviewer)
    return client


@pytest.mark.parametrize("nama", sorted(BATAS))
@pytest.mark.parametrize("singkatan", ["Manado", "Pekanbaru"])
def test_each_page_stays_within_its_query_budget(
    reviewer, nama, singkatan, django_assert_max_num_queries
):
    satker = Satker.objects.get(singkatan__endswith=singkatan)
    url = halaman(satker)[nama]
    with django_assert_max_num_queries(BATAS[nama]):
        assert reviewer.get(url).status_code == 200


def tambah_baris(satker: Satker, nomor_awal: int, jumlah: int) -> None:
    """`jumlah` more PK lines, each with its plan, a measured quarter II with a change in the
    history, a narrative, a review note, a supporting-data row and a LAKIP picture."""
    operator = Pengguna.objects.get(username="operator.manado")
    sasaran = SasaranKegiatan.objects.get(perjanjian__satker=satker, nomor=8)
    lap = siklus.pelaporan(satker, 2023, 2)
    for nomor in range(nomor_awal, nomor_awal + jumlah):
        line = IndikatorPerjanjianFactory(sasaran=sasaran, nomor=nomor)
        for tw in (1, 2, 3, 4):
            RencanaAksiFactory(indikator=line, triwulan=tw, target_antara=D(25 * tw))
        riwayat.simpan(
            RealisasiTriwulan(indikator=line, triwulan=2),
            {"realisasi_antara": D("40"), "nilai_realisasi": D("4"), "kegiatan": "- Uji"},
            user=operator, satker=satker, uraian=line.kode, awal=None,
        )  # fmt: skip
        NarasiIndikator.objects.create(indikator=line, hasil="Tercapai.")
        CatatanReviu.objects.create(pelaporan=lap, indikator=line, catatan="Periksa bukti.")
        ButirCapaian.objects.create(
            indikator=line, tanggal=datetime.date(2023, 6, 30), uraian=f"PT Uji {nomor}", jumlah=1
        )
        gambar.unggah(
            user=operator, satker=satker, jenis="lakip", tahun=2023, triwulan=None,
            indikator=line, judul=f"Foto kegiatan {nomor}",
            berkas=SimpleUploadedFile(f"foto{nomor}.png", gambar_png()),
        )  # fmt: skip


def test_the_pages_do_not_read_more_when_the_satker_has_more_lines(
    reviewer, manado, django_assert_max_num_queries
):
    urls = halaman(manado)
    tambah_baris(manado, 10, 1)  # one of everything, so that every kind of record is read
    sebelum = {nama: jumlah_kueri(reviewer, url) for nama, url in urls.items()}
    tambah_baris(manado, 11, 15)
    for nama, url in urls.items():
        with django_assert_max_num_queries(sebelum[nama]):
            assert reviewer.get(url).status_code == 200, nama
