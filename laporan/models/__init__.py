from laporan.models.berkas import BerkasLaporan
from laporan.models.gambar import GambarLaporan
from laporan.models.narasi import IdentitasLaporan, NarasiLaporan

__all__ = ["BerkasLaporan", "GambarLaporan", "IdentitasLaporan", "NarasiLaporan"]
