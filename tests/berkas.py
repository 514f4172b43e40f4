"""Small real files for upload tests: a PDF that a reader opens (one blank A4 page)."""

from __future__ import annotations

import io

import pikepdf


def pdf_sah() -> bytes:
    """A valid one-page PDF, as a scanner or a word processor would give (without content)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


PDF_SAH = pdf_sah()
