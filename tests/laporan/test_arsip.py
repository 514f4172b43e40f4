"""The archive of a verified quarter's PP-39: rendered once at verification in PDF and Excel,
kept with the SHA-256 of its stored bytes, and what is downloaded from then on, whatever the
data became, through the page, the API and the command; never changed or removed; checked at
every download; another satker's archive is not found; the page's queries stay bounded.

Most tests render through `render_cepat` (tests/arsip.py), bytes that change whenever the
report model does; the first renders the real PDF and workbook once."""

from __future__ import annotations

import base64
import io
import logging
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.formatting import format_tanggal
from laporan import arsip as arsip_laporan
from laporan import services
from laporan.choices import StatusBerkas
from laporan.models import BerkasLaporan, NarasiLaporan
from laporan.models.berkas import ArsipTerkunci
from tests import langsung
from tests.api import api
from tests.arsip import (
    ajukan_dan_verifikasi,
    arsip,
    buka_kembali,
    isi,
    pengguna,
    render_cepat,
    sha256,
)
from tests.conftest import MANADO
from tests.halaman import baca
from tests.laporan.conftest import normal

pytestmark = pytest.mark.django_db

PP39 = {"jenis": "pp39", "tahun": 2023, "triwulan": 2}


@pytest.fixture
def cepat(monkeypatch):
    """Renders in a fraction of a second; each call counted by format."""
    panggilan: list[str] = []

    def render(laporan, format_, **opsi):
        panggilan.append(format_)
        return render_cepat(laporan, format_)

    monkeypatch.setattr(services, "render", render)
    return panggilan


@pytest.fixture
def terverifikasi(manado, cepat, django_capture_on_commit_callbacks):
    """Manado's quarter II verified, its archive written (the on-commit work run)."""
    with django_capture_on_commit_callbacks(execute=True):
        peristiwa = ajukan_dan_verifikasi(manado)
    return peristiwa


def minta(satker, format_: str, user: str = "operator.manado") -> BerkasLaporan:
    berkas = services.minta(user=pengguna(user), satker=satker, format_=format_, **PP39)
    berkas.refresh_from_db()
    return berkas


def baris_dengan(el, teks: str):
    """The one table row whose text holds `teks`."""
    hasil = [tr for tr in el.semua("tr") if teks in tr.teks]
    assert len(hasil) == 1, f"{len(hasil)} baris memuat {teks!r}"
    return hasil[0]


def rusakkan(berkas: BerkasLaporan, data: bytes = b"%PDF-1.7 diganti diam-diam") -> None:
    """Replace the stored bytes behind the application's back, at the same name."""
    storage, nama = berkas.berkas.storage, berkas.berkas.name
    storage.delete(nama)
    assert storage.save(nama, ContentFile(data)) == nama


