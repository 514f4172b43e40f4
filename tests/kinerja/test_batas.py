"""Items 3, 5 (lengths) and 6 of issue 11: numbers within what their column holds on both
databases, texts within a length, and a large supporting-data table that still saves. The
SQLite side of the round trip is in tests/kinerja/test_sqlite_bersamaan.py."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from kinerja import batas, siklus
from kinerja.choices import TabelKepegawaian
from kinerja.models import (
    PelaporanTriwulan,
    PengukuranPerusahaan,
    RealisasiTriwulan,
    RencanaAksi,
    RiwayatPerubahan,
)
from kinerja.views.data_dukung import JENIS_DATA
from kinerja.views.lampiran import KENDALA_FIELDS, UMUM_FIELDS, kolom_isian
from laporan.models import NarasiLaporan
from satker.models import Pengguna
from tests import langsung
from tests.api import kolom
from tests.halaman import baca, kiriman, pesan
from tests.kinerja.sqlite_bersamaan import BATAS
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

# The two numbers of the review: one came back as 1e14 (and then every page answered 500),
# the other rounded.
TERLALU_BESAR = ("99999999999999,9999", "12345678901234,5678")
PESAN_REALISASI = "Angka harus antara -99.999.999.999,9999 dan 99.999.999.999,9999."
PESAN_PENGUKURAN = "Angka harus antara 0 dan 99.999.999.999,9999."


@pytest.fixture
def periode(demo):
    return siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )


def _login(client, username: str):
    """Logged in as the user, with the second factor where the role needs one."""
    return masuk(client, Pengguna.objects.get(username=username))


def _kirim_realisasi(client, satker, line, **isian):
    """The line's form as the page shows it, with `isian` typed over it."""
    page = baca(client.get(reverse("entri-triwulan", args=[satker.pk, 2023, 2])))
    awalan = f"l{line.pk}-"
    data = {k: v for k, v in kiriman(page).items() if k.startswith(awalan)}
    data |= {awalan + k: v for k, v in isian.items()}
    url = reverse("entri-realisasi", args=[satker.pk, 2023, 2, line.pk])
    return client.post(url, data)


def _kartu(response, line):
    return next(k["form"] for k in response.context["kartu"] if k["line"].pk == line.pk)


def _diisi_langsung(line):
    """The line's realisasi entered directly (Manado's are computed from supporting data,
    whose card offers no value field): its manual indicator made so."""
    langsung.ubah_definisi(line.indikator, data_dukung="", metode="input_langsung")
    return line


class TestAngkaRealisasi:
    @pytest.mark.parametrize("angka", TERLALU_BESAR)
    def test_too_many_digits_get_a_message_keep_what_was_typed_and_save_nothing(
        self, client, manado, periode, angka
    ):
        _login(client, "operator.manado")
        line = _diisi_langsung(siklus.lines_satker(manado, 2023)[0])
        sebelum = RealisasiTriwulan.objects.get(indikator=line, triwulan=2).nilai_realisasi
        response = _kirim_realisasi(client, manado, line, nilai_realisasi=angka)
        assert response.status_code == 400
        form = _kartu(response, line)
        assert form.errors["nilai_realisasi"] == [PESAN_REALISASI]
        assert PESAN_REALISASI in response.content.decode()
        assert form["nilai_realisasi"].value() == angka
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).nilai_realisasi == sebelum

    def test_the_largest_value_is_kept_exactly_and_every_page_still_answers(
        self, client, manado, periode
    ):
        _login(client, "operator.manado")
        line = _diisi_langsung(siklus.lines_satker(manado, 2023)[0])
        response = _kirim_realisasi(client, manado, line, nilai_realisasi="99.999.999.999,9999")
        assert response.status_code == 302
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        assert r.nilai_realisasi == D("99999999999.9999")
        assert client.get(reverse("entri-triwulan", args=[manado.pk, 2023, 2])).status_code == 200
        assert client.get(reverse("satker-dasbor", args=[manado.pk])).status_code == 200
        assert client.get(reverse("satker-detail", args=[manado.pk])).status_code == 200
        _login(client, "reviewer")
        lap = siklus.pelaporan(manado, 2023, 2)
        assert client.get(reverse("reviu-detail", args=[lap.pk])).status_code == 200
        api = client.get("/api/v1/capaian/", {"tahun": 2023, "triwulan": 2, "page_size": 200})
        assert api.status_code == 200

    def test_a_reported_realisasi_may_be_negative_a_company_measurement_may_not(
        self, client, manado, periode
    ):
        # A growth or productivity indicator's realisasi is below zero when the figure fell.
        _login(client, "operator.manado")
        line = _diisi_langsung(siklus.lines_satker(manado, 2023)[0])
        assert _kirim_realisasi(client, manado, line, nilai_realisasi="-12,5").status_code == 302
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        assert r.nilai_realisasi == D("-12.5")

    @pytest.mark.parametrize("teks", BATAS)
    def test_a_value_within_bounds_comes_back_identical_on_postgresql(self, manado, teks):
        # The same values come back identical from a SQLite file (test_sqlite_bersamaan).
        r = RealisasiTriwulan.objects.filter(indikator__sasaran__perjanjian__satker=manado)[0]
        r.nilai_realisasi = D(teks)
        r.full_clean()
        r.save()
        kembali = RealisasiTriwulan.objects.get(pk=r.pk).nilai_realisasi
        assert kembali == D(teks)
        assert format(kembali, "f") == format(D(teks).quantize(D("0.0001")), "f")


