"""The cascade pages: the goals of Kemenperin (SS), BSKJI (SP) and a balai (SK) as LAKIP
Pekanbaru 2023 Tabel 10 links them; a goal made and edited, linked only to the level right
above (a link that skips or inverts a level is refused with the reason and changes nothing);
indicators linked to the manual; every change, the links included, in the history."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kinerja.models import (
    IndikatorKinerja,
    IndikatorRenstra,
    Renstra,
    RiwayatPerubahan,
    SasaranRenstra,
)
from satker.models import Pengguna
from tests.halaman import baca, galat_di, kiriman, pesan
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def goal(tingkat: str, kode: str, satker=None) -> SasaranRenstra:
    qs = SasaranRenstra.objects.filter(renstra__tingkat=tingkat, kode=kode)
    if satker is not None:
        qs = qs.filter(renstra__satker=satker)
    return qs.get()


def halaman(client, s: SasaranRenstra) -> dict:
    response = client.get(reverse("sekretariat-kaskade-sasaran", args=[s.pk]))
    assert response.status_code == 200
    return kiriman(baca(response))


def kirim(client, s: SasaranRenstra, data: dict, induk: list[SasaranRenstra]):
    data = dict(data)
    data["induk"] = [str(i.pk) for i in induk]
    return client.post(reverse("sekretariat-kaskade-sasaran", args=[s.pk]), data)


def test_the_cascade_page_shows_the_three_levels_as_tabel_10(
    sekretariat_client, pekanbaru, django_assert_max_num_queries
):
    # A fixed number of queries: each level's goals, indicators and links in three.
    with django_assert_max_num_queries(22):
        response = sekretariat_client.get(
            f"{reverse('sekretariat-kaskade')}?tahun=2023&satker={pekanbaru.pk}"
        )
    assert response.status_code == 200
    akar = baca(response)
    ss = akar.satu(id="tingkat-1").teks
    sp = akar.satu(id="tingkat-2").teks
    sk = akar.satu(id="tingkat-sk").teks
    assert "SS13 Tersusunnya Perencanaan Program" in ss
    # SP9 serves two ministry goals: the financial report (SS12) and SAKIP (SS13).
    baris_sp9 = next(
        tr.teks for tr in akar.satu(id="tingkat-2").semua("tr") if tr.teks.startswith("SP9 ")
    )
    assert "SS12, SS13" in baris_sp9
    assert "SP1" in sp
    assert "SK1 Meningkatnya daya saing industri pengolahan nonmigas SP1" in sk
    assert "pedoman T3/SP1/c" in sk


def test_an_sk_linked_to_an_ss_is_refused_and_nothing_changes(sekretariat_client, pekanbaru):
    sk1 = goal("satker", "SK1", pekanbaru)
    ss1 = goal("kementerian", "SS1")
    data = halaman(sekretariat_client, sk1)
    data["nama"] = "Nama baru yang tidak boleh tersimpan"
    response = kirim(sekretariat_client, sk1, data, [ss1])
    assert response.status_code == 400
    teks = baca(response).teks
    assert (
        "SS1 adalah sasaran strategis (SS) Kemenperin; sasaran kegiatan (SK) balai hanya dapat "
        "dikaitkan ke sasaran program (SP) BSKJI, satu tingkat di atasnya." in teks
    )
    sk1.refresh_from_db()
    assert sk1.nama == "Meningkatnya daya saing industri pengolahan nonmigas"
    assert [s.kode for s in sk1.sasaran_induk.all()] == ["SP1"]


def test_an_inverted_link_is_refused(sekretariat_client, pekanbaru):
    """An SP may not serve a balai's SK, nor an SS anything."""
    sp1 = goal("eselon_i", "SP1")
    sk1 = goal("satker", "SK1", pekanbaru)
    response = kirim(sekretariat_client, sp1, halaman(sekretariat_client, sp1), [sk1])
    assert response.status_code == 400
    assert "SK1 adalah sasaran kegiatan (SK) balai" in baca(response).teks
    ss1 = goal("kementerian", "SS1")
    sp2 = goal("eselon_i", "SP2")
    response = kirim(sekretariat_client, ss1, halaman(sekretariat_client, ss1), [sp2])
    assert response.status_code == 400
    assert "puncak kaskade" in baca(response).teks
    assert not ss1.sasaran_induk.exists()
    assert [s.kode for s in sp1.sasaran_induk.all()] == ["SS1"]


def test_a_link_changed_is_saved_and_on_the_record(sekretariat_client):
    sp1 = goal("eselon_i", "SP1")
    ss21 = goal("kementerian", "SS2.1")
    ss1 = goal("kementerian", "SS1")
    response = kirim(sekretariat_client, sp1, halaman(sekretariat_client, sp1), [ss1, ss21])
    assert response.status_code == 302
    assert sorted(s.kode for s in sp1.sasaran_induk.all()) == ["SS1", "SS2.1"]
    h = RiwayatPerubahan.objects.get(
        content_type=ContentType.objects.get_for_model(SasaranRenstra),
        object_id=sp1.pk,
        field="sasaran_induk",
    )
    assert (h.lama, h.baru, h.satker_id, h.oleh.username) == (
        "SS1",
        "SS1, SS2.1",
        None,
        "sekretariat",
    )
    akar = baca(sekretariat_client.get(reverse("sekretariat-kaskade-sasaran", args=[sp1.pk])))
    assert "SS1 → SS1, SS2.1" in akar.satu("section", kelas="history").teks


