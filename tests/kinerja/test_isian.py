"""The year's forms: PK entry (targets proposed from the Renstra) and revision, Rencana Aksi,
supporting data, narrative per indicator and per report, budget realisation; and the
reminder mails. Each refuses bad input with a reason and saves nothing; each change is kept
in the history."""

from __future__ import annotations

import datetime
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kinerja import riwayat, siklus
from kinerja.models import (
    IndikatorPerjanjian,
    NarasiIndikator,
    PenerimaanPnbp,
    PengingatTerkirim,
    PerjanjianKinerja,
    ProgresAnggaran,
    RencanaAksi,
    RiwayatPerubahan,
    SurveiKepuasan,
    UnsurSurvei,
)
from kinerja.selectors import anggaran as sel_anggaran
from laporan.models import NarasiLaporan
from satker.models import Pengguna
from tests.halaman import baca, galat_di, isian, pesan
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def op_pekanbaru(client, demo):
    client.force_login(pengguna("operator.pekanbaru"))
    return client


def tanda(client, url: str) -> str:
    """The page's record of the values it shows, as a browser would send it back."""
    return client.get(url).context["tanda"]


def buka(triwulan: int, tahun: int = 2023, hari: int = 10):
    return siklus.buka_periode(
        user=pengguna("reviewer"), tahun=tahun, triwulan=triwulan,
        batas=timezone.localdate() + datetime.timedelta(days=hari),
    )  # fmt: skip


class TestPerjanjian:
    def test_a_new_pk_proposes_the_renstra_targets_of_the_year(self, op_pekanbaru, pekanbaru):
        url = reverse("entri-pk", args=[pekanbaru.pk, 2024])
        page = op_pekanbaru.get(url)
        pilihan = page.context["pilihan"]
        # Renstra 2021-2024 of Pekanbaru: productivity through collaboration, 12% in 2024.
        pertama = pilihan[0]
        assert (pertama["indikator"].nama, pertama["target_teks"]) == (
            "Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi",
            "12",
        )
        data = {
            "pihak_pertama_nama": "Dindin Syafruddin",
            "pihak_pertama_jabatan": "Kepala BSPJI Pekanbaru",
            "pihak_kedua_nama": "Andi Rizaldi",
            "pihak_kedua_jabatan": "Kepala BSKJI",
            "tempat": "Jakarta",
            "tanggal": "",
            "total_anggaran": "",
        }
        for p in pilihan:
            data[f"u{p['i']}-target"] = p["target_teks"]
            data[f"u{p['i']}-manual"] = p["manual_id"]
            if p["i"] < 2:
                data[f"u{p['i']}-pilih"] = "1"
        # A target typed wrongly: nothing is created, the typed value stays.
        data["u0-target"] = "dua belas"
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 400
        page = baca(response)
        assert galat_di(page, "u0-target") == ["Masukkan angka, mis. 45,12."]
        assert galat_di(page, "u1-target") == []
        assert isian(page, "u0-target").attrs["value"] == "dua belas"  # as typed
        assert pesan(page) == ["Perjanjian Kinerja belum disimpan; periksa isian yang ditandai."]
        assert not PerjanjianKinerja.objects.filter(satker=pekanbaru, tahun=2024).exists()
        data["u0-target"] = "12,5"
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 302
        lines = IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2024
        ).order_by("sasaran__nomor", "nomor")
        assert [(x.kode, x.target) for x in lines] == [("I.1", D("12.5")), ("II.1", D("1"))]
        assert lines[0].indikator_renstra_id == pertama["indikator"].pk

    def test_targets_stay_while_a_quarter_is_under_review(self, op_pekanbaru, pekanbaru):
        url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
        page = op_pekanbaru.get(url)
        data = {"tanda": page.context["tanda"], "alasan": "Penyesuaian"}
        data |= {f"t{b['line'].pk}": "99" for b in page.context["baris"]}
        lap = siklus.pelaporan(pekanbaru, 2023, 1)
        lap.status = "diajukan"
        lap.save()
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 409
        terkunci = baca(response).satu("div", kelas="locked").teks
        assert terkunci.startswith(
            "Target tidak dapat direvisi selama laporan Triwulan I 2023 direviu"
        ), terkunci
        assert not IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker=pekanbaru, target=99
        ).exists()

    def test_a_new_pk_refuses_a_zero_target_and_one_manual_indicator_twice(
        self, op_pekanbaru, pekanbaru
    ):
        url = reverse("entri-pk", args=[pekanbaru.pk, 2024])
        pilihan = op_pekanbaru.get(url).context["pilihan"]
        data = {"pihak_pertama_nama": "Dindin Syafruddin", "pihak_pertama_jabatan": "Kepala",
                "pihak_kedua_nama": "Andi Rizaldi", "pihak_kedua_jabatan": "Kepala BSKJI",
                "tempat": "Jakarta", "tanggal": "", "total_anggaran": ""}  # fmt: skip
        for p in pilihan[:2]:
            data |= {f"u{p['i']}-pilih": "1", f"u{p['i']}-target": "-1",
                     f"u{p['i']}-manual": pilihan[0]["manual_id"]}  # fmt: skip
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 400
        galat = response.context["galat"]
        assert galat["u0-target"] == "Target harus lebih dari 0."
        manual = next(m for m in response.context["manual"] if str(m.pk) == pilihan[0]["manual_id"])
        assert galat["u1-manual"] == (
            f"Indikator {manual.kode} sudah dipilih untuk “{pilihan[0]['indikator'].nama}”; "
            "satu indikator pedoman satu baris PK."
        )
        assert not PerjanjianKinerja.objects.filter(satker=pekanbaru, tahun=2024).exists()

    def test_a_revision_raises_the_number_and_keeps_old_and_new(self, op_pekanbaru, pekanbaru):
        url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
        line = IndikatorPerjanjian.objects.get(
            sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2023,
            sasaran__nomor=1, nomor=1,
        )  # fmt: skip
        lines = IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2023
        )
        data = {f"t{x.pk}": str(x.target).replace(".", ",") for x in lines}
        data[f"t{line.pk}"] = "11"
        # Without the page's record of the targets it was opened with: refused, nothing saved.
        response = op_pekanbaru.post(url, {**data, "alasan": "Tanpa tanda"})
        assert response.status_code == 409
        [bentrok] = pesan(baca(response))
        assert bentrok.startswith("Halaman ini tidak membawa tanda data saat dibuka"), bentrok
        assert PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2023).revisi == 0
        data["tanda"] = tanda(op_pekanbaru, url)
        response = op_pekanbaru.post(url, data)  # no reason given
        assert response.status_code == 400
        page = baca(response)
        assert galat_di(page, "alasan", "field") == ["Tuliskan alasan revisi target."]
        assert isian(page, f"t{line.pk}").attrs["value"] == "11"  # the typed target stays
        data["alasan"] = "Penyesuaian pagu setelah revisi DIPA"
        assert op_pekanbaru.post(url, data).status_code == 302
        pk = PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2023)
        assert pk.revisi == 1
        line.refresh_from_db()
        assert line.target == D("11")
        h = RiwayatPerubahan.objects.filter(
            object_id=line.pk, field="target", content_type__model="indikatorperjanjian"
        ).first()  # the newest; the demo load recorded the first
        assert (h.lama, h.baru, h.oleh.username) == ("10", "11", "operator.pekanbaru")
        assert "Penyesuaian pagu" in h.uraian_objek


