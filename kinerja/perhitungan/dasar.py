"""Building blocks of every computed figure: the rounding rule, the result with its working,
and the Indonesian formatting of the numbers put into a formula."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from kinerja.formatting import format_angka

MODE_PEMBULATAN = {
    "ROUND_HALF_UP": ROUND_HALF_UP,
    "ROUND_DOWN": ROUND_DOWN,
    "ROUND_HALF_EVEN": ROUND_HALF_EVEN,
}

SERATUS = Decimal(100)


@dataclass(frozen=True)
class Pembulatan:
    """How a reported quantity is rounded: half-up to 2 decimals by default; the mode and the
    precision are settings because some agencies truncate (ROUND_DOWN)."""

    mode: str = ROUND_HALF_UP
    desimal: int = 2

    def __post_init__(self) -> None:
        if self.mode not in MODE_PEMBULATAN.values():
            raise ValueError(f"mode pembulatan tidak dikenal: {self.mode}")
        if not 0 <= self.desimal <= 6:
            raise ValueError(f"jumlah desimal di luar 0..6: {self.desimal}")

    @classmethod
    def dari_nama(cls, mode: str, desimal: int) -> Pembulatan:
        try:
            return cls(MODE_PEMBULATAN[mode], desimal)
        except KeyError as exc:
            raise ValueError(f"mode pembulatan tidak dikenal: {mode}") from exc

    def bulatkan(self, nilai: Decimal, desimal: int | None = None) -> Decimal:
        places = self.desimal if desimal is None else desimal
        return nilai.quantize(Decimal(1).scaleb(-places), rounding=self.mode)


BAKU = Pembulatan()


@dataclass(frozen=True)
class Hasil:
    """A computed figure: its reported (rounded) value, the formula with the numbers put in,
    and, when it cannot be computed, why. `keterangan` says what the inputs are."""

    nilai: Decimal | None
    rumus: str = ""
    alasan: str | None = None
    desimal: int = 2
    keterangan: str = ""
    tambahan: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def dapat_dihitung(self) -> bool:
        return self.nilai is not None

    @property
    def tampil(self) -> str:
        """The value as printed: "363,80"; "–" when it cannot be computed."""
        return "–" if self.nilai is None else format_angka(self.nilai, self.desimal)

    @classmethod
    def gagal(cls, alasan: str) -> Hasil:
        return cls(nilai=None, alasan=f"tidak dapat dihitung: {alasan}")


def angka(nilai: Decimal | int) -> str:
    """A number put into a formula, printed with exactly the precision it was given:
    556.782.250; 3,86; 4,80; 363,80; 92,5. Callers pass reported values as reported."""
    return format_angka(nilai)


def ringkas(nilai: Decimal) -> Decimal:
    """A stored figure without the trailing zeros of its column: 92.5000 → 92.5; 750.0000 →
    750 (how a target is written in the PK)."""
    d = Decimal(nilai)
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def hasil_bulat(
    nilai: Decimal,
    rumus_tanpa_hasil: str,
    pembulatan: Pembulatan,
    *,
    persen: bool,
    desimal: int | None = None,
    keterangan: str = "",
) -> Hasil:
    """Round `nilai` as reported and write the formula ending in that reported value."""
    places = pembulatan.desimal if desimal is None else desimal
    bulat = pembulatan.bulatkan(nilai, places)
    akhir = format_angka(bulat, places) + ("%" if persen else "")
    return Hasil(
        nilai=bulat,
        rumus=f"{rumus_tanpa_hasil} = {akhir}",
        desimal=places,
        keterangan=keterangan,
    )