def test_a_new_ss_goal_and_its_indicator_linked_to_nothing_above(sekretariat_client):
    kemenperin = Renstra.objects.get(tingkat="kementerian", tahun_awal=2020)
    alamat = reverse("sekretariat-kaskade-sasaran-baru", args=[kemenperin.pk])
    response = sekretariat_client.post(
        alamat, {"kode": "SS14", "nama": "Sasaran uji Kemenperin", "urutan": "20"}
    )
    assert response.status_code == 302
    ss14 = SasaranRenstra.objects.get(renstra=kemenperin, kode="SS14")
    # The same code again in the same Renstra: refused, the form keeps what was typed.
    response = sekretariat_client.post(
        alamat, {"kode": "SS14", "nama": "Sasaran kembar", "urutan": "21"}
    )
    assert response.status_code == 400
    akar = baca(response)
    assert "Sasaran kembar" in akar.satu("input", name="nama").attrs["value"]
    assert SasaranRenstra.objects.filter(renstra=kemenperin, kode="SS14").count() == 1
    assert RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(SasaranRenstra),
        object_id=ss14.pk,
        field="kode",
        baru="SS14",
    ).exists()


def test_an_indicator_gets_its_manual_entry_and_the_indicator_above(sekretariat_client, pekanbaru):
    sk1 = goal("satker", "SK1", pekanbaru)
    sp1_1 = IndikatorRenstra.objects.get(sasaran=goal("eselon_i", "SP1"), nomor=1)
    manual = IndikatorKinerja.objects.get(kode="T3/SP1/c")
    data = halaman(sekretariat_client, sk1)
    data.update(
        {"ind-1-nomor": "2", "ind-1-nama": "Indikator tambahan uji", "ind-1-satuan": "Persen",
         "ind-1-indikator": str(manual.pk), "ind-1-indikator_induk": str(sp1_1.pk)}
    )  # fmt: skip
    response = kirim(sekretariat_client, sk1, data, [goal("eselon_i", "SP1")])
    assert response.status_code == 302, pesan(baca(response))
    baru = IndikatorRenstra.objects.get(sasaran=sk1, nomor=2)
    assert (baru.indikator, baru.indikator_induk) == (manual, sp1_1)
    h = RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(IndikatorRenstra),
        object_id=baru.pk,
        field="nama",
    ).get()
    assert (h.baru, h.satker_id) == ("Indikator tambahan uji", pekanbaru.pk)


def test_an_indicator_above_from_the_wrong_level_is_refused(sekretariat_client, pekanbaru):
    sk1 = goal("satker", "SK1", pekanbaru)
    ss1_1 = IndikatorRenstra.objects.get(sasaran=goal("kementerian", "SS1"), nomor=1)
    data = halaman(sekretariat_client, sk1)
    data["ind-0-indikator_induk"] = str(ss1_1.pk)
    response = kirim(sekretariat_client, sk1, data, [goal("eselon_i", "SP1")])
    assert response.status_code == 400
    assert galat_di(baca(response), "ind-0-indikator_induk")
    assert IndikatorRenstra.objects.get(sasaran=sk1, nomor=1).indikator_induk.kode == "SP1/1"


def test_a_stale_goal_page_overwrites_nothing(sekretariat_client):
    sp1 = goal("eselon_i", "SP1")
    data = halaman(sekretariat_client, sp1)
    lain = dict(data, nama="Nama dari sesi lain")
    assert kirim(sekretariat_client, sp1, lain, [goal("kementerian", "SS1")]).status_code == 302
    data["urutan"] = "9"
    response = kirim(sekretariat_client, sp1, data, [goal("kementerian", "SS1")])
    assert response.status_code == 409
    sp1.refresh_from_db()
    assert (sp1.nama, sp1.urutan) == ("Nama dari sesi lain", 1)


@pytest.mark.parametrize("username", ["reviewer", "operator.pekanbaru"])
def test_only_the_master_data_role_edits_the_cascade(client, demo, username):
    masuk(client, Pengguna.objects.get(username=username))
    sp1 = goal("eselon_i", "SP1")
    assert client.get(reverse("sekretariat-kaskade")).status_code == 403
    response = client.post(
        reverse("sekretariat-kaskade-sasaran", args=[sp1.pk]),
        {"kode": "SPX", "nama": "x", "urutan": "1"},
    )
    assert response.status_code == 403
    sp1.refresh_from_db()
    assert sp1.kode == "SP1"


def test_a_bskji_renstra_for_the_next_period_and_not_one_overlapping(sekretariat_client):
    alamat = reverse("sekretariat-kaskade")
    data = {"baru-tingkat": "eselon_i", "baru-nama": "Renstra BSKJI 2025-2029",
            "baru-tahun_awal": "2025", "baru-tahun_akhir": "2029"}  # fmt: skip
    response = sekretariat_client.post(alamat, data)
    assert response.status_code == 302
    assert Renstra.objects.filter(tingkat="eselon_i", satker=None, tahun_awal=2025).exists()
    response = sekretariat_client.post(
        alamat, dict(data, **{"baru-tahun_awal": "2024", "baru-tahun_akhir": "2026"})
    )
    assert response.status_code == 400
    assert "bertumpuk" in baca(response).teks
    assert Renstra.objects.filter(tingkat="eselon_i").count() == 2
    # An SP of the new plan serves an SS of a plan whose period meets it (2020-2024 does not).
    baru = Renstra.objects.get(tingkat="eselon_i", tahun_awal=2025)
    response = sekretariat_client.post(
        reverse("sekretariat-kaskade-sasaran-baru", args=[baru.pk]),
        {"kode": "SP1", "nama": "Sasaran baru", "urutan": "1",
         "induk": [str(goal("kementerian", "SS1").pk)]},
    )  # fmt: skip
    assert response.status_code == 400
    assert "periodenya tidak bertemu" in baca(response).teks
    assert not baru.sasaran.exists()
