"""Form A of the PP-39 per kegiatan and quarter: the demo data of BSPJI Manado, Triwulan II
2023, against the two FORM A of the source (quoted beside each check), the rules of a kendala,
and the entry page: it saves the data umum and the kendala table as a whole, keeps the history,
and refuses a stale save, an output of another kegiatan, another satker and a submitted
quarter."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kinerja import siklus
from kinerja.models import ItemAnggaran, KendalaKegiatan, LaporanKegiatan, RiwayatPerubahan
from satker.models import Pengguna
from tests.halaman import baca, kiriman, pesan

pytestmark = pytest.mark.django_db


def laporan(satker, kode: str, triwulan: int = 2) -> LaporanKegiatan:
    return LaporanKegiatan.objects.get(
        satker=satker, kegiatan__kode=kode, kegiatan__tahun=2023, triwulan=triwulan
    )


def url(satker, kode: str = "6042", triwulan: int = 2) -> str:
    return f"{reverse('entri-form-a', args=[satker.pk, 2023, triwulan])}?kegiatan={kode}"


def halaman(client, alamat: str) -> dict[str, str]:
    response = client.get(alamat)
    assert response.status_code == 200
    return kiriman(baca(response))


# --- the demo data ------------------------------------------------------------------------------


@pytest.mark.parametrize("kode", ["6077", "6042"])
def test_data_umum_as_printed(manado, kode):
    # "2. Nomor Kode dan Nama Fungsi : 04. Ekonomi", "3. ... Sub Fungsi : 04.07. Industri Dan
    # Konstruksi", "5. Indikator Hasil :" (empty), "7. Jangka Waktu Pelaksanaan Kegiatan/Tahun Ke
    # : 1/1", "8. Penanggung Jawab Kegiatan : Ir. Henry Pajow, M.Si", "9. Tempat Kedudukan
    # Penanggung Jawab Kegiatan : Jl. Diponegoro No. 21-23"; signed "Manado, 30 Juni 2023".
    lk = laporan(manado, kode)
    assert (
        lk.kode_fungsi, lk.fungsi, lk.kode_sub_fungsi, lk.sub_fungsi, lk.indikator_hasil,
        lk.jangka_waktu, lk.tahun_ke, lk.penanggung_jawab, lk.tempat_kedudukan, lk.tanggal,
    ) == (
        "04", "Ekonomi", "04.07", "Industri Dan Konstruksi", "", 1, 1, "Ir. Henry Pajow, M.Si",
        "Jl. Diponegoro No. 21-23", datetime.date(2023, 6, 30),
    )  # fmt: skip


def test_kendala_as_printed(manado):
    # 6077: "| Sarana Bidang Industri dan Perdagangan | Pengajuan Surat Rekomendasi Izin Impor
    # belum keluar | Menunggu hasil pengajuan Surat Rekomendasi Izin Impor | |" (no number).
    [k] = laporan(manado, "6077").kendala.all()
    assert (k.nomor, k.output.kode_lengkap, k.kendala, k.tindak_lanjut, k.pihak_membantu) == (
        1,
        "6077.CAH",
        "Pengajuan Surat Rekomendasi Izin Impor belum keluar",
        "Menunggu hasil pengajuan Surat Rekomendasi Izin Impor",
        "",
    )
    # 6042: "1. Layanan Dukungan Manajemen Internal ...", "2. Layanan Sarana dan Prasarana
    # Internal | Pengajuan Surat Rekomendasi Izin Impor belum keluar. | Melakukan kegiatan
    # pengadaan belanja peralatan dan mesin |", "3. Layanan Manajemen Kinerja Internal ...".
    rows = list(laporan(manado, "6042").kendala.order_by("nomor"))
    assert [(k.nomor, k.output.kode_lengkap) for k in rows] == [
        (1, "6042.EBA"),
        (2, "6042.EBB"),
        (3, "6042.EBD"),
    ]
    assert rows[1].tindak_lanjut == "Melakukan kegiatan pengadaan belanja peralatan dan mesin"
    assert (
        rows[2].kendala == "Komponen Pengembangan Laboratorium yang fasilitasnya belum dilengkapi"
    )


def test_a_kendala_names_an_output_of_its_own_kegiatan(manado):
    lk = laporan(manado, "6042")
    cah = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap="6077.CAH")
    k = KendalaKegiatan(laporan=lk, nomor=9, output=cah, kendala="Uji")
    with pytest.raises(ValidationError) as e:
        k.full_clean()
    assert e.value.message_dict["output"] == ["Pilih output (KRO) dari kegiatan Form A ini."]


# --- the entry page -------------------------------------------------------------------------


def test_the_page_saves_data_umum_and_kendala_with_history(operator_manado_client, manado):
    alamat = url(manado)
    response = operator_manado_client.get(alamat)
    page = baca(response)
    pilihan = [o.teks for o in page.satu("select", name="k-0-output").semua("option")]
    assert pilihan[1:] == [
        "6042.EBA Layanan Dukungan Manajemen Internal",
        "6042.EBB Layanan Sarana dan Prasarana Internal",
        "6042.EBC Layanan Manajemen SDM Internal",
        "6042.EBD Layanan Manajemen Kinerja Internal",
    ]
    data = kiriman(page)
    assert data["k-1-kendala"] == "Pengajuan Surat Rekomendasi Izin Impor belum keluar."
    data["k-1-pihak_membantu"] = "Kementerian Perdagangan"
    data["umum-indikator_hasil"] = "Layanan manajemen internal terselenggara"
    assert operator_manado_client.post(alamat, data).status_code == 302
    lk = laporan(manado, "6042")
    assert lk.indikator_hasil == "Layanan manajemen internal terselenggara"
    k = lk.kendala.get(nomor=2)
    assert k.pihak_membantu == "Kementerian Perdagangan"
    h = RiwayatPerubahan.objects.get(object_id=k.pk, field="pihak_membantu")
    assert (h.lama, h.baru, h.oleh.username) == ("", "Kementerian Perdagangan", "operator.manado")
    assert h.uraian_objek.startswith("Form A 6042 TW II 2023: 2.")
    assert RiwayatPerubahan.objects.filter(
        object_id=lk.pk, field="indikator_hasil", uraian_objek="Form A 6042 TW II 2023 data umum"
    ).exists()
    page = baca(operator_manado_client.get(alamat))
    assert pesan(page) == ["Form A kegiatan 6042 tersimpan: 0 kendala baru, 1 berubah, 0 dihapus."]
    assert "Kementerian Perdagangan" in page.satu("section", kelas="history").teks


def test_an_output_of_another_kegiatan_is_refused(operator_manado_client, manado):
    alamat = url(manado)
    data = halaman(operator_manado_client, alamat)
    cah = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap="6077.CAH")
    data |= {"k-3-output": str(cah.pk), "k-3-kendala": "Tidak ada"}
    response = operator_manado_client.post(alamat, data)
    assert response.status_code == 400
    assert laporan(manado, "6042").kendala.count() == 3


def test_a_stale_save_is_refused(operator_manado_client, manado):
    alamat = url(manado)
    lama = halaman(operator_manado_client, alamat)
    lain = Client()
    lain.force_login(Pengguna.objects.get(username="kepala.manado"))
    segar = halaman(lain, alamat)
    segar["umum-tempat_kedudukan"] = "Jl. Diponegoro No. 21-23, Manado"
    assert lain.post(alamat, segar).status_code == 302
    lama["k-0-pihak_membantu"] = "Biro Keuangan"
    response = operator_manado_client.post(alamat, lama)
    assert response.status_code == 409
    [bentrok] = pesan(baca(response))
    assert bentrok.startswith("Data ini telah diubah oleh pengguna lain"), bentrok
    assert "tempat kedudukan penanggung jawab" in bentrok
    assert laporan(manado, "6042").kendala.get(nomor=1).pihak_membantu == ""


def test_a_new_quarter_starts_from_the_last_one(operator_manado_client, manado):
    alamat = url(manado, "6077", triwulan=3)
    data = halaman(operator_manado_client, alamat)
    assert (data["umum-kode_sub_fungsi"], data["umum-penanggung_jawab"]) == (
        "04.07",
        "Ir. Henry Pajow, M.Si",
    )
    data |= {"k-0-kendala": "Pengadaan belum selesai", "k-0-tindak_lanjut": "Percepatan"}
    assert operator_manado_client.post(alamat, data).status_code == 302
    lk = laporan(manado, "6077", triwulan=3)
    assert (lk.fungsi, lk.tanggal) == ("Ekonomi", None)
    assert [(k.nomor, k.output, k.kendala) for k in lk.kendala.all()] == [
        (1, None, "Pengadaan belum selesai")
    ]


def test_another_satker_and_a_reviewer(client, reviewer_client, manado):
    assert reviewer_client.get(url(manado)).status_code == 200
    assert reviewer_client.post(url(manado), {}).status_code == 403
    client.force_login(Pengguna.objects.get(username="operator.pekanbaru"))
    assert client.get(url(manado)).status_code == 404
    assert client.post(url(manado), {}).status_code == 404


def test_a_submitted_quarter_refuses_changes(operator_manado_client, manado):
    alamat = url(manado)
    data = halaman(operator_manado_client, alamat)
    lap = siklus.pelaporan(manado, 2023, 2)
    lap.status = "diajukan"
    lap.save()
    data["k-0-pihak_membantu"] = "Biro Keuangan"
    response = operator_manado_client.post(alamat, data)
    assert response.status_code == 400
    alasan = "Laporan Triwulan II 2023 sudah diajukan dan sedang direviu; data tidak dapat diubah."
    assert pesan(baca(response)) == [alasan]
    assert laporan(manado, "6042").kendala.get(nomor=1).pihak_membantu == ""
