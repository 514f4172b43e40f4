"""The annexes of the PP-39 report of BSPJI Manado, Triwulan II 2023, that the source prints
from data the budget does not hold: Form A's data umum (ten items), its kendala table with
the follow-up and who is expected to help, its signature block; and the Form Monitoring
Kepegawaian, thirteen numbered tables in the source's order, in the list of tables and in
the workbook, with no real staff name anywhere. Expected values are the source's (quoted),
checked by hand; totals are sums of the rows."""

from __future__ import annotations

import pytest

from laporan import dokumen as d
from tests.kinerja.test_kepegawaian import NAMA_ASLI
from tests.laporan.conftest import (
    BULAT,
    TANGGAL,
    baris_lembar,
    format_dan_nilai,
    judul_kolom,
    lembar,
    nilai_baris,
    tabel,
    teks_baris,
)

pytestmark = pytest.mark.django_db

PP39 = "pp39-manado"
PERIODE = "periode April - Juni 2023"


def bagian(laporan: d.Laporan, awal: str) -> d.Bagian:
    [b] = [b for b in laporan.lampiran if b.judul.startswith(awal)]
    return b


# --- Form A -----------------------------------------------------------------------------------


# FORM A 6077: "1. Nomor Kode dan Nama Unit Organisasi : (247246) BALAI STANDARDISASI DAN
# PELAYANAN JASA INDUSTRI MANADO", "2. ... Fungsi : 04. Ekonomi", "3. ... Sub Fungsi : 04.07.
# Industri Dan Konstruksi", "4. ... Program : 04.07.EC. Program Nilai Tambah dan Daya Saing
# Industri", "5. Indikator Hasil :", "6. ... Kegiatan : 6077 - Pengembangan dan
# Penyelenggaraan Jasa Industri", "7. ... /Tahun Ke : 1/1", "8. Penanggung Jawab Kegiatan : Ir.
# Henry Pajow, M.Si", "9. Tempat Kedudukan ... : Jl. Diponegoro No. 21-23", "10. Nomor Surat
# Pengesahan DIPA : SP DIPA- 019.07.2.247246/2023".
DATA_UMUM_6077 = [
    ("1. Nomor kode dan nama unit organisasi",
     "(247246) BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI MANADO"),
    ("2. Nomor kode dan nama fungsi", "04. Ekonomi"),
    ("3. Nomor kode dan nama sub fungsi", "04.07. Industri Dan Konstruksi"),
    ("4. Nomor kode dan nama program", "04.07.EC. Program Nilai Tambah dan Daya Saing Industri"),
    ("5. Indikator hasil", "–"),
    ("6. Nomor kode dan nama kegiatan", "6077 - Pengembangan dan Penyelenggaraan Jasa Industri"),
    ("7. Jangka waktu pelaksanaan kegiatan/tahun ke", "1/1"),
    ("8. Penanggung jawab kegiatan", "Ir. Henry Pajow, M.Si"),
    ("9. Tempat kedudukan penanggung jawab kegiatan", "Jl. Diponegoro No. 21-23"),
    ("10. Nomor surat pengesahan DIPA", "SP DIPA-019.07.2.247246/2023"),
]  # fmt: skip


def test_form_a_6077_data_umum_has_the_ten_items(pp39):
    [umum] = [b for b in bagian(pp39, "Form A Triwulan II: Kegiatan 6077").isi
              if isinstance(b, d.Rincian)]  # fmt: skip
    assert umum.pasangan == DATA_UMUM_6077


def test_form_a_6042_data_umum(pp39):
    # FORM A 6042: "4. ... Program : 04.07.WA. Program Dukungan Manajemen"; item 6 prints the
    # kegiatan's older name, the budget tree keeps Tabel 2's (anggaran_2023.yaml).
    [umum] = [b for b in bagian(pp39, "Form A Triwulan II: Kegiatan 6042").isi
              if isinstance(b, d.Rincian)]  # fmt: skip
    pasangan = dict(umum.pasangan)
    assert pasangan["4. Nomor kode dan nama program"] == "04.07.WA. Program Dukungan Manajemen"
    assert pasangan["6. Nomor kode dan nama kegiatan"] == (
        "6042 - Pengelolaan Manajemen Kesekretariatan Bidang Standardisasi dan Kebijakan Jasa "
        "Industri"
    )
    assert len(umum.pasangan) == 10