class TestPengukuranPerusahaan:
    def _halaman(self, client, satker):
        url = reverse("entri-data", args=[satker.pk, 2023, "pengukuran-perusahaan"])
        return url, baca(client.get(url))

    def _baris(self, data: dict, i: int, indikator: str, nama: str, sesudah: str) -> None:
        data |= {
            f"d-{i}-indikator": indikator, f"d-{i}-perusahaan": nama,
            f"d-{i}-kegiatan": "Pendampingan", f"d-{i}-besaran": "produksi",
            f"d-{i}-satuan_ukur": "kg/bulan", f"d-{i}-arah": "produktivitas",
            f"d-{i}-nilai_sebelum": "100", f"d-{i}-nilai_sesudah": sesudah,
            f"d-{i}-tanggal": "2023-06-30",
        }  # fmt: skip

    @pytest.mark.parametrize("angka", [*TERLALU_BESAR, "-5"])
    def test_out_of_bounds_gets_a_message_on_its_row_and_nothing_is_saved(
        self, client, pekanbaru, angka
    ):
        _login(client, "operator.pekanbaru")
        url, page = self._halaman(client, pekanbaru)
        data = kiriman(page)
        i = int(data["d-INITIAL_FORMS"])
        indikator = next(o.attrs["value"] for o in page.semua("option") if o.attrs.get("value"))
        sebelum = PengukuranPerusahaan.objects.count()
        self._baris(data, i, indikator, "CV Uji Batas", angka)
        response = client.post(url, data)
        assert response.status_code == 400
        formset = response.context["formset"]
        assert formset.forms[i].errors["nilai_sesudah"] == [PESAN_PENGUKURAN]
        assert formset.forms[i]["nilai_sesudah"].value() == angka
        assert PengukuranPerusahaan.objects.count() == sebelum

    def test_a_table_of_150_rows_saves(self, client, pekanbaru):
        # 150 rows of 9 columns, each with its id and delete box: 1,650 fields, past
        # Django's default limit of 1,000 (the review's table of about 100 rows failed).
        _login(client, "operator.pekanbaru")
        url, page = self._halaman(client, pekanbaru)
        data = kiriman(page)
        awal = int(data["d-INITIAL_FORMS"])
        indikator = next(o.attrs["value"] for o in page.semua("option") if o.attrs.get("value"))
        for n in range(150):
            self._baris(data, awal + n, indikator, f"IKM Uji {n:03d}", str(101 + n))
        data["d-TOTAL_FORMS"] = str(awal + 150)
        assert len(data) > 1000
        response = client.post(url, data)
        assert response.status_code == 302, pesan(baca(response))
        baru = PengukuranPerusahaan.objects.filter(perusahaan__startswith="IKM Uji ")
        assert baru.count() == 150
        assert baru.get(perusahaan="IKM Uji 149").nilai_sesudah == D("250")
        assert (
            RiwayatPerubahan.objects.filter(
                uraian_objek__startswith="Pengukuran perusahaan: IKM Uji", field="nilai_sesudah"
            ).count()
            == 150
        )


