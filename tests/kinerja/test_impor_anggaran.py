"""Excel import of the budget, on real workbooks: the application's pre-filled template is
read back with openpyxl, edited as a user would, saved and uploaded. A workbook with errors
changes nothing and names every bad row; a valid one loads; the same file twice changes
nothing."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.db.models import QuerySet
from openpyxl import Workbook, load_workbook

from kinerja import services
from kinerja.impor import anggaran as ia
from kinerja.models import ItemAnggaran, ProgresAnggaran
from kinerja.selectors import anggaran as sel
from satker.models import Pengguna

pytestmark = pytest.mark.django_db

HEADER_ROW = 4


def workbook(isi: bytes):
    return load_workbook(io.BytesIO(isi))


def simpan(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def baris_kode(ws, kode: str) -> int:
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == kode:
            return row
    raise AssertionError(f"{kode} tidak ada di templat")


def kolom(jenis: str, nama: str) -> int:
    return [k.nama for k in ia.KOLOM[jenis]].index(nama) + 1


def snapshot(satker) -> list[tuple]:
    items = ItemAnggaran.objects.filter(satker=satker, tahun=2023).order_by("kode_lengkap")
    progres = ProgresAnggaran.objects.filter(item__satker=satker, item__tahun=2023).order_by(
        "item__kode_lengkap", "bulan"
    )
    return [
        *items.values_list("kode_lengkap", "uraian", "pagu", "urutan", "induk__kode_lengkap"),
        *progres.values_list("item__kode_lengkap", "bulan", "realisasi_keuangan", "rencana_fisik"),
    ]


@pytest.fixture
def operator(manado) -> Pengguna:
    return Pengguna.objects.get(username="operator.manado")


def terapkan(operator, manado, jenis: str, isi: bytes) -> services.HasilImpor:
    rencana = ia.baca(jenis, isi, manado, 2023)
    assert rencana.sah, rencana.pesan_kesalahan()
    return services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)


# --- the template -----------------------------------------------------------------------


def test_the_template_holds_the_current_tree_with_pagu_on_leaves_only(manado):
    wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
    assert wb.sheetnames == ["Struktur", "Petunjuk"]
    ws = wb["Struktur"]
    assert [c.value for c in ws[HEADER_ROW]] == [k.judul for k in ia.KOLOM[ia.STRUKTUR]]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    kode = [ws.cell(row=r, column=1).value for r in range(HEADER_ROW + 1, ws.max_row + 1)]
    assert kode[:3] == ["EC", "6077", "6077.AEF"]
    assert len(kode) == ItemAnggaran.objects.filter(satker=manado, tahun=2023).count()
    pagu = kolom(ia.STRUKTUR, "pagu")
    # A leaf carries its pagu as a number; a total row is empty.
    leaf = ws.cell(row=baris_kode(ws, "6042.EBA.994.001"), column=pagu)
    assert (leaf.value, leaf.number_format) == (7_572_916_000, "#,##0")
    assert ws.cell(row=baris_kode(ws, "6042.EBA.994"), column=pagu).value is None
    assert ws.cell(row=baris_kode(ws, "6077"), column=kolom(ia.STRUKTUR, "program")).value == "EC"
    petunjuk = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "HANYA pada rincian terbawah" in petunjuk


@pytest.mark.parametrize("jenis", [ia.STRUKTUR, ia.REALISASI])
def test_reimporting_the_unchanged_template_changes_nothing(manado, operator, jenis):
    sebelum = snapshot(manado)
    isi = simpan(workbook(ia.templat(jenis, manado, 2023)))  # opened and saved, as in Excel
    rencana = ia.baca(jenis, isi, manado, 2023)
    assert rencana.sah and rencana.perubahan == []
    hasil = services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert hasil.tanpa_perubahan
    assert snapshot(manado) == sebelum


# --- a valid structure upload -----------------------------------------------------------


def test_a_valid_structure_upload_previews_then_applies_every_change(manado, operator):
    wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
    ws = wb["Struktur"]
    pagu = kolom(ia.STRUKTUR, "pagu")
    # Change a leaf's pagu, typed as Indonesian text; remove a leaf; add a sub-komponen
    # with an akun below it, the child row above its parent.
    ws.cell(row=baris_kode(ws, "6042.EBA.958.051"), column=pagu, value="Rp 5.000.000")
    ws.delete_rows(baris_kode(ws, "6042.EBA.962.051"))
    ws.delete_rows(baris_kode(ws, "6042.EBA.962"))
    ws.cell(row=baris_kode(ws, "6042.EBB.951.052"), column=pagu).value = None
    ws.append(["6042.EBB.951.052.A.532111", None, "Belanja modal peralatan", 18_000_000, "RM"])
    ws.append(["6042.EBB.951.052.A", None, "Pengadaan peralatan"])
    isi = simpan(wb)

    rencana = ia.baca(ia.STRUKTUR, isi, manado, 2023)
    assert rencana.sah, rencana.pesan_kesalahan()
    perubahan = {(p.jenis, p.kunci): p for p in rencana.perubahan}
    assert set(perubahan) == {
        ("ubah", "6042.EBA.958.051"),
        ("ubah", "6042.EBB.951.052"),
        ("baru", "6042.EBB.951.052.A"),
        ("baru", "6042.EBB.951.052.A.532111"),
        ("hapus", "6042.EBA.962"),
        ("hapus", "6042.EBA.962.051"),
    }
    assert perubahan[("ubah", "6042.EBA.958.051")].tampilan() == [
        ("Pagu (Rp)", "Rp 4.550.000", "Rp 5.000.000")
    ]
    assert ("Pagu (Rp)", "Rp 18.000.000", "–") in perubahan[("ubah", "6042.EBB.951.052")].tampilan()
    assert (rencana.hitung("baru"), rencana.hitung("ubah"), rencana.hitung("hapus")) == (2, 2, 2)

    hasil = services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert (hasil.baru, hasil.ubah, hasil.hapus) == (2, 2, 2)
    akun = ItemAnggaran.objects.get(
        satker=manado, tahun=2023, kode_lengkap="6042.EBB.951.052.A.532111"
    )
    assert (akun.tingkat, akun.induk.kode_lengkap, akun.pagu, akun.sumber_dana) == (
        "akun", "6042.EBB.951.052.A", 18_000_000, "RM",
    )  # fmt: skip
    assert not ItemAnggaran.objects.filter(
        satker=manado, kode_lengkap__startswith="6042.EBA.962"
    ).exists()
    nodes = {n.kode: n for n in sel.pohon(manado, 2023).values()}
    # 6042.EBA: 10.725.706.000 + 450.000 (958: 4.550.000 → 5.000.000) − 12.940.000 (962)
    # = 10.713.216.000; EBB unchanged, now from its akun.
    assert nodes["6042.EBA"].hasil.pagu == 10_713_216_000
    assert nodes["6042.EBB"].hasil.pagu == 18_000_000
    # The order of the file is kept: the akun row was typed above its sub-komponen.
    assert (
        akun.urutan
        < ItemAnggaran.objects.get(satker=manado, kode_lengkap="6042.EBB.951.052.A").urutan
    )

    # The same file again: nothing to change.
    assert ia.baca(ia.STRUKTUR, isi, manado, 2023).perubahan == []


# --- a structure upload with errors -----------------------------------------------------


def test_every_bad_row_is_reported_and_nothing_changes(manado, operator):
    sebelum = snapshot(manado)
    wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
    ws = wb["Struktur"]
    pagu = kolom(ia.STRUKTUR, "pagu")
    n_leaf = baris_kode(ws, "6042.EBA.958.051")
    ws.cell(row=n_leaf, column=pagu, value="empat juta")  # pagu not a number
    n_total = baris_kode(ws, "6042.EBA.994")
    ws.cell(row=n_total, column=pagu, value=10_708_216_000)  # pagu on a total row
    n_dup = baris_kode(ws, "6077.BAD.036")
    ws.cell(row=n_dup, column=1, value="6077.BAD.012")  # the same line twice
    ws.append(["6077.X1", None, "Kode rusak", 1])  # unknown code
    ws.append(["6077.ZZZ.001", None, "Tanpa induk", 1])  # parent 6077.ZZZ missing
    ws.append(["6042.EBD.965.051.B", None, "Pagu pecahan", 10.5])  # not whole rupiah
    n_akhir = ws.max_row

    rencana = ia.baca(ia.STRUKTUR, simpan(wb), manado, 2023)
    assert not rencana.sah
    pesan = rencana.pesan_kesalahan()
    assert f"Baris {n_leaf}: pagu bukan angka: 'empat juta'" in pesan
    assert (
        f"Baris {n_total}: pagu hanya diisi pada rincian terbawah; 6042.EBA.994 memiliki rincian"
        in pesan
    )
    n_asli = baris_kode(ws, "6077.BAD.012")
    assert f"Baris {n_dup}: kode 6077.BAD.012 ganda (juga di baris {n_asli})" in pesan
    assert f"Baris {n_akhir - 2}: bagian 'X1' dari kode '6077.X1' bukan kode KRO yang sah" in pesan
    assert f"Baris {n_akhir - 1}: induk 6077.ZZZ dari 6077.ZZZ.001 tidak ada dalam berkas" in pesan
    assert f"Baris {n_akhir}: pagu harus rupiah bulat, bukan 10,5" in pesan
    # The renamed line's children lost their parent too: every consequence is named.
    assert (
        f"Baris {n_dup + 1}: induk 6077.BAD.036 dari 6077.BAD.036.051 tidak ada dalam berkas"
        in pesan
    )
    assert rencana.perubahan == []
    # In row order, so the user can work down the sheet.
    nomor = [n for n, _ in rencana.kesalahan]
    assert nomor == sorted(nomor)

    with pytest.raises(ValidationError):
        services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert snapshot(manado) == sebelum


def test_a_failure_while_applying_rolls_everything_back(manado, operator, monkeypatch):
    sebelum = snapshot(manado)
    wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
    ws = wb["Struktur"]
    ws.cell(row=baris_kode(ws, "6042.EBA.958.051"), column=kolom(ia.STRUKTUR, "pagu")).value = 1
    ws.delete_rows(baris_kode(ws, "6042.EBA.962.051"))
    ws.delete_rows(baris_kode(ws, "6042.EBA.962"))
    ws.append(["6077.BAD.058.052", None, "Komponen baru", 5])
    rencana = ia.baca(ia.STRUKTUR, simpan(wb), manado, 2023)
    assert (rencana.hitung("baru"), rencana.hitung("ubah"), rencana.hitung("hapus")) == (1, 1, 2)

    # The removal and the new line are written, then the last step fails.
    def fail(*args, **kwargs):
        raise DatabaseError("koneksi terputus")

    monkeypatch.setattr(QuerySet, "bulk_update", fail)
    with pytest.raises(DatabaseError):
        services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert snapshot(manado) == sebelum


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"bukan excel", "Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca."),
        ("tanpa_lembar", "Lembar 'Struktur' tidak ditemukan"),
        ("tanpa_kolom", "Kolom tidak ditemukan: Pagu (Rp)."),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused_with_a_reason(manado, isi, pesan):
    if isi == "tanpa_lembar":
        wb = Workbook()
        wb.active.title = "Data"
        isi = simpan(wb)
    elif isi == "tanpa_kolom":
        wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
        wb["Struktur"].cell(row=HEADER_ROW, column=kolom(ia.STRUKTUR, "pagu"), value="Anggaran")
        isi = simpan(wb)
    with pytest.raises(ia.BerkasTidakSah) as exc:
        ia.baca(ia.STRUKTUR, isi, manado, 2023)
    assert pesan in str(exc.value)


# --- realisation uploads ----------------------------------------------------------------


def test_a_valid_realisation_upload_adds_and_changes_progress(manado, operator):
    wb = workbook(ia.templat(ia.REALISASI, manado, 2023))
    ws = wb["Realisasi"]
    rp = kolom(ia.REALISASI, "realisasi_keuangan_rp")
    persen = kolom(ia.REALISASI, "realisasi_keuangan")
    # Quarter III of KRO 6077.AEF, in rupiah; and a corrected quarter II of 6077.BAD.
    ws.append(["6077.AEF", 9, "70", 30_000_000, None, "75", "70"])
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == "6077.BAD" and ws.cell(row=row, column=2).value == 6:
            ws.cell(row=row, column=persen, value="27,50")
            ws.cell(row=row, column=rp).value = None
    rencana = ia.baca(ia.REALISASI, simpan(wb), manado, 2023)
    assert rencana.sah, rencana.pesan_kesalahan()
    assert [(p.jenis, p.kunci) for p in rencana.perubahan] == [
        ("ubah", "6077.BAD s.d. bulan 6"),
        ("baru", "6077.AEF s.d. bulan 9"),
    ]
    assert rencana.perubahan[0].tampilan() == [("Realisasi keuangan (%)", "27,63", "27,50")]
    services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)

    nodes = {n.kode: n for n in sel.pohon(manado, 2023).values()}
    # 548.888.000 × 27,50% = 150.944.200.
    assert nodes["6077.BAD"].hasil.posisi[6].realisasi_rp == 150_944_200
    aef = nodes["6077.AEF"].hasil.posisi[9]
    # 30.000.000 / 48.488.000 = 61,871% → 61,87.
    assert (aef.realisasi_rp, aef.realisasi_keuangan.nilai) == (30_000_000, D("61.87"))


def test_realisation_rows_are_all_checked(manado, operator):
    sebelum = snapshot(manado)
    wb = workbook(ia.templat(ia.REALISASI, manado, 2023))
    ws = wb["Realisasi"]
    mulai = ws.max_row + 1
    ws.append(["6077.XYZ", 6, None, 1])  # not in the structure
    ws.append(["6077.AEF", 13, None, 1])  # no month 13
    ws.append(["6077.AEF", 9, "120", None, None])  # plan above 100%
    ws.append(["6077.QDI", 9, None, 1_000, "5"])  # both rupiah and percent
    ws.append(["6077.AEF", 6, None, 1])  # month 6 of 6077.AEF is already in the file
    pertama = next(
        r
        for r in range(HEADER_ROW + 1, mulai)
        if (ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value) == ("6077.AEF", 6)
    )
    rencana = ia.baca(ia.REALISASI, simpan(wb), manado, 2023)
    assert rencana.pesan_kesalahan() == [
        f"Baris {mulai}: kode 6077.XYZ tidak dikenal dalam struktur anggaran 2023",
        f"Baris {mulai + 1}: bulan harus 1-12, bukan 13",
        f"Baris {mulai + 2}: rencana keuangan harus antara 0 dan 100, bukan 120",
        f"Baris {mulai + 3}: isi realisasi keuangan dalam rupiah atau persen, tidak keduanya",
        f"Baris {mulai + 4}: 6077.AEF s.d. bulan 6 ganda (juga di baris {pertama})",
    ]
    with pytest.raises(ValidationError):
        services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert snapshot(manado) == sebelum


def test_someone_who_may_not_edit_the_budget_cannot_apply(manado):
    reviewer = Pengguna.objects.get(username="reviewer")
    rencana = ia.baca(ia.STRUKTUR, ia.templat(ia.STRUKTUR, manado, 2023), manado, 2023)
    with pytest.raises(services.PermissionDenied):
        services.anggaran_impor(user=reviewer, satker=manado, tahun=2023, rencana=rencana)


@pytest.mark.parametrize(
    ("kolom_nama", "nilai", "pesan"),
    [
        ("pagu", 10**16, "pagu terlalu besar: 10.000.000.000.000.000"),
        ("pagu", -5, "pagu tidak boleh negatif"),
        ("pagu", "1.234.567,50", "pagu harus rupiah bulat, bukan 1.234.567,50"),
        ("uraian", "x" * 301, "Uraian lebih dari 300 karakter"),
        (
            "volume",
            10**13,
            "volume harus antara 0 dan 999.999.999.999,99, bukan 10.000.000.000.000",
        ),
        ("sumber_dana", "APBD", "sumber dana harus RM atau PNBP, bukan 'APBD'"),
    ],
)
def test_values_the_database_cannot_hold_are_refused_by_row(manado, kolom_nama, nilai, pesan):
    wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
    ws = wb["Struktur"]
    n = baris_kode(ws, "6042.EBA.958.051")
    ws.cell(row=n, column=kolom(ia.STRUKTUR, kolom_nama)).value = nilai
    assert ia.baca(ia.STRUKTUR, simpan(wb), manado, 2023).pesan_kesalahan() == [
        f"Baris {n}: {pesan}"
    ]


def test_indonesian_number_text_is_read_as_typed(manado):
    wb = workbook(ia.templat(ia.REALISASI, manado, 2023))
    ws = wb["Realisasi"]
    ws.append(["6077.AEF", "9", "70,5", "Rp 30.000.000", None, "75", "70,125"])
    rencana = ia.baca(ia.REALISASI, simpan(wb), manado, 2023)
    baru = next(b for b in rencana.baris if (b["kode"], b["bulan"]) == ("6077.AEF", 9))
    # "70,125" is kept to the two decimals stored, half-up: 70,13.
    assert (baru["rencana_keuangan"], baru["realisasi_keuangan_rp"], baru["realisasi_fisik"]) == (
        D("70.50"),
        30_000_000,
        D("70.13"),
    )


def test_months_of_a_submitted_or_verified_quarter_are_not_changed(manado, operator):
    """Quarter II is under review: the correction of June and a new September figure come in
    one file; June is refused by its row, so nothing is applied."""
    from kinerja import siklus

    lap = siklus.pelaporan(manado, 2023, 2)
    lap.status = "diajukan"
    lap.save()
    sebelum = snapshot(manado)
    wb = workbook(ia.templat(ia.REALISASI, manado, 2023))
    ws = wb["Realisasi"]
    persen = kolom(ia.REALISASI, "realisasi_keuangan")
    rp = kolom(ia.REALISASI, "realisasi_keuangan_rp")
    juni = next(
        r
        for r in range(HEADER_ROW + 1, ws.max_row + 1)
        if (ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value) == ("6077.BAD", 6)
    )
    ws.cell(row=juni, column=persen, value="27,50")
    ws.cell(row=juni, column=rp).value = None
    ws.append(["6077.AEF", 9, "70", 30_000_000, None, "75", "70"])
    rencana = ia.baca(ia.REALISASI, simpan(wb), manado, 2023)
    assert rencana.pesan_kesalahan() == [
        f"Baris {juni}: 6077.BAD s.d. bulan 6: Triwulan II 2023 sudah diajukan; "
        "realisasinya tidak dapat diubah"
    ]
    with pytest.raises(ValidationError):
        services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert snapshot(manado) == sebelum


def test_a_structure_upload_keeps_the_progress_of_a_verified_quarter(manado, operator):
    """Dropping KRO 6077.BAD from the structure would remove its recorded progress, that of
    the verified quarter II among it."""
    from kinerja import siklus

    lap = siklus.pelaporan(manado, 2023, 2)
    lap.status = "diverifikasi"
    lap.save()
    sebelum = snapshot(manado)
    bulan_tw2 = sorted(
        ProgresAnggaran.objects.filter(
            item__satker=manado, item__tahun=2023, item__kode_lengkap__startswith="6077.BAD",
            bulan__in=(4, 5, 6),
        ).values_list("item__kode_lengkap", "bulan")
    )  # fmt: skip
    assert bulan_tw2  # the demo data record June for 6077.BAD
    wb = workbook(ia.templat(ia.STRUKTUR, manado, 2023))
    ws = wb["Struktur"]
    for row in range(ws.max_row, HEADER_ROW, -1):
        if str(ws.cell(row=row, column=1).value or "").startswith("6077.BAD"):
            ws.delete_rows(row)
    rencana = ia.baca(ia.STRUKTUR, simpan(wb), manado, 2023)
    dihapus = ItemAnggaran.objects.filter(
        satker=manado, tahun=2023, kode_lengkap__startswith="6077.BAD"
    ).values_list("kode_lengkap", flat=True)
    # Each removed node is refused (the verified quarter reports the whole tree), and so is
    # each of its months of the quarter.
    assert sorted(rencana.pesan_kesalahan()) == sorted(
        [
            *(
                f"{kode} s.d. bulan {bulan}: Triwulan II 2023 sudah diverifikasi; "
                "realisasinya tidak dapat dihapus"
                for kode, bulan in bulan_tw2
            ),
            *(
                f"{kode} (dihapus): Triwulan II 2023 sudah diverifikasi; struktur dan pagu "
                "anggaran yang dilaporkannya tidak dapat diubah sampai reviewer membukanya "
                "kembali"
                for kode in dihapus
            ),
        ]
    )
    with pytest.raises(ValidationError):
        services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
    assert snapshot(manado) == sebelum
