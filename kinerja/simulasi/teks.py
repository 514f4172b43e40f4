"""The words of a simulated year: planned activities of the Rencana Aksi, activities done,
obstacles and follow-up, review notes. Taken from the wording of the two real reports
(PP-39 BSPJI Manado TW II 2023, LAKIP BSPJI Pekanbaru 2023), grouped by manual indicator."""

from __future__ import annotations

import random

from kinerja.formatting import romawi

# Manual code → the group whose words it uses.
KELOMPOK = {
    "T3/SP1/c": "kolaborasi",
    "T1/SP2/b": "industri40",
    "T1/SP2/c": "industri40",
    "T1/SP2/d": "standardisasi",
    "T1/SP2/e": "standardisasi",
    "T1/SP3/c": "konsultansi",
    "T1/SP3/e": "pnbp",
    "T1/SP3/f": "layanan",
    "T1/SP3/d": "pdn",
    "T4/SP6/b": "audit",
    "T2/SP5/b": "ikm",
    "T4/SP7/a": "sdm",
    "T4/SP8/c": "layanan_publik",
    "T4/SP9/a": "sakip",
    "T4/SP9/b": "keuangan",
}

# Planned activities per quarter (Rencana Aksi), as the real PKs word them.
RENCANA = {
    "kolaborasi": (
        ("Melakukan survei", "Melakukan komunikasi ke instansi terkait"),
        ("Penjajakan MoU dan kerja sama", "Melakukan kegiatan kolaborasi"),
        ("Penerapan dan monitoring di industri", "Memberikan sosialisasi dan/atau pelatihan"),
        ("Melakukan kegiatan monitoring dan evaluasi", "Membuat laporan kegiatan"),
    ),
    "industri40": (
        ("Melakukan survei peluang penerapan industri 4.0",),
        ("Melakukan pendataan industri yang berpeluang menerapkan industri 4.0",),
        ("Asesmen INDI 4.0 dan pendampingan transformasi digital",),
        ("Melakukan monitoring dan evaluasi", "Membuat laporan"),
    ),
    "standardisasi": (
        ("Survei", "Pengumpulan data", "Koordinasi kegiatan"),
        ("Penjajakan MoU dan kerja sama",),
        ("Penerapan dan monitoring di industri",),
        ("Evaluasi dan pelaporan",),
    ),
    "konsultansi": (
        ("Persiapan dan komunikasi dengan industri mengenai proposal", "Rapat tim kerja"),
        ("Penandatanganan MoU", "Pelaksanaan kegiatan sesuai ruang lingkup"),
        ("Pendampingan produksi", "Pembuatan laporan kemajuan"),
        ("Pengujian laboratorium", "Pembuatan laporan akhir", "Seminar akhir"),
    ),
    "pnbp": (
        ("Melakukan kegiatan pemasaran dan promosi", "Melakukan kegiatan pengujian"),
        ("Melakukan kegiatan pemasaran dan promosi",),
        ("Melakukan kegiatan pemasaran dan promosi",),
        ("Melakukan kegiatan monitoring dan evaluasi", "Menyusun laporan"),
    ),
    "layanan": (
        ("Pelayanan jasa pengujian, kalibrasi dan sertifikasi produk kepada industri",),
        ("Pelayanan jasa pengujian, kalibrasi dan sertifikasi produk kepada industri",),
        ("Pelayanan jasa pengujian, kalibrasi dan sertifikasi produk kepada industri",),
        ("Pelayanan jasa kepada industri", "Evaluasi dan pelaporan"),
    ),
    "pdn": (
        ("Penyusunan rencana pengadaan", "Identifikasi pengadaan PDN dan impor"),
        ("Pelaksanaan pengadaan",),
        ("Pelaksanaan pengadaan",),
        ("Pelaksanaan pengadaan", "Evaluasi dan pelaporan"),
    ),
    "audit": (
        ("Pengumpulan bahan dan data dukung", "Pelaksanaan kegiatan pengawasan oleh Itjen"),
        ("Tindak lanjut hasil temuan",),
        ("Evaluasi dan pelaporan",),
        ("Evaluasi dan pelaporan",),
    ),
    "ikm": (
        ("Penyusunan bahan dan kuesioner", "Pengumpulan data survei"),
        ("Edukasi pelanggan dalam pengisian kuesioner", "Pengumpulan data survei"),
        ("Edukasi pelanggan dalam pengisian kuesioner", "Pengumpulan data survei"),
        ("Pengumpulan data survei", "Pengolahan data", "Pelaporan"),
    ),
    "sdm": (
        ("Pengumpulan bahan dan data dukung", "Perencanaan diklat, workshop, bimtek"),
        ("Pengumpulan bahan dan data dukung", "Pelaksanaan diklat, workshop, bimtek"),
        ("Pengolahan data", "Pelaksanaan diklat, workshop, bimtek"),
        ("Evaluasi dan pelaporan",),
    ),
    "layanan_publik": (
        ("Pengumpulan bahan dan data dukung", "Penyebaran informasi layanan kepada pelanggan"),
        ("Penyebaran informasi layanan melalui media sosial, media cetak dan website",),
        ("Penilaian mandiri indeks pelayanan publik",),
        ("Penyebaran informasi layanan kepada pelanggan", "Evaluasi dan pelaporan"),
    ),
    "sakip": (
        ("Pengumpulan bahan dan data dukung",),
        ("Pengumpulan bahan dan data dukung", "Pelaksanaan evaluasi SAKIP"),
        ("Tindak lanjut hasil evaluasi SAKIP",),
        ("Evaluasi dan pelaporan",),
    ),
    "keuangan": (
        ("Pengumpulan bahan dan data dukung", "Rekonsiliasi BMN dan persediaan"),
        ("Penyusunan laporan keuangan dan BMN semester I",),
        ("Rekonsiliasi BMN dan persediaan", "Penyusunan laporan keuangan triwulan III"),
        ("Penyusunan laporan keuangan dan BMN semester II",),
    ),
}  # fmt: skip