def test_the_widest_table_page_of_1000_rows_fits_the_field_limit():
    """Every table page, at Django's maximum of 1000 formset rows (each with its id and
    delete box) and the page's own fields, stays within DATA_UPLOAD_MAX_NUMBER_FIELDS."""
    kolom = [len(j.fields) for j in JENIS_DATA.values()]
    kolom += [len(KENDALA_FIELDS)]  # Form A's rows, below its data umum
    kolom += [len(kolom_isian(j)[0]) for j in TabelKepegawaian.values]
    assert max(kolom) == 9  # the supporting data's company measurements
    halaman = len(UMUM_FIELDS) + 4 + 2  # the formset's counts, the token and the baseline
    assert 1000 * (max(kolom) + 2) + halaman <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


class TestPanjangTeks:
    def test_a_2_mib_text_gets_a_length_message_and_is_kept_as_typed(self, client, manado, periode):
        _login(client, "operator.manado")
        line = siklus.lines_satker(manado, 2023)[0]
        sebelum = RealisasiTriwulan.objects.get(indikator=line, triwulan=2).kendala
        teks = "k" * (2 * 1024 * 1024)
        response = _kirim_realisasi(client, manado, line, kendala=teks)
        assert response.status_code == 400
        form = _kartu(response, line)
        assert form.errors["kendala"] == [
            "Teks terlalu panjang: 2.097.152 karakter, paling banyak 20.000. Isian Anda masih "
            "tertera; persingkat lalu simpan."
        ]
        assert form["kendala"].value() == teks
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).kendala == sebelum

    def test_a_text_at_the_limit_saves(self, client, manado, periode):
        _login(client, "operator.manado")
        line = siklus.lines_satker(manado, 2023)[0]
        teks = "x" * batas.TEKS_MAKS
        assert _kirim_realisasi(client, manado, line, kendala=teks).status_code == 302
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).kendala == teks

    def test_a_planned_activity_past_the_limit_is_marked_in_its_cell(self, client, pekanbaru):
        _login(client, "operator.pekanbaru")
        url = reverse("entri-rencana-aksi", args=[pekanbaru.pk, 2023])
        page = baca(client.get(url))
        data = kiriman(page)
        nama = next(
            e.attrs["name"]
            for e in page.semua("textarea")
            if e.attrs.get("name", "").startswith("k") and "disabled" not in e.attrs
        )
        line_pk, tw = (int(x) for x in nama[1:].split("-"))
        data[nama] = "y" * (batas.TEKS_MAKS + 1)
        response = client.post(url, data)
        assert response.status_code == 400
        cell = next(
            s for b in response.context["baris"] if b["line"].pk == line_pk for s in b["sel"]
            if s["tw"] == tw
        )  # fmt: skip
        assert cell["galat"].startswith("Teks terlalu panjang: 20.001 karakter")
        assert cell["kegiatan"] == data[nama]
        assert not RencanaAksi.objects.filter(
            indikator_id=line_pk, rencana_kegiatan=data[nama]
        ).exists()

    def test_a_report_section_past_its_limit_is_refused_and_kept(self, client, pekanbaru):
        _login(client, "operator.pekanbaru")
        url = reverse("entri-narasi-lakip", args=[pekanbaru.pk, 2023])
        page = baca(client.get(url))
        data = kiriman(page)
        nama = next(k for k in data if k.startswith("b-"))
        sebelum = dict(NarasiLaporan.objects.filter(satker=pekanbaru).values_list("pk", "teks"))
        data[nama] = "z" * (batas.TEKS_PANJANG + 1)
        response = client.post(url, data)
        assert response.status_code == 400
        [galat] = [p for p in pesan(baca(response)) if "Teks terlalu panjang" in p]
        assert "60.001 karakter, paling banyak 60.000" in galat
        assert data[nama] in response.content.decode()
        after = dict(NarasiLaporan.objects.filter(satker=pekanbaru).values_list("pk", "teks"))
        assert after == sebelum

    def test_a_reviewer_note_past_the_limit_is_refused(self, manado, periode):
        lap = PelaporanTriwulan.objects.create(
            satker=manado, tahun=2023, triwulan=3, status="diajukan"
        )
        with pytest.raises(Exception) as exc:
            siklus.kembalikan(
                user=Pengguna.objects.get(username="reviewer"),
                lap=lap,
                catatan=[(None, "x" * (batas.TEKS_MAKS + 1))],
            )
        assert "Teks terlalu panjang: 20.001 karakter" in str(exc.value)
        lap.refresh_from_db()
        assert lap.status == "diajukan"


