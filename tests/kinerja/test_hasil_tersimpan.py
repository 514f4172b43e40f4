"""The stored figures (kinerja/hasil.py): equal to a fresh computation for every demo line,
read by the pages and the API, and changed in the same request as their inputs on every
path that writes an input: the quarter page, the Rencana Aksi page, the PK revision, the
supporting-data tables, the budget import, the admin (a change form, a bulk delete, the
manual), a plain ORM save, the demo loader and manage.py hitung_ulang. Expected values are
worked by hand from the source reports' figures (see each comment)."""

from __future__ import annotations

import datetime
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja import hasil, siklus
from kinerja.models import (
    HasilPerhitungan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    PenerimaanPnbp,
    RealisasiTriwulan,
    RingkasanAnggaran,
    TargetRenstra,
)
from kinerja.models.hasil import SETAHUN
from kinerja.perhitungan.serial import baris_dari_dict
from kinerja.selectors.capaian import hitung_capaian, hitung_segar
from satker.models import Pengguna, Satker
from tests.conftest import MANADO, PEKANBARU
from tests.halaman import baca, tabel
from tests.masuk import masuk as masuk_dua_faktor

pytestmark = pytest.mark.django_db


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def masuk(username: str) -> Client:
    client = Client()
    masuk_dua_faktor(client, pengguna(username))
    return client


def baris(kode_satker: str, kode: str) -> IndikatorPerjanjian:
    """The demo PK 2023 line `kode` ("III.2") of the satker."""
    sasaran, nomor = kode.split(".")
    romawi = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"].index(sasaran) + 1
    return IndikatorPerjanjian.objects.select_related("sasaran__perjanjian", "indikator").get(
        sasaran__perjanjian__satker__kode=kode_satker,
        sasaran__perjanjian__tahun=2023,
        sasaran__nomor=romawi,
        nomor=int(nomor),
    )


def tersimpan(line: IndikatorPerjanjian, triwulan: int | None) -> HasilPerhitungan:
    return HasilPerhitungan.objects.get(indikator=line, triwulan=triwulan or SETAHUN)


def buka(triwulan: int = 2):
    return siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=triwulan,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )  # fmt: skip


# --- what is stored -------------------------------------------------------------------------


def test_the_stored_figures_equal_a_fresh_computation_for_every_demo_line(demo):
    lines = list(
        IndikatorPerjanjian.objects.select_related("sasaran__perjanjian__satker", "indikator")
    )
    # Manado's PK 2023 has 13 lines (PP-39 Tabel 1), Pekanbaru's 12 (LAKIP Tabel 2).
    assert len(lines) == 25
    for tw in (1, 2, 3, 4, None):
        segar = hitung_segar(lines, tw)
        rows = {
            r.indikator_id: r
            for r in HasilPerhitungan.objects.filter(triwulan=tw or SETAHUN, tahun=2023)
        }
        assert set(rows) == {line.pk for line in lines}, tw
        for line, h in zip(lines, segar, strict=True):
            row = rows[line.pk]
            assert baris_dari_dict(row.data) == h, (line.kode, tw)
            # The columns the dashboards aggregate say what the figures say.
            assert (row.realisasi, row.capaian, row.status) == (
                h.realisasi.nilai, h.capaian.nilai, h.status.value,
            ), (line.kode, tw)  # fmt: skip
            assert row.kode_pedoman == line.indikator.kode
            assert row.satker_id == line.sasaran.perjanjian.satker_id


def test_a_stored_figure_reads_back_with_its_digits_and_working(demo):
    # Pekanbaru III.2 for the year: PNBP service fees rose from 120.047.000 (2022) to
    # 556.782.250 (2023): (556.782.250 − 120.047.000) / 120.047.000 × 100 = 363,80%,
    # against a 5% target 7.276,00%.
    row = tersimpan(baris(PEKANBARU, "III.2"), None)
    assert (row.realisasi, row.capaian) == (D("363.80"), D("7276.00"))
    h = baris_dari_dict(row.data)
    assert h.realisasi.tampil == "363,80"
    assert h.realisasi.rumus == "(556.782.250 − 120.047.000) / 120.047.000 × 100% = 363,80%"
    assert h.capaian.rumus == "363,80 / 5 × 100% = 7.276,00%"