def test_form_a_6077_kendala(pp39):
    # "IV. KENDALA ...": No | Output | Kendala | Tindak Lanjut yang Diperlukan | Pihak yang
    # Diharapkan Dapat Membantu Penyelesaian Masalah, then 1..5; one row, for CAH.
    t = tabel(pp39, "Form A 6077 kendala")
    assert judul_kolom(t) == [
        ["No", "Output", "Kendala", "Tindak lanjut yang diperlukan",
         "Pihak yang diharapkan dapat membantu penyelesaian masalah"],
        ["1", "2", "3", "4", "5"],
    ]  # fmt: skip
    assert [nilai_baris(t, "1")] == [
        [
            1,
            "CAH Sarana Bidang Industri dan Perdagangan",
            "Pengajuan Surat Rekomendasi Izin Impor belum keluar",
            "Menunggu hasil pengajuan Surat Rekomendasi Izin Impor",
            "–",  # the source leaves it empty: nobody is named to help
        ]
    ]
    assert len(t.baris) == 1


def test_form_a_6042_kendala(pp39):
    t = tabel(pp39, "Form A 6042 kendala")
    assert [r[1].nilai for r in t.baris] == [
        "EBA Layanan Dukungan Manajemen Internal",
        "EBB Layanan Sarana dan Prasarana Internal",
        "EBD Layanan Manajemen Kinerja Internal",
    ]
    assert nilai_baris(t, "1")[2:] == [
        "Komponen pengelolaan data dan informasi yang belum terdapat realisasi keuangan.",
        "mengoptimalkan perjalanan dinas dalam rangka bimtek, pelatihan, FGD, sosialisasi dan "
        "survei",
        "–",
    ]
    assert nilai_baris(t, "3")[2:4] == [
        "Komponen Pengembangan Laboratorium yang fasilitasnya belum dilengkapi",
        "Mengoptimalkan penyerapan terhadap kegiatan yang belum dilaksanakan",
    ]


@pytest.mark.parametrize("kode", ["6077", "6042"])
def test_form_a_runs_i_to_iv_and_ends_with_the_heads_signature(pp39, kode):
    b = bagian(pp39, f"Form A Triwulan II: Kegiatan {kode}")
    judul = [x.teks for x in b.isi if isinstance(x, d.Paragraf) and x.gaya == "subjudul"]
    assert judul == [
        "I. Data umum",
        "II. Data keuangan dan indikator keluaran per output kegiatan",
        "III. Target dan realisasi pelaksanaan per output",
        "IV. Kendala dan langkah tindak lanjut yang diperlukan",
    ]
    # "Manado, 30 Juni 2023 / Kepala BSPJI Manado / Jl. Henry Pajow, M.Si" ("Jl." a slip for
    # "Ir.", as item 8 prints the name).
    ttd = b.isi[-1]
    assert isinstance(ttd, d.TandaTangan)
    assert ttd.tempat_tanggal == "Manado, 30 Juni 2023"
    assert [(p.jabatan, p.nama) for p in ttd.penandatangan] == [
        ("Kepala BSPJI Manado", "Ir. Henry Pajow, M.Si")
    ]


def test_form_a_of_a_quarter_not_filled_says_so(susunan):
    pekanbaru = susunan("pp39-pekanbaru")
    b = bagian(pekanbaru, "Form A Triwulan IV: Kegiatan 6077")
    # What is missing is said to the satker and the reviewer, never printed in the report.
    assert [x for x in b.isi if isinstance(x, d.Paragraf) and x.gaya == "kosong"] == []
    assert (
        f"{b.judul_lengkap}: Data umum Form A kegiatan ini untuk triwulan ini belum diisi "
        "satker; butir 2, 3, 5 dan 7 kosong."
    ) in pekanbaru.catatan_penyusunan
    t = tabel(pekanbaru, "Form A 6077 kendala")
    assert t.baris[0][0].nilai == "Kendala kegiatan ini untuk triwulan ini belum diisi satker."
    assert isinstance(b.isi[-1], d.TandaTangan)


