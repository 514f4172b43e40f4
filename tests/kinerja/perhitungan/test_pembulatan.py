"""Every rounding mode and precision a satker can configure, through every computation method
and through `hitung_baris` for every kind of supporting data; and the order of rounding
wherever a figure is derived from rounded figures (DESIGN.md section 4: a figure derived from
reported quantities uses the reported, rounded values).

The inputs are chosen so that the exact result is 26,565 (a percentage), 3,265 (an index on
the 1..4 scale) or 65,625 (a ratio of 21 of 32), which every mode and precision rounds
differently. Worked by hand:

    26,565   0 dec.   1 dec.   2 dec.       3,265   0   1     2        65,625   0   1     2
    half-up  27       26,6     26,57                3   3,3   3,27              66  65,6  65,63
    down     26       26,5     26,56                3   3,2   3,26              65  65,6  65,62
    h.-even  27       26,6     26,56                3   3,3   3,26              66  65,6  65,62

(half-even: 26,565 → 26,56 because 6 is even, but 26,565 → 26,6 at one decimal because
0,065 is more than half of 0,1.)"""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest

from kinerja.perhitungan import Konfigurasi, MasukanBaris, hitung_baris, metode
from kinerja.perhitungan import anggaran as pa
from kinerja.perhitungan import baris as pb
from kinerja.perhitungan.agregasi import RATA_RATA, agregasi_hasil
from kinerja.perhitungan.capaian import capaian, capaian_antara
from kinerja.perhitungan.dasar import Hasil, Pembulatan
from kinerja.perhitungan.metode import BarisPdn, Pengukuran

MODE = ("ROUND_HALF_UP", "ROUND_DOWN", "ROUND_HALF_EVEN")
SEMUA = [(m, d) for m in MODE for d in (0, 1, 2)]


def tabel(*per_mode: tuple[str, str, str]) -> dict[tuple[str, int], str]:
    """{(mode, decimals): the value as printed} from one row of three precisions per mode."""
    return {(m, d): per_mode[i][d] for i, m in enumerate(MODE) for d in (0, 1, 2)}


B_26_565 = tabel(("27", "26,6", "26,57"), ("26", "26,5", "26,56"), ("27", "26,6", "26,56"))
B_3_265 = tabel(("3", "3,3", "3,27"), ("3", "3,2", "3,26"), ("3", "3,3", "3,26"))
B_65_625 = tabel(("66", "65,6", "65,63"), ("65", "65,6", "65,62"), ("66", "65,6", "65,62"))


def p(mode: str, desimal: int) -> Pembulatan:
    return Pembulatan.dari_nama(mode, desimal)


def sebagai_angka(tampil: str) -> D:
    return D(tampil.replace(",", "."))


# --- each method on its own -----------------------------------------------------------------