def test_pages_and_the_api_read_the_stored_figures(demo, reviewer_client, manado):
    """A stored figure altered behind the application's back shows: nothing recomputes
    the line on the way to the page or the API."""
    line = baris(MANADO, "III.3")
    row = tersimpan(line, 2)
    data = row.data
    data["capaian"]["nilai"] = "12.34"
    HasilPerhitungan.objects.filter(pk=row.pk).update(data=data)
    page = baca(reviewer_client.get(reverse("satker-detail", args=[manado.pk]), {"triwulan": 2}))
    assert tabel(page, kelas="pk-table").sel("III.3", "Kinerja s.d. TW II / Capaian") == "12,34%"
    api = reviewer_client.get("/api/v1/capaian/", {"satker": MANADO, "tahun": 2023, "triwulan": 2})
    [item] = [i for i in api.json()["results"] if i["indikator_kode"] == "III.3"]
    assert item["capaian"] == "12.34"


def test_hitung_ulang_restores_every_figure_and_prints_its_progress(demo):
    line = baris(MANADO, "III.3")
    HasilPerhitungan.objects.filter(indikator=line).delete()
    RingkasanAnggaran.objects.all().delete()
    out = StringIO()
    call_command("hitung_ulang", stdout=out)
    # 25 lines × (4 quarters + the year) + 2 satker × 4 quarters of budget.
    assert HasilPerhitungan.objects.count() == 125
    assert RingkasanAnggaran.objects.count() == 8
    # Manado III.3 in TW II: 426 SPK/Order of 750, 426 / 750 × 100 = 56,80%.
    assert tersimpan(line, 2).capaian == D("56.80")
    teks = out.getvalue()
    assert "Menghitung ulang: 4/4 satker-tahun (100%)" in teks
    assert "Selesai: 133 baris hasil perhitungan disimpan" in teks


def test_figures_stored_under_other_settings_are_not_read(demo, settings):
    """A stored figure carries the settings it was computed with: after a change (one
    decimal, truncated) the pages compute afresh until hitung_ulang stores them again."""
    line = baris(PEKANBARU, "III.3")
    settings.KINERJA = {**settings.KINERJA, "PEMBULATAN": "ROUND_DOWN", "DESIMAL": 1}
    # (255 − 165) / 165 × 100 = 54,5454…: truncated to one decimal 54,5; 54,5 / 5 × 100 = 1.090,0.
    [h] = hitung_capaian([line], None)
    assert (h.realisasi.nilai, h.capaian.nilai) == (D("54.5"), D("1090.0"))
    assert tersimpan(line, None).realisasi == D("54.55")  # still the old settings' row
    call_command("hitung_ulang", stdout=StringIO())
    assert tersimpan(line, None).realisasi == D("54.5")


def test_the_budget_summary_of_each_quarter(demo):
    ringkasan = RingkasanAnggaran.objects.get(satker__kode=MANADO, tahun=2023, triwulan=2)
    # Manado's DIPA after revisi 02: Rp 12.207.073.000; realised to 30 June, as SAKTI
    # reports it (Bab IV point 3), 5.215.824.466; planned 5.399.561.406 (Form A,
    # test_anggaran_demo). 5.215.824.466 / 12.207.073.000 × 100 = 42,7279 → 42,73;
    # 5.399.561.406 / 12.207.073.000 × 100 = 44,2331 → 44,23.
    assert (ringkasan.pagu, ringkasan.realisasi_rp, ringkasan.rencana_rp) == (
        12_207_073_000, 5_215_824_466, 5_399_561_406,
    )  # fmt: skip
    assert ringkasan.realisasi_dilaporkan == 5_215_824_466
    # Quarter I has no reported amount: its rupiah, rebuilt from the KROs' percentages
    # (103.978.683 + 1.808.594.287 = 1.912.572.970), adds up across satker but is not printed.
    tw1 = RingkasanAnggaran.objects.get(satker__kode=MANADO, tahun=2023, triwulan=1)
    assert (tw1.realisasi_rp, tw1.realisasi_dilaporkan) == (1_912_572_970, None)
    assert (ringkasan.persen_realisasi, ringkasan.persen_rencana) == (D("42.73"), D("44.23"))


# --- every path that writes an input ---------------------------------------------------------


