"""The supporting data loaded against the documents: totals are recomputed from the rows
and compared with the totals the documents print (which confirm the rows chosen where two
tables disagree)."""

from __future__ import annotations

import datetime

import pytest
from django.db.models import Sum

from kinerja.models import (
    BelanjaPdn,
    HasilLayanan,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PenerimaanPnbp,
    RekomendasiAudit,
    UnsurSurvei,
)
from tests.conftest import PEKANBARU

pytestmark = pytest.mark.django_db


def pnbp(tahun: int, layanan_saja: bool) -> int:
    rows = PenerimaanPnbp.objects.filter(
        satker__kode=PEKANBARU, tanggal_posisi=datetime.date(tahun, 12, 31)
    )
    return sum(r.jumlah for r in rows if r.layanan or not layanan_saja)


@pytest.mark.parametrize(
    ("tahun", "layanan", "total"),
    [
        # LAKIP Pekanbaru Tabel 15 (service receipts) and Tabel 34 (all receipts).
        (2020, 14_686_331, 14_686_331),
        (2021, 107_270_000, 107_270_000),
        (2022, 120_047_000, 141_027_300),
        # Konsultansi 228.000.000 (not Tabel 14's 288.000.000) and equipment sale 49.255.000
        # (not the text's 49.225.000): the printed totals confirm both.
        (2023, 556_782_250, 616_640_854),
    ],
)
def test_pekanbaru_pnbp_rows_sum_to_the_printed_totals(demo, tahun, layanan, total):
    assert pnbp(tahun, layanan_saja=True) == layanan
    assert pnbp(tahun, layanan_saja=False) == total


def test_pekanbaru_service_results_2022(demo):
    total = HasilLayanan.objects.filter(
        satker__kode=PEKANBARU, tanggal_posisi=datetime.date(2022, 12, 31)
    ).aggregate(n=Sum("jumlah"))["n"]
    assert total == 165  # Tabel 17


def test_pekanbaru_pdn_sums_of_tabel_18_and_19(demo):
    # 2022 (Tabel 19, thousands): the rows' PDN sum is 1.905.118; the printed total 1.892.191
    # (and its 76,87%) is a slip. 2023 (Tabel 18): the rows match the printed totals.
    for tahun, pagu, pdn in (
        (2022, 2_461_579_000, 1_905_118_000),
        (2023, 2_534_721_000, 2_076_232_600),
    ):
        rows = BelanjaPdn.objects.filter(
            satker__kode=PEKANBARU, tanggal_posisi=datetime.date(tahun, 12, 31)
        ).aggregate(pagu=Sum("pagu"), pdn=Sum("realisasi_pdn"))
        assert (rows["pagu"], rows["pdn"]) == (pagu, pdn)


def test_pekanbaru_people_and_survey(demo):
    people = NilaiProfesionalitas.objects.filter(satker__kode=PEKANBARU)
    assert people.count() == 16
    assert all(p.pegawai.startswith("Pegawai ") for p in people)  # pseudonymised
    assert UnsurSurvei.objects.filter(survei__satker__kode=PEKANBARU).count() == 9
    assert RekomendasiAudit.objects.filter(satker__kode=PEKANBARU, status="selesai").count() == 9


def test_external_scores_of_the_roster(demo):
    assert NilaiSakip.objects.filter(tahun=2023).count() == 24  # Tabel 27: every BSKJI unit
    # Tabel 28 lists 16 BSKJI units; Pekanbaru's score comes from its own text.
    assert NilaiLaporanKeuangan.objects.filter(tahun=2023).count() == 17
