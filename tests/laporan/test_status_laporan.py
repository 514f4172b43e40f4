"""Draft or final at a glance: every page of a quarter's PP-39 that is not verified carries a
DRAF watermark and its status and time in the footer, in the PDF and the workbook; a
verified quarter's report carries neither, but the date of its verification."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja import siklus
from kinerja.formatting import format_tanggal
from kinerja.models import RealisasiTriwulan
from laporan import services
from satker.models import Pengguna
from tests.laporan.conftest import normal

pytestmark = pytest.mark.django_db


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def test_a_quarter_not_verified_is_a_draft_on_every_page_and_sheet(manado):
    laporan = services.susun("pp39", manado, 2023, 2)
    hari_ini = format_tanggal(timezone.localdate())
    assert laporan.tanda == "DRAF"
    # Manado's quarter II has no report record yet in the demo data.
    assert laporan.kaki.startswith(f"DRAF — status laporan: belum diisi; disusun {hari_ini} pukul ")
    pdf = services.render(laporan, "pdf").isi
    halaman = [normal(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
    # The cover and the memo have no page furniture; every other page has the footer.
    dengan_kaki = [h for h in halaman if normal(laporan.kaki) in h]
    assert len(dengan_kaki) >= len(halaman) - 2
    wb = load_workbook(io.BytesIO(services.render(laporan, "xlsx").isi))
    lembar = wb.worksheets[1]
    assert lembar["A4"].value == f"DRAF — {laporan.kaki}"


def test_a_verified_quarter_says_when_it_was_verified_and_is_no_draft(manado):
    siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=5),
    )  # fmt: skip
    iv1 = RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker=manado, indikator__sasaran__nomor=4,
        indikator__nomor=1, triwulan=2,
    )  # fmt: skip
    iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    iv1.save()
    lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=siklus.pelaporan(manado, 2023, 2))
    assert services.susun("pp39", manado, 2023, 2).kaki.startswith(
        "DRAF — status laporan: diajukan; disusun "
    )
    siklus.verifikasi(user=pengguna("reviewer"), lap=lap)
    laporan = services.susun("pp39", manado, 2023, 2)
    assert (laporan.tanda, laporan.kaki) == (
        "", f"Laporan diverifikasi pada {format_tanggal(timezone.localdate())}",
    )  # fmt: skip


def test_a_simulated_satkers_draft_carries_both_marks(manado):
    manado.simulasi = True
    manado.save(update_fields=["simulasi"])
    assert services.susun("pp39", manado, 2023, 2).tanda == (
        "DRAF · DATA SIMULASI — bukan data nyata"
    )
