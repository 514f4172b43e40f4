"""The secretariat's Renstra pages: the list of satker with their periods and the years that
hold targets; one satker's matrix of targets and indicative budget saved as a whole (typed the
Indonesian way, refused whole on a wrong cell or a stale page, every change in the history);
a Renstra made for BSPJI Manado, which has none in the sources, and filled for 2024, after
which Manado's PK page proposes those targets; a period extended, and not shrunk past a year
that holds targets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kinerja.models import (
    IndikatorKinerja,
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    RiwayatPerubahan,
    SasaranRenstra,
    TargetRenstra,
)
from kinerja.services import renstra as layanan
from satker.models import Pengguna, Satker
from tests.factories import SatkerFactory
from tests.halaman import baca, galat_di, isian, kiriman, pesan, tabel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


def url(satker: Satker, renstra: Renstra | None = None) -> str:
    alamat = reverse("sekretariat-renstra-satker", args=[satker.pk])
    return f"{alamat}?renstra={renstra.pk}" if renstra else alamat


def renstra_pekanbaru(pekanbaru) -> Renstra:
    return Renstra.objects.get(satker=pekanbaru, tahun_awal=2021)


def indikator(renstra: Renstra, kode: str) -> IndikatorRenstra:
    s, nomor = kode.split("/")
    return IndikatorRenstra.objects.get(sasaran__renstra=renstra, sasaran__kode=s, nomor=nomor)


def matriks(client, satker, renstra=None) -> dict[str, str]:
    """What the matrix form submits as the page shows it."""
    response = client.get(url(satker, renstra))
    assert response.status_code == 200
    data = kiriman(baca(response))
    data["aksi"] = "matriks"
    return data


# --- reading ---


def test_the_matrix_shows_pekanbarus_renstra_as_tabel_4_prints_it(
    sekretariat_client, pekanbaru, django_assert_max_num_queries
):
    """Tabel 4: SK1/1 target 2024 12 (%), allocation 0,03 milyar; the Renstra's own total of
    2024 Rp 8.460.000.000."""
    r = renstra_pekanbaru(pekanbaru)
    with django_assert_max_num_queries(16):  # the 13 indicators' targets in one query
        akar = baca(sekretariat_client.get(url(pekanbaru)))
    sk1 = indikator(r, "SK1/1")
    assert isian(akar, f"target-{sk1.pk}-2024").attrs["value"] == "12"
    assert isian(akar, f"alokasi-{sk1.pk}-2024").attrs["value"] == "30.000.000"
    assert isian(akar, f"target-{sk1.pk}-2021").attrs["value"] == ""
    assert isian(akar, "pagu-2024").attrs["value"] == "8.460.000.000"
    assert "SK1 Meningkatnya daya saing" in akar.satu(id="renstra-matriks").teks


def test_the_list_gives_each_satker_its_period_and_the_years_with_targets(
    sekretariat_client, pekanbaru, manado
):
    akar = baca(sekretariat_client.get(reverse("sekretariat-renstra") + "?q=BSPJI"))
    t = tabel(akar, id="daftar-renstra")
    assert t.sel(pekanbaru.nama, "Periode Renstra") == "2021–2024"
    # Tabel 4 sets targets from 2021 for the indicators carried over (e.g. 40 % in 2021).
    assert t.sel(pekanbaru.nama, "Tahun bertarget") == "2021, 2022, 2023, 2024"
    assert t.sel(manado.nama, "Periode Renstra") == "belum ada"
    assert t.sel(manado.nama, "Tahun bertarget") == "–"


def test_the_list_costs_the_same_queries_at_few_and_at_many_satker(
    sekretariat_client, django_assert_max_num_queries
):
    alamat = reverse("sekretariat-renstra")
    with django_assert_max_num_queries(14):
        assert sekretariat_client.get(alamat).status_code == 200
    for s in SatkerFactory.create_batch(120):
        Renstra.objects.create(
            tingkat="satker", satker=s, nama="R", tahun_awal=2020, tahun_akhir=2024
        )
    with django_assert_max_num_queries(14):
        response = sekretariat_client.get(alamat + "?halaman=2")
    assert response.status_code == 200
    assert "Halaman 2 dari 3" in baca(response).teks


# --- Manado: a Renstra made, a goal and an indicator added, 2024 filled ---


def test_manado_gets_a_renstra_and_its_pk_page_proposes_the_2024_targets(
    client, sekretariat_client, manado
):
    # Today: no Renstra covers 2024, so the PK page has nothing to propose.
    operator = Pengguna.objects.get(username="operator.manado")
    assert "Perusahaan yang difasilitasi uji" not in _pk_2024(client, operator, manado)

    masuk(client, Pengguna.objects.get(username="sekretariat"))
    akar = baca(client.get(url(manado)))
    assert akar.satu(id="renstra-baru")
    response = client.post(
        url(manado),
        {"aksi": "buat", "baru-nama": "Renstra BSPJI Manado", "baru-tahun_awal": "2020",
         "baru-tahun_akhir": "2024"},
    )  # fmt: skip
    renstra = Renstra.objects.get(satker=manado)
    assert response.status_code == 302 and (renstra.tahun_awal, renstra.tahun_akhir) == (
        2020,
        2024,
    )

    sp1 = SasaranRenstra.objects.get(renstra__tingkat="eselon_i", kode="SP1")
    response = client.post(
        reverse("sekretariat-kaskade-sasaran-baru", args=[renstra.pk]),
        {"kode": "SK1", "nama": "Meningkatnya daya saing industri", "urutan": "1",
         "induk": [str(sp1.pk)]},
    )  # fmt: skip
    sk1 = SasaranRenstra.objects.get(renstra=renstra, kode="SK1")
    assert response.status_code == 302
    assert list(sk1.sasaran_induk.all()) == [sp1]

    manual = IndikatorKinerja.objects.get(kode="T1/SP2/d")
    alamat = reverse("sekretariat-kaskade-sasaran", args=[sk1.pk])
    data = kiriman(baca(client.get(alamat)))
    data.update(
        {"ind-0-nomor": "1", "ind-0-nama": "Perusahaan yang difasilitasi uji",
         "ind-0-satuan": "Perusahaan", "ind-0-indikator": str(manual.pk), "ind-0-iku": "on"}
    )  # fmt: skip
    data["induk"] = str(sp1.pk)
    response = client.post(alamat, data)
    assert response.status_code == 302, pesan(baca(client.get(alamat)))
    ind = IndikatorRenstra.objects.get(sasaran=sk1)
    assert ind.indikator == manual

    data = matriks(client, manado)
    data[f"target-{ind.pk}-2024"] = "12,5"
    data[f"alokasi-{ind.pk}-2024"] = "30.000.000"
    data["pagu-2024"] = "7.250.000.000"
    response = client.post(url(manado), data)
    assert response.status_code == 302
    t = TargetRenstra.objects.get(indikator=ind, tahun=2024)
    assert (t.target, t.alokasi_indikatif) == (Decimal("12.5"), 30_000_000)
    assert PaguIndikatifRenstra.objects.get(renstra=renstra, tahun=2024).pagu == 7_250_000_000

    # The PK page of 2024 now proposes the indicator with its target and manual entry.
    teks = _pk_2024(client, operator, manado)
    assert "Perusahaan yang difasilitasi uji" in teks
    akar = baca(client.get(reverse("entri-pk", args=[manado.pk, 2024])))
    assert isian(akar, "u0-target").attrs["value"] == "12,5"
    pilihan = isian(akar, "u0-manual")
    assert [o.attrs["value"] for o in pilihan.semua("option") if "selected" in o.attrs] == [
        str(manual.pk)
    ]


def _pk_2024(client, operator, manado) -> str:
    masuk(client, operator)
    response = client.get(reverse("entri-pk", args=[manado.pk, 2024]))
    assert response.status_code == 200
    return baca(response).teks


# --- saving the matrix ---


def test_a_saved_cell_is_in_the_history_and_shown_on_the_page(sekretariat_client, pekanbaru):
    r = renstra_pekanbaru(pekanbaru)
    sk1 = indikator(r, "SK1/1")
    data = matriks(sekretariat_client, pekanbaru)
    data[f"target-{sk1.pk}-2024"] = "14"
    response = sekretariat_client.post(url(pekanbaru), data)
    assert response.status_code == 302
    assert TargetRenstra.objects.get(indikator=sk1, tahun=2024).target == Decimal("14")
    h = RiwayatPerubahan.objects.get(
        content_type=ContentType.objects.get_for_model(TargetRenstra),
        object_id=TargetRenstra.objects.get(indikator=sk1, tahun=2024).pk,
        field="target",
        lama="12",
    )
    assert (h.baru, h.satker_id) == ("14", pekanbaru.pk)
    assert h.oleh.username == "sekretariat"
    akar = baca(sekretariat_client.get(url(pekanbaru)))
    riwayat_teks = akar.satu("section", kelas="history").teks
    assert "SK1/1 tahun 2024" in riwayat_teks and "12 → 14" in riwayat_teks
    # Only what changed was written: one history row of this save.
    assert RiwayatPerubahan.objects.filter(oleh=h.oleh, waktu__gte=h.waktu).count() == 1


def test_a_wrong_cell_refuses_the_whole_matrix_and_keeps_what_was_typed(
    sekretariat_client, pekanbaru
):
    r = renstra_pekanbaru(pekanbaru)
    sk1, sk2 = indikator(r, "SK1/1"), indikator(r, "SK2/1")
    data = matriks(sekretariat_client, pekanbaru)
    data[f"target-{sk1.pk}-2024"] = "15"
    data[f"target-{sk2.pk}-2024"] = "dua belas"
    data[f"alokasi-{sk1.pk}-2023"] = "-5"
    response = sekretariat_client.post(url(pekanbaru), data)
    assert response.status_code == 400
    akar = baca(response)
    assert galat_di(akar, f"target-{sk2.pk}-2024") == ["Masukkan angka, mis. 45,12."]
    assert galat_di(akar, f"alokasi-{sk1.pk}-2023")[0].startswith("Angka harus antara 0 dan")
    assert isian(akar, f"target-{sk1.pk}-2024").attrs["value"] == "15"
    assert isian(akar, f"target-{sk2.pk}-2024").attrs["value"] == "dua belas"
    assert TargetRenstra.objects.get(indikator=sk1, tahun=2024).target == Decimal("12")


def test_a_zero_target_is_refused_like_on_the_pk_page(sekretariat_client, pekanbaru):
    sk1 = indikator(renstra_pekanbaru(pekanbaru), "SK1/1")
    data = matriks(sekretariat_client, pekanbaru)
    data[f"target-{sk1.pk}-2024"] = "0"
    response = sekretariat_client.post(url(pekanbaru), data)
    assert response.status_code == 400
    assert galat_di(baca(response), f"target-{sk1.pk}-2024") == ["Target harus lebih dari 0."]


def test_a_stale_matrix_overwrites_nothing(sekretariat_client, pekanbaru):
    r = renstra_pekanbaru(pekanbaru)
    sk1 = indikator(r, "SK1/1")
    data = matriks(sekretariat_client, pekanbaru)
    # Someone else saves the 2024 target after the page was opened.
    lain = matriks(sekretariat_client, pekanbaru)
    lain[f"target-{sk1.pk}-2024"] = "13"
    assert sekretariat_client.post(url(pekanbaru), lain).status_code == 302
    data[f"alokasi-{sk1.pk}-2024"] = "40.000.000"
    response = sekretariat_client.post(url(pekanbaru), data)
    assert response.status_code == 409
    t = TargetRenstra.objects.get(indikator=sk1, tahun=2024)
    assert (t.target, t.alokasi_indikatif) == (Decimal("13"), 30_000_000)
    akar = baca(response)
    assert any(
        "telah diubah" in p and "target SK1/1 2024" in p and "menjadi “13”" in p
        for p in pesan(akar)
    )
    assert isian(akar, f"alokasi-{sk1.pk}-2024").attrs["value"] == "40.000.000"
    # Saved again knowingly, it goes through.
    again = kiriman(akar) | {"aksi": "matriks"}
    assert sekretariat_client.post(url(pekanbaru), again).status_code == 302
    assert TargetRenstra.objects.get(indikator=sk1, tahun=2024).alokasi_indikatif == 40_000_000


def test_a_page_without_its_baseline_saves_nothing(sekretariat_client, pekanbaru):
    sk1 = indikator(renstra_pekanbaru(pekanbaru), "SK1/1")
    data = matriks(sekretariat_client, pekanbaru)
    del data["tanda"]
    data[f"target-{sk1.pk}-2024"] = "99"
    assert sekretariat_client.post(url(pekanbaru), data).status_code == 409
    assert TargetRenstra.objects.get(indikator=sk1, tahun=2024).target == Decimal("12")


# --- the period ---


def periode(client, satker, renstra, awal: int, akhir: int):
    akar = baca(client.get(url(satker, renstra)))
    return client.post(
        url(satker, renstra),
        {"aksi": "periode", "renstra": str(renstra.pk), "periode-nama": renstra.nama,
         "periode-tahun_awal": str(awal), "periode-tahun_akhir": str(akhir),
         "tanda_periode": isian(akar, "tanda_periode").attrs["value"]},
    )  # fmt: skip


def test_a_period_extended_gives_the_matrix_a_column_for_the_new_year(
    sekretariat_client, pekanbaru
):
    r = renstra_pekanbaru(pekanbaru)
    assert periode(sekretariat_client, pekanbaru, r, 2021, 2025).status_code == 302
    r.refresh_from_db()
    assert r.tahun_akhir == 2025
    sk1 = indikator(r, "SK1/1")
    data = matriks(sekretariat_client, pekanbaru)
    assert data[f"target-{sk1.pk}-2025"] == ""
    data[f"target-{sk1.pk}-2025"] = "14"
    assert sekretariat_client.post(url(pekanbaru), data).status_code == 302
    assert TargetRenstra.objects.get(indikator=sk1, tahun=2025).target == Decimal("14")
    assert RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(Renstra), object_id=r.pk,
        field="tahun_akhir", lama="2.024", baru="2.025",  # as the history prints integers
    ).exists()  # fmt: skip


def test_a_period_is_not_shrunk_past_a_year_that_holds_targets(sekretariat_client, pekanbaru):
    r = renstra_pekanbaru(pekanbaru)
    response = periode(sekretariat_client, pekanbaru, r, 2021, 2023)
    assert response.status_code == 400
    assert any("2024" in g for g in galat_di(baca(response), "periode-tahun_awal", "div"))
    r.refresh_from_db()
    assert r.tahun_akhir == 2024


def test_a_period_longer_than_five_years_is_refused(sekretariat_client, pekanbaru):
    r = renstra_pekanbaru(pekanbaru)
    response = periode(sekretariat_client, pekanbaru, r, 2021, 2026)
    assert response.status_code == 400
    assert "Periode Renstra 1 sampai 5 tahun" in baca(response).teks
    r.refresh_from_db()
    assert r.tahun_akhir == 2024


def test_a_second_renstra_may_not_cover_the_same_year(sekretariat_client, pekanbaru):
    response = sekretariat_client.post(
        url(pekanbaru),
        {"aksi": "buat", "baru-nama": "Renstra lain", "baru-tahun_awal": "2024",
         "baru-tahun_akhir": "2028"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "bertumpuk" in baca(response).teks
    assert Renstra.objects.filter(satker=pekanbaru).count() == 1


# --- who ---


@pytest.mark.parametrize("username", ["reviewer", "operator.pekanbaru", "kepala.pekanbaru"])
def test_only_the_master_data_role_opens_the_renstra_pages(client, demo, pekanbaru, username):
    masuk(client, Pengguna.objects.get(username=username))
    assert client.get(url(pekanbaru)).status_code == 403
    assert client.get(reverse("sekretariat-renstra")).status_code == 403
    r = renstra_pekanbaru(pekanbaru)
    sk1 = indikator(r, "SK1/1")
    client.post(url(pekanbaru), {"aksi": "matriks", f"target-{sk1.pk}-2024": "99"})
    assert TargetRenstra.objects.get(indikator=sk1, tahun=2024).target == Decimal("12")


def test_the_input_names_are_stable():
    """The lead's end-to-end test and scripts fill `target-<indikator pk>-<tahun>`."""
    assert layanan.kunci_target(17, 2024) == "target-17-2024"
