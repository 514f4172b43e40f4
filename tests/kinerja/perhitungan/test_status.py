"""A line's status: the quarter's progress (realisasi antara against the quarter's target
antara) and the year's capaian (realisasi against the yearly target) are two statuses. The
capaian status is never "Tercapai" while the realisasi is missing ("–"); the progress status
judges the progress alone, as the PP-39 does."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from kinerja.perhitungan import DataDukung, MasukanBaris, Status, hitung_baris
from kinerja.perhitungan import baris as pb
from kinerja.perhitungan.serial import baris_dari_dict, baris_ke_dict

# A count entered directly: 8 companies in the year; a quarter II plan of 50 %.
LINE = MasukanBaris(
    kode="II.1",
    sasaran="Meningkatnya penerapan industri 4.0",
    indikator="Jumlah perusahaan yang difasilitasi",
    satuan="Perusahaan",
    target=D(8),
    tahun=2023,
    target_antara=(D(25), D(50), D(75), D(100)),
)


def test_without_a_realisasi_only_the_progress_can_be_reached():
    m = replace(LINE, realisasi_antara=(D(25), D(50), None, None))
    h = hitung_baris(m, 2)
    assert h.realisasi.tampil == "–"
    assert h.capaian_antara.nilai == D("100.00")  # 50 of 50: on plan
    assert h.status_progres == Status.TERCAPAI
    assert h.status_capaian == Status.TIDAK_DAPAT_DINILAI


def test_supporting_data_missing_at_the_quarter_leave_the_capaian_unjudged():
    # PNBP computed from receipts: none recorded by 30 June, no value reported.
    m = replace(
        LINE,
        target=D(4),
        data_dukung=pb.PNBP_LAYANAN,
        realisasi_antara=(D(25), D(50), None, None),
        data=DataDukung(),
    )
    h = hitung_baris(m, 2)
    assert h.realisasi.nilai is None
    assert h.status_capaian == Status.TIDAK_DAPAT_DINILAI
    assert h.status_progres == Status.TERCAPAI


def test_progress_behind_plan_says_so():
    # 30 of 50: 60 % of the plan.
    m = replace(LINE, realisasi_antara=(D(25), D(30), None, None))
    h = hitung_baris(m, 2)
    assert h.status_progres == Status.TIDAK_TERCAPAI
    assert h.status == Status.TIDAK_TERCAPAI


def test_quarter_progress_and_year_capaian_are_judged_apart():
    # Quarter II: 50 of 50 on plan; 3 companies of 8 so far: capaian 37,50 % of the year.
    m = replace(
        LINE, realisasi_antara=(D(25), D(50), None, None), dilaporkan=(None, D(3), None, None)
    )
    h = hitung_baris(m, 2)
    assert h.capaian.nilai == D("37.50")
    assert h.status_progres == Status.TERCAPAI
    assert h.status_capaian == Status.TIDAK_TERCAPAI
    assert h.status == Status.TERCAPAI  # the quarter's line is judged by its progress


def test_year_has_no_progress_status_and_is_judged_by_capaian():
    m = replace(LINE, dilaporkan=(D(2), D(3), D(5), D(7)), agregasi_triwulan="terakhir")
    h = hitung_baris(m, None)
    assert h.capaian.nilai == D("87.50")  # 7 / 8
    assert h.status_progres is None
    assert h.status_capaian == Status.PERLU_PERHATIAN
    assert h.status == Status.PERLU_PERHATIAN


def test_both_statuses_survive_storage():
    m = replace(
        LINE, realisasi_antara=(D(25), D(50), None, None), dilaporkan=(None, D(3), None, None)
    )
    h = hitung_baris(m, 2)
    kembali = baris_dari_dict(baris_ke_dict(h))
    assert (kembali.status_progres, kembali.status_capaian) == (
        Status.TERCAPAI,
        Status.TIDAK_TERCAPAI,
    )
