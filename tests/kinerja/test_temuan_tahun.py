"""The year's texts, checked as a quarter's are (kinerja.selectors.narasi.temuan_tahun): what
each PK line's narrative of the LAKIP (Bab III) and the LAKIP's sections state that the report
cannot print, listed on the satker's Laporan page beside the LAKIP, where the report is
requested (a quarter's findings are listed where the quarter is filled and submitted).

The demo year (Pekanbaru 2023, fixtures/pekanbaru/) names its figures and tables: its texts
pass. Each case puts back one sentence of the source a reviewer found: III.2's "363 persen …
7,260 persen" against (556.782.250 − 120.047.000) / 120.047.000 × 100 = 363,80 and 363,80 / 5
× 100 = 7.276,00; a table cited by the source's number; a colon with nothing after it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja import siklus
from kinerja.models import NarasiIndikator
from kinerja.selectors.capaian import hitung_capaian
from kinerja.selectors.narasi import TemuanNarasi, temuan_tahun
from laporan.models import NarasiLaporan
from satker.models import Pengguna, Satker
from tests.halaman import baca

pytestmark = pytest.mark.django_db


def temuan(satker: Satker) -> list[TemuanNarasi]:
    lines = siklus.lines_satker(satker, 2023)
    hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, None), strict=True))
    return temuan_tahun(satker.pk, 2023, lines, hasil)


def kembalikan_sumber(satker: Satker) -> None:
    """III.2's hasil as the source printed it, and two sentences of the LAKIP's sections."""
    n = NarasiIndikator.objects.get(
        indikator__sasaran__perjanjian__satker=satker, indikator__sasaran__nomor=3,
        indikator__nomor=2,
    )  # fmt: skip
    n.hasil = (
        "Realisasi indikator ini sebesar 363 persen dengan target 5 persen sehingga capaian "
        "realisasi sebesar 7,260 persen."
    )
    n.save()
    bagian = NarasiLaporan.objects.get(
        satker=satker, jenis="lakip", tahun=2023, triwulan=None, bagian="rencana_kinerja"
    )
    bagian.teks = "Rencana Kinerja BSPJI Tahun 2023 dapat dilihat pada Tabel 5."
    bagian.save()
    bagian = NarasiLaporan.objects.get(
        satker=satker, jenis="lakip", tahun=2023, triwulan=None, bagian="penghargaan"
    )
    bagian.teks += "\n\nPenghargaan yang diterima adalah sebagai berikut:\n"
    bagian.save()


def test_the_converted_demo_year_has_no_finding(pekanbaru):
    assert temuan(pekanbaru) == []


def test_the_sources_sentences_are_found_lines_first_then_sections_in_report_order(pekanbaru):
    kembalikan_sumber(pekanbaru)
    assert temuan(pekanbaru) == [
        TemuanNarasi(
            "III.2",
            "hasil yang telah dicapai",
            "III.2: realisasi ditulis 363, hasil hitung 363,80; tulis {III.2.realisasi}.",
        ),
        TemuanNarasi(
            "III.2",
            "hasil yang telah dicapai",
            "III.2: capaian ditulis 7,260, hasil hitung 7.276,00; tulis {III.2.capaian}.",
        ),
        TemuanNarasi(
            "",
            "Rencana kinerja",
            "“Tabel 5” diketik sebagai nomor; tulis {tabel:nama} agar nomornya selalu nomor "
            "di laporan ini.",
        ),
        TemuanNarasi(
            "",
            "Penghargaan",
            "Kalimat “…Penghargaan yang diterima adalah sebagai berikut:” diakhiri titik dua "
            "tanpa rincian.",
        ),
    ]


def test_the_year_may_name_what_only_the_lakip_tabulates(pekanbaru):
    # The efficiency, the earlier years' budget, the PNBP by kind and the lines' count are
    # names of the year: not unknown.
    bagian = NarasiLaporan.objects.get(
        satker=pekanbaru, jenis="lakip", tahun=2023, triwulan=None, bagian="penghargaan"
    )
    bagian.teks = (
        "Efisiensi {VII.1.efisiensi}% ({efisiensi.rata_rata_iku}%), realisasi 2022 "
        "{anggaran.2022.persen}% naik {anggaran.kenaikan}%, penjualan aset "
        "{pnbp.penjualan_aset}; {pk.tercapai} dari {pk.indikator} indikator; {VII.1.ibt}."
    )
    bagian.save()
    assert temuan(pekanbaru) == []


def test_the_laporan_page_lists_the_findings_beside_the_lakip(client, pekanbaru):
    client.force_login(Pengguna.objects.get(username="operator.pekanbaru"))
    url = reverse("laporan-satker", args=[pekanbaru.pk])
    assert baca(client.get(url)).semua("details", kelas="temuan-narasi") == []
    kembalikan_sumber(pekanbaru)
    page = baca(client.get(url))
    [lakip] = [
        tr for tr in page.semua("tr") if tr.semua("td") and "LAKIP 2023" in tr.semua("td")[0].teks
    ]
    daftar = lakip.satu("details", kelas="temuan-narasi")
    assert "4 hal dalam narasi belum dapat dicetak" in daftar.satu("summary").teks
    butir = daftar.semua("li")
    assert butir[0].teks == (
        "III.2 hasil yang telah dicapai: III.2: realisasi ditulis 363, hasil hitung 363,80; "
        "tulis {III.2.realisasi}."
    )
    assert butir[0].satu("a").attrs["href"] == reverse("entri-narasi", args=[pekanbaru.pk, 2023])
    assert butir[2].satu("a").attrs["href"] == reverse(
        "entri-narasi-lakip", args=[pekanbaru.pk, 2023]
    )
    # The quarters' rows list nothing of the year.
    assert len(page.semua("details", kelas="temuan-narasi")) == 1
