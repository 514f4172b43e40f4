"""Helpers for the REST API tests: a client authenticated as a demo user, and every item of
a paginated list."""

from __future__ import annotations

from rest_framework.test import APIClient

from satker.models import Pengguna


def api(username: str | None = None) -> APIClient:
    """An API client, authenticated as the demo user `username` (anonymous without one)."""
    client = APIClient()
    if username:
        client.force_authenticate(Pengguna.objects.get(username=username))
    return client


def semua_halaman(client: APIClient, url: str, **params) -> list[dict]:
    """Every item of a paginated list, following the `next` links."""
    items, response = [], client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        items.extend(response.json()["results"])
        if not response.json()["next"]:
            return items
        response = client.get(response.json()["next"])


def header_token(username: str, cakupan: str = "tulis") -> dict[str, str]:
    """The Authorization header of a new API token of the demo user `username`, with the
    scope `cakupan` ("baca" or "tulis")."""
    from satker.token_api import nama_bebas, token_buat

    user = Pengguna.objects.get(username=username)
    _, kunci = token_buat(pengguna=user, nama=nama_bebas(user, "Token tes"), cakupan=cakupan)
    return {"Authorization": f"Bearer {kunci}"}


def kolom(response) -> dict[str, list[str]]:
    """The field errors of an API refusal (kinerja.api.galat's body): field → messages."""
    body = response.json()
    assert {"status", "kode", "pesan", "kolom"} <= set(body), body
    return {nama: [g["pesan"] for g in galat] for nama, galat in body["kolom"].items()}
