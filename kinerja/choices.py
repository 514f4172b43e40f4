"""Enumerations of the planning and measurement domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Satuan(models.TextChoices):
    """Units of the BSKJI indicator manual; the value is the word printed in the PK."""

    PERSEN = "Persen", _("Persen")
    PERUSAHAAN = "Perusahaan", _("Perusahaan")
    INDEKS = "Indeks", _("Indeks")
    NILAI = "Nilai", _("Nilai")
    SPK_ORDER = "SPK/Order", _("SPK/Order")
    RUANG_LINGKUP = "Ruang Lingkup", _("Ruang Lingkup")


class Klasifikasi(models.TextChoices):
    MAKSIMASI = "maksimasi", _("Maksimasi (makin tinggi makin baik)")
    MINIMASI = "minimasi", _("Minimasi (makin rendah makin baik)")


class MetodePerhitungan(models.TextChoices):
    """How an indicator's realisasi is obtained from the raw figures a satker records."""

    PERTUMBUHAN = "pertumbuhan", _("Pertumbuhan terhadap tahun sebelumnya (B − A) / A")
    PRODUKTIVITAS_EFISIENSI = (
        "produktivitas_efisiensi",
        _("Produktivitas/efisiensi perusahaan (rata-rata sebelum/sesudah)"),
    )
    PANGSA = "pangsa", _("Pangsa atas pagu akun terpilih (PDN)")
    INDEKS_SURVEI = "indeks_survei", _("Indeks survei kepuasan (rata-rata unsur)")
    RATA_RATA_KOMPONEN = "rata_rata_komponen", _("Rata-rata nilai per orang/komponen")
    INDEKS_TERTIMBANG = "indeks_tertimbang", _("Indeks tertimbang per aspek")
    RASIO_TINDAK_LANJUT = "rasio_tindak_lanjut", _("Rasio rekomendasi yang ditindaklanjuti")
    JUMLAH = "jumlah", _("Jumlah (cacah)")
    NILAI_EKSTERNAL = "nilai_eksternal", _("Nilai dari penilai eksternal")
    INPUT_LANGSUNG = "input_langsung", _("Diisi langsung")


class Agregasi(models.TextChoices):
    """How values combine over quarters or over the Renstra years."""

    JUMLAH = "jumlah", _("Dijumlahkan")
    TERAKHIR = "terakhir", _("Nilai terakhir")
    RATA_RATA = "rata_rata", _("Rata-rata")


class TingkatRenstra(models.TextChoices):
    KEMENTERIAN = "kementerian", _("Kementerian (sasaran strategis, SS)")
    ESELON_I = "eselon_i", _("Eselon I (sasaran program, SP)")
    SATKER = "satker", _("Satker (sasaran kegiatan, SK)")


class Triwulan(models.IntegerChoices):
    I = 1, _("Triwulan I")  # noqa: E741 (the quarter's own name)
    II = 2, _("Triwulan II")
    III = 3, _("Triwulan III")
    IV = 4, _("Triwulan IV")


class DataDukung(models.TextChoices):
    """The supporting data an indicator's realisasi is computed from ("" = entered directly)."""

    TIDAK_ADA = "", _("Tidak ada (realisasi diisi langsung)")
    PNBP_LAYANAN = "pnbp_layanan", _("PNBP layanan jasa (posisi per tanggal)")
    HASIL_LAYANAN = "hasil_layanan", _("Hasil layanan jasa (laporan/sertifikat/orang)")
    ORDER_LAYANAN = "order_layanan", _("SPK/order layanan jasa")
    PENGUKURAN_PERUSAHAAN = "pengukuran_perusahaan", _("Pengukuran perusahaan sebelum/sesudah")
    BUTIR_CAPAIAN = "butir_capaian", _("Daftar capaian (perusahaan, ruang lingkup, ...)")
    BELANJA_PDN = "belanja_pdn", _("Belanja produk dalam negeri per akun")
    SURVEI_KEPUASAN = "survei_kepuasan", _("Survei kepuasan masyarakat per unsur")
    PROFESIONALITAS_ASN = "profesionalitas_asn", _("Nilai profesionalitas pegawai")
    LAYANAN_PUBLIK = "layanan_publik", _("Penilaian indeks layanan publik per aspek")
    REKOMENDASI_AUDIT = "rekomendasi_audit", _("Rekomendasi hasil pengawasan internal")
    NILAI_SAKIP = "nilai_sakip", _("Nilai evaluasi SAKIP")
    NILAI_LAPORAN_KEUANGAN = "nilai_laporan_keuangan", _("Nilai laporan keuangan")


