"""BSPJI Pekanbaru's Renstra matrix (2021-2024) as a workbook, on real files, for the
secretariat: one row per Renstra indicator and year plus a PAGU row per year; the matrix
page's rules and words; the history with source "impor"; a satker's operator refused."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.models import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    RiwayatPerubahan,
    TargetRenstra,
)
from kinerja.models.siklus import SumberPerubahan
from satker.models import Pengguna
from tests.halaman import baca
from tests.kinerja import excel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

TARGET = "Target"
ALOKASI = "Alokasi (Rp)"
KOLOM_TAHUN = 5


def renstra(pekanbaru) -> Renstra:
    return Renstra.objects.get(satker=pekanbaru, tahun_awal=2021)


def indikator(r: Renstra, kode: str) -> IndikatorRenstra:
    s, nomor = kode.split("/")
    return IndikatorRenstra.objects.get(sasaran__renstra=r, sasaran__kode=s, nomor=nomor)


def templat(client, satker) -> bytes:
    response = client.get(reverse("sekretariat-renstra-templat", args=[satker.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == excel.XLSX
    return response.content


def unggah(client, satker, isi: bytes):
    return client.post(
        reverse("sekretariat-renstra-impor", args=[satker.pk]), {"berkas": excel.berkas(isi)}
    )


def nomor(isi: bytes, kode: str, tahun: int) -> int:
    ws = excel.lembar(isi)
    return next(
        r
        for r in range(excel.JUDUL + 1, ws.max_row + 1)
        if (ws.cell(row=r, column=1).value, ws.cell(row=r, column=KOLOM_TAHUN).value)
        == (kode, tahun)
    )


def ubah(isi: bytes, perubahan: dict[tuple[str, int], dict], tambah: list[list] = ()) -> bytes:
    """The workbook with cells of rows found by (code, year) changed, rows appended."""
    wb = load_workbook(io.BytesIO(isi))
    ws = wb.worksheets[0]
    judul = [c.value for c in ws[excel.JUDUL]]
    sisa = dict(perubahan)
    for r in range(excel.JUDUL + 1, ws.max_row + 1):
        kunci = (ws.cell(row=r, column=1).value, ws.cell(row=r, column=KOLOM_TAHUN).value)
        for h, v in sisa.pop(kunci, {}).items():
            ws.cell(row=r, column=judul.index(h) + 1).value = v
    assert not sisa, sisa
    for row in tambah:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def matriks(r: Renstra) -> tuple[list, list, int]:
    """Every stored cell of the Renstra and the number of history rows."""
    return (
        sorted(
            TargetRenstra.objects.filter(indikator__sasaran__renstra=r).values_list(
                "indikator_id", "tahun", "target", "alokasi_indikatif"
            )
        ),
        sorted(r.pagu_indikatif.values_list("tahun", "pagu")),
        RiwayatPerubahan.objects.count(),
    )


def test_the_template_holds_the_current_matrix_and_budget(sekretariat_client, pekanbaru):
    """Tabel 4 of Pekanbaru: SK1/1 in 2024 targets 12 (%) with Rp 30.000.000; the Renstra's
    own indicative budget of 2024 is Rp 8.460.000.000."""
    r = renstra(pekanbaru)
    isi = templat(sekretariat_client, pekanbaru)
    ws = excel.lembar(isi)
    assert ws.title == "Renstra"
    assert ws["A1"].value == f"Matriks Renstra — {pekanbaru.nama}, 2021-2024"
    n_indikator = IndikatorRenstra.objects.filter(sasaran__renstra=r).count()
    rows = [
        (ws.cell(row=n, column=1).value, ws.cell(row=n, column=KOLOM_TAHUN).value)
        for n in range(excel.JUDUL + 1, ws.max_row + 1)
    ]
    assert len(rows) == n_indikator * 4 + 4  # each indicator × 2021-2024, and 4 PAGU rows
    assert rows[-4:] == [("PAGU", t) for t in (2021, 2022, 2023, 2024)]
    judul = [c.value for c in ws[excel.JUDUL]]
    sk1 = [c.value for c in ws[nomor(isi, "SK1/1", 2024)]]
    assert D(str(sk1[judul.index(TARGET)])) == D("12")
    assert sk1[judul.index(ALOKASI)] == 30_000_000
    assert sk1[judul.index("Sasaran")].startswith("SK1 Meningkatnya daya saing")
    pagu = [c.value for c in ws[nomor(isi, "PAGU", 2024)]]
    assert pagu[judul.index(ALOKASI)] == 8_460_000_000
    # The unchanged template changes nothing.
    response = unggah(sekretariat_client, pekanbaru, isi)
    assert response.status_code == 200
    assert "Tidak ada perubahan" in response.content.decode()


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(sekretariat_client, pekanbaru):
    r = renstra(pekanbaru)
    isi = ubah(
        templat(sekretariat_client, pekanbaru),
        {
            ("SK1/1", 2021): {TARGET: 0},
            ("SK1/1", 2022): {TARGET: "dua belas"},
            ("SK1/1", 2023): {TARGET: -5},
            ("SK1/1", 2024): {ALOKASI: "Rp 1.500.000,50"},
            ("PAGU", 2023): {TARGET: 7},
        },
        tambah=[
            ["SK9/9", None, None, None, 2023, 5, None],
            ["SK1/1", None, None, None, 2025, 5, None],
        ],
    )
    sebelum = matriks(r)
    response = unggah(sekretariat_client, pekanbaru, isi)
    assert response.status_code == 200
    akhir = excel.lembar(isi).max_row
    pesan = response.context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {nomor(isi, 'SK1/1', 2021)}: SK1/1 2021: target: Target harus lebih dari 0.",
        f"Baris {nomor(isi, 'SK1/1', 2022)}: SK1/1 2022: target: Masukkan angka, mis. 45,12.",
        # A negative target is past the column's bounds (kinerja.batas), as on the page.
        f"Baris {nomor(isi, 'SK1/1', 2023)}: SK1/1 2023: target: "
        "Angka harus antara 0 dan 99.999.999.999,9999.",
        f"Baris {nomor(isi, 'SK1/1', 2024)}: SK1/1 2024: alokasi: "
        "Paling banyak 0 angka di belakang koma.",
        f"Baris {nomor(isi, 'PAGU', 2023)}: Pagu indikatif 2023: baris PAGU tidak memiliki "
        "target; kosongkan",
        f"Baris {akhir - 1}: kode SK9/9 bukan indikator Renstra BSPJI Pekanbaru 2021-2024",
        f"Baris {akhir}: SK1/1: Tahun 2025 di luar periode Renstra 2021-2024.",
    ]
    assert "Tidak ada yang diubah" in response.content.decode()
    assert f"Impor matriks Renstra — {pekanbaru.nama}, 2021-2024" in baca(response).satu("h1").teks
    assert matriks(r) == sebelum
    # The matrix page refuses the same cells with the same words.
    sk1 = indikator(r, "SK1/1")
    halaman = sekretariat_client.post(
        f"{reverse('sekretariat-renstra-satker', args=[pekanbaru.pk])}?renstra={r.pk}",
        {
            "aksi": "matriks",
            "renstra": r.pk,
            f"target-{sk1.pk}-2021": "0",
            f"target-{sk1.pk}-2022": "dua belas",
            f"target-{sk1.pk}-2023": "-5",
        },
    )
    assert halaman.status_code == 400
    teks = baca(halaman).teks
    for p in pesan[:3]:
        assert p.rsplit(": ", 1)[1] in teks


def test_a_good_file_applies_with_history_and_twice_changes_nothing(sekretariat_client, pekanbaru):
    r = renstra(pekanbaru)
    sk1 = indikator(r, "SK1/1")
    isi = ubah(
        templat(sekretariat_client, pekanbaru),
        {
            ("SK1/1", 2024): {TARGET: "12,5", ALOKASI: "Rp 45.000.000"},
            ("PAGU", 2024): {ALOKASI: 9_000_000_000},
        },
    )
    lain = [x for x in matriks(r)[0] if x[0] != sk1.pk or x[1] != 2024]
    response = unggah(sekretariat_client, pekanbaru, isi)
    perubahan = response.context["rencana"].perubahan
    assert [(p.jenis, p.kunci) for p in perubahan] == [
        ("ubah", "SK1/1 2024"),
        ("ubah", "Pagu indikatif 2024"),
    ]
    assert perubahan[0].tampilan() == [
        ("Target", "12", "12,5"),
        ("Alokasi (Rp)", "Rp 30.000.000", "Rp 45.000.000"),
    ]
    alamat = reverse("sekretariat-renstra-impor", args=[pekanbaru.pk])
    terakhir = RiwayatPerubahan.objects.order_by("-id").values_list("id", flat=True).first()
    response = sekretariat_client.post(
        alamat, {"terapkan": "1", "token": response.context["token"]}
    )
    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('sekretariat-renstra-satker', args=[pekanbaru.pk])}?renstra={r.pk}"
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Impor selesai: 0 baru, 2 berubah, 0 dihapus."
    ]
    t = TargetRenstra.objects.get(indikator=sk1, tahun=2024)
    assert (t.target, t.alokasi_indikatif) == (D("12.5"), 45_000_000)
    assert PaguIndikatifRenstra.objects.get(renstra=r, tahun=2024).pagu == 9_000_000_000
    # Nothing else moved.
    assert [x for x in matriks(r)[0] if x[0] != sk1.pk or x[1] != 2024] == lain
    h = RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(TargetRenstra),
        object_id=t.pk,
        id__gt=terakhir,
    )
    assert sorted(h.values_list("field", "sumber", "oleh__username")) == [
        ("alokasi_indikatif", SumberPerubahan.IMPOR, "sekretariat"),
        ("target", SumberPerubahan.IMPOR, "sekretariat"),
    ]
    assert h.get(field="target").satker == pekanbaru
    pagu = RiwayatPerubahan.objects.get(
        content_type=ContentType.objects.get_for_model(PaguIndikatifRenstra),
        field="pagu",
        id__gt=terakhir,
    )
    assert pagu.sumber == SumberPerubahan.IMPOR
    assert "pagu indikatif 2024" in pagu.uraian_objek
    # The same file again: nothing to apply, nothing written.
    sebelum = matriks(r)
    again = unggah(sekretariat_client, pekanbaru, isi)
    assert "Tidak ada perubahan" in again.content.decode()
    assert again.context["token"] is None
    assert matriks(r) == sebelum


def test_a_satkers_operator_is_refused(client, pekanbaru, sekretariat_client):
    isi = templat(sekretariat_client, pekanbaru)
    masuk(client, Pengguna.objects.get(username="operator.pekanbaru"))
    assert (
        client.get(reverse("sekretariat-renstra-templat", args=[pekanbaru.pk])).status_code == 403
    )
    sebelum = matriks(renstra(pekanbaru))
    isi = ubah(isi, {("PAGU", 2024): {ALOKASI: 1}})
    assert unggah(client, pekanbaru, isi).status_code == 403
    assert matriks(renstra(pekanbaru)) == sebelum


def test_the_matrix_page_links_both_and_a_satker_without_renstra_is_told(
    sekretariat_client, pekanbaru, manado
):
    r = renstra(pekanbaru)
    akar = baca(sekretariat_client.get(reverse("sekretariat-renstra-satker", args=[pekanbaru.pk])))
    tautan = {a.teks: a.attrs["href"] for a in akar.satu(id="renstra-matriks").semua("a")}
    assert tautan["Unduh Excel"] == (
        f"{reverse('sekretariat-renstra-templat', args=[pekanbaru.pk])}?renstra={r.pk}"
    )
    assert tautan["Unggah Excel"] == (
        f"{reverse('sekretariat-renstra-impor', args=[pekanbaru.pk])}?renstra={r.pk}"
    )
    for nama in ("sekretariat-renstra-templat", "sekretariat-renstra-impor"):
        response = sekretariat_client.get(reverse(nama, args=[manado.pk]))
        assert response.status_code == 200
        assert f"{manado.nama} belum memiliki Renstra" in baca(response).teks
