"""The budget: DIPA and its revisions, the RKA-K/L code tree with pagu on its leaves, the
progress series, the e-Monev component recap, the ALKI activities, and the PNBP targets."""

from kinerja.models.anggaran.dipa import Dipa, RevisiDipa, TargetPnbp
from kinerja.models.anggaran.monitoring import KegiatanAlki, RekapKomponen
from kinerja.models.anggaran.struktur import ItemAnggaran, ProgresAnggaran

__all__ = [
    "Dipa",
    "ItemAnggaran",
    "KegiatanAlki",
    "ProgresAnggaran",
    "RekapKomponen",
    "RevisiDipa",
    "TargetPnbp",
]