# Which supporting data each computation method reads.
DATA_DUKUNG_METODE: dict[str, tuple[str, ...]] = {
    MetodePerhitungan.PERTUMBUHAN: (DataDukung.PNBP_LAYANAN, DataDukung.HASIL_LAYANAN),
    MetodePerhitungan.PRODUKTIVITAS_EFISIENSI: (DataDukung.PENGUKURAN_PERUSAHAAN,),
    MetodePerhitungan.PANGSA: (DataDukung.BELANJA_PDN,),
    MetodePerhitungan.INDEKS_SURVEI: (DataDukung.SURVEI_KEPUASAN,),
    MetodePerhitungan.RATA_RATA_KOMPONEN: (DataDukung.PROFESIONALITAS_ASN,),
    MetodePerhitungan.INDEKS_TERTIMBANG: (DataDukung.LAYANAN_PUBLIK,),
    MetodePerhitungan.RASIO_TINDAK_LANJUT: (DataDukung.REKOMENDASI_AUDIT,),
    MetodePerhitungan.JUMLAH: (DataDukung.BUTIR_CAPAIAN, DataDukung.ORDER_LAYANAN),
    MetodePerhitungan.NILAI_EKSTERNAL: (
        DataDukung.NILAI_SAKIP,
        DataDukung.NILAI_LAPORAN_KEUANGAN,
    ),
    MetodePerhitungan.INPUT_LANGSUNG: (DataDukung.TIDAK_ADA,),
}


class RumusMinimasi(models.TextChoices):
    """The two LAKIP conventions for a lower-is-better indicator."""

    SELISIH = "selisih", _("(2 × target − realisasi) / target × 100")
    RASIO = "rasio", _("target / realisasi × 100")


class JenisPnbp(models.TextChoices):
    """Kinds of PNBP receipts. Service fees count for "PNBP layanan jasa industri"; rent,
    asset sales and refunds appear only in total receipts."""

    RISET = "riset", _("Riset")
    PELATIHAN = "pelatihan", _("Pelatihan")
    PENGUJIAN = "pengujian", _("Pengujian")
    STANDARDISASI = "standardisasi", _("Standardisasi")
    KALIBRASI = "kalibrasi", _("Kalibrasi")
    KONSULTANSI = "konsultansi", _("Konsultansi")
    SERTIFIKASI = "sertifikasi", _("Sertifikasi")
    HALAL = "halal", _("Halal")
    INSPEKSI = "inspeksi", _("Inspeksi teknis")
    RBPI = "rbpi", _("Rancang bangun dan perekayasaan industri (RBPI)")
    MAGANG = "magang", _("Magang")
    JASA_LAINNYA = "jasa_lainnya", _("Jasa lainnya")
    LAYANAN_TIDAK_DIRINCI = "layanan_tidak_dirinci", _("Layanan jasa (tanpa rincian jenis)")
    SEWA = "sewa", _("Pendapatan sewa tanah, gedung dan bangunan")
    PENJUALAN_ASET = "penjualan_aset", _("Pendapatan penjualan peralatan dan mesin")
    PENGEMBALIAN_BELANJA = (
        "pengembalian_belanja",
        _("Penerimaan kembali belanja tahun anggaran yang lalu"),
    )
    LAINNYA = "lainnya", _("Penerimaan lainnya")


PNBP_BUKAN_LAYANAN = frozenset(
    {JenisPnbp.SEWA, JenisPnbp.PENJUALAN_ASET, JenisPnbp.PENGEMBALIAN_BELANJA, JenisPnbp.LAINNYA}
)


class SatuanHasilLayanan(models.TextChoices):
    HASIL = "hasil", _("Hasil layanan (laporan hasil uji/kalibrasi, sertifikat, orang dilatih)")
    SPK_ORDER = "spk_order", _("SPK/order")


class ArahPengukuran(models.TextChoices):
    PRODUKTIVITAS = "produktivitas", _("Produktivitas: (B − A) / A × 100")
    EFISIENSI = "efisiensi", _("Efisiensi: (A − B) / A × 100")


class StatusTindakLanjut(models.TextChoices):
    SELESAI = "selesai", _("Selesai")
    DALAM_PROSES = "dalam_proses", _("Dalam proses")
    BELUM = "belum", _("Belum ditindaklanjuti")


class TingkatAnggaran(models.TextChoices):
    """Levels of the RKA-K/L code tree, from the top."""

    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    KRO = "kro", _("KRO")
    RO = "ro", _("RO")
    KOMPONEN = "komponen", _("Komponen")
    SUB_KOMPONEN = "sub_komponen", _("Sub-komponen")
    AKUN = "akun", _("Akun")


URUTAN_TINGKAT = list(TingkatAnggaran.values)

# The shape of a node's own code segment at each level (EC; 6077; BAD; 012; 051; A; 521211).
POLA_KODE = {
    TingkatAnggaran.PROGRAM: r"^[A-Z]{2}$",
    TingkatAnggaran.KEGIATAN: r"^[0-9]{4}$",
    TingkatAnggaran.KRO: r"^[A-Z]{3}$",
    TingkatAnggaran.RO: r"^[0-9]{3}$",
    TingkatAnggaran.KOMPONEN: r"^[0-9]{3}$",
    TingkatAnggaran.SUB_KOMPONEN: r"^[A-Z]{1,2}$",
    TingkatAnggaran.AKUN: r"^[0-9]{6}$",
}


