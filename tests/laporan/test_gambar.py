"""Pictures of a report's sections: accepted by what they are (a PNG or JPEG that Pillow reads
through, not a text renamed .png) and by size, nothing stored when refused; numbered in the
one "Gambar n" sequence with the charts, listed in the list of figures and named from the
narrative; placed after their section's text or where a paragraph places them; printed by
every renderer (an image in the PDF's page, a picture with its caption in Word, a sheet of
its own in Excel); a figure the source prints and nobody uploaded is told to the reviewer."""

from __future__ import annotations

import base64
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from kinerja import siklus
from laporan import dokumen as d
from laporan import gambar, services
from laporan.models import GambarLaporan, NarasiLaporan
from satker.models import Pengguna
from tests.factories import gambar_jpeg, gambar_png
from tests.laporan.conftest import normal

pytestmark = pytest.mark.django_db


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def unggah(satker, berkas: SimpleUploadedFile, **kwargs) -> GambarLaporan:
    nilai = {
        "user": pengguna("operator.pekanbaru"), "satker": satker, "jenis": "lakip",
        "tahun": 2023, "triwulan": None, "judul": "Hasil Penilaian Kinerja SMART DJA",
        "bagian": "smart_dja", "berkas": berkas,
    } | kwargs  # fmt: skip
    return gambar.unggah(**nilai)


def berkas_tersimpan(folder: str = "gambar") -> set[str]:
    """Every file stored under the pictures' folder."""
    if not default_storage.exists(folder):
        return set()
    folders, files = default_storage.listdir(folder)
    hasil = {f"{folder}/{f}" for f in files}
    for sub in folders:
        hasil |= berkas_tersimpan(f"{folder}/{sub}")
    return hasil


# --- what is accepted -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("catatan.png", b"Nilai Kinerja Anggaran 87,06\n",
         "Isi berkas catatan.png bukan gambar PNG atau JPEG."),
        ("laporan.png", b"%PDF-1.4\n%%EOF\n", "Isi berkas laporan.png bukan gambar PNG atau JPEG."),
        ("foto.jpg", gambar_png(), "Nama berkas foto.jpg tidak sesuai isinya (gambar PNG, .png)."),
        ("potong.png", gambar_png(400, 300)[:60],
         "Berkas potong.png tidak dapat dibaca sebagai gambar PNG: rusak atau terpotong."),
        ("kosong.png", b"", "Berkas kosong.png kosong."),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_whole_picture_is_refused_and_nothing_is_stored(
    pekanbaru, nama, isi, pesan
):
    sebelum = berkas_tersimpan()
    with pytest.raises(ValidationError) as exc:
        unggah(pekanbaru, SimpleUploadedFile(nama, isi))
    assert exc.value.message_dict == {"berkas": [pesan]}
    assert not GambarLaporan.objects.filter(satker=pekanbaru, bagian="smart_dja").exists()
    assert berkas_tersimpan() == sebelum


def test_a_picture_over_the_configured_size_is_refused(pekanbaru, settings):
    settings.GAMBAR_UKURAN_MAKS = 1024 * 1024
    besar = SimpleUploadedFile("besar.png", gambar_png() + b"\0" * (1024 * 1024))
    with pytest.raises(ValidationError) as exc:
        unggah(pekanbaru, besar)
    assert exc.value.message_dict["berkas"] == [
        "Berkas besar.png berukuran 1.0 MB; paling besar 1 MB."
    ]
    assert not GambarLaporan.objects.filter(satker=pekanbaru, bagian="smart_dja").exists()


def test_a_picture_with_more_pixels_than_any_camera_is_refused_before_it_is_decoded(
    pekanbaru, monkeypatch
):
    monkeypatch.setattr(gambar, "PIKSEL_MAKS", 100)
    with pytest.raises(ValidationError, match="paling banyak 0 juta piksel"):
        unggah(pekanbaru, SimpleUploadedFile("a.png", gambar_png(20, 20)))


