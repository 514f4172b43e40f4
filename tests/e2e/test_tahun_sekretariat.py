"""Issue 13's year, run by the secretariat in a real browser and never in the Django admin: a
2024 version of an indicator of the manual, a 2024 target of BSPJI Manado's Renstra
changed, 2024 opened for every satker, and Manado's 2024 PK draft holding the new target.

Manado's demo data has no Renstra (its source report, the PP-39, prints none); the test gives
it one covering 2020-2024 with the indicator of its 2023 line I.1, as the secretariat would
have made it earlier on the Renstra page (that page's own flow is
tests/kinerja/test_renstra_sekretariat.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kinerja import siklus
from kinerja.choices import TingkatRenstra
from kinerja.models import (
    IndikatorPerjanjian,
    IndikatorRenstra,
    PerjanjianKinerja,
    Renstra,
    SasaranRenstra,
    TargetRenstra,
    VersiIndikator,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _renstra_manado(manado) -> IndikatorRenstra:
    line = siklus.lines_satker(manado, 2023)[0]
    renstra = Renstra.objects.create(
        tingkat=TingkatRenstra.SATKER, satker=manado, nama="Renstra BSPJI Manado 2020-2024",
        tahun_awal=2020, tahun_akhir=2024,
    )  # fmt: skip
    sasaran = SasaranRenstra.objects.create(renstra=renstra, kode="SK1", nama=line.sasaran.uraian)
    ind = IndikatorRenstra.objects.create(
        sasaran=sasaran, nomor=1, nama=line.uraian, satuan=line.satuan, indikator=line.indikator
    )
    TargetRenstra.objects.create(indikator=ind, tahun=2024, target=Decimal(80))
    return ind


def test_the_secretariat_runs_2024_without_the_admin(buka, layar, live_server, manado):
    ind = _renstra_manado(manado)
    manual = ind.indikator
    page = buka("sekretariat")
    dikunjungi: list[str] = []
    page.on("request", lambda r: dikunjungi.append(r.url))

    # 1. A 2024 version of the manual's indicator.
    page.click("nav >> text=Data induk")
    page.click("#kartu-pedoman >> text=Pedoman indikator")
    page.fill("input[name=q]", manual.kode)
    page.click("#saring-pedoman button[type=submit]")
    page.click(f"#daftar-pedoman >> text={manual.kode}")
    page.click("text=Versi baru >> nth=-1")
    page.wait_for_url(lambda url: url.endswith("/versi/"))
    page.fill("input[name=berlaku_mulai]", "2024")
    page.fill("input[name=ambang_tercapai]", "95")
    page.fill("textarea[name=alasan]", "Pedoman kinerja 2024")
    page.click("#form-versi button[type=submit]")
    page.wait_for_selector(f"text=Versi pedoman {manual.kode} berlaku mulai 2024 disimpan.")
    expect(page.locator("#versi-pedoman tr[data-versi='2024']")).to_contain_text(
        "2024 dan seterusnya"
    )

    # 2. Manado's 2024 Renstra target: 80 → 87,5.
    page.click("nav >> text=Data induk")
    page.click("#kartu-renstra >> text=Renstra satker")
    page.fill("#id_q", "Manado")
    page.click("form.card button[type=submit]")
    page.click(f"#daftar-renstra >> text={manado.nama}")
    isian = page.locator(f"input[name='target-{ind.pk}-2024']")
    expect(isian).to_have_value("80")
    isian.fill("87,5")
    page.click("text=Simpan matriks")
    expect(page.locator("ul.messages")).to_contain_text("Matriks Renstra disimpan")

    # 3. 2024 opened for every satker (in the background; the page follows it).
    page.click("nav >> text=Data induk")
    page.click("#kartu-tahun >> text=Tahun kinerja")
    page.fill("input[name=tahun]", "2024")
    page.click("text=Buka tahun untuk semua satker")
    expect(page.locator("#ringkasan")).to_be_visible(timeout=120_000)
    expect(page.locator("#dibuka")).to_contain_text(manado.singkatan)
    layar(page, "tahun_2024_dibuka")

    # 4. Manado's 2024 PK draft, opened from the result, holds the new target.
    page.click(f"#dibuka >> text={manado.singkatan}")
    expect(page.locator("#status-pk")).to_contain_text("Draf")
    draf = PerjanjianKinerja.objects.get(satker=manado, tahun=2024)
    line = IndikatorPerjanjian.objects.get(sasaran__perjanjian=draf, indikator=manual)
    assert line.target == Decimal("87.5")
    expect(page.locator(f"input[name='t{line.pk}']")).to_have_value("87,5")
    layar(page, "pk_2024_manado_draf")

    # The 2024 version is the one that applies to the draft's year, 2023 keeps the old one.
    assert VersiIndikator.objects.filter(indikator=manual, berlaku_mulai=2024).exists()
    assert not [u for u in dikunjungi if "/admin/" in u]