class TestRencanaAksi:
    def test_cumulative_targets_may_not_fall_and_a_submitted_quarter_keeps_its_plan(
        self, op_pekanbaru, pekanbaru
    ):
        url = reverse("entri-rencana-aksi", args=[pekanbaru.pk, 2023])
        page = op_pekanbaru.get(url)
        data = {"tanda": page.context["tanda"]}
        for b in page.context["baris"]:
            for s in b["sel"]:
                data[f"t{b['line'].pk}-{s['tw']}"] = s["target_teks"]
                data[f"k{b['line'].pk}-{s['tw']}"] = s["kegiatan"]
        line = page.context["baris"][0]["line"]
        data[f"t{line.pk}-3"] = "20"  # below TW II's cumulative target
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 400
        page = baca(response)
        [galat] = galat_di(page, f"t{line.pk}-3", "field")
        assert galat.startswith("Kumulatif: tidak boleh turun dari TW sebelumnya"), galat
        assert [galat_di(page, f"t{line.pk}-{tw}", "field") for tw in (1, 2, 4)] == [[], [], []]
        ra3 = RencanaAksi.objects.get(indikator=line, triwulan=3).target_antara
        assert ra3 != D("20")
        data[f"t{line.pk}-3"] = str(ra3).replace(".", ",")
        data[f"k{line.pk}-4"] = "- Pengukuran produktivitas akhir tahun"
        assert op_pekanbaru.post(url, data).status_code == 302
        assert RencanaAksi.objects.get(indikator=line, triwulan=4).rencana_kegiatan == (
            "- Pengukuran produktivitas akhir tahun"
        )
        assert RiwayatPerubahan.objects.filter(
            field="rencana_kegiatan", oleh__username="operator.pekanbaru"
        ).exists()

    def test_a_plan_with_an_empty_quarter_saves(self, client, manado):
        """Manado's plan leaves some quarters without a target antara (as its PP-39 does)."""
        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-rencana-aksi", args=[manado.pk, 2023])
        page = client.get(url)
        data = {"tanda": page.context["tanda"]}
        for b in page.context["baris"]:
            for s in b["sel"]:
                data[f"t{b['line'].pk}-{s['tw']}"] = s["target_teks"]
                data[f"k{b['line'].pk}-{s['tw']}"] = s["kegiatan"]
        assert "" in {v for k, v in data.items() if k.startswith("t")}
        response = client.post(url, data, follow=True)
        assert pesan(baca(response)) == ["Rencana aksi 2023 disimpan (0 perubahan)."]

    def test_a_plan_changed_by_someone_else_is_not_overwritten(self, op_pekanbaru, pekanbaru):
        url = reverse("entri-rencana-aksi", args=[pekanbaru.pk, 2023])
        page = op_pekanbaru.get(url)
        data = {"tanda": page.context["tanda"]}
        for b in page.context["baris"]:
            for s in b["sel"]:
                data[f"t{b['line'].pk}-{s['tw']}"] = s["target_teks"]
                data[f"k{b['line'].pk}-{s['tw']}"] = s["kegiatan"]
        line = page.context["baris"][0]["line"]
        # A browser sends line breaks as CR LF: saving the untouched page changes nothing.
        crlf = {k: v.replace("\n", "\r\n") for k, v in data.items()}
        assert any("\r\n" in v for v in crlf.values())
        response = op_pekanbaru.post(url, crlf, follow=True)
        assert pesan(baca(response)) == ["Rencana aksi 2023 disimpan (0 perubahan)."]
        assert not RiwayatPerubahan.objects.filter(sumber="halaman").exists()
        # A colleague saves the plan of TW IV while this page is open.
        RencanaAksi.objects.update_or_create(
            indikator=line, triwulan=4, defaults={"rencana_kegiatan": "- Versi rekan"}
        )
        data[f"k{line.pk}-4"] = "- Versi saya"
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 409
        page = baca(response)
        [bentrok] = pesan(page)
        assert bentrok.startswith("Data ini telah diubah oleh pengguna lain"), bentrok
        assert "rencana kegiatan" in bentrok and "“- Versi rekan”" in bentrok
        # What was typed stays in its own box on the page.
        assert isian(page, f"k{line.pk}-4").teks == "- Versi saya"
        assert RencanaAksi.objects.get(indikator=line, triwulan=4).rencana_kegiatan == (
            "- Versi rekan"
        )
        # Saving again from the refreshed page is a deliberate overwrite.
        data["tanda"] = response.context["tanda"]
        assert op_pekanbaru.post(url, data).status_code == 302
        assert RencanaAksi.objects.get(indikator=line, triwulan=4).rencana_kegiatan == (
            "- Versi saya"
        )


