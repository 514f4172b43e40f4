"""The text of the PP-39 report of BSPJI Manado, Triwulan II 2023, against its own tables. A
reviewer found the source's text contradicting its tables and pointing to the source's table
numbers, and sentences ending in "sebagai berikut:" with nothing after them. The narratives
(fixtures/manado/laporan_2023.yaml and the quarter II texts of fixtures/manado/pk_2023.yaml) now
name their figures and tables; here the report is read as printed:

- no name is left unresolved ("{" in any text, of the model or of the PDF);
- every "Tabel n" / "Gambar n" of a paragraph or list item comes from a name in the fixture
  text, and names the table of the report that holds what the sentence points to;
- no paragraph or list item ends in a colon unless a list or a table follows it;
- the report carries no remark of the application (catatan_penyusunan is empty);
- every figure a text names prints as the report's tables print it, and those are the figures
  worked out by hand from the fixtures (the source's slips replaced: Penutup 3's physical
  progress 45,57%, III.2's PNBP of Rp 518.891.000; its realisation is SAKTI's amount)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kinerja.demo_data import FIXTURES_DIR
from kinerja.formatting import romawi
from laporan import dokumen as d
from satker.fixture_loading import read_yaml
from tests.laporan.conftest import normal, tabel

pytestmark = pytest.mark.django_db

NAMA = re.compile(r"\{([A-Za-z0-9_.:\-]+)\}")
NOMOR = re.compile(r"\b(?:Tabel|Gambar) \d+\b")

# What each table a Manado text names holds: the body's table of that title, not the annex
# copy that shares its name (the measurement form, the output realisation per kegiatan).
TABEL_DINAMAI = {
    "perjanjian_kinerja": "Perjanjian Kinerja BSPJI Manado Tahun 2023",
    "program_kegiatan": "Program Kegiatan BSPJI Manado Tahun 2023",
    "output_kegiatan": "Output Kegiatan",
    "rencana_aksi": "Rencana Aksi Perjanjian Kinerja Tahun 2023",
    "pengukuran_tw_ii": "Pengukuran Rencana Aksi Perjanjian Kinerja Triwulan II TA. 2023",
    "sasaran_i": "Sasaran Kegiatan I",
    "sasaran_viii": "Sasaran Kegiatan VIII",
    "realisasi_output_6077": "Realisasi capaian kinerja Triwulan II berdasarkan output "
    "kegiatan 6077 Pengembangan dan Penyelenggaraan Jasa Industri",
    "realisasi_output_6042": "Realisasi capaian kinerja Triwulan II berdasarkan output "
    "kegiatan 6042 Pengelolaan Manajemen Kesekretariatan Bidang Standardisasi dan Kebijakan "
    "Jasa Industri",
}

# The realisasi of the lines whose texts name it, worked out from the fixtures: III.2 PNBP
# growth (518.891.250 − 409.440.882) / 409.440.882 × 100 = 26,73 (data_dukung.yaml); III.3 426
# SPK/order; III.5 95,62% reported; V.1 index 3,61; VI.1 79,71; VIII.1 SAKIP 23,70 + 23,10 +
# 12,00 + 18,00 = 76,80.
REALISASI = {
    "III.2": "26,73", "III.3": "426", "III.5": "95,62", "V.1": "3,61", "VI.1": "79,71",
    "VIII.1": "76,80",
}  # fmt: skip


# --- the fixture's texts ---------------------------------------------------------------------


def teks_bagian() -> dict[str, str]:
    """The PP-39 sections of quarter II 2023, as the fixture holds them."""
    [lap] = [
        x
        for x in read_yaml(FIXTURES_DIR / "manado/laporan_2023.yaml")["laporan"]
        if (x["jenis"], x["tahun"], x["triwulan"]) == ("pp39", 2023, 2)
    ]
    return lap["narasi"]


def teks_baris() -> dict[str, list[str]]:
    """Each PK line's quarter II texts (kegiatan, analisis, kendala, tindak_lanjut,
    rekomendasi), by its code, as the fixture holds them."""
    hasil = {}
    for s in read_yaml(FIXTURES_DIR / "manado/pk_2023.yaml")["sasaran"]:
        for i in s["indikator"]:
            [r] = [r for r in i["realisasi"] if r["triwulan"] == 2]
            hasil[f"{romawi(s['nomor'])}.{i['nomor']}"] = [
                r[f]
                for f in ("kegiatan", "analisis", "kendala", "tindak_lanjut", "rekomendasi")
                if r.get(f)
            ]
    return hasil


def semua_teks_fixture() -> list[str]:
    return [*teks_bagian().values(), *(t for ts in teks_baris().values() for t in ts)]


# --- the report's texts ------------------------------------------------------------------------


def isi_bagian(laporan: d.Laporan) -> list[list[d.Blok]]:
    """The blocks of the nota dinas and of every section, each list in its order."""
    hasil = [laporan.nota_dinas.isi] if laporan.nota_dinas else []
    return hasil + [b.isi for b in laporan.bagian_semua()]


def teks_narasi(blok: d.Blok) -> list[str]:
    """The sentences of a paragraph, a list or a list of labelled values."""
    if isinstance(blok, d.Paragraf):
        return [blok.teks]
    if isinstance(blok, d.Daftar):
        return list(blok.butir)
    if isinstance(blok, d.Rincian):
        return [f"{k}: {v}" for k, v in blok.pasangan]
    return []


def semua_teks(laporan: d.Laporan) -> list[str]:
    """Every text the report prints: narratives, table titles, cells and notes, figures."""
    hasil = []
    for blok in laporan.blok_semua():
        hasil += teks_narasi(blok)
        if isinstance(blok, d.Tabel):
            hasil += [blok.judul, *blok.catatan]
            hasil += [s.teks() for r in (*blok.kepala, *blok.baris, *blok.kaki) for s in r]
        elif isinstance(blok, d.Grafik):
            hasil += [blok.judul, *blok.kategori, *(s.nama for s in blok.seri)]
    return hasil


def label_nama(laporan: d.Laporan) -> dict[str, tuple[str, d.Tabel, bool]]:
    """name → (its label, its table, whether the table is in the body), the first table of a
    name being the one referred to."""
    badan = {
        id(x) for b in (*laporan.depan, *laporan.bab) for s in b.semua() for x in s.isi
    }  # fmt: skip
    hasil: dict[str, tuple[str, d.Tabel, bool]] = {}
    for t in laporan.tabel():
        kunci = t.kunci or d.kunci_dari(t.nama_lembar or t.judul)
        hasil.setdefault(f"tabel:{kunci}", (t.label, t, id(t) in badan))
    return hasil


def bagian_indikator(laporan: d.Laporan, kode: str) -> str:
    """The text of a line's subsection of 3.1.1 (its kegiatan, analisis, kendala, tindak lanjut,
    rekomendasi), whitespace collapsed."""
    [b] = [b for b in laporan.bagian_semua() if b.judul.startswith(f"Indikator {kode}: ")]
    return normal(" ".join(t for blok in b.isi for t in teks_narasi(blok)))


# --- names and table numbers -----------------------------------------------------------------


def test_no_name_is_left_unresolved(pp39):
    assert [t for t in semua_teks(pp39) if "{" in t or "}" in t] == []
    assert pp39.rujukan_gagal == []


def test_the_report_carries_no_remark_of_the_application(pp39):
    # No part missing (every section is written, every line measured), no figure remarked
    # on, no reference the report could not place.
    assert pp39.catatan_penyusunan == []


def test_every_table_a_text_names_is_the_bodys_table_that_holds_it(pp39):
    dinamai = {
        nama.removeprefix("tabel:")
        for teks in semua_teks_fixture()
        for nama in NAMA.findall(teks)
        if nama.startswith(("tabel:", "gambar:"))
    }
    assert dinamai == set(TABEL_DINAMAI)
    label = label_nama(pp39)
    for nama, judul in TABEL_DINAMAI.items():
        _, t, di_badan = label[f"tabel:{nama}"]
        assert (t.judul, di_badan) == (judul, True), nama


def test_every_table_number_in_the_text_comes_from_a_name(pp39):
    # The numbers printed in paragraphs and list items, each as often as the fixture's texts
    # name the table that has it: none is typed, none is left over from the source.
    label = label_nama(pp39)
    diharapkan = Counter(
        label[nama][0]
        for teks in semua_teks_fixture()
        for nama in NAMA.findall(teks)
        if nama.startswith(("tabel:", "gambar:"))
    )
    dicetak = Counter(
        n for blok in pp39.blok_semua() for teks in teks_narasi(blok) for n in NOMOR.findall(teks)
    )
    assert dicetak == diharapkan
    # As printed, in the order of the text: 2.1, 2.2, 3.1 and 3.1.2.
    assert sorted(diharapkan, key=lambda x: int(x.split()[1])) == [
        f"Tabel {n}" for n in (1, 2, 3, 4, 5, 6, 13, 14, 15)
    ]


def test_no_colon_is_left_without_what_it_announces(pp39):
    kosong = []
    for isi in isi_bagian(pp39):
        for i, blok in enumerate(isi):
            berikut = isi[i + 1] if i + 1 < len(isi) else None
            daftar_berikut = isinstance(berikut, d.Daftar | d.Tabel | d.Rincian)
            if isinstance(blok, d.Paragraf) and blok.teks.rstrip().endswith(":"):
                # A list or a table follows, or a sub-heading that itself announces one.
                subjudul = isinstance(berikut, d.Paragraf) and berikut.teks.rstrip().endswith(":")
                if not (daftar_berikut or subjudul):
                    kosong.append(blok.teks)
            elif isinstance(blok, d.Daftar):
                for j, butir in enumerate(blok.butir):
                    # The items after it (a flattened sub-list) or a list after the last one.
                    akhir = j == len(blok.butir) - 1
                    if butir.rstrip().endswith(":") and akhir and not daftar_berikut:
                        kosong.append(butir)
    assert kosong == []


# --- the figures a text names --------------------------------------------------------------


def sel(t: d.Tabel, kode: str, indeks: int) -> str:
    """The printed cell `indeks` cells after the one of the line `kode` (its code, or its code
    and indicator), without a percent sign."""

    def baris_ini(s: d.Sel) -> bool:
        teks = normal(s.teks())
        return teks == kode or teks.startswith(f"{kode} ")

    [r] = [r for r in t.baris if any(baris_ini(s) for s in r)]
    i = next(i for i, s in enumerate(r) if baris_ini(s))
    return r[i + indeks].teks().removesuffix("%")


def test_a_lines_text_prints_its_realisasi_as_computed(pp39):
    dinamai = {
        kode: {m.split(".")[-1] for t in teks for m in NAMA.findall(t) if m.startswith(f"{kode}.")}
        for kode, teks in teks_baris().items()
    }
    # The lines whose texts name their realisasi; none names its capaian.
    assert sorted(k for k, u in dinamai.items() if "realisasi" in u) == sorted(REALISASI)
    assert not any("capaian" in u for u in dinamai.values())
    for kode, realisasi in REALISASI.items():
        sasaran = tabel(pp39, f"Sasaran {kode.split('.')[0]}")
        assert sel(sasaran, kode, 3) == realisasi, kode  # the table's Realisasi column
        assert pp39.nilai[f"{kode}.realisasi"] == realisasi, kode


def test_every_sentence_that_names_a_figure_prints_the_tables_figure(pp39):
    """Each line of a text that names a line's figure is printed in that line's subsection
    with the figure its sasaran table prints (target, realisasi, % fisik target and
    realisasi) or Bab IV's summary prints (the PNBP)."""
    [rincian] = [b for b in pp39.bab[3].isi if isinstance(b, d.Rincian)]
    ringkas = dict(rincian.pasangan)
    pnbp, pnbp_persen = re.fullmatch(
        r"(Rp [\d.]+) \(([\d,]+)%\)", ringkas["Penerimaan PNBP s.d. 30 Juni 2023"]
    ).groups()
    kolom = {"target": 1, "realisasi": 3, "target_antara": 5, "realisasi_antara": 6}
    diperiksa = 0
    for kode, teks in teks_baris().items():
        sasaran = tabel(pp39, f"Sasaran {kode.split('.')[0]}")
        cetak = bagian_indikator(pp39, kode)
        for t in teks:
            for kalimat in t.splitlines():
                if "{" not in kalimat:
                    continue

                def ganti(m: re.Match, kode=kode, sasaran=sasaran) -> str:
                    nama = m.group(1)
                    if nama == "pnbp.realisasi":
                        return pnbp
                    if nama == "pnbp.persen":
                        return pnbp_persen
                    k, _, ukuran = nama.rpartition(".")
                    assert k == kode, nama  # a line's text names its own figures
                    return sel(sasaran, k, kolom[ukuran])

                diharapkan = normal(re.sub(r"^\s*- ", "", NAMA.sub(ganti, kalimat)))
                assert diharapkan in cetak, (kode, diharapkan)
                diperiksa += 1
    # Every line names at least its progress in its analisis.
    assert diperiksa >= len(REALISASI) + 13


