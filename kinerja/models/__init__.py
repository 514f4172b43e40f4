from kinerja.models.anggaran import (
    Dipa,
    ItemAnggaran,
    KegiatanAlki,
    ProgresAnggaran,
    RealisasiDipa,
    RekapKomponen,
    RevisiDipa,
    RiwayatAnggaran,
    TargetPnbp,
)
from kinerja.models.hasil import HasilPerhitungan, RingkasanAnggaran
from kinerja.models.indikator import IndikatorKinerja, VersiIndikator
from kinerja.models.kepegawaian import (
    CatatanMonitoring,
    MonitoringKepegawaian,
    PeristiwaPegawai,
    RekapPegawai,
)
from kinerja.models.keputusan import AnggotaTimReviu, ButirKeputusan, KeputusanTimReviu
from kinerja.models.laporan_kegiatan import KendalaKegiatan, LaporanKegiatan
from kinerja.models.layanan import (
    HasilLayanan,
    KegiatanPromosi,
    PelangganLayanan,
    PenerimaanPnbp,
    RuangLingkupLaboratorium,
    VolumeLayanan,
)
from kinerja.models.layanan_publik import AspekLayananPublik, PenilaianLayananPublik
from kinerja.models.nilai_eksternal import NilaiLaporanKeuangan, NilaiSakip
from kinerja.models.pdn import BelanjaPdn
from kinerja.models.pengawasan import RekomendasiAudit
from kinerja.models.pengukuran import NarasiIndikator, RealisasiTriwulan
from kinerja.models.perjanjian import (
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RevisiPerjanjian,
    SasaranKegiatan,
    StatusPerjanjian,
)
from kinerja.models.perusahaan import ButirCapaian, PengukuranPerusahaan
from kinerja.models.rencana_aksi import RencanaAksi
from kinerja.models.renstra import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    SasaranRenstra,
    TargetRenstra,
)
from kinerja.models.sdm import NilaiProfesionalitas, PelatihanPegawai
from kinerja.models.siklus import (
    BuktiDukung,
    CatatanReviu,
    PelaporanTriwulan,
    PengingatTerkirim,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerpanjanganPeriode,
    RiwayatPerubahan,
    SnapshotPelaporan,
    StatusPelaporan,
)
from kinerja.models.survei import SurveiKepuasan, UnsurSurvei
from kinerja.models.tahun import PembukaanTahun, StatusPembukaan

__all__ = [
    "AnggotaTimReviu",
    "AspekLayananPublik",
    "BelanjaPdn",
    "BuktiDukung",
    "ButirCapaian",
    "ButirKeputusan",
    "CatatanMonitoring",
    "CatatanReviu",
    "Dipa",
    "HasilLayanan",
    "HasilPerhitungan",
    "IndikatorKinerja",
    "IndikatorPerjanjian",
    "IndikatorRenstra",
    "ItemAnggaran",
    "KegiatanAlki",
    "KegiatanPromosi",
    "KendalaKegiatan",
    "KeputusanTimReviu",
    "LaporanKegiatan",
    "MonitoringKepegawaian",
    "NarasiIndikator",
    "NilaiLaporanKeuangan",
    "NilaiProfesionalitas",
    "NilaiSakip",
    "PaguIndikatifRenstra",
    "PelangganLayanan",
    "PelaporanTriwulan",
    "PelatihanPegawai",
    "PembukaanTahun",
    "PenerimaanPnbp",
    "PengingatTerkirim",
    "PengukuranPerusahaan",
    "PenilaianLayananPublik",
    "PeriodePelaporan",
    "PeristiwaPegawai",
    "PeristiwaPelaporan",
    "PerjanjianKinerja",
    "PerpanjanganPeriode",
    "ProgresAnggaran",
    "RealisasiDipa",
    "RealisasiTriwulan",
    "RekapKomponen",
    "RekapPegawai",
    "RekomendasiAudit",
    "RencanaAksi",
    "Renstra",
    "RevisiDipa",
    "RevisiPerjanjian",
    "RingkasanAnggaran",
    "RiwayatAnggaran",
    "RiwayatPerubahan",
    "RuangLingkupLaboratorium",
    "SasaranKegiatan",
    "SasaranRenstra",
    "SnapshotPelaporan",
    "StatusPelaporan",
    "StatusPembukaan",
    "StatusPerjanjian",
    "SurveiKepuasan",
    "TargetPnbp",
    "TargetRenstra",
    "UnsurSurvei",
    "VersiIndikator",
    "VolumeLayanan",
]
