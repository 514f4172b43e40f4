"""Path converters that accept only what the data can hold, so that a year or a quarter out of
range is a 404, not an error deeper down."""

from __future__ import annotations

from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN


class TahunConverter:
    """A year the model accepts (TAHUN_MIN..TAHUN_MAX)."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        tahun = int(value)
        if not TAHUN_MIN <= tahun <= TAHUN_MAX:
            raise ValueError(value)
        return tahun

    def to_url(self, value: int) -> str:
        return str(value)


class TriwulanConverter:
    """A quarter, 1 to 4."""

    regex = "[1-4]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
