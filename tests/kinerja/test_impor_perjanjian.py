"""The PK's targets as a workbook, on real files: a changed target is a revision of the PK,
with the reason asked on upload, as on the PK page."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja import siklus
from kinerja.models import IndikatorPerjanjian, PerjanjianKinerja, RiwayatPerubahan
from kinerja.models.siklus import SumberPerubahan
from satker.models import Pengguna
from tests.kinerja import excel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

TARGET = "Target"


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def operator(client, demo):
    return masuk(client, pengguna("operator.manado"))


def url(nama: str, satker) -> str:
    return reverse(nama, args=[satker.pk, 2023])


def templat(client, satker) -> bytes:
    response = client.get(url("entri-pk-templat", satker))
    assert response.status_code == 200
    return response.content


def unggah(client, satker, isi: bytes, alasan: str = "Penyesuaian pagu DIPA revisi 2"):
    return client.post(
        url("entri-pk-impor", satker), {"berkas": excel.berkas(isi), "alasan": alasan}
    )


def lines(manado) -> dict:
    return {x.kode: x for x in siklus.lines_satker(manado, 2023)}


def target(manado) -> dict:
    return {k: x.target for k, x in lines(manado).items()}


def test_the_template_holds_every_line_with_its_target(operator, manado):
    isi = templat(operator, manado)
    rows = excel.baris(isi)
    assert {k: D(str(r[TARGET])) for k, r in rows.items()} == target(manado)
    assert rows[next(iter(rows))]["Indikator"] == next(iter(lines(manado).values())).uraian
    response = unggah(operator, manado, isi)
    assert "Tidak ada perubahan" in response.content.decode()


def test_a_revision_needs_a_reason_and_applies_as_one_revision(operator, manado):
    k1, k2 = list(lines(manado))[:2]
    pk = PerjanjianKinerja.objects.get(satker=manado, tahun=2023)
    isi = excel.ubah(templat(operator, manado), {k1: {TARGET: 97}, k2: {TARGET: "12,5"}})
    tanpa = unggah(operator, manado, isi, alasan="")
    assert "Tuliskan alasan revisi target." in tanpa.content.decode()
    assert tanpa.context["rencana"] is None
    response = unggah(operator, manado, isi)
    assert [(p.jenis, p.kunci) for p in response.context["rencana"].perubahan] == [
        ("ubah", k1),
        ("ubah", k2),
    ]
    assert target(manado)[k1] != D(97)  # nothing before applying
    response = operator.post(
        url("entri-pk-impor", manado), {"terapkan": "1", "token": response.context["token"]}
    )
    assert response["Location"] == url("entri-pk", manado)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Impor selesai: 0 baru, 2 berubah, 0 dihapus."
    ]
    assert (target(manado)[k1], target(manado)[k2]) == (D(97), D("12.5"))
    baru = PerjanjianKinerja.objects.get(pk=pk.pk)
    assert baru.revisi == pk.revisi + 1
    assert baru.catatan.endswith(f"Revisi {baru.revisi}: Penyesuaian pagu DIPA revisi 2")
    h = RiwayatPerubahan.objects.get(
        content_type=ContentType.objects.get_for_model(IndikatorPerjanjian),
        object_id=lines(manado)[k1].pk,
        field="target",
        sumber=SumberPerubahan.IMPOR,
    )
    assert h.baru == "97"
    assert "revisi: Penyesuaian pagu DIPA revisi 2" in h.uraian_objek
    # The same file again: nothing changes, no new revision.
    again = unggah(operator, manado, isi)
    assert "Tidak ada perubahan" in again.content.decode()
    assert PerjanjianKinerja.objects.get(pk=pk.pk).revisi == baru.revisi


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(operator, manado):
    k1, k2 = list(lines(manado))[:2]
    isi = excel.ubah(templat(operator, manado), {k1: {TARGET: 0}, k2: {TARGET: None}})
    sebelum = target(manado)
    pesan = unggah(operator, manado, isi).context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {excel.nomor_baris(isi, k1)}: {k1}: target: Target harus lebih dari 0.",
        f"Baris {excel.nomor_baris(isi, k2)}: {k2}: target: Target harus lebih dari 0.",
    ]
    assert target(manado) == sebelum


def test_targets_stay_while_a_quarter_is_under_review(operator, manado):
    from tests.kinerja.test_impor_realisasi import ajukan, siap_diajukan

    siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=3),
    )  # fmt: skip
    siap_diajukan(manado)
    k1 = next(iter(lines(manado)))
    isi = excel.ubah(templat(operator, manado), {k1: {TARGET: 99}})
    ajukan(manado)
    sebelum = target(manado)
    pesan = unggah(operator, manado, isi).context["rencana"].pesan_kesalahan()
    assert pesan == [
        f"Baris {excel.nomor_baris(isi, k1)}: {k1}: Target tidak dapat direvisi selama "
        "laporan Triwulan II 2023 direviu; tunggu hasil reviu Sekretariat."
    ]
    assert target(manado) == sebelum


def test_another_satker_is_not_found(manado, pekanbaru, reviewer_client):
    lain = masuk(Client(), pengguna("operator.pekanbaru"))
    assert lain.get(url("entri-pk-templat", manado)).status_code == 404
    assert lain.get(url("entri-pk-impor", manado)).status_code == 404
    assert reviewer_client.get(url("entri-pk-impor", manado)).status_code == 403