METODE = {
    # (B − A) / A × 100 = (25.313 − 20.000) / 20.000 × 100 = 26,565
    "pertumbuhan": (
        lambda pb_: metode.pertumbuhan(25_313, 20_000, nama="PNBP", pembulatan=pb_),
        B_26_565,
        "(25.313 − 20.000) / 20.000 × 100% = {}%",
    ),
    # one company, productivity (B − A) / A: (25.313 − 20.000) / 20.000 × 100 = 26,565
    "produktivitas": (
        lambda pb_: metode.produktivitas_efisiensi(
            [Pengukuran("IKM A", D(20000), D(25313))], pembulatan=pb_
        ),
        B_26_565,
        "(25.313 − 20.000) / 20.000 × 100% = {}%",
    ),
    # efficiency (A − B) / A: (20.000 − 14.687) / 20.000 × 100 = 26,565
    "efisiensi": (
        lambda pb_: metode.produktivitas_efisiensi(
            [Pengukuran("IKM A", D(20000), D(14687), efisiensi=True)], pembulatan=pb_
        ),
        B_26_565,
        "(20.000 − 14.687) / 20.000 × 100% = {}%",
    ),
    # (PDN 3.000 + 2.000 + TKDN 313) / pagu (12.000 + 8.000) × 100 = 5.313 / 20.000 = 26,565
    "pangsa_pdn": (
        lambda pb_: metode.pangsa_pdn(
            [BarisPdn("521211", 12_000, 3_000, 313), BarisPdn("532111", 8_000, 2_000)],
            pembulatan=pb_,
        ),
        B_26_565,
        "(5.000 + 313) / 20.000 × 100% = {}%",
    ),
    # totals 20,5 + 6,06 = 26,56 and 20 + 6,57 = 26,57; mean 26,565
    "rata_rata_total": (
        lambda pb_: metode.rata_rata_total(
            [("P1", [D("20.5"), D("6.06")]), ("P2", [D("20"), D("6.57")])], pembulatan=pb_
        ),
        B_26_565,
        "(26,56 + 26,57) / 2 = {}",
    ),
    # 21 of 32 recommendations followed up: 65,625%
    "rasio_tindak_lanjut": (
        lambda pb_: metode.rasio_tindak_lanjut(21, 32, pembulatan=pb_),
        B_65_625,
        "21 / 32 × 100% = {}%",
    ),
    # components 20,5 + 6,065 = 26,565
    "nilai_eksternal_komponen": (
        lambda pb_: metode.nilai_eksternal(
            komponen=[("a", D("20.5")), ("b", D("6.065"))], nama="nilai SAKIP", pembulatan=pb_
        ),
        B_26_565,
        "20,5 + 6,065 = {}",
    ),
    "nilai_eksternal_nilai": (
        lambda pb_: metode.nilai_eksternal(nilai=D("26.565"), nama="nilai LK", pembulatan=pb_),
        B_26_565,
        "nilai LK = {}",
    ),
    # mean of the elements (3,26 + 3,27) / 2 = 3,265
    "indeks_survei": (
        lambda pb_: metode.indeks_survei([("u1", D("3.26")), ("u2", D("3.27"))], pembulatan=pb_),
        B_3_265,
        "(3,26 + 3,27) / 2 = {}",
    ),
    # 3,25 × 50% + 3,28 × 50% = 1,625 + 1,64 = 3,265
    "indeks_tertimbang": (
        lambda pb_: metode.indeks_tertimbang(
            [("a", D("3.25"), D(50)), ("b", D("3.28"), D(50))], pembulatan=pb_
        ),
        B_3_265,
        "3,25 × 50% + 3,28 × 50% = {}",
    ),
    # maksimasi 5,313 / 20 × 100 = 26,565
    "capaian_maksimasi": (
        lambda pb_: capaian(D("5.313"), D(20), pembulatan=pb_),
        B_26_565,
        "5,313 / 20 × 100% = {}%",
    ),
    # minimasi, LAKIP convention (2 × 20 − 34,687) / 20 × 100 = 5,313 / 20 × 100 = 26,565
    "capaian_minimasi_selisih": (
        lambda pb_: capaian(D("34.687"), D(20), klasifikasi="minimasi", pembulatan=pb_),
        B_26_565,
        "(2 × 20 − 34,687) / 20 × 100% = {}%",
    ),
    # minimasi, ratio convention 5,313 / 20 × 100 = 26,565 (target / realisasi)
    "capaian_minimasi_rasio": (
        lambda pb_: capaian(
            D(20), D("5.313"), klasifikasi="minimasi", rumus_minimasi="rasio", pembulatan=pb_
        ),
        B_26_565,
        "5,313 / 20 × 100% = {}%",
    ),
    "capaian_antara": (
        lambda pb_: capaian_antara(D("5.313"), D(20), pembulatan=pb_),
        B_26_565,
        "5,313 / 20 × 100% = {}%",
    ),
    # the mean of two quarters (26,56 + 26,57) / 2 = 26,565
    "agregasi_rata_rata": (
        lambda pb_: agregasi_hasil(
            RATA_RATA, [("TW I", D("26.56")), ("TW II", D("26.57"))], pembulatan=pb_
        ),
        B_26_565,
        "(26,56 + 26,57) / 2 = {}",
    ),
    # PNBP received against its target: 5.313 / 20.000 × 100 = 26,565
    "persen_terhadap": (
        lambda pb_: pa.persen_terhadap(5_313, 20_000, pembulatan=pb_),
        B_26_565,
        "5.313 / 20.000 × 100% = {}%",
    ),
    # the mean of reported figures (26,56 + 26,57) / 2 = 26,565
    "rata_rata_anggaran": (
        lambda pb_: pa.rata_rata([Hasil(D("26.56")), Hasil(D("26.57"))], pembulatan=pb_),
        B_26_565,
        "(26,56 + 26,57) / 2 = {}%",
    ),
}


