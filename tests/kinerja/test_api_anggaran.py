"""GET /api/v1/anggaran/: the code trees of both demo satker with rolled-up pagu and progress,
filters by level and code, scoping to what the user may see, field errors, bounded queries."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kinerja.models import ItemAnggaran, ProgresAnggaran
from satker.models import Satker
from tests.api import api, kolom, semua_halaman
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

URL = "/api/v1/anggaran/"


def semua(client: APIClient, **params) -> list[dict]:
    return semua_halaman(client, URL, **params)


def per_kode(items: list[dict]) -> dict[str, dict]:
    return {i["kode"]: i for i in items}


def test_anonymous_is_refused(demo):
    assert api().get(URL).status_code in (401, 403)


def test_manado_tree_with_full_dotted_codes_and_quarter_ii_columns(demo):
    items = semua(api("reviewer"), satker=MANADO, tahun=2023, triwulan=2)
    nodes = per_kode(items)
    assert len(items) == ItemAnggaran.objects.filter(satker__kode=MANADO, tahun=2023).count()
    for kode in ("EC", "WA", "6077", "6077.BAD", "6077.BAD.012", "6077.BAD.012.051"):
        assert kode in nodes
    assert [i["kode"] for i in items[:3]] == ["EC", "6077", "6077.AEF"]
    assert nodes["6077.BAD.012"]["kode_induk"] == "6077.BAD"
    assert nodes["6077"]["kode_induk"] == "EC"
    assert nodes["6077"]["tingkat"] == "kegiatan"

    bad = nodes["6077.BAD"]
    # Tabel 2: 548.888.000; Form A: s.d. TW I 18,63, s.d. TW II 27,63, so TW II alone 9,00.
    assert (bad["pagu"], bad["rincian_terbawah"]) == (548_888_000, False)
    assert bad["sd_triwulan_lalu"]["realisasi_keuangan"] == "18.63"
    assert bad["triwulan_ini"]["realisasi_keuangan"] == "9.00"
    assert bad["sd_triwulan_ini"]["realisasi_keuangan"] == "27.63"
    # Rupiah: 548.888.000 × 18,63% = 102.257.834; × 27,63% = 151.657.754; difference 49.399.920.
    assert bad["sd_triwulan_lalu"]["realisasi_keuangan_rp"] == 102_257_834
    assert bad["triwulan_ini"]["realisasi_keuangan_rp"] == 49_399_920
    assert (bad["indikator_keluaran"] is not None, bad["lokasi"]) == (True, "SULAWESI UTARA")

    kegiatan = nodes["6077"]
    # Derived in test_anggaran_demo: 20,20% financial, 20,39% physical s.d. TW II.
    assert kegiatan["pagu"] == 936_441_000
    assert kegiatan["sumber_progres"] == "gabungan"
    assert kegiatan["sd_triwulan_ini"]["realisasi_keuangan"] == "20.20"
    assert kegiatan["sd_triwulan_ini"]["realisasi_fisik"] == "20.39"
    assert kegiatan["sd_triwulan_ini"]["realisasi_keuangan_rp"] == 189_154_279


def test_quarter_columns_add_up_on_every_node(demo):
    diperiksa = set()
    for item in semua(api("reviewer"), satker=MANADO, tahun=2023, triwulan=2):
        lalu, ini, sd = item["sd_triwulan_lalu"], item["triwulan_ini"], item["sd_triwulan_ini"]
        if sd is None or lalu is None or lalu["realisasi_keuangan_rp"] is None:
            continue
        assert (
            lalu["realisasi_keuangan_rp"] + ini["realisasi_keuangan_rp"]
            == (sd["realisasi_keuangan_rp"])
        ), item["kode"]
        diperiksa.add(item["kode"])
    # Manado records March and June for its KROs: those, and the totals above them, add up.
    assert {"EC", "6077", "6077.BAD", "6042", "6042.EBA"} <= diperiksa


def test_pekanbaru_year_tree(demo):
    nodes = per_kode(semua(api("reviewer"), satker=PEKANBARU, tahun=2023))
    for kode in ("EC", "WA", "6077", "6077.BAD", "6077.BAD.001", "6077.BAD.001.051"):
        assert kode in nodes
    leaf = nodes["6077.BAD.001.051.A"]
    assert (leaf["tingkat"], leaf["rincian_terbawah"], leaf["sumber_dana"]) == (
        "sub_komponen", True, "RM",
    )  # fmt: skip
    # Tabel 32 row 6077 copies kegiatan 6042; rolled up: 892.229.000 / 892.212.158.
    kegiatan = nodes["6077"]
    assert kegiatan["triwulan"] is None  # the year: s.d. TW IV
    assert (kegiatan["pagu"], kegiatan["sd_triwulan_ini"]["realisasi_keuangan_rp"]) == (
        892_229_000,
        892_212_158,
    )
    assert nodes["6042"]["pagu"] == 6_788_361_000


def test_filter_by_level_and_by_code(demo):
    client = api("reviewer")
    kro = semua(client, satker=PEKANBARU, tahun=2023, tingkat="kro")
    assert [i["kode"] for i in kro] == [
        "6077.AEF", "6077.BAD", "6077.BDI", "6077.CAH", "6077.QDI",
        "6042.EBA", "6042.EBB", "6042.EBC", "6042.EBD",
    ]  # fmt: skip
    # A code gives the node and everything below it, with the same roll-up as in the tree.
    subtree = semua(client, satker=PEKANBARU, tahun=2023, kode="6077.BDI")
    assert [i["kode"] for i in subtree] == [
        "6077.BDI", "6077.BDI.006", "6077.BDI.006.052", "6077.BDI.006.052.A",
        "6077.BDI.006.052.B", "6077.BDI.006.052.C", "6077.BDI.006.052.D",
    ]  # fmt: skip
    assert subtree[0]["pagu"] == 49_268_000
    # A code gives the node and its descendants only (whole segments).
    kode_bad = [i["kode"] for i in semua(client, satker=PEKANBARU, tahun=2023, kode="6077.BAD")]
    assert kode_bad[0] == "6077.BAD"
    assert all(k.startswith("6077.BAD.") for k in kode_bad[1:])
    assert (
        len(kode_bad)
        == ItemAnggaran.objects.filter(
            satker__kode=PEKANBARU, tahun=2023, kode_lengkap__startswith="6077.BAD"
        ).count()
    )


def test_a_satker_user_sees_only_their_satker(demo):
    client = api("operator.manado")
    assert {i["satker"] for i in semua(client)} == {MANADO}
    assert semua(client, satker=PEKANBARU) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [({"triwulan": "5"}, "triwulan"), ({"tingkat": "bab"}, "tingkat"), ({"tahun": "x"}, "tahun")],
)
def test_bad_parameters_are_a_400_with_a_field_error(demo, params, field):
    response = api("reviewer").get(URL, params)
    assert response.status_code == 400
    assert field in kolom(response)


def test_query_count_does_not_grow_with_the_size_of_the_tree(demo, django_assert_max_num_queries):
    satker = Satker.objects.get(kode=MANADO)
    program = ItemAnggaran.objects.create(
        satker=satker, tahun=2024, tingkat="program", kode="EC", uraian="Program"
    )
    kegiatan = ItemAnggaran.objects.create(
        satker=satker, tahun=2024, induk=program, tingkat="kegiatan", kode="6077", uraian="K"
    )
    kro = ItemAnggaran.objects.create(
        satker=satker, tahun=2024, induk=kegiatan, tingkat="kro", kode="BAD", uraian="KRO"
    )
    for n in range(1, 121):
        ro = ItemAnggaran.objects.create(
            satker=satker, tahun=2024, induk=kro, tingkat="ro", kode=f"{n:03d}", uraian="RO",
            pagu=1_000_000,
        )  # fmt: skip
        ProgresAnggaran.objects.create(item=ro, bulan=3, realisasi_keuangan_rp=n * 1000)
    client = api("reviewer")
    with django_assert_max_num_queries(8):
        small = client.get(URL, {"satker": MANADO, "tahun": 2023})
    with django_assert_max_num_queries(8):
        large = client.get(URL, {"satker": MANADO, "tahun": 2024, "triwulan": 1})
    assert small.json()["count"] == 42
    assert large.json()["count"] == 123
    # 120 leaves of 1.000.000; realised 1.000 × (1 + ... + 120) = 7.260.000 s.d. TW I.
    kegiatan_json = next(i for i in large.json()["results"] if i["kode"] == "6077")
    assert kegiatan_json["pagu"] == 120_000_000
    assert kegiatan_json["sd_triwulan_ini"]["realisasi_keuangan_rp"] == 7_260_000
