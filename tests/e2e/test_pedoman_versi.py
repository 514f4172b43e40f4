"""The manual's versions in a real browser: the secretariat logs in (password and TOTP code),
goes from the master-data hub to the manual, finds an indicator, makes its 2024 version on
the "Versi baru" page (pre-filled from the latest version) and sees it listed with the years
each version applies to; the 2023 figures keep the old definition."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kinerja.models import HasilPerhitungan, IndikatorKinerja

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretariat_makes_a_2024_version_and_sees_it_listed(demo, buka, layar, live_server):
    indikator = IndikatorKinerja.objects.get(kode="T4/SP9/b")
    definisi_2020 = indikator.versi.get().definisi
    sebelum_2023 = set(
        HasilPerhitungan.objects.filter(tahun=2023, kode_pedoman="T4/SP9/b").values_list(
            "pk", "capaian"
        )
    )
    assert sebelum_2023

    page = buka("sekretariat")
    page.goto(f"{live_server.url}/sekretariat/")
    page.click("#kartu-pedoman >> text=Pedoman indikator")
    page.wait_for_url(lambda url: url.endswith("/sekretariat/pedoman/"))
    page.fill("input[name=q]", "laporan keuangan")
    page.click("#saring-pedoman button[type=submit]")
    page.click("#daftar-pedoman >> text=T4/SP9/b")
    expect(page.locator("#versi-pedoman tbody tr")).to_have_count(1)

    page.click("text=Versi baru >> nth=-1")
    page.wait_for_url(lambda url: url.endswith("/versi/"))
    # Pre-filled from the latest version.
    expect(page.locator("textarea[name=definisi]")).to_have_value(definisi_2020)
    page.fill("input[name=berlaku_mulai]", "2024")
    page.select_option("select[name=klasifikasi]", "minimasi")
    page.select_option("select[name=rumus_minimasi]", "rasio")
    page.fill("input[name=ambang_tercapai]", "95,5")
    page.fill("textarea[name=alasan]", "Pedoman kinerja 2024")
    page.click("#form-versi button[type=submit]")

    page.wait_for_selector("text=Versi pedoman T4/SP9/b berlaku mulai 2024 disimpan.")
    baris = page.locator("#versi-pedoman tbody tr")
    expect(baris).to_have_count(2)
    expect(page.locator("#versi-pedoman tr[data-versi='2024']")).to_contain_text(
        "2024 dan seterusnya"
    )
    expect(page.locator("#versi-pedoman tr[data-versi='2024']")).to_contain_text("Minimasi")
    expect(page.locator("#versi-pedoman tr[data-versi='2020']")).to_contain_text(
        "2020–2023 (juga tahun sebelumnya)"
    )
    expect(page.locator("section.history")).to_contain_text(
        "Pedoman T4/SP9/b versi berlaku mulai 2024"
    )
    layar(page, "pedoman-versi-2024")

    versi = indikator.versi.get(berlaku_mulai=2024)
    assert (versi.klasifikasi, versi.rumus_minimasi, str(versi.ambang_tercapai)) == (
        "minimasi",
        "rasio",
        "95.50",
    )
    # 2023 keeps the 2020 definition: the same stored figures, not rewritten.
    assert (
        set(
            HasilPerhitungan.objects.filter(tahun=2023, kode_pedoman="T4/SP9/b").values_list(
                "pk", "capaian"
            )
        )
        == sebelum_2023
    )
