"""/api/v1/data-dukung/{jenis}/: every kind of the table pages, read and written as the table
page writes a row (its form and checks, through kinerja.services.data_dukung)."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from kinerja.models import (
    PelaporanTriwulan,
    PenerimaanPnbp,
    RealisasiTriwulan,
    RiwayatPerubahan,
    StatusPelaporan,
)
from kinerja.views.data_dukung import JENIS_DATA
from satker.models import Pengguna
from tests.api import api, kolom, semua_halaman
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

URL = "/api/v1/data-dukung/pnbp/"


def _pnbp(satker, tanggal: str) -> PenerimaanPnbp:
    return PenerimaanPnbp.objects.get(
        satker=satker, tanggal_posisi=datetime.date.fromisoformat(tanggal)
    )


def _etag(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response["ETag"]


def _iii2(client, manado) -> dict:
    r = RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker=manado,
        indikator__sasaran__nomor=3,
        indikator__nomor=2,
        triwulan=2,
    )
    return client.get(f"/api/v1/realisasi/{r.pk}/").json()


def test_every_kind_is_listed_for_the_secretariat_and_scoped_for_a_satker(manado, pekanbaru):
    for jenis in JENIS_DATA:
        url = f"/api/v1/data-dukung/{jenis}/"
        semua = semua_halaman(api("reviewer"), url, page_size=500)
        sendiri = semua_halaman(api("operator.manado"), url, page_size=500)
        assert {i["satker"] for i in sendiri} <= {MANADO}, jenis
        assert {i["id"] for i in sendiri} == {i["id"] for i in semua if i["satker"] == MANADO}
    pnbp = {i["satker"] for i in semua_halaman(api("reviewer"), URL, page_size=500)}
    assert pnbp == {MANADO, PEKANBARU}


def test_manado_pnbp_as_the_fixture_holds_it_by_year_and_quarter(manado):
    # fixtures/manado/data_dukung.yaml: Rp 409.440.882 to 30 June 2022, 518.891.250 to
    # 30 June 2023.
    client = api("operator.manado")
    items = semua_halaman(client, URL, satker=MANADO, tahun=2023)
    assert [(i["tanggal_posisi"], i["jumlah"]) for i in items] == [("2023-06-30", 518891250)]
    items = semua_halaman(client, URL, satker=MANADO, tahun=2022, triwulan=2)
    assert [i["jumlah"] for i in items] == [409440882]
    assert semua_halaman(client, URL, satker=MANADO, tahun=2023, triwulan=1) == []


def test_another_satkers_row_is_not_found_to_read_or_write(pekanbaru, manado):
    baris = PenerimaanPnbp.objects.filter(satker=pekanbaru).first()
    client = api("operator.manado")
    assert client.get(f"{URL}{baris.pk}/").status_code == 404
    response = client.patch(f"{URL}{baris.pk}/", {"jumlah": "1"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 404
    assert client.delete(f"{URL}{baris.pk}/", HTTP_IF_MATCH="*").status_code == 404
    assert api("reviewer").get(f"{URL}{baris.pk}/").status_code == 200


def test_a_changed_receipt_recomputes_the_growth_and_is_on_record_as_api(manado):
    client = api("operator.manado")
    baris = _pnbp(manado, "2023-06-30")
    url = f"{URL}{baris.pk}/"
    # Before: III.2's growth (518.891.250 − 409.440.882) / 409.440.882 = 26,73 %.
    sebelum = D(_iii2(client, manado)["hasil"]["realisasi"])
    assert abs(sebelum - D("26.73")) < D("0.01")
    response = client.patch(
        url, {"jumlah": "450000000"}, format="json", HTTP_IF_MATCH=_etag(client, url)
    )
    assert response.status_code == 200, response.content
    assert response.json()["jumlah"] == 450000000
    assert response["ETag"] == _etag(client, url)
    # After: (450.000.000 − 409.440.882) / 409.440.882 = 9,906 %.
    sesudah = D(_iii2(client, manado)["hasil"]["realisasi"])
    assert abs(sesudah - D("9.91")) < D("0.01")
    h = RiwayatPerubahan.objects.get(object_id=baris.pk, field="jumlah", sumber="api")
    assert h.oleh.username == "operator.manado"
    assert h.uraian_objek.startswith("Penerimaan PNBP")


def test_if_match_missing_428_stale_412_with_the_current_row(manado):
    client = api("operator.manado")
    baris = _pnbp(manado, "2023-06-30")
    url = f"{URL}{baris.pk}/"
    assert client.patch(url, {"jumlah": "1"}, format="json").status_code == 428
    assert client.delete(url).status_code == 428
    etag = _etag(client, url)
    assert client.patch(url, {"jumlah": "2"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    response = client.patch(url, {"jumlah": "3"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.json()["terkini"]["jumlah"] == 2
    assert client.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert _pnbp(manado, "2023-06-30").jumlah == 2


def test_a_row_of_a_verified_quarter_is_refused_with_409_and_unchanged(manado):
    client = api("operator.manado")
    baris = _pnbp(manado, "2023-06-30")  # as of June: quarter II 2023
    url = f"{URL}{baris.pk}/"
    etag = _etag(client, url)
    PelaporanTriwulan.objects.update_or_create(
        satker=manado, tahun=2023, triwulan=2, defaults={"status": StatusPelaporan.DIVERIFIKASI}
    )
    response = client.patch(url, {"jumlah": "1"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 409
    assert response.json()["kode"] == "triwulan_terkunci"
    assert client.delete(url, HTTP_IF_MATCH=etag).status_code == 409
    assert _pnbp(manado, "2023-06-30").jumlah == 518891250


def test_the_page_and_the_api_refuse_the_same_bad_number_with_the_same_message(client, manado):
    client.force_login(Pengguna.objects.get(username="operator.manado"))
    page_url = reverse("entri-data", args=[manado.pk, 2023, "pnbp"])
    halaman = client.get(page_url)
    baris = _pnbp(manado, "2023-06-30")
    data = {
        "tanda": halaman.context["tanda"],
        "d-TOTAL_FORMS": "1", "d-INITIAL_FORMS": "1", "d-MIN_NUM_FORMS": "0",
        "d-MAX_NUM_FORMS": "1000",
        "d-0-id": str(baris.pk), "d-0-tanggal_posisi": "2023-06-30",
        "d-0-jenis": baris.jenis, "d-0-jumlah": "lima ratus",
    }  # fmt: skip
    response = client.post(page_url, data)
    assert response.status_code == 400
    pesan_halaman = response.context["formset"].forms[0].errors["jumlah"]
    c = api("operator.manado")
    url = f"{URL}{baris.pk}/"
    response = c.patch(url, {"jumlah": "lima ratus"}, format="json", HTTP_IF_MATCH=_etag(c, url))
    assert response.status_code == 400
    assert (
        kolom(response) == {"jumlah": pesan_halaman} == {"jumlah": ["Masukkan angka, mis. 45,12."]}
    )
    assert _pnbp(manado, "2023-06-30").jumlah == 518891250


def test_a_row_is_added_refused_when_it_repeats_one_and_removed(manado):
    client = api("operator.manado")
    baris = {
        "tanggal_posisi": "2023-09-30",
        "jenis": "layanan_tidak_dirinci",
        "jumlah": "700000000",
    }
    response = client.post(URL, baris, format="json")
    assert response.status_code == 201, response.content
    baru = response.json()
    assert (baru["satker"], baru["jumlah"]) == (MANADO, 700000000)
    assert response["ETag"] == _etag(client, baru["url"])
    assert RiwayatPerubahan.objects.filter(object_id=baru["id"], sumber="api").exists()
    # The same kind and date again: the record's unique rule, as on the page.
    ulang = client.post(URL, baris, format="json")
    assert ulang.status_code == 400
    assert PenerimaanPnbp.objects.filter(satker=manado, tanggal_posisi="2023-09-30").count() == 1
    response = client.delete(baru["url"], HTTP_IF_MATCH=_etag(client, baru["url"]))
    assert response.status_code == 204
    assert not PenerimaanPnbp.objects.filter(pk=baru["id"]).exists()


def test_a_reviewer_reads_but_does_not_write(manado):
    client = api("reviewer")
    baris = _pnbp(manado, "2023-06-30")
    url = f"{URL}{baris.pk}/"
    response = client.patch(url, {"jumlah": "1"}, format="json", HTTP_IF_MATCH=_etag(client, url))
    assert response.status_code == 403
    post = client.post(
        URL, {"satker": MANADO, "tanggal_posisi": "2023-09-30", "jumlah": "1"}, format="json"
    )
    assert post.status_code == 403
    assert _pnbp(manado, "2023-06-30").jumlah == 518891250


def test_a_kind_kept_per_year_needs_the_year_and_a_parent_of_the_satker(manado, pekanbaru):
    client = api("operator.manado")
    response = client.post(
        "/api/v1/data-dukung/survei/",
        {"tanggal_posisi": "2023-06-30", "jumlah_pelanggan": "10", "jumlah_responden": "5"},
        format="json",
    )
    assert response.status_code == 400 and "tahun" in kolom(response)
    survei_lain = semua_halaman(api("reviewer"), "/api/v1/data-dukung/survei/", satker=PEKANBARU)
    if survei_lain:
        response = client.post(
            "/api/v1/data-dukung/unsur-survei/",
            {"survei": survei_lain[0]["id"], "nomor": 1, "nama": "Waktu", "nilai": "3.5",
             "tahun": 2023},
            format="json",
        )  # fmt: skip
        assert response.status_code == 400 and "survei" in kolom(response)
