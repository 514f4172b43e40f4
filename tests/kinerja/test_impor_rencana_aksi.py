"""The year's Rencana Aksi as a workbook, on real files: one row per PK line and quarter, the
page's rules (0-100, cumulative, a submitted quarter keeps its plan) and its history."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja import siklus
from kinerja.impor import dasar
from kinerja.impor import rencana_aksi as ra
from kinerja.models import RencanaAksi, RiwayatPerubahan
from kinerja.models.siklus import SumberPerubahan
from satker.models import Pengguna
from tests.kinerja import excel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

TARGET = "Target antara (%)"
KEGIATAN = "Rencana kegiatan"


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def operator(client, demo):
    return masuk(client, pengguna("operator.manado"))


def url(nama: str, satker) -> str:
    return reverse(nama, args=[satker.pk, 2023])


def templat(client, satker) -> bytes:
    response = client.get(url("entri-rencana-aksi-templat", satker))
    assert response.status_code == 200
    return response.content


def unggah(client, satker, isi: bytes):
    return client.post(url("entri-rencana-aksi-impor", satker), {"berkas": excel.berkas(isi)})


def lines(manado) -> dict:
    return {x.kode: x for x in siklus.lines_satker(manado, 2023)}


def rencana(manado) -> list[tuple]:
    return sorted(
        RencanaAksi.objects.filter(indikator__sasaran__perjanjian__satker=manado).values_list(
            "indikator_id", "triwulan", "target_antara", "rencana_kegiatan"
        )
    )


def ubah_baris(isi: bytes, perubahan: dict[tuple[str, int], dict]) -> bytes:
    """Cells of rows found by (code, quarter)."""
    wb = load_workbook(io.BytesIO(isi))
    ws = wb.worksheets[0]
    judul = [c.value for c in ws[excel.JUDUL]]
    sisa = dict(perubahan)
    for r in range(excel.JUDUL + 1, ws.max_row + 1):
        kunci = (ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value)
        for h, v in sisa.pop(kunci, {}).items():
            ws.cell(row=r, column=judul.index(h) + 1).value = v
    assert not sisa
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def nomor(isi: bytes, kode: str, tw: int) -> int:
    ws = excel.lembar(isi)
    return next(
        r
        for r in range(excel.JUDUL + 1, ws.max_row + 1)
        if (ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value) == (kode, tw)
    )


def test_the_template_holds_each_line_and_quarter_with_its_plan(operator, manado):
    isi = templat(operator, manado)
    ws = excel.lembar(isi)
    assert ws.title == "Rencana Aksi"
    semua = lines(manado)
    kunci = [
        (ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value)
        for r in range(excel.JUDUL + 1, ws.max_row + 1)
    ]
    assert kunci == [(k, tw) for k in semua for tw in (1, 2, 3, 4)]
    x = RencanaAksi.objects.filter(indikator__in=semua.values(), target_antara__isnull=False)[0]
    n = nomor(isi, x.indikator.kode, x.triwulan)
    assert D(str(ws.cell(row=n, column=4).value)) == x.target_antara
    assert "Tidak ada perubahan" in unggah(operator, manado, isi).content.decode()


def test_a_good_file_applies_with_history_and_twice_changes_nothing(operator, manado):
    kode = next(iter(lines(manado)))
    line = lines(manado)[kode]
    # TW IV to 100 keeps the plan cumulative whatever the earlier quarters hold.
    isi = ubah_baris(
        templat(operator, manado),
        {(kode, 4): {TARGET: "100", KEGIATAN: "- Evaluasi akhir\n- Laporan tahunan"}},
    )
    response = unggah(operator, manado, isi)
    p = response.context["rencana"].perubahan
    assert [(x.jenis, x.kunci) for x in p] == [("ubah", f"{kode} TW IV")]
    response = operator.post(
        url("entri-rencana-aksi-impor", manado),
        {"terapkan": "1", "token": response.context["token"]},
    )
    assert response["Location"] == url("entri-rencana-aksi", manado)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Impor selesai: 0 baru, 1 berubah, 0 dihapus."
    ]
    r = RencanaAksi.objects.get(indikator=line, triwulan=4)
    assert (r.target_antara, r.rencana_kegiatan) == (
        D("100.00"),
        "- Evaluasi akhir\n- Laporan tahunan",
    )
    h = RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(RencanaAksi),
        object_id=r.pk,
        field="rencana_kegiatan",
        sumber=SumberPerubahan.IMPOR,
    ).get()
    assert (h.sumber, h.oleh.username, h.baru) == (
        SumberPerubahan.IMPOR,
        "operator.manado",
        "- Evaluasi akhir\n- Laporan tahunan",
    )
    again = unggah(operator, manado, isi)
    assert "Tidak ada perubahan" in again.content.decode()


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(operator, manado):
    k1, k2, k3 = list(lines(manado))[:3]
    isi = ubah_baris(
        templat(operator, manado),
        {
            (k1, 1): {TARGET: 120},
            (k2, 2): {TARGET: "lima"},
            # TW III below TW II of the same line.
            (k3, 2): {TARGET: 60},
            (k3, 3): {TARGET: 40},
        },
    )
    sebelum = rencana(manado)
    pesan = unggah(operator, manado, isi).context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {nomor(isi, k1, 1)}: {k1} TW I: target antara: Target antara antara 0 dan 100.",
        f"Baris {nomor(isi, k2, 2)}: {k2} TW II: target antara: Masukkan angka, mis. 45,12.",
        f"Baris {nomor(isi, k3, 3)}: {k3} TW III: Kumulatif: tidak boleh turun dari TW "
        "sebelumnya (60%).",
    ]
    assert rencana(manado) == sebelum


def test_a_submitted_quarter_keeps_its_plan(operator, manado):
    from tests.kinerja.test_impor_realisasi import ajukan, siap_diajukan

    siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2, batas=timezone.localdate()
    )
    siap_diajukan(manado)
    ajukan(manado)
    kode = next(iter(lines(manado)))
    isi = ubah_baris(templat(operator, manado), {(kode, 2): {KEGIATAN: "- Diubah"}})
    sebelum = rencana(manado)
    pesan = unggah(operator, manado, isi).context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {nomor(isi, kode, 2)}: {kode} TW II: Triwulan II 2023 sudah diajukan; "
        "rencana aksinya tidak dapat diubah"
    ]
    assert rencana(manado) == sebelum


def test_another_satker_is_not_found(manado, pekanbaru, reviewer_client):
    lain = masuk(Client(), pengguna("operator.pekanbaru"))
    assert lain.get(url("entri-rencana-aksi-templat", manado)).status_code == 404
    assert lain.get(url("entri-rencana-aksi-impor", manado)).status_code == 404
    assert reviewer_client.get(url("entri-rencana-aksi-impor", manado)).status_code == 403
    # The page offers the upload to the satker's staff only.
    halaman = reviewer_client.get(url("entri-rencana-aksi", manado)).content.decode()
    assert "Unduh Excel" in halaman and "Unggah Excel" not in halaman


def test_the_preview_reads_a_large_file_in_a_bounded_number_of_queries(operator, manado):
    isi0 = templat(operator, manado)
    semua = list(lines(manado))
    satu = ubah_baris(isi0, {(semua[0], 4): {KEGIATAN: "- satu"}})
    banyak = ubah_baris(isi0, {(k, tw): {KEGIATAN: f"- {k} {tw}"} for k in semua for tw in (1, 4)})
    lingkup = dasar.Lingkup(manado, 2023, user=pengguna("operator.manado"))
    hitung = []
    for isi in (satu, banyak):
        with CaptureQueriesContext(connection) as q:
            hasil = dasar.baca(ra.SPEC, isi, lingkup)
        assert hasil.sah, hasil.pesan_kesalahan()
        hitung.append(len(q.captured_queries))
    assert hitung[0] == hitung[1] <= 10