class TestSetiapKolom:
    """A walk over the models: no number or text column of the satker data goes without its
    bound, whichever path writes it."""

    def test_every_number_and_text_column_has_its_bound(self):
        fields = list(batas.field_data(batas.model_data()))
        assert len(fields) > 100
        tanpa = [batas.nama_field(f) for f in fields if not batas.diperiksa(f)]
        assert tanpa == []

    def test_every_decimal_column_holds_what_sqlite_returns_exactly(self):
        lebar = [
            batas.nama_field(f)
            for f in batas.field_data(batas.model_data())
            if isinstance(f, models.DecimalField) and f.max_digits > batas.DIGIT_MAKS
        ]
        assert lebar == []

    def test_the_fields_allowed_below_zero_exist(self):
        from django.apps import apps

        for nama in batas.BOLEH_NEGATIF:
            app_model, field = nama.rsplit(".", 1)
            assert apps.get_model(app_model)._meta.get_field(field)

    def test_integer_columns_have_postgresqls_range_on_every_database(self):
        f = PengukuranPerusahaan._meta.get_field("nilai_sebelum")
        assert batas.rentang(f) == batas.Rentang(D(0), D("99999999999.9999"))
        from kinerja.models import PenerimaanPnbp, SurveiKepuasan

        assert batas.rentang(SurveiKepuasan._meta.get_field("jumlah_responden")) == (
            batas.Rentang(0, 2147483647)
        )
        assert batas.rentang(PenerimaanPnbp._meta.get_field("jumlah")) == (
            batas.Rentang(0, 9223372036854775807)
        )


class TestImpor:
    @pytest.mark.parametrize("angka", TERLALU_BESAR)
    @pytest.mark.parametrize(
        ("jenis", "lembar", "nama"),
        [("struktur", "Struktur", "volume"), ("realisasi", "Realisasi", "realisasi_volume")],
    )
    def test_the_reviews_numbers_in_a_budget_workbook_are_refused_by_row(
        self, manado, angka, jenis, lembar, nama
    ):
        from openpyxl import load_workbook

        from kinerja.impor import anggaran as ia

        wb = load_workbook(io.BytesIO(ia.templat(jenis, manado, 2023)))
        ws = wb[lembar]
        kolom = [k.nama for k in ia.KOLOM[jenis]].index(nama) + 1
        n = next(r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=1).value)
        ws.cell(row=n, column=kolom).value = angka
        isi = io.BytesIO()
        wb.save(isi)
        rencana = ia.baca(jenis, isi.getvalue(), manado, 2023)
        label = "volume" if jenis == "struktur" else "realisasi volume"
        assert rencana.pesan_kesalahan() == [
            f"Baris {n}: {label} harus antara 0 dan 999.999.999.999,99, bukan {angka}"
        ]
        assert not rencana.sah


class TestApi:
    def test_a_year_past_its_column_is_a_400_with_the_field_named(self, client, manado):
        _login(client, "operator.manado")
        response = client.post(
            "/api/v1/laporan/",
            {"satker": manado.kode, "jenis": "pp39", "format": "pdf",
             "tahun": 99999999999999, "triwulan": 2},
            content_type="application/json",
        )  # fmt: skip
        assert response.status_code == 400
        assert list(kolom(response)) == ["tahun"]

    @pytest.mark.parametrize("param", ["tahun", "triwulan"])
    def test_a_filter_past_its_column_answers_without_a_500(self, client, manado, param):
        _login(client, "reviewer")
        response = client.get("/api/v1/capaian/", {param: "99999999999999"})
        assert response.status_code == 400
        assert param in kolom(response)
