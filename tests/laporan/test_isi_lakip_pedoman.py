"""The LAKIP's last annex, "Pedoman Kinerja pada BBSPJI dan BSPJI": the BSKJI manual entry of
every indicator of the satker's PK of the year, as BSPJI Pekanbaru's LAKIP 2023 ends. Expected
values are the manual's as printed at the end of the source (quoted)."""

from __future__ import annotations

import pytest

from laporan import dokumen as d
from tests.laporan.conftest import judul_kolom, lembar, tabel, teks_baris

pytestmark = pytest.mark.django_db

# The PK 2023 of BSPJI Pekanbaru (fixtures/pekanbaru/pk_2023.yaml): line → manual code.
PK_PEKANBARU = [
    ("I.1", "T3/SP1/c"),
    ("II.1", "T1/SP2/d"),
    ("III.1", "T1/SP3/c"),
    ("III.2", "T1/SP3/e"),
    ("III.3", "T1/SP3/f"),
    ("III.4", "T1/SP3/d"),
    ("IV.1", "T4/SP6/b"),
    ("V.1", "T2/SP5/b"),
    ("VI.1", "T4/SP7/a"),
    ("VII.1", "T4/SP8/c"),
    ("VIII.1", "T4/SP9/a"),
    ("VIII.2", "T4/SP9/b"),
]


def test_the_manual_is_the_last_annex_one_block_per_indicator(lakip):
    b = lakip.lampiran[-1]
    assert b.judul == "Pedoman Kinerja pada BBSPJI dan BSPJI"
    assert [a.judul.split(" ")[0] for a in b.anak] == [kode for _, kode in PK_PEKANBARU]
    t = tabel(lakip, "Pedoman Kinerja")
    assert judul_kolom(t) == [
        ["No", "Kode", "Nama indikator kinerja", "Indikator PK", "Satuan", "Klasifikasi",
         "Penanggung jawab"]
    ]  # fmt: skip
    assert [(r[3].nilai, r[1].nilai) for r in t.baris] == PK_PEKANBARU


def test_an_indicators_entry_as_the_manual_prints_it(lakip):
    # "T1/SP3/e | Meningkatnya PNBP layanan jasa industri ... Sumber Data: Data realisasi PNBP
    # (dalam Rupiah) layanan jasa industri pada tahun berjalan berdasarkan OM SPAN ... Cara
    # Menghitung: Menghitung peningkatan realisasi PNBP layanan jasa industri pada tahun
    # berjalan dalam bentuk Rupiah (B) ... Nilai Indikator = (B - A)/A x 100% | Satuan: Persen |
    # Klasifikasi: Maksimasi | Penanggung Jawab: Seluruh Balai".
    [blok] = [a for a in lakip.lampiran[-1].anak if a.judul.startswith("T1/SP3/e ")]
    assert blok.judul == "T1/SP3/e Meningkatnya PNBP layanan jasa industri"
    rincian = dict(blok.isi[0].pasangan)
    assert rincian == {
        "Kode": "T1/SP3/e",
        "Nama indikator": "Meningkatnya PNBP layanan jasa industri",
        "Indikator PK": "III.2 Meningkatnya PNBP layanan jasa industri",
        "Satuan": "Persen",
        "Klasifikasi": "Maksimasi",
        "Penanggung jawab": "Seluruh Balai",
        # The manual's version the report year used (the demo's first version, from 2020).
        "Versi pedoman": "berlaku mulai 2020",
    }
    judul = [x.teks for x in blok.isi if isinstance(x, d.Paragraf) and x.gaya == "subjudul"]
    assert judul == ["Definisi", "Sumber data", "Cara menghitung"]
    teks = [x.teks for x in blok.isi if isinstance(x, d.Paragraf) and not x.gaya]
    assert (
        "Data realisasi PNBP (dalam Rupiah) layanan jasa industri pada tahun berjalan "
        "berdasarkan OM SPAN"
    ) in teks
    assert any(t.startswith("Menghitung peningkatan realisasi PNBP layanan jasa") for t in teks)


def test_a_manuals_list_stays_a_list(lakip):
    # T3/SP1/c, Sumber Data: "1. Bukti kolaborasi dalam bentuk Surat Perjanjian Kerja Sama
    # (SPKS)/MoU/... 2. Laporan hasil pelaksanaan kegiatan kolaborasi oleh Balai ...".
    [blok] = [a for a in lakip.lampiran[-1].anak if a.judul.startswith("T3/SP1/c ")]
    daftar = [x for x in blok.isi if isinstance(x, d.Daftar)]
    sumber = next(x for x in daftar if x.butir[0].startswith("Bukti kolaborasi"))
    assert sumber.penanda == ["1.", "2."]
    assert sumber.butir[1].startswith("Laporan hasil pelaksanaan kegiatan kolaborasi oleh Balai")


def test_manado_lists_its_local_indicators_too(susunan):
    t = tabel(susunan("lakip-manado"), "Pedoman Kinerja")
    kode = [r[1].nilai for r in t.baris]
    assert len(kode) == 13  # 13 indicators in 8 sasaran (PP-39 Tabel 1)
    assert any(k.startswith("LOKAL/") for k in kode)


def test_the_manual_in_the_workbook(lakip, workbook):
    ws = lembar(workbook("lakip-pekanbaru"), tabel(lakip, "Pedoman Kinerja"))
    assert [ws.cell(row=r, column=2).value for r in range(6, 18)] == [
        kode for _, kode in PK_PEKANBARU
    ]
    assert teks_baris(tabel(lakip, "Pedoman Kinerja"), "4")[1:] == [
        "T1/SP3/e",
        "Meningkatnya PNBP layanan jasa industri",
        "III.2",
        "Persen",
        "Maksimasi",
        "Seluruh Balai",
    ]
