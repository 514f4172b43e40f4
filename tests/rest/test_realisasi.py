"""/api/v1/realisasi/: the quarterly measurements with their stored figures, scoped to the
user, and the PATCH that saves what the quarter page saves, through the same service."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja import hasil, siklus
from kinerja.models import (
    PelaporanTriwulan,
    RealisasiTriwulan,
    RiwayatPerubahan,
    StatusPelaporan,
)
from kinerja.services import realisasi as layanan
from satker.models import Pengguna
from tests.api import api, kolom, semua_halaman
from tests.conftest import MANADO, PEKANBARU
from tests.factories import (
    IndikatorPerjanjianFactory,
    PerjanjianKinerjaFactory,
    RealisasiTriwulanFactory,
    SasaranKegiatanFactory,
    SatkerFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/realisasi/"


def _baris(satker, kode: str, triwulan: int = 2) -> RealisasiTriwulan:
    romawi, nomor = kode.split(".")
    angka = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}[romawi]
    return RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker=satker,
        indikator__sasaran__perjanjian__tahun=2023,
        indikator__sasaran__nomor=angka,
        indikator__nomor=int(nomor),
        triwulan=triwulan,
    )


@pytest.fixture
def periode(demo):
    """Quarter II 2023 open for entry, with its deadline ahead."""
    return siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )


def _detail(client, r: RealisasiTriwulan):
    response = client.get(f"{URL}{r.pk}/")
    assert response.status_code == 200, response.content
    return response


class TestRead:
    def test_manado_sees_only_manado_and_the_secretariat_sees_both(self, manado, pekanbaru):
        satker = {i["satker"] for i in semua_halaman(api("operator.manado"), URL, page_size=500)}
        assert satker == {MANADO}
        satker = {i["satker"] for i in semua_halaman(api("reviewer"), URL, page_size=500)}
        assert satker == {MANADO, PEKANBARU}

    def test_another_satkers_row_is_not_found_for_reading_and_writing(self, manado, pekanbaru):
        r = RealisasiTriwulan.objects.filter(indikator__sasaran__perjanjian__satker=pekanbaru)[0]
        client = api("operator.manado")
        assert client.get(f"{URL}{r.pk}/").status_code == 404
        response = client.patch(
            f"{URL}{r.pk}/", {"kendala": "x"}, format="json", HTTP_IF_MATCH='"x"'
        )
        assert response.status_code == 404
        assert api("reviewer").get(f"{URL}{r.pk}/").status_code == 200

    def test_manado_iii3_quarter_ii_as_reported_with_its_stored_figures(self, manado):
        # fixtures/manado/pk_2023.yaml III.3: target 750 SPK/Order, quarter II progress 56.8,
        # 426 orders to June 2023; capaian 426 / 750 = 56.8 %.
        r = _baris(manado, "III.3")
        item = _detail(api("operator.manado"), r).json()
        assert (item["satker"], item["tahun"], item["triwulan"], item["kode"]) == (
            MANADO, 2023, 2, "III.3",
        )  # fmt: skip
        assert D(item["realisasi_antara"]) == D("56.8")
        assert D(item["nilai_realisasi"]) == D("426")
        assert D(item["hasil"]["target"]) == D("750")
        assert D(item["hasil"]["realisasi"]) == D("426")
        assert D(item["hasil"]["capaian"]) == D("56.8")
        assert item["url"].endswith(f"{URL}{r.pk}/")
        assert item["dihitung"] is not None

    def test_i1_progress_on_its_target_is_achieved(self, manado):
        # I.1: progress 50 against the quarter's target of 50 → capaian antara 100 %.
        item = _detail(api("operator.manado"), _baris(manado, "I.1")).json()
        assert D(item["hasil"]["target_antara"]) == D("50")
        assert D(item["hasil"]["capaian_antara"]) == D("100")
        assert item["kendala"].startswith("Tidak terdapat kendala pada kegiatan ini")

    def test_filters_by_code_quarter_and_status(self, manado):
        client = api("operator.manado")
        items = semua_halaman(client, URL, satker=MANADO, tahun=2023, triwulan=2, kode="III.3")
        assert [i["kode"] for i in items] == ["III.3"]
        # VIII.2: progress 30 against the quarter's target of 60 → not achieved (the fixture).
        items = semua_halaman(client, URL, tahun=2023, triwulan=2, status="tidak_tercapai")
        assert "VIII.2" in [i["kode"] for i in items]
        assert all(i["hasil"]["status"] == "tidak_tercapai" for i in items)
        assert client.get(URL, {"triwulan": 5}).status_code == 400

    def test_diubah_sejak_keeps_rows_changed_or_recomputed_since(self, manado, periode):
        client = api("operator.manado")
        sejak = timezone.now()
        assert semua_halaman(client, URL, diubah_sejak=sejak.isoformat()) == []
        r = _baris(manado, "I.1")
        with hasil.menyegarkan():
            r.kegiatan = "- Rapat"
            r.save()
        kode = {i["kode"] for i in semua_halaman(client, URL, diubah_sejak=sejak.isoformat())}
        # I.1's own row changed; every line of Manado 2023 was recomputed in the same refresh.
        assert "I.1" in kode

    def test_a_page_of_100_stored_figures_costs_at_most_3_queries(
        self, demo, django_assert_max_num_queries
    ):
        # 25 lines of a new satker (tests/factories.py), each measured in the 4 quarters.
        satker = SatkerFactory()
        sasaran = SasaranKegiatanFactory(
            perjanjian=PerjanjianKinerjaFactory(satker=satker, tahun=2024), nomor=1
        )
        with hasil.menyegarkan():
            for nomor in range(1, 26):
                line = IndikatorPerjanjianFactory(sasaran=sasaran, nomor=nomor)
                for tw in range(1, 5):
                    RealisasiTriwulanFactory(indikator=line, triwulan=tw)
        client = api("admin")
        with django_assert_max_num_queries(3):
            response = client.get(URL, {"satker": satker.kode, "page_size": 100})
        body = response.json()
        assert body["count"] == 100 and len(body["results"]) == 100
        assert all(i["hasil"] is not None for i in body["results"])
        assert D(body["results"][0]["realisasi_antara"]) == D("25")


class TestWrite:
    def _patch(self, client, r, data, etag=None):
        headers = {"HTTP_IF_MATCH": etag} if etag else {}
        return client.patch(f"{URL}{r.pk}/", data, format="json", **headers)

    def test_a_write_recomputes_answers_the_new_version_and_is_on_record_as_api(
        self, manado, periode
    ):
        client = api("operator.manado")
        r = _baris(manado, "III.3")
        lama = _detail(client, r)
        response = self._patch(
            client, r, {"nilai_realisasi": "450", "kendala": "Alat rusak"}, lama["ETag"]
        )
        assert response.status_code == 200, response.content
        item = response.json()
        # 450 / 750 = 60 %; III.3 is computed from the service results (426), so the
        # reported value is kept beside it and flagged, as the page does.
        assert D(item["nilai_realisasi"]) == D("450")
        assert item["kendala"] == "Alat rusak"
        assert response["ETag"] != lama["ETag"]
        assert response["ETag"] == _detail(client, r)["ETag"]
        r.refresh_from_db()
        assert (r.nilai_realisasi, r.kendala) == (D("450"), "Alat rusak")
        h = RiwayatPerubahan.objects.get(object_id=r.pk, field="kendala", sumber="api")
        assert (h.oleh.username, h.baru) == ("operator.manado", "Alat rusak")

    def test_a_patch_keeps_every_field_it_leaves_out(self, manado, periode):
        client = api("operator.manado")
        r = _baris(manado, "III.3")
        sebelum = {f: getattr(r, f) for f in layanan.ISIAN if f != "kendala"}
        assert any(sebelum.values())  # the demo line has values to lose
        etag = _detail(client, r)["ETag"]
        response = self._patch(client, r, {"kendala": "Hanya kendala"}, etag)
        assert response.status_code == 200, response.content
        r.refresh_from_db()
        assert r.kendala == "Hanya kendala"
        assert {f: getattr(r, f) for f in sebelum} == sebelum

    def test_a_reported_line_recomputes_its_capaian(self, manado, periode):
        # I.1: progress typed 40 against the quarter's target of 50 → capaian antara 80 %.
        client = api("operator.manado")
        r = _baris(manado, "I.1")
        etag = _detail(client, r)["ETag"]
        response = self._patch(client, r, {"realisasi_antara": "40"}, etag)
        assert response.status_code == 200, response.content
        assert D(response.json()["hasil"]["capaian_antara"]) == D("80")

    def test_without_if_match_428_and_stale_412_with_the_current_version(self, manado, periode):
        client = api("operator.manado")
        r = _baris(manado, "I.1")
        response = self._patch(client, r, {"kendala": "A"})
        assert response.status_code == 428
        assert response.json()["kode"] == "perlu_if_match"
        etag = _detail(client, r)["ETag"]
        assert self._patch(client, r, {"kendala": "A"}, etag).status_code == 200
        response = self._patch(client, r, {"kendala": "B"}, etag)  # read before A
        assert response.status_code == 412
        assert response.json()["terkini"]["kendala"] == "A"
        r.refresh_from_db()
        assert r.kendala == "A"

    def test_a_verified_quarter_refuses_with_409_and_changes_nothing(self, manado, periode):
        client = api("operator.manado")
        r = _baris(manado, "I.1")
        etag = _detail(client, r)["ETag"]
        lap = siklus.pelaporan(manado, 2023, 2)
        PelaporanTriwulan.objects.filter(pk=lap.pk).update(status=StatusPelaporan.DIVERIFIKASI)
        response = self._patch(client, r, {"realisasi_antara": "10"}, etag)
        assert response.status_code == 409
        assert response.json()["kode"] == "triwulan_terkunci"
        assert "sudah diverifikasi" in response.json()["pesan"]
        r.refresh_from_db()
        assert r.realisasi_antara == D("50")

    def test_a_reviewer_may_read_but_not_write(self, manado, periode):
        client = api("reviewer")
        r = _baris(manado, "I.1")
        etag = _detail(client, r)["ETag"]
        assert self._patch(client, r, {"kendala": "x"}, etag).status_code == 403

    def test_invalid_value_400_names_the_field_and_saves_nothing(self, manado, periode):
        client = api("operator.manado")
        r = _baris(manado, "I.1")
        etag = _detail(client, r)["ETag"]
        response = self._patch(client, r, {"realisasi_antara": "120", "kendala": "x"}, etag)
        assert response.status_code == 400
        assert kolom(response) == {"realisasi_antara": ["Realisasi antara antara 0 dan 100."]}
        response = self._patch(client, r, {"satker": "417912"}, etag)
        assert response.status_code == 400 and "satker" in kolom(response)
        r.refresh_from_db()
        assert (r.realisasi_antara, r.kendala) == (
            D("50"),
            "Tidak terdapat kendala pada kegiatan ini",
        )

    def test_the_page_and_the_api_refuse_the_same_input_with_the_same_message(
        self, client, manado, periode
    ):
        r = _baris(manado, "I.1")
        line = r.indikator
        client.force_login(Pengguna.objects.get(username="operator.manado"))
        url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])
        page = client.post(url, {f"l{line.pk}-realisasi_antara": "seratus"})
        assert page.status_code == 400
        form = next(k["form"] for k in page.context["kartu"] if k["line"].pk == line.pk)
        pesan_halaman = form.errors["realisasi_antara"]
        c = api("operator.manado")
        response = self._patch(c, r, {"realisasi_antara": "seratus"}, _detail(c, r)["ETag"])
        assert response.status_code == 400
        assert (
            kolom(response)["realisasi_antara"] == pesan_halaman == ["Masukkan angka, mis. 45,12."]
        )
