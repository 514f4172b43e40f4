"""Opening a performance year for every satker (the secretariat's year page and
`manage.py buka_tahun`): PK drafts with the Renstra targets of the year, the Rencana Aksi in
last year's shape marked for review, the quarters ready to open; a satker that cannot be
opened listed with the reason; a second opening changes nothing."""

from __future__ import annotations

from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.models import (
    IndikatorPerjanjian,
    PembukaanTahun,
    PerjanjianKinerja,
    RencanaAksi,
    RiwayatPerubahan,
    SasaranKegiatan,
)
from kinerja.services.tahun import buka_tahun
from laporan import services as laporan
from satker.models import Pengguna, Satker
from tests.halaman import baca, tabel
from tests.masuk import masuk

pytestmark = pytest.mark.django_db


@pytest.fixture
def op_pekanbaru(client, demo):
    client.force_login(Pengguna.objects.get(username="operator.pekanbaru"))
    return client


# Pekanbaru's Renstra 2021-2024 (fixtures/pekanbaru/renstra_2021_2024.yaml), its 2024 column
# read by hand: manual indicator → target. Thirteen indicators, eight goals.
TARGET_2024_PEKANBARU = {
    "T3/SP1/c": D("12"),
    "T1/SP2/d": D("1"),
    "T1/SP2/e": D("2.1"),
    "T1/SP3/c": D("15"),
    "T1/SP3/e": D("10"),
    "T1/SP3/f": D("10"),
    "T1/SP3/d": D("50"),
    "T4/SP6/b": D("93"),
    "T2/SP5/b": D("3.52"),
    "T4/SP7/a": D("73"),
    "T4/SP8/c": D("3.54"),
    "T4/SP9/a": D("75"),
    "T4/SP9/b": D("92"),
}


def _rencana_2023(satker: Satker, manual: str, persen: list[str]) -> None:
    """Give last year's line of `manual` another shape (test setup: straight to the table,
    past the quarter lock of the verified 2023 quarters)."""
    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=2023, indikator__kode=manual
    )
    for tw, p in enumerate(persen, start=1):
        RencanaAksi._base_manager.filter(indikator=line, triwulan=tw).update(target_antara=D(p))


def _rencana(satker: Satker, tahun: int, manual: str) -> list[tuple]:
    return list(
        RencanaAksi.objects.filter(
            indikator__sasaran__perjanjian__satker=satker,
            indikator__sasaran__perjanjian__tahun=tahun,
            indikator__indikator__kode=manual,
        )
        .order_by("triwulan")
        .values_list("triwulan", "target_antara", "perlu_ditinjau")
    )


def test_opening_2024_makes_pekanbarus_draft_and_lists_manado_with_the_reason(
    sekretariat_client, pekanbaru, manado, django_capture_on_commit_callbacks
):
    # Last year's shapes: I.1 planned 20/45/70/100 % of its target, III.4 5/25/55/100 %.
    _rencana_2023(pekanbaru, "T3/SP1/c", ["20", "45", "70", "100"])
    _rencana_2023(pekanbaru, "T1/SP3/d", ["5", "25", "55", "100"])
    page = sekretariat_client.get(reverse("sekretariat-tahun") + "?tahun=2024")
    assert [p["siap"] for p in page.context["periode"]] == [False] * 4  # not opened yet
    with django_capture_on_commit_callbacks(execute=True):
        response = sekretariat_client.post(reverse("sekretariat-tahun-buka"), {"tahun": "2024"})
    assert response.status_code == 302
    run = PembukaanTahun.objects.get(tahun=2024)
    assert (run.status, run.kemajuan, run.diminta_oleh.username) == (
        "selesai",
        100,
        "sekretariat",
    )

    pk = PerjanjianKinerja.objects.get(satker=pekanbaru, tahun=2024)
    assert pk.status == "draf" and pk.revisi == 0 and pk.tanggal is None
    lines = IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk).select_related(
        "indikator", "sasaran"
    )
    assert {line.indikator.kode: line.target for line in lines} == TARGET_2024_PEKANBARU
    assert SasaranKegiatan.objects.filter(perjanjian=pk).count() == 8
    # The same share of the year as last year's line of the same indicator: 45 % of this
    # year's 12 % is 5,4 % by the end of quarter II, as 45 % of 10 was 4,5 last year.
    assert _rencana(pekanbaru, 2024, "T3/SP1/c") == [
        (1, D("20"), True),
        (2, D("45"), True),
        (3, D("70"), True),
        (4, D("100"), True),
    ]
    assert _rencana(pekanbaru, 2024, "T1/SP3/d") == [
        (1, D("5"), True),
        (2, D("25"), True),
        (3, D("55"), True),
        (4, D("100"), True),
    ]
    # A line that had no line last year (the satisfaction index) gets no plan to copy.
    assert _rencana(pekanbaru, 2024, "T1/SP2/e") == []
    # The activities are copied too, for the satker to review.
    kegiatan = RencanaAksi.objects.get(
        indikator__sasaran__perjanjian=pk, indikator__indikator__kode="T3/SP1/c", triwulan=2
    ).rencana_kegiatan
    assert "Pejajakan MoU dan kerjasama" in kegiatan

    # Manado has no Renstra in the sources: listed with the reason, nothing made for it.
    assert not PerjanjianKinerja.objects.filter(satker=manado, tahun=2024).exists()
    page = baca(sekretariat_client.get(reverse("sekretariat-tahun") + "?tahun=2024"))
    dilewati = tabel(page, id="dilewati")
    assert dilewati.sel("BSPJI Manado", "Alasan") == (
        "Belum ada Renstra satker yang mencakup tahun 2024."
    )
    assert "BSPJI Pekanbaru" not in dilewati.isi_kolom("Satker")
    assert tabel(page, id="dibuka").isi_kolom("Satker") == ["BSPJI Pekanbaru"]
    assert run.jumlah_dibuka == 1 and run.jumlah_dilewati == Satker.objects.count() - 1
    # The quarters are ready for the reviewer, with the proposed deadline.
    periode = sekretariat_client.get(reverse("sekretariat-tahun") + "?tahun=2024").context[
        "periode"
    ]
    assert [(p["siap"], p["batas_usulan"].isoformat()) for p in periode] == [
        (True, "2024-04-20"),
        (True, "2024-07-20"),
        (True, "2024-10-20"),
        (True, "2025-01-20"),
    ]
    # The draft is recorded in the history as made by the secretariat.
    h = RiwayatPerubahan.objects.filter(
        content_type__model="indikatorperjanjian", satker=pekanbaru, field="__buat__"
    ).first()
    assert h.oleh.username == "sekretariat"


