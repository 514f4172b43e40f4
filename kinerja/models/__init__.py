from kinerja.models.anggaran import (
    Dipa,
    ItemAnggaran,
    KegiatanAlki,
    ProgresAnggaran,
    RekapKomponen,
    RevisiDipa,
    TargetPnbp,
)
from kinerja.models.hasil import HasilPerhitungan, RingkasanAnggaran
from kinerja.models.indikator import IndikatorKinerja
from kinerja.models.kepegawaian import (
    CatatanMonitoring,
    MonitoringKepegawaian,
    PeristiwaPegawai,
    RekapPegawai,
)
from kinerja.models.laporan_kegiatan import KendalaKegiatan, LaporanKegiatan
from kinerja.models.layanan import HasilLayanan, PenerimaanPnbp
from kinerja.models.layanan_publik import AspekLayananPublik, PenilaianLayananPublik
from kinerja.models.nilai_eksternal import NilaiLaporanKeuangan, NilaiSakip
from kinerja.models.pdn import BelanjaPdn
from kinerja.models.pengawasan import RekomendasiAudit
from kinerja.models.pengukuran import NarasiIndikator, RealisasiTriwulan
from kinerja.models.perjanjian import IndikatorPerjanjian, PerjanjianKinerja, SasaranKegiatan
from kinerja.models.perusahaan import ButirCapaian, PengukuranPerusahaan
from kinerja.models.rencana_aksi import RencanaAksi
from kinerja.models.renstra import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    SasaranRenstra,
    TargetRenstra,
)
from kinerja.models.sdm import NilaiProfesionalitas
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

__all__ = [
    "AspekLayananPublik",
    "BelanjaPdn",
    "BuktiDukung",
    "ButirCapaian",
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
    "KendalaKegiatan",
    "LaporanKegiatan",
    "MonitoringKepegawaian",
    "NarasiIndikator",
    "NilaiLaporanKeuangan",
    "NilaiProfesionalitas",
    "NilaiSakip",
    "PaguIndikatifRenstra",
    "PelaporanTriwulan",
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
    "RealisasiTriwulan",
    "RekapKomponen",
    "RekapPegawai",
    "RekomendasiAudit",
    "RencanaAksi",
    "Renstra",
    "RevisiDipa",
    "RingkasanAnggaran",
    "RiwayatPerubahan",
    "SasaranKegiatan",
    "SasaranRenstra",
    "SnapshotPelaporan",
    "StatusPelaporan",
    "SurveiKepuasan",
    "TargetPnbp",
    "TargetRenstra",
    "UnsurSurvei",
]
