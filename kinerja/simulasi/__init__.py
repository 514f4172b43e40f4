"""Simulated data for the satker without real data: a complete, plausible year per satker
(PK, Rencana Aksi, measurements, supporting data, budget, reporting states), deterministic
for a seed, for the dashboard of all balai and for measuring scale. See
`manage.py buat_simulasi` and kinerja/simulasi/layanan.py."""

from kinerja.simulasi.layanan import (
    KODE_SATKER_NYATA,
    HasilSimulasi,
    SimulasiError,
    buat_simulasi,
)

__all__ = ["KODE_SATKER_NYATA", "HasilSimulasi", "SimulasiError", "buat_simulasi"]