def test_the_reviewer_opens_a_ready_quarter_as_today(reviewer_client, pekanbaru):
    buka_tahun(tahun=2024)
    page = reviewer_client.get(reverse("reviu"))
    assert [(s["tahun"], s["triwulan"]) for s in page.context["siap_dibuka"]] == [
        (2024, 1),
        (2024, 2),
        (2024, 3),
        (2024, 4),
    ]
    reviewer_client.post(
        reverse("reviu-buka"), {"tahun": "2024", "triwulan": "1", "batas": "2024-04-20"}
    )
    page = reviewer_client.get(reverse("reviu"))
    assert [s["triwulan"] for s in page.context["siap_dibuka"]] == [2, 3, 4]


def test_opening_twice_creates_nothing_twice_and_keeps_what_the_satker_changed(pekanbaru, client):
    buka_tahun(tahun=2024)
    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker=pekanbaru,
        sasaran__perjanjian__tahun=2024,
        indikator__kode="T3/SP1/c",
    )
    # The satker changes its draft's target and its plan of quarter I.
    line.target = D("13")
    line.save()
    RencanaAksi.objects.filter(indikator=line, triwulan=1).update(
        target_antara=D("15"), perlu_ditinjau=False
    )
    jumlah = (
        PerjanjianKinerja.objects.count(),
        SasaranKegiatan.objects.count(),
        IndikatorPerjanjian.objects.count(),
        RencanaAksi.objects.count(),
    )
    out = StringIO()
    call_command("buka_tahun", "--tahun", "2024", stdout=out)
    assert (
        PerjanjianKinerja.objects.count(),
        SasaranKegiatan.objects.count(),
        IndikatorPerjanjian.objects.count(),
        RencanaAksi.objects.count(),
    ) == jumlah
    line.refresh_from_db()
    assert line.target == D("13")
    assert _rencana(pekanbaru, 2024, "T3/SP1/c")[0] == (1, D("15"), False)
    teks = out.getvalue()
    assert f"satker 1/{Satker.objects.count()}" in teks  # the progress line
    assert "tidak dibuka: BSPJI Manado: Belum ada Renstra satker yang mencakup tahun 2024." in teks
    assert "Tahun 2024: 0 draf PK dibuat, 1 sudah memiliki PK" in teks
    run = PembukaanTahun.objects.order_by("-id").first()
    assert run.jumlah_sudah_ada == 1 and run.jumlah_dibuka == 0


