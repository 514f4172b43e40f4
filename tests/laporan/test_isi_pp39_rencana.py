"""The plan tables of the PP-39 report of BSPJI Manado (satker 247246), Triwulan II 2023, and
the Perjanjian Kinerja document of BSPJI Pekanbaru, cell by cell, against values worked out by
hand from fixtures/: the PK's targets as agreed, the programme and its kegiatan with pagu
rolled up from the leaves, the output indicators, the summary figures of Bab IV.

Each expected figure carries its working in the comment beside it; none is copied from the
code's output or from the printed source report, whose slips the fixtures name. Rounding is
half-up to two decimals; a capaian is computed from the rounded realisasi; a "triwulan ini"
column is the difference of the two rounded cumulative figures beside it; sums of money are
exact integers; the physical progress of a parent is its children's progress weighted by their
pagu over the parent's own pagu. Rows are picked where the columns differ, so that two swapped
columns, a column reading its neighbour's field or a footer printing another figure fail; the
printed text of a row (`teks_baris`) pins the kind of each cell (Rp, %, plain) and its decimals."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from laporan import dokumen
from tests.laporan.conftest import judul_kolom, nilai_baris, normal, tabel, teks_baris

pytestmark = pytest.mark.django_db

PK = "pk-pekanbaru"


# --- Bab II: Perjanjian Kinerja, Program Kegiatan, Output Kegiatan -----------------------


def test_perjanjian_kinerja_targets_as_agreed(pp39):
    t = tabel(pp39, "Perjanjian Kinerja")
    assert judul_kolom(t) == [
        ["No", "Sasaran Kegiatan", "Kode", "Indikator Kinerja", "Target", "Satuan"],
        ["1", "2", "3", "4", "5", "6"],
    ]
    assert len(t.baris) == 13  # 1 + 1 + 5 + 1 + 1 + 1 + 1 + 2 lines (pk_2023.yaml)
    # Target "92.5" of IV.1 (Tabel 1; Tabel 9's "92" is a slip named in the fixture), written
    # as the PK writes it: 92,5, not 92,50 nor 92,5000.
    assert nilai_baris(t, "IV") == [
        "IV",
        "Tercapainya Pengawasan Internal yang Efektif dan Efisien",
        "IV.1",
        "Rekomendasi hasil pengawasan internal telah ditindaklanjuti oleh satker",
        D("92.5"),
        "Persen",
    ]
    assert teks_baris(t, "IV")[4] == "92,5"
    # A line below the first of its sasaran starts with its code: target 750 SPK/Order.
    assert nilai_baris(t, "III.3") == [
        "III.3",
        "Meningkatnya jumlah layanan jasa yang digunakan oleh industri",
        D(750),
        "SPK/Order",
    ]
    assert teks_baris(t, "III.3") == [
        "III.3",
        "Meningkatnya jumlah layanan jasa yang digunakan oleh industri",
        "750",
        "SPK/Order",
    ]
    assert teks_baris(t, "VII")[4:] == ["3,56", "Nilai"]


def test_program_kegiatan_pagu_rolled_up_from_the_leaves(pp39):
    t = tabel(pp39, "Program Kegiatan")
    assert judul_kolom(t) == [["Kode", "Program/Kegiatan/Output", "Pagu"]]
    # Program → kegiatan → KRO → RO: 12 rows under EC, 15 under WA, no komponen.
    assert len(t.baris) == 27
    assert not any(normal(r[0].teks()).count(".") > 2 for r in t.baris)
    # 6077: AEF 48.488.000 + BAD 548.888.000 + CAH 232.180.000 + QDI 106.885.000
    # = 936.441.000.
    assert nilai_baris(t, "6077") == [
        "6077",
        "Pengembangan dan Penyelenggaraan Jasa Industri",
        936_441_000,
    ]
    assert teks_baris(t, "6077")[2] == "Rp 936.441.000"
    # 6077.BAD: 436.560.000 + 70.740.000 + 41.588.000 = 548.888.000.
    assert nilai_baris(t, "6077.BAD") == [
        "6077.BAD",
        "Pelayanan Publik kepada industri",
        548_888_000,
    ]
    assert nilai_baris(t, "6077.BAD.036")[2] == 70_740_000  # its one komponen
    # 6042.EBA.994: Gaji 7.572.916.000 + Operasional 3.135.300.000 = 10.708.216.000.
    assert nilai_baris(t, "6042.EBA.994") == ["6042.EBA.994", "Layanan Perkantoran", 10_708_216_000]
    # 6042: EBA (4.550.000 + 12.940.000 + 10.708.216.000 = 10.725.706.000) + EBB 18.000.000
    # + EBC 200.480.000 + EBD (21.880.000 + 25.370.000 + 25.010.000 + 254.186.000 =
    # 326.446.000) = 11.270.632.000.
    assert nilai_baris(t, "WA")[2] == 11_270_632_000
    assert nilai_baris(t, "6042.EBD")[2] == 326_446_000
    # Total: 936.441.000 + 11.270.632.000 = 12.207.073.000 (the pagu after revisi 02; the DIPA
    # awal was 12.100.188.000).
    assert nilai_baris(t, "Total", kaki=True) == ["Total", 12_207_073_000]
    assert teks_baris(t, "Total", kaki=True) == ["Total", "Rp 12.207.073.000"]
    assert t.kaki[0][0].colspan == 2


def test_output_kegiatan_indicator_volume_and_unit(pp39):
    t = tabel(pp39, "Output Kegiatan")
    assert judul_kolom(t) == [["Kode", "Kegiatan/Output", "Indikator KRO", "Volume dan satuan"]]
    assert [r[0].nilai for r in t.baris] == ["AEF", "BAD", "CAH", "QDI", "EBA", "EBB", "EBC", "EBD"]
    # Tabel 3: volume "237" Industri, written without decimals.
    assert nilai_baris(t, "BAD") == [
        "BAD",
        "Pelayanan Publik kepada industri",
        "Jumlah industri yang mendapatkan layanan jasa",
        "237 Industri",
    ]
    assert nilai_baris(t, "EBD") == [
        "EBD",
        "Layanan Manajemen Kinerja Internal",
        "Terselenggaranya layanan manajemen kinerja internal",
        "4 Dokumen",
    ]


# --- Bab IV: the summary figures -------------------------------------------------------------


def test_bab_iv_summary_figures(pp39):
    bab_iv = next(b for b in pp39.bab if b.nomor == "BAB IV")
    rincian = next(b for b in bab_iv.isi if isinstance(b, dokumen.Rincian))
    assert rincian.pasangan == [
        # Program Kegiatan's Total.
        ("Pagu anggaran", "Rp 12.207.073.000"),
        # As SAKTI reports it (Bab IV point 3): 5.215.824.466 / 12.207.073.000 = 42,7279% → 42,73;
        # the KROs' rupiah rebuilt from their percentages (5.215.699.407) is not printed.
        ("Realisasi anggaran s.d. Triwulan II", "Rp 5.215.824.466 (42,73%)"),
        ("Target PNBP", "Rp 1.150.000.000"),  # Bab IV point 4 (dipa.target_pnbp)
        # 518.891.250 / 1.150.000.000 = 45,1210% → 45,12.
        ("Penerimaan PNBP s.d. 30 Juni 2023", "Rp 518.891.250 (45,12%)"),
        # CAPAIAN_ANTARA_TW2: twelve lines at or above 100, VIII.2 at 50.
        (
            "Indikator Perjanjian Kinerja",
            "13 indikator: 12 sesuai/melampaui target antara, 0 perlu perhatian, "
            "1 di bawah target antara, 0 belum dapat dinilai",
        ),
    ]


# --- the Perjanjian Kinerja document (BSPJI Pekanbaru) ---------------------------------------


def test_pk_document_table(susunan):
    pk = susunan(PK)
    t = tabel(pk, "Perjanjian Kinerja")
    assert t.judul == "Perjanjian Kinerja BSPJI Pekanbaru Tahun 2023"
    assert judul_kolom(t) == [
        ["No", "Sasaran Kegiatan", "Kode", "Indikator Kinerja", "Target", "Satuan"],
        ["1", "2", "3", "4", "5", "6"],
    ]
    assert len(t.baris) == 12  # 1 + 1 + 4 + 1 + 1 + 1 + 1 + 2 lines (pekanbaru/pk_2023.yaml)
    # Every column once: VII.1, target "3.53" Indeks.
    assert nilai_baris(t, "VII") == [
        "VII",
        "Penguatan Layanan Publik",
        "VII.1",
        "Nilai minimal indeks layanan publik",
        D("3.53"),
        "Indeks",
    ]
    assert teks_baris(t, "VII")[4] == "3,53"
    assert teks_baris(t, "III.3") == [
        "III.3",
        "Meningkatnya jumlah hasil layanan jasa industri yang digunakan oleh pelanggan",
        "5",
        "Persen",
    ]
    assert teks_baris(t, "IV")[4:] == ["92,5", "Persen"]
    assert teks_baris(t, "VIII.2") == ["VIII.2", "Nilai minimal laporan keuangan", "90", "Nilai"]


def test_pk_document_budget(susunan):
    pk = susunan(PK)
    lampiran = pk.bab[1]
    paragraf = [b.teks for b in lampiran.isi if isinstance(b, dokumen.Paragraf)]
    # total_anggaran 7.350.321.000 (pekanbaru/pk_2023.yaml), in figures and in words.
    assert paragraf == [
        "Total Anggaran Tahun 2023: Rp 7.350.321.000,-",
        "(Tujuh miliar tiga ratus lima puluh juta tiga ratus dua puluh satu ribu rupiah)",
    ]


@pytest.mark.django_db
def test_a_quarter_reported_in_percent_prints_no_rebuilt_rupiah(demo):
    from laporan.susun import pp39 as susun_pp39
    from satker.models import Satker

    manado = Satker.objects.get(kode="247246")
    laporan = susun_pp39.susun(manado, 2023, 1).nomori()
    bab_iv = next(b for b in laporan.bab if b.nomor == "BAB IV")
    ringkas = dict(next(b for b in bab_iv.isi if isinstance(b, dokumen.Rincian)).pasangan)
    # March has no SAKTI amount; the KROs report percentages (rebuilt 103.978.683 +
    # 1.808.594.287 = 1.912.572.970, 15,6678% of 12.207.073.000): the share is printed, the
    # rupiah is not.
    assert ringkas["Realisasi anggaran s.d. Triwulan I"] == "15,67% dari pagu"
    assert laporan.nilai["anggaran.realisasi"] == "–"
    assert laporan.nilai["anggaran.persen"] == "15,67"
