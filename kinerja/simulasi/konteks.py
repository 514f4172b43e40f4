"""What every part of one satker's simulated year shares: its random stream, the satker,
the year, how far its data go, where its rows are collected, and the names it has used."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.perhitungan.dasar import Pembulatan
from kinerja.simulasi.acak import akhir_triwulan
from kinerja.simulasi.simpan import Bundel
from satker.models import Satker

TRIWULAN = (1, 2, 3, 4)


@dataclass
class Keluaran:
    """What a supporting-data generator gives the PK line it feeds, per quarter I..IV: the
    realisasi the data give (None without data), a sentence for the activity text, and, for
    an indicator whose quarters are summed, the quarter's own value the satker reports."""

    nilai: list[Decimal | None] = field(default_factory=lambda: [None] * 4)
    uraian: list[str] = field(default_factory=lambda: [""] * 4)
    laporan: list[Decimal | None] | None = None
    info: dict[str, int] = field(default_factory=dict)


# Words for the companies and places a simulated satker works with.
AWALAN_PERUSAHAAN = ("PT", "CV", "UD", "IKM", "Koperasi")
KATA_PERUSAHAAN = (
    "Sumber", "Maju", "Jaya", "Makmur", "Sinar", "Karya", "Mandiri", "Berkah", "Sentosa",
    "Abadi", "Lestari", "Utama", "Nusantara", "Bahari", "Tirta", "Agro", "Mitra", "Sejahtera",
    "Harapan", "Cahaya", "Rezeki", "Bumi", "Prima", "Kencana",
)  # fmt: skip
PRODUK = (
    ("keripik pisang", "kg/bulan"), ("kopi bubuk", "kg/bulan"), ("gula aren", "kg/bulan"),
    ("ikan asap", "kg/bulan"), ("minyak kelapa", "liter/bulan"), ("tahu", "kg/hari"),
    ("sabun cair", "liter/bulan"), ("batik cap", "lembar/bulan"), ("rotan anyam", "unit/bulan"),
    ("arang tempurung", "kg/bulan"), ("abon ikan", "kg/bulan"), ("dodol", "kg/bulan"),
)  # fmt: skip


@dataclass
class KonteksSatker:
    rng: random.Random
    satker: Satker
    tahun: int
    besar: bool  # a Balai Besar
    pembulatan: Pembulatan
    terisi: frozenset[int]  # the quarters the satker has filled (not late)
    bundel: Bundel
    nama_dipakai: set[str] = field(default_factory=set)

    @property
    def q_data(self) -> int:
        """The last quarter the satker has filled (0: none)."""
        return max(self.terisi, default=0)

    @property
    def batas_data(self) -> datetime.date:
        """The last day the satker's entered supporting data reach."""
        if self.q_data == 0:
            return datetime.date(self.tahun, 1, 1)
        return akhir_triwulan(self.tahun, self.q_data)

    def perusahaan(self) -> str:
        """A company name not yet used by this satker (the manual forbids claiming the same
        company for two indicators)."""
        for _ in range(200):
            kata = " ".join(self.rng.sample(KATA_PERUSAHAAN, 2))
            nama = f"{self.rng.choice(AWALAN_PERUSAHAAN)} {kata}"
            if nama not in self.nama_dipakai:
                self.nama_dipakai.add(nama)
                return nama
        nama = f"IKM Mitra {len(self.nama_dipakai) + 1}"
        self.nama_dipakai.add(nama)
        return nama