# --- Form Monitoring Kepegawaian ----------------------------------------------------------------

JUDUL_TABEL = [
    "Data pelatihan yang telah diikuti",
    "Data pegawai yang dalam proses kenaikan pangkat",
    "Data pegawai yang dijatuhi hukuman disiplin",
    "Data mutasi/rotasi/promosi pegawai",
    "Data pegawai yang telah pensiun",
    "Rekapitulasi jabatan fungsional tertentu",
    "Rekapitulasi pegawai berdasarkan tingkat pendidikan",
    "Data pengaduan/keluhan masyarakat",
    "Data penanganan gratifikasi",
    "Data penanganan whistleblowing",
    "Data prestasi",
    "Data perundangan yang disusun",
    "Kegiatan LSPro",
]


def test_kepegawaian_is_the_last_annex_with_13_numbered_tables_in_order(pp39):
    b = pp39.lampiran[-1]
    assert b.judul == "Form Monitoring Kepegawaian"
    assert [t.judul for t in b.isi] == [f"{j} {PERIODE}" for j in JUDUL_TABEL]
    # Numbered after the component recap, consecutively, and listed among the report's tables.
    rekap = tabel(pp39, "Rekap Komponen")
    assert [t.nomor for t in b.isi] == list(range(rekap.nomor + 1, rekap.nomor + 14))
    assert [t.nomor for t in pp39.tabel()[-13:]] == [t.nomor for t in b.isi]


def test_training_table_groups_each_employees_trainings(pp39):
    t = tabel(pp39, "Pelatihan pegawai")
    assert judul_kolom(t) == [
        ["No", "Nama pegawai", "Pelatihan/sosialisasi/webinar/bimtek", "Penyelenggara",
         "Tanggal pelaksanaan"]
    ]  # fmt: skip
    assert len(t.baris) == 73  # 73 trainings of 34 employees
    nomor = [r[0] for r in t.baris if r[0].jenis == "angka"]
    assert [s.nilai for s in nomor] == list(range(1, 35))
    # NO 5 spans its five trainings; NO 14's second: "Pelatihan Teknis Kalibrasi Volumetrik
    # Gelas Ukur | Kementerian Perdagangan | 14-20 Juni 2023".
    # (rows 0-8 are NO 1-4's 1 + 2 + 2 + 4 trainings)
    assert (t.baris[9][0].rowspan, t.baris[9][1].nilai, t.baris[9][1].rowspan) == (
        5,
        "Pegawai 05",
        5,
    )
    assert teks_baris(t, "14", "Pegawai 14")[2:] == [
        "Pelatihan Perhitungan Estimasi Ketidakpastian Pengujian Kimia",
        "BSPJI Manado",
        "4-5 April 2023",
    ]
    kalibrasi = [
        [s.teks() for s in r]
        for r in t.baris
        if r[0].nilai == "Pelatihan Teknis Kalibrasi Volumetrik Gelas Ukur"
    ]
    assert kalibrasi == [
        [
            "Pelatihan Teknis Kalibrasi Volumetrik Gelas Ukur",
            "Kementerian Perdagangan",
            "14-20 Juni 2023",
        ]
    ]


def test_staff_counts_with_their_totals(pp39):
    t = tabel(pp39, "Jabatan fungsional")
    # "4 | Penguji Mutu Barang (PMB) | PMB Ahli Pertama 8, PMB Ahli Muda 1, PMB Penyelia 1,
    # PMB Terampil 10": the jabatan's number and name span its four levels.
    pmb = t.baris[7]
    assert [(s.nilai, s.rowspan) for s in pmb] == [
        (4, 4),
        ("Penguji Mutu Barang (PMB)", 4),
        ("PMB Ahli Pertama", 1),
        (8, 1),
    ]
    # Jumlah: 4+2+2 + 2+1 + 4+1 + 8+1+1+10 + 1 + 1 + 1 = 39 (the source prints no total).
    assert teks_baris(t, "Jumlah", kaki=True) == ["Jumlah", "39"]
    t = tabel(pp39, "Pendidikan pegawai")
    assert [teks_baris(t, str(i))[1:] for i in (1, 2, 3)] == [["SLTA", "2"], ["D-I", "1"],
                                                               ["D-III", "14"]]  # fmt: skip
    assert teks_baris(t, "Jumlah", kaki=True) == ["Jumlah", "54"]  # 2+1+14+25+11+1


