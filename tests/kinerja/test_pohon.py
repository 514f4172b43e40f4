"""The performance tree (pohon kinerja): Kemenperin's SS, BSKJI's SP and the balai's SK
grouped by code, drawn as SVG on the server; a node clicked opens its indicators and, per
satker, the year's capaian of the PK lines serving it (LAKIP Pekanbaru 2023: I.1 realised
25,00 against a target of 10, capaian 250,00%). At 1,000 satker the tree keeps its size and
the page its number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    Renstra,
    SasaranKegiatan,
    SasaranRenstra,
)
from satker.models import Pengguna, Satker
from tests.factories import SatkerFactory
from tests.halaman import baca, tabel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def url(tahun: int = 2023, simpul: str = "", halaman: int | None = None) -> str:
    alamat = reverse("sekretariat-pohon", args=[tahun])
    if simpul:
        alamat += f"?simpul={simpul}" + (f"&halaman={halaman}" if halaman else "")
    return alamat


def simpul(akar, awalan: str) -> list:
    return [a for a in akar.semua("a") if a.attrs.get("data-simpul", "").startswith(awalan)]


def sp(kode: str) -> SasaranRenstra:
    return SasaranRenstra.objects.get(renstra__tingkat="eselon_i", kode=kode)


def test_the_tree_draws_the_cascade_of_tabel_10(sekretariat_client):
    response = sekretariat_client.get(url())
    assert response.status_code == 200
    akar = baca(response)
    svg = akar.satu("svg")
    # cascade.yaml: the ten SS of Kemenperin that reach the balai, Pekanbaru's goals SK1-SK8.
    assert [a.satu("title").teks.split()[0] for a in simpul(svg, "ss-")] == [
        "SS1", "SS2.1", "SS3.1", "SS7", "SS8", "SS9", "SS10", "SS11", "SS12", "SS13",
    ]  # fmt: skip
    sk = {a.attrs["data-simpul"]: a.teks for a in simpul(svg, "sk-")}
    assert "sk-SK1" in sk and "1 satker" in sk["sk-SK1"]
    # Each box links to its detail on the same page.
    pertama = simpul(svg, "sk-SK1")[0]
    assert pertama.attrs["href"] == url(simpul="sk-SK1") + "#rincian"
    # SP9 serves SS12 and SS13: two lines reach its box, one from each.
    assert len(svg.semua("path")) >= len(simpul(svg, "sp-")) + len(sk)


def test_a_balai_goal_opens_each_satkers_capaian_of_the_year(sekretariat_client, pekanbaru):
    akar = baca(sekretariat_client.get(url(simpul="sk-SK1")))
    rincian = akar.satu(id="rincian")
    assert "SK1/1 Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi" in (
        rincian.teks
    )
    t = tabel(rincian, id="capaian-satker")
    baris = t.kolom_baris(
        "I.1 Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi"
    )
    assert baris["Satker"] == pekanbaru.nama
    assert baris["Target"] == "10 Persen"
    assert baris["Realisasi"] == "25,00"
    assert baris["Capaian"] == "250,00%"


def test_a_bskji_goal_gathers_the_lines_of_every_satker_serving_it(
    sekretariat_client, manado, pekanbaru
):
    """Manado has no Renstra: its PK lines serve an SP through their manual indicator."""
    line = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=manado, sasaran__perjanjian__tahun=2023
    ).select_related("indikator__sasaran_program")[0]
    kunci = f"sp-{line.indikator.sasaran_program_id}"
    t = tabel(baca(sekretariat_client.get(url(simpul=kunci))), id="capaian-satker")
    assert manado.nama in t.isi_kolom("Satker")


def test_the_reviewer_reads_the_tree_and_a_satker_user_does_not(client, demo):
    masuk(client, Pengguna.objects.get(username="reviewer"))
    assert client.get(url(simpul="sk-SK1")).status_code == 200
    masuk(client, Pengguna.objects.get(username="operator.pekanbaru"))
    assert client.get(url()).status_code == 403


def test_an_unknown_node_says_so(sekretariat_client):
    response = sekretariat_client.get(url(simpul="sk-TIDAKADA"))
    assert response.status_code == 200
    assert "Sasaran itu tidak ada di pohon tahun ini." in baca(response).teks


def _banyak_satker(n: int) -> None:
    """`n` balai, each with a Renstra whose SK1 serves SP1 and a PK 2023 line under it."""
    satker = SatkerFactory.create_batch(n)
    renstra = Renstra.objects.bulk_create(
        Renstra(tingkat="satker", satker=s, nama="R", tahun_awal=2021, tahun_akhir=2025)
        for s in satker
    )
    goals = SasaranRenstra.objects.bulk_create(
        SasaranRenstra(renstra=r, kode="SK1", nama="Meningkatnya daya saing", urutan=1)
        for r in renstra
    )
    SasaranRenstra.sasaran_induk.through.objects.bulk_create(
        SasaranRenstra.sasaran_induk.through(
            from_sasaranrenstra_id=g.pk, to_sasaranrenstra_id=sp("SP1").pk
        )
        for g in goals
    )
    pk = PerjanjianKinerja.objects.bulk_create(
        PerjanjianKinerja(
            satker=s, tahun=2023, pihak_pertama_nama="K", pihak_pertama_jabatan="K",
            pihak_kedua_nama="B", pihak_kedua_jabatan="B",
        )
        for s in satker
    )  # fmt: skip
    sasaran = SasaranKegiatan.objects.bulk_create(
        SasaranKegiatan(perjanjian=p, nomor=1, uraian="Daya saing", sasaran_renstra=g)
        for p, g in zip(pk, goals, strict=True)
    )
    manual = IndikatorKinerja.objects.get(kode="T3/SP1/c")
    IndikatorPerjanjian.objects.bulk_create(
        IndikatorPerjanjian(
            sasaran=s, nomor=1, uraian="Produktivitas", indikator=manual,
            target=Decimal("10"), satuan="Persen",
        )
        for s in sasaran
    )  # fmt: skip


def test_the_tree_holds_at_many_satker_in_the_same_queries(
    sekretariat_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        sedikit = sekretariat_client.get(url(simpul="sk-SK1"))
    assert sedikit.status_code == 200
    _banyak_satker(300)
    with django_assert_max_num_queries(25):
        banyak = sekretariat_client.get(url(simpul="sk-SK1", halaman=2))
    akar = baca(banyak)
    # One SK1 box for all 301 balai, and a page of 20 of them.
    sk1 = simpul(akar.satu("svg"), "sk-SK1")
    assert len(sk1) == 1 and "301 satker" in sk1[0].teks
    assert len(simpul(akar.satu("svg"), "sk-")) == len(simpul(baca(sedikit).satu("svg"), "sk-"))
    assert "Halaman 2 dari 16 (301 satker)" in akar.satu(id="rincian").teks
    assert len(tabel(akar, id="capaian-satker").isi_kolom("Satker")) == 20
    assert Satker.objects.count() > 300
