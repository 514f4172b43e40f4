"""The demo data reproduce, by computation from the raw figures, the realisasi of every
indicator of BSPJI Pekanbaru 2023 and of BSPJI Manado quarter II where the documents give
the raw figures.

Every expected value below is derived from the raw figures and the indicator's definition,
by hand, in the comment beside it. Where the document prints something else, the comment says
which printed figure is a slip."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.models import IndikatorPerjanjian
from kinerja.perhitungan import Status
from kinerja.selectors import hitung_capaian
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db


def hasil(kode_satker: str, triwulan: int | None):
    lines = (
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker__kode=kode_satker, sasaran__perjanjian__tahun=2023
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .order_by("sasaran__nomor", "nomor")
    )
    return {h.kode: h for h in hitung_capaian(lines, triwulan)}


# (realisasi, capaian) of BSPJI Pekanbaru for 2023, from the raw figures of the LAKIP.
PEKANBARU_2023 = {
    # IKM Mustang 400 → 500 kg/bulan: (500 − 400) / 400 = 25,00%; 25 / 10 = 250,00%.
    "I.1": ("25.00", "250.00"),
    # One company facilitated (CV Wawa Group): 1; 1 / 1 = 100,00%.
    "II.1": ("1", "100.00"),
    # IKM ROQI 100 → 160 kg/bulan: 60,00%; 60 / 12 = 500,00%.
    # Slip: the LAKIP prints capaian 400%, computed as (60 − 12) / 12.
    "III.1": ("60.00", "500.00"),
    # Service PNBP 2023 (38.400.000 + 199.172.250 + 10.560.000 + 228.000.000 + 78.550.000
    # + 2.100.000 = 556.782.250) against 2022 (9.000.000 + 109.563.000 + 484.000 + 1.000.000
    # = 120.047.000): 436.735.250 / 120.047.000 = 363,80%; 363,80 / 5 = 7.276,00%.
    # Slips: realisasi printed 363 (truncated), capaian 7.260% (from the truncated value).
    "III.2": ("363.80", "7276.00"),
    # Results issued 2023: 15 + 211 + 14 + 9 + 6 = 255; 2022: 6 + 155 + 2 + 2 = 165;
    # (255 − 165) / 165 = 54,545...% → 54,55%; 54,55 / 5 = 1.091,00%.
    # Slips: Tabel 17 prints the 2023 total as 249, the text computes (249 − 165) / 165 and
    # prints 50% and a capaian of 1000%.
    "III.3": ("54.55", "1091.00"),
    # P3DN accounts 2023: (2.076.232.600 + 60.907.400) / 2.534.721.000 = 84,314...% → 84,31;
    # 84,31 / 45 = 187,355...% → 187,36%. (Tabel 1 prints the capaian as 187%.)
    "III.4": ("84.31", "187.36"),
    # 9 of 9 recommendations followed up: 100,00%; 100 / 92,5 = 108,108...% → 108,11%.
    # Slip: Tabel 1 prints capaian 100%.
    "IV.1": ("100.00", "108.11"),
    # Mean of the nine element means (3,86 + 3,81 + 3,69 + 3,73 + 3,81 + 3,87 + 3,91 + 3,81
    # + 3,85) / 9 = 34,34 / 9 = 3,8155... → 3,82; 3,82 / 3,5 = 109,142...% → 109,14%.
    # Slip: the LAKIP prints 3,81 (and capaian 108%).
    "V.1": ("3.82", "109.14"),
    # Per-employee totals sum to 1402 over 16 employees: 87,625 → 87,63 (half-up);
    # 87,63 / 73 = 120,041...% → 120,04%.
    "VI.1": ("87.63", "120.04"),
    # 4,66 × 24% + 4,80 × 25% + 4,33 × 18% + 3,75 × 11% + 4,75 × 10% + 2,00 × 12%
    # = 1,1184 + 1,2 + 0,7794 + 0,4125 + 0,475 + 0,24 = 4,2253 → 4,23; 4,23 / 3,53 = 119,83%.
    "VII.1": ("4.23", "119.83"),
    # SAKIP 23,10 + 22,50 + 11,55 + 18,00 = 75,15; 75,15 / 75 = 100,20%. (Tabel 1: 100%.)
    "VIII.1": ("75.15", "100.20"),
    # Financial-report score 90,75 (text VIII.2); 90,75 / 90 = 100,833...% → 100,83%.
    "VIII.2": ("90.75", "100.83"),
}


@pytest.mark.parametrize(("kode", "expected"), PEKANBARU_2023.items())
def test_pekanbaru_2023_from_raw_figures(demo, kode, expected):
    h = hasil(PEKANBARU, None)[kode]
    assert h.sumber_realisasi == "data_dukung"
    assert (h.realisasi.nilai, h.capaian.nilai) == (D(expected[0]), D(expected[1]))


def test_pekanbaru_covers_every_line(demo):
    assert set(hasil(PEKANBARU, None)) == set(PEKANBARU_2023)


def test_pekanbaru_slips_are_pointed_out(demo):
    lines = hasil(PEKANBARU, None)
    assert (
        "Realisasi yang dilaporkan (363) berbeda dengan hasil hitung dari data dukung (363,80); "
        "yang dipakai hasil hitung." in lines["III.2"].catatan
    )
    assert any("(3,81)" in c and "(3,82)" in c for c in lines["V.1"].catatan)
    # The PK target 90 differs from the Renstra's 92 for 2023 (Tabel 4).
    assert (
        "Target PK (90) berbeda dengan target Renstra tahun 2023 (92)." in lines["VIII.2"].catatan
    )


def test_pekanbaru_working_is_printed_the_indonesian_way(demo):
    assert hasil(PEKANBARU, None)["III.2"].realisasi.rumus == (
        "(556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%"
    )


# BSPJI Manado, quarter II (position 30 June 2023), where the PP-39 report gives raw figures.
MANADO_TW2 = {
    # PNBP to 30 June 2023 518.891.250 against 409.440.882 to 30 June 2022:
    # 109.450.368 / 409.440.882 = 26,731...% → 26,73 (the text prints 26,73%);
    # 26,73 / 4 = 668,25%.
    "III.2": ("26.73", "668.25"),
    # 426 test requests/orders to June; 426 / 750 = 56,80%.
    "III.3": ("426", "56.80"),
    # SAKIP (evaluated April 2023) 23,70 + 23,10 + 12,00 + 18,00 = 76,80; 76,80 / 80,4 =
    # 95,522...% → 95,52%.
    "VIII.1": ("76.80", "95.52"),
}


@pytest.mark.parametrize(("kode", "expected"), MANADO_TW2.items())
def test_manado_quarter_two_from_raw_figures(demo, kode, expected):
    h = hasil(MANADO, 2)[kode]
    assert h.sumber_realisasi == "data_dukung"
    assert (h.realisasi.nilai, h.capaian.nilai) == (D(expected[0]), D(expected[1]))


def test_manado_quarter_two_without_raw_figures(demo):
    lines = hasil(MANADO, 2)
    # Reported without supporting data: used, and flagged.
    for kode, reported in (
        ("III.5", "95.62"),
        ("IV.1", "100.00"),
        ("V.1", "3.61"),
        ("VI.1", "79.71"),
    ):
        assert lines[kode].sumber_realisasi == "dilaporkan"
        assert lines[kode].realisasi.nilai == D(reported)
        assert any("tanpa data dukung" in c for c in lines[kode].catatan)
    # The financial-report score came in August: none by 30 June, as the report's kendala says.
    assert lines["VIII.2"].realisasi.alasan == (
        "tidak dapat dihitung: belum ada nilai laporan keuangan s.d. 30 Juni 2023"
    )
    # Progress of VIII.2: 30 / 60 = 50,00% → not reached.
    assert lines["VIII.2"].capaian_antara.nilai == D("50.00")
    assert lines["VIII.2"].status == Status.TIDAK_TERCAPAI
    # III.3 progress 56,8 / 50 = 113,60%.
    assert lines["III.3"].capaian_antara.nilai == D("113.60")
    # V.1's Rencana Aksi has no target antara for quarters I and III.
    assert "Target antara TW I, TW III belum ditetapkan." in lines["V.1"].catatan


def test_sakip_slip_of_bspji_padang_is_flagged(demo):
    """Tabel 27 prints 74,80 for BSPJI Padang; its components sum to 76,05."""
    from kinerja.models import NilaiSakip
    from kinerja.perhitungan import baris as pb

    padang = NilaiSakip.objects.get(satker__singkatan="BSPJI Padang", tahun=2023)
    skor = pb.Skor(
        tanggal=padang.tanggal,
        komponen=tuple(
            (n, getattr(padang, n))
            for n in ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal")
        ),
        total_tercetak=padang.total_dilaporkan,
    )
    m = pb.MasukanBaris(
        kode="VIII.1", sasaran="", indikator="", satuan="Nilai", target=D(75), tahun=2023,
        data_dukung=pb.NILAI_SAKIP, data=pb.DataDukung(sakip=(skor,)),
    )  # fmt: skip
    h = pb.hitung_baris(m)
    assert h.realisasi.nilai == D("76.05")  # 23,70 + 23,10 + 11,25 + 18,00
    assert any("total tercetak 74,80" in c for c in h.catatan)
