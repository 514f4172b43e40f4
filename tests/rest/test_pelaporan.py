"""/api/v1/pelaporan/: the reporting status per satker and quarter, scoped, read-only."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from kinerja.models import PelaporanTriwulan, PeristiwaPelaporan, StatusPelaporan
from kinerja.models.siklus import AksiPelaporan
from satker.models import Pengguna
from tests.api import api, semua_halaman
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

URL = "/api/v1/pelaporan/"
S = StatusPelaporan


@pytest.fixture
def laporan(manado, pekanbaru):
    """Manado's quarter II 2023 submitted by its head on 10 July and verified by the
    reviewer on 20 July; Pekanbaru's a draft."""
    waktu = datetime.datetime(2023, 7, 10, 9, 0, tzinfo=datetime.UTC)
    lap, _ = PelaporanTriwulan.objects.update_or_create(
        satker=manado, tahun=2023, triwulan=2, defaults={"status": S.DIVERIFIKASI}
    )
    PeristiwaPelaporan.objects.create(
        pelaporan=lap, aksi=AksiPelaporan.DIAJUKAN, waktu=waktu,
        oleh=Pengguna.objects.get(username="kepala.manado"),
    )  # fmt: skip
    PeristiwaPelaporan.objects.create(
        pelaporan=lap, aksi=AksiPelaporan.DIVERIFIKASI,
        waktu=waktu + datetime.timedelta(days=10),
        oleh=Pengguna.objects.get(username="reviewer"),
    )  # fmt: skip
    lain, _ = PelaporanTriwulan.objects.update_or_create(
        satker=pekanbaru, tahun=2023, triwulan=2, defaults={"status": S.DRAF}
    )
    return lap, lain


def test_a_satker_sees_its_own_reports_and_the_secretariat_all(laporan):
    _lap, lain = laporan
    sendiri = semua_halaman(api("operator.manado"), URL)
    assert {i["satker"] for i in sendiri} == {MANADO}
    semua = semua_halaman(api("reviewer"), URL, tahun=2023, triwulan=2)
    assert {i["satker"]: i["status"] for i in semua} == {MANADO: "diverifikasi", PEKANBARU: "draf"}
    assert api("operator.manado").get(f"{URL}{lain.pk}/").status_code == 404
    assert api("reviewer").get(f"{URL}{lain.pk}/").status_code == 200


def test_who_submitted_and_verified_and_when(laporan):
    lap, _ = laporan
    response = api("operator.manado").get(f"{URL}{lap.pk}/")
    assert response.status_code == 200 and response["ETag"]
    item = response.json()
    assert (item["status"], item["terkunci"]) == ("diverifikasi", True)
    assert item["diajukan_oleh"] == "kepala.manado"
    assert item["diajukan"].startswith("2023-07-10")
    assert item["diverifikasi_oleh"] == "reviewer"
    assert item["diverifikasi"].startswith("2023-07-20")
    assert [p["aksi"] for p in item["peristiwa"]] == ["diajukan", "diverifikasi"]
    assert item["url"].endswith(f"{URL}{lap.pk}/")


def test_filters_and_diubah_sejak(laporan):
    lap, lain = laporan
    client = api("reviewer")
    assert [i["id"] for i in semua_halaman(client, URL, status="draf", tahun=2023)] == [lain.pk]
    assert [i["id"] for i in semua_halaman(client, URL, satker=MANADO)] == [lap.pk]
    sejak = timezone.now()
    assert semua_halaman(client, URL, diubah_sejak=sejak.isoformat()) == []
    PeristiwaPelaporan.objects.create(pelaporan=lain, aksi=AksiPelaporan.DIAJUKAN)
    assert [i["id"] for i in semua_halaman(client, URL, diubah_sejak=sejak.isoformat())] == [
        lain.pk
    ]
    assert client.get(URL, {"status": "selesai"}).status_code == 400


def test_the_status_is_not_written_through_the_api(laporan):
    lap, _ = laporan
    response = api("kepala.manado").patch(
        f"{URL}{lap.pk}/", {"status": "draf"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 405
    lap.refresh_from_db()
    assert lap.status == S.DIVERIFIKASI
