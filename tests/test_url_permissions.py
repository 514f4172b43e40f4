"""Every page is behind a login: a test walks every URL pattern of the project, so a new view
without a permission check fails here."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Pages that must be reachable without logging in: the login page, the API's token endpoint
# (which answers only to a correct username and password) and the password reset by mail.
PUBLIC = {
    "login",
    "api-token",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                continue  # Django's admin has its own staff check (tested in test_admin)
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield p, prefix + str(p.pattern)


def concrete_path(pattern: str) -> str:
    """A URL that the pattern matches: ids 1, a year, a budget workbook kind, format suffixes
    "json", regex syntax removed."""
    path = "/" + pattern.replace("(?P<pk>[^/.]+)", "1")
    path = path.replace("^", "").replace("$", "").replace("/?", "/")
    path = re.sub(r"\(\?P<format>[^)]*\)", "json", path)
    path = path.replace("\\.", ".").replace("<drf_format_suffix:format>", ".json")
    for converter in ("<int:pk>", "<int:id>", "(?P<pk>[^/.]+)"):
        path = path.replace(converter, "1")
    for tahun in ("<int:tahun>", "<tahun:tahun>"):
        path = path.replace(tahun, "2023")
    for triwulan in ("<int:triwulan>", "<triwulan:triwulan>"):
        path = path.replace(triwulan, "2")
    path = path.replace("<str:jenis>", "struktur").replace("<int:line_pk>", "1")
    assert "<" not in path, f"tambahkan contoh nilai untuk {path}"
    return path


PATTERNS = [
    (p.name, route) for p, route in walk(get_resolver().url_patterns) if p.name not in PUBLIC
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), PATTERNS, ids=[r or "root" for _, r in PATTERNS])
def test_every_page_requires_login(client, demo, name, route):
    response = client.get(concrete_path(route))
    assert response.status_code in (302, 401, 403, 405), route
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_the_login_page_is_public(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Masuk" in response.content.decode()


@pytest.mark.django_db
def test_the_token_endpoint_gives_nothing_for_wrong_credentials(client, demo):
    response = client.post("/api/v1/token/", {"username": "reviewer", "password": "salah"})
    assert response.status_code == 400
    assert "token" not in response.json()