@pytest.mark.parametrize(("mode", "desimal"), SEMUA)
@pytest.mark.parametrize("nama", list(METODE))
def test_each_method_rounds_by_the_configured_mode_and_precision(nama, mode, desimal):
    hitung, harapan, rumus = METODE[nama]
    h = hitung(p(mode, desimal))
    tampil = harapan[(mode, desimal)]
    assert (h.tampil, h.desimal) == (tampil, desimal)
    assert h.nilai == sebagai_angka(tampil)
    assert h.rumus == rumus.format(tampil)


@pytest.mark.parametrize(("mode", "desimal"), SEMUA)
def test_budget_percentages_and_weighted_progress_round_as_configured(mode, desimal):
    # A leaf of pagu 20.000 with 5.313 realised: 26,565%; two RO of 10.000 each with physical
    # progress 26,56 and 26,57: (10.000 × 26,56 + 10.000 × 26,57) / 20.000 = 26,565.
    pohon = [
        pa.Simpul(1, None, "kro", "K", "KRO"),
        pa.Simpul(2, 1, "ro", "K.001", "RO 1", pagu=10_000),
        pa.Simpul(3, 1, "ro", "K.002", "RO 2", pagu=10_000),
    ]
    progres = {
        2: [pa.Titik(6, realisasi_keuangan_rp=5_313, realisasi_fisik=D("26.56"))],
        3: [pa.Titik(6, realisasi_keuangan_rp=0, realisasi_fisik=D("26.57"))],
    }
    kro = pa.hitung_pohon(pohon, progres, (6,), pembulatan=p(mode, desimal))[1].posisi[6]
    tampil = B_26_565[(mode, desimal)]
    assert (kro.realisasi_keuangan.tampil, kro.realisasi_fisik.tampil) == (tampil, tampil)
    assert kro.realisasi_keuangan.rumus == f"5.313 / 20.000 × 100% = {tampil}%"


@pytest.mark.parametrize(("mode", "desimal"), SEMUA)
def test_deviation_from_the_plan_rounds_each_period_then_the_score(mode, desimal):
    # Plan 20.000, realised 25.313: |25.313 − 20.000| / 20.000 = 26,565%, reported rounded;
    # the score is 100 − that reported deviation (one period: the mean is the deviation).
    h = pa.deviasi_rpd([("TW I", 20_000)], [("TW I", 25_313)], pembulatan=p(mode, desimal))
    dev = B_26_565[(mode, desimal)]
    skor = {"27": "73", "26": "74", "26,6": "73,4", "26,5": "73,5", "26,57": "73,43",
            "26,56": "73,44"}[dev]  # fmt: skip
    assert (h.periode[0].deviasi.tampil, h.rata_rata.tampil, h.nilai.tampil) == (dev, dev, skor)
    assert h.nilai.rumus == f"100 − {dev} = {skor}"


# --- through hitung_baris, every kind of supporting data -------------------------------------

TW2 = datetime.date(2023, 6, 30)
d = datetime.date


def baris(data_dukung: str, data: pb.DataDukung, target: str, **kw) -> MasukanBaris:
    return MasukanBaris(
        kode="I.1",
        sasaran="s",
        indikator="i",
        satuan="Persen",
        target=D(target),
        tahun=2023,
        data_dukung=data_dukung,
        data=data,
        target_antara=(D(25), D(60), D(75), D(100)),
        realisasi_antara=(D(25), D("56.8"), None, None),
        **kw,
    )


