"""The report as PDF, with WeasyPrint: the report model rendered to HTML by the templates in
laporan/templates/laporan/pdf/, laid out in A4 by static/laporan/laporan.css with the fonts in
static/fonts/ (nothing is fetched from the network)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from laporan.dokumen import Bagian, Laporan, Tabel
from laporan.render import HasilRender, Progres, Renderer, register

STATIC = Path(settings.BASE_DIR) / "static"


@dataclass(frozen=True)
class HasilPdf:
    isi: bytes
    halaman: int


def html(laporan: Laporan, *, gaya: str | None = None) -> str:
    """The HTML the PDF is laid out from. It links static/laporan/laporan.css, or carries
    `gaya` (a stylesheet) inline instead."""
    laporan.nomori()
    # Tables and figures on pages numbered in roman (the front matter and the pages before it).
    di_depan = {
        id(b)
        for bagian in (*laporan.sebelum_sampul, *laporan.depan)
        for s in bagian.semua()
        for b in s.isi
    }
    isi_utama: list[Bagian] = [s for b in laporan.bab for s in b.semua() if s.di_daftar_isi]
    if laporan.lampiran:
        isi_utama.append(Bagian("LAMPIRAN", id="lampiran"))
        isi_utama.extend(s for b in laporan.lampiran for s in b.semua() if s.di_daftar_isi)
    return render_to_string(
        "laporan/pdf/laporan.html",
        {
            "laporan": laporan,
            "judul_kepala": f"{laporan.judul} · {laporan.satker}",
            "gaya": gaya,
            "isi_utama": isi_utama,
            "tabel_list": [
                {"tabel": t, "depan": id(t) in di_depan}
                for t in laporan.blok_semua()
                if isinstance(t, Tabel)
            ],
            "gambar_list": [{"gambar": g, "depan": id(g) in di_depan} for g in laporan.gambar()],
        },
    )


def pengambil_lokal():
    """WeasyPrint's fetcher for a report: only the project's own files (stylesheet, fonts)
    and the pictures the HTML carries as data: URLs. A report never loads anything from the
    network, and a missing file stops the rendering instead of printing without it."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def render_satu_lintasan(laporan: Laporan) -> HasilPdf:
    """Lay the whole report out in one WeasyPrint pass and write it as PDF: what the parts
    laid out apart (render) must equal, and the way for a report that cannot be cut."""
    # Imported here: WeasyPrint needs Pango, which only rendering needs.
    from weasyprint import HTML

    dokumen = HTML(
        string=html(laporan), base_url=str(STATIC) + "/", url_fetcher=pengambil_lokal()
    ).render()
    return HasilPdf(dokumen.write_pdf(), len(dokumen.pages))


def render(laporan: Laporan, *, segar: bool = False, progres: Progres | None = None) -> HasilPdf:
    """Lay the report out in parts, in parallel and from the cache of parts laid out before
    (laporan.render.tata_letak), and write it as PDF. `segar`: nothing from the cache."""
    from laporan.render import gabung, tata_letak

    try:
        isi, halaman = tata_letak.render(
            html(laporan), str(STATIC) + "/", segar=segar, progres=progres
        )
    except gabung.TidakBisaDipecah:
        return render_satu_lintasan(laporan)
    return HasilPdf(isi, halaman)


@register
class Pdf(Renderer):
    """A4 pages laid out by WeasyPrint, with their count."""

    identifier = "pdf"
    verbose_name = "PDF"
    content_type = "application/pdf"
    extension = "pdf"

    def render(
        self, laporan: Laporan, *, segar: bool = False, progres: Progres | None = None
    ) -> HasilRender:
        hasil = render(laporan, segar=segar, progres=progres)
        return HasilRender(hasil.isi, hasil.halaman)
