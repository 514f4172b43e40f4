"""Signing a PK draft and revising a signed PK: lines added and removed with a reason (a line
with measurements is not removed), targets changed, the signing place and date and the
signed scan (PDF only) recorded, every version kept with its snapshot and printed again from
it."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RevisiPerjanjian,
    RiwayatPerubahan,
)
from kinerja.services.tahun import buka_tahun
from satker.models import Pengguna
from tests.berkas import PDF_SAH
from tests.halaman import baca, galat_di, isian, pesan

pytestmark = pytest.mark.django_db

KEPUASAN = "Tingkat kepuasan perusahaan yang diberikan fasilitasi di bidang standardisasi"


@pytest.fixture
def op_pekanbaru(client, demo):
    client.force_login(Pengguna.objects.get(username="operator.pekanbaru"))
    return client


def _line(satker, tahun: int, manual: str) -> IndikatorPerjanjian:
    return IndikatorPerjanjian.objects.select_related("sasaran").get(
        sasaran__perjanjian__satker=satker,
        sasaran__perjanjian__tahun=tahun,
        indikator__kode=manual,
    )


def _isian_halaman(client, url: str) -> dict:
    """What the page sends back unchanged: its record and every target as shown."""
    ctx = client.get(url).context
    data = {"tanda": ctx["tanda"]}
    data |= {f"t{b['line'].pk}": b["nilai"] for b in ctx["baris"]}
    return data


def _teks_pdf(isi: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(isi)).pages)


def _tandatangani_2024(client, pekanbaru) -> str:
    buka_tahun(tahun=2024)
    url = reverse("entri-pk", args=[pekanbaru.pk, 2024])
    data = _isian_halaman(client, url) | {
        "tandatangani": "on",
        "tempat": "Jakarta",
        "tanggal": "2024-02-05",
        "pindaian": SimpleUploadedFile("pk-2024.pdf", PDF_SAH, "application/pdf"),
    }
    response = client.post(url, data)
    assert response.status_code == 302, pesan(baca(response))
    return url


def test_a_draft_is_signed_with_place_date_and_scan(op_pekanbaru, pekanbaru):
    url = _tandatangani_2024(op_pekanbaru, pekanbaru)
    pk = PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2024)
    assert (pk.status, pk.revisi, pk.tempat, str(pk.tanggal)) == (
        "ditandatangani",
        0,
        "Jakarta",
        "2024-02-05",
    )
    [r] = RevisiPerjanjian.objects.filter(perjanjian=pk)
    assert (r.nomor, r.alasan, r.oleh.username, str(r.tanggal)) == (
        0,
        "PK awal ditandatangani",
        "operator.pekanbaru",
        "2024-02-05",
    )
    assert r.pindaian.read() == PDF_SAH and r.pindaian_nama == "pk-2024.pdf"
    # The snapshot holds the lines as signed: Pekanbaru's Renstra 2024 target of I.1 is 12.
    baris = {i["indikator"]: i["target"] for s in r.data["sasaran"] for i in s["indikator"]}
    assert baris["T3/SP1/c"] == "12" and baris["T4/SP8/c"] == "3.54" and len(baris) == 13
    page = baca(op_pekanbaru.get(url))
    assert page.satu(id="status-pk").teks.startswith("Ditandatangani Jakarta, 5 Februari 2024")
    unduh = op_pekanbaru.get(reverse("entri-pk-pindaian", args=[pekanbaru.pk, 2024, 0]))
    assert b"".join(unduh.streaming_content) == PDF_SAH


def test_a_revision_adds_and_removes_lines_and_every_version_prints(op_pekanbaru, pekanbaru):
    url = _tandatangani_2024(op_pekanbaru, pekanbaru)
    kepuasan = _line(pekanbaru, 2024, "T1/SP2/e")
    ipasn = _line(pekanbaru, 2024, "T4/SP8/c")
    dipakai = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2024
    ).values("indikator_id")
    baru = IndikatorKinerja.objects.exclude(pk__in=dipakai).order_by("kode").first()
    data = _isian_halaman(op_pekanbaru, url) | {
        f"t{ipasn.pk}": "3,61",
        f"hapus-{kepuasan.pk}": "1",
        "baru0-sasaran": str(ipasn.sasaran_id),
        "baru0-manual": str(baru.pk),
        "baru0-uraian": "Indikator tambahan hasil revisi",
        "baru0-target": "7",
        "tempat": "Pekanbaru",
        "tanggal": "2024-07-01",
        "alasan": "Penyesuaian setelah revisi DIPA",
    }
    response = op_pekanbaru.post(url, data)
    assert response.status_code == 302, pesan(baca(response))
    pk = PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2024)
    assert (pk.revisi, pk.tempat, str(pk.tanggal)) == (1, "Pekanbaru", "2024-07-01")
    assert not IndikatorPerjanjian.objects.filter(pk=kepuasan.pk).exists()
    ipasn.refresh_from_db()
    assert ipasn.target == D("3.61")
    tambahan = _line(pekanbaru, 2024, baru.kode)
    # VII has one line (IPASN, VII.1): the added one is VII.2.
    assert (tambahan.kode, tambahan.target, tambahan.satuan) == ("VII.2", D("7"), baru.satuan)

    r1 = RevisiPerjanjian.objects.get(perjanjian=pk, nomor=1)
    assert (r1.alasan, r1.oleh.username, r1.tempat, str(r1.tanggal)) == (
        "Penyesuaian setelah revisi DIPA",
        "operator.pekanbaru",
        "Pekanbaru",
        "2024-07-01",
    )
    baris = {i["indikator"]: i for s in r1.data["sasaran"] for i in s["indikator"]}
    assert baris["T4/SP8/c"]["target"] == "3.61"
    assert "T1/SP2/e" not in baris
    assert (baris[baru.kode]["nomor"], baris[baru.kode]["target"]) == (2, "7")
    # The removal is in the history, with the reason.
    h = RiwayatPerubahan.objects.get(
        content_type__model="indikatorperjanjian", object_id=kepuasan.pk, field="__hapus__"
    )
    assert "Penyesuaian setelah revisi DIPA" in h.uraian_objek

    # The page lists both versions with "Cetak"; each prints from its own snapshot.
    page = baca(op_pekanbaru.get(url))
    cetak = [a.attrs["href"] for a in page.satu(id="revisi").semua("a") if a.teks == "Cetak"]
    assert cetak == [
        reverse("entri-pk-cetak", args=[pekanbaru.pk, 2024, 1]),
        reverse("entri-pk-cetak", args=[pekanbaru.pk, 2024, 0]),
    ]
    teks1 = _teks_pdf(op_pekanbaru.get(cetak[0]).content)
    teks0 = _teks_pdf(op_pekanbaru.get(cetak[1]).content)
    assert "3,61" in teks1 and "3,54" not in teks1
    assert "Indikator tambahan hasil revisi" in teks1 and KEPUASAN not in teks1
    assert "Pekanbaru, 1 Juli 2024" in teks1 and "(revisi 1)" in teks1
    assert "3,54" in teks0 and "3,61" not in teks0
    assert KEPUASAN in teks0 and "Indikator tambahan hasil revisi" not in teks0
    assert "Jakarta, 5 Februari 2024" in teks0
    # The signed scan may be added to the version later, once signed.
    assert not r1.pindaian
    op_pekanbaru.post(
        reverse("entri-pk-pindaian-unggah", args=[pekanbaru.pk, 2024, 1]),
        {"pindaian": SimpleUploadedFile("revisi-1.pdf", PDF_SAH)},
    )
    r1.refresh_from_db()
    assert r1.pindaian_nama == "revisi-1.pdf"


def test_a_line_with_measurements_is_not_removed(op_pekanbaru, pekanbaru):
    url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
    line = _line(pekanbaru, 2023, "T3/SP1/c")  # I.1: realisasi entered in every quarter
    data = _isian_halaman(op_pekanbaru, url) | {
        f"hapus-{line.pk}": "1",
        "alasan": "Indikator tidak lagi dipakai",
    }
    response = op_pekanbaru.post(url, data)
    assert response.status_code == 400
    page = baca(response)
    assert galat_di(page, f"hapus-{line.pk}") == [
        "I.1 Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi sudah berisi "
        "realisasi (Triwulan I, II, III, IV); baris ini tidak dapat dihapus. Kosongkan "
        "realisasinya lebih dahulu bila memang harus dihapus."
    ]
    assert "checked" in isian(page, f"hapus-{line.pk}").attrs  # as ticked
    assert IndikatorPerjanjian.objects.filter(pk=line.pk).exists()
    pk = PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2023)
    assert pk.revisi == 0 and not RevisiPerjanjian.objects.filter(perjanjian=pk).exists()


def test_a_scan_that_is_not_a_pdf_is_refused_and_nothing_changes(op_pekanbaru, pekanbaru):
    url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
    line = _line(pekanbaru, 2023, "T3/SP1/c")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    data = _isian_halaman(op_pekanbaru, url) | {
        f"t{line.pk}": "11",
        "alasan": "Penyesuaian",
        "pindaian": SimpleUploadedFile("pk-revisi.pdf", png, "application/pdf"),
    }
    response = op_pekanbaru.post(url, data)
    assert response.status_code == 400
    page = baca(response)
    assert galat_di(page, "pindaian", "field") == ["Isi berkas pk-revisi.pdf bukan PDF."]
    assert isian(page, f"t{line.pk}").attrs["value"] == "11"  # the typed target stays
    line.refresh_from_db()
    assert line.target == D("10")
    assert PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2023).revisi == 0
    assert not RevisiPerjanjian.objects.exists()


def test_revising_a_pk_signed_before_versions_were_kept_keeps_that_version_first(
    op_pekanbaru, pekanbaru
):
    url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
    line = _line(pekanbaru, 2023, "T3/SP1/c")
    data = _isian_halaman(op_pekanbaru, url) | {f"t{line.pk}": "11", "alasan": "Penyesuaian"}
    assert op_pekanbaru.post(url, data).status_code == 302
    versi = {r.nomor: r for r in RevisiPerjanjian.objects.filter(perjanjian__satker=pekanbaru)}
    assert sorted(versi) == [0, 1]
    target = {
        n: {i["indikator"]: i["target"] for s in r.data["sasaran"] for i in s["indikator"]}
        for n, r in versi.items()
    }
    # Pekanbaru's signed PK 2023 has I.1 at 10 (fixtures/pekanbaru/pk_2023.yaml).
    assert (target[0]["T3/SP1/c"], target[1]["T3/SP1/c"]) == ("10", "11")
    assert str(versi[0].tanggal) == "2023-10-27"


def test_the_secretariat_reads_a_pk_with_its_form_disabled(sekretariat_client, pekanbaru):
    """The secretariat may open a satker's PK (it follows the year) but not change it: the
    page says so and its form is disabled, instead of a form that the save then refuses."""
    url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
    halaman = sekretariat_client.get(url).text
    assert "PK ini hanya dapat dibaca di sini" in halaman
    assert '<fieldset class="plain" disabled>' in halaman
    assert sekretariat_client.post(url, {}).status_code == 403


def test_the_operator_edits_its_pk(op_pekanbaru, pekanbaru):
    halaman = op_pekanbaru.get(reverse("entri-pk", args=[pekanbaru.pk, 2023])).text
    assert "PK ini hanya dapat dibaca di sini" not in halaman
    assert '<fieldset class="plain" disabled>' not in halaman