def test_tables_of_nothing_print_dashes_and_the_others_their_rows(pp39):
    for lembar_ in ("Hukuman disiplin", "Mutasi rotasi promosi", "Pengaduan masyarakat",
                    "Gratifikasi", "Whistleblowing", "Prestasi", "Perundangan"):  # fmt: skip
        t = tabel(pp39, lembar_)
        assert [[s.teks() for s in r] for r in t.baris] == [["–"] * t.jumlah_kolom], lembar_
    assert teks_baris(tabel(pp39, "Kenaikan pangkat"), "1") == [
        "1", "Pegawai 35", "Penata Muda/IIIa", "Penata Muda Tkt.I/IIIb",
    ]  # fmt: skip
    assert teks_baris(tabel(pp39, "Pegawai pensiun"), "1") == ["1", "Pegawai 36", "1 Juni 2023"]
    lspro = tabel(pp39, "Kegiatan LSPro")
    assert judul_kolom(lspro) == [["No", "Nama perusahaan", "Jenis kegiatan", "Keterangan"]]
    assert teks_baris(lspro, "3") == ["3", "PT VPOL Tirta Sejahtera", "Penerbitan SPPT SNI", "–"]


def test_kepegawaian_tables_in_the_workbook(pp39, workbook):
    wb = workbook(PP39)
    daftar = {(c.value, s.value) for c, s in wb["Daftar Isi"].iter_rows(min_col=1, max_col=2)}
    for t in pp39.lampiran[-1].isi:
        assert (t.label, t.judul) in daftar
    ws = lembar(wb, tabel(pp39, "Jabatan fungsional"))
    assert format_dan_nilai(ws, baris_lembar(ws, "C", "PMB Terampil"), "D")[1] == 10
    assert format_dan_nilai(ws, baris_lembar(ws, "A", "Jumlah"), "D") == (BULAT, 39)
    ws = lembar(wb, tabel(pp39, "Pegawai pensiun"))
    r = baris_lembar(ws, "B", "Pegawai 36")
    assert ws[f"C{r}"].number_format == TANGGAL and ws[f"C{r}"].value.day == 1


def test_a_quarter_without_the_form_says_so(susunan):
    b = susunan("pp39-pekanbaru").lampiran[-1]
    assert b.judul == "Form Monitoring Kepegawaian"
    assert b.isi == []
    assert (
        f"{b.judul_lengkap}: Form monitoring kepegawaian triwulan ini belum diisi satker."
        in susunan("pp39-pekanbaru").catatan_penyusunan
    )


def _teks_laporan(laporan: d.Laporan) -> str:
    bagian_ = []
    for b in laporan.bagian_semua():
        bagian_.append(b.judul)
        for x in b.isi:
            if isinstance(x, d.Paragraf):
                bagian_.append(x.teks)
            elif isinstance(x, d.Daftar):
                bagian_ += x.butir
            elif isinstance(x, d.Rincian):
                bagian_ += [f"{a} {b_}" for a, b_ in x.pasangan]
            elif isinstance(x, d.Tabel):
                bagian_ += [s.teks() for r in (*x.kepala, *x.baris, *x.kaki) for s in r]
            elif isinstance(x, d.TandaTangan):
                bagian_ += [p.nama for p in x.penandatangan]
    return "\n".join(bagian_)


def test_no_real_staff_name_in_the_report_or_its_workbook(pp39, workbook):
    teks = _teks_laporan(pp39)
    sel = "\n".join(
        str(c.value) for ws in workbook(PP39).worksheets for r in ws.iter_rows() for c in r
        if c.value is not None
    )  # fmt: skip
    assert "Pegawai 34" in teks and "Pegawai 34" in sel
    for nama in NAMA_ASLI:
        assert nama not in teks and nama not in sel, nama
