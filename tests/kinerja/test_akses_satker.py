"""A user of one satker gets 403 or 404 for another satker's pages, API items and evidence
files, also when guessing ids; evidence is accepted by its content and served only to those
who may see the satker."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja import bukti, riwayat, siklus
from kinerja.models import BuktiDukung, ItemAnggaran, PelaporanTriwulan
from laporan import services as laporan_services
from satker.models import Pengguna
from tests.api import api
from tests.berkas import PDF_SAH
from tests.conftest import MANADO
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

PDF = PDF_SAH


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def bukti_manado(manado):
    siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=5),
    )  # fmt: skip
    line = siklus.lines_satker(manado, 2023)[0]
    return bukti.unggah(
        user=pengguna("operator.manado"),
        line=line,
        triwulan=2,
        berkas=SimpleUploadedFile("notulen.pdf", PDF, content_type="application/pdf"),
    )


@pytest.fixture
def orang_lain(client, demo):
    client.force_login(pengguna("operator.pekanbaru"))
    return client


def test_pages_of_another_satker_are_not_found(orang_lain, manado, bukti_manado):
    line = siklus.lines_satker(manado, 2023)[0]
    berkas = laporan_services.minta(
        user=pengguna("operator.manado"), satker=manado, jenis="pk", format_="xlsx", tahun=2023
    )
    laporan_services.jalankan(berkas.pk)
    halaman = [
        reverse("satker-detail", args=[manado.pk]),
        reverse("anggaran", args=[manado.pk]),
        reverse("anggaran-templat", args=[manado.pk, 2023, "struktur"]),
        reverse("laporan-satker", args=[manado.pk]),
        reverse("entri-triwulan", args=[manado.pk, 2023, 2]),
        reverse("bukti-unduh", args=[bukti_manado.pk]),
        reverse("berkas-unduh", args=[berkas.pk]),
        reverse("berkas-status", args=[berkas.pk]),
    ]
    for url in halaman:
        assert orang_lain.get(url).status_code == 404, url
    kiriman = [
        reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk]),
        reverse("entri-pratinjau", args=[manado.pk, 2023, 2, line.pk]),
        reverse("entri-bukti", args=[manado.pk, 2023, 2, line.pk]),
        reverse("entri-ajukan", args=[manado.pk, 2023, 2]),
        reverse("bukti-hapus", args=[bukti_manado.pk]),
        reverse("anggaran-impor", args=[manado.pk, 2023, "struktur"]),
    ]
    for url in kiriman:
        assert orang_lain.post(url, {}).status_code == 404, url
    assert BuktiDukung.objects.filter(pk=bukti_manado.pk).exists()


def test_guessing_ids_finds_nothing(orang_lain, manado, pekanbaru, bukti_manado):
    # Every evidence id up to well past the last one: only Pekanbaru's could be served.
    ids = range(1, bukti_manado.pk + 20)
    served = [i for i in ids if orang_lain.get(reverse("bukti-unduh", args=[i])).status_code == 200]
    assert served == []
    # A line of Manado addressed through Pekanbaru's own page is not found either.
    line = siklus.lines_satker(manado, 2023)[0]
    url = reverse("entri-realisasi", args=[pekanbaru.pk, 2023, 2, line.pk])
    assert orang_lain.post(url, {}).status_code == 404


def test_the_secretariats_pages_are_forbidden_to_satker_users(orang_lain, manado):
    lap = PelaporanTriwulan.objects.create(satker=manado, tahun=2023, triwulan=2)
    assert orang_lain.get(reverse("reviu")).status_code == 403
    assert orang_lain.get(reverse("reviu-detail", args=[lap.pk])).status_code == 403
    assert (
        orang_lain.post(reverse("reviu-aksi", args=[lap.pk]), {"aksi": "verifikasi"}).status_code
        == 403
    )
    assert orang_lain.post(reverse("reviu-buka"), {}).status_code == 403


def test_api_items_of_another_satker_are_absent(manado, bukti_manado):
    client = api("operator.pekanbaru")
    assert client.get("/api/v1/capaian/", {"satker": MANADO}).json()["count"] == 0
    assert client.get("/api/v1/anggaran/", {"satker": MANADO}).json()["count"] == 0
    berkas = laporan_services.minta(
        user=pengguna("operator.manado"), satker=manado, jenis="pk", format_="pdf", tahun=2023
    )
    assert client.get(f"/api/v1/laporan/{berkas.pk}/").status_code == 404
    assert client.get(f"/api/v1/laporan/{berkas.pk}/unduh/").status_code == 404
    # ...while the secretariat sees them.
    assert api("reviewer").get("/api/v1/anggaran/", {"satker": MANADO}).json()["count"] == (
        ItemAnggaran.objects.filter(satker=manado, tahun=2023).count()
    )


def test_evidence_is_served_to_the_satker_and_the_secretariat_as_an_attachment(
    client, bukti_manado
):
    for username in ("operator.manado", "kepala.manado", "reviewer"):
        masuk(client, pengguna(username))
        response = client.get(reverse("bukti-unduh", args=[bukti_manado.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"] == 'attachment; filename="notulen.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
    client.logout()
    assert client.get(reverse("bukti-unduh", args=[bukti_manado.pk])).status_code == 302


def test_the_satker_removes_evidence_until_the_quarter_is_submitted(
    client, manado, bukti_manado, django_capture_on_commit_callbacks
):
    storage, nama = bukti_manado.berkas.storage, bukti_manado.berkas.name
    realisasi = bukti_manado.realisasi
    client.force_login(pengguna("operator.manado"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("bukti-hapus", args=[bukti_manado.pk]), follow=True)
    assert "bukti “notulen.pdf” dihapus." in response.content.decode()
    assert not BuktiDukung.objects.filter(pk=bukti_manado.pk).exists()
    assert not storage.exists(nama)
    line = realisasi.indikator
    assert [(h.lama, h.baru) for h in riwayat.riwayat(realisasi) if h.field == "bukti"] == [
        ("notulen.pdf", ""),
        ("", "notulen.pdf"),
    ]
    assert riwayat.riwayat(realisasi)[0].uraian_objek == f"{line.kode} TW II"

    # Once the kepala has submitted, the evidence stays.
    lagi = bukti.unggah(
        user=pengguna("operator.manado"), line=line, triwulan=2,
        berkas=SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n0000"),
    )  # fmt: skip
    lap = siklus.pelaporan(manado, 2023, 2)
    lap.status = "diajukan"
    lap.save()
    response = client.post(reverse("bukti-hapus", args=[lagi.pk]), follow=True)
    assert BuktiDukung.objects.filter(pk=lagi.pk).exists()
    assert lagi.berkas.storage.exists(lagi.berkas.name)
    assert "sudah diajukan" in response.content.decode()


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("nama", "isi", "jenis"),
    [
        ("a.pdf", PDF, "application/pdf"),
        ("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 10, "image/png"),
        ("a.JPG", b"\xff\xd8\xff\xe0" + b"0" * 10, "image/jpeg"),
        (
            "a.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 10, "application/octet-stream"),
    ],
)
def test_accepted_kinds_by_content(nama, isi, jenis):
    _, dikenali = bukti.periksa(SimpleUploadedFile(nama, isi))
    assert dikenali.mime == jenis


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        (
            "skrip.pdf",
            b"<script>alert(1)</script>",
            "bukan PDF, gambar (PNG/JPEG) atau dokumen Office",
        ),
        ("foto.pdf", b"\x89PNG\r\n\x1a\n0000", "tidak sesuai isinya (gambar PNG, .png)"),
        ("arsip.docx", b"PK\x03\x04bukan-zip", "bukan PDF, gambar"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_refused_kinds_say_why(nama, isi, pesan):
    with pytest.raises(ValidationError) as exc:
        bukti.periksa(SimpleUploadedFile(nama, isi))
    assert pesan in exc.value.messages[0]


def test_files_over_the_configured_size_are_refused(settings):
    settings.BUKTI_UKURAN_MAKS = 1024 * 1024
    besar = SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="paling besar 1 MB"):
        bukti.periksa(besar)
