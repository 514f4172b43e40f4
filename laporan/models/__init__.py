from laporan.models.berkas import BerkasLaporan
from laporan.models.narasi import IdentitasLaporan, NarasiLaporan

__all__ = ["BerkasLaporan", "IdentitasLaporan", "NarasiLaporan"]
