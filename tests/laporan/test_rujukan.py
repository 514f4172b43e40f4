"""Figures and cross-references named in a narrative (Laporan.nomori) and the check of what a
narrative states (kinerja/perhitungan/narasi.py): the contradictions a reviewer found in the
demo reports (LAKIP Pekanbaru 2023, III.2: "363 persen … 7,260 persen" under a table that
says 363,80 and 7.276,00) are refused, a named figure or table prints as computed and
numbered."""

from __future__ import annotations

import pytest

from kinerja.perhitungan.narasi import periksa_narasi
from laporan import dokumen as d

# Pekanbaru 2023, as computed: III.2 PNBP growth (556.782.250 − 120.047.000) / 120.047.000 ×
# 100 = 363,80 against a 5% target, capaian 363,80 / 5 × 100 = 7.276,00; III.3 service
# results (255 − 165) / 165 × 100 = 54,55, capaian 1.091,00; V.1 IKM 3,82.
NILAI = {
    "III.2.realisasi": "363,80", "III.2.capaian": "7.276,00", "III.2.target": "5",
    "III.3.realisasi": "54,55", "III.3.capaian": "1.091,00",
    "V.1.realisasi": "3,82", "V.1.capaian": "109,14",
}  # fmt: skip


def pesan(teks: str, kode: str | None = None) -> list[str]:
    return [t.pesan for t in periksa_narasi(teks, nilai=NILAI, kode=kode)]


def test_the_reviewers_contradictions_are_refused():
    # The source's own sentence under III.2.
    assert pesan(
        "Realisasi indikator ini sebesar 363 persen dengan target 5 persen sehingga capaian "
        "realisasi sebesar 7,260 persen.",
        "III.2",
    ) == [
        "III.2: realisasi ditulis 363, hasil hitung 363,80; tulis {III.2.realisasi}.",
        "III.2: capaian ditulis 7,260, hasil hitung 7.276,00; tulis {III.2.capaian}.",
    ]
    assert pesan(
        "Realisasi indikator ini sebesar 50 persen dengan target 5 persen sehingga capaian "
        "realisasi sebesar 1000 persen.",
        "III.3",
    ) == [
        "III.3: realisasi ditulis 50, hasil hitung 54,55; tulis {III.3.realisasi}.",
        "III.3: capaian ditulis 1000, hasil hitung 1.091,00; tulis {III.3.capaian}.",
    ]
    assert pesan("Realisasi indikator ini sebesar 3,81 indeks.", "V.1") == [
        "V.1: realisasi ditulis 3,81, hasil hitung 3,82; tulis {V.1.realisasi}."
    ]


def test_the_computed_figures_named_or_typed_exactly_pass():
    assert (
        pesan(
            "Realisasi sebesar {III.2.realisasi} persen, capaian {III.2.capaian} persen.", "III.2"
        )
        == []
    )
    assert pesan("Realisasi mencapai 363,80 persen; capaian 7.276,00 persen.", "III.2") == []
    # A number of another line, or with no line to compare with, is not judged.
    assert pesan("Realisasi sebesar 363 persen.") == []


def test_a_sections_sentence_that_names_one_line_is_judged_against_it():
    # A report section is no line's text: a figure is judged where a sentence names the line.
    assert pesan(
        "Pada Indikator Kinerja III.2, realisasi indikator sebesar 363 persen. Pada Indikator "
        "Kinerja III.3, realisasi indikator sebesar 54,55 persen.\n"
        "- Indikator V.1: capaian kinerja sebesar 109 persen"
    ) == [
        "III.2: realisasi ditulis 363, hasil hitung 363,80; tulis {III.2.realisasi}.",
        "V.1: capaian ditulis 109, hasil hitung 109,14; tulis {V.1.capaian}.",
    ]
    # A sentence naming two lines, or none, or a line the figures do not know, is not judged;
    # nor is a name ({III.2.realisasi}) taken for the line's code.
    assert (
        pesan(
            "Realisasi indikator III.2 dan III.3 sebesar 50 persen. Realisasi indikator sebesar "
            "7 persen. Pada indikator IX.9 realisasi indikator sebesar 7 persen. Realisasi "
            "indikator sebesar {III.2.realisasi} persen, bukan 7 persen."
        )
        == []
    )


def test_a_typed_table_number_an_unknown_name_and_an_empty_colon_are_refused():
    assert pesan("Rinciannya dapat dilihat pada Tabel 29 dan Gambar 1.") == [
        "“Tabel 29” diketik sebagai nomor; tulis {tabel:nama} agar nomornya selalu nomor di "
        "laporan ini.",
        "“Gambar 1” diketik sebagai nomor; tulis {gambar:nama} agar nomornya selalu nomor di "
        "laporan ini.",
    ]
    assert pesan("Lihat {tabel:capaian_renstra}; realisasi {III.9.realisasi}.") == [
        "Rujukan {III.9.realisasi} tidak dikenal."
    ]
    # A colon announces something: a list after it is fine, nothing (or prose) is not.
    assert pesan("Unsur pelayanan meliputi:\n- persyaratan\n- prosedur") == []
    assert pesan("Unsur pelayanan meliputi:\n\n1. persyaratan\n2. prosedur") == []
    # A table placed on the next line is what the colon announced.
    assert pesan("Ruang lingkup sebagai berikut:\n\n[[tabel:ruang-lingkup-uji]]") == []
    assert pesan("Hasilnya sebagai berikut:") == [
        "Kalimat “…Hasilnya sebagai berikut:” diakhiri titik dua tanpa rincian."
    ]
    assert pesan("Hasilnya sebagai berikut:\n\nKegiatan berjalan lancar.") == [
        "Kalimat “…Hasilnya sebagai berikut:” diakhiri titik dua tanpa rincian."
    ]


