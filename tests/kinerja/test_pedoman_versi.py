"""The manual with versions: every year's figures are computed with the definition that
applies to that year. A 2024 version that changes polarity, the minimasi formula, the
aggregation over quarters, the formula text and the thresholds of every indicator the demo
satker use leaves every 2023 figure of both satker as it was (stored and fresh, not even
rewritten), while a 2024 line is computed with the new definition (values derived by hand)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kinerja import siklus
from kinerja.models import (
    HasilPerhitungan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RiwayatPerubahan,
    SasaranKegiatan,
    VersiIndikator,
)
from kinerja.models.hasil import SETAHUN
from kinerja.models.indikator import FIELD_DEFINISI
from kinerja.perhitungan import hitung_baris
from kinerja.perhitungan.serial import baris_ke_dict
from kinerja.selectors.capaian import hitung_capaian, hitung_segar, konfigurasi, masukan_baris
from kinerja.selectors.pedoman import definisi_per_tahun
from kinerja.services import pedoman as layanan
from laporan.susun.lakip.pedoman import lampiran_pedoman
from laporan.susun.umum import kumpulkan
from satker.models import Pengguna, Satker
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

BARU_TRIWULAN = {"terakhir": "jumlah", "jumlah": "rata_rata", "rata_rata": "terakhir"}
BARU_TAHUNAN = {"terakhir": "jumlah", "jumlah": "terakhir", "rata_rata": "jumlah"}


def sekretariat() -> Pengguna:
    return Pengguna.objects.get(username="sekretariat")


def lines_2023() -> list[IndikatorPerjanjian]:
    return list(
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__tahun=2023,
            sasaran__perjanjian__satker__kode__in=[MANADO, PEKANBARU],
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .prefetch_related("rencana_aksi", "realisasi")
        .order_by("pk")
    )


def tersimpan(tahun: int) -> dict[tuple[int, int], tuple]:
    """Every stored figure of the year, with its row id (a rewrite gives a new one)."""
    return {
        (h.indikator_id, h.triwulan): (
            h.pk,
            h.data,
            h.realisasi,
            h.capaian,
            h.capaian_antara,
            h.status,
            h.prakiraan_capaian,
            h.prakiraan_meleset,
        )
        for h in HasilPerhitungan.objects.filter(tahun=tahun)
    }


def segar(lines: list[IndikatorPerjanjian]) -> dict[tuple[int, int | None], dict]:
    return {
        (line.pk, tw): baris_ke_dict(h)
        for tw in (1, 2, 3, 4, None)
        for line, h in zip(lines, hitung_segar(lines, tw), strict=True)
    }


def versi_2024(indikator: IndikatorKinerja, **ubah) -> VersiIndikator:
    """A 2024 version of the indicator that changes everything the computation reads from
    the manual except where its data come from."""
    lama = definisi_per_tahun([indikator.pk], 2024)[indikator.pk]
    data = {f: getattr(lama, f) for f in FIELD_DEFINISI}
    data |= {
        "klasifikasi": "minimasi" if lama.klasifikasi == "maksimasi" else "maksimasi",
        "rumus_minimasi": "rasio",
        "agregasi_triwulan": BARU_TRIWULAN[lama.agregasi_triwulan],
        "agregasi_tahunan": BARU_TAHUNAN[lama.agregasi_tahunan],
        "cara_menghitung": f"Rumus 2024: {lama.cara_menghitung}",
        "ambang_tercapai": D("120"),
        "ambang_perlu_perhatian": D("90"),
        "alasan": "Pedoman 2024",
        **ubah,
    }
    return layanan.versi_simpan(
        user=sekretariat(), indikator=indikator, berlaku_mulai=2024, data=data
    )


def pk_2024(satker: Satker, indikator: IndikatorKinerja) -> IndikatorPerjanjian:
    """A 2024 PK line of the indicator, target 10, reported 2 in quarter I and 3 in II."""
    pk = PerjanjianKinerja.objects.create(
        satker=satker,
        tahun=2024,
        pihak_pertama_nama="Kepala Balai",
        pihak_pertama_jabatan="Kepala",
        pihak_kedua_nama="Kepala Badan",
        pihak_kedua_jabatan="Kepala BSKJI",
    )
    sasaran = SasaranKegiatan.objects.create(perjanjian=pk, nomor=1, uraian="Sasaran uji")
    line = IndikatorPerjanjian.objects.create(
        sasaran=sasaran,
        nomor=1,
        uraian=indikator.nama,
        indikator=indikator,
        target=D("10"),
        satuan=indikator.satuan,
    )
    RealisasiTriwulan.objects.create(
        indikator=line, triwulan=1, realisasi_antara=D("25"), nilai_realisasi=D("2")
    )
    RealisasiTriwulan.objects.create(
        indikator=line, triwulan=2, realisasi_antara=D("50"), nilai_realisasi=D("3")
    )
    return line


def stored(line: IndikatorPerjanjian, triwulan: int | None) -> HasilPerhitungan:
    return HasilPerhitungan.objects.get(indikator=line, triwulan=triwulan or SETAHUN)


def test_a_2024_version_leaves_every_2023_figure_and_computes_2024_with_the_new_one(demo):
    manado = Satker.objects.get(kode=MANADO)
    langsung = IndikatorKinerja.objects.get(kode="T1/SP2/e")  # entered directly, latest value
    line_2024 = pk_2024(manado, langsung)
    # Under the first version (maksimasi, latest value): the year's realisasi is TW II's 3,
    # capaian 3 / 10 × 100 = 30,00%.
    assert (stored(line_2024, None).realisasi, stored(line_2024, None).capaian) == (
        D("3.0000"),
        D("30.00"),
    )
    lines = lines_2023()
    assert {line.sasaran.perjanjian.satker.kode for line in lines} == {MANADO, PEKANBARU}
    sebelum_tersimpan, sebelum_segar = tersimpan(2023), segar(lines)
    assert len(sebelum_tersimpan) == 5 * len(lines)

    indikator = IndikatorKinerja.objects.filter(
        pk__in={line.indikator_id for line in lines} | {langsung.pk}
    )
    for i in indikator:
        if i.pk == langsung.pk:
            versi_2024(i, ambang_tercapai=D("250"), ambang_perlu_perhatian=D("150"))
        else:
            versi_2024(i)

    # 2023: the same figures, stored (not even rewritten) and computed afresh.
    lines = lines_2023()
    assert tersimpan(2023) == sebelum_tersimpan
    assert segar(lines) == sebelum_segar
    # ... which the new definition would have changed: Pekanbaru's financial-report score
    # 90,75 against 90 is 100,83% as maksimasi, and 90 / 90,75 × 100 = 99,17% as minimasi.
    pku = next(
        x for x in lines if x.kode == "VIII.2" and x.sasaran.perjanjian.satker.kode == PEKANBARU
    )
    m = masukan_baris([pku])[pku.pk]
    assert (m.klasifikasi, m.versi) == ("maksimasi", 2020)
    assert hitung_baris(m, None, konfigurasi()).capaian.nilai == D("100.83")
    dengan_2024 = replace(m, klasifikasi="minimasi", rumus_minimasi="rasio")
    assert hitung_baris(dengan_2024, None, konfigurasi()).capaian.nilai == D("99.17")

    # 2024: minimasi with target / realisasi, quarters summed: realisasi 2 + 3 = 5,
    # capaian 10 / 5 × 100 = 200,00%; the version's thresholds (250 / 150) make it
    # "perlu perhatian" where the application's (100 / 75) would say "tercapai".
    tahun = stored(line_2024, None)
    assert (tahun.realisasi, tahun.capaian, tahun.status) == (
        D("5.0000"),
        D("200.00"),
        "perlu_perhatian",
    )
    assert tahun.data["versi"] == 2024
    [h] = hitung_capaian([line_2024], None)
    assert h.capaian.rumus == "10 / 5,00 × 100% = 200,00%"  # the reported realisasi
    assert h.label_versi == "Pedoman versi berlaku mulai 2024"
    # Quarter I alone: 2 → 10 / 2 × 100 = 500,00%.
    assert stored(line_2024, 1).capaian == D("500.00")


def test_a_change_of_the_2024_version_recomputes_2024_only(demo):
    manado = Satker.objects.get(kode=MANADO)
    langsung = IndikatorKinerja.objects.get(kode="T1/SP2/e")
    line_2024 = pk_2024(manado, langsung)
    versi_2024(langsung)
    sebelum = tersimpan(2023)
    id_2024 = stored(line_2024, None).pk
    # The 2024 version back to maksimasi and the latest value: 3 / 10 × 100 = 30,00%.
    versi_2024(langsung, klasifikasi="maksimasi", agregasi_triwulan="terakhir")
    assert stored(line_2024, None).capaian == D("30.00")
    assert stored(line_2024, None).pk != id_2024
    assert tersimpan(2023) == sebelum


def test_a_new_version_for_an_earlier_year_takes_over_the_years_before_the_first(demo):
    """The first version covers the years before it; a version made for an earlier year
    applies to those years from then on."""
    manado = Satker.objects.get(kode=MANADO)
    langsung = IndikatorKinerja.objects.get(kode="T1/SP2/e")
    line = pk_2024(manado, langsung)
    pertama = langsung.versi.get()
    assert definisi_per_tahun([langsung.pk], 2015)[langsung.pk] == pertama
    data = {f: getattr(pertama, f) for f in FIELD_DEFINISI} | {"klasifikasi": "minimasi"}
    layanan.versi_simpan(user=sekretariat(), indikator=langsung, berlaku_mulai=2018, data=data)
    assert definisi_per_tahun([langsung.pk], 2015)[langsung.pk].berlaku_mulai == 2018
    assert definisi_per_tahun([langsung.pk], 2019)[langsung.pk].berlaku_mulai == 2018
    assert definisi_per_tahun([langsung.pk], 2024)[langsung.pk] == pertama
    assert stored(line, None).capaian == D("30.00")  # 2024 keeps the 2020 version


def test_the_selector_reads_every_indicator_in_one_query(demo, django_assert_num_queries):
    ids = list(IndikatorKinerja.objects.values_list("pk", flat=True))
    with django_assert_num_queries(1):
        versi = definisi_per_tahun(ids, 2023)
    assert set(versi) == set(ids)
    assert {v.berlaku_mulai for v in versi.values()} == {2020}


def test_a_definition_used_by_a_submitted_quarter_is_not_changed(demo):
    manado = Satker.objects.get(kode=MANADO)
    line = next(x for x in lines_2023() if x.sasaran.perjanjian.satker_id == manado.pk)
    lap = siklus.pelaporan(manado, 2023, 2)
    type(lap).objects.filter(pk=lap.pk).update(status="diajukan")
    pertama = line.indikator.versi.get()
    data = {f: getattr(pertama, f) for f in FIELD_DEFINISI} | {"cara_menghitung": "Baru"}
    for tahun in (2020, 2023):
        with pytest.raises(Exception) as exc:
            layanan.versi_simpan(
                user=sekretariat(), indikator=line.indikator, berlaku_mulai=tahun, data=data
            )
        pesan = exc.value.message_dict["berlaku_mulai"][0]
        assert f"Definisi untuk tahun {tahun} tidak dapat diubah" in pesan
        assert "BSPJI Manado TW 2/2023 (diajukan)" in pesan
    assert list(line.indikator.versi.all()) == [pertama]
    assert VersiIndikator.objects.get(pk=pertama.pk).cara_menghitung == pertama.cara_menghitung
    # A version from 2024 onward is not what the quarter was computed with.
    layanan.versi_simpan(
        user=sekretariat(), indikator=line.indikator, berlaku_mulai=2024, data=data
    )
    assert line.indikator.versi.count() == 2


# --- the pages --------------------------------------------------------------------------


def test_the_list_filters_and_links_each_indicator(sekretariat_client):
    url = reverse("sekretariat-pedoman")
    response = sekretariat_client.get(url, {"q": "laporan keuangan"})
    halaman = response.content.decode()
    assert response.status_code == 200
    assert "T4/SP9/b" in halaman and "T1/SP2/e" not in halaman
    i = IndikatorKinerja.objects.get(kode="T4/SP9/b")
    assert reverse("sekretariat-pedoman-detail", args=[i.pk]) in halaman
    response = sekretariat_client.get(url, {"iku": "1"})
    kode_iku = set(IndikatorKinerja.objects.filter(iku=True).values_list("kode", flat=True))
    kode_lain = set(IndikatorKinerja.objects.filter(iku=False).values_list("kode", flat=True))
    halaman = response.content.decode()
    assert all(k in halaman for k in kode_iku)
    assert not any(f">{k}<" in halaman for k in kode_lain)


def test_a_new_version_on_the_page_is_listed_with_its_years_and_on_the_record(
    sekretariat_client,
):
    i = IndikatorKinerja.objects.get(kode="T1/SP2/e")
    url = reverse("sekretariat-pedoman-versi", args=[i.pk])
    form = sekretariat_client.get(url).context["form"]
    # Pre-filled from the latest version.
    assert form.initial["definisi"] == i.versi.get().definisi
    data = {
        k: ("" if v is None else v)
        for k, v in form.initial.items()
        if k in form.fields and k != "tanda"
    }
    data |= {"berlaku_mulai": "2024", "klasifikasi": "minimasi", "alasan": "Revisi pedoman"}
    data["ambang_tercapai"] = "110,5"
    response = sekretariat_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    baru = i.versi.get(berlaku_mulai=2024)
    assert (baru.klasifikasi, baru.ambang_tercapai) == ("minimasi", D("110.50"))
    # The indicator mirrors its latest version for the API and the lists.
    assert IndikatorKinerja.objects.get(pk=i.pk).klasifikasi == "minimasi"
    halaman = sekretariat_client.get(response["Location"]).content.decode()
    assert "2020–2023 (juga tahun sebelumnya)" in halaman
    assert "2024 dan seterusnya" in halaman
    catatan = RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(VersiIndikator), object_id=baru.pk
    )
    assert catatan.filter(field="klasifikasi", baru="minimasi").exists()
    assert catatan.first().oleh.username == "sekretariat"
    assert "Pedoman T1/SP2/e versi berlaku mulai 2024" in halaman


def test_bad_input_is_refused_in_indonesian_and_keeps_what_was_typed(sekretariat_client):
    i = IndikatorKinerja.objects.get(kode="T1/SP2/e")
    url = reverse("sekretariat-pedoman-versi", args=[i.pk])
    data = {
        "berlaku_mulai": "2024",
        "definisi": "Definisi yang diketik",
        "klasifikasi": "maksimasi",
        "rumus_minimasi": "selisih",
        "metode": "pertumbuhan",  # needs PNBP or service results, not a direct entry
        "data_dukung": "",
        "agregasi_triwulan": "terakhir",
        "agregasi_tahunan": "terakhir",
        "ambang_tercapai": "70",
        "ambang_perlu_perhatian": "80",
    }
    response = sekretariat_client.post(url, data)
    assert response.status_code == 400
    halaman = response.content.decode()
    assert "Data dukung tidak sesuai dengan metode perhitungan indikator." in halaman
    assert "tidak boleh di atas ambang" in halaman
    assert "Definisi yang diketik" in halaman
    assert i.versi.count() == 1


def test_an_indicator_is_made_on_the_page_with_its_first_version(sekretariat_client):
    data = {
        "kode": "UJI/SP1/a",
        "satuan": "Persen",
        "nama": "Indikator baru uji",
        "iku": "on",
        "penanggung_jawab": "Bagian Umum",
        "berlaku_mulai": "2024",
        "definisi": "Persentase uji.",
        "klasifikasi": "maksimasi",
        "rumus_minimasi": "selisih",
        "metode": "input_langsung",
        "data_dukung": "",
        "agregasi_triwulan": "terakhir",
        "agregasi_tahunan": "rata_rata",
    }
    response = sekretariat_client.post(reverse("sekretariat-pedoman-baru"), data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        response.context["versi"].errors,
    )
    i = IndikatorKinerja.objects.get(kode="UJI/SP1/a")
    assert (i.iku, i.agregasi_tahunan) == (True, "rata_rata")
    assert list(i.versi.values_list("berlaku_mulai", "agregasi_tahunan")) == [(2024, "rata_rata")]
    # The same code again: refused, nothing more made.
    response = sekretariat_client.post(reverse("sekretariat-pedoman-baru"), data)
    assert response.status_code == 400
    assert response.context["form"].errors["kode"] == ["Indikator (pedoman) dengan Kode telah ada."]
    assert IndikatorKinerja.objects.filter(kode="UJI/SP1/a").count() == 1


def test_the_identity_is_edited_on_the_detail_page(sekretariat_client):
    i = IndikatorKinerja.objects.get(kode="T1/SP2/e")
    url = reverse("sekretariat-pedoman-detail", args=[i.pk])
    form = sekretariat_client.get(url).context["form"]
    data = {
        "nama": "Nama baru",
        "penanggung_jawab": "Tim Evaluasi",
        "sasaran_program": i.sasaran_program_id or "",
        "tanda": form.initial["tanda"],
    }
    response = sekretariat_client.post(url, data)
    assert response.status_code == 302
    i.refresh_from_db()
    assert (i.nama, i.penanggung_jawab, i.iku) == ("Nama baru", "Tim Evaluasi", False)
    # The same form again, opened before that save: refused, nothing overwritten.
    data["nama"] = "Nama lain"
    response = sekretariat_client.post(url, data)
    assert response.status_code == 409
    assert "telah diubah oleh" in response.content.decode()
    i.refresh_from_db()
    assert i.nama == "Nama baru"


def test_a_version_used_by_a_submitted_quarter_says_so_on_the_page(sekretariat_client, manado):
    lap = siklus.pelaporan(manado, 2023, 2)
    type(lap).objects.filter(pk=lap.pk).update(status="diverifikasi")
    i = IndikatorKinerja.objects.get(kode="T4/SP9/b")
    versi = i.versi.get()
    halaman = sekretariat_client.get(
        reverse("sekretariat-pedoman-detail", args=[i.pk])
    ).content.decode()
    assert "terpakai" in halaman
    url = reverse("sekretariat-pedoman-versi-ubah", args=[versi.pk])
    form = sekretariat_client.get(url).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    data["cara_menghitung"] = "Diubah"
    response = sekretariat_client.post(url, data)
    assert response.status_code == 400
    assert "Definisi untuk tahun 2020 tidak dapat diubah" in response.content.decode()
    assert "(diverifikasi)" in response.content.decode()
    assert VersiIndikator.objects.get(pk=versi.pk).cara_menghitung != "Diubah"


# --- the version in the working -------------------------------------------------------------


def test_the_working_names_the_version_on_pages_and_in_the_api(
    demo, operator_manado_client, manado
):
    halaman = operator_manado_client.get(
        reverse("entri-triwulan", args=[manado.pk, 2023, 2])
    ).content.decode()
    assert "Pedoman versi berlaku mulai 2020" in halaman
    halaman = operator_manado_client.get(
        reverse("satker-detail", args=[manado.pk]), {"tahun": 2023, "triwulan": 2}
    ).content.decode()
    assert "Pedoman versi berlaku mulai 2020" in halaman
    data = operator_manado_client.get("/api/v1/capaian/", {"tahun": 2023}).json()
    item = data["results"][0]
    assert (item["versi_pedoman"], item["pedoman"]) == (
        2020,
        "Pedoman versi berlaku mulai 2020",
    )
    data = operator_manado_client.get("/api/v1/realisasi/", {"tahun": 2023}).json()
    assert data["results"][0]["hasil"]["versi_pedoman"] == 2020


def test_the_api_manual_list_shows_the_new_version_at_once(demo, operator_manado_client):
    """The list cache keys on the manual's `diubah`: the mirror's update moves it."""
    i = IndikatorKinerja.objects.get(kode="T4/SP9/b")

    def klasifikasi() -> str:
        data = operator_manado_client.get("/api/v1/indikator/", {"page_size": 500}).json()
        return next(x for x in data["results"] if x["kode"] == "T4/SP9/b")["klasifikasi"]

    assert klasifikasi() == "maksimasi"
    versi_2024(i)
    assert klasifikasi() == "minimasi"


def _teks_bagian(b) -> str:
    """Every text of a report section, its subsections included."""
    teks = [b.judul]
    for blok in b.isi:
        if hasattr(blok, "pasangan"):
            teks += [f"{a}: {v}" for a, v in blok.pasangan]
        elif hasattr(blok, "teks"):
            teks.append(blok.teks)
        elif hasattr(blok, "baris"):
            teks += [str(getattr(sel, "teks", sel)) for baris in blok.baris for sel in baris]
    return "\n".join(teks + [_teks_bagian(a) for a in b.anak])


def test_the_lakip_manual_annex_prints_the_version_of_the_report_year(pekanbaru):
    i = IndikatorKinerja.objects.get(kode="T4/SP9/b")
    cara_2020 = i.versi.get().cara_menghitung
    versi_2024(i, cara_menghitung="Rumus pedoman 2024 yang baru.")
    k = kumpulkan(pekanbaru, 2023, None, "lakip")
    teks = _teks_bagian(lampiran_pedoman(k))
    assert cara_2020.strip().splitlines()[0] in teks
    assert "Rumus pedoman 2024 yang baru." not in teks
    assert "Versi pedoman: berlaku mulai 2020" in teks
    # The annex's table: T4/SP9/b as the 2020 version classifies it, not as 2024's.
    blok_i = next(a for a in lampiran_pedoman(k).anak if a.judul.startswith("T4/SP9/b"))
    assert "Klasifikasi: Maksimasi" in _teks_bagian(blok_i)
