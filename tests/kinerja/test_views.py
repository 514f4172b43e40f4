"""The satker list and the satker page: who sees what, what they show, and at what cost."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import MANADO, PEKANBARU
from tests.factories import SatkerFactory

pytestmark = pytest.mark.django_db


def rows_of_satker(response) -> list[str]:
    return [s.singkatan for s in response.context["satker_list"]]


class TestBeranda:
    def test_anonymous_is_sent_to_login(self, client, demo):
        response = client.get(reverse("beranda"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_reviewer_sees_every_satker_with_their_2023_pk(self, reviewer_client):
        response = reviewer_client.get(reverse("beranda"))
        assert response.status_code == 200
        assert response.context["tahun"] == 2023  # latest year with a PK
        counts = {s.singkatan: s.jumlah_indikator_pk for s in response.context["satker_list"]}
        assert len(counts) == 24
        assert counts["BSPJI Manado"] == 13
        assert counts["BSPJI Pekanbaru"] == 12
        assert sum(counts.values()) == 25

    def test_satker_user_sees_only_their_satker(self, operator_manado_client):
        response = operator_manado_client.get(reverse("beranda"))
        assert rows_of_satker(response) == ["BSPJI Manado"]

    def test_years_are_printed_without_thousands_separator(self, reviewer_client):
        html = reviewer_client.get(reverse("beranda")).content.decode()
        assert "Indikator PK 2023" in html
        assert "2.023" not in html

    def test_query_count_does_not_grow_with_the_number_of_satker(
        self, reviewer_client, django_assert_max_num_queries
    ):
        for _ in range(10):
            SatkerFactory()
        with django_assert_max_num_queries(6):
            reviewer_client.get(reverse("beranda"))


class TestSatkerPage:
    def test_shows_the_pk_lines_with_indonesian_numbers(self, reviewer_client, manado):
        response = reviewer_client.get(reverse("satker-detail", args=[manado.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert [b["indikator"].kode for b in response.context["baris"]][:3] == [
            "I.1",
            "II.1",
            "III.1",
        ]
        assert len(response.context["baris"]) == 13
        assert "92,5 Persen" in html
        assert "750 SPK/Order" in html
        assert "Perjanjian Kinerja Tahun 2023" in html

    def test_opens_on_the_latest_measured_quarter(self, reviewer_client, manado):
        response = reviewer_client.get(reverse("satker-detail", args=[manado.pk]))
        assert response.context["triwulan"] == 2
        iii3 = next(b for b in response.context["baris"] if b["indikator"].kode == "III.3")
        assert iii3["realisasi"].nilai_realisasi == 426

    def test_satker_user_gets_404_for_another_satker(self, operator_manado_client, pekanbaru):
        response = operator_manado_client.get(reverse("satker-detail", args=[pekanbaru.pk]))
        assert response.status_code == 404

    def test_guessing_ids_finds_nothing_but_their_own(self, operator_manado_client, manado):
        statuses = {
            pk: operator_manado_client.get(reverse("satker-detail", args=[pk])).status_code
            for pk in range(1, manado.pk + 30)
        }
        assert {pk for pk, status in statuses.items() if status == 200} == {manado.pk}

    def test_satker_without_pk_says_so(self, reviewer_client, demo):
        from satker.models import Satker

        aceh = Satker.objects.get(singkatan="BSPJI Aceh")
        html = reviewer_client.get(reverse("satker-detail", args=[aceh.pk])).content.decode()
        assert "belum memiliki Perjanjian Kinerja" in html

    def test_bad_parameters_fall_back_to_defaults(self, reviewer_client, pekanbaru):
        response = reviewer_client.get(
            reverse("satker-detail", args=[pekanbaru.pk]), {"tahun": "abc", "triwulan": "9"}
        )
        assert response.status_code == 200
        assert (response.context["tahun"], response.context["triwulan"]) == (2023, 4)

    @pytest.mark.parametrize("kode", [MANADO, PEKANBARU])
    def test_query_count_is_bounded(self, reviewer_client, kode, django_assert_max_num_queries):
        """The page reads the PK and every supporting source its lines use: about twenty
        queries (measured 21 for Manado, 24 for Pekanbaru, with the last report files), whatever
        the number of lines."""
        from satker.models import Satker

        satker = Satker.objects.get(kode=kode)
        with django_assert_max_num_queries(24):
            response = reviewer_client.get(reverse("satker-detail", args=[satker.pk]))
        assert response.status_code == 200
        assert len(response.context["baris"]) == (13 if kode == MANADO else 12)

    def test_query_count_does_not_grow_with_lines(
        self, reviewer_client, manado, django_assert_max_num_queries
    ):
        from kinerja.models import SasaranKegiatan
        from tests.factories import IndikatorPerjanjianFactory

        sasaran = SasaranKegiatan.objects.get(perjanjian__satker=manado, nomor=8)
        for nomor in range(3, 23):
            IndikatorPerjanjianFactory(sasaran=sasaran, nomor=nomor)
        with django_assert_max_num_queries(23):
            response = reviewer_client.get(reverse("satker-detail", args=[manado.pk]))
        assert len(response.context["baris"]) == 33

    def test_shows_computed_capaian_and_status(self, reviewer_client, pekanbaru):
        html = reviewer_client.get(
            reverse("satker-detail", args=[pekanbaru.pk]), {"tahun": 2023, "triwulan": 4}
        ).content.decode()
        assert "7.276,00%" in html
        assert "(556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%" in html
        assert "Target PK (90) berbeda dengan target Renstra tahun 2023 (92)." in html
