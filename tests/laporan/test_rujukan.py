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
    from kinerja.choices import JenisPnbp
    from laporan.susun import pp39

    laporan = pp39.susun(manado, 2023, 2)
    # The PNBP received is all fees of services, not broken down by kind (data_dukung.yaml):
    # every other kind is "–". 12 of the 13 lines reach the quarter's target antara; VIII.2's
    # progress 30 against 60 does not (Bab IV's summary counts them so). A quarter names no
    # efficiency and no earlier year's budget: the LAKIP's.
    kosong = {f"pnbp.{j}": "–" for j in JenisPnbp.values if j != JenisPnbp.LAYANAN_TIDAK_DIRINCI}
    assert {k: v for k, v in laporan.nilai.items() if not k[0].isupper()} == {
        "anggaran.pagu": "Rp 12.207.073.000",
        "anggaran.realisasi": "Rp 5.215.824.466",
        "anggaran.persen": "42,73",
        "anggaran.fisik": "45,58",
        "pnbp.target": "Rp 1.150.000.000",
        "pnbp.realisasi": "Rp 518.891.250",
        "pnbp.persen": "45,12",
        "pnbp.layanan": "Rp 518.891.250",
        "pnbp.layanan_persen": "45,12",
        "pnbp.layanan_tidak_dirinci": "Rp 518.891.250",
        **kosong,
        "pk.indikator": "13",
        "pk.tercapai": "12",
        "pk.perlu_perhatian": "0",
        "pk.tidak_tercapai": "1",
        "pk.belum_dinilai": "0",
    }
    ringkas = dict(next(b for b in laporan.bab[3].isi if isinstance(b, d.Rincian)).pasangan)
    assert ringkas["Target PNBP"] == laporan.nilai["pnbp.target"]
    assert ringkas["Penerimaan PNBP s.d. 30 Juni 2023"] == (
        f"{laporan.nilai['pnbp.realisasi']} ({laporan.nilai['pnbp.persen']}%)"
    )
    assert ringkas["Realisasi anggaran s.d. Triwulan II"] == (
        f"{laporan.nilai['anggaran.realisasi']} ({laporan.nilai['anggaran.persen']}%)"
    )


def test_the_names_of_the_pnbp_and_of_the_lines_status_from_their_figures():
    """nilai_pnbp and nilai_status, pure: the receipts of a period (Pekanbaru 2023: services
    556.782.250 of a 250.000.000 target = 222,71%; all receipts 616.640.854 = 246,66%) and the
    status of its lines."""
    from decimal import Decimal as D
    from types import SimpleNamespace

    from kinerja.perhitungan import Status
    from kinerja.perhitungan.dasar import Hasil
    from kinerja.selectors.anggaran import PnbpTahun
    from kinerja.selectors.narasi import nilai_pnbp, nilai_status

    pnbp = PnbpTahun(
        tahun=2023, target=250_000_000, layanan=556_782_250, total=616_640_854,
        persen_layanan=Hasil(D("222.71"), desimal=2), persen_total=Hasil(D("246.66"), desimal=2),
        per_jenis={"konsultansi": 228_000_000, "penjualan_aset": 49_255_000},
    )  # fmt: skip
    nilai = nilai_pnbp(pnbp)
    assert (nilai["pnbp.layanan"], nilai["pnbp.layanan_persen"]) == ("Rp 556.782.250", "222,71")
    assert (nilai["pnbp.realisasi"], nilai["pnbp.persen"]) == ("Rp 616.640.854", "246,66")
    assert nilai["pnbp.konsultansi"] == "Rp 228.000.000"
    assert nilai["pnbp.penjualan_aset"] == "Rp 49.255.000"
    assert nilai["pnbp.sewa"] == "–"  # a kind without receipts is still a name
    tanpa = nilai_pnbp(PnbpTahun(2023, None, None, None, Hasil(None), Hasil(None)))
    assert set(tanpa.values()) == {"–"} and set(tanpa) == set(nilai)

    # Only the status of a line's figures is read.
    hasil = [
        SimpleNamespace(status=s)
        for s in (Status.TERCAPAI, Status.TERCAPAI, Status.TIDAK_TERCAPAI, Status.PERLU_PERHATIAN)
    ]
    assert nilai_status(hasil) == {
        "pk.indikator": "4", "pk.tercapai": "2", "pk.perlu_perhatian": "1",
        "pk.tidak_tercapai": "1", "pk.belum_dinilai": "0",
    }  # fmt: skip


@pytest.mark.django_db
def test_the_lakip_names_the_years_efficiency_budget_and_pnbp(pekanbaru):
    """What only the LAKIP's texts name, from the fixtures by hand (Pekanbaru 2023):
    - efficiency as its table prints it: VII.1 IBT 2.166.522.000 / 3,53 = 613.745.609,07 →
      613.745.609, IBR 2.166.061.729 / 4,23 = 512.071.330,7 → 512.071.331, efficiency
      (613.745.609 − 512.071.331) / 613.745.609 × 100 = 16,566 → 16,57; VIII.2 IBT
      21.031.000 / 90 = 233.678; IV.1, no budget: "–"; the mean of the eleven lines 38,07 and
      of the six IKU lines (60,00 + 0,01 + 80,01 + 98,63 + 90,83 + 46,63) / 6 = 62,685 → 62,69;
    - the budget of earlier years (tabel_sumber_2023.yaml): 2022 6.832.596.318 / 6.856.156.000
      = 99,656 → 99,66; 2020 4.857.160.000 / 5.074.090.000 = 95,72; the rise to 2023's 99,99
      is 0,33 points;
    - the PNBP: services 556.782.250 / 250.000.000 = 222,71%; sale of equipment 49.255.000
      (Tabel 35; the text's 49.225.000 is the slip);
    - all 12 lines reach their target."""
    from laporan.susun import lakip

    nilai = lakip.susun(pekanbaru, 2023).nilai
    assert {k: nilai[k] for k in ("VII.1.ibt", "VII.1.ibr", "VII.1.efisiensi")} == {
        "VII.1.ibt": "613.745.609", "VII.1.ibr": "512.071.331", "VII.1.efisiensi": "16,57",
    }  # fmt: skip
    assert (nilai["VIII.2.ibt"], nilai["IV.1.ibt"], nilai["IV.1.efisiensi"]) == (
        "233.678", "–", "–",
    )  # fmt: skip
    assert (nilai["efisiensi.rata_rata"], nilai["efisiensi.rata_rata_iku"]) == ("38,07", "62,69")
    assert nilai["anggaran.2022.persen"] == "99,66"
    assert nilai["anggaran.2020.persen"] == "95,72"
    assert nilai["anggaran.2022.realisasi"] == "Rp 6.832.596.318"
    assert (nilai["anggaran.persen"], nilai["anggaran.kenaikan"]) == ("99,99", "0,33")
    assert (nilai["pnbp.layanan"], nilai["pnbp.layanan_persen"]) == ("Rp 556.782.250", "222,71")
    assert nilai["pnbp.penjualan_aset"] == "Rp 49.255.000"
    assert (nilai["pk.indikator"], nilai["pk.tercapai"]) == ("12", "12")
