"""A list page is answered from the cache only while nothing it reads has changed: a change on
record, a rewrite of the stored figures and a change of the manual each make the next page
fresh, and one user's cached page is never another's."""

from __future__ import annotations

import pytest

from kinerja.models import HasilPerhitungan, IndikatorKinerja, RealisasiTriwulan
from tests.api import api
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

URL = "/api/v1/realisasi/"
I1_TW2 = {"satker": MANADO, "tahun": 2023, "triwulan": 2, "kode": "I.1"}


def _i1(manado) -> RealisasiTriwulan:
    return RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker=manado,
        indikator__sasaran__perjanjian__tahun=2023,
        indikator__sasaran__nomor=1,
        indikator__nomor=1,
        triwulan=2,
    )


def _item(client) -> dict:
    (item,) = client.get(URL, I1_TW2).json()["results"]
    return item


def test_the_same_page_again_costs_one_query_and_is_the_same(manado, django_assert_max_num_queries):
    client = api("operator.manado")
    pertama = client.get(URL, {"tahun": 2023})
    with django_assert_max_num_queries(1):  # the data's version; the page from the cache
        kedua = client.get(URL, {"tahun": 2023})
    assert kedua.status_code == 200
    assert kedua["Content-Type"] == "application/json"
    assert kedua.json() == pertama.json()


def test_a_change_on_record_is_in_the_next_page(manado):
    client = api("operator.manado")
    assert _item(client)["kendala"] != "Alat uji sedang dikalibrasi."
    r = _i1(manado)
    r.kendala = "Alat uji sedang dikalibrasi."
    r.save()  # any write of satker data is on record (kinerja.jejak)
    assert _item(client)["kendala"] == "Alat uji sedang dikalibrasi."


def test_stored_figures_rewritten_off_the_record_are_in_the_next_page(manado):
    client = api("operator.manado")
    sebelum = _item(client)["dihitung"]
    # A recomputation (after a change of settings) deletes and writes the stored figures
    # again, with no change on record.
    r = _i1(manado)
    lama = HasilPerhitungan.objects.filter(indikator=r.indikator, triwulan=2)
    baris = [{k: v for k, v in h.items() if k != "id"} for h in lama.values()]
    lama.delete()
    HasilPerhitungan.objects.bulk_create([HasilPerhitungan(**b) for b in baris])
    assert _item(client)["dihitung"] != sebelum


def test_a_change_of_the_manual_is_in_the_next_page(manado):
    client = api("operator.manado")
    assert _item(client)["kode_pedoman"] != "T9/SP9/z"
    pedoman = IndikatorKinerja.objects.get(pk=_i1(manado).indikator.indikator_id)
    pedoman.kode = "T9/SP9/z"
    pedoman.save()
    assert _item(client)["kode_pedoman"] == "T9/SP9/z"


def test_one_users_page_is_never_anothers(manado, pekanbaru):
    semua = {i["satker"] for i in api("reviewer").get(URL, {"tahun": 2023}).json()["results"]}
    assert semua == {MANADO, PEKANBARU}
    milik = api("operator.manado").get(URL, {"tahun": 2023}).json()["results"]
    assert {i["satker"] for i in milik} == {MANADO}
