"""Boundaries, on both sides: the status thresholds (also between them, and configured), when a
line must explain itself, the review flags at their limits, the quarter calendar, and the
settings the computation refuses."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from decimal import Decimal as D

import pytest

from kinerja.perhitungan import (
    Ambang,
    Konfigurasi,
    MasukanBaris,
    Status,
    akhir_triwulan,
    capaian,
    hitung_baris,
    perlu_penjelasan,
    status,
    triwulan_bulan,
)
from kinerja.perhitungan import catatan as flags
from kinerja.perhitungan.baris import tanggal_tahun_lalu
from kinerja.perhitungan.dasar import Pembulatan, ringkas

d = datetime.date

LINE = MasukanBaris(
    kode="II.1",
    sasaran="Meningkatnya layanan",
    indikator="Perusahaan yang terfasilitasi",
    satuan="Perusahaan",
    target=D(20),
    tahun=2023,
    target_antara=(D(25), D(50), D(75), D(100)),
    realisasi_antara=(D(25), D(50), D(75), D(100)),
    dilaporkan=(None, None, None, D(20)),
    satker="BSPJI Manado",
)


class TestStatus:
    @pytest.mark.parametrize(
        ("nilai", "harapan"),
        [
            ("100.00", Status.TERCAPAI),
            ("99.99", Status.PERLU_PERHATIAN),
            ("87.5", Status.PERLU_PERHATIAN),  # between the thresholds: not reached
            ("75.00", Status.PERLU_PERHATIAN),
            ("74.99", Status.TIDAK_TERCAPAI),
            ("-10", Status.TIDAK_TERCAPAI),
        ],
    )
    def test_both_sides_of_both_default_thresholds(self, nilai, harapan):
        assert status(D(nilai)) == harapan

    @pytest.mark.parametrize(
        ("nilai", "harapan"),
        [
            ("90", Status.TERCAPAI),
            ("89.99", Status.PERLU_PERHATIAN),
            ("60", Status.PERLU_PERHATIAN),
            ("59.99", Status.TIDAK_TERCAPAI),
        ],
    )
    def test_configured_thresholds(self, nilai, harapan):
        assert status(D(nilai), Ambang(tercapai=D(90), perlu_perhatian=D(60))) == harapan

    def test_equal_thresholds_leave_no_band_between(self):
        ambang = Ambang(tercapai=D(100), perlu_perhatian=D(100))
        assert (status(D(100), ambang), status(D("99.99"), ambang)) == (
            Status.TERCAPAI, Status.TIDAK_TERCAPAI,
        )  # fmt: skip

    def test_inverted_thresholds_are_refused_with_the_reason(self):
        with pytest.raises(
            ValueError, match=r"^ambang 'perlu perhatian' tidak boleh di atas ambang 'tercapai'$"
        ):
            Ambang(tercapai=D(75), perlu_perhatian=D("75.01"))

    def test_a_line_is_judged_by_the_configured_thresholds(self):
        # TW II progress 45 / 50 = 90,00%: reached with a 90 threshold, attention by default.
        m = replace(LINE, realisasi_antara=(D(25), D(45), None, None))
        ketat = Konfigurasi(ambang=Ambang(tercapai=D(90), perlu_perhatian=D(60)))
        assert hitung_baris(m, 2).status == Status.PERLU_PERHATIAN
        assert hitung_baris(m, 2, ketat).status == Status.TERCAPAI

    def test_the_year_is_judged_by_capaian_a_quarter_by_its_progress(self):
        # Year: realisasi 15 of 20 = 75,00% (attention) though the progress reached 100%.
        m = replace(LINE, dilaporkan=(None, None, None, D(15)))
        assert hitung_baris(m, None).status == Status.PERLU_PERHATIAN
        assert hitung_baris(m, 4).status == Status.TERCAPAI  # 100 / 100
        # No progress entered: the quarter cannot be judged, whatever the capaian.
        tanpa = replace(m, realisasi_antara=(None, None, None, None))
        assert hitung_baris(tanpa, 4).status == Status.TIDAK_DAPAT_DINILAI


class TestPerluPenjelasan:
    """A line explains itself (kendala, tindak lanjut) when it is behind its target antara, or,
    in the last quarter, short of its yearly target."""

    AMBANG = Ambang()

    def test_behind_the_target_antara_in_any_quarter(self):
        m = replace(LINE, realisasi_antara=(D(25), D(40), None, None))  # 40 / 50 = 80%
        assert perlu_penjelasan(hitung_baris(m, 2), self.AMBANG)

    def test_on_track_in_a_quarter_even_if_the_year_is_far_off(self):
        m = replace(LINE, dilaporkan=(None, D(2), None, None))  # 2 of 20 so far
        assert not perlu_penjelasan(hitung_baris(m, 2), self.AMBANG)

    def test_in_the_last_quarter_short_of_the_target_despite_full_progress(self):
        m = replace(LINE, dilaporkan=(None, None, None, D(18)))  # 18 / 20 = 90%
        h = hitung_baris(m, 4)
        assert h.status == Status.TERCAPAI  # progress 100 / 100
        assert perlu_penjelasan(h, self.AMBANG)

    def test_in_the_last_quarter_on_target(self):
        assert not perlu_penjelasan(hitung_baris(LINE, 4), self.AMBANG)

    def test_in_the_last_quarter_with_no_realisasi_to_judge(self):
        m = replace(LINE, dilaporkan=(None, None, None, None))
        assert not perlu_penjelasan(hitung_baris(m, 4), self.AMBANG)

    def test_by_the_configured_thresholds(self):
        # 18 / 20 = 90%: short of 100 by default, reached with a threshold of 90.
        h = hitung_baris(replace(LINE, dilaporkan=(None, None, None, D(18))), 4)
        assert not perlu_penjelasan(h, Ambang(tercapai=D(90), perlu_perhatian=D(50)))


class TestFlags:
    def test_capaian_exactly_at_the_high_limit_is_not_flagged(self):
        assert flags.capaian_jauh_di_atas(D(150), D(150)) is None
        assert flags.capaian_jauh_di_atas(D("150.01"), D(150)) == (
            "Capaian 150,01% jauh di atas target (di atas 150%): target mungkin kurang menantang."
        )

    def test_the_high_limit_is_a_setting(self):
        # 26 of 20 = 130,00%: above a limit of 120, not above the default 150.
        m = replace(LINE, dilaporkan=(None, None, None, D(26)))
        tinggi = [c for c in hitung_baris(m, None).catatan if "jauh di atas" in c]
        assert tinggi == []
        k = Konfigurasi(batas_capaian_tinggi=D(120))
        assert (
            "Capaian 130,00% jauh di atas target (di atas 120%): target mungkin kurang menantang."
            in hitung_baris(m, None, k).catatan
        )

    def test_target_antara_that_stays_level_or_ends_at_100_is_fine(self):
        assert flags.target_antara_tidak_wajar((D(25), D(50), D(50), D(100))) == []

    def test_target_antara_missing_quarters_are_named_together(self):
        assert flags.target_antara_tidak_wajar((None, D(50), None, D("99.99"))) == [
            "Target antara TW I, TW III belum ditetapkan.",
            "Target antara TW IV 99,99, belum mencapai 100.",
        ]

    def test_cumulative_value_that_stays_level_is_fine(self):
        assert flags.kumulatif_menurun([(1, D(30)), (2, D(30)), (3, None), (4, D(29))], "X") == [
            "X menurun dari TW II (30) ke TW IV (29)."
        ]

    def test_a_reported_value_equal_to_the_computed_one_is_not_flagged(self):
        assert flags.dilaporkan_berbeda(D("26.7"), D("26.70"), 2) is None
        assert flags.dilaporkan_berbeda(D(26), D("26.73"), 2) == (
            "Realisasi yang dilaporkan (26) berbeda dengan hasil hitung dari data dukung "
            "(26,73); yang dipakai hasil hitung."
        )

    def test_a_printed_total_equal_to_its_parts_is_not_flagged(self):
        assert flags.total_tidak_sesuai("nilai SAKIP", D("76.05"), D("76.050")) is None

    def test_capaian_that_cannot_be_computed_is_said_only_when_the_realisasi_exists(self):
        tanpa_target = replace(LINE, target=D(0))
        assert "Capaian tidak dapat dihitung: target nol." in hitung_baris(tanpa_target).catatan
        tanpa_realisasi = replace(LINE, dilaporkan=(None, None, None, None))
        assert not any(c.startswith("Capaian") for c in hitung_baris(tanpa_realisasi).catatan)


class TestHasilBaris:
    def test_the_line_carries_its_identity_and_the_quarter(self):
        h = hitung_baris(LINE, 3)
        assert (h.satker, h.kode, h.sasaran, h.indikator, h.satuan, h.target, h.tahun) == (
            "BSPJI Manado", "II.1", "Meningkatnya layanan", "Perusahaan yang terfasilitasi",
            "Perusahaan", D(20), 2023,
        )  # fmt: skip
        assert (h.triwulan, h.target_antara, h.realisasi_antara) == (3, D(75), D(75))
        assert h.capaian_antara.nilai == D("100.00")

    def test_the_working_of_a_quarter_names_realisasi_capaian_and_progress(self):
        h = hitung_baris(LINE, 4)
        assert h.rumus == (
            "Realisasi: dilaporkan s.d. TW IV = 20,00. Capaian: 20,00 / 20 × 100% = 100,00%. "
            "Capaian antara: 100 / 100 × 100% = 100,00%"
        )
        assert h.realisasi.keterangan == "nilai yang dilaporkan satker"
        assert (h.sumber_realisasi, h.realisasi.desimal) == ("dilaporkan", 2)

    def test_nothing_reported_has_no_source(self):
        h = hitung_baris(replace(LINE, dilaporkan=(None,) * 4), 2)
        assert (h.sumber_realisasi, h.realisasi.nilai) == ("", None)

    def test_a_minimasi_line_uses_its_convention(self):
        # Lower is better, target 20, realisasi 16: LAKIP (2 × 20 − 16) / 20 = 120,00%;
        # ratio 20 / 16 = 125,00%.
        m = replace(LINE, klasifikasi="minimasi", dilaporkan=(None, None, None, D(16)))
        assert hitung_baris(m).capaian.nilai == D("120.00")
        assert hitung_baris(replace(m, rumus_minimasi="rasio")).capaian.nilai == D("125.00")

    def test_a_quarter_out_of_range_is_refused_by_name(self):
        with pytest.raises(ValueError, match=re.escape("triwulan di luar 1..4: 0")):
            hitung_baris(LINE, 0)


class TestCalendar:
    @pytest.mark.parametrize(
        ("tw", "akhir"),
        [(1, d(2023, 3, 31)), (2, d(2023, 6, 30)), (3, d(2023, 9, 30)), (4, d(2023, 12, 31))],
    )
    def test_the_last_day_of_each_quarter(self, tw, akhir):
        assert akhir_triwulan(2023, tw) == akhir

    def test_a_quarter_out_of_range_has_no_last_day(self):
        with pytest.raises(ValueError, match=re.escape("triwulan di luar 1..4: 5")):
            akhir_triwulan(2023, 5)

    def test_the_quarter_of_each_month(self):
        assert [triwulan_bulan(b) for b in range(1, 13)] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]

    @pytest.mark.parametrize(
        ("tanggal", "setahun_lalu"),
        [
            (d(2024, 2, 29), d(2023, 2, 28)),  # a leap day has no date a year before
            (d(2024, 2, 28), d(2023, 2, 28)),
            (d(2024, 3, 29), d(2023, 3, 29)),
            (d(2023, 6, 30), d(2022, 6, 30)),
        ],
    )
    def test_the_same_position_a_year_earlier(self, tanggal, setahun_lalu):
        assert tanggal_tahun_lalu(tanggal) == setahun_lalu


class TestSettings:
    @pytest.mark.parametrize("desimal", [0, 6])
    def test_precision_from_0_to_6(self, desimal):
        assert Pembulatan(desimal=desimal).bulatkan(D("1.23456789")) == D("1.23456789").quantize(
            D(1).scaleb(-desimal)
        )

    @pytest.mark.parametrize("desimal", [-1, 7])
    def test_precision_outside_0_to_6_is_refused(self, desimal):
        with pytest.raises(ValueError, match=re.escape(f"jumlah desimal di luar 0..6: {desimal}")):
            Pembulatan(desimal=desimal)

    def test_an_unknown_mode_is_refused_by_name(self):
        with pytest.raises(ValueError, match="mode pembulatan tidak dikenal: ROUND_UP"):
            Pembulatan.dari_nama("ROUND_UP", 2)
        with pytest.raises(ValueError, match="mode pembulatan tidak dikenal: ROUND_CEILING"):
            Pembulatan(mode="ROUND_CEILING")

    def test_an_unknown_classification_or_convention_is_refused_by_name(self):
        with pytest.raises(ValueError, match="klasifikasi tidak dikenal: netral"):
            capaian(D(1), D(1), klasifikasi="netral")
        with pytest.raises(ValueError, match="rumus minimasi tidak dikenal: kuadrat"):
            capaian(D(1), D(1), klasifikasi="minimasi", rumus_minimasi="kuadrat")

    def test_a_target_is_written_without_the_trailing_zeros_of_its_column(self):
        assert str(ringkas(D("92.5000"))) == "92.5"
        assert str(ringkas(D("750.0000"))) == "750"
        assert str(ringkas(D("3.50"))) == "3.5"
