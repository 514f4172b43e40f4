"""The LAKIP's tables that are not figures of an indicator, entered on the same table pages
as the supporting data (same history and stale-save check): the review-team decree with its
items and members, the laboratories' scopes, promotion activities, staff trainings, the
budget of earlier years, customers and service volumes per year."""

from __future__ import annotations

from django.db.models import Q

from kinerja.models import (
    AnggotaTimReviu,
    ButirKeputusan,
    KegiatanPromosi,
    KeputusanTimReviu,
    PelangganLayanan,
    PelatihanPegawai,
    RiwayatAnggaran,
    RuangLingkupLaboratorium,
    VolumeLayanan,
)
from kinerja.views.jenis_data import TABEL_LAPORAN, JenisData


def _keputusan(satker, tahun):
    return KeputusanTimReviu.objects.filter(satker=satker, tahun=tahun)


JENIS_TABEL: dict[str, JenisData] = {
    "keputusan-tim-reviu": JenisData(
        "Keputusan tim reviu",
        KeputusanTimReviu,
        (
            "nomor",
            "tentang",
            "tempat",
            "tanggal",
            "penandatangan_jabatan",
            "penandatangan_nama",
            "penandatangan_nip",
        ),
        lambda s, t: Q(satker=s, tahun=t),
        isi_tahun=True,
        keterangan="Keputusan kepala satker yang membentuk tim reviu LAKIP tahun ini, dicetak "
        "sebelum sampul LAKIP. Butir menimbang, mengingat dan diktumnya diisi pada Butir "
        "keputusan, anggota tim pada Anggota tim reviu.",
        kelompok=TABEL_LAPORAN,
    ),
    "butir-keputusan": JenisData(
        "Butir keputusan",
        ButirKeputusan,
        ("keputusan", "bagian", "nomor", "teks"),
        lambda s, t: Q(satker=s, keputusan__tahun=t),
        keterangan="Menimbang (dicetak a., b., ...), mengingat (1., 2., ...) dan diktum "
        "memutuskan (KESATU, KEDUA, ...), menurut nomor urut.",
        pilihan={"keputusan": _keputusan},
        kelompok=TABEL_LAPORAN,
    ),
    "anggota-tim-reviu": JenisData(
        "Anggota tim reviu",
        AnggotaTimReviu,
        ("keputusan", "nomor", "nama", "nip", "jabatan", "uraian_tugas"),
        lambda s, t: Q(satker=s, keputusan__tahun=t),
        keterangan="Susunan keanggotaan tim pada lampiran keputusan.",
        pilihan={"keputusan": _keputusan},
        kelompok=TABEL_LAPORAN,
    ),
    "ruang-lingkup": JenisData(
        "Ruang lingkup laboratorium",
        RuangLingkupLaboratorium,
        ("laboratorium", "nomor", "lingkup", "rincian", "terakreditasi"),
        lambda s, t: Q(satker=s, tahun=t),
        isi_tahun=True,
        keterangan="Pengujian: komoditi dan standar acuan; kalibrasi: kelompok pengukuran dan "
        "jenis alat (satu per baris). Dicetak di Bab I LAKIP.",
        kelompok=TABEL_LAPORAN,
    ),
    "kegiatan-promosi": JenisData(
        "Kegiatan promosi dan pemasaran",
        KegiatanPromosi,
        ("nomor", "bulan", "uraian"),
        lambda s, t: Q(satker=s, tahun=t),
        isi_tahun=True,
        keterangan="Dicetak per bulan pada bagian indikator PNBP layanan jasa.",
        kelompok=TABEL_LAPORAN,
    ),
    "pelatihan-pegawai": JenisData(
        "Pelatihan pegawai",
        PelatihanPegawai,
        ("pegawai", "nama_pelatihan", "tanggal_mulai", "tanggal_selesai"),
        lambda s, t: Q(satker=s, tanggal_mulai__year=t),
        keterangan="Pelatihan, bimbingan teknis, workshop dan seminar yang dimulai tahun ini; "
        "dicetak per pegawai pada bagian indikator profesionalitas ASN.",
        kelompok=TABEL_LAPORAN,
    ),
    "riwayat-anggaran": JenisData(
        "Anggaran tahun sebelumnya",
        RiwayatAnggaran,
        ("tahun", "pagu", "realisasi"),
        lambda s, t: Q(satker=s, tahun__lt=t),
        keterangan="Pagu dan realisasi tahun-tahun yang pohon anggarannya tidak ada di "
        "aplikasi; tahun yang pohonnya ada dihitung dari pohon itu.",
        kelompok=TABEL_LAPORAN,
    ),
    "pelanggan": JenisData(
        "Pelanggan layanan",
        PelangganLayanan,
        ("tahun", "jenis", "industri", "non_industri"),
        lambda s, t: Q(satker=s, tahun__range=(t - 3, t)),
        keterangan="Jumlah pelanggan per jenis layanan, tahun ini dan tiga tahun sebelumnya.",
        kelompok=TABEL_LAPORAN,
    ),
    "volume-layanan": JenisData(
        "Volume layanan",
        VolumeLayanan,
        ("tahun", "jenis", "besaran", "jumlah"),
        lambda s, t: Q(satker=s, tahun__range=(t - 3, t)),
        keterangan="Jumlah pelatihan dan pesertanya, sampel uji, alat dikalibrasi, "
        "konsultasi, RBPI. Jumlah pelanggan diambil dari Pelanggan layanan dan jumlah "
        "sertifikat dari Hasil layanan jasa; keduanya tidak diisi di sini.",
        kelompok=TABEL_LAPORAN,
    ),
}
