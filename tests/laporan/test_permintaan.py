"""Requesting reports: on the satker's Laporan page, through the API and with the command;
the job's status, the kept file and who asked for it, scoping to what the user may see,
and clear refusals of requests that cannot produce a report. Without a broker (the test
settings) a requested report renders in-process, as in the embedded default."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.models import IndikatorPerjanjian
from laporan import services
from laporan.choices import StatusBerkas
from laporan.models import BerkasLaporan
from satker.models import Pengguna
from tests.api import api, kolom
from tests.conftest import MANADO, PEKANBARU
from tests.factories import IndikatorPerjanjianFactory, SasaranKegiatanFactory
from tests.masuk import masuk

pytestmark = pytest.mark.django_db(transaction=False)


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def isi_berkas(berkas: BerkasLaporan) -> bytes:
    with berkas.berkas.open("rb") as f:
        return f.read()


class TestPage:
    def test_satker_page_lists_the_years_reports(self, operator_manado_client, manado):
        response = operator_manado_client.get(reverse("laporan-satker", args=[manado.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        for judul in ("Perjanjian Kinerja 2023", "Laporan PP-39 Triwulan II 2023", "LAKIP 2023"):
            assert judul in html
        assert reverse("laporan-satker", args=[manado.pk]) in html

    def test_requesting_renders_keeps_the_file_and_who_asked(
        self, operator_manado_client, manado, django_capture_on_commit_callbacks
    ):
        url = reverse("laporan-satker", args=[manado.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = operator_manado_client.post(
                url, {"jenis": "pp39", "tahun": "2023", "triwulan": "2", "format": "xlsx"}
            )
        assert response.status_code == 302
        berkas = BerkasLaporan.objects.get(satker=manado, jenis="pp39", triwulan=2)
        assert berkas.status == StatusBerkas.SELESAI
        assert berkas.diminta_oleh.username == "operator.manado"
        assert berkas.ukuran == len(isi_berkas(berkas))
        wb = load_workbook(io.BytesIO(isi_berkas(berkas)))
        assert wb.sheetnames[0] == "Daftar Isi"

        page = operator_manado_client.get(url).content.decode()
        assert reverse("berkas-unduh", args=[berkas.pk]) in page
        assert "Operator BSPJI Manado" in page

        # The satker's own page offers the last files for download too.
        detail = operator_manado_client.get(reverse("satker-detail", args=[manado.pk]))
        assert reverse("berkas-unduh", args=[berkas.pk]) in detail.content.decode()
        assert "PP-39 TW II 2023 (Excel (.xlsx))" in detail.content.decode()

        download = operator_manado_client.get(reverse("berkas-unduh", args=[berkas.pk]))
        assert download.status_code == 200
        assert download["Content-Disposition"] == (
            f'attachment; filename="pp39-{MANADO}-2023-tw2.xlsx"'
        )

    def test_only_the_last_file_of_a_report_is_kept(self, manado):
        user = pengguna("kepala.manado")
        pertama = services.minta(user=user, satker=manado, jenis="pk", format_="pdf", tahun=2023)
        services.jalankan(pertama.pk)
        kedua = services.minta(user=user, satker=manado, jenis="pk", format_="pdf", tahun=2023)
        services.jalankan(kedua.pk)
        assert list(BerkasLaporan.objects.filter(satker=manado, jenis="pk")) == [kedua]
        pdf = PdfReader(io.BytesIO(isi_berkas(BerkasLaporan.objects.get(pk=kedua.pk))))
        assert len(pdf.pages) == BerkasLaporan.objects.get(pk=kedua.pk).halaman == 2

    def test_a_request_that_cannot_produce_a_report_says_why(self, operator_manado_client, manado):
        url = reverse("laporan-satker", args=[manado.pk])
        response = operator_manado_client.post(
            url, {"jenis": "pp39", "tahun": "2023", "format": "pdf"}, follow=True
        )
        assert "Laporan PP-39 memerlukan triwulan 1 sampai 4." in response.content.decode()
        response = operator_manado_client.post(
            url, {"jenis": "lakip", "tahun": "2019", "format": "pdf"}, follow=True
        )
        assert "BSPJI Manado belum memiliki Perjanjian Kinerja tahun 2019." in (
            response.content.decode()
        )
        assert not BerkasLaporan.objects.exists()

    def test_a_failed_rendering_is_recorded_with_its_reason(self, manado, monkeypatch):
        def rusak(*args, **kwargs):
            raise RuntimeError("layout")

        monkeypatch.setattr(services, "render", rusak)
        berkas = services.minta(
            user=pengguna("operator.manado"), satker=manado, jenis="pk", format_="pdf", tahun=2023
        )
        services.jalankan(berkas.pk)
        berkas.refresh_from_db()
        assert berkas.status == StatusBerkas.GAGAL
        assert "kesalahan saat menyusun laporan" in berkas.pesan
        assert not berkas.berkas

    def test_another_satkers_reports_and_files_are_not_found(self, client, manado, pekanbaru):
        berkas = services.minta(
            user=pengguna("operator.pekanbaru"),
            satker=pekanbaru,
            jenis="pk",
            format_="xlsx",
            tahun=2023,
        )
        services.jalankan(berkas.pk)
        client.force_login(pengguna("operator.manado"))
        assert client.get(reverse("laporan-satker", args=[pekanbaru.pk])).status_code == 404
        assert client.get(reverse("berkas-unduh", args=[berkas.pk])).status_code == 404
        assert client.get(reverse("berkas-status", args=[berkas.pk])).status_code == 404
        # The secretariat sees every satker's files.
        masuk(client, pengguna("reviewer"))
        status = client.get(reverse("berkas-status", args=[berkas.pk])).json()
        assert (status["status"], status["unduh"]) == (
            "selesai",
            reverse("berkas-unduh", args=[berkas.pk]),
        )


class TestApi:
    URL = "/api/v1/laporan/"

    def test_request_follow_and_download(self, pekanbaru, django_capture_on_commit_callbacks):
        client = api("kepala.pekanbaru")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.URL,
                {"satker": PEKANBARU, "jenis": "pk", "tahun": 2023, "format": "pdf"},
                format="json",
            )
        assert response.status_code == 202, response.content
        assert response.json()["status"] == "antri"  # as recorded when the request was made
        detail = client.get(f"{self.URL}{response.json()['id']}/").json()
        assert (detail["status"], detail["halaman"], detail["diminta_oleh"]) == (
            "selesai",
            2,
            "kepala.pekanbaru",
        )
        assert detail["unduh"].endswith(f"/api/v1/laporan/{detail['id']}/unduh/")
        file = client.get(detail["unduh"])
        assert file.status_code == 200
        isi = b"".join(file.streaming_content)
        assert isi.startswith(b"%PDF")
        # The router also routes the action with a format suffix: the same file, not a 500.
        akhiran = client.get(detail["unduh"].rstrip("/") + ".json")
        assert (akhiran.status_code, b"".join(akhiran.streaming_content)) == (200, isi)
        listing = client.get(self.URL, {"satker": PEKANBARU, "jenis": "pk"}).json()
        assert [x["id"] for x in listing["results"]] == [detail["id"]]

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"jenis": "pp39", "tahun": 2023, "format": "pdf"}, "triwulan"),
            ({"jenis": "lakip", "tahun": 2023, "triwulan": 2, "format": "pdf"}, "triwulan"),
            ({"jenis": "lakip", "tahun": 2031, "format": "pdf"}, "tahun"),
            ({"jenis": "rencana", "tahun": 2023, "format": "pdf"}, "jenis"),
            ({"jenis": "pk", "tahun": 2023, "format": "odt"}, "format"),
        ],
    )
    def test_bad_requests_are_400_with_field_errors(self, pekanbaru, data, field):
        response = api("operator.pekanbaru").post(
            self.URL, {"satker": PEKANBARU, **data}, format="json"
        )
        assert response.status_code == 400
        assert field in kolom(response)
        assert not BerkasLaporan.objects.exists()

    def test_another_satker_is_refused_and_its_files_invisible(self, manado, pekanbaru):
        berkas = services.minta(
            user=pengguna("operator.manado"), satker=manado, jenis="pk", format_="pdf", tahun=2023
        )
        client = api("operator.pekanbaru")
        response = client.post(
            self.URL,
            {"satker": MANADO, "jenis": "pk", "tahun": 2023, "format": "pdf"},
            format="json",
        )
        assert response.status_code == 400
        assert kolom(response)["satker"] == ["Satker dengan kode ini tidak ditemukan."]
        assert client.get(f"{self.URL}{berkas.pk}/").status_code == 404
        assert client.get(f"{self.URL}{berkas.pk}/unduh/").status_code == 404
        assert client.get(self.URL).json()["count"] == 0

    def test_anonymous_is_refused(self, demo):
        assert api().get(self.URL).status_code in (401, 403)


class TestCommand:
    def test_renders_a_report_to_a_file(self, demo, tmp_path: Path):
        out = tmp_path / "lakip.xlsx"
        stdout = io.StringIO()
        call_command(
            "render_laporan", "--jenis", "lakip", "--satker", PEKANBARU, "--tahun", "2023",
            "--format", "xlsx", "--output", str(out), stdout=stdout,
        )  # fmt: skip
        wb = load_workbook(out)
        assert wb.sheetnames[0] == "Daftar Isi"
        assert str(out) in stdout.getvalue()

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["--satker", "999999", "--tahun", "2023"],
                "Satker dengan kode 999999 tidak ditemukan.",
            ),
            (
                ["--satker", PEKANBARU, "--tahun", "2030"],
                "belum memiliki Perjanjian Kinerja tahun 2030",
            ),
        ],
    )
    def test_refuses_with_a_reason(self, demo, tmp_path: Path, args, message):
        with pytest.raises(CommandError, match=message):
            call_command(
                "render_laporan", "--jenis", "pk", "--format", "pdf",
                "--output", str(tmp_path / "x.pdf"), *args,
            )  # fmt: skip
        assert not (tmp_path / "x.pdf").exists()


def test_assembly_queries_do_not_grow_with_the_number_of_lines(
    pekanbaru, django_assert_max_num_queries
):
    # 67: one for the manual's versions of the year (kinerja.selectors.pedoman.definisi_baris).
    with django_assert_max_num_queries(67) as before:
        services.susun("lakip", pekanbaru, 2023)
    pk = IndikatorPerjanjian.objects.filter(sasaran__perjanjian__satker=pekanbaru).first()
    perjanjian = pk.sasaran.perjanjian
    for nomor in range(9, 13):
        sasaran = SasaranKegiatanFactory(perjanjian=perjanjian, nomor=nomor)
        for n in range(1, 4):
            IndikatorPerjanjianFactory(sasaran=sasaran, nomor=n)
    with django_assert_max_num_queries(len(before.captured_queries)):
        laporan = services.susun("lakip", pekanbaru, 2023)
    assert sum(1 for b in laporan.bagian_semua() if b.judul.startswith("Indikator ")) == 12 + 12
