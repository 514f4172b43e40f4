"""The budget page, the template download and the upload → preview → apply flow in the
browser's terms (HTTP): who may do what, what the pages say, and that nothing is saved
before the user applies the previewed changes."""

from __future__ import annotations

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import impor_anggaran as ia
from kinerja.models import ItemAnggaran
from satker.models import Pengguna
from tests.conftest import MANADO

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def halaman(satker) -> str:
    return reverse("anggaran", args=[satker.pk])


def url_impor(satker, jenis: str = "struktur") -> str:
    return reverse("anggaran-impor", args=[satker.pk, 2023, jenis])


def templat_dengan(manado, ubah: dict[str, object]) -> bytes:
    """The structure template with some leaves' pagu changed."""
    wb = load_workbook(io.BytesIO(ia.templat(ia.STRUKTUR, manado, 2023)))
    ws = wb["Struktur"]
    pagu = [k.nama for k in ia.KOLOM[ia.STRUKTUR]].index("pagu") + 1
    for row in range(5, ws.max_row + 1):
        kode = ws.cell(row=row, column=1).value
        if kode in ubah:
            ws.cell(row=row, column=pagu).value = ubah[kode]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def unggah(client, manado, isi: bytes):
    berkas = SimpleUploadedFile("anggaran.xlsx", isi, content_type=XLSX)
    return client.post(url_impor(manado), {"berkas": berkas})


def pagu_leaf(manado, kode: str) -> int:
    return ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap=kode).pagu


class TestBudgetPage:
    def test_operator_sees_the_tree_totals_and_import_actions(
        self, operator_manado_client, manado, django_assert_max_num_queries
    ):
        # 30 measured: session, user, satker, the tree in two queries, DIPA, PK lines and the
        # supporting data of their capaian, PNBP, ALKI; none of them per node or per line.
        with django_assert_max_num_queries(30):
            response = operator_manado_client.get(halaman(manado))
        assert response.status_code == 200
        # The latest quarter with data (II) is shown by default.
        assert response.context["triwulan"] == 2
        html = response.content.decode()
        assert "Rp 12.207.073.000" in html  # the DIPA, rolled up from the leaves
        assert "Rp 5.215.699.407" in html  # realised s.d. TW II (test_anggaran_demo)
        assert "SP DIPA-019.07.2.247246/2023" in html
        assert "pengalihan program DAPATI" in html
        assert url_impor(manado) in html
        # Deviation from the plan, TW I 3,73% (test_anggaran_demo) and TW II.
        assert [p.label for p in response.context["deviasi"].periode] == ["TW I", "TW II"]

    def test_pekanbaru_page_has_the_efficiency_table_and_pnbp(self, reviewer_client, pekanbaru):
        response = reviewer_client.get(halaman(pekanbaru), {"tahun": 2023, "triwulan": 4})
        html = response.content.decode()
        assert response.context["efisiensi_rata"].nilai is not None
        assert "98,63" in html  # III.2 efficiency (test_anggaran_demo)
        assert "246,66" in html  # PNBP 2023 against target
        assert "Rp 7.680.058.359" in html

    def test_reviewer_reads_but_gets_no_import_actions(self, reviewer_client, manado):
        html = reviewer_client.get(halaman(manado)).content.decode()
        assert url_impor(manado) not in html

    def test_another_satkers_budget_is_not_found(self, operator_manado_client, pekanbaru):
        assert operator_manado_client.get(halaman(pekanbaru)).status_code == 404

    def test_nonsense_parameters_fall_back_to_defaults(self, operator_manado_client, manado):
        response = operator_manado_client.get(halaman(manado), {"tahun": "x", "triwulan": "9"})
        assert response.status_code == 200
        assert (response.context["tahun"], response.context["triwulan"]) == (2023, 2)


