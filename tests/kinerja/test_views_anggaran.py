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

from kinerja.impor import anggaran as ia
from kinerja.models import ItemAnggaran
from satker.models import Pengguna
from tests.conftest import MANADO
from tests.halaman import baca, pesan, tabel

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


def statistik(page) -> dict[str, str]:
    """The figures at the top of the budget page, by their label."""
    return {
        s.satu("span", kelas="stat-label").teks: s.satu("span", kelas="stat-value").teks
        for s in page.semua("div", kelas="stat")
    }


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
        page = baca(response)
        # The DIPA after revision 02 (Rp 12.207.073.000), rolled up from the leaves; realised
        # s.d. TW II (test_anggaran_demo); absorbed 5.215.824.466 / 12.207.073.000 = 42,73%.
        angka = statistik(page)
        assert (angka["Pagu"], angka["Realisasi s.d. TW II"], angka["Penyerapan"]) == (
            "Rp 12.207.073.000", "Rp 5.215.824.466", "42,73%",
        )  # fmt: skip
        struktur = tabel(page, "Struktur RKA-K/L, realisasi keuangan dan fisik")
        # Two programmes share it: EC (kegiatan 6077, 936.441.000) and WA, the rest.
        assert struktur.sel("EC", "Pagu (Rp)") == "Rp 936.441.000"
        assert struktur.sel("WA", "Pagu (Rp)") == "Rp 11.270.632.000"
        dipa = tabel(page, "DIPA dan revisinya")
        assert dipa.kolom_baris("DIPA awal")["Uraian"] == "SP DIPA-019.07.2.247246/2023"
        # Revision 02 moved the DAPATI programme's money in: 12.100.188.000 → 12.207.073.000.
        revisi_2 = dipa.kolom_baris("pengalihan program DAPATI")
        assert (revisi_2["Revisi"], revisi_2["Pagu semula"], revisi_2["Pagu menjadi"]) == (
            "2", "Rp 12.100.188.000", "Rp 12.207.073.000",
        )  # fmt: skip
        unggah_struktur = page.berteks("a", "Unggah struktur")
        assert unggah_struktur.attrs["href"] == url_impor(manado)
        # Deviation from the plan, TW I 3,73% (test_anggaran_demo): |1.986.734.519 −
        # 1.912.572.970| / 1.986.734.519; that realisation was reported in percent only, so its
        # rupiah is shown as rebuilt.
        assert [p.label for p in response.context["deviasi"].periode] == ["TW I", "TW II"]
        deviasi = tabel(page, "Penyerapan terhadap rencana (Halaman III DIPA)")
        assert deviasi.kolom_baris("TW I") == {
            "Periode": "TW I",
            "Rencana (Rp)": "Rp 1.986.734.519",
            "Realisasi (Rp)": "≈ Rp 1.912.572.970",
            "Deviasi": "3,73%",
        }

    def test_pekanbaru_page_has_the_efficiency_table_and_pnbp(self, reviewer_client, pekanbaru):
        response = reviewer_client.get(halaman(pekanbaru), {"tahun": 2023, "triwulan": 4})
        page = baca(response)
        assert response.context["efisiensi_rata"].nilai is not None
        efisiensi = tabel(page, "Efisiensi anggaran per indikator kinerja")
        assert efisiensi.sel("III.2", "Efisiensi") == "98,63%"  # test_anggaran_demo
        # PNBP 2023: all receipts 616.640.854 against the DIPA target 250.000.000 = 246,66%;
        # the service fees alone 556.782.250 = 222,71%.
        pnbp = tabel(page, "PNBP terhadap target")
        assert pnbp.kolom_baris("2023") == {
            "Tahun": "2023",
            "Target (Rp)": "Rp 250.000.000",
            "Layanan jasa (Rp)": "Rp 556.782.250",
            "Seluruh penerimaan (Rp)": "Rp 616.640.854",
            "%": "246,66",
        }
        assert pnbp.cari_baris("2023")[3].teks == "222,71"  # the first "%" column
        # The year: 7.680.058.359 of the final pagu 7.680.590.000 (revision 16) = 99,99%.
        angka = statistik(page)
        assert angka["Realisasi s.d. TW IV"] == "Rp 7.680.058.359"
        assert (angka["Pagu"], angka["Penyerapan"]) == ("Rp 7.680.590.000", "99,99%")

    def test_reviewer_reads_but_gets_no_import_actions(self, reviewer_client, manado):
        html = reviewer_client.get(halaman(manado)).content.decode()
        assert url_impor(manado) not in html

    def test_another_satkers_budget_is_not_found(self, operator_manado_client, pekanbaru):
        assert operator_manado_client.get(halaman(pekanbaru)).status_code == 404

    def test_nonsense_parameters_fall_back_to_defaults(self, operator_manado_client, manado):
        response = operator_manado_client.get(halaman(manado), {"tahun": "x", "triwulan": "9"})
        assert response.status_code == 200
        assert (response.context["tahun"], response.context["triwulan"]) == (2023, 2)
        page = baca(response)
        assert page.satu("h1").teks == "Anggaran BSPJI Manado TA 2023"
        assert statistik(page)["Realisasi s.d. TW II"] == "Rp 5.215.824.466"


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
        page = baca(response)
        pratinjau = tabel(page, "Pratinjau perubahan")
        assert [pratinjau.kolom_baris(r[1].teks) for r in pratinjau.baris] == [
            {"Perubahan": "berubah", "Kode": "6042.EBA.958.051", "Kolom": "Pagu (Rp)",
             "Lama": "Rp 4.550.000", "Baru": "Rp 5.000.000"},
        ]  # fmt: skip
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
        page = baca(response)
        galat = page.satu("section", kelas="error-card")
        assert galat.satu("h2").teks == "Berkas tidak dapat diimpor: 2 kesalahan"
        pesan = [li.teks for li in galat.satu("ul", kelas="errors").semua("li")]
        assert len(pesan) == 2
        assert pesan[0].endswith(": pagu bukan angka: 'banyak'")
        assert pesan[1].endswith(
            ": pagu hanya diisi pada rincian terbawah; 6042.EBA.994 memiliki rincian"
        )
        assert [b.teks for b in page.semua("button") if b.attrs.get("name") == "terapkan"] == []
        assert response.context["token"] is None
        assert pagu_leaf(manado, "6042.EBA.958.051") == 4_550_000

    def test_no_file_or_not_a_workbook_keeps_the_form_with_a_reason(
        self, operator_manado_client, manado
    ):
        response = operator_manado_client.post(url_impor(manado), {})
        galat = [d.teks for d in baca(response).semua("div", kelas="field-error")]
        assert galat == ["Pilih berkas Excel yang akan diunggah."]
        response = unggah(operator_manado_client, manado, b"%PDF-1.4 bukan excel")
        galat = [d.teks for d in baca(response).semua("div", kelas="field-error")]
        assert galat == ["Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca."]

    def test_a_change_made_after_the_preview_is_not_overwritten_silently(
        self, operator_manado_client, manado
    ):
        response = unggah(
            operator_manado_client, manado, templat_dengan(manado, {"6042.EBA.958.051": 5_000_000})
        )
        token = response.context["token"]
        # Meanwhile someone else changes another leaf; the file would now revert it.
        item = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap="6042.EBA.962.051")
        di_berkas = item.pagu
        item.pagu = 13_000_000
        item.save()
        response = operator_manado_client.post(url_impor(manado), {"terapkan": "1", "token": token})
        assert response.status_code == 200
        page = baca(response)
        assert any(
            p.startswith("Data anggaran berubah sejak pratinjau dibuat") for p in pesan(page)
        ), pesan(page)
        assert pagu_leaf(manado, "6042.EBA.958.051") == 4_550_000
        assert pagu_leaf(manado, "6042.EBA.962.051") == 13_000_000
        # The refreshed preview says what applying would now do to the colleague's change.
        pratinjau = tabel(page, "Pratinjau perubahan")
        assert pratinjau.kolom_baris("6042.EBA.962.051")["Lama"] == "Rp 13.000.000"
        assert pratinjau.kolom_baris("6042.EBA.962.051")["Baru"] == (
            "Rp " + f"{di_berkas:,}".replace(",", ".")
        )
        assert pratinjau.kolom_baris("6042.EBA.958.051")["Baru"] == "Rp 5.000.000"
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
