"""The secretariat in a real browser: logs in with its second factor, opens the master-data
hub, finds BSPJI Pekanbaru's Renstra, changes the 2024 target of SK1/1 (12 in LAKIP Tabel 4)
and sees it saved; then opens the performance tree of 2023 and clicks the SK1 box to read
Pekanbaru's capaian (250,00%)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.models import IndikatorRenstra, TargetRenstra

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretariat_changes_a_renstra_target_of_2024(buka, layar, demo, pekanbaru):
    ind = IndikatorRenstra.objects.get(
        sasaran__renstra__satker=pekanbaru, sasaran__kode="SK1", nomor=1
    )
    page = buka("sekretariat")
    page.click("nav >> text=Data induk")
    page.wait_for_url(lambda url: url.endswith("/sekretariat/"))
    page.click("#kartu-renstra >> text=Renstra satker")
    page.fill("#id_q", "Pekanbaru")
    page.click("form.card button[type=submit]")
    page.click(f"#daftar-renstra >> text={pekanbaru.nama}")
    isian = page.locator(f"input[name='target-{ind.pk}-2024']")
    assert isian.input_value() == "12"
    isian.fill("13,5")
    page.click("text=Simpan matriks")
    page.wait_for_selector("ul.messages")
    assert "Matriks Renstra disimpan (1 isian berubah)." in page.inner_text("ul.messages")
    assert page.locator(f"input[name='target-{ind.pk}-2024']").input_value() == "13,5"
    assert "12 → 13,5" in page.inner_text("section.history")
    layar(page, "renstra_sekretariat_pekanbaru")
    assert TargetRenstra.objects.get(indikator=ind, tahun=2024).target == Decimal("13.5")


def test_the_secretariat_clicks_a_goal_of_the_tree(buka, layar, demo, pekanbaru):
    page = buka("sekretariat")
    page.goto(page.url.split("/dasbor/")[0] + "/sekretariat/pohon-kinerja/2023/")
    layar(page, "pohon_kinerja_2023")
    page.click("a[data-simpul='sk-SK1']")
    page.wait_for_url(lambda url: "simpul=sk-SK1" in url)
    rincian = page.inner_text("#rincian")
    assert pekanbaru.nama in rincian and "250,00%" in rincian
    layar(page, "pohon_kinerja_2023_sk1")