def test_a_photo_is_stored_upright_and_without_its_camera_metadata(pekanbaru):
    # Orientation 6 (the camera held upright: the picture is turned 90°) and a GPS position.
    foto = gambar_jpeg(40, 30, exif={0x0112: 6, 0x8825: {2: (0.0, 30.0, 0.0)}})
    g = unggah(pekanbaru, SimpleUploadedFile("kegiatan.JPG", foto), judul="Foto kegiatan")
    assert (g.jenis_konten, g.lebar_px, g.tinggi_px) == ("image/jpeg", 30, 40)
    with Image.open(io.BytesIO(gambar.isi(g))) as img:
        assert img.size == (30, 40) and not img.getexif()


def test_an_upload_is_kept_in_the_history_and_named_from_its_caption(pekanbaru):
    g = unggah(pekanbaru, SimpleUploadedFile("smart dja.png", gambar_png()))
    assert (g.kunci, g.nama, g.urutan) == ("hasil_penilaian_kinerja_smart_dja", "smart dja.png", 1)
    from kinerja import riwayat

    h = {r.field: (r.lama, r.baru) for r in riwayat.riwayat(g)}
    assert h["judul"] == ("", "Hasil Penilaian Kinerja SMART DJA")
    assert h["nama"] == ("", "smart dja.png")
    assert riwayat.riwayat(g)[0].uraian_objek == (
        "Gambar LAKIP 2023: Efisiensi menurut aplikasi SMART DJA · Hasil Penilaian Kinerja "
        "SMART DJA"
    )
    # A second picture of the same name in the report is refused by that field.
    with pytest.raises(ValidationError) as exc:
        unggah(pekanbaru, SimpleUploadedFile("b.png", gambar_png()), kunci=g.kunci)
    assert exc.value.message_dict == {
        "kunci": ["Nama rujukan ini sudah dipakai gambar lain di laporan ini."]
    }


def test_a_picture_goes_in_a_section_of_its_report_or_a_pk_line_of_the_lakip(pekanbaru, manado):
    with pytest.raises(ValidationError) as exc:
        unggah(pekanbaru, SimpleUploadedFile("a.png", gambar_png()), bagian="nota_dinas")
    assert exc.value.message_dict == {"bagian": ["Bagian ini tidak dapat memuat gambar."]}
    line_manado = siklus.lines_satker(manado, 2023)[0]
    with pytest.raises(ValidationError) as exc:
        unggah(
            pekanbaru, SimpleUploadedFile("a.png", gambar_png()), bagian="", indikator=line_manado
        )
    assert exc.value.message_dict == {
        "indikator": ["Indikator ini bukan milik Perjanjian Kinerja tahun ini."]
    }


# --- in the report ----------------------------------------------------------------------


def test_pictures_and_charts_share_one_numbering_and_the_references_follow():
    grafik = d.Grafik("PNBP per tahun", ["2022"], [d.Seri("PNBP", [1])], kunci="pnbp")
    foto = d.GambarBerkas("Struktur organisasi", gambar_png(), "image/png", 40, 30,
                          kunci="struktur_organisasi")  # fmt: skip
    smart = d.GambarBerkas("SMART DJA", gambar_png(), "image/png", 40, 30, kunci="smart_dja")
    rujukan = d.Paragraf("Lihat {gambar:struktur_organisasi}, {gambar:pnbp}, {gambar:smart_dja}.")
    laporan = d.Laporan(
        "lakip", "LAKIP", "BSPJI Uji", "Tahun 2023",
        bab=[d.Bagian("SATU", "BAB I", isi=[rujukan, foto]),
             d.Bagian("DUA", "BAB II", isi=[grafik, smart])],
    ).nomori()  # fmt: skip
    assert [(g.label, g.judul) for g in laporan.gambar()] == [
        ("Gambar 1", "Struktur organisasi"), ("Gambar 2", "PNBP per tahun"),
        ("Gambar 3", "SMART DJA"),
    ]  # fmt: skip
    assert rujukan.teks == "Lihat Gambar 1, Gambar 2, Gambar 3."
    assert laporan.rujukan_gagal == []


def test_a_picture_named_like_a_chart_is_told_to_the_reviewer():
    grafik = d.Grafik("PNBP", ["2022"], [d.Seri("PNBP", [1])], kunci="pnbp")
    foto = d.GambarBerkas("Foto", gambar_png(), "image/png", 40, 30, kunci="pnbp")
    laporan = d.Laporan("lakip", "L", "S", "T", bab=[d.Bagian("B", isi=[grafik, foto])])
    laporan.nomori().nomori()
    assert laporan.catatan_penyusunan == [
        "Gambar 2 bernama {gambar:pnbp} seperti Gambar 1; rujukan itu menunjuk Gambar 1."
    ]