# What the satker writes when a line is behind: (kendala, tindak lanjut).
KENDALA = {
    "kolaborasi": (
        ("Jadwal pendampingan dengan mitra industri belum dapat disepakati.",
         "Menyusun ulang jadwal bersama mitra dan menambah tenaga pendamping."),
        ("Data produksi awal perusahaan belum lengkap.",
         "Mengumpulkan data produksi langsung ke lokasi pada bulan berikutnya."),
    ),
    "industri40": (
        ("Perusahaan calon penerima fasilitasi menunda kesediaan mengikuti asesmen INDI 4.0.",
         "Menghubungi perusahaan alternatif dari hasil pendataan."),
        ("Keterbatasan asesor INDI 4.0 yang bersertifikat.",
         "Berkoordinasi dengan balai besar pembina untuk penugasan asesor."),
    ),
    "standardisasi": (
        ("Perusahaan belum siap menyusun dokumen mutu.",
         "Melakukan pendampingan penyusunan dokumen mutu secara daring."),
        ("Penandatanganan perjanjian kerja sama tertunda.",
         "Mempercepat penyelesaian perjanjian kerja sama dengan perusahaan."),
    ),
    "konsultansi": (
        ("Pengadaan peralatan untuk IKM mitra mengalami keterlambatan.",
         "Mempercepat proses pengadaan dan menyesuaikan jadwal pendampingan."),
        ("Bahan baku IKM mitra terbatas sehingga uji coba tertunda.",
         "Menjadwalkan ulang uji coba setelah bahan baku tersedia."),
    ),
    "pnbp": (
        ("Permintaan layanan pengujian menurun karena beberapa pelanggan utama menunda order.",
         "Meningkatkan promosi layanan ke kawasan industri dan instansi daerah."),
        ("Peralatan uji utama dalam perbaikan sehingga layanan terhenti sementara.",
         "Mempercepat perbaikan peralatan dan mengalihkan sampel ke laboratorium mitra."),
    ),
    "layanan": (
        ("Jumlah sampel yang masuk lebih rendah dari tahun lalu.",
         "Melakukan jemput bola sampel dan promosi layanan ke IKM."),
        ("Ruang lingkup akreditasi laboratorium sedang dalam proses perluasan.",
         "Menyelesaikan tindakan perbaikan asesmen KAN."),
    ),
    "pdn": (
        ("Beberapa peralatan laboratorium belum tersedia produk dalam negerinya.",
         "Mencari alternatif produk bersertifikat TKDN melalui e-katalog."),
        ("Pengadaan belanja modal dijadwalkan pada akhir tahun.",
         "Mempercepat proses pengadaan belanja modal."),
    ),
    "audit": (
        ("Beberapa rekomendasi memerlukan koordinasi dengan unit eselon I.",
         "Menyusun rencana aksi tindak lanjut dan memantaunya setiap bulan."),
    ),
    "ikm": (
        ("Jumlah responden survei belum memenuhi sampel minimal.",
         "Mewajibkan pengisian survei pada saat pengambilan laporan hasil uji."),
        ("Keluhan pelanggan terkait waktu penyelesaian layanan.",
         "Menyederhanakan alur layanan dan memantau waktu penyelesaian."),
    ),
    "sdm": (
        ("Sebagian pegawai belum mengikuti pelatihan kompetensi.",
         "Menjadwalkan pelatihan kompetensi pada triwulan berikutnya."),
    ),
    "layanan_publik": (
        ("Aspek inovasi pelayanan belum memiliki bukti dukung yang memadai.",
         "Menyusun dan mendokumentasikan inovasi layanan."),
    ),
    "sakip": (
        ("Rekomendasi evaluasi SAKIP tahun lalu belum seluruhnya ditindaklanjuti.",
         "Menindaklanjuti rekomendasi evaluasi SAKIP sesuai rencana aksi."),
    ),
    "keuangan": (
        ("Rekonsiliasi persediaan terlambat karena perbedaan data SAKTI.",
         "Melakukan rekonsiliasi bulanan dengan KPPN."),
    ),
}  # fmt: skip