class TestTemplateDownload:
    @pytest.mark.parametrize("jenis", ["struktur", "realisasi"])
    def test_download_is_a_workbook_of_the_satkers_data(
        self, operator_manado_client, manado, jenis
    ):
        response = operator_manado_client.get(
            reverse("anggaran-templat", args=[manado.pk, 2023, jenis])
        )
        assert response.status_code == 200
        assert response["Content-Type"] == XLSX
        assert f"anggaran-{jenis}-{MANADO}-2023.xlsx" in response["Content-Disposition"]
        wb = load_workbook(io.BytesIO(response.content))
        assert wb.sheetnames[0] == ia.JUDUL_LEMBAR[jenis]
        assert wb.active["A1"].value.endswith(f"— {manado.nama}, TA 2023")
        assert wb.active["A5"].value == ("EC" if jenis == "struktur" else "6077.AEF")

    def test_unknown_kind_or_other_satker_is_not_found(
        self, operator_manado_client, pekanbaru, manado
    ):
        assert (
            operator_manado_client.get(
                reverse("anggaran-templat", args=[manado.pk, 2023, "gaji"])
            ).status_code
            == 404
        )
        assert (
            operator_manado_client.get(
                reverse("anggaran-templat", args=[pekanbaru.pk, 2023, "struktur"])
            ).status_code
            == 404
        )


class TestImportFlow:
    def test_upload_previews_and_only_apply_saves(self, operator_manado_client, manado):
        response = unggah(
            operator_manado_client, manado, templat_dengan(manado, {"6042.EBA.958.051": 5_000_000})
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Pratinjau perubahan" in html
        assert "Rp 4.550.000" in html and "Rp 5.000.000" in html
        assert pagu_leaf(manado, "6042.EBA.958.051") == 4_550_000  # nothing saved yet

        token = response.context["token"]
        response = operator_manado_client.post(url_impor(manado), {"terapkan": "1", "token": token})
        assert response.status_code == 302
        assert response["Location"] == f"{halaman(manado)}?tahun=2023"
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            "Impor selesai: 0 baru, 1 berubah, 0 dihapus."
        ]
        assert pagu_leaf(manado, "6042.EBA.958.051") == 5_000_000

        # Applying the same preview again: it was used up.
        again = operator_manado_client.post(url_impor(manado), {"terapkan": "1", "token": token})
        assert again.status_code == 302
        assert "Pratinjau kedaluwarsa" in str(list(get_messages(again.wsgi_request))[-1])

    def test_a_file_with_errors_lists_them_and_offers_nothing_to_apply(
        self, operator_manado_client, manado
    ):
        isi = templat_dengan(manado, {"6042.EBA.958.051": "banyak", "6042.EBA.994": 1})
        response = unggah(operator_manado_client, manado, isi)
        html = response.content.decode()
        assert "Berkas tidak dapat diimpor: 2 kesalahan" in html
        assert "pagu bukan angka: &#x27;banyak&#x27;" in html
        assert "Terapkan semua perubahan" not in html
        assert response.context["token"] is None
        assert pagu_leaf(manado, "6042.EBA.958.051") == 4_550_000

    def test_no_file_or_not_a_workbook_keeps_the_form_with_a_reason(
        self, operator_manado_client, manado
    ):
        response = operator_manado_client.post(url_impor(manado), {})
        assert "Pilih berkas Excel yang akan diunggah." in response.content.decode()
        response = unggah(operator_manado_client, manado, b"%PDF-1.4 bukan excel")
        assert "Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca." in (
            response.content.decode()
        )

    def test_a_change_made_after_the_preview_is_not_overwritten_silently(
        self, operator_manado_client, manado
    ):
        response = unggah(
            operator_manado_client, manado, templat_dengan(manado, {"6042.EBA.958.051": 5_000_000})
        )
        token = response.context["token"]
        # Meanwhile someone else changes another leaf; the file would now revert it.
        item = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap="6042.EBA.962.051")
        item.pagu = 13_000_000
        item.save()
        response = operator_manado_client.post(url_impor(manado), {"terapkan": "1", "token": token})
        assert response.status_code == 200
        assert "Data anggaran berubah sejak pratinjau dibuat" in response.content.decode()
        assert pagu_leaf(manado, "6042.EBA.958.051") == 4_550_000
        assert pagu_leaf(manado, "6042.EBA.962.051") == 13_000_000
        # The new preview shows both changes and can be applied.
        kunci = {p.kunci for p in response.context["rencana"].perubahan}
        assert kunci == {"6042.EBA.958.051", "6042.EBA.962.051"}

    def test_reviewer_may_not_import_and_other_satker_is_not_found(
        self, reviewer_client, manado, client
    ):
        assert reviewer_client.get(url_impor(manado)).status_code == 403
        client.force_login(Pengguna.objects.get(username="operator.pekanbaru"))
        assert client.get(url_impor(manado)).status_code == 404
        assert client.get(url_impor(manado, "gaji")).status_code == 404
