"""Capaian (both polarities, both minimasi conventions), progress, status thresholds, and
that capaian uses the reported realisasi."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.perhitungan import Ambang, Status, capaian, capaian_antara, status
from kinerja.perhitungan.dasar import Pembulatan
from kinerja.perhitungan.metode import pertumbuhan


class TestMaksimasi:
    def test_realisasi_over_target(self):
        h = capaian(D("84.31"), D(45))
        assert h.nilai == D("187.36")
        assert h.rumus == "84,31 / 45 × 100% = 187,36%"

    def test_uses_the_reported_realisasi_not_hidden_digits(self):
        # Growth (556.782.250 − 120.047.000) / 120.047.000 = 363,803...% is reported as
        # 363,80 (half-up) or 363,8 (1 decimal); capaian is computed from what is printed.
        for desimal, expected in ((2, D("7276.00")), (1, D("7276.0"))):
            p = Pembulatan.dari_nama("ROUND_HALF_UP", desimal)
            realisasi = pertumbuhan(556_782_250, 120_047_000, nama="x", pembulatan=p)
            assert capaian(realisasi.nilai, D(5), pembulatan=p).nilai == expected

    def test_truncation_changes_the_reported_capaian(self):
        # 87,625 reported: half-up 87,63 → 120,04%; truncated 87,62 → 120,02%
        up = Pembulatan.dari_nama("ROUND_HALF_UP", 2)
        down = Pembulatan.dari_nama("ROUND_DOWN", 2)
        assert capaian(up.bulatkan(D("87.625")), D(73), pembulatan=up).nilai == D("120.04")
        assert capaian(down.bulatkan(D("87.625")), D(73), pembulatan=down).nilai == D("120.02")


class TestMinimasi:
    def test_lakip_convention_two_targets_minus_realisasi(self):
        h = capaian(D(4), D(5), klasifikasi="minimasi")
        assert h.nilai == D("120.00")
        assert h.rumus == "(2 × 5 − 4) / 5 × 100% = 120,00%"

    def test_ratio_convention(self):
        h = capaian(D(4), D(5), klasifikasi="minimasi", rumus_minimasi="rasio")
        assert h.nilai == D("125.00")
        assert h.rumus == "5 / 4 × 100% = 125,00%"

    def test_ratio_with_zero_realisasi_cannot_be_computed(self):
        h = capaian(D(0), D(5), klasifikasi="minimasi", rumus_minimasi="rasio")
        assert h.alasan == (
            "tidak dapat dihitung: realisasi nol pada indikator minimasi (target / realisasi)"
        )


class TestCannotBeComputed:
    def test_missing_target(self):
        assert capaian(D(1), None).alasan == "tidak dapat dihitung: target belum ditetapkan"

    def test_zero_target(self):
        assert capaian(D(1), D(0)).alasan == "tidak dapat dihitung: target nol"
        assert capaian(D(1), D(0), klasifikasi="minimasi").alasan == (
            "tidak dapat dihitung: target nol"
        )

    def test_missing_realisasi(self):
        assert capaian(None, D(5)).alasan == "tidak dapat dihitung: realisasi belum ada"

    def test_progress_without_target_antara(self):
        assert capaian_antara(D(50), None).alasan == (
            "tidak dapat dihitung: target antara triwulan ini belum ditetapkan"
        )
        assert capaian_antara(D(50), D(0)).alasan == "tidak dapat dihitung: target antara nol"
        assert capaian_antara(None, D(50)).alasan == (
            "tidak dapat dihitung: realisasi antara belum diisi"
        )


def test_progress_capaian():
    h = capaian_antara(D("56.8"), D(50))
    assert (h.nilai, h.rumus) == (D("113.60"), "56,8 / 50 × 100% = 113,60%")


class TestStatus:
    @pytest.mark.parametrize(
        ("nilai", "expected"),
        [
            ("100", Status.TERCAPAI),
            ("250", Status.TERCAPAI),
            ("99.99", Status.PERLU_PERHATIAN),
            ("75", Status.PERLU_PERHATIAN),
            ("74.99", Status.TIDAK_TERCAPAI),
            ("0", Status.TIDAK_TERCAPAI),
        ],
    )
    def test_default_thresholds(self, nilai, expected):
        assert status(D(nilai)) == expected

    def test_thresholds_are_configurable(self):
        ketat = Ambang(tercapai=D(100), perlu_perhatian=D(90))
        assert status(D(85), ketat) == Status.TIDAK_TERCAPAI
        assert status(D(85)) == Status.PERLU_PERHATIAN

    def test_no_capaian_cannot_be_judged(self):
        assert status(None) == Status.TIDAK_DAPAT_DINILAI

    def test_inverted_thresholds_are_refused(self):
        with pytest.raises(ValueError):
            Ambang(tercapai=D(75), perlu_perhatian=D(100))


def test_a_computed_capaian_has_no_reason_and_no_description():
    h = capaian(D(3), D(4))
    assert (h.nilai, h.alasan, h.keterangan, h.desimal) == (D("75.00"), None, "", 2)