def test_the_sections_print_the_pk_targets_and_the_budget_as_computed(pp39):
    # 2.2 lists each line's target: as Tabel 1 prints it.
    pk = tabel(pp39, "Perjanjian Kinerja")
    perjanjian = teks_bagian()["perjanjian_kinerja"]
    [sub] = [b for b in pp39.bagian_semua() if b.nomor == "2.2."]
    cetak = normal(" ".join(t for blok in sub.isi for t in teks_narasi(blok)))
    targets = re.findall(r"\{([IVX]+\.\d+)\.target\}", perjanjian)
    assert len(targets) == 13
    for kode in targets:
        target = sel(pk, kode, 2)  # Kode, Indikator Kinerja, Target
        [kalimat] = [k for k in perjanjian.splitlines() if f"{{{kode}.target}}" in k]
        akhir = normal(kalimat.split(f"{{{kode}.target}}")[1])
        assert f"{target} {akhir}" in cetak, kode
    # Penutup 3 and 4: the pagu, the realisation and the PNBP as Bab IV's summary prints them
    # (12.207.073.000; 42,73% of it, 5.215.824.466; 518.891.250 of 1.150.000.000, 45,12%), the
    # physical progress as Tabel 14-15 weigh it: (936.441.000 × 20,39 + 11.270.632.000 × 47,67)
    # / 12.207.073.000 = 45,58.
    [rincian] = [b for b in pp39.bab[3].isi if isinstance(b, d.Rincian)]
    ringkas = dict(rincian.pasangan)
    assert ringkas["Pagu anggaran"] == "Rp 12.207.073.000"
    assert ringkas["Realisasi anggaran s.d. Triwulan II"] == "Rp 5.215.824.466 (42,73%)"
    assert ringkas["Target PNBP"] == "Rp 1.150.000.000"
    penutup = next(b for b in pp39.bab[3].isi if isinstance(b, d.Daftar)).butir
    assert penutup[2] == (
        "Pagu BSPJI Manado TA 2023 Rp 12.207.073.000,- Realisasi penggunaan sampai dengan "
        "Triwulan II ini sebesar Rp 5.215.824.466,- realisasi keuangan 42,73% dan realisasi "
        "fisik sebesar 45,58%."
    )
    assert penutup[3] == (
        "Target PNBP BSPJI Manado TA 2023 sebesar Rp 1.150.000.000,- dan realisasi penerimaan "
        "PNBP sampai dengan Triwulan II ini sebesar Rp 518.891.250,- atau 45,12 (%) dari target."
    )


# --- the PDF -------------------------------------------------------------------------------


def test_the_pdf_prints_the_names_resolved_and_none_of_the_sources_slips(rendered):
    teks = rendered("pp39-manado").text
    assert "{" not in teks
    assert "fisik sebesar 45,58%" in teks
    assert "Rp 5.215.824.466,- realisasi keuangan 42,73%" in teks
    # The KROs' rupiah rebuilt from their percentages is never printed as the realisation.
    for salah in ("5.215.699.407", "45,57", "518.891.000", "Tabel 1 dan 2", "12,207,073,000"):
        assert salah not in teks, salah