class TestDataDukung:
    def test_add_change_and_delete_rows_with_history(self, op_pekanbaru, pekanbaru, manado):
        url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pnbp"])
        page = op_pekanbaru.get(url)
        formset = page.context["formset"]
        # Only Pekanbaru's rows of 2022-2023 are offered: 5 kinds at the end of 2022 and 9
        # at the end of 2023 (fixtures/pekanbaru/data_dukung.yaml).
        ada = [f.instance for f in formset.forms if f.instance.pk]
        assert {x.satker_id for x in ada} == {pekanbaru.pk}
        assert sorted(str(x.tanggal_posisi) for x in ada) == ["2022-12-31"] * 5 + ["2023-12-31"] * 9
        data = {
            "d-TOTAL_FORMS": str(len(formset.forms)),
            "d-INITIAL_FORMS": str(formset.initial_form_count()),
            "d-MIN_NUM_FORMS": "0",
            "d-MAX_NUM_FORMS": "1000",
            "tanda": page.context["tanda"],
        }
        for i, f in enumerate(formset.forms):
            for name in ("tanggal_posisi", "jenis", "jumlah"):
                v = f.initial.get(name)
                data[f"d-{i}-{name}"] = "" if v is None else str(v)
            if f.instance.pk:
                data[f"d-{i}-id"] = str(f.instance.pk)
        baru = formset.initial_form_count()
        data |= {f"d-{baru}-tanggal_posisi": "2023-03-31", f"d-{baru}-jenis": "magang",
                 f"d-{baru}-jumlah": "-5"}  # fmt: skip
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 400
        baru_qs = PenerimaanPnbp.objects.filter(
            satker=pekanbaru, jenis="magang", tanggal_posisi=datetime.date(2023, 3, 31)
        )
        assert not baru_qs.exists()
        data[f"d-{baru}-jumlah"] = "1.250.000"
        assert op_pekanbaru.post(url, data).status_code == 302
        magang = baru_qs.get()
        assert magang.jumlah == 1_250_000
        assert RiwayatPerubahan.objects.filter(
            object_id=magang.pk, field="jumlah", baru="1.250.000"
        ).exists()
        data[f"d-{baru}-id"] = str(magang.pk)
        data["d-INITIAL_FORMS"] = str(baru + 1)
        data["d-TOTAL_FORMS"] = str(max(int(data["d-TOTAL_FORMS"]), baru + 1))
        data[f"d-{baru}-DELETE"] = "on"
        data["tanda"] = tanda(op_pekanbaru, url)  # the page as it reloads after the save
        assert op_pekanbaru.post(url, data).status_code == 302
        assert not PenerimaanPnbp.objects.filter(pk=magang.pk).exists()
        assert RiwayatPerubahan.objects.filter(object_id=magang.pk, field="__hapus__").exists()

    def test_a_changed_row_keeps_old_and_new_and_a_stale_page_is_refused(
        self, op_pekanbaru, pekanbaru
    ):
        url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pnbp"])
        page = op_pekanbaru.get(url)
        formset = page.context["formset"]
        n = formset.initial_form_count()
        data = {"d-TOTAL_FORMS": str(n), "d-INITIAL_FORMS": str(n), "d-MIN_NUM_FORMS": "0",
                "d-MAX_NUM_FORMS": "1000", "tanda": page.context["tanda"]}  # fmt: skip
        for i, f in enumerate(formset.forms[:n]):
            data[f"d-{i}-id"] = str(f.instance.pk)
            for name in ("tanggal_posisi", "jenis", "jumlah"):
                data[f"d-{i}-{name}"] = str(f.initial[name])
        baris = formset.forms[0].instance
        lama = baris.jumlah
        # A colleague corrects the first row while this page is open.
        PenerimaanPnbp.objects.filter(pk=baris.pk).update(jumlah=lama + 1)
        data["d-0-jumlah"] = str(lama + 500)
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 409
        [bentrok] = pesan(baca(response))
        assert "baris 1 jumlah" in bentrok, bentrok
        assert PenerimaanPnbp.objects.get(pk=baris.pk).jumlah == lama + 1
        # Saving again from the refused page is deliberate; the history keeps both values.
        data["tanda"] = response.context["tanda"]
        assert op_pekanbaru.post(url, data).status_code == 302
        assert PenerimaanPnbp.objects.get(pk=baris.pk).jumlah == lama + 500
        h = RiwayatPerubahan.objects.filter(
            object_id=baris.pk, field="jumlah", content_type__model="penerimaanpnbp"
        ).first()  # the newest
        assert (h.lama, h.baru) == (riwayat.teks(lama + 1), riwayat.teks(lama + 500))

    def test_two_new_rows_of_the_same_kind_and_date_are_refused_by_row(
        self, op_pekanbaru, pekanbaru
    ):
        url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pnbp"])
        page = op_pekanbaru.get(url)
        data = {"tanda": page.context["tanda"], "d-TOTAL_FORMS": "2", "d-INITIAL_FORMS": "0",
                "d-MIN_NUM_FORMS": "0", "d-MAX_NUM_FORMS": "1000"}  # fmt: skip
        # Only the two new rows are sent (the existing ones are left as they are).
        for i in (0, 1):
            data |= {f"d-{i}-tanggal_posisi": "2023-02-28", f"d-{i}-jenis": "magang",
                     f"d-{i}-jumlah": "100"}  # fmt: skip
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 400
        page = baca(response)
        assert galat_di(page, "d-0-jumlah", "tr") == []
        assert "Sama dengan baris 1." in " ".join(galat_di(page, "d-1-jumlah", "tr"))
        assert not PenerimaanPnbp.objects.filter(
            satker=pekanbaru, tanggal_posisi=datetime.date(2023, 2, 28)
        ).exists()

    def test_line_level_data_offer_only_the_satkers_lines(self, op_pekanbaru, pekanbaru):
        page = op_pekanbaru.get(reverse("entri-data", args=[pekanbaru.pk, 2023, "butir-capaian"]))
        choices = page.context["formset"].forms[0].fields["indikator"].queryset
        assert {x.sasaran.perjanjian.satker_id for x in choices} == {pekanbaru.pk}

    def test_a_survey_gets_the_pages_year_and_its_items_only_the_satkers_surveys(
        self, op_pekanbaru, pekanbaru, manado
    ):
        SurveiKepuasan.objects.create(
            satker=manado, tahun=2023, tanggal_posisi=datetime.date(2023, 6, 30),
            jumlah_responden=40,
        )  # fmt: skip
        url = reverse("entri-data", args=[pekanbaru.pk, 2023, "survei"])
        page = op_pekanbaru.get(url)
        formset = page.context["formset"]
        n = formset.initial_form_count()
        data = {
            "tanda": page.context["tanda"],
            "d-TOTAL_FORMS": str(n + 1), "d-INITIAL_FORMS": str(n),
            "d-MIN_NUM_FORMS": "0", "d-MAX_NUM_FORMS": "1000",
            f"d-{n}-tanggal_posisi": "2023-12-31", f"d-{n}-jumlah_responden": "120",
        }  # fmt: skip
        for i, f in enumerate(formset.forms[:n]):
            data[f"d-{i}-id"] = str(f.instance.pk)
            for name in ("tanggal_posisi", "jumlah_pelanggan", "jumlah_responden"):
                v = f.initial.get(name)
                data[f"d-{i}-{name}"] = "" if v is None else str(v)
        response = op_pekanbaru.post(url, data)  # the year-end survey is already there
        assert response.status_code == 400
        page = baca(response)
        assert "Survei pada posisi ini sudah ada." in " ".join(
            galat_di(page, f"d-{n}-tanggal_posisi", "tr")
        )
        assert all(galat_di(page, f"d-{i}-tanggal_posisi", "tr") == [] for i in range(n))
        assert SurveiKepuasan.objects.filter(satker=pekanbaru, tahun=2023).count() == 1
        data[f"d-{n}-tanggal_posisi"] = "2023-06-30"
        assert op_pekanbaru.post(url, data).status_code == 302
        survei = SurveiKepuasan.objects.get(
            satker=pekanbaru, tanggal_posisi=datetime.date(2023, 6, 30)
        )
        assert (survei.tahun, survei.jumlah_responden) == (2023, 120)

        url = reverse("entri-data", args=[pekanbaru.pk, 2023, "unsur-survei"])
        page = op_pekanbaru.get(url)
        formset = page.context["formset"]
        pilihan = formset.forms[-1].fields["survei"].queryset
        assert survei in pilihan
        assert {s.satker_id for s in pilihan} == {pekanbaru.pk}
        n = formset.initial_form_count()
        data = {
            "tanda": page.context["tanda"],
            "d-TOTAL_FORMS": str(n + 1), "d-INITIAL_FORMS": str(n),
            "d-MIN_NUM_FORMS": "0", "d-MAX_NUM_FORMS": "1000",
            f"d-{n}-survei": str(SurveiKepuasan.objects.get(satker=manado).pk),
            f"d-{n}-nomor": "1", f"d-{n}-nama": "Persyaratan", f"d-{n}-nilai": "3,5",
        }  # fmt: skip
        for i, f in enumerate(formset.forms[:n]):
            data[f"d-{i}-id"] = str(f.instance.pk)
            for name in ("survei", "nomor", "nama", "nilai"):
                v = f.initial.get(name)
                data[f"d-{i}-{name}"] = "" if v is None else str(v).replace(".", ",")
        response = op_pekanbaru.post(url, data)  # another satker's survey: refused
        assert response.status_code == 400
        assert galat_di(baca(response), f"d-{n}-survei") != []  # not among the choices
        assert not UnsurSurvei.objects.filter(survei__satker=manado).exists()
        data[f"d-{n}-survei"] = str(survei.pk)
        data[f"d-{n}-nilai"] = "4,5"  # the scale is 1-4
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 400
        assert galat_di(baca(response), f"d-{n}-nilai") != []
        data[f"d-{n}-nilai"] = "3,5"
        assert op_pekanbaru.post(url, data).status_code == 302
        assert survei.unsur.get().nilai == D("3.50")

    def test_a_reviewer_cannot_change_supporting_data(self, client, pekanbaru):
        masuk(client, pengguna("reviewer"))
        url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pnbp"])
        page = baca(client.get(url))  # may read: Pekanbaru's 14 rows (5 of 2022, 9 of 2023)
        jumlah = len(page.satu("tbody").semua("tr"))
        ada = [i for i in range(jumlah) if isian(page, f"d-{i}-id").attrs.get("value")]
        assert len(ada) == 14
        tanggal = [isian(page, f"d-{i}-tanggal_posisi").attrs["value"] for i in ada]
        assert sorted(tanggal) == ["2022-12-31"] * 5 + ["2023-12-31"] * 9
        form = page.satu("form", kelas="isian")
        assert [b.teks for b in form.semua("button")] == []  # ...but gets no save button
        assert client.post(url, {}).status_code == 403


