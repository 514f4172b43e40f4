"""The formats a report can be written in, as a registry of renderer objects (after pretix's
BaseExporter): each renderer module under laporan/render/ registers one object with its
identifier, verbose name, content type, file extension and `render(laporan)`. The format
choices, the request validation, the Laporan page, the API and `render_laporan --format` all
read this registry, so a new format is one new module named in RENDERER_MODULES.

Renderer modules stay light to import (the registry is read when the models load): the library
that writes a format (WeasyPrint, openpyxl, python-docx) is imported when a report is rendered."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeVar

if TYPE_CHECKING:
    from laporan.dokumen import Laporan

# How far a rendering is: (steps done, steps in all, what the step was).
Progres = Callable[[int, int, str], None]

# The renderer modules, in the order the formats are offered.
RENDERER_MODULES = ("pdf", "xlsx", "docx", "html")


@dataclass(frozen=True)
class HasilRender:
    """A rendered file: its bytes, and its page count where the renderer lays pages out."""

    isi: bytes
    halaman: int | None = None


class Renderer:
    """A format the report model can be written in."""

    identifier: ClassVar[str]  # the value of BerkasLaporan.format: "pdf"
    verbose_name: ClassVar[str]  # what a user reads: "Word (.docx)"
    content_type: ClassVar[str]
    extension: ClassVar[str]  # without the dot

    def render(
        self, laporan: Laporan, *, segar: bool = False, progres: Progres | None = None
    ) -> HasilRender:
        """The report written in this format. `segar`: from nothing cached; `progres(selesai,
        total, langkah)` hears how far a long rendering is."""
        raise NotImplementedError


class FormatTidakDikenal(ValueError):
    """A format no renderer is registered for."""


_registry: dict[str, Renderer] = {}
_loaded = False

R = TypeVar("R", bound=type[Renderer])


def register(cls: R) -> R:
    """Class decorator: register one instance of the renderer under its identifier."""
    if cls.identifier in _registry and type(_registry[cls.identifier]) is not cls:
        raise ValueError(f"format {cls.identifier!r} sudah terdaftar")
    _registry[cls.identifier] = cls()
    return cls


def _load() -> None:
    global _loaded
    if not _loaded:
        for name in RENDERER_MODULES:
            importlib.import_module(f"laporan.render.{name}")
        _loaded = True


def renderers() -> list[Renderer]:
    """Every registered renderer, in the order of RENDERER_MODULES (whatever order the modules
    happened to be imported in)."""
    _load()
    urutan = {f"laporan.render.{m}": i for i, m in enumerate(RENDERER_MODULES)}
    return sorted(_registry.values(), key=lambda r: urutan.get(type(r).__module__, len(urutan)))


def identifiers() -> list[str]:
    """The registered formats: ["pdf", "xlsx", "docx", "html"]."""
    return [r.identifier for r in renderers()]


def get(identifier: str) -> Renderer:
    """The renderer of a format; FormatTidakDikenal (with the user's message) otherwise."""
    _load()
    try:
        return _registry[identifier]
    except KeyError:
        raise FormatTidakDikenal(unknown_format_message()) from None


def unknown_format_message() -> str:
    """The refusal of an unknown format, naming the registered ones: "Format harus pdf,
    xlsx, docx atau html." """
    nama = identifiers()
    daftar = nama[0] if len(nama) == 1 else f"{', '.join(nama[:-1])} atau {nama[-1]}"
    return f"Format harus {daftar}."