def laporan_kecil(teks: str) -> d.Laporan:
    tabel = d.Tabel(
        judul="Capaian Renstra", kepala=[d.kolom("A")], baris=[[d.teks("{III.2.capaian}")]],
        nama_lembar="Capaian Renstra",
    )  # fmt: skip
    lampiran = d.Tabel(
        judul="Capaian Renstra (lampiran)", kepala=[d.kolom("A")], baris=[],
        nama_lembar="Capaian Renstra",
    )  # fmt: skip
    return d.Laporan(
        jenis="lakip", judul="LAKIP", satker="BSPJI Pekanbaru", periode="2023",
        bab=[
            d.Bagian("Pendahuluan", isi=[d.Tabel("Lain", [d.kolom("A")], [])]),
            d.Bagian("Capaian", isi=[d.Paragraf(teks), tabel]),
        ],
        lampiran=[d.Bagian("Lampiran", isi=[lampiran])],
        nilai=NILAI,
    )  # fmt: skip


def test_named_figures_and_tables_are_printed_as_computed_and_numbered():
    laporan = laporan_kecil(
        "Realisasi {III.2.realisasi} persen (capaian {III.2.capaian} persen), lihat "
        "{tabel:capaian_renstra}; {III.9.capaian}."
    ).nomori()
    paragraf = laporan.bab[1].isi[0]
    # The body's table is the second (Tabel 2); the annex repeats the name but is not it.
    assert paragraf.teks == ("Realisasi 363,80 persen (capaian 7.276,00 persen), lihat Tabel 2; –.")
    assert laporan.bab[1].isi[1].baris[0][0].teks() == "7.276,00"  # a cell names it too
    assert laporan.rujukan_gagal == ["III.9.capaian"]
    assert "Rujukan {III.9.capaian} tidak dikenal." in laporan.catatan_penyusunan


@pytest.mark.django_db
def test_the_lakip_resolves_a_narrative_that_names_its_figures(demo):
    from kinerja.models import IndikatorPerjanjian, NarasiIndikator
    from laporan.susun import lakip
    from satker.models import Satker

    pekanbaru = Satker.objects.get(kode="417912")
    iii2 = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker=pekanbaru, sasaran__nomor=3, nomor=2
    )
    NarasiIndikator.objects.update_or_create(
        indikator=iii2,
        defaults={
            "hasil": "Realisasi indikator ini sebesar {III.2.realisasi} persen dengan target "
            "{III.2.target} persen sehingga capaian sebesar {III.2.capaian} persen "
            "({tabel:capaian_renstra})."
        },
    )
    laporan = lakip.susun(pekanbaru, 2023)
    teks = [b.teks for b in laporan.blok_semua() if isinstance(b, d.Paragraf)]
    renstra = next(t for t in laporan.tabel() if t.nama_lembar == "Capaian Renstra")
    assert (
        "Realisasi indikator ini sebesar 363,80 persen dengan target 5 persen sehingga capaian "
        f"sebesar 7.276,00 persen ({renstra.label})."
    ) in teks
    assert not any("{" in t for t in teks)


@pytest.mark.django_db
def test_the_pp39_names_the_budget_and_the_pnbp_its_conclusion_prints(manado):
    """Manado, quarter II 2023: the budget at 30 June (Tabel 14-16 of the source: pagu
    12.207.073.000, realisation 5.215.824.466 = 42,73%, physical progress 45,58%) and the PNBP
    received to 30 June against the year's target (518.891.250 / 1.150.000.000 = 45,12%), as
    Bab IV's summary prints them."""
    from laporan.susun import pp39

    laporan = pp39.susun(manado, 2023, 2)
    assert {k: v for k, v in laporan.nilai.items() if not k[0].isupper()} == {
        "anggaran.pagu": "Rp 12.207.073.000",
        "anggaran.realisasi": "Rp 5.215.824.466",
        "anggaran.persen": "42,73",
        "anggaran.fisik": "45,58",
        "pnbp.target": "Rp 1.150.000.000",
        "pnbp.realisasi": "Rp 518.891.250",
        "pnbp.persen": "45,12",
    }
    ringkas = dict(next(b for b in laporan.bab[3].isi if isinstance(b, d.Rincian)).pasangan)
    assert ringkas["Target PNBP"] == laporan.nilai["pnbp.target"]
    assert ringkas["Penerimaan PNBP s.d. 30 Juni 2023"] == (
        f"{laporan.nilai['pnbp.realisasi']} ({laporan.nilai['pnbp.persen']}%)"
    )
    assert ringkas["Realisasi anggaran s.d. Triwulan II"] == (
        f"{laporan.nilai['anggaran.realisasi']} ({laporan.nilai['anggaran.persen']}%)"
    )
