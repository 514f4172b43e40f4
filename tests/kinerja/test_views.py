"""The satker's PK page: who sees what, what it shows, and at what cost."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import MANADO, PEKANBARU
from tests.halaman import baca, definisi, tabel

pytestmark = pytest.mark.django_db


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
        page = baca(html)
        pk = tabel(page, kelas="pk-table")
        # Tabel 1 of Manado's PP-39 report: the targets with their units, each in its row.
        assert pk.sel("IV.1", "Target") == "92,5 Persen"
        assert pk.sel("III.3", "Target") == "750 SPK/Order"
        assert pk.sel("I.1", "Target") == "6 Persen"
        assert pk.isi_kolom("Kode")[:3] == ["I.1", "II.1", "III.1"]
        assert page.satu("section", kelas="pk-meta").satu("h2").teks == (
            "Perjanjian Kinerja Tahun 2023"
        )
        # The report does not print the PK's signatories' date and budget: not recorded.
        assert definisi(page, "Pihak pertama").startswith("Henry Pajow ")
        assert definisi(page, "Total anggaran") == "tidak tercatat"

    def test_opens_on_the_latest_measured_quarter(self, reviewer_client, manado):
        response = reviewer_client.get(reverse("satker-detail", args=[manado.pk]))
        assert response.context["triwulan"] == 2
        iii3 = next(b for b in response.context["baris"] if b["indikator"].kode == "III.3")
        assert iii3["realisasi"].nilai_realisasi == 426
        # III.3 in TW II: 426 of 750 SPK/Order is 56,80% of the year's target; realisasi
        # antara 56,8 against the target antara 50 is 113,60%.
        pk = tabel(baca(response), kelas="pk-table")
        baris = pk.kolom_baris("III.3")
        assert baris["Target antara (%) / II"] == "50"
        assert baris["Progres s.d. TW II / Realisasi antara"] == "56,8"
        assert baris["Progres s.d. TW II / Capaian antara"] == "113,60%"
        assert baris["Kinerja s.d. TW II / Realisasi"] == "426"
        assert baris["Kinerja s.d. TW II / Capaian"] == "56,80%"
        assert pk.elemen_sel("III.3", "Status").satu("span", kelas="badge").teks == "Tercapai"

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
        page = baca(reviewer_client.get(reverse("satker-detail", args=[aceh.pk]), {"tahun": 2023}))
        assert page.satu("section", kelas="empty").teks == (
            "BSPJI Aceh belum memiliki Perjanjian Kinerja tahun 2023."
        )
        assert page.semua("table") == []

    def test_bad_parameters_fall_back_to_defaults(self, reviewer_client, pekanbaru):
        response = reviewer_client.get(
            reverse("satker-detail", args=[pekanbaru.pk]), {"tahun": "abc", "triwulan": "9"}
        )
        assert response.status_code == 200
        assert (response.context["tahun"], response.context["triwulan"]) == (2023, 4)
        page = baca(response)
        assert page.satu("nav", kelas="small").satu("a", kelas="active").teks == "Triwulan IV"
        # Pekanbaru's year in full: III.2 measured over the year (test below).
        assert tabel(page, kelas="pk-table").sel("III.2", "Kinerja s.d. TW IV / Realisasi") == (
            "363,80"
        )

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
        assert len(tabel(baca(response), kelas="pk-table").baris) == (13 if kode == MANADO else 12)

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
        page = baca(
            reviewer_client.get(
                reverse("satker-detail", args=[pekanbaru.pk]), {"tahun": 2023, "triwulan": 4}
            )
        )
        pk = tabel(page, kelas="pk-table")
        # III.2: PNBP rose from 120.047.000 to 556.782.250, i.e. 363,80%; against a 5% target
        # that is 7.276,00%, far above target.
        assert pk.sel("III.2", "Kinerja s.d. TW IV / Realisasi") == "363,80"
        assert pk.sel("III.2", "Kinerja s.d. TW IV / Capaian") == "7.276,00%"
        assert pk.elemen_sel("III.2", "Status").satu("span", kelas="badge").teks == "Tercapai"
        kartu = {a.satu("span", kelas="mono").teks: a for a in page.semua("article")}
        working = kartu["III.2"].satu("div", kelas="working").teks
        assert working.startswith(
            "Perhitungan Realisasi: (556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%."
            " Capaian: 363,80 / 5 × 100% = 7.276,00%."
        )
        # The Renstra 2021-2024 sets 92 for 2023 for the financial-report score; the PK says 90.
        assert "Target PK (90) berbeda dengan target Renstra tahun 2023 (92)." in [
            li.teks for li in kartu["VIII.2"].semua("li")
        ]
        assert all(
            "target Renstra" not in li.teks for k, a in kartu.items() if k != "VIII.2"
            for li in a.semua("li")
        )  # fmt: skip
