"""The secretariat's master-data role: a demo login `sekretariat`, pages of its own that the
reviewer and satker staff are refused, no Django admin, and its changes on the record."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kinerja import jejak
from kinerja.models import IndikatorKinerja, RiwayatPerubahan, TargetRenstra
from satker.autentikasi import wajib_dua_faktor
from satker.choices import Peran
from satker.models import Pengguna
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def terakhir(obj, field: str) -> RiwayatPerubahan:
    """The latest record of a field of this very row."""
    return RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, field=field
    ).latest("id")


def test_demo_login_sekretariat_maintains_master_data_and_needs_a_second_factor(demo):
    user = Pengguna.objects.get(username="sekretariat")
    assert user.peran == Peran.SEKRETARIAT
    assert user.satker is None
    assert user.boleh_kelola_data_induk
    assert user.melihat_semua_satker
    assert wajib_dua_faktor(user)
    assert not user.is_staff  # no Django admin
    assert not Pengguna.objects.get(username="reviewer").boleh_kelola_data_induk


@pytest.mark.parametrize(
    ("username", "status"),
    [("sekretariat", 200), ("admin", 200), ("reviewer", 403), ("operator.manado", 403)],
)
def test_only_the_master_data_role_opens_the_secretariat_page(demo, client, username, status):
    masuk(client, Pengguna.objects.get(username=username))
    assert client.get(reverse("sekretariat")).status_code == status


def test_a_deactivated_secretariat_account_is_refused(demo, client):
    user = Pengguna.objects.get(username="sekretariat")
    masuk(client, user)
    Pengguna.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get(reverse("sekretariat")).status_code in (302, 403)


def test_the_nav_shows_data_induk_to_the_secretariat(sekretariat_client):
    url = reverse("sekretariat")
    assert f'href="{url}"' in sekretariat_client.get(reverse("beranda"), follow=True).text


def test_the_reviewer_nav_has_no_master_data_link(reviewer_client):
    assert (
        f'href="{reverse("sekretariat")}"'
        not in reviewer_client.get(reverse("beranda"), follow=True).text
    )


def test_sekretariat_is_kept_out_of_the_django_admin(sekretariat_client):
    response = sekretariat_client.get("/admin/kinerja/indikatorkinerja/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_change_of_the_manual_is_on_the_record_without_a_satker(sekretariat_client):
    indikator = IndikatorKinerja.objects.get(kode="T1/SP3/e")
    user = Pengguna.objects.get(username="sekretariat")
    with jejak.konteks(user=user):
        indikator.sumber_data = "Aplikasi SAKTI (diubah)"
        indikator.save()
    catatan = terakhir(indikator, "sumber_data")
    assert catatan.satker is None
    assert catatan.baru == "Aplikasi SAKTI (diubah)"
    assert catatan.oleh == user
    page = sekretariat_client.get(reverse("sekretariat")).text
    assert "Aplikasi SAKTI (diubah)" in page
    # Satker staff never see master-data history.
    operator = Pengguna.objects.get(username="operator.manado")
    assert not RiwayatPerubahan.objects.restrict(operator).filter(pk=catatan.pk).exists()


def test_a_satker_renstra_target_change_is_recorded_against_its_satker(pekanbaru):
    target = TargetRenstra.objects.filter(
        indikator__sasaran__renstra__satker=pekanbaru, target__isnull=False
    ).first()
    target.target += 1
    target.save()
    catatan = terakhir(target, "target")
    assert catatan.satker == pekanbaru
