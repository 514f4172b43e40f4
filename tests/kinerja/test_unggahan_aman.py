"""Evidence uploads are judged by what they hold, not by their first bytes (issue 11): an
Office file that would unpack to a gigabyte and a page of HTML that starts with `%PDF-` are
refused with a message and store nothing; a body larger than any upload allows is refused
before it is read."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja import bukti, siklus
from kinerja.models import BuktiDukung
from satker.models import Pengguna
from tests.berkas import PDF_SAH

pytestmark = pytest.mark.django_db

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _zip(bagian: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return out.getvalue()


def _docx(isi_tambahan: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        for nama, isi in (isi_tambahan or {}).items():
            z.writestr(nama, isi)
    return out.getvalue()


def _docx_bom(ukuran: int = 1024**3) -> bytes:
    """A .docx whose one picture is `ukuran` bytes of zeros, deflated to about a thousandth."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        potong = b"\0" * (16 * 1024 * 1024)
        with z.open("word/media/image1.png", "w", force_zip64=True) as f:
            for _ in range(ukuran // len(potong)):
                f.write(potong)
    return out.getvalue()


@pytest.fixture
def unggah_manado(manado):
    """POST an evidence file to Manado's first line of TW II as its operator; the response
    and the messages shown."""
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=5),
    )  # fmt: skip
    line = siklus.lines_satker(manado, 2023)[0]
    client = Client()
    client.force_login(Pengguna.objects.get(username="operator.manado"))
    url = reverse("entri-bukti", args=[manado.pk, 2023, 2, line.pk])

    def kirim(nama: str, isi: bytes, mime: str):
        response = client.post(url, {"berkas": SimpleUploadedFile(nama, isi, content_type=mime)})
        return response, [str(m) for m in get_messages(response.wsgi_request)]

    return kirim


def test_a_docx_with_a_gigabyte_entry_is_refused_and_nothing_stored(unggah_manado, tmp_path):
    isi = _docx_bom()
    assert len(isi) < 10 * 1024 * 1024  # within the upload limit: only its content betrays it
    response, pesan = unggah_manado("laporan.docx", isi, DOCX_MIME)
    assert response.status_code == 302
    assert any("mengembang menjadi 1024 MB" in p for p in pesan), pesan
    assert BuktiDukung.objects.count() == 0


def test_an_html_page_that_starts_like_a_pdf_is_refused_and_nothing_stored(unggah_manado):
    palsu = b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n"
    _response, pesan = unggah_manado("notulen.pdf", palsu, "application/pdf")
    assert any("notulen.pdf bukan PDF yang utuh" in p for p in pesan), pesan
    assert BuktiDukung.objects.count() == 0


def test_a_real_pdf_and_a_real_docx_are_still_accepted(unggah_manado):
    _, pesan = unggah_manado("notulen.pdf", PDF_SAH, "application/pdf")
    _, pesan2 = unggah_manado("laporan.docx", _docx(), DOCX_MIME)
    assert [b.nama for b in BuktiDukung.objects.order_by("pk")] == ["notulen.pdf", "laporan.docx"]
    assert any("diunggah" in p for p in pesan + pesan2)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        # A picture far larger than its stored bytes (ratio above 100, over 1 MB unpacked).
        (_docx({"word/media/a.bmp": b"\0" * (3 * 1024 * 1024)}), "mengembang menjadi 3 MB"),
        # No main part: a zip that names itself a Word document.
        (
            _zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"}),
            "bukan dokumen Word yang utuh",
        ),
        # A part that climbs out of the archive's folder.
        (_docx({"../../etc/cron.d/x": b"* * * * * root id"}), "bukan dokumen Word yang utuh"),
    ],
)
def test_office_files_are_checked_for_size_and_structure(isi, pesan):
    with pytest.raises(ValidationError) as exc:
        bukti.periksa(SimpleUploadedFile("a.docx", isi))
    assert pesan in " ".join(exc.value.messages)


def test_a_damaged_part_is_found_on_upload():
    isi = bytearray(_docx({"word/media/a.txt": b"isi gambar " * 1000}))
    letak = isi.index(b"word/media/a.txt") + len("word/media/a.txt") + 5
    isi[letak : letak + 8] = b"XXXXXXXX"  # the compressed bytes of the part, changed
    with pytest.raises(ValidationError) as exc:
        bukti.periksa(SimpleUploadedFile("a.docx", bytes(isi)))
    assert "bukan dokumen Word yang utuh" in " ".join(exc.value.messages)


def test_a_body_over_the_limit_is_refused_before_it_is_read(unggah_manado, manado, settings):
    settings.BUKTI_UKURAN_MAKS = 10 * 1024 * 1024
    settings.GAMBAR_UKURAN_MAKS = 5 * 1024 * 1024
    line = siklus.lines_satker(manado, 2023)[0]
    client = Client()
    client.force_login(Pengguna.objects.get(username="operator.manado"))
    url = reverse("entri-bukti", args=[manado.pk, 2023, 2, line.pk])
    # The body declares 50 MB but only a few bytes follow: had the server read it, the
    # multipart parser would have failed on it; it is refused by its declared length alone.
    response = client.generic(
        "POST", url, b"--x--", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )  # fmt: skip
    assert response.status_code == 413
    assert "paling besar 10 MB" in response.content.decode()
    assert BuktiDukung.objects.count() == 0
    # The API answers in its one error body.
    response = client.generic(
        "PATCH", "/api/v1/realisasi/1/", b"{}", content_type="application/json",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )  # fmt: skip
    assert response.status_code == 413
    assert response.json()["kode"] == "terlalu_besar"