class SumberDana(models.TextChoices):
    RM = "RM", _("Rupiah Murni (RM)")
    PNBP = "PNBP", _("PNBP")


class KewenanganRevisi(models.TextChoices):
    DJA = "DJA", _("Direktorat Jenderal Anggaran")
    DJPB = "DJPb", _("Direktorat Jenderal Perbendaharaan")
    KANWIL_DJPB = "Kanwil DJPb", _("Kanwil Ditjen Perbendaharaan")
    KPA = "KPA", _("Kuasa Pengguna Anggaran")


class StatusKomponen(models.TextChoices):
    PERSIAPAN = "Persiapan", _("Persiapan")
    PERENCANAAN = "Perencanaan", _("Perencanaan")
    PELAKSANAAN = "Pelaksanaan", _("Pelaksanaan")
    SELESAI = "Selesai", _("Selesai")


class Bulan(models.IntegerChoices):
    JANUARI = 1, _("Januari")
    FEBRUARI = 2, _("Februari")
    MARET = 3, _("Maret")
    APRIL = 4, _("April")
    MEI = 5, _("Mei")
    JUNI = 6, _("Juni")
    JULI = 7, _("Juli")
    AGUSTUS = 8, _("Agustus")
    SEPTEMBER = 9, _("September")
    OKTOBER = 10, _("Oktober")
    NOVEMBER = 11, _("November")
    DESEMBER = 12, _("Desember")


class BagianKeputusan(models.TextChoices):
    """The parts of a decree whose items are listed: the considerations (lettered), the legal
    bases (numbered) and the decisions (KESATU, KEDUA, ...)."""

    MENIMBANG = "menimbang", _("Menimbang")
    MENGINGAT = "mengingat", _("Mengingat")
    MEMUTUSKAN = "memutuskan", _("Memutuskan (diktum)")


class JenisLaboratorium(models.TextChoices):
    PENGUJIAN = "pengujian", _("Laboratorium pengujian")
    KALIBRASI = "kalibrasi", _("Laboratorium kalibrasi")


class BesaranLayanan(models.TextChoices):
    """What a yearly service volume counts (LAKIP "Jumlah Sampel/Alat/Sertifikat/Pelatihan/
    Riset/Konsultasi"). Customers are counted per service kind on their own
    (PelangganLayanan) and certificates issued are service results (HasilLayanan)."""

    KEGIATAN = "kegiatan", _("Jumlah kegiatan (pelatihan, konsultasi/supervisi, RBPI, riset)")
    PESERTA = "peserta", _("Jumlah peserta")
    SAMPEL = "sampel", _("Jumlah sampel uji")
    ALAT = "alat", _("Jumlah alat dikalibrasi")


class TabelKepegawaian(models.TextChoices):
    """The thirteen tables of the PP-39's Form Monitoring Kepegawaian, in the order the form
    prints them (BSPJI Manado, Triwulan II 2023)."""

    PELATIHAN = "pelatihan", _("Data pelatihan yang telah diikuti")
    KENAIKAN_PANGKAT = "kenaikan_pangkat", _("Data pegawai yang dalam proses kenaikan pangkat")
    HUKUMAN_DISIPLIN = "hukuman_disiplin", _("Data pegawai yang dijatuhi hukuman disiplin")
    MUTASI = "mutasi", _("Data mutasi/rotasi/promosi pegawai")
    PENSIUN = "pensiun", _("Data pegawai yang telah pensiun")
    JABATAN_FUNGSIONAL = "jabatan_fungsional", _("Rekapitulasi jabatan fungsional tertentu")
    PENDIDIKAN = "pendidikan", _("Rekapitulasi pegawai berdasarkan tingkat pendidikan")
    PENGADUAN = "pengaduan", _("Data pengaduan/keluhan masyarakat")
    GRATIFIKASI = "gratifikasi", _("Data penanganan gratifikasi")
    WHISTLEBLOWING = "whistleblowing", _("Data penanganan whistleblowing")
    PRESTASI = "prestasi", _("Data prestasi")
    PERUNDANGAN = "perundangan", _("Data perundangan yang disusun")
    LSPRO = "lspro", _("Kegiatan LSPro")


T_PEG = TabelKepegawaian
# Which of the tables each row model holds: events of one employee, counts of staff, and the
# records of the unit (complaints, integrity, awards, regulations, certification body).
TABEL_PEGAWAI = (T_PEG.PELATIHAN, T_PEG.KENAIKAN_PANGKAT, T_PEG.HUKUMAN_DISIPLIN, T_PEG.MUTASI,
                 T_PEG.PENSIUN)  # fmt: skip
TABEL_REKAP = (T_PEG.JABATAN_FUNGSIONAL, T_PEG.PENDIDIKAN)
TABEL_CATATAN = (T_PEG.PENGADUAN, T_PEG.GRATIFIKASI, T_PEG.WHISTLEBLOWING, T_PEG.PRESTASI,
                 T_PEG.PERUNDANGAN, T_PEG.LSPRO)  # fmt: skip