class TestNarasi:
    def test_narrative_per_indicator_with_history_and_conflict(self, op_pekanbaru, pekanbaru):
        url = reverse("entri-narasi", args=[pekanbaru.pk, 2023])
        page = op_pekanbaru.get(url)
        kartu = page.context["kartu"][0]
        line, tanda = kartu["line"], kartu["form"].initial["tanda"]
        data = {"indikator": str(line.pk), f"n{line.pk}-tanda": tanda}
        data |= {
            f"n{line.pk}-{f}": kartu["form"].initial.get(f, "") or "" for f in ("hasil", "kendala")
        }
        data[f"n{line.pk}-kendala"] = "Cuaca ekstrem menunda pengukuran."
        assert op_pekanbaru.post(url, data).status_code == 302
        assert (
            NarasiIndikator.objects.get(indikator=line).kendala
            == "Cuaca ekstrem menunda pengukuran."
        )
        # The same stale form again (someone saved in between): refused, nothing overwritten.
        data[f"n{line.pk}-kendala"] = "Versi lain."
        response = op_pekanbaru.post(url, data)
        assert response.status_code == 409
        # (After the first save's message, not yet shown: the page was not followed.)
        assert pesan(baca(response))[0] == f"Narasi {line.kode} tersimpan."
        bentrok = pesan(baca(response))[-1]
        assert bentrok.startswith("Data ini telah diubah oleh Operator BSPJI Pekanbaru"), bentrok
        # It names what the other save changed: the kendala of the demo narrative.
        assert "kendala: “Tidak ada kendala.” menjadi “Cuaca ekstrem menunda pengukuran.”" in (
            bentrok
        )
        assert isian(baca(response), f"n{line.pk}-kendala").teks == "Versi lain."
        assert (
            NarasiIndikator.objects.get(indikator=line).kendala
            == "Cuaca ekstrem menunda pengukuran."
        )
        # The refused page keeps the typed text on today's baseline: saving it again applies.
        kartu = next(k for k in response.context["kartu"] if k["line"] == line)
        assert kartu["form"]["kendala"].value() == "Versi lain."
        data[f"n{line.pk}-tanda"] = kartu["form"]["tanda"].value()
        assert op_pekanbaru.post(url, data).status_code == 302
        assert NarasiIndikator.objects.get(indikator=line).kendala == "Versi lain."

    def test_a_stated_figure_that_disagrees_is_shown_beside_its_field(
        self, op_pekanbaru, pekanbaru
    ):
        url = reverse("entri-narasi", args=[pekanbaru.pk, 2023])
        kartu = next(k for k in op_pekanbaru.get(url).context["kartu"] if k["line"].kode == "III.2")
        line = kartu["line"]
        data = {"indikator": str(line.pk), f"n{line.pk}-tanda": kartu["form"].initial["tanda"]}
        data |= {f"n{line.pk}-{f}": "" for f in ("hasil", "kendala")}
        # III.2 Pekanbaru: 18.190 / 50 = 363,80 persen (the LAKIP's own table).
        data[f"n{line.pk}-hasil"] = "Realisasi indikator sebesar 363 persen dari target."
        data[f"n{line.pk}-kendala"] = "Kendala sebagai berikut:"
        assert op_pekanbaru.post(url, data).status_code == 302
        page = baca(op_pekanbaru.get(url))
        peringatan = [d.teks for d in page.semua("div", kelas="field-warning")]
        assert "III.2: realisasi ditulis 363, hasil hitung 363,80; tulis {III.2.realisasi}." in (
            peringatan
        )
        assert "Kalimat “…Kendala sebagai berikut:” diakhiri titik dua tanpa rincian." in (
            peringatan
        )
        # The named figure is what the page offers to write instead, and it passes.
        assert "{III.2.realisasi} = 363,80" in page.teks
        kartu = next(k for k in op_pekanbaru.get(url).context["kartu"] if k["line"] == line)
        data[f"n{line.pk}-tanda"] = kartu["form"].initial["tanda"]
        data[f"n{line.pk}-hasil"] = "Realisasi indikator sebesar {III.2.realisasi} persen."
        data[f"n{line.pk}-kendala"] = "Tidak ada kendala."
        assert op_pekanbaru.post(url, data).status_code == 302
        kartu = next(k for k in op_pekanbaru.get(url).context["kartu"] if k["line"] == line)
        assert [t for _f, t in kartu["isian"] if t] == []

    def test_a_report_section_ending_in_a_colon_is_flagged_on_its_page(self, client, manado):
        client.force_login(pengguna("kepala.manado"))
        url = reverse("entri-narasi-pp39", args=[manado.pk, 2023, 3])
        data = {"tanda": tanda(client, url), "b-penutup": "Rincian kegiatan sebagai berikut:"}
        assert client.post(url, data).status_code == 302
        page = baca(client.get(url))
        assert [d.teks for d in page.semua("div", kelas="field-warning")] == [
            "Kalimat “…Rincian kegiatan sebagai berikut:” diakhiri titik dua tanpa rincian."
        ]

    def test_report_narrative_and_memo_feed_the_report(self, client, manado):
        client.force_login(pengguna("kepala.manado"))
        url = reverse("entri-narasi-pp39", args=[manado.pk, 2023, 3])
        data = {
            "tanda": tanda(client, url),
            "nomor_surat": "1001/BSPJI-Manado/PR/X/2023",
            "tanggal": "2023-10-10",
            "tempat": "Manado",
            "b-penutup": "Triwulan III berjalan sesuai rencana.",
        }
        assert client.post(url, data).status_code == 302
        assert (
            NarasiLaporan.objects.get(
                satker=manado, jenis="pp39", tahun=2023, triwulan=3, bagian="penutup"
            ).teks
            == "Triwulan III berjalan sesuai rencana."
        )
        from laporan.susun import pp39

        laporan = pp39.susun(manado, 2023, 3)
        assert laporan.nota_dinas.nomor == "1001/BSPJI-Manado/PR/X/2023"
        bab_iv = laporan.bab[-1]
        assert any(
            getattr(b, "teks", "") == "Triwulan III berjalan sesuai rencana." for b in bab_iv.isi
        )

    def test_a_submitted_quarters_memo_and_narrative_stay(self, client, manado):
        client.force_login(pengguna("kepala.manado"))
        url = reverse("entri-narasi-pp39", args=[manado.pk, 2023, 2])
        data = {"tanda": tanda(client, url), "nomor_surat": "9/X", "b-penutup": "Versi baru."}
        lap = siklus.pelaporan(manado, 2023, 2)
        lap.status = "diverifikasi"
        lap.save()
        sebelum = list(NarasiLaporan.objects.filter(satker=manado, triwulan=2).values())
        response = client.post(url, data)
        assert response.status_code == 400
        page = baca(response)
        assert page.satu("div", kelas="locked").teks == (
            "Laporan Triwulan II 2023 sudah diverifikasi dan terkunci."
        )
        assert list(NarasiLaporan.objects.filter(satker=manado, triwulan=2).values()) == sebelum


