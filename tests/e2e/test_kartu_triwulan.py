"""The quarter page keeps what was typed, in a real browser: saving card B leaves the typing in
card A as it was (the page does not reload); a save that someone else's save made stale is
refused at its card with the typing kept; leaving the page with unsaved typing asks first."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kinerja import siklus
from kinerja.models import RealisasiTriwulan
from satker.models import Pengguna, Satker
from tests.conftest import MANADO

pytestmark = pytest.mark.django_db(transaction=True)

KETIKAN_A = "- Ketikan kartu A yang belum disimpan"


def kartu(page, kode: str):
    return page.locator(
        "section.entry-card", has=page.locator(".mono", has_text=re.compile(f"^{re.escape(kode)}$"))
    )


def test_each_card_saves_alone_and_nothing_typed_is_lost(demo, buka, layar, live_server):
    manado = Satker.objects.get(kode=MANADO)
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )
    lines = {line.kode: line for line in siklus.lines_satker(manado, 2023)}
    url = f"{live_server.url}/entri/satker/{manado.pk}/2023/tw2/"

    operator = buka("operator.manado")
    operator.goto(url)
    operator.evaluate("window.halamanSama = true")  # gone if the page reloads

    # Type in card A, save card B.
    a, b = kartu(operator, "I.1"), kartu(operator, "II.1")
    a.locator("textarea[name$=kegiatan]").fill(KETIKAN_A)
    expect(a.locator("[data-status-simpan]")).to_be_visible()  # "Belum disimpan"
    b.locator("textarea[name$=kegiatan]").fill("- Survei penerapan industri 4.0")
    b.locator("button:has-text('Simpan draf')").click()
    b = kartu(operator, "II.1")
    expect(b.locator(".message.success")).to_have_text(
        re.compile(r"^II\.1 tersimpan sebagai draf \(1 perubahan\)\.$")
    )
    expect(b.locator("[data-status-simpan]")).to_be_hidden()
    assert operator.evaluate("window.halamanSama") is True
    assert a.locator("textarea[name$=kegiatan]").input_value() == KETIKAN_A
    expect(a.locator("[data-status-simpan]")).to_be_visible()
    assert (
        RealisasiTriwulan.objects.get(indikator=lines["II.1"], triwulan=2).kegiatan
        == "- Survei penerapan industri 4.0"
    )
    assert RealisasiTriwulan.objects.get(indikator=lines["I.1"], triwulan=2).kegiatan != KETIKAN_A
    operator.set_viewport_size({"width": 1366, "height": 900})
    a.scroll_into_view_if_needed()
    layar(operator, "kartu-01-b-tersimpan-a-tetap", penuh=False)

    # A second browser saves card A's progress first; the operator's save is then stale.
    kepala = buka("kepala.manado")
    kepala.goto(url)
    ka = kartu(kepala, "I.1")
    ka.locator("input[name$=realisasi_antara]").fill("55")
    ka.locator("button:has-text('Simpan draf')").click()
    expect(kartu(kepala, "I.1").locator(".message.success")).to_contain_text("I.1 tersimpan")

    a.locator("input[name$=realisasi_antara]").fill("40")
    a.locator("button:has-text('Simpan draf')").click()
    a = kartu(operator, "I.1")
    expect(a.locator(".message.error")).to_contain_text(
        "Data ini telah diubah oleh Kepala BSPJI Manado"
    )
    expect(a.locator(".message.error")).to_contain_text("“50” menjadi “55”")
    assert a.locator("input[name$=realisasi_antara]").input_value() == "40"
    assert a.locator("textarea[name$=kegiatan]").input_value() == KETIKAN_A
    expect(a.locator("[data-status-simpan]")).to_be_visible()
    assert operator.evaluate("window.halamanSama") is True
    assert RealisasiTriwulan.objects.get(indikator=lines["I.1"], triwulan=2).realisasi_antara == 55
    a.scroll_into_view_if_needed()
    layar(operator, "kartu-02-bentrok-di-kartu", penuh=False)

    # Leaving with unsaved typing asks: a link of the page (the quarter I tab) ...
    dialog = []

    def tolak(d) -> None:
        dialog.append((d.type, d.message))
        d.dismiss()

    operator.on("dialog", tolak)
    operator.locator("nav.tabs a:has-text('TW 1')").click()
    assert dialog and dialog[0][0] == "confirm"
    assert "belum disimpan (I.1)" in dialog[0][1]
    assert operator.url == url
    assert kartu(operator, "I.1").locator("textarea[name$=kegiatan]").input_value() == KETIKAN_A
    # ... and the browser's own leaving (closing the tab, typing another address).
    operator.close(run_before_unload=True)
    operator.wait_for_timeout(500)
    assert [t for t, _ in dialog] == ["confirm", "beforeunload"]
    assert not operator.is_closed()  # the user chose to stay

    # With nothing left unsaved, the page is left without a question.
    bersih = buka("operator.manado")
    bersih.goto(url)
    bersih.on("dialog", tolak)
    bersih.locator("nav.tabs a:has-text('TW 1')").click()
    bersih.wait_for_url(re.compile(r"/tw1/$"))
    assert len(dialog) == 2
