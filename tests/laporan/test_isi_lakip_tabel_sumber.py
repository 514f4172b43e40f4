"""The tables the LAKIP 2023 of BSPJI Pekanbaru tabulates besides its indicators' figures,
printed from data (fixtures/pekanbaru/tabel_sumber_2023.yaml): the review-team decree before
the cover, laid out as a decree on pages without the running header; the laboratories' scopes
(source Tabel 2, 3), promotion (Tabel 12), staff trainings (Tabel 24), the budget 2019-2023
(Tabel 34), customers (Tabel 37) and volumes (Tabel 38) per year. Numbered, in the list of
tables in the source's order, one sheet each in the workbook.

Table numbers of the source are those of its DAFTAR TABEL (its body numbers them one lower
from Tabel 30 on). Expected values are read from the source by hand, row by row, or worked out
from its raw figures where it prints a slip (the fixture names each)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from laporan import dokumen as d
from tests.laporan.conftest import (
    RUPIAH,
    baris,
    baris_lembar,
    format_dan_nilai,
    kepala,
    lembar,
    nilai_baris,
    normal,
    tabel,
    teks_baris,
)

pytestmark = pytest.mark.django_db

# The new tables by sheet name, in the order the source prints them.
URUTAN = [
    "Tim Reviu",  # the decree's annex (unnumbered in the source, before its Tabel 1)
    "Target dan Capaian",  # Tabel 1, already printed before
    "Lingkup Pengujian",  # Tabel 2
    "Lingkup Kalibrasi",  # Tabel 3
    "Promosi dan Pemasaran",  # Tabel 12
    "Pelatihan Pegawai",  # Tabel 24
    "Perkembangan Anggaran",  # Tabel 34
    "Jumlah Pelanggan",  # Tabel 37
    "Volume Layanan",  # Tabel 38
]


def test_each_table_is_numbered_in_the_source_order_and_listed(lakip):
    nomor = {t.nama_lembar: t.nomor for t in lakip.tabel() if t.nama_lembar in URUTAN}
    assert sorted(nomor, key=nomor.get) == URUTAN
    # The decree's team table comes first; the others keep their place among the rest.
    assert nomor["Tim Reviu"] == 1
    assert [t.nomor for t in lakip.tabel()] == list(range(1, len(lakip.tabel()) + 1))


def test_no_transcribed_list_or_placeholder_is_left_in_the_report(lakip):
    teks = " ".join(
        " ".join(b.butir) if isinstance(b, d.Daftar) else getattr(b, "teks", "")
        for b in lakip.blok_semua()
    )
    assert "[[tabel:" not in teks
    assert "No: 1; Komoditi" not in teks and "Jenis JPT:" not in teks
    assert "belum diisi" not in teks  # every placed table has its data


# --- the decree, before the cover -------------------------------------------------------


def test_the_decree_is_laid_out_as_a_decree_before_the_cover(lakip):
    keputusan, lampiran = lakip.sebelum_sampul
    assert [b.tanpa_kepala for b in (keputusan, lampiran)] == [True, True]
    assert not keputusan.di_daftar_isi and keputusan not in lakip.depan
    judul = [b.teks for b in keputusan.isi if isinstance(b, d.Paragraf)]
    # The decree's head as printed: KEPUTUSAN / KEPALA ... / NOMOR 48 TAHUN 2023 / TENTANG ...
    assert keputusan.judul == "KEPUTUSAN"
    assert judul == [
        "KEPALA BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PEKANBARU",
        "NOMOR 48 TAHUN 2023",
        "TENTANG",
        "TIM REVIU LAPORAN AKUNTABILITAS KINERJA TAHUN ANGGARAN 2023",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "KEPALA BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PEKANBARU,",
        "MEMUTUSKAN:",
    ]
    menimbang, mengingat = [b for b in keputusan.isi if isinstance(b, d.Daftar)]
    # Two considerations lettered a.-b., thirteen legal bases numbered 1.-13.
    assert (menimbang.label, menimbang.penanda) == ("Menimbang", ["a.", "b."])
    assert menimbang.butir[1].startswith("Bahwa untuk itu perlu dikeluarkan Keputusan")
    assert mengingat.label == "Mengingat"
    assert mengingat.penanda == [f"{i}." for i in range(1, 14)]
    # Item 3 is whole again (the conversion split it at "Tahun 2006 / - Nomor 25").
    assert mengingat.butir[2].endswith("Tahun 2006 Nomor 25, Tambahan Lembaran Negara Republik "
                                       "Indonesia Nomor 4614);")  # fmt: skip
    [diktum] = [b for b in keputusan.isi if isinstance(b, d.Rincian)]
    label = [x for x, _ in diktum.pasangan]
    assert label == ["Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM"]
    assert diktum.pasangan[0][1] == (
        "KEPUTUSAN KEPALA BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PEKANBARU TENTANG "
        "TIM REVIU LAPORAN AKUNTABILITAS KINERJA TAHUN ANGGARAN 2023."
    )
    # KELIMA (printed without its colon) gets its label like the others.
    assert diktum.pasangan[5][1].startswith("Keputusan ini diberikan kepada yang bersangkutan")
    [ttd] = [b for b in keputusan.isi if isinstance(b, d.TandaTangan)]
    assert ttd.tempat_tanggal == "Ditetapkan di Pekanbaru\npada tanggal 1 Desember 2023"
    assert [(p.jabatan, p.nama) for p in ttd.penandatangan] == [
        ("KEPALA BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PEKANBARU", "DINDIN SYAFRUDDIN")
    ]
    assert lampiran.judul == (
        "LAMPIRAN KEPUTUSAN KEPALA BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PEKANBARU"
    )
    assert lampiran.isi[0].pasangan == [
        ("Nomor", "48 TAHUN 2023"),
        ("Tanggal", "1 DESEMBER 2023"),
        ("Tentang", "TIM REVIU LAPORAN AKUNTABILITAS KINERJA TAHUN ANGGARAN 2023"),
    ]


def test_the_team_is_the_annex_table_with_its_columns_numbered(lakip):
    t = tabel(lakip, "Tim Reviu")
    assert (
        t.judul == "Susunan Keanggotaan Tim Reviu Laporan Akuntabilitas Kinerja Tahun Anggaran 2023"
    )
    # The decree's KEDUA refers to columns 2, 3 and 4: the header numbers them.
    assert kepala(t) == [
        [("No", 1, 1), ("Nama", 1, 1), ("Jabatan", 1, 1), ("Uraian Tugas", 1, 1)],
        [("1", 1, 1), ("2", 1, 1), ("3", 1, 1), ("4", 1, 1)],
    ]
    # Lampiran 1, rows 1-3 and 9 as printed.
    assert teks_baris(t, "2.") == [
        "2.",
        "Robby Kumar",
        "Ketua",
        "Mengkoordinir penyelenggaraan SAKIP dan pelaksanaan reviu Laporan Akuntabilitas Kinerja",
    ]
    assert teks_baris(t, "9.") == ["9.", "Wiko Putrawan", "Anggota"]
    # Rows 4-9 share the duty of row 4, one merged cell as in the PDF of the decree.
    empat = baris(t, "4.")
    assert (empat[3].rowspan, empat[3].teks()[:45]) == (
        6,
        "Membantu Ketua dan Sekretaris dalam penyeleng",
    )
    assert len(t.baris) == 9


# --- Bab I: the laboratories' scopes (Tabel 2, 3) ------------------------------------------


def test_the_scope_tables_stand_where_the_text_introduces_them(lakip):
    bab_i = next(b for b in lakip.bab if b.nomor == "BAB I")
    peran = next(b for b in bab_i.anak if b.nomor == "1.2.")
    # Each sentence names the table right after it ({tabel:lingkup_pengujian}): its number is
    # the report's, not the source's ("Tabel 3" for what the report numbers Tabel 4).
    i = next(n for n, b in enumerate(peran.isi) if isinstance(b, d.Tabel))
    assert peran.isi[i - 1].teks == (
        "Adapun ruang lingkup di Laboratorium Pengujian dapat dilihat pada "
        f"{peran.isi[i].label} berikut ini."
    )
    assert peran.isi[i].nama_lembar == "Lingkup Pengujian"
    assert peran.isi[i + 1].teks.startswith("Komoditi yang sudah terakreditasi oleh KAN")
    j = next(n for n, b in enumerate(peran.isi) if n > i and isinstance(b, d.Tabel))
    assert peran.isi[j - 1].teks.endswith(f"dapat dilihat pada {peran.isi[j].label} berikut.")
    assert (peran.isi[i].label, peran.isi[j].label) == ("Tabel 3", "Tabel 4")
    assert peran.isi[j].nama_lembar == "Lingkup Kalibrasi"


def test_testing_scope_lists_48_commodities_four_accredited(lakip):
    t = tabel(lakip, "Lingkup Pengujian")
    assert [s.teks() for s in t.kepala[0]] == [
        "No",
        "Komoditi",
        "Standar Acuan",
        "Terakreditasi KAN",
    ]
    assert len(t.baris) == 48
    # Tabel 2 row 1 and the text below it (accredited: MGS, CPO, madu, garam).
    assert teks_baris(t, "1") == ["1", "Minyak goreng sawit", "SNI 7709:2019", "Ya"]
    # Row 9, "Nagetikan" in the conversion.
    assert teks_baris(t, "9") == ["9", "Naget ikan", "SNI 7758:2013", "Belum"]
    # Row 48, the last.
    assert teks_baris(t, "48") == ["48", "Air Demineral", "SNI 6241:2015", "Belum"]
    assert [r[1].teks() for r in t.baris if r[3].teks() == "Ya"] == [
        "Minyak goreng sawit",
        "Crude Palm Oil (CPO)",
        "Madu",
        "Garam konsumsi beriodium",
    ]


def test_calibration_scope_lists_its_instruments_one_per_line(lakip):
    t = tabel(lakip, "Lingkup Kalibrasi")
    # Tabel 3 row 2: Suhu with its six instruments.
    assert nilai_baris(t, "2") == [
        "2",
        "Suhu",
        "- oven - tanur - waterbath - inkubator - refrigerator - freezer",
        "Ya",
    ]
    assert baris(t, "2")[2].nilai.count("\n") == 5
    assert teks_baris(t, "3") == ["3", "Instrumen analitik", "pH-meter", "Ya"]
    assert len(t.baris) == 4


# --- Bab III per indicator: promotion (Tabel 12) and trainings (Tabel 24) -------------------


def _bagian_indikator(lakip, kode: str) -> d.Bagian:
    return next(b for b in lakip.bagian_semua() if b.judul.startswith(f"Indikator {kode}:"))


def test_promotion_is_printed_by_month_in_the_pnbp_indicator(lakip):
    isi = _bagian_indikator(lakip, "III.2").isi
    sheets = [b.nama_lembar for b in isi if isinstance(b, d.Tabel)]
    # Before the PNBP receipts, as Tabel 12 precedes Tabel 13-16.
    assert sheets.index("Promosi dan Pemasaran") < sheets.index("PNBP per jenis")
    t = tabel(lakip, "Promosi dan Pemasaran")
    assert t.judul == "Uraian Kegiatan Promosi dan Pemasaran BSPJI Pekanbaru TA. 2023"
    assert len(t.baris) == 59  # 59 activities, January to December
    bulan = [(r[0].teks(), r[0].rowspan) for r in t.baris if len(r) == 2]
    # Activities per month as Tabel 12 lists them (Mei and September continue on the next
    # page under an empty month cell).
    assert bulan == [
        ("Januari", 5), ("Februari", 4), ("Maret", 4), ("April", 1), ("Mei", 5), ("Juni", 8),
        ("Juli", 2), ("Agustus", 8), ("September", 6), ("Oktober", 5), ("November", 1),
        ("Desember", 10),
    ]  # fmt: skip
    assert teks_baris(t, "April") == [
        "April",
        "Survei Lapangan Sebagai Tindak Lanjut Proses Sertifikasi Halal Dan SPPT SNI Di PT. "
        "Aditya Seraya Korita - First Resources Group.",
    ]
    assert t.baris[-1][0].teks() == "Penandatanganan Kerjasama Universitas Negeri Padang (UNP) " \
        "Dengan BSPJI Pekanbaru"  # fmt: skip


def test_trainings_are_printed_per_employee_in_the_professionalism_indicator(lakip):
    isi = _bagian_indikator(lakip, "VI.1").isi
    sheets = [b.nama_lembar for b in isi if isinstance(b, d.Tabel)]
    assert sheets.index("Pelatihan Pegawai") < sheets.index("Profesionalitas ASN")
    t = tabel(lakip, "Pelatihan Pegawai")
    assert t.judul == "Data Pelatihan Pegawai Tahun Anggaran 2023"
    assert len(t.baris) == 176  # Tabel 24: 176 trainings of 40 employees
    orang = [r for r in t.baris if len(r) == 4]
    assert len(orang) == 40
    # The head of the balai (Pegawai 01, as his Tabel 25 score): Tabel 24 row 1, four
    # trainings, dated as printed ("- 25 Mei 2023", "- 18 – 19 Agustus 2023", ...).
    assert [(r[0].teks(), r[1].teks(), r[1].rowspan) for r in orang[:1]] == [
        ("1.", "Pegawai 01", 4)
    ]
    assert [(r[-2].teks(), r[-1].teks()) for r in t.baris[:4]] == [
        ("Training Online K3 Laboratorium dan Pengelolaan Limbah B3 Laboratorium oleh Lab Mania",
         "25 Mei 2023"),
        ("Pelatihan Motivasi Pegawai BSPJI Pekanbaru Tahun 2023", "18–19 Agustus 2023"),
        ("Pelatihan Train of Trainer (TOT) Level 4", "10–12 Oktober 2023"),
        ("In House Training Pengenalan Sistem Manajemen Mutu ISO 9001:2015",
         "21–22 Desember 2023"),
    ]  # fmt: skip
    # A period across two months (Tabel 24, rows 2 and 14: "31 Agustus – 1 September 2023").
    bmn = [r for r in t.baris if r[-2].teks() == "Workshop Penyusunan Rencana Kebutuhan BMN"]
    assert [r[-1].teks() for r in bmn] == ["31 Agustus – 1 September 2023"] * 2
    # 35 employees went to the motivation training of 18-19 August (Tabel 24).
    motivasi = [r for r in t.baris if r[-2].teks().startswith("Pelatihan Motivasi Pegawai")]
    assert len(motivasi) == 35


# --- Bab III: budget 2019-2023, customers and volumes (Tabel 34, 37, 38) ---------------------


def test_budget_history_takes_2023_from_the_tree_and_earlier_years_as_recorded(lakip):
    t = tabel(lakip, "Perkembangan Anggaran")
    assert t.judul == "Perkembangan Realisasi Anggaran BSPJI Pekanbaru TA. 2019-2023"
    assert [s.teks() for s in t.kepala[0]] == [
        "Uraian", "TA. 2019", "TA. 2020", "TA. 2021", "TA. 2022", "TA. 2023",
    ]  # fmt: skip
    # Tabel 34: 2019-2022 as printed; 2023 the budget tree rolled up from its leaves, the
    # same total as the budget tables (test_isi_lakip_anggaran.py).
    assert nilai_baris(t, "Pagu (Rp)")[1:] == [
        10_794_637_000, 5_074_090_000, 7_532_227_000, 6_856_156_000, 7_680_590_000,
    ]  # fmt: skip
    assert nilai_baris(t, "Realisasi (Rp)")[1:] == [
        10_519_259_573, 4_857_160_000, 7_451_482_302, 6_832_596_318, 7_680_058_359,
    ]  # fmt: skip
    # realisasi / pagu × 100, half-up: 10.519.259.573 / 10.794.637.000 = 97,448… → 97,45;
    # 95,724… → 95,72; 98,928… → 98,93; 99,656… → 99,66; 7.680.058.359 / 7.680.590.000 =
    # 99,993… → 99,99 (all as Tabel 34 prints them).
    assert teks_baris(t, "% Realisasi")[1:] == ["97,45%", "95,72%", "98,93%", "99,66%", "99,99%"]
    anggaran = tabel(lakip, "Realisasi Anggaran")
    assert nilai_baris(anggaran, "Total", kaki=True)[-3:-1] == [7_680_590_000, 7_680_058_359]
    # After the year's budget tables, as Tabel 34 follows Tabel 31-33.
    nomor = {x.nama_lembar: x.nomor for x in lakip.tabel()}
    assert nomor["Realisasi Anggaran"] < t.nomor < nomor["PNBP per Tahun"]


def test_customers_per_kind_and_year_with_totals_summed_from_the_rows(lakip):
    t = tabel(lakip, "Jumlah Pelanggan")
    assert t.judul == "Jumlah Pelanggan BSPJI Pekanbaru TA. 2020-2023"
    # Tabel 37 row 3 (Pengujian): 40 12 | 40 18 | 45 15 | 125 35.
    assert nilai_baris(t, "3", "Pengujian")[2:] == [40, 12, 40, 18, 45, 15, 125, 35]
    # Row 4 (Kalibrasi): - - | 2 - | 1 1 | 7 -.
    assert teks_baris(t, "4", "Kalibrasi")[2:] == ["–", "–", "2", "–", "1", "1", "7", "–"]
    # Riset and RBPI print "-" in every year and keep their rows.
    assert teks_baris(t, "1", "Riset")[2:] == ["–"] * 8
    # Totals: 2022 non industri 3 + 15 + 1 + 14 + 3 = 36 (Tabel 37 prints 33, a slip);
    # 2023 industri 33 + 125 + 7 + 9 + 6 + 3 = 183, non industri 27 + 35 + 26 = 88.
    assert nilai_baris(t, "Total", kaki=True)[1:] == [40, 20, 46, 36, 58, 36, 183, 88]


def test_volumes_take_customers_and_certificates_from_their_own_tables(lakip):
    t = tabel(lakip, "Volume Layanan")
    assert t.judul == "Jumlah Sampel/Alat/Sertifikat/Pelatihan/Riset/Konsultasi TA. 2020-2023"
    # Tabel 38 row 3 b. sampel uji: 170 409 399 295.
    assert nilai_baris(t, "b. Jumlah sampel uji")[1:] == [170, 409, 399, 295]
    # Row 3 a.: the Pengujian customers of Tabel 37 (40 + 12, 40 + 18, 45 + 15, 125 + 35),
    # which Tabel 38 prints too: 52 58 60 160.
    pengujian = t.baris.index(baris(t, "3", "Pengujian"))
    assert [s.nilai for s in t.baris[pengujian + 1][1:]] == [52, 58, 60, 160]
    # Kalibrasi a.: Tabel 38 prints 2 for 2020; Tabel 37 (none) is taken: "–".
    kalibrasi = t.baris.index(baris(t, "5", "Kalibrasi"))
    assert [s.teks() for s in t.baris[kalibrasi + 1][1:]] == ["–", "2", "2", "7"]
    assert [s.teks() for s in t.baris[kalibrasi + 2][1:]] == ["106", "2", "2", "15"]
    # Sertifikasi b.: the 6 certificates of Tabel 17 (hasil layanan), as Tabel 38 prints.
    sertifikasi = t.baris.index(baris(t, "6", "Sertifikasi"))
    assert [s.teks() for s in t.baris[sertifikasi + 2][1:]] == ["–", "–", "–", "6"]
    assert teks_baris(t, "4")[1:] == [
        "Konsultansi (Jumlah konsultasi/supervisi)",
        "2",
        "8",
        "26",
        "9",
    ]
    # The chart the text announces follows the table ("Berikut ini grafik ...").
    bagian = next(b for b in lakip.bagian_semua() if b.nomor == "3.5.")
    i = bagian.isi.index(t)
    assert isinstance(bagian.isi[i + 2], d.Grafik)
    assert bagian.isi[i + 2].kategori == [
        "RBPI", "Pelatihan", "Peserta", "Sampel uji", "Konsultasi", "Alat", "Sertifikat",
    ]  # fmt: skip


def test_a_satker_without_these_data_prints_none_of_them(susunan):
    manado = susunan("lakip-manado")
    assert not {t.nama_lembar for t in manado.tabel()} & set(URUTAN) - {"Target dan Capaian"}
    assert manado.sebelum_sampul == []


# --- the workbook ---------------------------------------------------------------------------


def test_the_workbook_has_a_sheet_for_each(lakip, workbook):
    wb = workbook("lakip-pekanbaru")
    for nama in URUTAN:
        t = tabel(lakip, nama)
        ws = lembar(wb, t)
        assert ws.title.startswith(f"T{t.nomor} ")
    ws = lembar(wb, tabel(lakip, "Perkembangan Anggaran"))
    r = baris_lembar(ws, "A", "Pagu (Rp)")
    assert format_dan_nilai(ws, r, "B") == (RUPIAH, D(10_794_637_000))
    assert format_dan_nilai(ws, r, "F") == (RUPIAH, D(7_680_590_000))
    ws = lembar(wb, tabel(lakip, "Jumlah Pelanggan"))
    r = baris_lembar(ws, "A", "Total")
    assert [ws.cell(row=r, column=c).value for c in range(3, 11)] == [
        40,
        20,
        46,
        36,
        58,
        36,
        183,
        88,
    ]


# --- the PDF: the decree's pages carry no running header ---------------------------------


def test_the_decree_pages_carry_no_running_header(rendered):
    r = rendered("lakip-pekanbaru")
    kepala_halaman = f"{r.laporan.judul} · {r.laporan.satker}"
    assert r.pages[0].startswith("NOTA DINAS")
    sampul = next(i for i, p in enumerate(r.pages) if p.startswith("LAPORAN KINERJA INSTANSI"))
    keputusan = r.pages[1:sampul]
    # The decree (two pages and a half) and its annex, between the memo and the cover.
    assert len(keputusan) == 3
    assert keputusan[0].startswith(
        "KEPUTUSAN KEPALA BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PEKANBARU NOMOR 48 "
        "TAHUN 2023 TENTANG"
    )
    assert keputusan[-1].startswith("LAMPIRAN KEPUTUSAN KEPALA BALAI")
    assert "Tabel 1. Susunan Keanggotaan Tim Reviu" in keputusan[-1]
    assert normal("KESATU : Membentuk Tim Reviu") in " ".join(keputusan)
    for p in keputusan:
        assert kepala_halaman not in p
        assert "BAB " not in p  # nor the chapter on the right of the header
        akhir = p.split()[-1]  # nor a page number at the foot
        assert not akhir.isdigit() and akhir not in ("i", "ii", "iii", "iv", "v")
    # The first page after the front matter's cover carries the header again.
    assert kepala_halaman in r.pages[sampul + 1]