class TestRealisasiDipa:
    def test_the_treasury_amount_entered_is_the_realisation_printed(self, client, manado):
        from kinerja.models import RealisasiDipa, RingkasanAnggaran

        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-data", args=[manado.pk, 2023, "realisasi-dipa"])
        page = client.get(url)
        formset = page.context["formset"]
        n = formset.initial_form_count()
        assert n == 1  # June's SAKTI amount of the demo
        data = {"d-TOTAL_FORMS": str(n + 1), "d-INITIAL_FORMS": str(n), "d-MIN_NUM_FORMS": "0",
                "d-MAX_NUM_FORMS": "1000", "tanda": page.context["tanda"]}  # fmt: skip
        for i, f in enumerate(formset.forms[:n]):
            data[f"d-{i}-id"] = str(f.instance.pk)
            for name in ("bulan", "jumlah", "sumber", "tanggal_data"):
                v = f.initial.get(name)
                data[f"d-{i}-{name}"] = "" if v is None else str(v)
        data |= {f"d-{n}-bulan": "3", f"d-{n}-jumlah": "1.912.600.000", f"d-{n}-sumber": "sakti",
                 f"d-{n}-tanggal_data": "2023-03-31"}  # fmt: skip
        tw1 = RingkasanAnggaran.objects.get(satker=manado, tahun=2023, triwulan=1)
        assert tw1.realisasi_dilaporkan is None  # only percentages before
        assert client.post(url, data).status_code == 302
        assert RealisasiDipa.objects.get(satker=manado, tahun=2023, bulan=3).jumlah == 1_912_600_000
        tw1 = RingkasanAnggaran.objects.get(satker=manado, tahun=2023, triwulan=1)
        # 1.912.600.000 / 12.207.073.000 = 15,6680% → 15,67.
        assert (tw1.realisasi_dilaporkan, tw1.persen_realisasi) == (1_912_600_000, D("15.67"))