SUMBER = {
    "pnbp_layanan": baris(
        pb.PNBP_LAYANAN,
        pb.DataDukung(pnbp=(pb.Posisi(d(2022, 6, 30), 20_000), pb.Posisi(TW2, 25_313))),
        "15",
    ),
    "hasil_layanan": baris(
        pb.HASIL_LAYANAN,
        pb.DataDukung(hasil_layanan=(pb.Posisi(d(2022, 6, 30), 20_000), pb.Posisi(TW2, 25_313))),
        "15",
    ),
    "pengukuran_perusahaan": baris(
        pb.PENGUKURAN_PERUSAHAAN,
        pb.DataDukung(
            pengukuran=(
                pb.PengukuranBertanggal(d(2023, 5, 10), Pengukuran("IKM A", D(20000), D(25313))),
            )
        ),
        "15",
    ),
    "belanja_pdn": baris(
        pb.BELANJA_PDN,
        pb.DataDukung(
            pdn=(
                pb.PdnBertanggal(TW2, BarisPdn("521211", 12_000, 3_000, 313)),
                pb.PdnBertanggal(TW2, BarisPdn("532111", 8_000, 2_000)),
            )
        ),
        "15",
    ),
    "profesionalitas_asn": baris(
        pb.PROFESIONALITAS_ASN,
        pb.DataDukung(
            profesionalitas=(
                pb.NilaiPegawai(TW2, "P1", (D("20.5"), D("6.06"))),
                pb.NilaiPegawai(TW2, "P2", (D("20"), D("6.57"))),
            )
        ),
        "15",
    ),
    "nilai_sakip": baris(
        pb.NILAI_SAKIP,
        pb.DataDukung(
            sakip=(pb.Skor(d(2023, 4, 30), komponen=(("a", D("20.5")), ("b", D("6.065")))),)
        ),
        "15",
    ),
    "nilai_laporan_keuangan": baris(
        pb.NILAI_LAPORAN_KEUANGAN,
        pb.DataDukung(laporan_keuangan=(pb.Skor(d(2023, 4, 30), nilai=D("26.565")),)),
        "15",
    ),
    "dilaporkan": baris("", pb.DataDukung(), "15", dilaporkan=(None, D("26.565"), None, None)),
    "survei_kepuasan": baris(
        pb.SURVEI_KEPUASAN,
        pb.DataDukung(survei=(pb.Survei(TW2, (("u1", D("3.26")), ("u2", D("3.27")))),)),
        "3",
    ),
    "layanan_publik": baris(
        pb.LAYANAN_PUBLIK,
        pb.DataDukung(
            layanan_publik=(
                pb.PenilaianAspek(TW2, (("a", D("3.25"), D(50)), ("b", D("3.28"), D(50)))),
            )
        ),
        "3",
    ),
    "rekomendasi_audit": baris(
        pb.REKOMENDASI_AUDIT,
        pb.DataDukung(
            rekomendasi=tuple(pb.Rekomendasi(2023, i < 21, d(2023, 5, 1)) for i in range(32))
        ),
        "80",
    ),
}

# The capaian of each line is computed from the ROUNDED realisasi (worked by hand):
# percentage lines, target 15: 27 / 15 = 180; 26,6 / 15 = 177,333… → 177,3; 26,57 / 15 =
#   177,1333… → 177,13; 26 / 15 = 173,33… → 173; 26,5 / 15 = 176,666… → 176,6 (down);
#   26,56 / 15 = 177,0666… → 177,06 (down), 177,07 (half-even). From the unrounded 26,565 it
#   would be 177,10.
C_15 = tabel(("180", "177,3", "177,13"), ("173", "176,6", "177,06"), ("180", "177,3", "177,07"))
# index lines, target 3: 3 / 3 = 100; 3,3 / 3 = 110; 3,27 / 3 = 109; 3,2 / 3 = 106,666… → 106,6
#   (down); 3,26 / 3 = 108,666… → 108,66 (down), 108,67 (half-even).
C_3 = tabel(("100", "110,0", "109,00"), ("100", "106,6", "108,66"), ("100", "110,0", "108,67"))
# recommendations, target 80: 66 / 80 = 82,5 → 83 (half-up), 82 (half-even: 2 is even);
#   65 / 80 = 81,25 → 81; 65,6 / 80 = 82; 65,63 / 80 = 82,0375 → 82,04; 65,62 / 80 = 82,025
#   → 82,02 (down; half-even: 2 is even).
C_80 = tabel(("83", "82,0", "82,04"), ("81", "82,0", "82,02"), ("82", "82,0", "82,02"))
# The progress capaian 56,8 / 60 × 100 = 94,666…
ANTARA = tabel(("95", "94,7", "94,67"), ("94", "94,6", "94,66"), ("95", "94,7", "94,67"))