def test_verifying_archives_the_final_pdf_and_workbook_once(
    manado, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        peristiwa = ajukan_dan_verifikasi(manado)
    pdf, xlsx = arsip(manado)
    assert [(b.format, b.status, b.versi, b.peristiwa_id) for b in (pdf, xlsx)] == [
        ("pdf", "selesai", 1, peristiwa.pk),
        ("xlsx", "selesai", 1, peristiwa.pk),
    ]
    # The date in Jakarta, as the footer prints it (after 17.00 UTC it is already tomorrow).
    kaki = f"Laporan diverifikasi pada {format_tanggal(timezone.localdate(peristiwa.waktu))}"
    for b in (pdf, xlsx):
        data = isi(b)
        assert b.sha256 == sha256(data) and b.ukuran == len(data)
        assert b.diminta_oleh.username == "reviewer"
        assert b.berkas.name == (
            f"laporan/{manado.pk}/2023/arsip/{peristiwa.pk}/pp39-{MANADO}-2023-tw2-arsip-v1."
            f"{b.format}"
        )
    halaman = [normal(p.extract_text()) for p in PdfReader(io.BytesIO(isi(pdf))).pages]
    assert len(halaman) == pdf.halaman
    assert not any("DRAF" in h for h in halaman)
    assert sum(kaki in h for h in halaman) >= len(halaman) - 2  # not the cover and the memo
    wb = load_workbook(io.BytesIO(isi(xlsx)))
    assert wb.worksheets[1]["A4"].value == kaki
    assert not any(
        "DRAF" in str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
    )
    # The earlier, live PDF of the quarter is not what the quarter's PP-39 is from now on.
    assert minta(manado, "pdf").pk == pdf.pk


class TestTheArchiveIsWhatIsDownloaded:
    def test_a_request_gets_the_archive_not_a_new_render(self, manado, terverifikasi, cepat):
        pdf, xlsx = arsip(manado)
        sebelum = len(cepat)
        for b in (pdf, xlsx):
            for _ in range(2):
                assert minta(manado, b.format).pk == b.pk
        assert len(cepat) == sebelum
        assert BerkasLaporan.objects.filter(satker=manado, jenis="pp39").count() == 2

    def test_word_and_html_still_render_live(self, manado, terverifikasi, cepat):
        docx = minta(manado, "docx")
        assert (docx.arsip, docx.status, docx.sha256) == (False, "antri", "")
        services.jalankan(docx.pk)
        assert cepat[-1] == "docx"

    def test_data_changed_after_verification_do_not_change_the_bytes(
        self, manado, terverifikasi, operator_manado_client
    ):
        pdf = arsip(manado, format="pdf")[0]
        url = reverse("berkas-unduh", args=[pdf.pk])
        sebelum = b"".join(operator_manado_client.get(url).streaming_content)
        assert sebelum == isi(pdf)
        # The quarter's foreword is rewritten after the verification, straight in the table
        # (every path of the application refuses it: kinerja.jejak).
        langsung.ubah(
            NarasiLaporan.objects.get(satker=manado, bagian="kata_pengantar", **PP39),
            teks="Kata pengantar yang ditulis ulang sesudah verifikasi.",
        )
        segar = render_cepat(services.susun("pp39", manado, 2023, 2), "pdf").isi
        assert b"ditulis ulang" in segar and segar != sebelum  # a fresh render would show it
        sesudah = operator_manado_client.get(url)
        assert b"".join(sesudah.streaming_content) == sebelum
        assert minta(manado, "pdf").pk == pdf.pk

    def test_the_download_carries_the_recorded_hash(self, manado, terverifikasi, reviewer_client):
        pdf = arsip(manado, format="pdf")[0]
        response = reviewer_client.get(reverse("berkas-unduh", args=[pdf.pk]))
        assert response["Content-Disposition"] == (
            f'attachment; filename="pp39-{MANADO}-2023-tw2-arsip-v1.pdf"'
        )
        digest = response["Repr-Digest"]
        assert digest.startswith("sha-256=:") and digest.endswith(":")
        assert base64.b64decode(digest[9:-1]).hex() == pdf.sha256


class TestIntegrity:
    def test_a_corrupted_archive_is_refused_and_logged(
        self, manado, terverifikasi, operator_manado_client, caplog
    ):
        pdf = arsip(manado, format="pdf")[0]
        rusakkan(pdf)
        with caplog.at_level(logging.ERROR, logger="laporan.arsip"):
            response = operator_manado_client.get(reverse("berkas-unduh", args=[pdf.pk]))
        assert response.status_code == 500
        teks = response.content.decode()
        assert "tidak cocok dengan sidik SHA-256" in teks and pdf.sha256 in teks
        assert b"diganti diam-diam" not in response.content
        catatan = [r for r in caplog.records if r.name == "laporan.arsip"]
        assert [r.levelname for r in catatan] == ["ERROR"]
        assert pdf.sha256 in catatan[0].getMessage() and pdf.berkas.name in catatan[0].getMessage()

        response = api("operator.manado").get(f"/api/v1/laporan/{pdf.pk}/unduh/")
        assert response.status_code == 500
        assert "tidak cocok dengan sidik SHA-256" in response.json()["pesan"]

    def test_a_missing_archive_file_is_refused(self, manado, terverifikasi, reviewer_client):
        xlsx = arsip(manado, format="xlsx")[0]
        xlsx.berkas.storage.delete(xlsx.berkas.name)
        response = reviewer_client.get(reverse("berkas-unduh", args=[xlsx.pk]))
        assert response.status_code == 500
        assert "tidak ditemukan di penyimpanan" in response.content.decode()

    def test_the_command_writes_only_checked_bytes(self, manado, terverifikasi, tmp_path: Path):
        pdf = arsip(manado, format="pdf")[0]
        out, stdout = tmp_path / "arsip.pdf", io.StringIO()
        args = ["--jenis", "pp39", "--satker", MANADO, "--tahun", "2023", "--triwulan", "2"]
        call_command("render_laporan", *args, "--format", "pdf", "--output", str(out), "--arsip",
                     stdout=stdout)  # fmt: skip
        assert out.read_bytes() == isi(pdf)
        assert pdf.sha256 in stdout.getvalue()
        rusakkan(pdf)
        with pytest.raises(Exception, match="tidak cocok dengan sidik SHA-256"):
            call_command("render_laporan", *args, "--format", "pdf", "--output",
                         str(tmp_path / "lagi.pdf"), "--arsip", stdout=io.StringIO())  # fmt: skip
        assert not (tmp_path / "lagi.pdf").exists()


def test_the_command_renders_fresh_but_names_the_archive(manado, terverifikasi, tmp_path: Path):
    xlsx = arsip(manado, format="xlsx")[0]
    out, stdout = tmp_path / "pp39.xlsx", io.StringIO()
    call_command(
        "render_laporan", "--jenis", "pp39", "--satker", MANADO, "--tahun", "2023",
        "--triwulan", "2", "--format", "xlsx", "--output", str(out), stdout=stdout,
    )  # fmt: skip
    keluaran = stdout.getvalue()
    assert "sudah diverifikasi" in keluaran and xlsx.sha256 in keluaran
    assert "bukan arsip" in keluaran
    assert out.exists()


class TestNeverChangedOrRemoved:
    def test_cleanup_of_old_renders_leaves_the_archives(self, manado, terverifikasi):
        disimpan = {b.pk: (b.sha256, isi(b)) for b in arsip(manado)}
        buka_kembali(manado)
        for _ in range(2):  # live renders of the reopened quarter, each removing the last
            b = minta(manado, "pdf")
            assert not b.arsip
            services.jalankan(b.pk)
        live = BerkasLaporan.objects.filter(satker=manado, jenis="pp39", arsip=False)
        assert live.count() == 1
        assert {b.pk: (b.sha256, isi(b)) for b in arsip(manado)} == disimpan

    def test_the_model_refuses_changes_and_deletion(self, manado, terverifikasi):
        pdf = arsip(manado, format="pdf")[0]
        pdf.pesan = "diubah"
        with pytest.raises(ArsipTerkunci):
            pdf.save()
        with pytest.raises(ArsipTerkunci):
            pdf.delete()
        with pytest.raises(ArsipTerkunci):
            BerkasLaporan.objects.filter(satker=manado).delete()
        with pytest.raises(ArsipTerkunci):
            BerkasLaporan.objects.filter(pk=pdf.pk).update(sha256="0" * 64)
        # A stale copy that still thinks it is unsealed cannot overwrite it either.
        lama = BerkasLaporan.objects.get(pk=pdf.pk)
        lama.sha256, lama.status = "", StatusBerkas.PROSES
        with pytest.raises(ArsipTerkunci):
            lama.save()
        assert BerkasLaporan.objects.get(pk=pdf.pk).sha256 == sha256(isi(pdf))

    def test_the_admin_only_reads_an_archive(self, manado, terverifikasi, admin_client_demo):
        pdf = arsip(manado, format="pdf")[0]
        change = reverse("admin:laporan_berkaslaporan_change", args=[pdf.pk])
        page = admin_client_demo.get(change)
        assert page.status_code == 200 and pdf.sha256 in page.content.decode()
        assert 'name="_save"' not in page.content.decode()
        assert admin_client_demo.post(change, {"pesan": "diubah"}).status_code == 403
        delete = reverse("admin:laporan_berkaslaporan_delete", args=[pdf.pk])
        assert admin_client_demo.post(delete, {"post": "yes"}).status_code == 403
        admin_client_demo.post(
            reverse("admin:laporan_berkaslaporan_changelist"),
            {"action": "delete_selected", "_selected_action": [pdf.pk], "post": "yes"},
        )
        assert BerkasLaporan.objects.filter(pk=pdf.pk, sha256=pdf.sha256).exists()
        assert isi(pdf) and sha256(isi(pdf)) == pdf.sha256


class TestReopened:
    def test_a_new_verification_makes_a_new_version_and_the_old_stays(
        self, manado, terverifikasi, operator_manado_client, django_capture_on_commit_callbacks
    ):
        pertama = {b.pk: (b.berkas.name, b.sha256, isi(b)) for b in arsip(manado)}
        buka_kembali(manado)
        NarasiLaporan.objects.update_or_create(
            satker=manado, bagian="penutup", **PP39, defaults={"teks": "Penutup yang dikoreksi."}
        )
        with django_capture_on_commit_callbacks(execute=True):
            kedua_peristiwa = ajukan_dan_verifikasi(manado)
        semua = arsip(manado)
        assert [(b.versi, b.format) for b in semua] == [
            (1, "pdf"), (1, "xlsx"), (2, "pdf"), (2, "xlsx"),
        ]  # fmt: skip
        assert {b.pk: (b.berkas.name, b.sha256, isi(b)) for b in semua[:2]} == pertama
        baru = semua[2:]
        assert all(b.peristiwa_id == kedua_peristiwa.pk for b in baru)
        assert len({b.berkas.name for b in semua}) == 4  # a path of its own each
        assert b"Penutup yang dikoreksi." in isi(baru[0])
        assert b"Penutup yang dikoreksi." not in pertama[semua[0].pk][2]
        assert minta(manado, "pdf").pk == baru[0].pk

        page = operator_manado_client.get(reverse("laporan-satker", args=[manado.pk]))
        daftar = baca(page).satu("table", kelas="arsip-list")
        for b in semua:
            assert b.sha256 in daftar.teks
        assert daftar.teks.count("verifikasi terdahulu") == 2

    def test_an_archive_whose_verification_was_undone_before_the_worker_ran_is_not_written(
        self, manado, cepat, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as tertunda:
            peristiwa = ajukan_dan_verifikasi(manado)
        # The worker is late: the reviewer reopens the quarter first.
        buka_kembali(manado)
        with django_capture_on_commit_callbacks(execute=True):
            for callback in tertunda:
                callback()
        assert arsip(manado) == []  # nothing made for a verification that no longer stands
        # Rows queued before the reopening fail with the reason, and write no draft.
        with django_capture_on_commit_callbacks(execute=False):
            rows = arsip_laporan.siapkan(peristiwa)
        for b in rows.values():
            services.jalankan(b.pk)
            b.refresh_from_db()
            assert (b.status, b.sha256, b.berkas.name) == ("gagal", "", "")
            assert "dibuka kembali" in b.pesan
        assert cepat == []


class TestIdempotent:
    def test_the_archive_appears_when_the_worker_runs_later(
        self, manado, cepat, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as tertunda:
            ajukan_dan_verifikasi(manado)
        assert arsip(manado) == []
        for _ in range(2):  # a task delivered twice does the work once
            with django_capture_on_commit_callbacks(execute=True):
                for callback in tertunda:
                    callback()
        assert [(b.format, b.status) for b in arsip(manado)] == [
            ("pdf", "selesai"), ("xlsx", "selesai"),
        ]  # fmt: skip
        assert sorted(cepat) == ["pdf", "xlsx"]

    def test_a_lost_task_is_made_good_by_the_next_request(
        self, manado, cepat, django_capture_on_commit_callbacks
    ):
        ajukan_dan_verifikasi(manado)  # its on-commit work never runs (the broker was down)
        with django_capture_on_commit_callbacks(execute=True):
            b = minta(manado, "xlsx")
        b.refresh_from_db()
        assert (b.arsip, b.status, b.versi) == (True, "selesai", 1)
        assert len(arsip(manado)) == 2

    def test_a_failed_archive_is_retried_by_the_next_request(
        self, manado, monkeypatch, django_capture_on_commit_callbacks
    ):
        def rusak(laporan, format_, **_opsi):
            raise RuntimeError("WeasyPrint mati")

        monkeypatch.setattr(services, "render", rusak)
        with django_capture_on_commit_callbacks(execute=True):
            ajukan_dan_verifikasi(manado)
        assert {b.status for b in arsip(manado)} == {"gagal"}
        monkeypatch.setattr(services, "render", render_cepat)
        with django_capture_on_commit_callbacks(execute=True):
            b = minta(manado, "pdf")
        b.refresh_from_db()
        assert (b.status, b.sha256) == ("selesai", sha256(isi(b)))


class TestPageAndApi:
    def test_the_page_shows_the_archive_hash_date_and_verifier(
        self, manado, terverifikasi, operator_manado_client, django_assert_max_num_queries
    ):
        url = reverse("laporan-satker", args=[manado.pk])
        # Session, user, the second-factor check, satker, PK years, the year's files, its
        # verifications, the nav; and the check of the LAKIP's texts against the year's
        # figures (a fixed 16).
        with django_assert_max_num_queries(25):
            response = operator_manado_client.get(url)
        page = baca(response)
        pdf, xlsx = arsip(manado)
        baris = baris_dengan(page, "Laporan PP-39 Triwulan II 2023")
        assert "Diverifikasi" in baris.teks
        assert "Word (.docx), HTML (satu berkas): disusun dari data terkini" in baris.teks
        sel = baris.semua("td", kelas="arsip")
        assert len(sel) == 2
        assert pdf.sha256[:16] in sel[0].teks and "Arsip v1" in sel[0].teks
        assert "Susun ulang" not in sel[0].teks + sel[1].teks
        assert reverse("berkas-unduh", args=[pdf.pk]) in response.content.decode()
        daftar = page.satu("table", kelas="arsip-list")
        with translation.override("id"):
            waktu = dateformat.format(timezone.localtime(terverifikasi.waktu), "j N Y H:i")
        for b in (pdf, xlsx):
            baris_arsip = baris_dengan(daftar, b.sha256).teks
            assert waktu in baris_arsip and "Reviewer Sekretariat BSKJI" in baris_arsip

        # Asking for it on the page says it is the archive, and renders nothing.
        jumlah = BerkasLaporan.objects.count()
        followed = operator_manado_client.post(
            url, {**PP39, "format": "pdf"}, follow=True
        ).content.decode()
        assert "arsip verifikasi versi 1" in followed and pdf.sha256[:12] in followed
        assert BerkasLaporan.objects.count() == jumlah

        status = operator_manado_client.get(reverse("berkas-status", args=[pdf.pk])).json()
        assert (status["arsip"], status["sha256"]) == (True, pdf.sha256)

    def test_the_pages_queries_do_not_grow_with_archives(
        self, manado, terverifikasi, operator_manado_client, django_assert_max_num_queries,
        django_capture_on_commit_callbacks,
    ):  # fmt: skip
        url = reverse("laporan-satker", args=[manado.pk])
        with django_assert_max_num_queries(25) as satu:
            operator_manado_client.get(url)
        buka_kembali(manado)
        with django_capture_on_commit_callbacks(execute=True):
            ajukan_dan_verifikasi(manado)
        assert len(arsip(manado)) == 4
        with django_assert_max_num_queries(len(satu.captured_queries)):
            operator_manado_client.get(url)

    def test_the_api_exposes_the_archive(
        self, manado, terverifikasi, django_assert_max_num_queries
    ):
        pdf = arsip(manado, format="pdf")[0]
        client = api("kepala.manado")
        response = client.post(
            "/api/v1/laporan/", {"satker": MANADO, **PP39, "format": "pdf"}, format="json"
        )
        assert response.status_code == 200, response.content
        data = response.json()
        assert (data["id"], data["arsip"], data["versi"], data["sha256"]) == (
            pdf.pk, True, 1, pdf.sha256,
        )  # fmt: skip
        assert data["diverifikasi_oleh"] == "reviewer" and data["diverifikasi"]
        with django_assert_max_num_queries(2):  # the count, the page (who asked, who verified)
            listing = client.get("/api/v1/laporan/", {"arsip": "true"}).json()
        assert {x["sha256"] for x in listing["results"]} == {b.sha256 for b in arsip(manado)}
        unduh = client.get(data["unduh"])
        assert b"".join(unduh.streaming_content) == isi(pdf)
        docx = client.post(
            "/api/v1/laporan/", {"satker": MANADO, **PP39, "format": "docx"}, format="json"
        ).json()
        assert (docx["arsip"], docx["sha256"]) == (False, None)

    def test_another_satker_cannot_reach_the_archive(self, manado, terverifikasi, client):
        pdf = arsip(manado, format="pdf")[0]
        client.force_login(pengguna("operator.pekanbaru"))
        for name in ("berkas-unduh", "berkas-status"):
            assert client.get(reverse(name, args=[pdf.pk])).status_code == 404
        lain = api("operator.pekanbaru")
        assert lain.get(f"/api/v1/laporan/{pdf.pk}/").status_code == 404
        assert lain.get(f"/api/v1/laporan/{pdf.pk}/unduh/").status_code == 404
        assert lain.get("/api/v1/laporan/", {"arsip": "true"}).json()["count"] == 0
