"""The dashboards in a real browser: the secretariat lands on every balai side by side, opens a
line from the heat map; a satker operator lands on their own dashboard. Screenshots of each
are kept under var/screens/e2e/ to look at."""

from __future__ import annotations

from satker.models import Satker
from tests.conftest import MANADO


def test_the_secretariat_and_a_satker_start_on_their_dashboards(demo, buka, layar, live_server):
    manado = Satker.objects.get(kode=MANADO)
    reviewer = buka("reviewer")
    assert reviewer.url == f"{live_server.url}/dasbor/"
    reviewer.goto(f"{live_server.url}/dasbor/?tahun=2023&triwulan=2")
    assert reviewer.locator("#tabel-peringkat tbody tr").count() == 24
    assert reviewer.locator("svg.grafik").count() == 1
    layar(reviewer, "dasbor-sekretariat")
    # Sorting by the SAKIP score puts BBSPJIKFK (81,60, A) first.
    reviewer.click("#tabel-peringkat th a:text('Nilai SAKIP')")
    reviewer.wait_for_url(lambda url: "urut=sakip" in url)
    assert (
        reviewer.locator("#tabel-peringkat tbody tr").first.inner_text().startswith("1\tBBSPJIKFK")
    )
    # A heat-map cell opens that line of that satker.
    sel = reviewer.locator("#peta-capaian td.status-tercapai a").first
    judul = sel.get_attribute("title")
    assert judul.startswith("Tercapai: ")
    sel.click()
    reviewer.wait_for_url(lambda url: "#baris-" in url)
    anchor = reviewer.url.rsplit("#", 1)[1]
    assert reviewer.locator(f"#{anchor}").is_visible()
    layar(reviewer, "dasbor-sel-dibuka", penuh=False)

    operator = buka("operator.manado")
    assert operator.url == f"{live_server.url}/satker/{manado.pk}/dasbor/"
    assert operator.locator("article.indikator").count() == 13
    layar(operator, "dasbor-satker")
    lebar = operator.evaluate("document.documentElement.scrollWidth")
    assert lebar <= 1366, f"dasbor satker melebar ke samping ({lebar} px)"
