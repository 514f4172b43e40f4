"""The quarter's measurements as a workbook, on real files: the operator downloads the
template from the quarter page, edits it as in Excel and uploads it. Each row is checked by
the page's own form; nothing is saved before the preview is applied; a closed quarter, a
bad row or another satker's page change nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja import siklus
from kinerja.impor import dasar, realisasi
from kinerja.models import RealisasiTriwulan, RiwayatPerubahan
from kinerja.models.siklus import SumberPerubahan
from satker.models import Pengguna
from tests.kinerja import excel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

NILAI = "Nilai realisasi"
ANTARA = "Realisasi antara (%)"
KEGIATAN = "Realisasi kegiatan"


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def periode(demo):
    return siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )  # fmt: skip


@pytest.fixture
def operator(client, demo):
    return masuk(client, pengguna("operator.manado"))


def siap_diajukan(manado) -> None:
    """The demo's TW II lacks IV.1's activities; with them the head may submit it."""
    r = RealisasiTriwulan.objects.get(indikator=lines(manado)["IV.1"], triwulan=2)
    r.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    r.save()


def ajukan(manado):
    return siklus.ajukan(user=pengguna("kepala.manado"), lap=siklus.pelaporan(manado, 2023, 2))


def url(nama: str, satker, tw: int = 2) -> str:
    return reverse(nama, args=[satker.pk, 2023, tw])


def templat(client, satker) -> bytes:
    response = client.get(url("entri-triwulan-templat", satker))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2023-tw2.xlsx"')
    return response.content


def unggah(client, satker, isi: bytes):
    return client.post(url("entri-triwulan-impor", satker), {"berkas": excel.berkas(isi)})


def terapkan(client, satker, response):
    token = response.context["token"]
    assert token, response.context["rencana"].pesan_kesalahan()
    return client.post(url("entri-triwulan-impor", satker), {"terapkan": "1", "token": token})


def lines(manado) -> dict:
    return {x.kode: x for x in siklus.lines_satker(manado, 2023)}


def kode_lines(manado) -> list[str]:
    return list(lines(manado))


def isian(manado) -> list[tuple]:
    return sorted(
        RealisasiTriwulan.objects.filter(
            indikator__sasaran__perjanjian__satker=manado,
            indikator__sasaran__perjanjian__tahun=2023,
        ).values_list("indikator_id", "triwulan", *siklus.ISIAN)
    )


def test_the_template_holds_every_line_with_its_current_values(operator, manado):
    isi = templat(operator, manado)
    ws = excel.lembar(isi)
    assert ws.title == "Realisasi"
    rows = excel.baris(isi)
    semua = lines(manado)
    assert list(rows) == list(semua)  # every PK line, in PK order
    r = next(
        r
        for r in RealisasiTriwulan.objects.filter(indikator__in=semua.values(), triwulan=2)
        if r.nilai_realisasi is not None and r.kegiatan
    )
    kode = r.indikator.kode
    assert rows[kode]["Indikator"] == semua[kode].uraian
    assert D(str(rows[kode][NILAI])) == r.nilai_realisasi
    assert rows[kode][KEGIATAN] == r.kegiatan
    # Re-importing it unchanged: "tidak ada perubahan", and nothing written.
    response = unggah(operator, manado, isi)
    assert "Tidak ada perubahan: data sudah sama dengan berkas." in response.content.decode()
    assert response.context["rencana"].perubahan == []
    assert response.context["token"] is None


def test_a_good_file_applies_through_the_page_service_with_history(operator, manado, periode):
    kode = kode_lines(manado)[0]
    line = lines(manado)[kode]
    sebelum = RealisasiTriwulan.objects.filter(indikator=line, triwulan=2).first()
    isi = excel.ubah(
        templat(operator, manado),
        {kode: {ANTARA: "62,5", KEGIATAN: "- Uji profisiensi\n- Kalibrasi alat"}},
    )
    response = unggah(operator, manado, isi)
    rencana = response.context["rencana"]
    assert [(p.jenis, p.kunci) for p in rencana.perubahan] == [("ubah", kode)]
    tampil = {kolom: (lama, baru) for kolom, lama, baru in rencana.perubahan[0].tampilan()}
    assert tampil[ANTARA][1] == "62,5"
    assert tampil[KEGIATAN][1] == "- Uji profisiensi\n- Kalibrasi alat"
    # Nothing saved before the preview is applied.
    assert RealisasiTriwulan.objects.filter(indikator=line, triwulan=2).first() == sebelum
    assert (sebelum.realisasi_antara if sebelum else None) != D("62.5")

    response = terapkan(operator, manado, response)
    assert response.status_code == 302
    assert response["Location"] == url("entri-triwulan", manado)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Impor selesai: 0 baru, 1 berubah, 0 dihapus."
    ]
    r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
    assert r.realisasi_antara == D("62.50")
    assert r.kegiatan == "- Uji profisiensi\n- Kalibrasi alat"
    jejak = RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(RealisasiTriwulan), object_id=r.pk
    ).order_by("field")
    baru = {h.field: h for h in jejak if h.sumber == SumberPerubahan.IMPOR}
    assert set(baru) >= {"realisasi_antara", "kegiatan"}
    assert baru["kegiatan"].oleh.username == "operator.manado"
    assert baru["realisasi_antara"].baru == "62,5"

    # The same file twice: nothing changes.
    again = unggah(operator, manado, isi)
    assert "Tidak ada perubahan" in again.content.decode()
    assert again.context["token"] is None


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(operator, manado, periode):
    k1, k2 = kode_lines(manado)[:2]
    isi0 = templat(operator, manado)
    isi = excel.ubah(
        isi0,
        {k1: {ANTARA: 120}, k2: {NILAI: "banyak"}},
        tambah=[["IX.9", None, None, None, 5], [None, None, None, None, 5]],
    )
    sebelum = isian(manado)
    response = unggah(operator, manado, isi)
    rencana = response.context["rencana"]
    akhir = excel.lembar(isi).max_row
    assert rencana.pesan_kesalahan() == sorted(
        [
            f"Baris {excel.nomor_baris(isi, k1)}: {k1}: Realisasi antara (%): "
            "Realisasi antara antara 0 dan 100.",
            f"Baris {excel.nomor_baris(isi, k2)}: {k2}: Nilai realisasi: "
            "Masukkan angka, mis. 45,12.",
            f"Baris {akhir - 1}: kode IX.9 bukan indikator PK {manado.singkatan} 2023",
            f"Baris {akhir}: kode kosong",
        ],
        key=lambda p: int(p.split(":")[0].split()[1]),
    )
    html = response.content.decode()
    assert "Berkas tidak dapat diimpor: 4 kesalahan" in html
    assert response.context["token"] is None
    assert isian(manado) == sebelum


def test_a_line_computed_from_supporting_data_refuses_its_value_by_row(operator, manado, periode):
    dihitung = [k for k, x in lines(manado).items() if x.indikator.data_dukung]
    assert dihitung, "the demo has lines computed from supporting data"
    kode = dihitung[0]
    isi = excel.ubah(templat(operator, manado), {kode: {NILAI: 987654, KEGIATAN: "- Survei"}})
    pesan = unggah(operator, manado, isi).context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {excel.nomor_baris(isi, kode)}: {kode}: realisasi indikator ini dihitung dari "
        f"data dukung ({lines(manado)[kode].indikator.get_data_dukung_display()}); nilai "
        "realisasinya tidak dapat diimpor: isi data dukungnya, atau ubah nilainya di halaman "
        "triwulan"
    ]
    # Its texts are importable.
    isi = excel.ubah(templat(operator, manado), {kode: {KEGIATAN: "- Survei"}})
    assert unggah(operator, manado, isi).context["rencana"].sah


def test_a_closed_quarter_refuses_every_changed_row(operator, manado, periode):
    siap_diajukan(manado)
    kode = kode_lines(manado)[0]
    isi = excel.ubah(templat(operator, manado), {kode: {ANTARA: 10}})
    lap = ajukan(manado)
    siklus.verifikasi(user=pengguna("reviewer"), lap=lap)
    sebelum = isian(manado)
    rencana = unggah(operator, manado, isi).context["rencana"]
    assert rencana.pesan_kesalahan() == [
        f"Baris {excel.nomor_baris(isi, kode)}: {kode}: Laporan Triwulan II 2023 sudah "
        "diverifikasi dan terkunci."
    ]
    assert isian(manado) == sebelum


def test_a_period_not_opened_refuses_too(operator, manado):
    kode = kode_lines(manado)[0]
    isi = excel.ubah(templat(operator, manado), {kode: {ANTARA: 10}})
    pesan = unggah(operator, manado, isi).context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {excel.nomor_baris(isi, kode)}: {kode}: Periode pelaporan Triwulan II 2023 "
        "belum dibuka oleh Sekretariat."
    ]


def test_a_quarter_closed_between_preview_and_apply_saves_nothing(operator, manado, periode):
    siap_diajukan(manado)
    kode = kode_lines(manado)[0]
    isi = excel.ubah(templat(operator, manado), {kode: {ANTARA: 11}})
    response = unggah(operator, manado, isi)
    lap = ajukan(manado)
    sebelum = isian(manado)
    response = terapkan(operator, manado, response)
    assert isian(manado) == sebelum
    assert lap.status == "diajukan"
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tidak ada yang disimpan: berkas ini tidak dapat diterapkan lagi" in html
    assert f"{kode}: Laporan Triwulan II 2023 sudah diajukan dan sedang direviu" in html


def test_another_satker_is_not_found_and_a_reviewer_may_not_import(
    manado, pekanbaru, reviewer_client
):
    lain = masuk(Client(), pengguna("operator.pekanbaru"))
    assert lain.get(url("entri-triwulan-templat", manado)).status_code == 404
    assert lain.get(url("entri-triwulan-impor", manado)).status_code == 404
    assert lain.post(url("entri-triwulan-impor", manado), {"terapkan": "1"}).status_code == 404
    assert reviewer_client.get(url("entri-triwulan-impor", manado)).status_code == 403
    # The reviewer reads the template (the quarter page is open to them too).
    assert reviewer_client.get(url("entri-triwulan-templat", manado)).status_code == 200


def test_the_preview_costs_the_same_queries_for_one_row_or_every_row(operator, manado, periode):
    isi0 = templat(operator, manado)
    semua = kode_lines(manado)
    satu = excel.ubah(isi0, {semua[0]: {ANTARA: 5}})
    banyak = excel.ubah(isi0, {k: {ANTARA: 5, KEGIATAN: f"- {k}"} for k in semua})
    lingkup = dasar.Lingkup(manado, 2023, 2, user=pengguna("operator.manado"))
    hitung = []
    for isi in (satu, banyak):
        with CaptureQueriesContext(connection) as q:
            rencana = dasar.baca(realisasi.SPEC, isi, lingkup)
        assert rencana.sah, rencana.pesan_kesalahan()
        hitung.append(len(q.captured_queries))
    assert len(semua) > 5
    assert hitung[0] == hitung[1] <= 12