def test_a_quarter_page_save_refreshes_the_line_in_the_same_request(manado):
    buka()
    client = masuk("operator.manado")
    line = baris(MANADO, "I.1")
    # Before: realisasi antara 50 of a target antara 50, 50 / 50 × 100 = 100,00%.
    assert (tersimpan(line, 2).capaian_antara, tersimpan(line, 2).status) == (
        D("100.00"), "tercapai",
    )  # fmt: skip
    page = client.get(reverse("entri-triwulan", args=[manado.pk, 2023, 2]))
    form = next(k["form"] for k in page.context["kartu"] if k["line"].pk == line.pk)
    url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])
    response = client.post(
        url, {f"l{line.pk}-realisasi_antara": "45,5", f"l{line.pk}-tanda": form.initial["tanda"]}
    )
    assert response.status_code == 302
    # After: 45,5 / 50 × 100 = 91,00%, between 75 and 100: perlu perhatian.
    row = tersimpan(line, 2)
    assert (row.capaian_antara, row.status) == (D("91.00"), "perlu_perhatian")
    assert tersimpan(line, 1).capaian_antara is None  # TW I was not measured


def test_a_supporting_data_save_refreshes_the_growth_it_feeds(pekanbaru):
    client = masuk("operator.pekanbaru")
    url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pnbp"])
    page = client.get(url)
    formset = page.context["formset"]
    n = formset.initial_form_count()
    data = {"d-TOTAL_FORMS": str(n), "d-INITIAL_FORMS": str(n), "d-MIN_NUM_FORMS": "0",
            "d-MAX_NUM_FORMS": "1000", "tanda": page.context["tanda"]}  # fmt: skip
    for i, f in enumerate(formset.forms[:n]):
        data[f"d-{i}-id"] = str(f.instance.pk)
        for name in ("tanggal_posisi", "jenis", "jumlah"):
            data[f"d-{i}-{name}"] = str(f.initial[name])
        if f.instance.jenis == "pengujian" and f.instance.tanggal_posisi.year == 2023:
            # The 2023 testing fees 199.172.250 corrected to 209.172.250.
            assert f.instance.jumlah == 199_172_250
            data[f"d-{i}-jumlah"] = "209172250"
    assert client.post(url, data).status_code == 302
    # Service fees 2023: 556.782.250 + 10.000.000 = 566.782.250;
    # (566.782.250 − 120.047.000) / 120.047.000 × 100 = 372,1336 → 372,13; / 5 → 7.442,60%.
    row = tersimpan(baris(PEKANBARU, "III.2"), None)
    assert (row.realisasi, row.capaian) == (D("372.13"), D("7442.60"))


def test_a_rencana_aksi_save_refreshes_the_progress(manado):
    client = masuk("operator.manado")
    url = reverse("entri-rencana-aksi", args=[manado.pk, 2023])
    page = client.get(url)
    data = {"tanda": page.context["tanda"]}
    for b in page.context["baris"]:
        for s in b["sel"]:
            data[f"t{b['line'].pk}-{s['tw']}"] = s["target_teks"]
            data[f"k{b['line'].pk}-{s['tw']}"] = s["kegiatan"]
    line = baris(MANADO, "I.1")
    data[f"t{line.pk}-2"] = "40"  # TW II's target antara 50 → 40
    assert client.post(url, data).status_code == 302
    # Realisasi antara 50 against 40: 50 / 40 × 100 = 125,00%.
    assert tersimpan(line, 2).capaian_antara == D("125.00")


def test_a_pk_revision_refreshes_the_capaian(pekanbaru):
    client = masuk("operator.pekanbaru")
    url = reverse("entri-pk", args=[pekanbaru.pk, 2023])
    lines = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=pekanbaru, sasaran__perjanjian__tahun=2023
    )
    line = baris(PEKANBARU, "I.1")
    data = {f"t{x.pk}": str(x.target).replace(".", ",") for x in lines}
    data |= {f"t{line.pk}": "11", "alasan": "Revisi", "tanda": client.get(url).context["tanda"]}
    assert client.post(url, data).status_code == 302
    # Productivity 25,00% (500 against 400) against the revised target 11:
    # 25,00 / 11 × 100 = 227,27% (was 250,00% against 10).
    assert tersimpan(line, None).capaian == D("227.27")