HARAPAN = {
    nama: (B_3_265, C_3)
    if nama in ("survei_kepuasan", "layanan_publik")
    else (B_65_625, C_80)
    if nama == "rekomendasi_audit"
    else (B_26_565, C_15)
    for nama in SUMBER
}


@pytest.mark.parametrize(("mode", "desimal"), SEMUA)
@pytest.mark.parametrize("nama", list(SUMBER))
def test_a_line_reports_rounded_figures_and_its_capaian_from_them(nama, mode, desimal):
    k = Konfigurasi(pembulatan=p(mode, desimal))
    h = hitung_baris(SUMBER[nama], 2, k)
    realisasi, capaian_ = HARAPAN[nama]
    assert h.realisasi.tampil == realisasi[(mode, desimal)]
    assert h.capaian.tampil == capaian_[(mode, desimal)]
    assert h.capaian_antara.tampil == ANTARA[(mode, desimal)]
    assert h.sumber_realisasi == ("dilaporkan" if nama == "dilaporkan" else "data_dukung")


@pytest.mark.parametrize(("mode", "desimal"), SEMUA)
def test_a_count_is_never_rounded_but_its_capaian_is(mode, desimal):
    # 7 SPK/orders against a target of 15: 7 / 15 × 100 = 46,666…
    m = baris(pb.ORDER_LAYANAN, pb.DataDukung(order_layanan=(pb.Posisi(TW2, 7),)), "15")
    h = hitung_baris(m, 2, Konfigurasi(pembulatan=p(mode, desimal)))
    harapan = tabel(("47", "46,7", "46,67"), ("46", "46,6", "46,66"), ("47", "46,7", "46,67"))
    assert (h.realisasi.tampil, h.realisasi.desimal) == ("7", 0)
    assert h.capaian.tampil == harapan[(mode, desimal)]


# --- the order of rounding ------------------------------------------------------------------


def test_the_mean_of_several_companies_is_the_mean_of_their_reported_values():
    # Productivity 10,0051%, 10,0051% and 10,00%, each reported as 10,01, 10,01 and 10,00:
    # (10,01 + 10,01 + 10,00) / 3 = 10,00666… → 10,01. The mean of the unrounded values,
    # 30,0102 / 3 = 10,0034 → 10,00, would not be reproducible from the printed figures.
    h = metode.produktivitas_efisiensi(
        [
            Pengukuran("A", D(100), D("110.0051")),
            Pengukuran("B", D(100), D("110.0051")),
            Pengukuran("C", D(100), D(110)),
        ]
    )
    assert h.nilai == D("10.01")
    assert h.rumus == (
        "A: (110,0051 − 100) / 100 × 100% = 10,01%; B: (110,0051 − 100) / 100 × 100% = 10,01%; "
        "C: (110 − 100) / 100 × 100% = 10,00%; rata-rata (10,01 + 10,01 + 10,00) / 3 = 10,01%"
    )
    assert h.keterangan == "rata-rata 3 perusahaan"


def test_several_companies_under_truncation_truncate_each_then_the_mean():
    # ROUND_DOWN, 1 decimal: 10,0051 → 10,0; 19,99 → 19,9; (10,0 + 19,9) / 2 = 14,95 → 14,9.
    # Rounding only the mean would give (10,0051 + 19,99) / 2 = 14,99755 → 14,9 as well, so the
    # per-company figures are checked too: they are what the report prints.
    h = metode.produktivitas_efisiensi(
        [Pengukuran("A", D(100), D("110.0051")), Pengukuran("B", D(100), D("119.99"))],
        pembulatan=p("ROUND_DOWN", 1),
    )
    assert h.nilai == D("14.9")
    assert h.rumus == (
        "A: (110,0051 − 100) / 100 × 100% = 10,0%; B: (119,99 − 100) / 100 × 100% = 19,9%; "
        "rata-rata (10,0 + 19,9) / 2 = 14,9%"
    )


