"""The budget: DIPA and its revisions, the RKA-K/L code tree with pagu on its leaves, the
progress series, the e-Monev component recap, the ALKI activities, the PNBP targets and the
budget of the years before the tree."""

from kinerja.models.anggaran.dipa import (
    Dipa,
    RealisasiDipa,
    RevisiDipa,
    RiwayatAnggaran,
    TargetPnbp,
)
from kinerja.models.anggaran.monitoring import KegiatanAlki, RekapKomponen
from kinerja.models.anggaran.struktur import ItemAnggaran, ProgresAnggaran

__all__ = [
    "Dipa",
    "ItemAnggaran",
    "KegiatanAlki",
    "ProgresAnggaran",
    "RealisasiDipa",
    "RekapKomponen",
    "RevisiDipa",
    "RiwayatAnggaran",
    "TargetPnbp",
]
