from kinerja.models.indikator import IndikatorKinerja
from kinerja.models.pengukuran import NarasiIndikator, RealisasiTriwulan
from kinerja.models.perjanjian import IndikatorPerjanjian, PerjanjianKinerja, SasaranKegiatan
from kinerja.models.rencana_aksi import RencanaAksi
from kinerja.models.renstra import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    SasaranRenstra,
    TargetRenstra,
)

__all__ = [
    "IndikatorKinerja",
    "IndikatorPerjanjian",
    "IndikatorRenstra",
    "NarasiIndikator",
    "PaguIndikatifRenstra",
    "PerjanjianKinerja",
    "RealisasiTriwulan",
    "RencanaAksi",
    "Renstra",
    "SasaranKegiatan",
    "SasaranRenstra",
    "TargetRenstra",
]
