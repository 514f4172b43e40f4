"""The formats of the reports are the renderer registry (laporan.render): the choices, the
satker's Laporan page, the API and `render_laporan --format` accept exactly the registered
formats and refuse any other with one Indonesian message. The html format is one file that
WeasyPrint lays out on its own, from any directory."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from laporan import render, services
from laporan.choices import FormatBerkas
from laporan.models import BerkasLaporan
from satker.models import Pengguna, Satker
from tests.api import api, kolom
from tests.conftest import PEKANBARU

pytestmark = pytest.mark.django_db

FORMAT = ["pdf", "xlsx", "docx", "html"]
PESAN = "Format harus pdf, xlsx, docx atau html."
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_the_registry_is_the_one_list_of_formats():
    assert render.identifiers() == FORMAT
    assert FormatBerkas.values == FORMAT
    assert BerkasLaporan._meta.get_field("format").choices == FormatBerkas.choices
    r = render.get("docx")
    assert (r.verbose_name, r.content_type, r.extension) == ("Word (.docx)", MIME_DOCX, "docx")
    assert render.unknown_format_message() == PESAN
    with pytest.raises(render.FormatTidakDikenal, match=PESAN):
        render.get("odt")


class TestPage:
    def test_a_column_per_registered_format(self, operator_manado_client, manado):
        html = operator_manado_client.get(reverse("laporan-satker", args=[manado.pk]))
        kepala = re.search(r"<thead>(.*?)</thead>", html.content.decode(), re.S).group(1)
        assert re.findall(r"<th>(.*?)</th>", kepala)[1:] == [
            r.verbose_name for r in render.renderers()
        ]
        tombol = re.findall(r'name="format" value="(\w+)"', html.content.decode())
        assert sorted(set(tombol)) == sorted(FORMAT)

    @pytest.mark.parametrize("format_", FORMAT)
    def test_every_registered_format_is_accepted(self, operator_manado_client, manado, format_):
        url = reverse("laporan-satker", args=[manado.pk])
        response = operator_manado_client.post(
            url, {"jenis": "pk", "tahun": "2023", "format": format_}
        )
        assert response.status_code == 302
        assert BerkasLaporan.objects.get(satker=manado).format == format_

    def test_an_unknown_format_is_refused(self, operator_manado_client, manado):
        response = operator_manado_client.post(
            reverse("laporan-satker", args=[manado.pk]),
            {"jenis": "pk", "tahun": "2023", "format": "odt"},
            follow=True,
        )
        assert PESAN in response.content.decode()
        assert not BerkasLaporan.objects.exists()

    def test_a_word_file_downloads_as_word(self, operator_manado_client, manado):
        berkas = services.minta(
            user=Pengguna.objects.get(username="operator.manado"),
            satker=manado,
            jenis="pk",
            format_="docx",
            tahun=2023,
        )
        services.jalankan(berkas.pk)
        response = operator_manado_client.get(reverse("berkas-unduh", args=[berkas.pk]))
        assert response["Content-Type"] == MIME_DOCX
        assert response["Content-Disposition"].endswith('filename="pk-247246-2023.docx"')
        isi = b"".join(response.streaming_content)
        assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(isi)).namelist()


class TestApi:
    URL = "/api/v1/laporan/"

    @pytest.mark.parametrize("format_", FORMAT)
    def test_every_registered_format_is_accepted(self, pekanbaru, format_):
        response = api("operator.pekanbaru").post(
            self.URL,
            {"satker": PEKANBARU, "jenis": "pk", "tahun": 2023, "format": format_},
            format="json",
        )
        assert response.status_code == 202, response.content
        assert response.json()["format"] == format_

    def test_an_unknown_format_is_a_400_with_a_field_error(self, pekanbaru):
        response = api("operator.pekanbaru").post(
            self.URL,
            {"satker": PEKANBARU, "jenis": "pk", "tahun": 2023, "format": "odt"},
            format="json",
        )
        assert response.status_code == 400
        assert kolom(response) == {"format": [PESAN]}
        assert not BerkasLaporan.objects.exists()


class TestCommand:
    # The first bytes of each format's file.
    AWAL = {"pdf": b"%PDF", "xlsx": b"PK\x03\x04", "docx": b"PK\x03\x04", "html": b"<!DOCTYPE"}

    @pytest.mark.parametrize("format_", FORMAT)
    def test_every_registered_format_is_written(self, demo, tmp_path: Path, format_):
        out = tmp_path / f"pk.{format_}"
        call_command(
            "render_laporan", "--jenis", "pk", "--satker", PEKANBARU, "--tahun", "2023",
            "--format", format_, "--output", str(out), stdout=io.StringIO(),
        )  # fmt: skip
        assert out.read_bytes().startswith(self.AWAL[format_])

    def test_an_unknown_format_is_refused_with_the_same_message(self, demo, tmp_path: Path):
        with pytest.raises(CommandError, match=PESAN):
            call_command(
                "render_laporan", "--jenis", "pk", "--satker", PEKANBARU, "--tahun", "2023",
                "--format", "odt", "--output", str(tmp_path / "x.odt"),
            )  # fmt: skip
        assert not (tmp_path / "x.odt").exists()


def test_the_html_file_lays_out_on_its_own_from_any_directory(demo, tmp_path: Path, monkeypatch):
    """What WeasyPrint lays the PDF out from, in one file: moved elsewhere and read with a
    fetcher that may open nothing but data: URLs, it gives the PDF's pages in the project's
    embedded fonts."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    out = tmp_path / "keluaran" / "pk.html"
    out.parent.mkdir()
    call_command(
        "render_laporan", "--jenis", "pk", "--satker", PEKANBARU, "--tahun", "2023",
        "--format", "html", "--output", str(out), stdout=io.StringIO(),
    )  # fmt: skip
    html = out.read_text(encoding="utf-8")
    assert 'rel="stylesheet"' not in html and "url(../" not in html
    assert html.count("data:font/ttf;base64,") == 4
    jauh = tmp_path / "di" / "tempat" / "lain"
    jauh.mkdir(parents=True)
    pindah = jauh / "laporan.html"
    out.rename(pindah)
    monkeypatch.chdir(tmp_path)
    hanya_data = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    pdf = HTML(filename=os.fspath(pindah), url_fetcher=hanya_data).write_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    laporan = services.susun("pk", Satker.objects.get(kode=PEKANBARU), 2023)
    assert len(reader.pages) == services.render(laporan, "pdf").halaman
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+Badan(-Bold)?(-Italic)?", f) for f in fonts)
    assert "PERJANJIAN KINERJA TAHUN 2023" in " ".join(p.extract_text() for p in reader.pages)
