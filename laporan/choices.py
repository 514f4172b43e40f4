"""Choices of the reports: their kinds, formats, the sections whose narrative satker staff
write, and the states of a rendering job."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from laporan import render


class JenisLaporan(models.TextChoices):
    PP39 = "pp39", _("Laporan Pengendalian dan Evaluasi Triwulan (PP-39)")
    LAKIP = "lakip", _("Laporan Kinerja Instansi Pemerintah (LAKIP)")
    PK = "pk", _("Perjanjian Kinerja")


# The formats are the registered renderers (laporan.render): FormatBerkas.PDF == "pdf", ...
FormatBerkas = models.TextChoices(
    "FormatBerkas",
    [(r.identifier.upper(), (r.identifier, r.verbose_name)) for r in render.renderers()],
    module=__name__,
)


# The formats a verified quarter's PP-39 is archived in (laporan/arsip.py); the others still
# render from the current data.
FORMAT_ARSIP = ("pdf", "xlsx")


class StatusBerkas(models.TextChoices):
    ANTRI = "antri", _("Menunggu giliran")
    PROSES = "proses", _("Sedang disusun")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class BagianNarasi(models.TextChoices):
    """Sections of the reports whose text the satker writes. Each report uses some of them;
    LAKIP_BAGIAN and PP39_BAGIAN say which, in the order of the report."""

    NOTA_DINAS = "nota_dinas", _("Nota dinas pengantar")
    SK_TIM_REVIU = "sk_tim_reviu", _("Keputusan tim reviu laporan kinerja")
    KATA_PENGANTAR = "kata_pengantar", _("Kata pengantar")
    IKHTISAR_EKSEKUTIF = "ikhtisar_eksekutif", _("Ikhtisar eksekutif")
    TUGAS_FUNGSI = "tugas_fungsi", _("Tugas dan fungsi organisasi")
    LATAR_BELAKANG = "latar_belakang", _("Latar belakang kegiatan/program")
    PERAN_STRATEGIS = "peran_strategis", _("Peran strategis organisasi")
    STRUKTUR_ORGANISASI = "struktur_organisasi", _("Struktur organisasi")
    RENCANA_STRATEGIS = "rencana_strategis", _("Rencana strategis organisasi")
    RENCANA_KINERJA = "rencana_kinerja", _("Rencana kinerja")
    RENCANA_ANGGARAN = "rencana_anggaran", _("Rencana anggaran / kegiatan tahun anggaran")
    PERJANJIAN_KINERJA = "perjanjian_kinerja", _("Perjanjian kinerja / sasaran dan indikator")
    ANALISIS_CAPAIAN = "analisis_capaian", _("Pengantar analisis capaian kinerja")
    OUTPUT_KEGIATAN = "output_kegiatan", _("Capaian output kegiatan")
    CAPAIAN_RENSTRA = "capaian_renstra", _("Capaian kinerja berdasarkan Renstra")
    PROGRAM_PRIORITAS = "program_prioritas", _("Capaian program prioritas nasional")
    AKUNTABILITAS_KEUANGAN = "akuntabilitas_keuangan", _("Akuntabilitas keuangan")
    PNBP = "pnbp", _("Penerimaan negara bukan pajak")
    LAYANAN = "layanan", _("Pelanggan dan hasil layanan")
    EFISIENSI = "efisiensi", _("Efisiensi sumber daya")
    SMART_DJA = "smart_dja", _("Efisiensi menurut aplikasi SMART DJA")
    PENGHARGAAN = "penghargaan", _("Penghargaan")
    HAMBATAN_PK = "hambatan_pk", _("Hambatan dan kendala pelaksanaan Perjanjian Kinerja")
    HAMBATAN_KEGIATAN = "hambatan_kegiatan", _("Hambatan dan kendala pelaksanaan kegiatan")
    TINDAK_LANJUT_PK = "tindak_lanjut_pk", _("Langkah tindak lanjut Perjanjian Kinerja")
    TINDAK_LANJUT_KEGIATAN = "tindak_lanjut_kegiatan", _("Langkah tindak lanjut kegiatan")
    PENUTUP = "penutup", _("Penutup / kesimpulan")
    PERMASALAHAN = "permasalahan", _("Permasalahan dan kendala")
    REKOMENDASI = "rekomendasi", _("Rekomendasi / strategi pemecahan masalah")


B = BagianNarasi

PP39_BAGIAN = (
    B.NOTA_DINAS, B.KATA_PENGANTAR, B.TUGAS_FUNGSI, B.LATAR_BELAKANG, B.STRUKTUR_ORGANISASI,
    B.RENCANA_ANGGARAN, B.PERJANJIAN_KINERJA, B.ANALISIS_CAPAIAN, B.OUTPUT_KEGIATAN,
    B.HAMBATAN_PK, B.HAMBATAN_KEGIATAN, B.TINDAK_LANJUT_PK, B.TINDAK_LANJUT_KEGIATAN, B.PENUTUP,
)  # fmt: skip

# The review-team decree is data of its own (the Pengisian page "Keputusan tim reviu"); a decree
# written as narrative before that still prints (laporan/susun/lakip/depan.py).
LAKIP_BAGIAN = (
    B.NOTA_DINAS, B.KATA_PENGANTAR, B.IKHTISAR_EKSEKUTIF, B.TUGAS_FUNGSI,
    B.PERAN_STRATEGIS, B.STRUKTUR_ORGANISASI, B.RENCANA_STRATEGIS, B.RENCANA_KINERJA,
    B.RENCANA_ANGGARAN, B.PERJANJIAN_KINERJA, B.ANALISIS_CAPAIAN, B.CAPAIAN_RENSTRA,
    B.PROGRAM_PRIORITAS, B.AKUNTABILITAS_KEUANGAN, B.PNBP, B.LAYANAN, B.EFISIENSI, B.SMART_DJA,
    B.PENGHARGAAN, B.PENUTUP, B.PERMASALAHAN, B.REKOMENDASI,
)  # fmt: skip

# The LAKIP tables printed from data inside a narrative section: a paragraph
# "[[tabel:kunci]]" puts the table there; without it the table follows the section's text.
TEMPAT_TABEL = {
    B.IKHTISAR_EKSEKUTIF: ("target-dan-capaian",),
    B.PERAN_STRATEGIS: ("ruang-lingkup-pengujian", "ruang-lingkup-kalibrasi"),
    B.LAYANAN: ("pelanggan", "volume-layanan", "grafik-volume-layanan"),
}

# The figures the source reports print in a section (LAKIP Pekanbaru 2023 Gambar 1 and 6,
# PP-39 Manado TW II Gambar 1), by the name a narrative refers to them by, with their
# caption: a section printed without its figure says so to the reviewer.
GAMBAR_DIHARAPKAN = {
    JenisLaporan.PP39: {B.STRUKTUR_ORGANISASI: (("struktur_organisasi", "Struktur organisasi"),)},
    JenisLaporan.LAKIP: {
        B.STRUKTUR_ORGANISASI: (("struktur_organisasi", "Struktur organisasi"),),
        B.SMART_DJA: (("smart_dja", "Hasil penilaian kinerja SMART DJA"),),
    },
}
