"""The PDF reports, read back with pypdf: the layout. The figures of every table are pinned
cell by cell on the report model (test_isi_*.py); here the PDF prints those cells, every PK
indicator's row in order; a contents page whose page numbers are the pages the chapters
start on; table headers repeated on every page a table spans; A4 pages, landscape where
tables are wide; the project's own embedded fonts. Two reports are rendered for the session
(a PP-39 and a LAKIP), since a render takes seconds."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from kinerja.formatting import format_desimal_ringkas, romawi
from kinerja.models import IndikatorPerjanjian
from kinerja.selectors import hitung_capaian
from laporan import dokumen as d
from tests.conftest import MANADO, PEKANBARU
from tests.laporan.conftest import REPORTS, Rendered, normal

pytestmark = pytest.mark.django_db

A4 = (595.3, 841.9)  # points


def baris_yang_diharapkan(kode_satker: str, triwulan: int | None) -> dict[str, str]:
    """Each PK line as its table row prints it: code and indicator, target, unit, realisasi,
    capaian, the figures formatted by the computation module (Hasil.tampil)."""
    lines = list(
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker__kode=kode_satker, sasaran__perjanjian__tahun=2023
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .order_by("sasaran__nomor", "nomor")
    )
    hasil = hitung_capaian(lines, triwulan)
    assert len(hasil) == len(lines) > 0
    return {
        line.kode: normal(
            f"{line.kode} {line.uraian} {format_desimal_ringkas(line.target)} "
            f"{line.get_satuan_display()} {h.realisasi.tampil} "
            + (f"{h.capaian.tampil}%" if h.capaian.dapat_dihitung else "–")
        )
        for line, h in zip(lines, hasil, strict=True)
    }


@pytest.mark.parametrize("nama", ["pp39-manado", "lakip-pekanbaru"])
def test_every_pk_indicator_is_printed_with_its_computed_figures(rendered, nama):
    jenis, kode, triwulan = REPORTS[nama]
    r = rendered(nama)
    expected = baris_yang_diharapkan(kode, triwulan if jenis == "pp39" else None)
    missing = [row for row in expected.values() if row not in r.text]
    assert missing == []


def _halaman_mulai(r: Rendered, judul: str, sesudah: int) -> int:
    """The index of the first page after `sesudah` that begins with the heading `judul` (not
    with its entry in the contents, which is followed by leader dots)."""
    judul = normal(judul)
    for i in range(sesudah + 1, len(r.pages)):
        p = r.pages[i]
        if p.startswith(judul) and not re.match(re.escape(judul) + r" ?\.{3}", p):
            return i
    raise AssertionError(f"halaman '{judul}' tidak ditemukan")


def periksa_daftar_isi(r: Rendered) -> int:
    """Every chapter, front-matter section and annex is listed on the contents page with the
    page number printed at the foot of the page it starts on. Returns the entries checked."""
    lap = r.laporan
    isi = [i for i, p in enumerate(r.pages) if p.startswith("DAFTAR ISI")]
    assert isi, "halaman daftar isi tidak ada"
    toc = " ".join(r.pages[isi[0] : isi[0] + 3])
    akhir_toc = isi[0]
    bab_i = _halaman_mulai(r, lap.bab[0].judul_lengkap, akhir_toc)
    entri = [(b, True) for b in lap.depan] + [(b, False) for b in (*lap.bab, *lap.lampiran)]
    for bagian, depan in entri:
        m = re.search(re.escape(normal(bagian.judul_lengkap)) + r" \.+ ?([ivxlc]+|\d+)", toc)
        assert m, f"{bagian.judul_lengkap} tidak ada di daftar isi"
        nomor = m.group(1)
        halaman = _halaman_mulai(r, bagian.judul_lengkap, -1 if depan else akhir_toc)
        cetak = r.pages[halaman].split()[-1]  # the page number at the foot of the page
        assert nomor == cetak, bagian.judul_lengkap
        if depan:
            assert nomor == romawi(halaman + 1).lower()
        else:
            assert int(nomor) == halaman - bab_i + 1
    return len(entri)


@pytest.mark.parametrize("nama", ["pp39-manado", "lakip-pekanbaru"])
def test_contents_page_lists_every_chapter_with_its_page_number(rendered, nama):
    r = rendered(nama)
    assert periksa_daftar_isi(r) >= 6
    for bab in ("BAB I", "BAB II", "BAB III", "BAB IV"):
        assert any(b.nomor == bab for b in r.laporan.bab)


def test_lists_of_tables_and_figures_name_every_numbered_one(rendered):
    r = rendered("lakip-pekanbaru")
    daftar_tabel = next(i for i, p in enumerate(r.pages) if p.startswith("DAFTAR TABEL"))
    teks = " ".join(r.pages[daftar_tabel : daftar_tabel + 4])
    for t in r.laporan.tabel():
        assert normal(f"Tabel {t.nomor}. {t.judul}") in teks
    gambar = r.laporan.gambar()
    assert len(gambar) >= 3  # budget plan vs realisation, PNBP by year, services by year
    for g in gambar:
        assert normal(f"Gambar {g.nomor}. {g.judul}") in r.text


def test_a_table_that_breaks_repeats_its_header_on_the_next_page(rendered):
    r = rendered("lakip-pekanbaru")
    tabel = next(t for t in r.laporan.tabel() if t.nama_lembar == "Realisasi Anggaran")
    kepala = "Kode Kegiatan/KRO/RO/Komponen/Sub Komponen Pagu (Rp) Realisasi (Rp) %"
    mulai = next(i for i, p in enumerate(r.pages) if f"{tabel.label}. {tabel.judul} {kepala}" in p)
    # The table spans more than one page; the next page starts with the repeated header.
    assert r.pages[mulai + 1].startswith(kepala)
    assert "Total Rp 7.680.590.000" in r.pages[mulai + 1] + r.pages[mulai + 2]


def test_pages_are_a4_landscape_where_tables_are_wide_and_fonts_are_the_projects(rendered):
    r = rendered("pp39-manado")
    reader = PdfReader(io.BytesIO(r.pdf))
    ukuran = {
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        for p in reader.pages
    }
    assert ukuran == {A4, A4[::-1]}
    fonts = set()
    for page in reader.pages:
        for f in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    # Subsets of the "Badan" faces: Liberation Sans from static/fonts, embedded.
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+Badan(-Bold)?(-Italic)?", f) for f in fonts)


def test_a_section_without_narrative_is_left_out_and_listed_for_the_reviewer(susunan, db):
    # The Manado demo data hold no LAKIP narrative: a signed report prints no "not entered"
    # notice; the reviewer's annex (off by default) lists every empty section.
    laporan = susunan("lakip-manado")
    gaya = {b.gaya for b in laporan.blok_semua() if isinstance(b, d.Paragraf)}
    assert not gaya & {"kosong", "reviu"}
    kata_pengantar = next(b for b in laporan.depan if b.judul == "KATA PENGANTAR")
    assert [b.blok for b in kata_pengantar.isi] == ["tanda_tangan"]  # the head's signature
    assert "KATA PENGANTAR: Narasi “Kata pengantar” belum diisi oleh satker." in (
        laporan.catatan_penyusunan
    )
    assert laporan.lampiran[-1].judul != "Catatan Penyusunan (untuk reviu, bukan bagian laporan)"
    from laporan import services
    from satker.models import Satker

    dengan = services.susun("lakip", Satker.objects.get(kode=MANADO), 2023, catatan_reviu=True)
    annex = dengan.lampiran[-1]
    assert annex.judul == "Catatan Penyusunan (untuk reviu, bukan bagian laporan)"
    assert "KATA PENGANTAR: Narasi “Kata pengantar” belum diisi oleh satker." in annex.isi[0].butir


def test_the_narrative_entered_appears_where_the_source_has_it(rendered):
    from laporan.models import NarasiLaporan

    r = rendered("pp39-manado")
    bab_iv = next(p for p in r.pages if p.startswith("BAB IV PENUTUP"))
    penutup = NarasiLaporan.objects.get(
        satker__kode=MANADO, jenis="pp39", tahun=2023, triwulan=2, bagian="penutup"
    )
    # Its first paragraph (the fixture transcribes Bab IV of the Manado report).
    pertama = normal(d.narasi(penutup.teks)[0].teks)
    assert pertama[:120] in bab_iv
    pk = rendered("pk-pekanbaru")
    # The PK's total budget, Rp 7.350.321.000, written out as the source does.
    assert "Total Anggaran Tahun 2023: Rp 7.350.321.000,-" in pk.text
    assert "(Tujuh miliar tiga ratus lima puluh juta tiga ratus dua puluh satu ribu rupiah)" in (
        pk.text
    )


def test_a_120_page_lakip_renders(db, pekanbaru):
    """The source LAKIP is about 120 pages; with every indicator's narrative as long as a
    real one can be, the report still renders with a correct contents page."""
    from kinerja.models import NarasiIndikator
    from laporan import services

    for n in NarasiIndikator.objects.filter(indikator__sasaran__perjanjian__satker=pekanbaru):
        for field in ("hasil", "analisis_capaian", "perbandingan", "kendala", "rekomendasi"):
            setattr(n, field, "\n\n".join([getattr(n, field) or "Uraian."] * 5))
        n.save()
    laporan = services.susun("lakip", pekanbaru, 2023)
    pdf = services.render(laporan, "pdf")
    r = Rendered(laporan, pdf.isi, pdf.halaman, b"")
    assert pdf.halaman >= 120
    assert len(r.pages) == pdf.halaman
    periksa_daftar_isi(r)


def test_report_title_and_period_are_in_every_page_header(rendered):
    r = rendered("lakip-pekanbaru")
    kepala = f"{r.laporan.judul} · {r.laporan.satker}"
    # Every page but the memo, the review-team decree (three pages with its annex, printed
    # as a decree: test_isi_lakip_tabel_sumber.py) and the cover carries the running header.
    tanpa = [i for i, p in enumerate(r.pages) if kepala not in p]
    assert tanpa == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("kode", [MANADO, PEKANBARU])
def test_pk_document_renders_for_both_satker_with_every_target(kode):
    from laporan import services
    from satker.models import Satker

    laporan = services.susun("pk", Satker.objects.get(kode=kode), 2023)
    pdf = services.render(laporan, "pdf")
    text = normal(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.isi)).pages))
    for line in IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker__kode=kode, sasaran__perjanjian__tahun=2023
    ):
        target = format_desimal_ringkas(line.target)
        assert normal(f"{line.kode} {line.uraian} {target} {line.get_satuan_display()}") in text
    assert "PERJANJIAN KINERJA TAHUN 2023" in text