def test_the_organisation_chart_is_figure_1_of_the_lakip_placed_where_the_text_says(lakip):
    bab_i = next(b for b in lakip.bab if b.nomor == "BAB I")
    struktur = next(b for b in bab_i.anak if b.judul == "Struktur Organisasi")
    jenis = [b.blok for b in struktur.isi]
    # The paragraph naming it, the picture, then the units' tasks (as in the source).
    assert jenis[:3] == ["paragraf", "gambar_berkas", "paragraf"]
    bagan = struktur.isi[1]
    assert (bagan.label, bagan.judul, bagan.jenis_konten) == (
        "Gambar 1",
        "Struktur Organisasi BSPJI Pekanbaru",
        "image/png",
    )
    assert struktur.isi[0].teks.endswith("ditunjukkan pada Gambar 1.")
    # The charts follow it in the one numbering.
    assert [g.label for g in lakip.gambar()] == [f"Gambar {n}" for n in range(1, 6)]
    # The SMART DJA result is a screenshot nobody uploaded: printed without, told.
    smart = next(b for b in lakip.bagian_semua() if b.judul.startswith("Efisiensi Kinerja"))
    assert [b.blok for b in smart.isi] == ["paragraf"]
    assert (
        "3.6.1. Efisiensi Kinerja berdasarkan aplikasi SMART DJA Kementerian Keuangan: Gambar "
        "“Hasil penilaian kinerja SMART DJA” (nama rujukan smart_dja) belum diunggah."
    ) in lakip.catatan_penyusunan


def test_the_pdf_draws_the_chart_on_the_page_of_its_caption_and_lists_it(rendered):
    r = rendered("lakip-pekanbaru")
    judul = normal("Gambar 1. Struktur Organisasi BSPJI Pekanbaru")
    daftar = next(i for i, p in enumerate(r.pages) if p.startswith("DAFTAR GAMBAR"))
    assert judul in r.pages[daftar]
    halaman = [i for i, p in enumerate(r.pages) if judul in p and i != daftar]
    assert len(halaman) == 1
    reader = PdfReader(io.BytesIO(r.pdf))
    digambar = {i: gambar_digambar(p, p["/Resources"]) for i, p in enumerate(reader.pages)}
    # The picture is drawn on the page of its caption, and on no other page (the charts are
    # vector graphics).
    assert {i for i, imgs in digambar.items() if imgs} == set(halaman)
    (xobject,) = digambar[halaman[0]]
    bagan = next(g for g in r.laporan.gambar() if isinstance(g, d.GambarBerkas))
    assert (xobject["/Width"], xobject["/Height"]) == (bagan.lebar_px, bagan.tinggi_px)


def gambar_digambar(isi, resources) -> list:
    """The image XObjects a page (or a form XObject) actually draws: every `Do` of its
    content stream, through the forms it draws. (WeasyPrint gives every page the same
    resources, so listing them tells nothing.)"""
    from pypdf.generic import ContentStream

    xobjects = resources.get_object().get("/XObject") or {}
    hasil = []
    konten = ContentStream(isi.get_contents() if hasattr(isi, "get_contents") else isi, None)
    for operands, operator in konten.operations:
        if operator != b"Do":
            continue
        x = xobjects[operands[0]].get_object()
        if x["/Subtype"] == "/Image":
            hasil.append(x)
        elif x["/Subtype"] == "/Form":
            hasil += gambar_digambar(x, x.get("/Resources") or resources)
    return hasil


def _pp39_dengan_foto(manado) -> d.Laporan:
    g = gambar.unggah(
        user=pengguna("operator.manado"), satker=manado, jenis="pp39", tahun=2023, triwulan=2,
        bagian="penutup", judul="Rapat monitoring dan evaluasi",
        sumber="Dokumentasi BSPJI Manado, Juni 2023",
        berkas=SimpleUploadedFile("rapat.png", gambar_png(300, 200)),
    )  # fmt: skip
    NarasiLaporan.objects.filter(satker=manado, jenis="pp39", triwulan=2, bagian="penutup").update(
        teks=f"Rapat dipantau (lihat {{gambar:{g.kunci}}}).\n\n[[gambar:{g.kunci}]]\n\nSelesai."
    )
    return services.susun("pp39", manado, 2023, 2)


