"""The secretariat's DIPA pages and the indicator ↔ budget links: the year's list of every
satker's DIPA, one satker's DIPA with its revisions saved as a whole (a revision entered
changes the PNBP against target that the satker's budget page computes), the stale-save
guard, a bad row refused with nothing saved, the history; and the links of the PK lines to
the budget items, whose new link the LAKIP's budget-per-indicator table (Tabel 30) shows,
each added or removed link on the record. Expected values are worked by hand from
fixtures/pekanbaru/anggaran_2023.yaml (see each comment)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.urls import reverse

from kinerja.models import IndikatorPerjanjian, ItemAnggaran, RevisiDipa, RiwayatPerubahan
from laporan import services
from satker.models import Satker, UnitEselonI
from tests.conftest import PEKANBARU
from tests.halaman import Tabel, baca, galat_di, kiriman, pesan
from tests.laporan.conftest import nilai_baris, tabel
from tests.laporan.lakip_pekanbaru import IND

pytestmark = pytest.mark.django_db


def kiriman_tautan(page) -> dict[str, object]:
    """What the links page submits as shown: the signed baseline and, per line, the ids of
    every ticked box (several boxes share a line's name)."""
    data: dict[str, object] = {"tanda": kiriman(page)["tanda"]}
    for e in page.semua("input"):
        if e.attrs.get("type") == "checkbox" and "checked" in e.attrs:
            data.setdefault(e.attrs["name"], []).append(e.attrs["value"])
    return data


def url_dipa(satker: Satker) -> str:
    return reverse("sekretariat-dipa-satker", args=[2023, satker.pk])


# --- the year's list ----------------------------------------------------------------------


def test_daftar_dipa_tahun(sekretariat_client, pekanbaru, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as kecil:
        response = sekretariat_client.get(reverse("sekretariat-dipa", args=[2023]))
    t = Tabel(baca(response).satu("table", id="daftar-dipa"))
    # Pekanbaru: SP DIPA-019.07.2.417912/2023 of 30 Nopember 2022, pagu awal 7.592.226.000,
    # 18 revisions, the last one's pagu 7.680.590.000 (fixture, from LAKIP Tabel 6).
    assert t.sel("BSPJI Pekanbaru", "Nomor SP DIPA") == "SP DIPA-019.07.2.417912/2023"
    assert t.sel("BSPJI Pekanbaru", "Pagu awal (Rp)") == "Rp 7.592.226.000"
    assert t.sel("BSPJI Pekanbaru", "Revisi terakhir") == "revisi ke-18"
    assert t.sel("BSPJI Pekanbaru", "Pagu terakhir (Rp)") == "Rp 7.680.590.000"
    unit = UnitEselonI.objects.first()
    Satker.objects.bulk_create(
        [
            Satker(unit_eselon_i=unit, jenis="balai", nama=f"Satker Uji {i:04d}",
                   singkatan=f"SU{i:04d}", kode=f"{900000 + i}")
            for i in range(300)
        ]
    )  # fmt: skip
    with django_assert_max_num_queries(len(kecil.captured_queries)):
        sekretariat_client.get(reverse("sekretariat-dipa", args=[2023]))


# --- one satker's DIPA --------------------------------------------------------------------


def test_revisi_baru_mengubah_persen_pnbp(sekretariat_client, pekanbaru):
    anggaran = reverse("anggaran", args=[pekanbaru.pk]) + "?tahun=2023"

    def persen_pnbp_2023() -> str:
        """The budget page's "PNBP terhadap target" table, year 2023, % of service fees."""
        page = baca(sekretariat_client.get(anggaran))
        [t] = [t for t in page.semua("table") if t.judul and t.judul.teks == "PNBP terhadap target"]
        [tr] = [tr for tr in t.semua("tr") if tr.semua("td") and tr.semua("td")[0].teks == "2023"]
        return tr.semua("td")[3].teks

    # PNBP layanan 556.782.250 against the DIPA's target 250.000.000: 222,71%.
    assert persen_pnbp_2023() == "222,71"
    data = kiriman(baca(sekretariat_client.get(url_dipa(pekanbaru))))
    assert data["r-17-nomor"] == "18"
    data |= {
        "r-18-nomor": "19", "r-18-tanggal": "2023-12-28", "r-18-kewenangan": "KPA",
        "r-18-uraian": "revisi target PNBP", "r-18-pagu": "7.680.590.000",
        "r-18-target_pnbp": "300.000.000",
    }  # fmt: skip
    response = sekretariat_client.post(url_dipa(pekanbaru), data)
    assert response.status_code == 302, pesan(baca(response))
    page = baca(sekretariat_client.get(url_dipa(pekanbaru)))
    assert pesan(page) == [
        "DIPA BSPJI Pekanbaru 2023 tersimpan: 1 revisi baru, 0 berubah, 0 dihapus."
    ]
    assert "revisi target PNBP" in page.satu("section", kelas="history").teks
    # 556.782.250 / 300.000.000 = 1,855940… → 185,59%.
    assert persen_pnbp_2023() == "185,59"
    r = RevisiDipa.objects.get(dipa__satker=pekanbaru, dipa__tahun=2023, nomor=19)
    assert (r.pagu, r.target_pnbp) == (7_680_590_000, 300_000_000)
    h = RiwayatPerubahan.objects.get(object_id=r.pk, field="target_pnbp", satker=pekanbaru)
    assert (h.baru, h.oleh.username) == ("300.000.000", "sekretariat")


def test_baris_revisi_salah_tidak_menyimpan_apa_pun(sekretariat_client, pekanbaru):
    data = kiriman(baca(sekretariat_client.get(url_dipa(pekanbaru))))
    data["r-0-uraian"] = "diubah"
    data |= {"r-18-nomor": "18", "r-18-uraian": "ganda", "r-18-pagu": "1"}  # nomor 18 exists
    response = sekretariat_client.post(url_dipa(pekanbaru), data)
    assert response.status_code == 400
    page = baca(response)
    assert any("Nomor revisi ini sudah ada." in g for g in galat_di(page, "r-18-nomor", "tr"))
    assert kiriman(page)["r-18-uraian"] == "ganda"
    assert RevisiDipa.objects.filter(dipa__satker=pekanbaru, dipa__tahun=2023).count() == 18
    assert (
        RevisiDipa.objects.get(dipa__satker=pekanbaru, dipa__tahun=2023, nomor=1).uraian != "diubah"
    )


def test_simpanan_basi_ditolak(sekretariat_client, pekanbaru):
    lama = kiriman(baca(sekretariat_client.get(url_dipa(pekanbaru))))
    RevisiDipa.objects.filter(dipa__satker=pekanbaru, dipa__tahun=2023, nomor=2).update(
        catatan="diperiksa"
    )
    lama["r-0-catatan"] = "catatan saya"
    response = sekretariat_client.post(url_dipa(pekanbaru), lama)
    assert response.status_code == 409
    [bentrok] = pesan(baca(response))
    assert bentrok.startswith("Data ini telah diubah oleh pengguna lain"), bentrok
    assert RevisiDipa.objects.get(dipa__satker=pekanbaru, dipa__tahun=2023, nomor=1).catatan == ""


def test_dipa_baru_untuk_tahun_tanpa_dipa(sekretariat_client, pekanbaru):
    url = reverse("sekretariat-dipa-satker", args=[2024, pekanbaru.pk])
    data = kiriman(baca(sekretariat_client.get(url)))
    data |= {
        "dipa-nomor": "DIPA-019.07.2.417912/2024", "dipa-tanggal": "2023-11-24",
        "dipa-pagu_awal": "8.000.000.000",
        "r-0-nomor": "1", "r-0-uraian": "revisi pertama", "r-0-pagu": "8.100.000.000",
    }  # fmt: skip
    assert sekretariat_client.post(url, data).status_code == 302
    t = Tabel(
        baca(sekretariat_client.get(reverse("sekretariat-dipa", args=[2024]))).satu(
            "table", id="daftar-dipa"
        )
    )
    assert t.sel("BSPJI Pekanbaru", "Pagu awal (Rp)") == "Rp 8.000.000.000"
    assert t.sel("BSPJI Pekanbaru", "Pagu terakhir (Rp)") == "Rp 8.100.000.000"


# --- indicator ↔ budget links -------------------------------------------------------------


def test_tautan_baru_tampil_di_tabel_lakip(sekretariat_client, pekanbaru):
    url = reverse("sekretariat-tautan-anggaran", args=[2023, pekanbaru.pk])
    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2023,
        sasaran__nomor=4, nomor=1,
    )  # fmt: skip
    item = ItemAnggaran.objects.get(satker=pekanbaru, tahun=2023, kode_lengkap="6077.QDI.002.053.A")
    data = kiriman_tautan(baca(sekretariat_client.get(url)))
    assert f"t-{line.pk}" not in data  # IV.1 has no budget component (LAKIP Tabel 30)
    sebelum = {k: v for k, v in data.items() if k != "tanda"}
    response = sekretariat_client.post(url, {**data, f"t-{line.pk}": [str(item.pk)]})
    assert response.status_code == 302, pesan(baca(response))
    assert list(line.anggaran.values_list("kode_lengkap", flat=True)) == ["6077.QDI.002.053.A"]
    # The other lines keep their links as they were.
    sesudah = kiriman_tautan(baca(sekretariat_client.get(url)))
    assert {k: v for k, v in sesudah.items() if k != "tanda"} == sebelum | {
        f"t-{line.pk}": [str(item.pk)]
    }
    lakip = services.susun("lakip", Satker.objects.get(kode=PEKANBARU), 2023, None)
    t = tabel(lakip, "Anggaran per Indikator")
    # 6077.QDI.002.053.A: pagu 47.175.000, realised 47.162.958; 99,974… → 99,97.
    assert nilai_baris(t, IND["IV.1"]) == [
        IND["IV.1"], "6077.QDI.002.053.A", 47_175_000, 47_162_958, D("99.97")
    ]  # fmt: skip
    h = RiwayatPerubahan.objects.get(object_id=line.pk, field="anggaran", satker=pekanbaru)
    assert (h.label, h.lama, h.oleh.username) == ("anggaran pendukung ditambah", "", "sekretariat")
    assert h.baru.startswith("6077.QDI.002.053.A ")
    # Untick it again: the link goes, and its removal is on the record.
    data = kiriman_tautan(baca(sekretariat_client.get(url)))
    del data[f"t-{line.pk}"]
    assert sekretariat_client.post(url, data).status_code == 302
    assert not line.anggaran.exists()
    assert RiwayatPerubahan.objects.filter(
        object_id=line.pk, label="anggaran pendukung dihapus", lama__startswith="6077.QDI"
    ).exists()
    assert (
        "anggaran pendukung dihapus"
        in baca(sekretariat_client.get(url)).satu("section", kelas="history").teks
    )


def test_tautan_ke_anggaran_satker_lain_ditolak(sekretariat_client, pekanbaru, manado):
    url = reverse("sekretariat-tautan-anggaran", args=[2023, pekanbaru.pk])
    data = kiriman_tautan(baca(sekretariat_client.get(url)))
    line = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2023
    ).first()
    asing = ItemAnggaran.objects.filter(satker=manado, tahun=2023).first()
    sebelum = set(line.anggaran.values_list("pk", flat=True))
    response = sekretariat_client.post(url, {**data, f"t-{line.pk}": [str(asing.pk)]})
    assert response.status_code == 400
    assert set(line.anggaran.values_list("pk", flat=True)) == sebelum


def test_tautan_basi_ditolak(sekretariat_client, pekanbaru):
    url = reverse("sekretariat-tautan-anggaran", args=[2023, pekanbaru.pk])
    data = kiriman_tautan(baca(sekretariat_client.get(url)))
    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2023,
        sasaran__nomor=1, nomor=1,
    )  # fmt: skip
    line.anggaran.clear()  # someone else removed I.1's links meanwhile
    response = sekretariat_client.post(url, data)
    assert response.status_code == 409
    assert "anggaran pendukung I.1" in pesan(baca(response))[0]
    assert not line.anggaran.exists()
