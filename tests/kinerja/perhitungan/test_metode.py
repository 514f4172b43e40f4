"""Every computation method of the indicator manual, with values worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.perhitungan import metode
from kinerja.perhitungan.dasar import Pembulatan
from kinerja.perhitungan.metode import BarisPdn, Pengukuran


class TestPertumbuhan:
    def test_growth_with_its_working(self):
        h = metode.pertumbuhan(556_782_250, 120_047_000, nama="PNBP layanan jasa")
        # (556.782.250 − 120.047.000) / 120.047.000 = 3,63803...
        assert h.nilai == D("363.80")
        assert h.rumus == "(556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%"

    def test_decline_is_negative(self):
        assert metode.pertumbuhan(80, 100, nama="x").nilai == D("-20.00")

    def test_previous_year_zero_cannot_be_computed(self):
        h = metode.pertumbuhan(100, 0, nama="PNBP layanan jasa", posisi_a="30 Juni 2022")
        assert h.nilai is None
        assert h.alasan == (
            "tidak dapat dihitung: PNBP layanan jasa tahun sebelumnya s.d. 30 Juni 2022 nol"
        )

    def test_previous_year_missing_cannot_be_computed(self):
        h = metode.pertumbuhan(100, None, nama="hasil layanan jasa")
        assert (
            h.alasan == "tidak dapat dihitung: hasil layanan jasa tahun sebelumnya belum tercatat"
        )

    def test_this_year_missing_cannot_be_computed(self):
        assert metode.pertumbuhan(None, 100, nama="x").alasan.startswith("tidak dapat dihitung")


class TestProduktivitasEfisiensi:
    def test_one_company(self):
        h = metode.produktivitas_efisiensi([Pengukuran("IKM Mustang", D(400), D(500))])
        assert h.nilai == D("25.00")
        assert h.rumus == "(500 − 400) / 400 × 100% = 25,00%"

    def test_efficiency_counts_a_reduction(self):
        # 200 → 150 kg waste per batch: (200 − 150) / 200 = 25% more efficient.
        h = metode.produktivitas_efisiensi([Pengukuran("IKM", D(200), D(150), efisiensi=True)])
        assert h.nilai == D("25.00")
        assert h.rumus == "(200 − 150) / 200 × 100% = 25,00%"

    def test_several_companies_take_the_mean_of_their_reported_values(self):
        h = metode.produktivitas_efisiensi(
            [Pengukuran("A", D(3), D(4)), Pengukuran("B", D(100), D(160))]
        )
        # A: 33,33% (reported), B: 60,00%; mean (33,33 + 60,00) / 2 = 46,665 → 46,67
        assert h.nilai == D("46.67")
        assert h.rumus.endswith("rata-rata (33,33 + 60,00) / 2 = 46,67%")

    def test_no_measurement_cannot_be_computed(self):
        assert metode.produktivitas_efisiensi([]).alasan == (
            "tidak dapat dihitung: belum ada pengukuran perusahaan (sebelum dan sesudah)"
        )

    def test_zero_before_cannot_be_computed(self):
        h = metode.produktivitas_efisiensi([Pengukuran("IKM X", D(0), D(5))])
        assert h.alasan == "tidak dapat dihitung: nilai sebelum (A) IKM X nol"


class TestPangsaPdn:
    ROWS = [
        BarisPdn("521111", 760_303_000, 760_303_000),
        BarisPdn("532111", 965_280_000, 506_791_600, 60_907_400, 397_581_000),
        BarisPdn("999999", 1_000_000_000, 0),  # not an agreed P3DN account: ignored
    ]

    def test_share_of_domestic_and_tkdn_spending(self):
        h = metode.pangsa_pdn(self.ROWS)
        # (760.303.000 + 506.791.600 + 60.907.400) / (760.303.000 + 965.280.000)
        assert h.nilai == D("76.96")
        assert h.rumus == "(1.267.094.600 + 60.907.400) / 1.725.583.000 × 100% = 76,96%"

    def test_no_agreed_account_cannot_be_computed(self):
        assert metode.pangsa_pdn([BarisPdn("999999", 10, 10)]).alasan == (
            "tidak dapat dihitung: belum ada belanja pada akun P3DN terpilih"
        )

    def test_zero_pagu_cannot_be_computed(self):
        assert metode.pangsa_pdn([BarisPdn("521111", 0, 0)]).alasan == (
            "tidak dapat dihitung: pagu akun P3DN terpilih nol"
        )


class TestIndeksSurvei:
    def test_mean_of_elements_conversion_and_grade(self):
        h = metode.indeks_survei([("a", D("3.50")), ("b", D("3.60")), ("c", D("3.70"))])
        assert h.nilai == D("3.60")
        assert h.rumus == "(3,50 + 3,60 + 3,70) / 3 = 3,60"
        assert h.tambahan["konversi"] == D("90.00")
        assert h.tambahan["mutu"] == "A"
        assert h.keterangan == "nilai konversi 3,60 × 25 = 90,00; mutu pelayanan A (Sangat Baik)"

    @pytest.mark.parametrize(
        ("konversi", "mutu"),
        [("100", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
         ("65.00", "C"), ("64.99", "D"), ("25", "D")],
    )  # fmt: skip
    def test_grade_boundaries_of_permenpan_14_2017(self, konversi, mutu):
        assert metode.mutu_pelayanan(D(konversi))[0] == mutu

    def test_no_elements_cannot_be_computed(self):
        assert metode.indeks_survei([]).alasan == (
            "tidak dapat dihitung: belum ada nilai unsur survei kepuasan"
        )


class TestRataRataTotal:
    def test_mean_of_per_person_totals(self):
        h = metode.rata_rata_total(
            [("P1", [D(23), D(15), D(25), D(5)]), ("P2", [D(23), D(25), D(30), D(5)])]
        )
        # totals 68 and 83; (68 + 83) / 2 = 75,5
        assert h.nilai == D("75.50")
        assert h.rumus == "(68 + 83) / 2 = 75,50"

    def test_nobody_cannot_be_computed(self):
        assert metode.rata_rata_total([]).alasan.startswith("tidak dapat dihitung")


class TestIndeksTertimbang:
    def test_weighted_sum(self):
        h = metode.indeks_tertimbang([("a", D("4.00"), D(60)), ("b", D("3.00"), D(40))])
        assert h.nilai == D("3.60")
        assert h.rumus == "4,00 × 60% + 3,00 × 40% = 3,60"

    def test_weights_must_sum_to_100(self):
        h = metode.indeks_tertimbang([("a", D("4.00"), D(60)), ("b", D("3.00"), D(35))])
        assert h.alasan == "tidak dapat dihitung: bobot aspek berjumlah 95%, seharusnya 100%"


class TestRasioTindakLanjut:
    def test_ratio(self):
        h = metode.rasio_tindak_lanjut(7, 8)
        assert (h.nilai, h.rumus) == (D("87.50"), "7 / 8 × 100% = 87,50%")

    def test_no_recommendation_cannot_be_computed(self):
        assert metode.rasio_tindak_lanjut(0, 0).alasan == (
            "tidak dapat dihitung: tidak ada rekomendasi hasil pengawasan"
        )


class TestJumlah:
    def test_count_of_items(self):
        h = metode.jumlah([1, 1, 2], nama="perusahaan")
        assert (h.nilai, h.rumus, h.desimal) == (D(4), "1 + 1 + 2 = 4", 0)

    def test_zero_is_a_count(self):
        assert metode.jumlah([], nama="perusahaan").nilai == 0


class TestNilaiEksternal:
    def test_total_of_components(self):
        h = metode.nilai_eksternal(
            komponen=[("a", D("23.10")), ("b", D("22.50")), ("c", D("11.55")), ("d", D("18.00"))],
            nama="nilai SAKIP",
            predikat="BB",
        )
        assert h.nilai == D("75.15")
        assert h.rumus == "23,10 + 22,50 + 11,55 + 18,00 = 75,15"
        assert h.keterangan.endswith("predikat BB")

    def test_score_without_components(self):
        h = metode.nilai_eksternal(nilai=D("90.75"), nama="nilai laporan keuangan")
        assert (h.nilai, h.rumus) == (D("90.75"), "nilai laporan keuangan = 90,75")

    def test_no_score_cannot_be_computed(self):
        assert metode.nilai_eksternal(nama="nilai SAKIP").alasan == (
            "tidak dapat dihitung: belum ada nilai SAKIP"
        )


class TestPembulatan:
    @pytest.mark.parametrize(
        ("mode", "expected"),
        [("ROUND_HALF_UP", "87.63"), ("ROUND_DOWN", "87.62"), ("ROUND_HALF_EVEN", "87.62")],
    )
    def test_each_mode_on_a_half(self, mode, expected):
        # (87 + 88,25) / 2 = 87,625 exactly, like Pekanbaru's professionalism index 1402 / 16
        p = Pembulatan.dari_nama(mode, 2)
        h = metode.rata_rata_total([("p", [D(87)]), ("q", [D("88.25")])], pembulatan=p)
        assert h.nilai == D(expected)
        assert h.rumus == f"(87 + 88,25) / 2 = {expected.replace('.', ',')}"

    def test_precision_is_a_setting(self):
        p = Pembulatan.dari_nama("ROUND_HALF_UP", 1)
        h = metode.pertumbuhan(556_782_250, 120_047_000, nama="x", pembulatan=p)
        assert h.nilai == D("363.8")
        assert h.rumus.endswith("= 363,8%")

    def test_unknown_mode_is_refused(self):
        with pytest.raises(ValueError):
            Pembulatan.dari_nama("ROUND_SOMETIMES", 2)


class TestWorkingAndReasons:
    """What each method says beside its figure: the inputs named, or why it has none."""

    def test_growth_names_the_missing_position(self):
        assert metode.pertumbuhan(None, 100, nama="PNBP").alasan == (
            "tidak dapat dihitung: PNBP tahun berjalan belum tercatat"
        )
        assert metode.pertumbuhan(None, 100, nama="PNBP", posisi_b="30 Juni 2023").alasan == (
            "tidak dapat dihitung: PNBP tahun berjalan s.d. 30 Juni 2023 belum tercatat"
        )

    def test_one_company_is_named(self):
        h = metode.produktivitas_efisiensi([Pengukuran("IKM Mustang", D(400), D(500))])
        assert h.keterangan == "IKM Mustang"

    @pytest.mark.parametrize(
        ("konversi", "mutu"),
        [
            ("88.31", ("A", "Sangat Baik")),
            ("76.61", ("B", "Baik")),
            ("65.00", ("C", "Kurang Baik")),
            ("25.00", ("D", "Tidak Baik")),
            ("24.99", ("D", "Tidak Baik")),  # below the scale: still the lowest grade
            ("0", ("D", "Tidak Baik")),
        ],
    )
    def test_each_grade_and_its_name(self, konversi, mutu):
        assert metode.mutu_pelayanan(D(konversi)) == mutu

    def test_survey_names_the_service_quality(self):
        h = metode.indeks_survei([("a", D("3.10")), ("b", D("3.20"))])
        # (3,10 + 3,20) / 2 = 3,15; × 25 = 78,75: B (76,61-88,30)
        assert h.tambahan == {"konversi": D("78.75"), "mutu": "B", "kinerja_unit": "Baik"}
        assert h.desimal == 2

    def test_reasons_of_the_index_methods(self):
        assert metode.rata_rata_total([]).alasan == (
            "tidak dapat dihitung: belum ada nilai profesionalitas pegawai"
        )
        assert metode.indeks_tertimbang([]).alasan == (
            "tidak dapat dihitung: belum ada penilaian aspek layanan publik"
        )

    def test_keterangan_of_the_index_and_ratio_methods(self):
        assert metode.rata_rata_total([("P1", [D(1)])]).keterangan == (
            "rata-rata nilai total 1 pegawai"
        )
        h = metode.indeks_tertimbang([("a", D(4), D(100))])
        assert (h.rumus, h.keterangan) == (
            "4 × 100% = 4,00",
            "jumlah indeks aspek × bobot, 1 aspek",
        )
        assert metode.rasio_tindak_lanjut(1, 2).keterangan == (
            "rekomendasi selesai ditindaklanjuti / seluruh rekomendasi"
        )

    @pytest.mark.parametrize(
        ("nilai", "rumus"),
        [
            ([], "perusahaan = 0"),
            ([3], "perusahaan = 3"),  # one term: nothing to add up
            ([1, 2], "1 + 2 = 3"),
            ([1] * 12, " + ".join(["1"] * 12) + " = 12"),
            ([1] * 13, "perusahaan = 13"),  # too many terms to print
        ],
    )
    def test_a_count_shows_its_terms_when_there_are_two_to_twelve(self, nilai, rumus):
        h = metode.jumlah(nilai, nama="perusahaan")
        assert (h.rumus, h.keterangan) == (rumus, "perusahaan")

    def test_an_external_score_without_predikat_says_none(self):
        h = metode.nilai_eksternal(komponen=[("a", D(1)), ("b", D(2))], nama="nilai SAKIP")
        assert h.keterangan == "nilai SAKIP: a, b"
        assert metode.nilai_eksternal(nilai=D(3), nama="nilai LK").keterangan == "nilai LK"
        h = metode.nilai_eksternal(nilai=D(3), nama="nilai LK", predikat="WTP")
        assert h.keterangan == "nilai LK; predikat WTP"