def test_the_survey_conversion_and_grade_come_from_the_reported_index():
    # Elements 3,526 and 3,540: IKM (3,526 + 3,540) / 2 = 3,533 → reported 3,53. Conversion
    # 3,53 × 25 = 88,25: grade B (76,61-88,30). From the unrounded index, 3,533 × 25 =
    # 88,325 → 88,33 would be grade A (88,31 and above): the grade would contradict the
    # printed index.
    h = metode.indeks_survei([("u1", D("3.526")), ("u2", D("3.540"))])
    assert (h.nilai, h.tambahan["konversi"], h.tambahan["mutu"]) == (D("3.53"), D("88.25"), "B")
    assert h.tambahan["kinerja_unit"] == "Baik"
    assert h.keterangan == "nilai konversi 3,53 × 25 = 88,25; mutu pelayanan B (Baik)"


def test_the_survey_conversion_is_rounded_as_configured():
    # ROUND_DOWN, 1 decimal: IKM 3,265 → 3,2; 3,2 × 25 = 80,0 (grade B).
    h = metode.indeks_survei([("u1", D("3.26")), ("u2", D("3.27"))], pembulatan=p("ROUND_DOWN", 1))
    assert (h.tampil, h.tambahan["konversi"], h.desimal) == ("3,2", D("80.0"), 1)
    assert h.keterangan == "nilai konversi 3,2 × 25 = 80,0; mutu pelayanan B (Baik)"


def test_efficiency_is_computed_from_the_reported_cost_indices():
    # IBT 1.000 / 3 = 333,33… → 333 (whole rupiah); IBR 1.000 / 4 = 250. Efficiency from
    # the reported indices (333 − 250) / 333 = 24,924…% → 24,92; from the unrounded IBT it
    # would be (333,33 − 250) / 333,33 = 25,00%.
    h = pa.efisiensi_anggaran(
        target_kinerja=D(3), realisasi_kinerja=D(4), pagu=1_000, realisasi_anggaran=1_000,
        capaian=D("133.33"),
    )  # fmt: skip
    assert (h.ibt.nilai, h.ibr.nilai, h.efisiensi.nilai) == (D(333), D(250), D("24.92"))
    assert h.ibt.rumus == "1.000 / 3 = 333"
    assert h.ibr.rumus == "1.000 / 4 = 250"
    assert h.efisiensi.rumus == "(333 − 250) / 333 × 100% = 24,92%"


def test_efficiency_cost_indices_stay_whole_rupiah_under_any_precision():
    # The satker reports 1 decimal, truncated: IBT and IBR stay whole rupiah (truncated:
    # 1.000 / 3 = 333,3… → 333), the efficiency takes the setting: (333 − 250) / 333 =
    # 24,924… → 24,9.
    h = pa.efisiensi_anggaran(
        target_kinerja=D(3), realisasi_kinerja=D(4), pagu=1_000, realisasi_anggaran=1_000,
        capaian=D("133.33"), pembulatan=p("ROUND_DOWN", 1),
    )  # fmt: skip
    assert (h.ibt.tampil, h.ibr.tampil, h.efisiensi.tampil) == ("333", "250", "24,9")


def test_renstra_achievement_rounds_its_combined_figures_as_configured():
    # Mean of 23, 66,6 and 60 = 149,6 / 3 = 49,8666…: 1 decimal truncated 49,8; mean target
    # (5 + 10 + 12) / 3 = 9,0; capaian 49,8 / 9,0 = 553,333… → 553,3.
    from kinerja.perhitungan import TahunRenstra, capaian_renstra

    h = capaian_renstra(
        RATA_RATA,
        [
            TahunRenstra(2021, D(5), D(23)),
            TahunRenstra(2022, D(10), D("66.6")),
            TahunRenstra(2023, D(12), D(60)),
        ],
        sampai_tahun=2023,
        pembulatan=p("ROUND_DOWN", 1),
    )
    assert (h.realisasi_sd.tampil, h.target_sd.tampil, h.capaian_sd.tampil) == (
        "49,8", "9,0", "553,3",
    )  # fmt: skip
    assert h.target_periode.tampil == "9,0"
