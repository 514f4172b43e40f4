"""The report's PDF laid out in parts, in parallel processes, each part's layout kept in a
cache, and joined: what makes rendering a long report fast, and re-rendering it after an edit
to one chapter faster still.

1. The report's HTML (the one `render_laporan --format html` writes) is cut where its pages
   break anyway (laporan.render.pecah). Every part but the lists at the front is laid out by
   WeasyPrint in a process of its own, without page numbers or footer; a part laid out before
   from the same HTML comes from the cache.
2. The lists at the front (contents, tables, figures) are laid out with the page numbers the
   parts found, and, beside them, a sheet of page numbers and footers ("stempel"): one empty
   page per report page, each with its number and the footer as the stylesheet prints them.
3. The parts are joined and stamped (laporan.render.gabung).

The pages, the page numbers, the running headers, the contents and the links are those of one
WeasyPrint pass over the whole HTML (tests/laporan/test_pdf_paralel.py holds them against it).
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import queue
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from laporan.render import Progres, gabung, pecah

logger = logging.getLogger(__name__)

# Bump when what a cached layout holds changes.
VERSI_CACHE = "1"
# How many parts for each process laying out: enough for the processes to finish together.
BAGIAN_PER_PROSES = 4

# Parts are laid out without what crosses parts: the page number and the footer.
GAYA_BAGIAN = "\n".join(
    f"@page{nama} {{ @bottom-center {{ content: none }} @bottom-left {{ content: none }} }}"
    for nama in ("", " depan", " lanskap", " utama", " sampul", " polos")
)


@dataclass
class Halaman:
    """What the joining needs of a laid-out page."""

    nama: str  # its named page: "depan", "utama", "lanskap", ...
    lebar: float  # CSS px
    tinggi: float
    jangkar: dict[str, tuple[float, float]] = field(default_factory=dict)  # id → x, y (px)
    penanda: list[tuple[int, str, tuple[float, float], str]] = field(default_factory=list)


@dataclass
class HasilBagian:
    """A part laid out: its PDF and its pages."""

    pdf: bytes
    halaman: list[Halaman]


# In a worker process: where it reports a document's pages as soon as they are laid out,
# before it writes their PDF (the contents and the page numbers wait for the pages only).
_kabar_halaman: Any = None


def _mulai_pekerja(antrean: Any) -> None:
    global _kabar_halaman
    _kabar_halaman = antrean
    # A worker's pages are news, not its result (the result carries them too): one left
    # unread when the pool shuts down must not keep the worker from exiting.
    antrean.cancel_join_thread()


def tata_letak(html: str, base_url: str, nomor: int | None = None) -> HasilBagian:
    """Lay one document out with WeasyPrint (in a worker process): its PDF and its pages.
    `nomor`: the task's number, with which its pages are reported before the PDF is
    written."""
    from weasyprint import HTML

    from laporan.render.pdf import pengambil_lokal

    dokumen = HTML(string=html, base_url=base_url, url_fetcher=pengambil_lokal()).render()
    halaman = [
        Halaman(
            nama=p._page_box.page_type.name or "",
            lebar=p.width,
            tinggi=p.height,
            jangkar={k: (v[0], v[1]) for k, v in p.anchors.items()},
            penanda=[(lv, label, (x, y), state) for lv, label, (x, y), state in p.bookmarks],
        )
        for p in dokumen.pages
    ]
    if nomor is not None and _kabar_halaman is not None:
        _kabar_halaman.put((nomor, halaman))
    return HasilBagian(dokumen.write_pdf(), halaman)


class Cache:
    """Laid-out parts on disk, by the SHA-256 of what determined them (their HTML, the
    stylesheet and fonts, WeasyPrint's version). Bounded: the files read least recently go
    when the folder grows past `batas` bytes."""

    def __init__(self, folder: Path, batas: int) -> None:
        self.folder = folder
        self.batas = batas

    def _jalur(self, kunci: str) -> Path:
        return self.folder / kunci[:2] / kunci

    def ambil(self, kunci: str) -> HasilBagian | None:
        jalur = self._jalur(kunci)
        try:
            meta = json.loads(jalur.with_suffix(".json").read_text())
            pdf = jalur.with_suffix(".pdf").read_bytes()
        except (OSError, ValueError):
            return None
        os.utime(jalur.with_suffix(".json"))
        halaman = [
            Halaman(
                h["nama"],
                h["lebar"],
                h["tinggi"],
                {k: tuple(v) for k, v in h["jangkar"].items()},
                [(lv, label, tuple(xy), st) for lv, label, xy, st in h["penanda"]],
            )
            for h in meta
        ]
        return HasilBagian(pdf, halaman)

    def simpan(self, kunci: str, hasil: HasilBagian) -> None:
        jalur = self._jalur(kunci)
        jalur.parent.mkdir(parents=True, exist_ok=True)
        for akhiran, isi in (
            (".pdf", hasil.pdf),
            (".json", json.dumps([asdict(h) for h in hasil.halaman]).encode()),
        ):
            sementara = jalur.with_suffix(f"{akhiran}.{os.getpid()}")
            sementara.write_bytes(isi)
            os.replace(sementara, jalur.with_suffix(akhiran))

    def pangkas(self) -> None:
        """Remove the parts read least recently until the folder is within its bound."""
        berkas = [p for p in self.folder.glob("*/*.json")]
        ukuran = {p: p.stat().st_size + _ukuran(p.with_suffix(".pdf")) for p in berkas}
        total = sum(ukuran.values())
        for p in sorted(berkas, key=lambda p: p.stat().st_mtime):
            if total <= self.batas:
                break
            total -= ukuran[p]
            p.with_suffix(".pdf").unlink(missing_ok=True)
            p.unlink(missing_ok=True)


def _ukuran(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def cache_bawaan() -> Cache:
    return Cache(Path(settings.LAPORAN_TATA_LETAK_CACHE), settings.LAPORAN_TATA_LETAK_CACHE_BATAS)


def _sidik_gaya() -> str:
    """What the stylesheet and its fonts are, for the cache's keys."""
    import weasyprint

    from laporan.render.pdf import STATIC

    h = hashlib.sha256(f"{VERSI_CACHE}|{weasyprint.__version__}".encode())
    for berkas in sorted((STATIC / "laporan").glob("*.css")) + sorted((STATIC / "fonts").glob("*")):
        h.update(berkas.name.encode())
        h.update(berkas.read_bytes())
    return h.hexdigest()


def jumlah_proses() -> int:
    """The processes to lay parts out in: LAPORAN_TATA_LETAK_PROSES, or one per core; 1 in
    a process that may not have children (a Celery worker's)."""
    diminta = settings.LAPORAN_TATA_LETAK_PROSES or os.cpu_count() or 1
    if multiprocessing.current_process().daemon or _anak_celery():
        return 1
    return max(1, diminta)


def _anak_celery() -> bool:
    """This is a child of Celery's prefork pool (billiard's processes are daemonic, and the
    worker already runs one task per core)."""
    try:
        import billiard
    except ImportError:
        return False
    return bool(billiard.current_process().daemon)


_siap = False


def _panaskan(base_url: str) -> None:
    """Import WeasyPrint and pikepdf and lay a line out once in this process, before the
    workers are forked: they start with the libraries loaded and fontconfig read, instead of
    each paying for it (half a second each) on the way to its first part."""
    global _siap
    if _siap:
        return
    import pikepdf  # noqa: F401

    tata_letak('<p style="font-family: sans-serif">a <b>b</b></p>', base_url)
    _siap = True


class _DiSini(Executor):
    """Lays out in this process: one process asked for, or none allowed."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        f: Future = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller through the future
            f.set_exception(exc)
        return f


class _Penata:
    """Hands documents to the processes laying them out (or lays them out here), takes
    what the cache holds instead, and hears of each document's pages before its PDF."""

    def __init__(
        self,
        proses: int,
        base_url: str,
        cache: Cache | None,
        sidik: str,
        satu_selesai: Callable[[str], None],
    ) -> None:
        self.base_url = base_url
        self.cache = cache
        self.sidik = sidik
        self.satu_selesai = satu_selesai
        self.hasil: dict[int, HasilBagian] = {}
        self.halaman: dict[int, list[Halaman]] = {}
        self.berjalan: dict[int, tuple[Future, str, str]] = {}
        self.antrean: Any = None
        if proses > 1:
            konteks = multiprocessing.get_context("fork")
            self.antrean = konteks.Queue()
            self.pelaksana: Executor = ProcessPoolExecutor(
                proses,
                mp_context=konteks,
                initializer=_mulai_pekerja,
                initargs=(self.antrean,),
            )
        else:
            self.pelaksana = _DiSini()

    def __enter__(self) -> _Penata:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pelaksana.shutdown(cancel_futures=True)
        if self.antrean is not None:
            self.antrean.close()

    def serahkan(self, html: str, langkah: str, *, kabar: bool = False) -> int:
        """Lay `html` out (or take it from the cache); its task's number. `langkah`: what
        the progress says of it; `kabar`: its pages are wanted before its PDF."""
        nomor = len(self.hasil) + len(self.berjalan)
        kunci = (
            hashlib.sha256(f"{self.sidik}|{self.base_url}|{html}".encode()).hexdigest()
            if self.cache
            else ""
        )
        if self.cache and (ada := self.cache.ambil(kunci)) is not None:
            self.hasil[nomor] = ada
            self.halaman[nomor] = ada.halaman
            self.satu_selesai(langkah)
        else:
            future = self.pelaksana.submit(
                tata_letak, html, self.base_url, nomor if kabar else None
            )
            self.berjalan[nomor] = (future, kunci, langkah)
        return nomor

    def halaman_dari(self, nomor: list[int]) -> list[list[Halaman]]:
        """The pages of these tasks (handed over with `kabar`), as soon as they are laid
        out: from the workers' news, or from a task already done (or failed: its error)."""
        kurang = {n for n in nomor if n not in self.halaman}
        while kurang:
            for n in list(kurang):
                future = self.berjalan[n][0]
                if self.antrean is None or future.done():
                    self.halaman[n] = future.result().halaman
                    kurang.discard(n)
            if not kurang:
                break
            try:
                n, halaman = self.antrean.get(timeout=0.05)
            except queue.Empty:
                continue
            self.halaman[n] = halaman
            kurang.discard(n)
        return [self.halaman[n] for n in nomor]

    def semua_hasil(self) -> dict[int, HasilBagian]:
        """Every task's PDF and pages, each kept in the cache as it comes."""
        urutan = {future: n for n, (future, _, _) in self.berjalan.items()}
        for future in as_completed(urutan):
            n = urutan[future]
            self.hasil[n] = future.result()
            _, kunci, langkah = self.berjalan[n]
            if self.cache:
                self.cache.simpan(kunci, self.hasil[n])
            self.satu_selesai(langkah)
        return self.hasil


def render(
    html: str,
    base_url: str,
    *,
    segar: bool = False,
    cache: Cache | None = None,
    progres: Progres | None = None,
) -> tuple[bytes, int]:
    """The PDF of the report's HTML, and its page count. `segar`: no cached layout is read
    or written. `progres(selesai, total, langkah)` hears of every part laid out.

    The parts go to the processes costliest first, so that the processes finish together,
    each as soon as its HTML is made. The contents and the page-number sheet are handed
    over as soon as every part's pages are known, while the last parts still write their
    PDF."""
    mulai = time.perf_counter()
    proses = jumlah_proses()
    rencana = pecah.rencanakan(html, proses * BAGIAN_PER_PROSES)
    cache = None if segar else (cache or cache_bawaan())
    sidik = _sidik_gaya() if cache else ""
    isi = sorted((b for b in rencana.bagian if not b.daftar), key=lambda b: -b.biaya)
    daftar = next((b for b in rencana.bagian if b.daftar), None)
    total = len(rencana.bagian) + 1  # the parts and the page-number sheet
    selesai = 0

    def lapor(langkah: str) -> None:
        nonlocal selesai
        selesai += 1
        if progres:
            progres(selesai, total, langkah)

    if proses > 1:
        _panaskan(base_url)
    with _Penata(proses, base_url, cache, sidik, lapor) as penata:
        html_bagian = (rencana.html(b, gaya=GAYA_BAGIAN, tanpa_kaki=True) for b in isi)
        nomor = [penata.serahkan(h, "bagian", kabar=True) for h in html_bagian]
        halaman = penata.halaman_dari(nomor)
        susunan = gabung.Susunan.dari(
            rencana, {id(b): HasilBagian(b"", h) for b, h in zip(isi, halaman, strict=True)}
        )
        nomor_daftar = (
            penata.serahkan(susunan.html_daftar(rencana, daftar), "daftar isi")
            if daftar is not None
            else None
        )
        nomor_stempel = penata.serahkan(susunan.html_stempel(rencana), "nomor halaman")
        hasil = penata.semua_hasil()
    for b, n in zip(isi, nomor, strict=True):
        susunan.hasil[id(b)] = hasil[n]
    if daftar is not None:
        susunan.hasil[id(daftar)] = hasil[nomor_daftar]
    pdf = gabung.gabung(susunan, hasil[nomor_stempel])
    if cache:
        cache.pangkas()
    logger.info(
        "PDF %d halaman dari %d bagian dalam %.2f detik (%d proses)",
        susunan.jumlah_halaman,
        len(rencana.bagian),
        time.perf_counter() - mulai,
        proses,
    )
    return pdf, susunan.jumlah_halaman
