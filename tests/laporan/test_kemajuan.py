"""A report being rendered shows how far it is: the row records a percent and a step as the
renderer reports its parts, the Laporan page draws it as a progress bar, the API returns it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from laporan import services
from laporan.choices import StatusBerkas
from laporan.models import BerkasLaporan
from satker.models import Pengguna
from tests.api import api

pytestmark = pytest.mark.django_db(transaction=False)


def _minta(satker, jenis: str = "pk", format_: str = "pdf", **kw) -> BerkasLaporan:
    user = Pengguna.objects.get(username="kepala.manado")
    return services.minta(user=user, satker=satker, jenis=jenis, format_=format_, tahun=2023, **kw)


def test_a_pdf_rendering_records_its_progress_part_by_part(manado, monkeypatch):
    """What the page would read between two refreshes: the percent never goes back, the
    assembly's share comes first, every laid-out part moves it on, and the finished file
    stands at 100 % with no step."""
    berkas = _minta(manado, "pp39", triwulan=2)
    terbaca: list[tuple[int, str]] = []
    asli = services._catat_kemajuan

    def catat_lalu_baca(berkas_id: int, kemajuan: int, langkah: str) -> None:
        asli(berkas_id, kemajuan, langkah)
        row = BerkasLaporan.objects.get(pk=berkas_id)
        terbaca.append((row.kemajuan, row.langkah))

    monkeypatch.setattr(services, "_catat_kemajuan", catat_lalu_baca)
    services.jalankan(berkas.pk)

    assert terbaca[0] == (services.BAGIAN_SUSUN, "Menulis berkas")
    persen = [k for k, _ in terbaca]
    assert persen == sorted(persen)
    assert all(services.BAGIAN_SUSUN <= k <= 99 for k in persen)
    langkah = [lg for _, lg in terbaca[1:]]
    assert len(langkah) >= 6  # the PP-39 is laid out in several parts
    total = int(re.search(r"dari (\d+)\)", langkah[-1]).group(1))
    assert persen[-1] == 99  # all steps done, the file not yet written
    assert [int(re.search(r"\((\d+) dari", lg).group(1)) for lg in langkah] == list(
        range(1, total + 1)
    )
    # One step per part, then the contents and the sheet of page numbers.
    apa = [re.match(r"Menata letak: (.+) \(", lg).group(1) for lg in langkah]
    assert sorted(apa) == ["bagian"] * (total - 2) + ["daftar isi", "nomor halaman"]
    berkas.refresh_from_db()
    assert (berkas.status, berkas.kemajuan, berkas.langkah) == (StatusBerkas.SELESAI, 100, "")


def test_progress_of_a_finished_or_failed_file_is_not_overwritten(manado):
    """A late report of progress (a worker still running after the row was marked failed)
    does not touch a row that is no longer being rendered."""
    berkas = _minta(manado)
    BerkasLaporan.objects.filter(pk=berkas.pk).update(status=StatusBerkas.GAGAL, kemajuan=30)
    services._catat_kemajuan(berkas.pk, 80, "Menata letak: bagian (8 dari 10)")
    berkas.refresh_from_db()
    assert (berkas.kemajuan, berkas.langkah) == (30, "")


def test_the_page_draws_the_progress_bar_of_a_report_being_rendered(operator_manado_client, manado):
    berkas = _minta(manado)  # not rendered: no broker callbacks run in this test
    BerkasLaporan.objects.filter(pk=berkas.pk).update(
        status=StatusBerkas.PROSES, kemajuan=40, langkah="Menata letak: bagian (4 dari 10)"
    )
    antri = _minta(manado, "lakip")
    url = reverse("laporan-satker", args=[manado.pk])

    html = operator_manado_client.get(url).content.decode()

    assert html.count("<progress") == 2
    assert '<progress max="100" value="40"' in html
    assert "40% · Menata letak: bagian (4 dari 10)" in html
    assert '<progress max="100" value="0"' in html  # queued: the badge says so, the bar is empty
    assert 'http-equiv="refresh"' in html  # the page refreshes itself while work is going on

    BerkasLaporan.objects.filter(pk__in=[berkas.pk, antri.pk]).update(
        status=StatusBerkas.SELESAI, kemajuan=100
    )
    assert "<progress" not in operator_manado_client.get(url).content.decode()


def test_the_api_returns_the_progress(manado):
    berkas = _minta(manado)
    BerkasLaporan.objects.filter(pk=berkas.pk).update(
        status=StatusBerkas.PROSES, kemajuan=55, langkah="Menata letak: bagian (5 dari 9)"
    )
    detail = api("operator.manado").get(f"/api/v1/laporan/{berkas.pk}/").json()
    assert (detail["status"], detail["kemajuan"], detail["langkah"]) == (
        "proses",
        55,
        "Menata letak: bagian (5 dari 9)",
    )