def test_a_budget_import_refreshes_the_budget_summary(manado):
    from kinerja import services
    from kinerja.impor import anggaran as ia
    from tests.kinerja.test_impor_anggaran import HEADER_ROW, kolom, simpan, workbook

    wb = workbook(ia.templat(ia.REALISASI, manado, 2023))
    ws = wb["Realisasi"]
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == "6077.BAD" and ws.cell(row=row, column=2).value == 3:
            ws.cell(row=row, column=kolom(ia.REALISASI, "realisasi_keuangan"), value="18,50")
            ws.cell(row=row, column=kolom(ia.REALISASI, "realisasi_keuangan_rp")).value = None
    rencana = ia.baca(ia.REALISASI, simpan(wb), manado, 2023)
    services.anggaran_impor(
        user=pengguna("operator.manado"), satker=manado, tahun=2023, rencana=rencana
    )
    # 6077.BAD to March: 548.888.000 × 18,63% = 102.257.834,4 → 102.257.834 before,
    # × 18,50% = 101.544.280 after; the DIPA's 1.912.572.970 − 102.257.834 + 101.544.280 =
    # 1.911.859.416.
    ringkasan = RingkasanAnggaran.objects.get(satker=manado, tahun=2023, triwulan=1)
    assert ringkasan.realisasi_rp == 1_911_859_416
    # To June the treasury's reported amount stays the realisation, whatever a KRO reports.
    juni = RingkasanAnggaran.objects.get(satker=manado, tahun=2023, triwulan=2)
    assert juni.realisasi_rp == 5_215_824_466


def _kirim_formulir_admin(client: Client, url: str, ubah: dict[str, str]):
    """Post an admin change form as the browser would: every control as the page shows it,
    with `ubah` changed."""
    page = baca(client.get(url))
    form = page.satu("form", id=next(
        f.attrs["id"] for f in page.semua("form") if f.attrs.get("id", "").endswith("_form")
    ))  # fmt: skip
    data: dict[str, str] = {}
    for e in form.semua():
        nama = e.attrs.get("name")
        if not nama or e.tag not in ("input", "select", "textarea"):
            continue
        if e.tag == "select":
            pilih = [
                o.attrs.get("value", o.teks) for o in e.semua("option") if "selected" in o.attrs
            ]
            if pilih:
                data[nama] = pilih[0]
        elif e.tag == "textarea":
            data[nama] = e.teks
        elif e.attrs.get("type") in ("checkbox", "radio"):
            if "checked" in e.attrs:
                data[nama] = e.attrs.get("value", "on")
        elif e.attrs.get("type") not in ("submit", "button", "file"):
            data[nama] = e.attrs.get("value", "")
    return client.post(url, data | ubah)


def test_an_admin_change_refreshes_the_line(admin_client_demo):
    line = baris(MANADO, "III.5")
    r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
    url = reverse("admin:kinerja_realisasitriwulan_change", args=[r.pk])
    response = _kirim_formulir_admin(admin_client_demo, url, {"nilai_realisasi": "43"})
    assert response.status_code == 302, response.content.decode()[:2000]
    # PDN share reported 95,62 → 43 against a target 43: 43 / 43 × 100 = 100,00%.
    assert tersimpan(line, 2).capaian == D("100.00")


def test_an_admin_bulk_delete_refreshes_the_line(admin_client_demo):
    line = baris(MANADO, "III.5")
    r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
    url = reverse("admin:kinerja_realisasitriwulan_changelist")
    response = admin_client_demo.post(
        url, {"action": "delete_selected", "_selected_action": [r.pk], "post": "yes"}
    )
    assert response.status_code == 302
    # Without its measurement the line has neither realisasi nor progress in TW II.
    row = tersimpan(line, 2)
    assert (row.realisasi, row.capaian, row.status) == (None, None, "tidak_dapat_dinilai")


