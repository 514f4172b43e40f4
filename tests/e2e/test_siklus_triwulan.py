"""One quarter walked through in a real browser: the secretariat opens the period; an operator
fills Manado's quarter II from scratch, sees the figures appear while typing, is refused an
invalid value with a message (what was typed stays), saves drafts and uploads evidence; the
head submits; a reviewer returns one item with a note; the operator corrects it; it is
submitted again and verified; an edit after locking is refused; the quarter's PP-39 is then
downloaded from its archive, byte for byte what was hashed at verification."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from playwright.sync_api import expect

from kinerja.models import (
    BuktiDukung,
    CatatanReviu,
    PelaporanTriwulan,
    RealisasiTriwulan,
    SnapshotPelaporan,
    StatusPelaporan,
)
from kinerja.siklus import lines_satker
from laporan.models import BerkasLaporan
from satker.models import Satker
from tests.berkas import PDF_SAH
from tests.conftest import MANADO

pytestmark = pytest.mark.django_db(transaction=True)

PDF_KECIL = PDF_SAH


def kartu(page, kode: str):
    return page.locator(
        "section.entry-card", has=page.locator(".mono", has_text=re.compile(f"^{re.escape(kode)}$"))
    )


def test_one_quarter_from_entry_to_verification(demo, buka, layar, live_server, tmp_path):
    manado = Satker.objects.get(kode=MANADO)
    lines = lines_satker(manado, 2023)
    # From scratch: quarter II's measurement of every line is removed.
    RealisasiTriwulan.objects.filter(indikator__in=lines, triwulan=2).delete()
    target_antara = {
        line.kode: next(r.target_antara for r in line.rencana_aksi.all() if r.triwulan == 2)
        for line in lines
    }

    # 1. The secretariat opens quarter II of 2023.
    reviewer = buka("reviewer")
    reviewer.goto(f"{live_server.url}/reviu/")
    reviewer.fill("input[name=tahun]", "2023")
    reviewer.select_option("select[name=triwulan]", "2")
    batas = datetime.date.today() + datetime.timedelta(days=30)
    reviewer.fill("input[name=batas]", batas.isoformat())
    reviewer.click("text=Buka periode >> nth=-1")
    reviewer.wait_for_selector("text=Periode Triwulan II 2023 dibuka.")
    layar(reviewer, "01-reviewer-periode-dibuka")

    # 2. The operator fills the quarter.
    operator = buka("operator.manado")
    url = f"{live_server.url}/entri/satker/{manado.pk}/2023/tw2/"
    operator.goto(url)
    assert operator.locator("#kekurangan li").count() >= len(lines)  # nothing entered yet
    layar(operator, "02-operator-kosong", penuh=False)

    pertama = kartu(operator, "I.1")
    # The figures appear while typing: 50% progress against a 50% target antara → 100,00%.
    pertama.locator("input[name$=realisasi_antara]").fill("50")
    expect(pertama.locator("[data-hasil=capaian_antara]")).to_have_text("100,00%")
    expect(pertama.locator("[data-hasil=status_progres]")).to_have_text("Tercapai")
    # Below target: the status changes and kendala/tindak lanjut become required.
    pertama.locator("input[name$=realisasi_antara]").fill("30")
    expect(pertama.locator("[data-hasil=capaian_antara]")).to_have_text("60,00%")
    expect(pertama.locator("[data-hasil=status_progres]")).to_have_text("Tidak tercapai")
    expect(pertama.locator(".hasil")).to_contain_text("kendala dan tindak lanjut wajib diisi")
    layar(operator, "03-operator-pratinjau", penuh=False)

    # An invalid value is refused with a message; what was typed stays, nothing is saved.
    pertama.locator("input[name$=realisasi_antara]").fill("150")
    pertama.locator("textarea[name$=kegiatan]").fill("- Komunikasi dengan Disperindag Kotamobagu")
    pertama.locator("button:has-text('Simpan draf')").click()
    operator.wait_for_selector("text=Realisasi antara antara 0 dan 100.")
    pertama = kartu(operator, "I.1")
    assert pertama.locator("input[name$=realisasi_antara]").input_value() == "150"
    assert "Kotamobagu" in pertama.locator("textarea[name$=kegiatan]").input_value()
    assert not RealisasiTriwulan.objects.filter(
        indikator__sasaran__perjanjian__satker=manado, triwulan=2
    ).exists()
    layar(operator, "04-operator-ditolak", penuh=False)

    # Drafts: every line, one card at a time (a draft may be incomplete, then completed).
    for line in lines:
        card = kartu(operator, line.kode)
        card.locator("input[name$=realisasi_antara]").fill(
            str(target_antara[line.kode]).replace(".", ",")
        )
        card.locator("textarea[name$=kegiatan]").fill(
            f"- Kegiatan {line.kode} triwulan II sesuai rencana aksi"
        )
        card.locator("button:has-text('Simpan draf')").click()
        operator.wait_for_selector(f"text={line.kode} tersimpan sebagai draf")
    assert RealisasiTriwulan.objects.filter(indikator__in=lines, triwulan=2).count() == len(lines)
    assert operator.locator("text=Semua isian lengkap").is_visible()

    # Evidence: a PDF is accepted; a text file named .pdf is refused by its content.
    bukti = tmp_path / "notulen-kolaborasi.pdf"
    bukti.write_bytes(PDF_KECIL)
    palsu = tmp_path / "palsu.pdf"
    palsu.write_text("bukan pdf")
    card = kartu(operator, "I.1")
    card.locator("input[type=file]").set_input_files(str(palsu))
    card.locator("button:has-text('Unggah')").click()
    operator.wait_for_selector("text=bukan PDF, gambar (PNG/JPEG) atau dokumen Office")
    card = kartu(operator, "I.1")
    card.locator("input[type=file]").set_input_files(str(bukti))
    card.locator("button:has-text('Unggah')").click()
    operator.wait_for_selector("text=bukti “notulen-kolaborasi.pdf” diunggah")
    assert (
        BuktiDukung.objects.filter(realisasi__indikator__sasaran__perjanjian__satker=manado).count()
        == 1
    )
    layar(operator, "05-operator-lengkap", penuh=False)

    # 3. The head submits.
    kepala = buka("kepala.manado")
    kepala.goto(url)
    kepala.click("button:has-text('Ajukan laporan triwulan')")
    kepala.wait_for_selector("text=diajukan untuk direviu")
    lap = PelaporanTriwulan.objects.get(satker=manado, tahun=2023, triwulan=2)
    assert lap.status == StatusPelaporan.DIAJUKAN
    assert SnapshotPelaporan.objects.filter(pelaporan=lap).count() == 1
    layar(kepala, "06-kepala-diajukan", penuh=False)

    # 4. The reviewer returns one item with a note.
    reviewer.goto(f"{live_server.url}/reviu/")
    reviewer.click(f"a:has-text('{manado.singkatan}')")
    ii1 = next(line for line in lines if line.kode == "II.1")
    reviewer.fill(
        f"#catatan_{ii1.pk}", "Sebutkan nama perusahaan yang disurvei pada realisasi kegiatan."
    )
    layar(reviewer, "07-reviewer-catatan", penuh=False)
    reviewer.click("button:has-text('Kembalikan dengan catatan')")
    reviewer.wait_for_selector("text=dikembalikan dengan catatan")
    lap.refresh_from_db()
    assert lap.status == StatusPelaporan.DIKEMBALIKAN

    # 5. The operator sees the note on the item and corrects it.
    operator.goto(url)
    card = kartu(operator, "II.1")
    assert "Sebutkan nama perusahaan" in card.locator(".review-note").inner_text()
    card.locator("textarea[name$=kegiatan]").fill(
        "- Survei penerapan Industri 4.0 di UD RT. Tokin (Minahasa Selatan)"
    )
    card.locator("button:has-text('Simpan draf')").click()
    operator.wait_for_selector("text=II.1 tersimpan sebagai draf")
    card = kartu(operator, "II.1")
    card.locator("details.history summary").click()
    assert "UD RT. Tokin" in card.locator("details.history").inner_text()  # history: old → new
    layar(operator, "08-operator-perbaikan", penuh=False)

    # 6. Submitted again, 7. verified.
    kepala.goto(url)
    kepala.click("button:has-text('Ajukan laporan triwulan')")
    kepala.wait_for_selector("text=diajukan untuk direviu")
    assert CatatanReviu.objects.get(pelaporan=lap).diselesaikan is not None
    reviewer.goto(f"{live_server.url}/reviu/pelaporan/{lap.pk}/")
    reviewer.click("button:has-text('Verifikasi dan kunci')")
    reviewer.wait_for_selector("text=diverifikasi dan dikunci")
    lap.refresh_from_db()
    assert lap.status == StatusPelaporan.DIVERIFIKASI
    assert SnapshotPelaporan.objects.filter(pelaporan=lap).count() == 2
    layar(reviewer, "09-reviewer-terverifikasi", penuh=False)

    # 8. An edit after locking is refused; nothing changes. The form is disabled; a request
    # sent anyway (the fields re-enabled by hand) is refused by the server.
    operator.goto(url)
    assert (
        operator.locator(".notice.locked").inner_text().endswith("sudah diverifikasi dan terkunci.")
    )
    card = kartu(operator, "I.1")
    expect(card.locator("textarea[name$=kegiatan]")).to_be_disabled()
    card.locator("fieldset").evaluate("el => el.disabled = false")
    card.locator("textarea[name$=kegiatan]").fill("Perubahan setelah dikunci")
    card.locator("button:has-text('Simpan draf')").click()
    operator.wait_for_selector(".message.error >> text=sudah diverifikasi dan terkunci")
    i1 = RealisasiTriwulan.objects.get(
        indikator__in=[x for x in lines if x.kode == "I.1"], triwulan=2
    )
    assert "Perubahan setelah dikunci" not in i1.kegiatan
    layar(operator, "10-operator-terkunci", penuh=False)

    # 9. The verification archived the PP-39 (in-process here: no broker); the Laporan page
    # offers the archive with its SHA-256, and the download is the archived bytes.
    pdf = BerkasLaporan.objects.get(satker=manado, arsip=True, format="pdf")
    assert (pdf.status, pdf.versi) == ("selesai", 1)
    operator.goto(f"{live_server.url}/laporan/satker/{manado.pk}/?tahun=2023")
    sel = operator.locator("td.berkas.arsip").first
    assert "Arsip v1" in sel.inner_text() and pdf.sha256[:16] in sel.inner_text()
    assert pdf.sha256 in operator.locator("table.arsip-list").inner_text()
    layar(operator, "11-operator-arsip")
    with operator.expect_download() as unduhan:
        sel.locator("a:has-text('Unduh')").click()
    unduhan.value.save_as(tmp_path / "arsip.pdf")
    data = (tmp_path / "arsip.pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == pdf.sha256
    assert unduhan.value.suggested_filename == f"pp39-{MANADO}-2023-tw2-arsip-v1.pdf"


def test_screens_on_a_tablet(demo, buka, layar, live_server):
    """The main screens fit a tablet in portrait (820 px): nothing scrolls sideways."""
    manado = Satker.objects.get(kode=MANADO)
    page = buka("operator.manado", lebar=820, tinggi=1180)
    for nama, path in (
        ("tablet-beranda", "/"),
        ("tablet-dasbor-satker", f"/satker/{manado.pk}/dasbor/"),
        ("tablet-satker", f"/satker/{manado.pk}/"),
        ("tablet-pengisian", f"/entri/satker/{manado.pk}/2023/tw2/"),
        ("tablet-laporan", f"/laporan/satker/{manado.pk}/"),
    ):
        page.goto(f"{live_server.url}{path}")
        layar(page, nama, penuh=False)
        lebar_isi = page.evaluate("document.documentElement.scrollWidth")
        assert lebar_isi <= 820, f"{path} melebar ke samping ({lebar_isi} px)"
