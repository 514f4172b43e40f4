"""The pictures on the report-narrative pages: each section lists its pictures with caption,
thumbnail and the name to refer to them by; an upload is refused with its reason beside the
form and stores nothing; another satker's picture is not found; the secretariat reads but
does not change; a quarter under review or verified keeps its pictures as they are."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kinerja import siklus
from laporan import gambar
from laporan.models import GambarLaporan
from satker.models import Pengguna, Satker
from tests.factories import gambar_png
from tests.halaman import baca, pesan
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def url_lakip(satker) -> str:
    return reverse("entri-narasi-lakip", args=[satker.pk, 2023])


def url_unggah_pp39(satker, triwulan: int = 3) -> str:
    return reverse("entri-gambar-pp39", args=[satker.pk, 2023, triwulan])


def kirim(client, url: str, tempat: str, nama: str, isi: bytes, **data):
    berkas = SimpleUploadedFile(nama, isi)
    return client.post(url, {"tempat": tempat, "judul": "Rapat evaluasi", **data, "berkas": berkas})


@pytest.fixture
def op_manado(client, demo):
    client.force_login(pengguna("operator.manado"))
    return client


def bagan_manado(manado) -> GambarLaporan:
    """The demo's organisation chart of Manado's PP-39, quarter II."""
    return GambarLaporan.objects.get(satker=manado, jenis="pp39", triwulan=2)


def test_the_section_shows_its_picture_with_thumbnail_caption_and_name(op_manado, manado):
    g = bagan_manado(manado)
    page = baca(op_manado.get(reverse("entri-narasi-pp39", args=[manado.pk, 2023, 2])))
    bagian = page.satu("div", kelas="gambar-bagian", id="g-struktur_organisasi")
    entri = bagian.satu("figure", kelas="gambar-entri")
    assert entri.satu("img").attrs["src"] == reverse("gambar-lihat", args=[g.pk]) + "?ukuran=kecil"
    assert entri.satu("strong", kelas="gambar-judul").teks == "Struktur Organisasi BSPJI Manado"
    assert entri.satu("code", kelas="gambar-rujukan").teks == "{gambar:struktur_organisasi}"
    # The thumbnail is a small picture of the same kind; the picture itself is shown inline.
    kecil = op_manado.get(reverse("gambar-lihat", args=[g.pk]), {"ukuran": "kecil"})
    assert kecil["Content-Type"] == "image/png" and kecil["X-Content-Type-Options"] == "nosniff"
    assert max(Image.open(io.BytesIO(kecil.content)).size) == gambar.MINIATUR
    penuh = op_manado.get(reverse("gambar-lihat", args=[g.pk]))
    assert penuh["Content-Disposition"].startswith("inline")
    assert b"".join(penuh.streaming_content) == gambar.isi(g)


def test_a_section_whose_source_figure_is_missing_says_so(op_manado, pekanbaru, client):
    client.force_login(pengguna("operator.pekanbaru"))
    page = baca(client.get(url_lakip(pekanbaru)))
    smart = page.satu("div", kelas="gambar-bagian", id="g-smart_dja")
    assert smart.satu("div", kelas="gambar-belum").teks.startswith(
        "Sumber laporan memuat gambar “Hasil penilaian kinerja SMART DJA” di bagian ini"
    )
    assert (
        page.semua("div", kelas="gambar-bagian", id="g-struktur_organisasi")[0].semua(
            "div", kelas="gambar-belum"
        )
        == []
    )


def test_an_upload_is_saved_listed_and_in_the_history(op_manado, manado):
    response = kirim(op_manado, url_unggah_pp39(manado), "penutup", "rapat.png", gambar_png(),
                     sumber="Dokumentasi BSPJI Manado")  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].endswith("#g-penutup")
    g = GambarLaporan.objects.get(satker=manado, triwulan=3, bagian="penutup")
    assert (g.judul, g.kunci, g.sumber, g.diunggah_oleh.username) == (
        "Rapat evaluasi",
        "rapat_evaluasi",
        "Dokumentasi BSPJI Manado",
        "operator.manado",
    )
    page = baca(op_manado.get(response["Location"]))
    assert "Gambar “Rapat evaluasi” diunggah; rujuk dengan {gambar:rapat_evaluasi}." in pesan(page)
    riwayat = page.satu("section", kelas="history").teks
    assert "Gambar PP-39 TW III 2023: Penutup / kesimpulan · Rapat evaluasi" in riwayat
    # Removed: gone from the page, the removal in the history.
    response = op_manado.post(reverse("gambar-hapus", args=[g.pk]))
    assert response.status_code == 302
    assert not GambarLaporan.objects.filter(pk=g.pk).exists()
    riwayat = baca(op_manado.get(response["Location"])).satu("section", kelas="history").teks
    assert "data dihapus" in riwayat


def test_a_text_renamed_png_is_refused_beside_its_form_and_nothing_is_saved(op_manado, manado):
    response = kirim(op_manado, url_unggah_pp39(manado), "penutup", "foto.png", b"bukan gambar")
    assert response.status_code == 400
    page = baca(response)
    bagian = page.satu("div", kelas="gambar-bagian", id="g-penutup")
    assert [e.teks for e in bagian.semua(kelas="field-error")] == [
        "Isi berkas foto.png bukan gambar PNG atau JPEG."
    ]
    # What was typed stays in the form that was sent, and only there.
    assert bagian.satu("input", name="judul").attrs["value"] == "Rapat evaluasi"
    lain = page.satu("div", kelas="gambar-bagian", id="g-kata_pengantar")
    assert lain.satu("input", name="judul").attrs.get("value", "") == ""
    assert not GambarLaporan.objects.filter(satker=manado, triwulan=3).exists()


def test_a_picture_too_large_is_refused(op_manado, manado, settings):
    settings.GAMBAR_UKURAN_MAKS = 1024 * 1024
    isi = gambar_png() + b"\0" * (1024 * 1024)
    response = kirim(op_manado, url_unggah_pp39(manado), "penutup", "besar.png", isi)
    assert response.status_code == 400
    assert "Berkas besar.png berukuran 1.0 MB; paling besar 1 MB." in response.content.decode()
    assert not GambarLaporan.objects.filter(satker=manado, triwulan=3).exists()


def test_another_satkers_picture_is_not_found(client, manado, demo):
    g = bagan_manado(manado)
    client.force_login(pengguna("operator.pekanbaru"))
    assert client.get(reverse("gambar-lihat", args=[g.pk])).status_code == 404
    assert client.get(reverse("gambar-lihat", args=[g.pk]), {"ukuran": "kecil"}).status_code == 404
    assert client.post(reverse("gambar-hapus", args=[g.pk])).status_code == 404
    response = kirim(client, url_unggah_pp39(manado), "penutup", "a.png", gambar_png())
    assert response.status_code == 404
    assert GambarLaporan.objects.filter(pk=g.pk).exists()
    assert not GambarLaporan.objects.filter(satker=manado, triwulan=3).exists()


def test_the_secretariat_sees_the_pictures_but_changes_none(client, manado, demo):
    g = bagan_manado(manado)
    masuk(client, pengguna("reviewer"))
    assert client.get(reverse("gambar-lihat", args=[g.pk])).status_code == 200
    page = baca(client.get(reverse("entri-narasi-pp39", args=[manado.pk, 2023, 2])))
    # No upload or removal form is offered; the fields are disabled.
    assert page.semua("form", id="gambar-penutup") == []
    assert page.semua("button", form=f"hapus-gambar-{g.pk}") == []
    assert client.post(reverse("gambar-hapus", args=[g.pk])).status_code == 403
    response = kirim(client, url_unggah_pp39(manado), "penutup", "a.png", gambar_png())
    assert response.status_code == 403
    assert GambarLaporan.objects.filter(pk=g.pk).exists()
    assert not GambarLaporan.objects.filter(satker=manado, triwulan=3).exists()


@pytest.mark.parametrize("status", ["diajukan", "diverifikasi"])
def test_a_submitted_quarters_pictures_stay(op_manado, manado, status):
    g = bagan_manado(manado)
    lap = siklus.pelaporan(manado, 2023, 2)
    lap.status = status
    lap.save()
    response = kirim(op_manado, url_unggah_pp39(manado, 2), "penutup", "a.png", gambar_png())
    assert response.status_code == 400
    alasan = siklus.alasan_laporan_terkunci(manado, 2023, 2)
    assert alasan in pesan(baca(response))
    assert baca(response).satu("div", kelas="locked").teks == alasan
    response = op_manado.post(reverse("gambar-hapus", args=[g.pk]))
    assert response.status_code == 400 and alasan in pesan(baca(response))
    assert list(GambarLaporan.objects.filter(satker=manado, triwulan=2)) == [g]
    # The LAKIP is not a quarter: its pictures stay open to the satker.
    response = kirim(
        op_manado, reverse("entri-gambar-lakip", args=[manado.pk, 2023]), "penutup", "a.png",
        gambar_png(),
    )  # fmt: skip
    assert response.status_code == 302


def test_a_lakip_picture_of_a_pk_line(client, pekanbaru):
    client.force_login(pengguna("operator.pekanbaru"))
    line = next(x for x in siklus.lines_satker(pekanbaru, 2023) if x.kode == "III.1")
    url = reverse("entri-gambar-lakip", args=[pekanbaru.pk, 2023])
    response = kirim(client, url, "indikator", "konsultasi.png", gambar_png(),
                     indikator=str(line.pk), judul="Konsultasi Teknis CPPOB")  # fmt: skip
    assert response.status_code == 302 and response["Location"].endswith("#g-indikator")
    g = GambarLaporan.objects.get(satker=pekanbaru, indikator=line)
    assert (g.bagian, g.kunci) == ("", "konsultasi_teknis_cppob")
    kartu = baca(client.get(url_lakip(pekanbaru))).satu("section", id="g-indikator")
    assert kartu.satu("strong", kelas="gambar-judul").teks == "Konsultasi Teknis CPPOB"
    # Another satker's line cannot be chosen.
    lain = siklus.lines_satker(Satker.objects.get(kode="247246"), 2023)[0]
    response = kirim(client, url, "indikator", "b.png", gambar_png(), indikator=str(lain.pk))
    assert response.status_code == 400
    assert not GambarLaporan.objects.filter(indikator=lain).exists()