KEGIATAN = {
    "kolaborasi": "Pelaksanaan kolaborasi dengan {mitra}",
    "industri40": "Pendampingan transformasi industri 4.0 di {mitra}",
    "standardisasi": "Pendampingan penerapan standar di {mitra}",
    "konsultansi": "Pelaksanaan jasa konsultansi di {mitra}",
    "pnbp": "Kunjungan promosi layanan pengujian dan kalibrasi ke {mitra}",
    "layanan": "Pelayanan jasa pengujian, kalibrasi dan sertifikasi kepada {mitra}",
    "pdn": "Pengadaan barang dan jasa dengan mengutamakan produk dalam negeri",
    "audit": "Penyelesaian tindak lanjut rekomendasi hasil pengawasan Inspektorat Jenderal",
    "ikm": "Pengumpulan data survei kepuasan masyarakat dari pelanggan",
    "sdm": "Pelaksanaan pengembangan kompetensi pegawai",
    "layanan_publik": "Penyebaran informasi layanan melalui media sosial dan website",
    "sakip": "Penyusunan dan perbaikan dokumen SAKIP",
    "keuangan": "Rekonsiliasi BMN dan persediaan serta penyusunan laporan keuangan",
}

TANPA_KENDALA = "Tidak terdapat kendala pada kegiatan ini."
LANJUT_SESUAI_RENCANA = (
    "Rencana triwulan selanjutnya adalah melakukan kegiatan sesuai rencana yang telah ditentukan."
)
LANJUT_TAHUN_DEPAN = "Hasil kegiatan dievaluasi sebagai bahan perencanaan tahun berikutnya."
MITRA_UMUM = ("IKM binaan", "instansi daerah", "kawasan industri", "asosiasi industri")


def butir(daftar: tuple[str, ...] | list[str]) -> str:
    """A bullet list as the fixtures write them: one item a line starting with "- "."""
    return "".join(f"- {x}\n" for x in daftar)


def rencana_kegiatan(kode: str, triwulan: int) -> str:
    return butir(RENCANA[KELOMPOK[kode]][triwulan - 1])


def kegiatan(
    rng: random.Random, kode: str, triwulan: int, mitra: str | None, data: str | None
) -> str:
    """Activities done in the quarter: the group's activity, and the sentence the supporting
    data give (an amount, a count, a score) where there are any."""
    daftar = [KEGIATAN[KELOMPOK[kode]].format(mitra=mitra or rng.choice(MITRA_UMUM))]
    daftar.extend(RENCANA[KELOMPOK[kode]][triwulan - 1][:1])
    if data:
        daftar.append(data)
    return butir(list(dict.fromkeys(daftar)))


def kendala(rng: random.Random, kode: str) -> tuple[str, str]:
    """(kendala, tindak lanjut) of a line behind its plan."""
    return rng.choice(KENDALA[KELOMPOK[kode]])


def analisis(
    triwulan: int, tahun: int, target_antara: str, realisasi_antara: str, tertinggal: bool
) -> str:
    kalimat = (
        f"Pada Triwulan {romawi(triwulan)} TA. {tahun} target antara indikator ini "
        f"{target_antara}% dengan realisasi {realisasi_antara}%."
    )
    if tertinggal:
        return f"{kalimat} Realisasi masih di bawah rencana; penyebabnya diuraikan pada kendala."
    return f"{kalimat} Realisasi sesuai dengan rencana kegiatan yang telah disusun."


def rekomendasi(tertinggal: bool) -> str:
    if tertinggal:
        return (
            "Percepatan pelaksanaan kegiatan pada triwulan berikutnya dengan pemantauan "
            "berkala oleh koordinator."
        )
    return "Kegiatan telah berjalan sesuai rencana dan dipertahankan pada triwulan berikutnya."


# Review notes of a returned quarter: one about a line, one about the report as a whole.
CATATAN_BARIS = (
    "{kode}: lengkapi bukti dukung realisasi kegiatan.",
    "{kode}: uraian kendala belum menjelaskan penyebab realisasi di bawah rencana.",
    "{kode}: nilai realisasi belum sesuai dengan data dukung yang diunggah.",
    "{kode}: uraikan realisasi kegiatan triwulan ini secara rinci.",
)
CATATAN_UMUM = (
    "Lengkapi realisasi anggaran s.d. bulan {bulan} sesuai data SAKTI.",
    "Perbaiki narasi hasil dan analisis capaian sesuai format PP-39.",
)
ALASAN_PERPANJANGAN = (
    "Perbaikan laporan Triwulan IV sesuai catatan reviu dan penyesuaian data SAKTI akhir tahun."
)
