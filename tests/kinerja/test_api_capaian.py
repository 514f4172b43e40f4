"""GET /api/v1/capaian/: authentication, scoping, filters, the shape of an item, bounded
queries, and agreement with `manage.py hitung_capaian` on every demo line."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from satker.models import Pengguna, TokenApi
from satker.models.token import sidik_token
from tests.api import api, header_token, kolom, semua_halaman
from tests.conftest import MANADO, PEKANBARU
from tests.factories import IndikatorPerjanjianFactory, SasaranKegiatanFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/capaian/"
FIELDS = {
    "url", "id", "satker", "tahun", "triwulan", "indikator_kode", "sasaran", "indikator",
    "satuan", "target",
    "realisasi", "sumber_realisasi", "capaian", "target_antara", "realisasi_antara",
    "capaian_antara", "status", "status_label", "rumus", "keterangan", "catatan",
    "versi_pedoman", "pedoman",
}  # fmt: skip


def semua(client: APIClient, **params) -> list[dict]:
    return semua_halaman(client, URL, **params)


class TestAuthentication:
    def test_anonymous_is_refused(self, demo):
        assert api().get(URL).status_code in (401, 403)

    def test_token_authentication(self, demo):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=header_token("operator.pekanbaru")["Authorization"])
        response = client.get(URL, {"satker": PEKANBARU, "tahun": 2023})
        assert response.status_code == 200
        assert response.json()["count"] == 12

    def test_a_token_is_issued_for_a_username_and_password(self, demo, client):
        user = Pengguna.objects.get(username="operator.manado")
        user.set_password("sandi-yang-panjang-1")
        user.save()
        response = client.post(
            "/api/v1/token/", {"username": "operator.manado", "password": "sandi-yang-panjang-1"}
        )
        assert response.status_code == 200
        token = TokenApi.objects.get(sidik=sidik_token(response.json()["token"]))
        assert token.pengguna == user

    def test_session_authentication(self, operator_manado_client):
        response = operator_manado_client.get(URL, {"tahun": 2023})
        assert response.status_code == 200
        # Manado's 13 PK lines of 2023, and nothing of another satker.
        assert response.json()["count"] == 13
        assert {r["satker"] for r in response.json()["results"]} == {MANADO}


class TestScoping:
    def test_satker_user_sees_only_their_unit(self, demo):
        items = semua(api("operator.manado"))
        assert {i["satker"] for i in items} == {MANADO}
        assert len(items) == 13

    def test_asking_for_another_satker_gives_nothing(self, demo):
        response = api("operator.manado").get(URL, {"satker": PEKANBARU})
        assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}

    def test_reviewer_sees_every_unit(self, demo):
        assert {i["satker"] for i in semua(api("reviewer"))} == {MANADO, PEKANBARU}


class TestItems:
    def test_one_item_per_pk_line_with_the_documented_fields(self, demo):
        items = semua(api("reviewer"), satker=PEKANBARU, tahun=2023)
        assert [i["indikator_kode"] for i in items] == [
            "I.1", "II.1", "III.1", "III.2", "III.3", "III.4", "IV.1", "V.1", "VI.1", "VII.1",
            "VIII.1", "VIII.2",
        ]  # fmt: skip
        assert set(items[0]) == FIELDS

    def test_numbers_are_decimal_strings(self, demo):
        [item] = (
            api("reviewer")
            .get(URL, {"satker": PEKANBARU, "tahun": 2023, "kode": "III.2"})
            .json()["results"]
        )
        assert item["target"] == "5"
        assert item["realisasi"] == "363.80"
        assert item["capaian"] == "7276.00"
        assert item["status"] == "tercapai"
        assert item["triwulan"] is None
        assert item["rumus"].startswith(
            "Realisasi: (556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%"
        )
        assert any("jauh di atas target" in c for c in item["catatan"])

    def test_quarter_gives_progress_and_cumulative_figures(self, demo):
        [item] = (
            api("reviewer")
            .get(URL, {"satker": MANADO, "tahun": 2023, "triwulan": 2, "kode": "III.3"})
            .json()["results"]
        )
        assert item["triwulan"] == 2
        assert (item["target_antara"], item["realisasi_antara"]) == ("50", "56.8")
        assert (item["realisasi"], item["capaian"], item["capaian_antara"]) == (
            "426",
            "56.80",
            "113.60",
        )

    def test_cannot_be_computed_is_null_with_the_reason(self, demo):
        [item] = (
            api("reviewer")
            .get(URL, {"satker": MANADO, "tahun": 2023, "triwulan": 2, "kode": "VIII.2"})
            .json()["results"]
        )
        assert item["realisasi"] is None and item["capaian"] is None
        assert (
            "Realisasi tidak dapat dihitung: belum ada nilai laporan keuangan s.d. 30 Juni 2023."
            in item["catatan"]
        )

    @pytest.mark.parametrize("triwulan", ["5", "0", "dua"])
    def test_bad_quarter_is_a_400_with_a_field_error(self, demo, triwulan):
        response = api("reviewer").get(URL, {"triwulan": triwulan})
        assert response.status_code == 400
        assert "triwulan" in kolom(response)

    def test_bad_year_is_a_400(self, demo):
        response = api("reviewer").get(URL, {"tahun": "duaribu"})
        assert response.status_code == 400
        assert "tahun" in kolom(response)


def test_query_count_does_not_grow_with_the_number_of_lines(demo, django_assert_max_num_queries):
    client = api("reviewer")
    # Sasaran I explicitly: the factory's own numbering depends on what ran before.
    pk = IndikatorPerjanjianFactory(sasaran=SasaranKegiatanFactory(nomor=1)).sasaran.perjanjian
    for nomor in range(1, 8):
        sasaran = SasaranKegiatanFactory(perjanjian=pk, nomor=nomor + 1)
        for n in range(1, 5):
            IndikatorPerjanjianFactory(sasaran=sasaran, nomor=n)
    # 25 demo lines and 29 new ones: 18 queries measured, as for the 25 demo lines alone.
    with django_assert_max_num_queries(20):
        response = client.get(URL, {"page": 1})
    assert response.json()["count"] == 25 + 29


@pytest.mark.parametrize(
    ("kode", "triwulan"),
    [
        (MANADO, 2),
        (MANADO, None),
        (PEKANBARU, None),
        (PEKANBARU, 1),
        (PEKANBARU, 3),
        (PEKANBARU, 4),
    ],
)
def test_api_and_command_agree_on_every_demo_line(demo, kode, triwulan):
    params = {"satker": kode, "tahun": 2023}
    args = ["hitung_capaian", "--satker", kode, "--tahun", "2023", "--format", "json"]
    if triwulan:
        params["triwulan"] = triwulan
        args += ["--triwulan", str(triwulan)]
    out = StringIO()
    call_command(*args, stdout=out)
    # The command prints the figures; the API adds each line's id and URL.
    api_items = [
        {k: v for k, v in i.items() if k not in ("url", "id")}
        for i in semua(api("reviewer"), **params)
    ]
    assert json.loads(out.getvalue()) == api_items


def test_command_table_prints_indonesian_numbers(demo):
    out = StringIO()
    call_command("hitung_capaian", "--satker", PEKANBARU, "--tahun", "2023", stdout=out)
    lines = out.getvalue().splitlines()
    kolom = re.split(r"\s{2,}", lines[0].strip())
    assert kolom == ["Kode", "Target", "Realisasi", "Capaian %", "Antara %", "Status", "Indikator"]
    # III.2's row: PNBP up 363,80% against a 5% target, 7.276,00% achieved; its working on the
    # line below it.
    [i] = [n for n, line in enumerate(lines) if line.startswith("III.2 ")]
    sel = dict(zip(kolom, re.split(r"\s{2,}", lines[i].strip()), strict=True))
    assert sel | {"Antara %": None} == {
        "Kode": "III.2", "Target": "5", "Realisasi": "363,80", "Capaian %": "7.276,00",
        "Antara %": None, "Status": "Tercapai",
        "Indikator": "Meningkatnya PNBP layanan jasa industri (Persen)",
    }  # fmt: skip
    working = lines[i + 1].strip()
    assert working.startswith(
        "Realisasi: (556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%."
    )


def test_command_refuses_an_unknown_satker_or_year(demo):
    with pytest.raises(CommandError, match="Satker dengan kode 999999 tidak ada"):
        call_command("hitung_capaian", "--satker", "999999", "--tahun", "2023")
    with pytest.raises(CommandError, match="tidak memiliki PK tahun 2020"):
        call_command("hitung_capaian", "--satker", MANADO, "--tahun", "2020")


class TestDocumentation:
    def test_schema_describes_the_endpoint(self, demo):
        response = api("reviewer").get("/api/schema/", {"format": "json"})
        assert response.status_code == 200
        assert "/api/v1/capaian/" in response.json()["paths"]

    def test_docs_page_loads_nothing_from_a_cdn(self, reviewer_client):
        html = reviewer_client.get("/api/docs/").content.decode()
        assert "swagger-ui" in html
        assert "cdn" not in html.lower()
