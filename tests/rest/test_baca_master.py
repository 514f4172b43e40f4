"""The read endpoints of the master and plan data (satker, indikator, renstra, perjanjian,
rencana-aksi) and the computed lists brought to the same standard (capaian, anggaran,
ringkasan): scoping as the pages (id guessing included), filters, `diubah_sejak`, stable
ordering across pages, the URL and ETag of each item, bounded queries. Expected values are
read from fixtures/ (the source reports), not from the API."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from kinerja.choices import Satuan, TingkatRenstra
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    IndikatorRenstra,
    ItemAnggaran,
    PenerimaanPnbp,
    PerjanjianKinerja,
    RencanaAksi,
    Renstra,
    SasaranRenstra,
    TargetRenstra,
)
from satker.models import Satker
from tests.api import api, kolom, semua_halaman
from tests.conftest import MANADO, PEKANBARU
from tests.factories import (
    IndikatorPerjanjianFactory,
    PerjanjianKinerjaFactory,
    RencanaAksiFactory,
    SasaranKegiatanFactory,
    SatkerFactory,
)

pytestmark = pytest.mark.django_db

BASE = "/api/v1/"


def _renstra_manado() -> Renstra:
    """Manado has no Renstra in the sources; one for the scoping tests."""
    renstra = Renstra.objects.create(
        tingkat=TingkatRenstra.SATKER,
        satker=Satker.objects.get(kode=MANADO),
        nama="Renstra uji BSPJI Manado",
        tahun_awal=2021,
        tahun_akhir=2024,
    )
    sasaran = SasaranRenstra.objects.create(renstra=renstra, kode="SK1", nama="Sasaran uji")
    indikator = IndikatorRenstra.objects.create(sasaran=sasaran, nomor=1, nama="Indikator uji")
    TargetRenstra.objects.create(indikator=indikator, tahun=2023, target=Decimal("5"))
    return renstra


@dataclass(frozen=True)
class Titik:
    """An endpoint: where it is, the query it needs, the field naming an item's satker, and
    how to find a row of a satker (its id)."""

    nama: str
    params: dict
    kolom_satker: str

    def id_milik(self, kode: str) -> int:
        if self.nama in ("satker", "ringkasan"):
            return Satker.objects.get(kode=kode).pk
        if self.nama == "perjanjian":
            return PerjanjianKinerja.objects.get(satker__kode=kode, tahun=2023).pk
        if self.nama == "capaian":
            return (
                IndikatorPerjanjian.objects.filter(sasaran__perjanjian__satker__kode=kode)
                .first()
                .pk
            )
        if self.nama == "rencana-aksi":
            return (
                RencanaAksi.objects.filter(indikator__sasaran__perjanjian__satker__kode=kode)
                .first()
                .pk
            )
        if self.nama == "anggaran":
            return (
                ItemAnggaran.objects.filter(satker__kode=kode, tahun=2023, tingkat="kegiatan")
                .first()
                .pk
            )
        if self.nama == "renstra":
            if kode == MANADO:
                return _renstra_manado().pk
            return Renstra.objects.get(satker__kode=kode).pk
        raise AssertionError(self.nama)

    @property
    def url(self) -> str:
        return f"{BASE}{self.nama}/"


TITIK = [
    Titik("satker", {}, "kode"),
    Titik("renstra", {}, "satker"),
    Titik("perjanjian", {}, "satker"),
    Titik("rencana-aksi", {}, "satker"),
    Titik("capaian", {}, "satker"),
    Titik("anggaran", {"tahun": 2023, "tingkat": "kegiatan"}, "satker"),
    Titik("ringkasan", {"tahun": 2023}, "satker"),
]
PER_NAMA = {t.nama: t for t in TITIK}


# --- scoping ---------------------------------------------------------------------------------


@pytest.mark.parametrize("titik", TITIK, ids=lambda t: t.nama)
class TestScoping:
    def test_the_manado_operator_sees_manados_rows_only(self, demo, titik):
        if titik.nama == "renstra":
            _renstra_manado()
        items = semua_halaman(api("operator.manado"), titik.url, **titik.params)
        assert items and {i[titik.kolom_satker] for i in items} == {MANADO}

    def test_another_satkers_row_by_id_is_a_404_and_ones_own_a_200_with_etag(self, demo, titik):
        client = api("operator.manado")
        lain = client.get(f"{titik.url}{titik.id_milik(PEKANBARU)}/", titik.params)
        assert lain.status_code == 404
        assert lain.json()["kode"] == "tidak_ditemukan"
        sendiri = client.get(f"{titik.url}{titik.id_milik(MANADO)}/", titik.params)
        assert sendiri.status_code == 200
        assert sendiri.json()[titik.kolom_satker] == MANADO
        assert sendiri["ETag"].startswith('"')
        # The item's own URL is its detail.
        assert client.get(sendiri.json()["url"]).json() == sendiri.json()

    def test_the_secretariat_sees_both(self, demo, titik):
        if titik.nama == "renstra":
            _renstra_manado()
        items = semua_halaman(api("reviewer"), titik.url, **titik.params)
        assert {MANADO, PEKANBARU} <= {i[titik.kolom_satker] for i in items}

    def test_anonymous_is_refused(self, demo, titik):
        assert api().get(titik.url, titik.params).status_code in (401, 403)
        assert api().get(f"{titik.url}1/", titik.params).status_code in (401, 403)

    def test_order_is_stable_across_pages(self, demo, titik):
        client = api("reviewer")
        sekaligus = semua_halaman(client, titik.url, **titik.params, page_size=500)
        berhalaman = semua_halaman(client, titik.url, **titik.params, page_size=2)
        assert [i["url"] for i in berhalaman] == [i["url"] for i in sekaligus]
        assert len({i["url"] for i in berhalaman}) == len(berhalaman)

    def test_changed_since_a_future_time_is_nothing(self, demo, titik):
        besok = (timezone.now() + datetime.timedelta(days=1)).isoformat()
        response = api("reviewer").get(titik.url, {**titik.params, "diubah_sejak": besok})
        assert response.status_code == 200
        assert response.json()["count"] == 0

    def test_a_bad_time_is_a_400_naming_the_field(self, demo, titik):
        response = api("reviewer").get(titik.url, {**titik.params, "diubah_sejak": "kemarin"})
        assert response.status_code == 400
        assert "diubah_sejak" in kolom(response)


def test_the_manual_is_visible_to_every_user_but_not_to_anonymous(demo):
    url = f"{BASE}indikator/"
    jumlah = IndikatorKinerja.objects.count()
    assert len(semua_halaman(api("operator.manado"), url)) == jumlah
    assert len(semua_halaman(api("operator.pekanbaru"), url)) == jumlah
    assert api().get(url).status_code in (401, 403)


# --- items and filters -------------------------------------------------------------------------


def test_satker_filter_and_fields(demo):
    [manado] = api("reviewer").get(f"{BASE}satker/", {"kode": MANADO}).json()["results"]
    # fixtures/organisasi.yaml
    assert manado["nama"] == "Balai Standardisasi dan Pelayanan Jasa Industri Manado"
    assert manado["singkatan"] == "BSPJI Manado"
    assert manado["unit_eselon_i"] == {
        "kode": "07",
        "singkatan": "BSKJI",
        "nama": "Badan Standardisasi dan Kebijakan Jasa Industri",
        "kode_kementerian": "019",
    }
    assert manado["simulasi"] is False
    assert api("reviewer").get(f"{BASE}satker/", {"simulasi": "true"}).json()["count"] == 0


def test_indicator_of_the_manual(demo):
    url = f"{BASE}indikator/"
    [pnbp] = api("operator.manado").get(url, {"kode": "T1/SP3/e"}).json()["results"]
    # fixtures/manual_indikator.yaml
    assert pnbp["nama"] == "Meningkatnya PNBP layanan jasa industri"
    assert pnbp["sasaran_program"]["kode"] == "SP3"
    assert (pnbp["satuan"], pnbp["klasifikasi"], pnbp["metode"], pnbp["iku"]) == (
        "Persen",
        "maksimasi",
        "pertumbuhan",
        True,
    )
    assert "(B − A) / A × 100%" in pnbp["cara_menghitung"]
    iku = semua_halaman(api("reviewer"), url, iku="true")
    assert iku and all(i["iku"] for i in iku)
    assert len(iku) == IndikatorKinerja.objects.filter(iku=True).count()
    assert api("reviewer").get(url, {"metode": "bukan"}).status_code == 400


def test_manado_pk_2023_with_its_lines_and_targets(demo):
    [pk] = api("operator.manado").get(f"{BASE}perjanjian/", {"tahun": 2023}).json()["results"]
    # fixtures/manado/pk_2023.yaml: 8 sasaran, 13 lines.
    assert (pk["satker"], pk["tahun"], pk["revisi"]) == (MANADO, 2023, 0)
    assert pk["pihak_pertama_nama"] == "Henry Pajow"
    assert [s["kode"] for s in pk["sasaran"]] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    lines = {i["kode"]: i for s in pk["sasaran"] for i in s["indikator"]}
    assert len(lines) == 13
    assert (lines["III.2"]["target"], lines["III.2"]["indikator_pedoman"]) == ("4", "T1/SP3/e")
    assert lines["III.3"]["target"] == "750"
    assert lines["VIII.1"]["target"] == "80.4"
    assert [(t["triwulan"], t["target_antara"]) for t in lines["I.1"]["target_triwulan"]] == [
        (1, "25"),
        (2, "50"),
        (3, "75"),
        (4, "100"),
    ]
    assert pk["riwayat_revisi"] == []


def test_pk_filters(demo):
    url = f"{BASE}perjanjian/"
    client = api("reviewer")
    [pekanbaru] = client.get(url, {"satker": PEKANBARU, "tahun": 2023}).json()["results"]
    assert sum(len(s["indikator"]) for s in pekanbaru["sasaran"]) == 12
    assert client.get(url, {"tahun": 2020}).json()["count"] == 0
    assert client.get(url, {"satker": "999999"}).json()["count"] == 0
    assert "tahun" in kolom(client.get(url, {"tahun": 1800}))


def test_a_revised_target_is_in_the_pks_revisions(demo):
    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker__kode=MANADO, sasaran__nomor=3, nomor=3
    )
    line.target = Decimal("800")
    line.save()
    [pk] = api("operator.manado").get(f"{BASE}perjanjian/", {"tahun": 2023}).json()["results"]
    [revisi] = pk["riwayat_revisi"]
    assert (revisi["kode"], revisi["kolom"]) == ("III.3", "target")
    assert "750" in revisi["lama"] and "800" in revisi["baru"]


def test_rencana_aksi_filters(demo):
    url = f"{BASE}rencana-aksi/"
    client = api("operator.manado")
    items = semua_halaman(client, url, kode="I.1")
    # fixtures/manado/pk_2023.yaml, I.1: 25, 50, 75, 100.
    assert [(i["triwulan"], i["target_antara"]) for i in items] == [
        (1, "25"),
        (2, "50"),
        (3, "75"),
        (4, "100"),
    ]
    [tw2] = client.get(url, {"kode": "I.1", "triwulan": 2, "tahun": 2023}).json()["results"]
    assert "Melakukan kegiatan kolaborasi" in tw2["rencana_kegiatan"]
    assert tw2["kode"] == "I.1" and tw2["satker"] == MANADO
    # 13 lines of 4 quarters; one quarter of each.
    assert len(semua_halaman(client, url, tahun=2023)) == 13 * 4
    assert len(semua_halaman(client, url, triwulan=3)) == 13
    assert client.get(url, {"kode": "IX.9"}).json()["count"] == 0
    assert "triwulan" in kolom(client.get(url, {"triwulan": 5}))


def test_pekanbaru_renstra_with_targets_and_indicative_budget(demo):
    url = f"{BASE}renstra/"
    client = api("operator.pekanbaru")
    [renstra] = client.get(url, {"tahun": 2023}).json()["results"]
    # fixtures/pekanbaru/renstra_2021_2024.yaml
    assert (renstra["satker"], renstra["tahun_awal"], renstra["tahun_akhir"]) == (
        PEKANBARU,
        2021,
        2024,
    )
    assert {p["tahun"]: p["pagu"] for p in renstra["pagu_indikatif"]}[2023] == 7_680_000_000
    sk3 = next(s for s in renstra["sasaran"] if s["kode"] == "SK3")
    assert sk3["sasaran_induk"] == ["SP3"]
    konsultasi = sk3["indikator"][0]
    assert (konsultasi["kode"], konsultasi["indikator_pedoman"]) == ("SK3/1", "T1/SP3/c")
    target = {t["tahun"]: t for t in konsultasi["target"]}
    assert (target[2022]["target"], target[2022]["realisasi"]) == ("10", "66.6")
    assert (target[2023]["target"], target[2023]["alokasi_indikatif"]) == ("12", 50_000_000)
    assert client.get(url, {"tahun": 2019}).json()["count"] == 0
    assert client.get(url, {"kode": "SK3"}).json()["count"] == 1
    assert client.get(url, {"kode": "T1/SP3/c"}).json()["count"] == 1
    assert client.get(url, {"kode": "SK99"}).json()["count"] == 0
    # The BSKJI and ministry plans are the secretariat's to see.
    assert client.get(url, {"tingkat": "eselon_i"}).json()["count"] == 0
    assert api("reviewer").get(url, {"tingkat": "eselon_i"}).json()["count"] >= 1


def test_capaian_detail_is_the_lines_figures_for_the_quarter(demo):
    url = f"{BASE}capaian/"
    client = api("reviewer")
    [item] = client.get(url, {"satker": MANADO, "triwulan": 2, "kode": "III.3"}).json()["results"]
    assert item["url"].endswith(f"/api/v1/capaian/{item['id']}/?triwulan=2")
    detail = client.get(item["url"])
    # As in tests/kinerja/test_api_capaian.py: 426 of 750 orders, progress 56,8 of 50.
    assert (detail.json()["realisasi"], detail.json()["capaian_antara"]) == ("426", "113.60")
    assert detail.json() == item


# --- diubah_sejak after a real change ---------------------------------------------------------


def _sejak(titik: str, waktu: datetime.datetime, **params) -> list[dict]:
    return semua_halaman(
        api("reviewer"), f"{BASE}{titik}/", **params, diubah_sejak=waktu.isoformat()
    )


def test_changed_since_returns_exactly_the_changed_item(demo):
    t0 = timezone.now()
    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker__kode=MANADO, sasaran__nomor=3, nomor=3
    )
    line.uraian = "Jumlah SPK/order layanan jasa industri (diubah)"
    line.save()
    [capaian] = _sejak("capaian", t0)
    assert (capaian["satker"], capaian["indikator_kode"]) == (MANADO, "III.3")
    [pk] = _sejak("perjanjian", t0)
    assert (pk["satker"], pk["tahun"]) == (MANADO, 2023)
    # The Rencana Aksi shows the line's name: its four quarters.
    assert {(r["kode"], r["triwulan"]) for r in _sejak("rencana-aksi", t0)} == {
        ("III.3", t) for t in (1, 2, 3, 4)
    }
    assert _sejak("renstra", t0) == []
    assert _sejak("satker", t0) == []

    t1 = timezone.now()
    ra = RencanaAksi.objects.get(indikator=line, triwulan=4)
    ra.rencana_kegiatan = "Evaluasi akhir tahun"
    ra.save()
    [rencana] = _sejak("rencana-aksi", t1)
    assert rencana["id"] == ra.pk
    assert [i["indikator_kode"] for i in _sejak("capaian", t1)] == ["III.3"]


def test_changed_since_sees_the_satkers_supporting_data_of_the_indicators_kind(demo):
    t0 = timezone.now()
    pnbp = PenerimaanPnbp.objects.filter(satker__kode=MANADO).first()
    pnbp.catatan = "Diperiksa ulang."
    pnbp.save()
    # Only Manado's PNBP line (III.2, T1/SP3/e) reads PNBP receipts.
    assert [(i["satker"], i["indikator_kode"]) for i in _sejak("capaian", t0)] == [
        (MANADO, "III.2")
    ]
    assert [i["satker"] for i in _sejak("ringkasan", t0, tahun=2023)] == [MANADO]


def test_changed_since_for_renstra_satker_manual_and_budget(demo):
    t0 = timezone.now()
    target = TargetRenstra.objects.filter(indikator__sasaran__renstra__satker__kode=PEKANBARU)[0]
    target.catatan = "Dikoreksi."
    target.save()
    assert [r["satker"] for r in _sejak("renstra", t0)] == [PEKANBARU]

    satker = Satker.objects.get(kode=MANADO)
    satker.alamat = "Jl. Diponegoro, Manado"
    satker.save()
    assert [s["kode"] for s in _sejak("satker", t0)] == [MANADO]

    manual = IndikatorKinerja.objects.get(kode="T1/SP3/e")
    manual.catatan = "Catatan baru."
    manual.save()
    assert [i["kode"] for i in _sejak("indikator", t0)] == ["T1/SP3/e"]

    t1 = timezone.now()
    node = ItemAnggaran.objects.filter(satker__kode=PEKANBARU, tahun=2023).first()
    node.lokasi = "RIAU"
    node.save()
    berubah = _sejak("anggaran", t1)
    # The whole tree of that satker-year (its pagu and progress roll up), nothing else.
    assert len(berubah) == ItemAnggaran.objects.filter(satker__kode=PEKANBARU, tahun=2023).count()
    assert {(i["satker"], i["tahun"]) for i in berubah} == {(PEKANBARU, 2023)}


def test_a_removed_measurement_counts_as_a_change_of_its_satkers_lines(demo):
    t0 = timezone.now()
    RencanaAksi.objects.filter(
        indikator__sasaran__perjanjian__satker__kode=PEKANBARU, triwulan=4
    ).first().delete()
    satker = {i["satker"] for i in _sejak("capaian", t0)}
    assert satker == {PEKANBARU}


# --- bounded queries -----------------------------------------------------------------------------


def _banyak_pk(jumlah: int) -> None:
    for n in range(jumlah):
        pk = PerjanjianKinerjaFactory(tahun=2024 + n % 3)
        for s in range(1, 4):
            sasaran = SasaranKegiatanFactory(perjanjian=pk, nomor=s)
            for i in range(1, 4):
                line = IndikatorPerjanjianFactory(sasaran=sasaran, nomor=i, satuan=Satuan.PERSEN)
                for tw in (1, 2):
                    RencanaAksiFactory(indikator=line, triwulan=tw)


@pytest.mark.parametrize(
    ("titik", "batas"),
    [
        # count, page, sasaran, lines (with the manual), Rencana Aksi, revisions
        ("perjanjian", 6),
        ("rencana-aksi", 2),
        ("satker", 2),
        ("indikator", 2),
    ],
)
def test_a_page_costs_a_fixed_number_of_queries(demo, django_assert_max_num_queries, titik, batas):
    _banyak_pk(12)
    client = api("reviewer")
    with django_assert_max_num_queries(batas):
        response = client.get(f"{BASE}{titik}/", {"page_size": 500})
    assert response.status_code == 200
    if titik == "perjanjian":
        assert response.json()["count"] == 2 + 12
    if titik == "rencana-aksi":
        assert response.json()["count"] >= 12 * 9 * 2


def test_renstra_page_costs_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    for n in range(8):
        satker = SatkerFactory()
        renstra = Renstra.objects.create(
            tingkat=TingkatRenstra.SATKER,
            satker=satker,
            nama=f"Renstra {n}",
            tahun_awal=2025,
            tahun_akhir=2029,
        )
        for k in range(1, 4):
            sasaran = SasaranRenstra.objects.create(renstra=renstra, kode=f"SK{k}", nama="S")
            sasaran.sasaran_induk.set(SasaranRenstra.objects.filter(kode="SP3"))
            for i in range(1, 3):
                ind = IndikatorRenstra.objects.create(sasaran=sasaran, nomor=i, nama="I")
                for tahun in range(2025, 2030):
                    TargetRenstra.objects.create(indikator=ind, tahun=tahun, target=Decimal(i))
    client = api("reviewer")
    # count, page, pagu, sasaran, their cascade, indicators, targets
    with django_assert_max_num_queries(7):
        response = client.get(f"{BASE}renstra/", {"tingkat": "satker"})
    assert response.json()["count"] == 1 + 8