class TestRealisasiAnggaran:
    def test_quarter_end_progress_is_saved_and_rolled_up(self, client, manado):
        buka(3)
        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-realisasi-anggaran", args=[manado.pk, 2023, 3])
        page = client.get(url)
        baris = page.context["baris"]
        bad = next(b for b in baris if b["item"].kode_lengkap == "6077.BAD")
        data = {
            "tanda": page.context["tanda"],
            f"realisasi_keuangan-{bad['item'].pk}": "40",
            f"realisasi_keuangan_rp-{bad['item'].pk}": "1.000",
        }
        response = client.post(url, data)
        assert response.status_code == 400
        kolom = ["realisasi_keuangan", "realisasi_keuangan_rp", "realisasi_fisik"]
        ditolak = baca(response)
        galat = {k: galat_di(ditolak, f"{k}-{bad['item'].pk}") for k in kolom}
        assert "Isi rupiah atau persen, tidak keduanya." in (
            galat["realisasi_keuangan"] + galat["realisasi_keuangan_rp"]
        ), galat
        assert galat["realisasi_fisik"] == []
        data = {
            "tanda": page.context["tanda"],
            f"realisasi_keuangan-{bad['item'].pk}": "40,5",
            f"realisasi_fisik-{bad['item'].pk}": "41",
        }
        assert client.post(url, data).status_code == 302
        p = ProgresAnggaran.objects.get(item=bad["item"], bulan=9)
        assert (p.realisasi_keuangan, p.realisasi_fisik) == (D("40.50"), D("41.00"))
        node = next(n for n in sel_anggaran.pohon(manado, 2023).values() if n.kode == "6077.BAD")
        # 548.888.000 × 40,5% = 222.299.640 rupiah s.d. September.
        assert node.hasil.posisi[9].realisasi_rp == 222_299_640

    def test_figures_changed_since_the_page_opened_are_not_overwritten(self, client, manado):
        buka(3)
        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-realisasi-anggaran", args=[manado.pk, 2023, 3])
        page = client.get(url)
        bad = next(b for b in page.context["baris"] if b["item"].kode_lengkap == "6077.BAD")
        ProgresAnggaran.objects.update_or_create(
            item=bad["item"], bulan=9, defaults={"realisasi_keuangan": D("35")}
        )  # a colleague's save
        data = {
            "tanda": page.context["tanda"],
            f"realisasi_keuangan-{bad['item'].pk}": "40",
        }
        response = client.post(url, data)
        assert response.status_code == 409
        bentrok = pesan(baca(response))
        assert any("“–” menjadi “35”" in p for p in bentrok), bentrok
        assert ProgresAnggaran.objects.get(item=bad["item"], bulan=9).realisasi_keuangan == 35

    def test_a_closed_quarter_refuses(self, client, manado):
        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-realisasi-anggaran", args=[manado.pk, 2023, 4])
        response = client.post(url, {})
        assert response.status_code == 400
        assert baca(response).satu("div", kelas="locked").teks == (
            "Periode pelaporan Triwulan IV 2023 belum dibuka oleh Sekretariat."
        )