def test_word_has_the_picture_with_its_caption_and_source(manado):
    laporan = _pp39_dengan_foto(manado)
    doc = Document(io.BytesIO(services.render(laporan, "docx").isi))
    paragraf = list(doc.paragraphs)
    teks = [p.text for p in paragraf]
    foto = next(g for g in laporan.gambar() if g.judul == "Rapat monitoring dan evaluasi")
    assert f"Rapat dipantau (lihat {foto.label})." in teks
    # The caption (the list of figures repeats its text first).
    i = max(i for i, t in enumerate(teks) if t == f"{foto.label}. Rapat monitoring dan evaluasi")
    assert paragraf[i].style.name == "Caption"
    assert paragraf[i - 1]._p.xpath(".//pic:pic")
    blip = paragraf[i - 1]._p.xpath(".//a:blip/@r:embed")[0]
    assert doc.part.related_parts[blip].blob == foto.isi
    assert teks[i + 1] == "Dokumentasi BSPJI Manado, Juni 2023"
    assert teks[i + 2] == "Selesai."  # placed where the paragraph asked, not at the end
    shape = next(s for s in doc.inline_shapes if s._inline.xpath(f".//a:blip[@r:embed='{blip}']"))
    assert round(shape.width.cm, 2) == 16.0 and round(shape.height.cm, 2) == round(16 * 2 / 3, 2)
    # The organisation chart stays Gambar 1; the photo comes after the budget chart.
    assert laporan.gambar()[0].judul == "Struktur Organisasi BSPJI Manado"


def test_excel_gives_a_picture_its_own_sheet_listed_in_the_contents(manado):
    laporan = _pp39_dengan_foto(manado)
    wb = load_workbook(io.BytesIO(services.render(laporan, "xlsx").isi))
    foto = next(g for g in laporan.gambar() if g.judul == "Rapat monitoring dan evaluasi")
    ws = next(w for w in wb.worksheets if w["A3"].value == f"{foto.label}. {foto.judul}")
    assert len(ws._images) == 1 and ws["A5"].value == "Dokumentasi BSPJI Manado, Juni 2023"
    isi = wb["Daftar Isi"]
    baris = next(r for r in isi.iter_rows(min_row=6, values_only=True) if r[0] == foto.label)
    assert baris[1:] == (foto.judul, ws.title)


def test_a_pk_lines_photo_follows_its_analysis_of_achievement(pekanbaru):
    line = next(x for x in siklus.lines_satker(pekanbaru, 2023) if x.kode == "I.1")
    unggah(
        pekanbaru, SimpleUploadedFile("pelatihan.png", gambar_png()), bagian="", indikator=line,
        judul="Pelatihan Sertifikasi Halal bersama Asosiasi PEKINDO",
    )  # fmt: skip
    laporan = services.susun("lakip", pekanbaru, 2023).nomori()
    bagian = next(b for b in laporan.bagian_semua() if b.judul.startswith("Indikator I.1:"))
    judul = [b.teks if isinstance(b, d.Paragraf) else b.blok for b in bagian.isi]
    i = judul.index("gambar_berkas")
    sebelum = [
        t for t in judul[:i] if t in ("Analisis capaian kinerja", "Hasil yang telah dicapai")
    ]
    assert sebelum == ["Hasil yang telah dicapai", "Analisis capaian kinerja"]
    assert judul[i + 1] == "Analisis penyebab keberhasilan/kegagalan"
    assert bagian.isi[i].label == "Gambar 2"  # after the organisation chart, before the charts


def test_the_html_file_carries_its_pictures_inside(pp39):
    html = services.render(pp39, "html").isi.decode()
    bagan = next(g for g in pp39.gambar() if isinstance(g, d.GambarBerkas))
    assert f'src="data:image/png;base64,{base64.b64encode(bagan.isi).decode()}"' in html
    assert "/gambar/" not in html  # nothing for the file's reader to fetch
