"""Which manual indicators a simulated PK carries, with what target, and how each line ends
the year: on track, behind, or far above its target. Targets are those the two real PKs
use for the same manual code (Manado and Pekanbaru 2023), spread a little."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from kinerja.simulasi.acak import acak_desimal, batasi, bulat

SESUAI, TERTINGGAL, MELAMPAUI = "sesuai", "tertinggal", "melampaui"

# Sasaran kegiatan of the PK (numbered I..VIII), worded as the real PKs word them.
SASARAN = {
    1: "Meningkatnya Daya Saing Industri Pengolahan Nonmigas",
    2: "Penguatan Implementasi Making Indonesia 4.0",
    3: "Meningkatnya kemampuan industri barang dan jasa dalam negeri",
    4: "Tercapainya Pengawasan Internal yang Efektif dan Efisien",
    5: "Terselenggaranya Urusan Pemerintahan di Bidang Perindustrian yang Berkelanjutan",
    6: "Terwujudnya ASN BSKJI yang Profesional",
    7: "Penguatan Layanan Publik",
    8: "Penguatan Akuntabilitas Organisasi",
}

# Kinds of value: a growth or a productivity in percent, a count, a share of 100, a score.
TUMBUH, JUMLAH, PERSEN, INDEKS = "tumbuh", "jumlah", "persen", "indeks"


@dataclass(frozen=True)
class Spek:
    kode: str
    sasaran: int
    target_balai: tuple[str, ...]
    target_besar: tuple[str, ...]
    jenis: str
    maks: Decimal | None = None  # the highest value a satker plausibly reaches

    @property
    def boleh_melampaui(self) -> bool:
        """Only counts and growths can end far above their target; a score cannot."""
        return self.jenis in (TUMBUH, JUMLAH) or self.kode == "T1/SP3/d"


D = Decimal
# In PK order: sasaran, then the order of the real PKs within it.
SPEK = (
    Spek("T3/SP1/c", 1, ("5", "6", "8", "10"), ("6", "8", "10", "12"), TUMBUH),
    Spek("T1/SP2/b", 2, (), ("2", "3", "4", "5"), JUMLAH),
    Spek("T1/SP2/c", 2, (), ("3.5", "3.6"), INDEKS, D("3.95")),
    Spek("T1/SP2/d", 2, ("1", "2", "3"), ("2", "3", "4", "5"), JUMLAH),
    Spek("T1/SP2/e", 2, ("3.5", "3.6"), ("3.5", "3.6"), INDEKS, D("3.95")),
    Spek("T1/SP3/c", 3, ("5", "6", "8", "10"), ("6", "8", "10", "12"), TUMBUH),
    Spek("T1/SP3/e", 3, ("3", "4", "5", "6", "7.5"), ("4", "5", "6", "7.5", "10"), TUMBUH),
    Spek("T1/SP3/f", 3, ("3", "4", "5"), ("4", "5", "6"), TUMBUH),
    Spek("T1/SP3/d", 3, ("40", "43", "45"), ("43", "45", "50"), PERSEN, D(95)),
    Spek("T4/SP6/b", 4, ("90", "92.5", "95"), ("92.5", "95"), PERSEN, D(100)),
    Spek("T2/SP5/b", 5, ("3.4", "3.5", "3.55", "3.6"), ("3.5", "3.55", "3.6"), INDEKS, D("3.95")),
    Spek("T4/SP7/a", 6, ("70", "71", "72", "73"), ("72", "73", "75"), INDEKS, D(95)),
    Spek("T4/SP8/c", 7, ("3.5", "3.53", "3.56"), ("3.53", "3.56", "3.6"), INDEKS, D("4.9")),
    Spek("T4/SP9/a", 8, ("75", "77", "78", "80.4"), ("77", "78", "80", "80.4"), INDEKS, D(92)),
    Spek("T4/SP9/b", 8, ("90", "92", "95"), ("90", "92", "95"), INDEKS, D("99.5")),
)
SPEK_PER_KODE = {s.kode: s for s in SPEK}
KODE_MANUAL = tuple(s.kode for s in SPEK)

# The manual's note on T1/SP2/c and T1/SP2/e: "Indikator ini mulai berlaku di tahun 2024".
BERLAKU_MULAI = {"T1/SP2/c": 2024, "T1/SP2/e": 2024}
# T1/SP2/b and T1/SP2/c are for every Balai Besar ("Seluruh Balai Besar" in the manual).
HANYA_BALAI_BESAR = {"T1/SP2/b", "T1/SP2/c"}
# Lines a satker may leave out of its PK (Manado 2023 has no T1/SP3/f).
PELUANG_OPSIONAL = {"T1/SP3/f": 0.75}

# Cumulative target antara (% of the year) per quarter, as the real Rencana Aksi set them.
POLA_TARGET_ANTARA = (
    (25, 50, 75, 100),
    (10, 30, 60, 100),
    (10, 40, 70, 100),
    (20, 45, 75, 100),
    (15, 40, 70, 100),
)


@dataclass(frozen=True)
class ProfilBaris:
    """How one PK line goes: its target, the value it should end the year at, and its
    cumulative progress (realisasi antara) against the Rencana Aksi, quarter I..IV."""

    spek: Spek
    target: Decimal
    kelas: str
    nilai_akhir: Decimal
    target_antara: tuple[Decimal, ...]
    realisasi_antara: tuple[Decimal, ...]

    @property
    def kode(self) -> str:
        return self.spek.kode


@dataclass(frozen=True)
class WatakSatker:
    """How a satker tends to do: the chance a line of it is behind or far above, and the
    Rencana Aksi pattern it uses. Each satker differs, so the dashboard ranking differs."""

    peluang_tertinggal: float
    peluang_melampaui: float
    pola: tuple[int, ...]


def watak(rng: random.Random) -> WatakSatker:
    mutu = rng.random()
    return WatakSatker(
        peluang_tertinggal=0.03 + 0.27 * (1 - mutu),
        peluang_melampaui=0.03 + 0.12 * rng.random(),
        pola=rng.choice(POLA_TARGET_ANTARA),
    )


def pilih_spek(rng: random.Random, tahun: int, besar: bool) -> list[Spek]:
    """The manual indicators of the satker's PK, in PK order."""
    dipilih = []
    for s in SPEK:
        if tahun < BERLAKU_MULAI.get(s.kode, 0):
            continue
        if s.kode in HANYA_BALAI_BESAR and not besar:
            continue
        if s.kode in PELUANG_OPSIONAL and rng.random() >= PELUANG_OPSIONAL[s.kode]:
            continue
        dipilih.append(s)
    return dipilih


