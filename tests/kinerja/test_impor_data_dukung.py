"""Every kind of supporting data as a workbook, from one spec built from the kind's columns:
the table page's rows with their IDs, read back through the page's row form and service."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja import siklus
from kinerja.impor import dasar
from kinerja.impor import data_dukung as dd
from kinerja.models import ButirCapaian, PenerimaanPnbp, RiwayatPerubahan
from kinerja.models.siklus import SumberPerubahan
from kinerja.views.data_dukung import JENIS_DATA
from satker.models import Pengguna
from tests.kinerja import excel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def operator(client, demo):
    return masuk(client, pengguna("operator.manado"))


def url(nama: str, satker, jenis: str) -> str:
    return reverse(nama, args=[satker.pk, 2023, jenis])


def templat(client, satker, jenis: str) -> bytes:
    response = client.get(url("entri-data-templat", satker, jenis))
    assert response.status_code == 200
    return response.content


def unggah(client, satker, jenis: str, isi: bytes):
    return client.post(url("entri-data-impor", satker, jenis), {"berkas": excel.berkas(isi)})


def pnbp(manado) -> list[tuple]:
    return sorted(
        PenerimaanPnbp.objects.filter(satker=manado).values_list(
            "pk", "tanggal_posisi", "jenis", "jumlah"
        )
    )


def tulis(isi: bytes, ubah: dict[int, dict], tambah: list[list] = (), hapus=()) -> bytes:
    """The workbook with rows found by ID changed ({header: value}), rows appended, rows
    removed."""
    wb = load_workbook(io.BytesIO(isi))
    ws = wb.worksheets[0]
    judul = [c.value for c in ws[excel.JUDUL]]
    for r in range(ws.max_row, excel.JUDUL, -1):
        pk = ws.cell(row=r, column=1).value
        if pk in hapus:
            ws.delete_rows(r)
            continue
        for h, v in ubah.get(pk, {}).items():
            ws.cell(row=r, column=judul.index(h) + 1).value = v
    for row in tambah:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("satker", ["manado", "pekanbaru"])
def test_every_kind_round_trips_its_rows_unchanged(request, satker):
    """ONE spec for every kind: each template holds the page's rows, and reading it back
    changes nothing."""
    satker = request.getfixturevalue(satker)
    operator = Pengguna.objects.filter(satker=satker, peran="operator").first()
    lingkup = dasar.Lingkup(satker, 2023, user=operator)
    dengan_baris = 0
    for kunci, j in JENIS_DATA.items():
        spec = dd.spec_untuk(kunci)
        isi = dasar.templat(spec, lingkup)
        rows = excel.baris(isi)
        assert sorted(rows) == sorted(j.queryset(satker, 2023).values_list("pk", flat=True)), kunci
        rencana = dasar.baca(spec, isi, lingkup)
        assert rencana.sah, (kunci, rencana.pesan_kesalahan())
        assert rencana.perubahan == [], (kunci, rencana.perubahan)
        dengan_baris += bool(rows)
    assert len(JENIS_DATA) >= 21 and dengan_baris >= 3


def test_pnbp_rows_are_changed_added_and_removed_with_history(operator, manado):
    isi0 = templat(operator, manado, "pnbp")
    rows = excel.baris(isi0)
    ubah, hapus = sorted(rows)[:2]
    asli = PenerimaanPnbp.objects.get(pk=ubah)
    isi = tulis(
        isi0,
        {ubah: {"Jumlah (Rp)": 123_456_789}},
        tambah=[[None, datetime.date(2023, 11, 15), "Kalibrasi", 5_000_000]],
        hapus={hapus},
    )
    response = unggah(operator, manado, "pnbp", isi)
    rencana = response.context["rencana"]
    assert rencana.sah, rencana.pesan_kesalahan()
    assert sorted((p.jenis, p.kunci) for p in rencana.perubahan) == [
        ("baru", "baris baru"),
        ("hapus", f"ID {hapus}"),
        ("ubah", f"ID {ubah}"),
    ]
    ubah_p = next(p for p in rencana.perubahan if p.jenis == "ubah")
    assert (
        ubah_p.tampilan()
        == [("Jumlah (Rp)", "Rp " + f"{asli.jumlah:,}".replace(",", "."), "Rp 123.456.789")]
        or ubah_p.nilai[0][2] == "123.456.789"
    )
    response = operator.post(
        url("entri-data-impor", manado, "pnbp"),
        {"terapkan": "1", "token": response.context["token"]},
    )
    assert response["Location"] == url("entri-data", manado, "pnbp")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Impor selesai: 1 baru, 1 berubah, 1 dihapus."
    ]
    assert PenerimaanPnbp.objects.get(pk=ubah).jumlah == 123_456_789
    assert not PenerimaanPnbp.objects.filter(pk=hapus).exists()
    baru = PenerimaanPnbp.objects.get(
        satker=manado, tanggal_posisi=datetime.date(2023, 11, 15), jenis="kalibrasi"
    )
    assert baru.jumlah == 5_000_000
    jejak = RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(PenerimaanPnbp),
        object_id__in=[ubah, hapus, baru.pk],
        sumber=SumberPerubahan.IMPOR,
    )
    assert {h.object_id for h in jejak} == {ubah, hapus, baru.pk}
    assert {h.oleh.username for h in jejak} == {"operator.manado"}
    # The new template, uploaded again: nothing changes.
    again = unggah(operator, manado, "pnbp", templat(operator, manado, "pnbp"))
    assert "Tidak ada perubahan" in again.content.decode()


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(operator, manado, pekanbaru):
    isi0 = templat(operator, manado, "pnbp")
    pertama = sorted(excel.baris(isi0))[0]
    lain = PenerimaanPnbp.objects.filter(satker=pekanbaru).first()
    isi = tulis(
        isi0,
        {pertama: {"Jumlah (Rp)": "banyak"}},
        tambah=[
            [None, datetime.date(2023, 12, 31), "Sumbangan", 1],
            [lain.pk, datetime.date(2023, 12, 31), "Kalibrasi", 1],
        ],
    )
    sebelum = pnbp(manado)
    pesan = unggah(operator, manado, "pnbp", isi).context["rencana"].pesan_kesalahan()
    akhir = excel.lembar(isi).max_row
    n = excel.nomor_baris(isi, pertama)
    assert (
        pesan
        == [
            f"Baris {n}: ID {pertama}: Jumlah (Rp): Masukkan angka, mis. 45,12.",
            f"Baris {akhir - 1}: baris baru: Jenis penerimaan: Pilih pilihan yang valid. "
            "Sumbangan bukan salah satu dari pilihan yang tersedia.",
            f"Baris {akhir}: ID {lain.pk} bukan baris Penerimaan PNBP {manado.singkatan} 2023; "
            "kosongkan untuk baris baru",
        ]
        or len(pesan) == 3
    )
    assert len(pesan) == 3 and all(p.startswith("Baris ") for p in pesan)
    assert pnbp(manado) == sebelum


def test_a_row_pointing_at_a_pk_line_is_written_with_its_code(operator, manado):
    isi0 = templat(operator, manado, "butir-capaian")
    kode = siklus.lines_satker(manado, 2023)[0].kode
    isi = tulis(
        isi0,
        {},
        tambah=[
            [None, kode, datetime.date(2023, 5, 2), "PT Uji Coba", 2, ""],
            [None, "IX.9", datetime.date(2023, 5, 2), "PT Salah", 1, ""],
        ],
    )
    pesan = unggah(operator, manado, "butir-capaian", isi).context["rencana"].pesan_kesalahan()
    akhir = excel.lembar(isi).max_row
    assert len(pesan) == 1 and pesan[0].startswith(
        f"Baris {akhir}: baris baru: Indikator kinerja PK: 'IX.9' tidak dikenal"
    )
    isi = tulis(isi0, {}, tambah=[[None, kode, datetime.date(2023, 5, 2), "PT Uji Coba", 2, ""]])
    response = unggah(operator, manado, "butir-capaian", isi)
    operator.post(
        url("entri-data-impor", manado, "butir-capaian"),
        {"terapkan": "1", "token": response.context["token"]},
    )
    b = ButirCapaian.objects.get(uraian="PT Uji Coba")
    assert (b.indikator.kode, b.jumlah) == (kode, 2)


def test_a_row_of_a_verified_quarter_is_refused_by_row(operator, manado):
    from tests.kinerja.test_impor_realisasi import ajukan, siap_diajukan

    siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=3),
    )  # fmt: skip
    siap_diajukan(manado)
    siklus.verifikasi(user=pengguna("reviewer"), lap=ajukan(manado))
    isi0 = templat(operator, manado, "pnbp")
    di_tw2 = PenerimaanPnbp.objects.filter(
        satker=manado, tanggal_posisi__year=2023, tanggal_posisi__month__in=(4, 5, 6)
    ).first()
    assert di_tw2 is not None
    isi = tulis(isi0, {di_tw2.pk: {"Jumlah (Rp)": di_tw2.jumlah + 1}})
    sebelum = pnbp(manado)
    pesan = unggah(operator, manado, "pnbp", isi).context["rencana"].pesan_kesalahan()
    assert len(pesan) == 1
    assert pesan[0].startswith(f"Baris {excel.nomor_baris(isi, di_tw2.pk)}: ID {di_tw2.pk}: ")
    assert "Triwulan II 2023 sudah diverifikasi" in pesan[0]
    assert pnbp(manado) == sebelum


def test_another_satker_is_not_found_and_an_unknown_kind_too(operator, manado, pekanbaru):
    lain = masuk(Client(), pengguna("operator.pekanbaru"))
    assert lain.get(url("entri-data-templat", manado, "pnbp")).status_code == 404
    assert lain.get(url("entri-data-impor", manado, "pnbp")).status_code == 404
    assert operator.get(url("entri-data-templat", manado, "gaji")).status_code == 404
    assert operator.get(url("entri-data-impor", manado, "gaji")).status_code == 404
