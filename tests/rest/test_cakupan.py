"""Every list of the API, as a Manado operator with a real token, holds Manado's data only, and
every item of another satker is out of reach by its URL or its id (404 to a read and to a
write). The endpoints are taken from the schema, so a new one is covered the day it is added."""

from __future__ import annotations

import re

import pytest
from rest_framework.test import APIClient

from tests.api import header_token
from tests.conftest import MANADO, PEKANBARU
from tests.rest.test_skema import DOKUMEN

pytestmark = pytest.mark.django_db

#: Lists where the demo data hold both satker's rows: the sweep must find Pekanbaru's there.
KEDUANYA = {"capaian", "anggaran", "ringkasan", "perjanjian", "realisasi", "rencana-aksi"}

#: Operations that are not lists of data.
BUKAN_DAFTAR = {"/api/v1/", "/api/v1/token/"}


def _daftar() -> list[str]:
    """The paths of the list operations: every GET under /api/v1/ that does not name one item
    (a path parameter with a fixed set of values, such as a kind of supporting data, is
    expanded to each value)."""
    hasil = []
    for path, operasi in DOKUMEN["paths"].items():
        if path in BUKAN_DAFTAR or "get" not in operasi or not path.startswith("/api/v1/"):
            continue
        parameter = [p for p in operasi["get"].get("parameters", []) if p["in"] == "path"]
        if not parameter:
            hasil.append(path)
        elif len(parameter) == 1 and "enum" in parameter[0].get("schema", {}):
            nama = parameter[0]["name"]
            hasil += [path.replace(f"{{{nama}}}", str(v)) for v in parameter[0]["schema"]["enum"]]
    return sorted(hasil)


DAFTAR = _daftar()


def _klien(username: str, cakupan: str = "tulis") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header_token(username, cakupan)["Authorization"])
    return client


def _semua(client: APIClient, path: str) -> list[dict]:
    items, response = [], client.get(path, {"tahun": 2023, "page_size": 500})
    while True:
        assert response.status_code == 200, (path, response.content[:300])
        items.extend(response.json()["results"])
        if not response.json()["next"]:
            return items
        response = client.get(response.json()["next"])


def _satker(item: dict) -> str | None:
    nilai = item.get("satker")
    if isinstance(nilai, dict):
        return nilai.get("kode")
    if nilai is None and re.fullmatch(r"\d{6}", str(item.get("kode", ""))):
        return item["kode"]  # a satker item itself
    return nilai


def test_the_lists_of_the_api_are_many():
    """The sweep below walks what the schema lists; it must find the lists the issue names."""
    for path in ("capaian", "anggaran", "laporan", "ringkasan"):
        assert f"/api/v1/{path}/" in DAFTAR


@pytest.mark.parametrize("path", DAFTAR)
def test_a_satker_token_sees_its_own_satker_only_and_reaches_no_other_by_url(demo, path):
    operator = _klien("operator.manado")
    milik = _semua(operator, path)
    assert {_satker(x) for x in milik} <= {MANADO, None}, path

    semua = _semua(_klien("reviewer", "baca"), path)
    lain = [x for x in semua if _satker(x) == PEKANBARU]
    if path.strip("/").split("/")[-1] in KEDUANYA:
        assert lain, f"{path}: the secretariat sees no Pekanbaru item"
    for item in lain[:5]:
        if not item.get("url"):
            continue
        assert operator.get(item["url"]).status_code == 404, item["url"]
        ditulis = operator.patch(item["url"], {}, format="json", HTTP_IF_MATCH='"x"')
        assert ditulis.status_code in (404, 405), (item["url"], ditulis.status_code)


@pytest.mark.parametrize("path", DAFTAR)
def test_a_page_of_many_items_costs_the_queries_of_a_page_of_one(demo, path):
    """No list reads per item: the secretariat's page of up to 500 items issues the queries
    of its page of one, give or take a batched query that only some rows need (a query per
    row would add one for each of the demo's rows)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _klien("reviewer", "baca")
    kueri = {}
    for ukuran in (1, 500):
        client.get(path, {"tahun": 2023, "page_size": ukuran, "_": ukuran})  # warm caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path, {"tahun": 2023, "page_size": ukuran})
        assert response.status_code == 200, response.content[:300]
        kueri[ukuran] = (len(ctx.captured_queries), response.json()["count"])
    assert kueri[500][0] <= kueri[1][0] + 2, (path, kueri)