class TestPengingat:
    def test_due_and_unsubmitted_satker_get_one_mail_a_day(self, demo, mailoutbox):
        p = buka(2, hari=2)
        manado = pengguna("operator.manado")
        manado.email = "operator@bspjimanado.go.id"
        manado.save()
        kepala = pengguna("kepala.manado")
        kepala.email = "kepala@bspjimanado.go.id"
        kepala.save()
        out = StringIO()
        call_command("kirim_pengingat", "--hari", "3", stdout=out)
        assert len(mailoutbox) == 1
        mail = mailoutbox[0]
        assert sorted(mail.to) == ["kepala@bspjimanado.go.id", "operator@bspjimanado.go.id"]
        assert mail.subject.startswith(
            "Pengingat: laporan Triwulan II 2023 BSPJI Manado jatuh tempo"
        )
        assert f"/entri/satker/{manado.satker_id}/2023/tw2/" in mail.body
        # Pekanbaru's users have no address: said, not sent.
        assert "BSPJI Pekanbaru" in out.getvalue() and "tidak ada alamat surel" in out.getvalue()
        call_command("kirim_pengingat", "--hari", "3", stdout=StringIO())
        assert len(mailoutbox) == 1  # not twice the same day
        assert PengingatTerkirim.objects.filter(periode=p).count() == 1

    def test_a_mail_server_failure_for_one_satker_does_not_stop_the_others(
        self, demo, mailoutbox, monkeypatch
    ):
        import smtplib

        from kinerja import pengingat

        buka(2, hari=2)
        for username, alamat in [("operator.manado", "op@manado.go.id"),
                                 ("operator.pekanbaru", "op@pekanbaru.go.id")]:  # fmt: skip
            u = pengguna(username)
            u.email = alamat
            u.save()
        asli = pengingat._kirim_surel

        def gagal_untuk_manado(satker, *args):
            if satker.singkatan.endswith("Manado"):
                raise smtplib.SMTPServerDisconnected("koneksi terputus")
            asli(satker, *args)

        monkeypatch.setattr(pengingat, "_kirim_surel", gagal_untuk_manado)
        hasil = {h.satker.singkatan: h for h in pengingat.kirim(hari_ini=timezone.localdate())}
        assert hasil["BSPJI Manado"].alasan == "gagal dikirim: koneksi terputus"
        assert hasil["BSPJI Pekanbaru"].terkirim
        assert [m.to for m in mailoutbox] == [["op@pekanbaru.go.id"]]
        # Not recorded as sent: the next run tries Manado again.
        assert not PengingatTerkirim.objects.filter(satker__singkatan="BSPJI Manado").exists()

    def test_no_mail_when_submitted_or_not_yet_due(self, demo, mailoutbox):
        p = buka(2, hari=10)
        u = pengguna("operator.manado")
        u.email = "operator@bspjimanado.go.id"
        u.save()
        call_command("kirim_pengingat", "--hari", "3", stdout=StringIO())
        assert mailoutbox == []  # ten days left
        p.batas = timezone.localdate() + datetime.timedelta(days=1)
        p.save()
        lap = siklus.pelaporan(u.satker, 2023, 2)
        lap.status = "diajukan"
        lap.save()
        call_command("kirim_pengingat", "--hari", "3", stdout=StringIO())
        assert mailoutbox == []  # due tomorrow, but submitted
