"""The external scores of all satker of a year in one table (/sekretariat/nilai/<tahun>/):
the demo's LAKIP Tabel 27/28 figures as shown, a saved score that changes the realisasi of
the PK line that reads it (worked by hand from the manual's rule: the SAKIP score is the sum
of its four components, T4/SP9/a), a bad row named with its satker and nothing saved, the
stale-save guard, the history, and a page of 1,000 satker in the queries of a page of 24."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.urls import reverse

from kinerja.models import (
    HasilPerhitungan,
    IndikatorPerjanjian,
    NilaiLaporanKeuangan,
    NilaiSakip,
    RiwayatPerubahan,
)
from kinerja.models.hasil import SETAHUN
from satker.models import Satker, UnitEselonI
from tests.conftest import PEKANBARU
from tests.halaman import baca, galat_di, kiriman, pesan

pytestmark = pytest.mark.django_db

URL = reverse("sekretariat-nilai", args=[2023])


def baris_pk(kode_pedoman: str) -> IndikatorPerjanjian:
    """Pekanbaru's PK 2023 line that measures the manual's indicator."""
    return IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker__kode=PEKANBARU,
        sasaran__perjanjian__tahun=2023,
        indikator__kode=kode_pedoman,
    )


def realisasi_tahun(line: IndikatorPerjanjian) -> D:
    return HasilPerhitungan.objects.get(indikator=line, triwulan=SETAHUN).realisasi


def test_tabel_menampilkan_nilai_demo(sekretariat_client, pekanbaru):
    page = baca(sekretariat_client.get(URL))
    data = kiriman(page)
    p = f"s{pekanbaru.pk}-"
    # LAKIP Tabel 27: Pekanbaru 23,10 / 22,50 / 11,55 / 18,00, printed 75,15, BB.
    assert [data[p + f] for f in ("s_perencanaan", "s_pengukuran", "s_pelaporan")] == [
        "23.10",
        "22.50",
        "11.55",
    ]
    assert (data[p + "s_predikat"], data[p + "s_tanggal"]) == ("BB", "2023-04-30")
    # Its computed total beside the inputs: 23,10 + 22,50 + 11,55 + 18,00 = 75,15.
    assert "75,15" in page.satu("tr", id=f"nilai-{pekanbaru.pk}").teks
    assert len(page.satu("tbody").semua("tr")) == Satker.objects.count()


def test_simpan_mengubah_realisasi_indikator(sekretariat_client, pekanbaru):
    sakip, lk = baris_pk("T4/SP9/a"), baris_pk("T4/SP9/b")
    assert realisasi_tahun(sakip) == D("75.15")
    data = kiriman(baca(sekretariat_client.get(URL)))
    p = f"s{pekanbaru.pk}-"
    data[p + "s_perencanaan"] = "25,2"
    data[p + "s_evaluasi_internal"] = "19,75"
    data[p + "lk_nilai"] = "91,5"
    response = sekretariat_client.post(URL, data)
    assert response.status_code == 302, pesan(baca(response))
    # T4/SP9/a: the sum of the components, 25,20 + 22,50 + 11,55 + 19,75 = 79,00.
    assert realisasi_tahun(sakip) == D("79.00")
    # T4/SP9/b: the score as given (Pekanbaru's 90,75 of its text VIII.2 becomes 91,50).
    assert realisasi_tahun(lk) == D("91.50")
    n = NilaiSakip.objects.get(satker=pekanbaru, tahun=2023)
    assert (n.perencanaan, n.evaluasi_internal) == (D("25.20"), D("19.75"))
    # The history names the satker and the score, who changed it, old and new.
    h = RiwayatPerubahan.objects.get(
        object_id=n.pk, field="perencanaan", satker=pekanbaru, oleh__username="sekretariat"
    )
    assert (h.lama, h.baru, h.oleh.username) == ("23,1", "25,2", "sekretariat")
    assert h.uraian_objek == "Nilai 2023 BSPJI Pekanbaru: nilai SAKIP"
    page = baca(sekretariat_client.get(URL))
    assert pesan(page) == ["Nilai 2023 tersimpan: 0 baru, 2 berubah, 0 dihapus."]
    assert "25,2" in page.satu("section", kelas="history").teks


def test_baris_salah_ditandai_dan_tidak_ada_yang_tersimpan(sekretariat_client, pekanbaru, manado):
    data = kiriman(baca(sekretariat_client.get(URL)))
    p, m = f"s{pekanbaru.pk}-", f"s{manado.pk}-"
    data[m + "s_pengukuran"] = "24"  # a good change in another row
    data[p + "s_pelaporan"] = "16"  # pelaporan is worth at most 15 (PermenPAN-RB 88/2021)
    response = sekretariat_client.post(URL, data)
    assert response.status_code == 400
    page = baca(response)
    assert galat_di(page, p + "s_pelaporan") == ["Pelaporan kinerja: Paling besar 15."]
    assert (
        "BSPJI Pekanbaru: Pelaporan kinerja: Paling besar 15." in page.satu(id="baris-salah").teks
    )
    assert kiriman(page)[p + "s_pelaporan"] == "16"  # as typed
    assert NilaiSakip.objects.get(satker=manado, tahun=2023).pengukuran == D("23.10")
    assert NilaiSakip.objects.get(satker=pekanbaru, tahun=2023).pelaporan == D("11.55")


def test_bagian_tidak_lengkap_menyebut_satker(sekretariat_client, manado):
    data = kiriman(baca(sekretariat_client.get(URL)))
    m = f"s{manado.pk}-"
    data[m + "s_tanggal"] = ""
    response = sekretariat_client.post(URL, data)
    assert response.status_code == 400
    baris = baca(response).satu("tr", id=f"nilai-{manado.pk}").teks
    assert "BSPJI Manado: nilai SAKIP belum lengkap" in baris
    assert NilaiSakip.objects.filter(satker=manado, tahun=2023).exists()


def test_nilai_baru_dan_dihapus(sekretariat_client, pekanbaru):
    data = kiriman(baca(sekretariat_client.get(URL)))
    p = f"s{pekanbaru.pk}-"
    for f in ("lk_nilai", "lk_tanggal", "lk_penilai"):
        data[p + f] = ""
    assert sekretariat_client.post(URL, data).status_code == 302
    assert not NilaiLaporanKeuangan.objects.filter(satker=pekanbaru, tahun=2023).exists()
    assert RiwayatPerubahan.objects.filter(
        satker=pekanbaru,
        field="__hapus__",
        uraian_objek="Nilai 2023 BSPJI Pekanbaru: nilai laporan keuangan",
    ).exists()
    # A year with no scores: a new one.
    url = reverse("sekretariat-nilai", args=[2024])
    data = kiriman(baca(sekretariat_client.get(url)))
    data |= {p + "lk_nilai": "88", p + "lk_tanggal": "2024-08-30"}
    assert sekretariat_client.post(url, data).status_code == 302
    assert NilaiLaporanKeuangan.objects.get(satker=pekanbaru, tahun=2024).nilai == D("88")


def test_simpanan_basi_ditolak(sekretariat_client, client, pekanbaru):
    lama = kiriman(baca(sekretariat_client.get(URL)))
    NilaiSakip.objects.filter(satker=pekanbaru, tahun=2023).update(pelaporan=D("12"))
    p = f"s{pekanbaru.pk}-"
    lama[p + "s_perencanaan"] = "24"
    response = sekretariat_client.post(URL, lama)
    assert response.status_code == 409
    [bentrok] = pesan(baca(response))
    assert bentrok.startswith("Data ini telah diubah oleh pengguna lain"), bentrok
    assert "nilai BSPJI Pekanbaru" in bentrok
    n = NilaiSakip.objects.get(satker=pekanbaru, tahun=2023)
    assert (n.perencanaan, n.pelaporan) == (D("23.10"), D("12"))


def test_kueri_terbatas_pada_1000_satker(sekretariat_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as kecil:
        sekretariat_client.get(URL)
    unit = UnitEselonI.objects.first()
    Satker.objects.bulk_create(
        [
            Satker(unit_eselon_i=unit, jenis="balai", nama=f"Satker Uji {i:04d}",
                   singkatan=f"SU{i:04d}", kode=f"{900000 + i}")
            for i in range(1000 - Satker.objects.count())
        ]
    )  # fmt: skip
    with django_assert_max_num_queries(len(kecil.captured_queries)):
        response = sekretariat_client.get(URL)
    assert len(baca(response).satu("tbody").semua("tr")) == 1000


def test_hanya_pengelola_data_induk(reviewer_client):
    assert reviewer_client.get(URL).status_code == 403
