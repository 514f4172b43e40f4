"""The cycle's side of the archive: verifying a quarter queues its PP-39's archive once the
verification has committed, without waiting for it and without being undone by a failing
render; reopening a verified quarter leaves its archive as it is, and the quarter's record
and log cannot be removed from under it. (What the archive holds and how it is served:
tests/laporan/test_arsip.py.)"""

from __future__ import annotations

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from kinerja import siklus
from kinerja.models import PelaporanTriwulan, PeristiwaPelaporan, StatusPelaporan
from laporan import services
from tests.arsip import (
    ajukan_dan_verifikasi,
    arsip,
    buka_kembali,
    isi,
    pengguna,
    render_cepat,
    siap_diajukan,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cepat(monkeypatch):
    monkeypatch.setattr(services, "render", render_cepat)


def test_the_archive_is_queued_after_the_verification_commits(
    manado, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as tertunda:
        ajukan_dan_verifikasi(manado)
    # Verified and recorded, with nothing rendered or even created yet: the archive is work
    # for after the commit.
    assert siklus.pelaporan(manado, 2023, 2).status == StatusPelaporan.DIVERIFIKASI
    assert arsip(manado) == []
    assert len(tertunda) == 1
    with django_capture_on_commit_callbacks(execute=True):
        tertunda[0]()
    assert [(b.format, b.status, b.versi) for b in arsip(manado)] == [
        ("pdf", "selesai", 1), ("xlsx", "selesai", 1),
    ]  # fmt: skip


def test_submitting_and_returning_archive_nothing(manado, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=siap_diajukan(manado))
        line = siklus.lines_satker(manado, 2023)[0]
        siklus.kembalikan(user=pengguna("reviewer"), lap=lap, catatan=[(line, "Periksa.")])
    assert arsip(manado) == []


def test_verifying_on_the_review_page_archives_and_a_failing_render_undoes_nothing(
    manado, reviewer_client, monkeypatch, django_capture_on_commit_callbacks
):
    def rusak(laporan, format_):
        raise RuntimeError("WeasyPrint mati")

    monkeypatch.setattr(services, "render", rusak)
    lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=siap_diajukan(manado))
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            reverse("reviu-aksi", args=[lap.pk]), {"aksi": "verifikasi"}, follow=True
        )
    assert "diverifikasi dan dikunci" in response.content.decode()
    lap.refresh_from_db()
    assert lap.status == StatusPelaporan.DIVERIFIKASI
    assert [(b.status, b.sha256) for b in arsip(manado)] == [("gagal", ""), ("gagal", "")]
    assert all("kesalahan saat menyusun laporan" in b.pesan for b in arsip(manado))


def test_reopening_keeps_the_archive_and_its_quarter(manado, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        peristiwa = ajukan_dan_verifikasi(manado)
    disimpan = {b.pk: (b.berkas.name, b.sha256, isi(b)) for b in arsip(manado)}
    with django_capture_on_commit_callbacks(execute=True):
        lap = buka_kembali(manado)
    assert lap.status == StatusPelaporan.DIKEMBALIKAN
    assert {b.pk: (b.berkas.name, b.sha256, isi(b)) for b in arsip(manado)} == disimpan
    # The archive holds on to the verification it was made for.
    with pytest.raises(ProtectedError):
        PelaporanTriwulan.objects.get(pk=lap.pk).delete()
    with pytest.raises(ProtectedError):
        PeristiwaPelaporan.objects.get(pk=peristiwa.pk).delete()
    assert len(arsip(manado)) == 2
