"""The admin lists every model with Indonesian labels, for staff only."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja import bukti, siklus
from kinerja.models import BuktiDukung, PelaporanTriwulan, RiwayatPerubahan
from satker.models import Pengguna, Satker

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (m for m in admin.site._registry if m._meta.app_label in {"satker", "kinerja", "laporan"}),
    key=lambda m: m._meta.label,
)


@pytest.mark.parametrize("model", REGISTERED, ids=[m._meta.label for m in REGISTERED])
def test_changelist_lists_with_indonesian_labels(
    admin_client_demo, model, django_assert_max_num_queries
):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    with django_assert_max_num_queries(20):
        response = admin_client_demo.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        str(model._meta.verbose_name_plural).capitalize() in html
        or str(model._meta.verbose_name_plural) in html
    )
    assert "Tambah" in html or not admin.site._registry[model].has_add_permission(
        response.wsgi_request
    )


def test_every_model_of_our_apps_is_registered():
    from django.apps import apps

    ours = {
        m
        for label in ("satker", "kinerja", "laporan")
        for m in apps.get_app_config(label).get_models()
    }
    assert ours == set(REGISTERED)


def test_satker_staff_cannot_open_the_admin(operator_manado_client):
    response = operator_manado_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_pk_line_change_page_shows_rencana_aksi_inline(admin_client_demo):
    from kinerja.models import IndikatorPerjanjian

    line = IndikatorPerjanjian.objects.filter(sasaran__perjanjian__satker__kode="247246").first()
    response = admin_client_demo.get(
        reverse("admin:kinerja_indikatorperjanjian_change", args=[line.pk])
    )
    assert response.status_code == 200
    assert "Target antara (%)" in response.content.decode()


def test_pk_changelist_prints_years_plainly_and_budgets_in_rupiah(admin_client_demo):
    html = admin_client_demo.get(
        reverse("admin:kinerja_perjanjiankinerja_changelist")
    ).content.decode()
    assert "Rp 7.350.321.000" in html
    assert "2.023" not in html


def test_the_cycles_records_cannot_be_removed_or_altered_in_the_admin(admin_client_demo):
    """What a satker submitted, the cycle's log and the change history are the audit trail:
    the admin reads them; deleting a quarter's report would also unlock it."""
    manado = Satker.objects.get(kode="247246")
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"), tahun=2023, triwulan=2,
        batas=datetime.date.today() + datetime.timedelta(days=5),
    )  # fmt: skip
    line = siklus.lines_satker(manado, 2023)[0]
    berkas = bukti.unggah(
        user=Pengguna.objects.get(username="operator.manado"), line=line, triwulan=2,
        berkas=SimpleUploadedFile("notulen.pdf", b"%PDF-1.4\n%%EOF\n"),
    )  # fmt: skip
    lap = siklus.pelaporan(manado, 2023, 2)
    # The upload is in the history of the line's measurement.
    h = RiwayatPerubahan.objects.get(object_id=berkas.realisasi_id, field="bukti")
    for name, pk in [
        ("pelaporantriwulan", lap.pk),
        ("riwayatperubahan", h.pk),
        ("buktidukung", berkas.pk),
    ]:
        url = reverse(f"admin:kinerja_{name}_delete", args=[pk])
        assert admin_client_demo.post(url, {"post": "yes"}).status_code == 403, name
    assert PelaporanTriwulan.objects.filter(pk=lap.pk).exists()
    assert BuktiDukung.objects.filter(pk=berkas.pk).exists()
    response = admin_client_demo.post(
        reverse("admin:kinerja_riwayatperubahan_change", args=[h.pk]), {"baru": "dipalsukan"}
    )
    assert response.status_code == 403
    h.refresh_from_db()
    assert h.baru == "notulen.pdf"