def test_the_admin_cannot_change_a_definition_behind_the_versions_back(admin_client_demo):
    """The definition changes through a version (tests/kinerja/test_pedoman_versi.py): in the
    admin its fields are read only, so a posted classification changes nothing."""
    line = baris(PEKANBARU, "VIII.2")
    manual = line.indikator
    url = reverse("admin:kinerja_indikatorkinerja_change", args=[manual.pk])
    response = _kirim_formulir_admin(admin_client_demo, url, {"klasifikasi": "minimasi"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert IndikatorKinerja.objects.get(pk=manual.pk).klasifikasi == "maksimasi"
    assert set(manual.versi.values_list("klasifikasi", flat=True)) == {"maksimasi"}
    # The financial-report score 90,75 against 90, still maksimasi: 90,75 / 90 × 100 = 100,83.
    assert tersimpan(line, None).capaian == D("100.83")


def test_an_orm_save_outside_any_page_refreshes_at_once(demo):
    """A shell or a script: the Renstra target of 2023 for the financial-report score set
    to the PK's 90, and the flag that they differ goes."""
    line = baris(PEKANBARU, "VIII.2")
    flag = "Target PK (90) berbeda dengan target Renstra tahun 2023 (92)."
    assert flag in tersimpan(line, None).data["catatan"]
    target = TargetRenstra.objects.get(indikator=line.indikator_renstra, tahun=2023)
    target.target = D("90")
    target.save()
    assert flag not in tersimpan(line, None).data["catatan"]


def test_a_block_refreshes_once_at_its_end_and_a_failed_one_changes_nothing(demo):
    line = baris(MANADO, "III.5")
    r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
    with hasil.menyegarkan():
        r.nilai_realisasi = D("43")
        r.save()
        # Inside the block the stored row is not yet refreshed, but what is read is fresh.
        assert tersimpan(line, 2).capaian == D("222.37")  # 95,62 / 43 × 100
        [h] = hitung_capaian([line], 2)
        assert h.capaian.nilai == D("100.00")
    assert tersimpan(line, 2).capaian == D("100.00")
    with pytest.raises(RuntimeError), hasil.menyegarkan():
        r.nilai_realisasi = D("21.5")
        r.save()
        raise RuntimeError("gagal di tengah jalan")
    assert tersimpan(line, 2).capaian == D("100.00")  # not 50,00: rolled back with the input


def test_a_receipt_of_the_previous_year_refreshes_the_growth_of_the_next(pekanbaru):
    pengujian = PenerimaanPnbp.objects.get(
        satker=pekanbaru, jenis="pengujian", tanggal_posisi=datetime.date(2022, 12, 31)
    )
    pengujian.jumlah = 119_563_000  # was 109.563.000
    pengujian.save()
    # A = 120.047.000 + 10.000.000 = 130.047.000;
    # (556.782.250 − 130.047.000) / 130.047.000 × 100 = 328,1392 → 328,14.
    assert tersimpan(baris(PEKANBARU, "III.2"), None).realisasi == D("328.14")


def test_a_receipt_moved_to_another_year_refreshes_the_year_it_left(pekanbaru):
    sertifikasi = PenerimaanPnbp.objects.get(
        satker=pekanbaru, jenis="sertifikasi", tanggal_posisi=datetime.date(2023, 12, 31)
    )
    assert sertifikasi.jumlah == 78_550_000
    sertifikasi.tanggal_posisi = datetime.date(2024, 12, 31)
    sertifikasi.save()
    # B = 556.782.250 − 78.550.000 = 478.232.250;
    # (478.232.250 − 120.047.000) / 120.047.000 × 100 = 298,3708 → 298,37.
    assert tersimpan(baris(PEKANBARU, "III.2"), None).realisasi == D("298.37")


def test_the_demo_loader_stores_the_figures_of_what_it_loads(demo):
    Satker.objects.filter(kode=MANADO).update(catatan="diubah")  # the loader will restore it
    HasilPerhitungan.objects.filter(satker__kode=MANADO).delete()
    from kinerja.demo_data import load_demo_data

    load_demo_data()
    assert HasilPerhitungan.objects.filter(satker__kode=MANADO).count() == 13 * 5


def test_a_simulated_year_is_stored_as_computed(demo):
    """buat_simulasi writes in bulk (no signal): it refreshes what it wrote itself."""
    from kinerja.simulasi import buat_simulasi

    hasil = buat_simulasi(jumlah_satker=26, tahun=2023, seed=3)
    ids = [s for s, _ in hasil.dibuat]
    lines = list(
        IndikatorPerjanjian.objects.filter(sasaran__perjanjian__satker_id__in=ids).select_related(
            "sasaran__perjanjian__satker", "indikator"
        )
    )
    assert len(ids) == 24 and len(lines) > 24 * 10
    for tw in (2, None):
        rows = {
            r.indikator_id: r.data
            for r in HasilPerhitungan.objects.filter(satker_id__in=ids, triwulan=tw or SETAHUN)
        }
        for line, h in zip(lines, hitung_segar(lines, tw), strict=True):
            assert baris_dari_dict(rows[line.pk]) == h, (line.pk, tw)
    assert RingkasanAnggaran.objects.filter(satker_id__in=ids, triwulan=4).count() == 24
