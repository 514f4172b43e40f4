"""The dashboards: the secretariat's view of every balai (ranking, heat map, submission board,
budget, trends, Excel), a satker's own dashboard (what to do now, indicator cards with their
forecast, budget), the home page that sends each role to theirs, and GET /api/v1/ringkasan/.
Figures are worked by hand from the source reports (see each comment)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja import siklus
from kinerja.models import IndikatorPerjanjian
from satker.models import Pengguna, Satker
from tests.api import kolom
from tests.conftest import MANADO, PEKANBARU
from tests.halaman import baca, tabel
from tests.masuk import masuk as masuk_dua_faktor

pytestmark = pytest.mark.django_db

URL = "/dasbor/"


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def masuk(username: str) -> Client:
    client = Client()
    masuk_dua_faktor(client, pengguna(username))
    return client


def buka_tw2(hari: int):
    """Quarter II 2023 open, its deadline `hari` days from today (negative: past)."""
    return siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=hari),
    )  # fmt: skip


def line(kode_satker: str, sasaran: int, nomor: int) -> IndikatorPerjanjian:
    return IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker__kode=kode_satker, sasaran__perjanjian__tahun=2023,
        sasaran__nomor=sasaran, nomor=nomor,
    )  # fmt: skip


# --- the home page --------------------------------------------------------------------------


def test_each_role_lands_on_its_own_dashboard(client, manado):
    assert client.get("/").url.startswith(reverse("login"))
    assert masuk("reviewer").get("/").url == URL
    assert masuk("operator.manado").get("/").url == f"/satker/{manado.pk}/dasbor/"
    assert masuk("kepala.manado").get("/").url == f"/satker/{manado.pk}/dasbor/"


def test_the_secretariats_dashboard_is_refused_to_satker_staff(manado, pekanbaru):
    operator = masuk("operator.manado")
    assert operator.get(URL).status_code == 403
    assert operator.get(f"/satker/{pekanbaru.pk}/dasbor/").status_code == 404
    assert operator.get(f"/satker/{manado.pk}/dasbor/").status_code == 200


# --- the secretariat's dashboard ------------------------------------------------------------


def test_every_balai_side_by_side_with_the_real_figures(demo):
    page = baca(masuk("reviewer").get(URL, {"tahun": 2023, "triwulan": 2}))
    peringkat = tabel(page, id="tabel-peringkat")
    # The 24 units of LAKIP Tabel 27, each once.
    assert len(peringkat.baris) == 24
    satker = [s.split(" ")[0] for s in peringkat.isi_kolom("Satker")]
    assert "BBSPJIKFK" in satker and len(set(peringkat.isi_kolom("Satker"))) == 24
    manado = peringkat.kolom_baris("BSPJI Manado Balai (BSPJI) · Sulawesi Utara")
    # Manado TW II (PP-39 Tabel 5): 12 of 13 lines reached their target antara, VIII.2
    # (30 of 60) did not: 12 / 13 × 100 = 92,31%.
    assert manado["Indikator PK"] == "13"
    assert manado["Tercapai"] == "92,31% (12)"
    # Budget to June: 5.215.824.466 of 12.207.073.000 = 42,73%.
    assert manado["Realisasi anggaran"] == "42,73%"
    # SAKIP (Tabel 27): 23,70 + 23,10 + 12,00 + 18,00 = 76,80, BB.
    assert manado["Nilai SAKIP"] == "76,80 BB"
    pekanbaru = peringkat.kolom_baris("BSPJI Pekanbaru Balai (BSPJI) · Riau")
    assert pekanbaru["Tercapai"] == "100,00% (12)"  # every TW II progress at its target antara
    aceh = peringkat.kolom_baris("BSPJI Aceh Balai (BSPJI) · Aceh")
    assert (aceh["Indikator PK"], aceh["Tercapai"]) == ("belum ada PK", "–")
    assert aceh["Nilai SAKIP"] == "77,55 BB"  # 24,30 + 23,70 + 11,55 + 18,00


def test_the_ranking_sorts_by_sakip_with_the_real_scores(demo):
    page = baca(masuk("reviewer").get(URL, {"tahun": 2023, "urut": "sakip"}))
    peringkat = tabel(page, id="tabel-peringkat")
    nilai = peringkat.isi_kolom("Nilai SAKIP")
    # Tabel 27: BBSPJIKFK 25,80 + 26,10 + 11,70 + 18,00 = 81,60 (A) first, BBSPJIBBT 79,95
    # second, BBSPJIKB 79,65 third; BSPJI Ambon 21,60 + 24,00 + 10,35 + 18,00 = 73,95 last.
    assert nilai[:3] == ["81,60 A", "79,95 BB", "79,65 BB"]
    assert nilai[-1] == "73,95 BB"
    assert peringkat.isi_kolom("Satker")[0].startswith("BBSPJIKFK")
    # BSPJI Padang's printed total 74,80 is a slip; its components sum to
    # 23,70 + 23,10 + 11,25 + 18,00 = 76,05.
    padang = dict(zip(peringkat.isi_kolom("Satker"), nilai, strict=True))
    assert padang["BSPJI Padang Balai (BSPJI) · Sumatera Barat"] == "76,05 BB"


def test_the_heat_map_cell_shows_the_progress_its_working_and_opens_the_line(demo, manado):
    page = baca(masuk("reviewer").get(URL, {"tahun": 2023, "triwulan": 2}))
    peta = tabel(page, id="peta-capaian")
    # Manado III.3 (LOKAL/SP3/a), TW II: realisasi antara 56,8 against a target antara of 50:
    # 56,8 / 50 × 100 = 113,60%; 426 / 750 SPK/Order × 100 = 56,80% of the year's target.
    sel = peta.elemen_sel(("BSPJI Manado",), "LOKAL/SP3/a")
    assert sel.teks == "113,60"
    assert "status-tercapai" in sel.kelas()
    tautan = sel.satu("a")
    iii3 = line(MANADO, 3, 3)
    assert tautan.attrs["href"] == (f"/satker/{manado.pk}/?tahun=2023&triwulan=2#baris-{iii3.pk}")
    assert tautan.attrs["title"] == (
        "Tercapai: 56,8 / 50 × 100% = 113,60% · 426 / 750 × 100% = 56,80%"
    )
    # VIII.2 (T4/SP9/b): 30 / 60 × 100 = 50,00%, below 75: not reached.
    viii2 = peta.elemen_sel(("BSPJI Manado",), "T4/SP9/b")
    assert (viii2.teks, "status-tidak_tercapai" in viii2.kelas()) == ("50,00", True)
    # A unit without a PK has an empty row.
    assert set(peta.kolom_baris(("BSPJI Aceh",)).values()) == {"BSPJI Aceh", ""}


def test_the_submission_board_counts_each_state_and_the_days_late(demo, manado):
    buka_tw2(-4)  # the deadline was four days ago
    lap = siklus.pelaporan(manado, 2023, 2)  # Manado has started a draft
    assert lap.status == "draf"
    page = baca(masuk("reviewer").get(URL, {"tahun": 2023, "triwulan": 2}))
    papan = tabel(page, id="papan-pelaporan")
    assert papan.sel(("BSPJI Manado",), "TW II").startswith("Draf batas ")
    assert papan.sel(("BSPJI Manado",), "TW II").endswith("terlambat 4 hari")
    assert papan.sel(("BSPJI Aceh",), "TW II").endswith("terlambat 4 hari")
    assert papan.sel(("BSPJI Aceh",), "TW III") == "Belum mulai"  # no period opened
    ringkas = [li.teks for li in page.satu("ul", kelas="status-hitung").semua("li")]
    assert ringkas == [
        "Belum mulai 23", "Draf 1", "Diajukan 0", "Dikembalikan untuk diperbaiki 0",
        "Diverifikasi 0",
    ]  # fmt: skip
    assert "24 terlambat" in page.satu("section", kelas="ringkas").teks


def test_the_budget_across_satker(demo):
    page = baca(masuk("reviewer").get(URL, {"tahun": 2023, "triwulan": 2}))
    anggaran = tabel(page, id="tabel-anggaran").kolom_baris(("BSPJI Manado",))
    # Manado to June: pagu 12.207.073.000 (DIPA revisi 02), realised 5.215.824.466 (42,73%),
    # planned 5.399.561.406 / 12.207.073.000 = 44,23%.
    assert anggaran["Pagu"] == "Rp 12.207.073.000"
    assert anggaran["Realisasi"] == "Rp 5.215.824.466"
    assert (anggaran["Realisasi (%)"], anggaran["Rencana (%)"]) == ("42,73%", "44,23%")


def test_filters_by_unit_type_and_province(demo):
    reviewer = masuk("reviewer")
    besar = tabel(baca(reviewer.get(URL, {"jenis": "balai_besar"})), id="tabel-peringkat")
    assert len(besar.baris) == 11  # 11 Balai Besar in the roster
    riau = tabel(baca(reviewer.get(URL, {"provinsi": "Riau"})), id="tabel-peringkat")
    assert [s.split(" Balai")[0] for s in riau.isi_kolom("Satker")] == ["BSPJI Pekanbaru"]
    # A bad value falls back to everything rather than an error page.
    semua = tabel(baca(reviewer.get(URL, {"jenis": "x", "triwulan": "9"})), id="tabel-peringkat")
    assert len(semua.baris) == 24


def test_the_trend_per_quarter_and_the_chart(demo):
    page = baca(masuk("reviewer").get(URL, {"tahun": 2023, "triwulan": 2}))
    tren = tabel(page, id="tabel-tren")
    # TW II over both real PKs: Manado 12 of 13 and Pekanbaru 12 of 12 reached:
    # 24 / 25 × 100 = 96,00%. Budget to June: (5.215.824.466 + Pekanbaru's) / pagu.
    assert tren.sel("TW II", "Indikator tercapai") == "96,00%"
    grafik = page.semua("svg", kelas="grafik")
    assert len(grafik) == 1
    assert [t.teks for t in grafik[0].semua("text")][-3:] == [
        "Indikator tercapai (%)", "Rencana penarikan (%)", "Realisasi anggaran (%)",
    ]  # fmt: skip


def test_every_table_exports_to_excel(demo):
    response = masuk("reviewer").get(URL, {"tahun": 2023, "triwulan": 2, "ekspor": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="dasbor-2023-tw2.xlsx"'
    wb = load_workbook(io.BytesIO(response.content))
    lembar = {ws.title.split(" ", 1)[-1]: ws for ws in wb.worksheets}
    assert {"Peringkat", "Peta capaian", "Pelaporan", "Anggaran", "Tren"} <= set(lembar)
    ws = lembar["Peringkat"]
    kepala = [c.value for c in ws[5]]
    [baris] = [r for r in ws.iter_rows(min_row=6, values_only=True) if r[1] == "BSPJI Manado"]
    manado = dict(zip(kepala, baris, strict=False))
    assert manado["Kode"] == MANADO
    assert (manado["Indikator PK"], manado["Tercapai"]) == (13, 12)
    assert float(manado["Indikator tercapai (%)"]) == pytest.approx(92.31)
    assert float(manado["Nilai SAKIP"]) == pytest.approx(76.80)
    assert len([r for r in ws.iter_rows(min_row=6, values_only=True) if r[1]]) == 24
    satu = masuk("reviewer").get(URL, {"ekspor": "xlsx", "tabel": "anggaran", "tahun": 2023})
    assert [ws.title for ws in load_workbook(io.BytesIO(satu.content)).worksheets] == [
        "Daftar Isi", "T1 Anggaran",
    ]  # fmt: skip


# --- a satker's dashboard -----------------------------------------------------------------


def test_what_to_do_now_with_the_deadline_and_what_is_missing(manado):
    buka_tw2(5)
    page = baca(masuk("operator.manado").get(f"/satker/{manado.pk}/dasbor/"))
    tugas = page.satu("section", id="tugas")
    kepala = tugas.satu("div", kelas="tugas-kepala").teks
    assert kepala.startswith("Laporan Triwulan II 2023 Belum mulai Batas waktu ")
    assert "5 hari lagi" in kepala
    # PP-39 Manado TW II: every line is measured and described but IV.1, whose activities
    # the source does not describe.
    assert [li.teks for li in tugas.satu("ul", kelas="kekurangan").semua("li")] == [
        "IV.1 realisasi kegiatan belum diuraikan."
    ]
    tombol = tugas.satu("a", kelas="button")
    assert (tombol.teks, tombol.attrs["href"]) == (
        "Isi laporan triwulan", f"/entri/satker/{manado.pk}/2023/tw2/",
    )  # fmt: skip


def test_a_returned_quarter_shows_the_reviewers_open_notes(manado):
    buka_tw2(5)
    iv1 = line(MANADO, 4, 1)
    r = iv1.realisasi.get(triwulan=2)
    r.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    r.save()
    lap = siklus.pelaporan(manado, 2023, 2)
    siklus.ajukan(user=pengguna("kepala.manado"), lap=lap)
    siklus.kembalikan(
        user=pengguna("reviewer"), lap=lap,
        catatan=[(None, "Lengkapi bukti."), (iv1, "Lampirkan notulen tindak lanjut.")],
    )  # fmt: skip
    page = baca(masuk("kepala.manado").get(f"/satker/{manado.pk}/dasbor/"))
    tugas = page.satu("section", id="tugas")
    assert "Dikembalikan untuk diperbaiki" in tugas.satu("div", kelas="tugas-kepala").teks
    catatan = [li.teks for li in tugas.satu("ul", kelas="catatan-reviu").semua("li")]
    assert catatan[-1].startswith("IV.1 Lampirkan notulen tindak lanjut.")


def test_indicator_cards_with_their_forecast(manado):
    page = baca(masuk("reviewer").get(f"/satker/{manado.pk}/dasbor/", {"triwulan": 2}))
    kartu = {a.satu("span", kelas="mono").teks: a for a in page.semua("article")}
    iii3 = kartu["III.3"]
    angka = {
        div.satu("dt").teks: div.satu("dd").teks
        for div in iii3.satu("dl", kelas="kartu-angka").semua("div")
    }
    assert angka == {
        "Target": "750 SPK/Order", "Realisasi": "426", "Capaian": "56,80%",
        "Capaian antara": "113,60%",
    }  # fmt: skip
    # 426 SPK/Order to June when the plan expected 50%: 426 × 100 / 50 = 852 by December,
    # 852 / 750 × 100 = 113,60%.
    prakiraan = iii3.satu("div", kelas="prakiraan").teks
    assert prakiraan.startswith("Prakiraan akhir tahun: 113,60% diprakirakan tercapai")
    assert "426 × 100 / 50 = 852,00; 852,00 / 750 × 100% = 113,60%" in prakiraan
    # VIII.2 has no realisasi yet; its progress 30 of 60 (50,00%) stands for the year.
    viii2 = kartu["VIII.2"].satu("div", kelas="prakiraan")
    assert "meleset" in viii2.kelas()
    assert viii2.teks.startswith("Prakiraan akhir tahun: 50,00% diprakirakan tidak tercapai")
    # The trend stops at the quarter shown.
    assert iii3.satu("svg").satu("title").teks == "Capaian III.3 per triwulan"


def test_the_satkers_budget_against_its_plan(manado):
    page = baca(masuk("operator.manado").get(f"/satker/{manado.pk}/dasbor/", {"triwulan": 2}))
    anggaran = page.satu("section", id="anggaran")
    angka = dict(
        zip(
            [dt.teks for dt in anggaran.semua("dt")],
            [dd.teks for dd in anggaran.semua("dd")],
            strict=True,
        )
    )
    assert angka["Pagu"] == "Rp 12.207.073.000"
    assert angka["Realisasi s.d. TW II"] == "Rp 5.215.824.466"
    assert (angka["Realisasi (%)"], angka["Rencana penarikan (%)"]) == ("42,73%", "44,23%")
    assert len(anggaran.semua("svg", kelas="grafik")) == 1


def test_a_simulated_satker_is_marked_on_its_pages(manado, reviewer_client):
    Satker.objects.filter(pk=manado.pk).update(simulasi=True)
    for url in (f"/satker/{manado.pk}/dasbor/", f"/satker/{manado.pk}/"):
        h1 = baca(reviewer_client.get(url)).satu("h1")
        assert h1.satu("span", kelas="simulasi").teks == "Data simulasi"
    peringkat = tabel(baca(reviewer_client.get(URL)), id="tabel-peringkat")
    assert "BSPJI Manado Data simulasi Balai (BSPJI) · Sulawesi Utara" in peringkat.isi_kolom(
        "Satker"
    )


# --- GET /api/v1/ringkasan/ -------------------------------------------------------------------


def test_the_api_gives_the_dashboards_rows(demo):
    client = masuk("reviewer")
    data = client.get("/api/v1/ringkasan/", {"tahun": 2023, "triwulan": 2}).json()
    assert data["count"] == 24
    [manado] = [x for x in data["results"] if x["satker"] == MANADO]
    satker_id = Satker.objects.get(kode=MANADO).pk
    assert manado == {
        "url": f"http://testserver/api/v1/ringkasan/{satker_id}/?tahun=2023&triwulan=2",
        "id": satker_id, "satker_url": f"http://testserver/api/v1/satker/{satker_id}/",
        "satker": MANADO, "nama": "Balai Standardisasi dan Pelayanan Jasa Industri Manado",
        "singkatan": "BSPJI Manado", "jenis": "balai", "provinsi": "Sulawesi Utara",
        "simulasi": False, "tahun": 2023, "triwulan": 2, "status_pelaporan": "belum_mulai",
        "batas_pelaporan": None, "hari_terlambat": 0, "jumlah_indikator": 13,
        "jumlah_tercapai": 12, "persen_tercapai": "92.31", "pagu": 12_207_073_000,
        "realisasi_anggaran": 5_215_824_466, "persen_realisasi_anggaran": "42.73",
        "persen_rencana_penarikan": "44.23", "deviasi_penarikan": manado["deviasi_penarikan"],
        "nilai_sakip": "76.80", "predikat_sakip": "BB",
        "prakiraan": {
            "jumlah_indikator_meleset": manado["prakiraan"]["jumlah_indikator_meleset"],
            "persen_penyerapan_akhir_tahun": None, "penyerapan_meleset": None,
        },
    }  # fmt: skip
    # Expected to miss at TW II: VIII.2 (progress 50,00%) and VIII.1 (76,80 of 80,4 =
    # 95,52%); III.3's 852 SPK/Order by December (113,60%) is on track.
    assert manado["prakiraan"]["jumlah_indikator_meleset"] == 2
    # The year, Manado: reached III.2 (668,25%), III.5, IV.1, V.1, VI.1 and VIII.2 (the
    # financial-report score 97,00 of Tabel 28, assessed in August, against 90); III.3
    # (56,80%) and VIII.1 (95,52%) short; five lines without a realisasi for the year are
    # not reached either: 6 / 13 × 100 = 46,15%.
    setahun = client.get("/api/v1/ringkasan/", {"tahun": 2023, "satker": MANADO}).json()
    assert setahun["results"][0]["persen_tercapai"] == "46.15"
    # The year: Pekanbaru's 12 lines all reached (LAKIP Tabel 2).
    tahun = client.get("/api/v1/ringkasan/", {"tahun": 2023, "satker": PEKANBARU}).json()
    [pekanbaru] = tahun["results"]
    assert (pekanbaru["triwulan"], pekanbaru["persen_tercapai"]) == (None, "100.00")


def test_the_api_is_scoped_and_answers_400_to_a_bad_period(demo):
    operator = masuk("operator.manado")
    data = operator.get("/api/v1/ringkasan/", {"tahun": 2023}).json()
    assert [x["satker"] for x in data["results"]] == [MANADO]
    assert kolom(operator.get("/api/v1/ringkasan/", {"tahun": 1800})) == {
        "tahun": ["Pastikan nilai ini lebih besar dari atau sama dengan 2000."]
    }
    salah = operator.get("/api/v1/ringkasan/", {"tahun": 2023, "triwulan": 5})
    assert salah.status_code == 400 and "triwulan" in kolom(salah)
    assert kolom(operator.get("/api/v1/ringkasan/")) == {"tahun": ["Bidang ini harus diisi."]}


@pytest.mark.parametrize("url", [URL, "/api/v1/ringkasan/?tahun=2023&triwulan=2"])
def test_the_query_count_is_bounded(demo, url, django_assert_max_num_queries):
    client = masuk("reviewer")
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_queries_are_the_same_at_24_and_at_240_satker(demo, manado):
    """The number of satker is a data size: the dashboards and the API read it in aggregate
    queries, whatever it is."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinerja.simulasi import buat_simulasi

    client = masuk("reviewer")
    urls = [
        f"{URL}?tahun=2023&triwulan=2",
        f"{URL}?tahun=2023&triwulan=0&urut=tercapai",
        "/api/v1/ringkasan/?tahun=2023&triwulan=2",
        f"/satker/{manado.pk}/dasbor/?tahun=2023&triwulan=2",
    ]

    def kueri() -> dict[str, int]:
        hasil = {}
        for url in urls:
            with CaptureQueriesContext(connection) as c:
                assert client.get(url).status_code == 200
            hasil[url] = len(c.captured_queries)
        return hasil

    buat_simulasi(jumlah_satker=24, tahun=2023)
    pada_24 = kueri()
    buat_simulasi(jumlah_satker=240, tahun=2023)
    assert Satker.objects.count() == 240
    assert kueri() == pada_24
    assert max(pada_24.values()) <= 30