def test_a_renstra_without_a_usable_target_of_the_year_is_a_reason(pekanbaru):
    run = buka_tahun(tahun=2021)  # Pekanbaru's Renstra has no target of 2021 for most lines
    h = next(h for h in run.hasil if h["singkatan"] == "BSPJI Pekanbaru")
    # 2021 targets (read by hand): T1/SP3/c 5, T1/SP3/d 40, T4/SP6/b 91,5 and a few more.
    assert h["status"] == "dibuka"
    assert any("T3/SP1/c" in c or "SK1/1" in c for c in h["catatan"])
    tanpa = buka_tahun(tahun=2030).hasil
    h = next(h for h in tanpa if h["singkatan"] == "BSPJI Pekanbaru")
    assert (h["status"], h["alasan"]) == (
        "dilewati",
        "Belum ada Renstra satker yang mencakup tahun 2030.",
    )


def test_the_year_page_is_the_secretariats_and_refuses_a_bad_year(sekretariat_client, client, demo):
    response = sekretariat_client.post(reverse("sekretariat-tahun-buka"), {"tahun": "dua ribu"})
    assert response.status_code == 400
    assert response.context["form"].errors["tahun"] == ["Tahun harus berupa angka, mis. 2024."]
    # A year outside what a plan may hold is refused the same way (no date of year 100000).
    response = sekretariat_client.post(reverse("sekretariat-tahun-buka"), {"tahun": "99999"})
    assert response.status_code == 400
    assert response.context["form"].errors["tahun"] == ["Tahun paling akhir 2100."]
    assert not PembukaanTahun.objects.exists()
    beranda = baca(sekretariat_client.get(reverse("sekretariat")))
    assert beranda.satu(id="kartu-tahun").satu("a").attrs["href"] == reverse("sekretariat-tahun")
    # The reviewer reviews; opening the year is the master-data role's.
    masuk(client, Pengguna.objects.get(username="reviewer"))
    assert client.get(reverse("sekretariat-tahun")).status_code == 403
    assert client.post(reverse("sekretariat-tahun-buka"), {"tahun": "2024"}).status_code == 403
    assert not PembukaanTahun.objects.exists()


def test_a_draft_pk_shows_it_is_a_draft(op_pekanbaru, pekanbaru):
    buka_tahun(tahun=2024)
    page = baca(op_pekanbaru.get(reverse("entri-pk", args=[pekanbaru.pk, 2024])))
    assert page.satu(id="status-pk").teks == "Draf, belum ditandatangani"
    page = baca(op_pekanbaru.get(reverse("entri-pk", args=[pekanbaru.pk, 2023])))
    assert page.satu(id="status-pk").teks.startswith("Ditandatangani Jakarta, 27 Oktober 2023")
    # Its print says so on every page; the signed PK's carries no mark.
    assert laporan.susun("pk", pekanbaru, 2024).tanda == "DRAF — belum ditandatangani"
    assert laporan.susun("pk", pekanbaru, 2023).tanda == ""
    # The API tells a draft from a signed PK too.
    hasil = op_pekanbaru.get("/api/v1/perjanjian/", {"satker": pekanbaru.kode}).json()["results"]
    assert {(p["tahun"], p["status"]) for p in hasil} == {
        (2023, "ditandatangani"),
        (2024, "draf"),
    }


def test_opening_a_satker_costs_the_same_queries_whatever_its_number_of_lines(
    pekanbaru, django_assert_max_num_queries
):
    """Pekanbaru's 13 lines and 48 plans are made in bulk: a budget of queries per satker
    that holds at 1,000 satker (the Renstra's reads, last year's, the draft's four inserts
    with their history, the quarter lock's check of the plans, the savepoints), not one per
    line or per plan (that would be over 60)."""
    from kinerja.services.tahun import buka_satker

    with django_assert_max_num_queries(30):
        h = buka_satker(pekanbaru, 2024, ada_pk=False)
    assert (h.status, h.jumlah_baris, h.jumlah_rencana_aksi) == ("dibuka", 13, 48)


def test_the_copied_plan_is_marked_until_the_satker_saves_it(op_pekanbaru, pekanbaru):
    buka_tahun(tahun=2024)
    url = reverse("entri-rencana-aksi", args=[pekanbaru.pk, 2024])
    page = op_pekanbaru.get(url)
    assert page.context["perlu_ditinjau"]
    assert "disalin dari bentuk tahun lalu" in baca(page).satu(id="perlu-ditinjau").teks
    data = {"tanda": page.context["tanda"]}
    for b in page.context["baris"]:
        for s in b["sel"]:
            data[f"t{b['line'].pk}-{s['tw']}"] = s["target_teks"]
            data[f"k{b['line'].pk}-{s['tw']}"] = s["kegiatan"]
    assert op_pekanbaru.post(url, data).status_code == 302
    assert not RencanaAksi.objects.filter(
        indikator__sasaran__perjanjian__satker=pekanbaru, perlu_ditinjau=True
    ).exists()
    assert not op_pekanbaru.get(url).context["perlu_ditinjau"]