def profil(
    rng: random.Random, spek: Spek, besar: bool, w: WatakSatker, tetap: Decimal | None = None
) -> ProfilBaris:
    """How the line goes. `tetap` is a value the year already has (a real external score of
    a roster satker): the target is then set so that the line ends as its class says."""
    target = D(rng.choice(spek.target_besar if besar else spek.target_balai))
    r = rng.random()
    if spek.boleh_melampaui and r < w.peluang_melampaui:
        kelas = MELAMPAUI
    elif r < w.peluang_melampaui + w.peluang_tertinggal:
        kelas = TERTINGGAL
    else:
        kelas = SESUAI
    capaian = _capaian(rng, spek, kelas)
    if tetap is None:
        nilai_akhir = _nilai_akhir(spek, target * capaian / 100)
    else:
        nilai_akhir = tetap
        setengah = tetap * 2 * 100 / capaian
        # Whole halves: down when the score should reach the target, up when it should not.
        setengah = setengah.to_integral_value(
            rounding=ROUND_FLOOR if kelas != TERTINGGAL else ROUND_CEILING
        )
        target = setengah / 2
        if spek.maks is not None:
            target = min(target, spek.maks)
    pola = w.pola if rng.random() < 0.85 else rng.choice(POLA_TARGET_ANTARA)
    target_antara = tuple(D(t) for t in pola)
    return ProfilBaris(
        spek=spek,
        target=target,
        kelas=kelas,
        nilai_akhir=nilai_akhir,
        target_antara=target_antara,
        realisasi_antara=_realisasi_antara(rng, target_antara, kelas),
    )


def _capaian(rng: random.Random, spek: Spek, kelas: str) -> Decimal:
    """The capaian (% of target) the line should end the year at. A score behind its target
    is a few points short; a count or a growth can fall far short."""
    skor = spek.jenis == INDEKS or spek.kode == "T4/SP6/b"
    if kelas == MELAMPAUI:
        return acak_desimal(rng, "150", "300")
    if kelas == TERTINGGAL:
        return acak_desimal(rng, "85", "98") if skor else acak_desimal(rng, "60", "95")
    return acak_desimal(rng, "102", "112") if skor else acak_desimal(rng, "102", "125")


def _nilai_akhir(spek: Spek, nilai: Decimal) -> Decimal:
    """The value the line should reach by 31 December, within what the measure allows."""
    if spek.maks is not None:
        nilai = min(nilai, spek.maks)
    if spek.jenis == JUMLAH:
        return bulat(nilai, 0)
    return bulat(nilai, 2)


def _realisasi_antara(
    rng: random.Random, target_antara: tuple[Decimal, ...], kelas: str
) -> tuple[Decimal, ...]:
    """Cumulative progress, never falling: on track follows the plan (sometimes ahead), far
    above runs ahead, behind falls short from some quarter on and does not reach 100."""
    mulai_tertinggal = rng.choices((1, 2, 3, 4), weights=(15, 25, 30, 30))[0]
    hasil: list[Decimal] = []
    for i, ta in enumerate(target_antara, start=1):
        if kelas == TERTINGGAL and i >= mulai_tertinggal:
            ra = bulat(ta * acak_desimal(rng, "0.60", "0.95"), 0)
        elif kelas == MELAMPAUI:
            ra = bulat(ta * acak_desimal(rng, "1.10", "1.40"), 0)
        elif i < 4 and rng.random() < 0.3:
            ra = ta + rng.randint(1, 10)
        else:
            ra = ta
        ra = batasi(ra, 0, 100)
        if hasil:
            ra = max(ra, hasil[-1])
        hasil.append(ra)
    return tuple(hasil)
