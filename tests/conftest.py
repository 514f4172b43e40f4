"""Shared fixtures. The demo data set (both source reports) is loaded once per test session
into the test database; each test runs in a transaction that is rolled back."""

from __future__ import annotations

import pytest

from kinerja.demo_data import load_demo_data
from satker.models import Pengguna, Satker
from tests.masuk import masuk

MANADO = "247246"
PEKANBARU = "417912"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_data()


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path) -> None:
    """Uploaded evidence and rendered reports go to a directory of the test, not to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _cache_kosong() -> None:
    """The API's throttle counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(db) -> None:
    """The demo data, reloaded if a transactional test emptied the database."""
    if not Satker.objects.filter(kode=MANADO).exists():
        load_demo_data()


@pytest.fixture
def manado(demo) -> Satker:
    return Satker.objects.get(kode=MANADO)


@pytest.fixture
def pekanbaru(demo) -> Satker:
    return Satker.objects.get(kode=PEKANBARU)


def _login(client, username: str):
    return masuk(client, Pengguna.objects.get(username=username))


@pytest.fixture
def reviewer_client(demo, client):
    return _login(client, "reviewer")


@pytest.fixture
def sekretariat_client(demo, client):
    """The secretariat's master-data role (demo login `sekretariat`), second factor given."""
    return _login(client, "sekretariat")


@pytest.fixture
def operator_manado_client(demo, client):
    return _login(client, "operator.manado")


@pytest.fixture
def admin_client_demo(demo, client):
    return _login(client, "admin")
