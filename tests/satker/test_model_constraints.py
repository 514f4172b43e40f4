"""Organisation and user rules the database enforces."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from satker.choices import Peran
from satker.models import Pengguna
from tests.factories import PenggunaFactory, SatkerFactory

pytestmark = pytest.mark.django_db


def refused_by_database(make) -> None:
    # A value longer than the column is a DataError on PostgreSQL, a CHECK violation on SQLite.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        make()


@pytest.mark.parametrize("kode", ["24724", "2472460", "24724a"])
def test_satker_code_has_six_digits(kode):
    refused_by_database(lambda: SatkerFactory(kode=kode))


def test_satker_code_may_be_unknown():
    assert SatkerFactory(kode=None).kode is None
    assert SatkerFactory(kode=None).kode is None  # several unknown codes coexist


def test_satker_code_is_unique():
    SatkerFactory(kode="123456")
    refused_by_database(lambda: SatkerFactory(kode="123456"))


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.KEPALA])
def test_satker_roles_need_a_satker(peran):
    refused_by_database(lambda: PenggunaFactory(peran=peran, satker=None))


@pytest.mark.parametrize("peran", [Peran.REVIEWER, Peran.ADMIN])
def test_secretariat_roles_belong_to_no_satker(peran):
    refused_by_database(lambda: PenggunaFactory(peran=peran, satker=SatkerFactory()))


def test_role_rule_is_explained():
    user = PenggunaFactory.build(peran=Peran.OPERATOR, satker=None, password="x")
    with pytest.raises(ValidationError) as exc:
        user.full_clean()
    assert "Operator dan kepala satker harus memiliki satker" in str(exc.value)


def test_createsuperuser_makes_an_administrator():
    user = Pengguna.objects.create_superuser("root", "root@example.org", "sandi-panjang-123")
    assert user.peran == Peran.ADMIN
    assert user.satker is None
    assert user.melihat_semua_satker
