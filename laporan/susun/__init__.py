"""Assembly of the reports: the report model (laporan.dokumen) built from the database for one
satker and one period, every figure computed by kinerja.perhitungan through the selectors."""

from laporan.susun.umum import LaporanTidakAda

__all__ = ["LaporanTidakAda"]
