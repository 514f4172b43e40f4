"""The PDF laid out in parts (laporan.render.tata_letak) is the PDF of one WeasyPrint pass
over the same HTML: the same pages with the same text (page numbers, running headers and
contents included), the same bookmarks, destinations and links. And the cache of laid-out
parts is used when it may be and never when it may not."""

from __future__ import annotations

import copy
import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from laporan import dokumen, services
from laporan.render import pdf, tata_letak
from tests.laporan.conftest import normal, susun_report

pytestmark = pytest.mark.django_db


def _halaman(isi: bytes) -> list[tuple[str, tuple]]:
    """Every page's text (whitespace collapsed) and size."""
    return [
        (normal(p.extract_text()), tuple(round(float(v)) for v in p.mediabox))
        for p in PdfReader(io.BytesIO(isi)).pages
    ]


def _penanda(isi: bytes) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, page)."""
    r = PdfReader(io.BytesIO(isi))

    def datar(simpul, kedalaman=0):
        for s in simpul:
            if isinstance(s, list):
                yield from datar(s, kedalaman + 1)
            else:
                yield kedalaman, s.title, r.get_destination_page_number(s)

    return list(datar(r.outline))


def _tautan(isi: bytes) -> list[tuple[int, str, int | None, tuple]]:
    """Every link: its page, its destination's name and the page that name leads to, and
    where it is on its page."""
    r = PdfReader(io.BytesIO(isi))
    tujuan = {k: r.get_destination_page_number(v) for k, v in r.named_destinations.items()}
    hasil = []
    for i, p in enumerate(r.pages):
        for a in p.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") == "/Link":
                nama = str(a.get("/Dest"))
                rect = tuple(round(float(v)) for v in a["/Rect"])
                hasil.append((i, nama, tujuan.get(nama), rect))
    return hasil


@pytest.mark.parametrize("nama", ["lakip-pekanbaru", "pp39-manado"])
def test_parts_join_into_the_pages_of_one_pass(rendered, nama):
    """The report as served (laid out in parts) against one pass over its whole HTML: every
    page with its page number, running header, footer and contents entries; every bookmark
    and link where it leads."""
    bagian = rendered(nama)
    satu = pdf.render_satu_lintasan(bagian.laporan)
    assert bagian.halaman == satu.halaman
    assert _halaman(bagian.pdf) == _halaman(satu.isi)
    assert _penanda(bagian.pdf) == _penanda(satu.isi)
    tautan = _tautan(bagian.pdf)
    assert len(tautan) > 100
    assert all(t[2] is not None for t in tautan), "a link leads nowhere"
    assert tautan == _tautan(satu.isi)


def test_contents_give_the_page_each_chapter_prints(rendered):
    """Worked from the joined PDF alone: the page number the contents give for each chapter
    is the number printed at the foot of the page the chapter starts on."""
    r = rendered("lakip-pekanbaru")
    halaman = r.pages
    daftar = next(t for t in halaman if t.startswith("DAFTAR ISI"))
    for judul in ("BAB I PENDAHULUAN", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"):
        nomor = re.search(re.escape(judul) + r" \.+ (\d+)", daftar).group(1)
        awal = next(t for t in halaman if t.startswith(judul))
        assert awal.endswith(f" {nomor}"), (judul, nomor, awal[-60:])
    # The front matter is numbered in roman, the body from 1 at Bab I.
    assert next(t for t in halaman if t.startswith("BAB I ")).endswith(" 1")
    assert next(t for t in halaman if t.startswith("KATA PENGANTAR")).split()[-1] in {
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    }  # fmt: skip


@pytest.fixture
def hitung_tata_letak(monkeypatch):
    """Counts the documents WeasyPrint lays out."""
    asli = tata_letak.tata_letak
    hitungan = []

    def hitung(html: str, base_url: str, *argumen):
        hitungan.append(html)
        return asli(html, base_url, *argumen)

    monkeypatch.setattr(tata_letak, "tata_letak", hitung)
    return hitungan


@pytest.fixture
def cache_sementara(settings, tmp_path):
    settings.LAPORAN_TATA_LETAK_CACHE = tmp_path / "cache"
    return tmp_path / "cache"


def _paragraf_bab(laporan: dokumen.Laporan, nomor: str) -> dokumen.Paragraf:
    bab = next(b for b in laporan.bab if b.nomor == nomor)
    return next(blok for s in bab.semua() for blok in s.isi if isinstance(blok, dokumen.Paragraf))


def test_cache_is_used_for_what_did_not_change(demo, cache_sementara, hitung_tata_letak):
    """A second rendering of the same report lays nothing out and gives the same bytes; an
    edit to one chapter's text lays out that chapter's part only (and the contents and the
    page numbers when its page count changed)."""
    laporan = susun_report("pp39", "247246", 2)
    salinan = copy.deepcopy(laporan)  # the same report, assembled the same minute
    pertama = services.render(laporan, "pdf")
    jumlah_bagian = len(hitung_tata_letak)
    assert jumlah_bagian >= 6
    assert any(cache_sementara.rglob("*.pdf"))

    hitung_tata_letak.clear()
    kedua = services.render(salinan, "pdf")
    assert hitung_tata_letak == []
    assert kedua.isi == pertama.isi

    # A draft's footer names the minute it was assembled: a minute later only the contents
    # (which print their own footer) and the page-number sheet are laid out again.
    laporan.kaki = laporan.kaki + " (semenit kemudian)"
    hitung_tata_letak.clear()
    ketiga_menit = services.render(laporan, "pdf")
    assert len(hitung_tata_letak) == 2
    assert all("semenit kemudian" in h for h in hitung_tata_letak)
    assert "semenit kemudian" in _halaman(ketiga_menit.isi)[-1][0]

    diubah = susun_report("pp39", "247246", 2)
    paragraf = _paragraf_bab(diubah, "BAB IV")
    paragraf.teks = paragraf.teks.replace("BSPJI Manado", "Balai Manado", 1)
    hitung_tata_letak.clear()
    ketiga = services.render(diubah, "pdf")
    assert 1 <= len(hitung_tata_letak) <= 3
    assert "Balai Manado" in hitung_tata_letak[0]
    assert "Balai Manado" in " ".join(t for t, _ in _halaman(ketiga.isi))


def test_segar_lays_everything_out_and_keeps_nothing(demo, cache_sementara, hitung_tata_letak):
    laporan = susun_report("pk", "417912", None)
    services.render(laporan, "pdf", segar=True)
    semua = len(hitung_tata_letak)
    assert semua >= 2  # the part(s) and the page-number sheet
    assert not any(cache_sementara.rglob("*.pdf"))

    services.render(laporan, "pdf")
    assert any(cache_sementara.rglob("*.pdf"))
    hitung_tata_letak.clear()
    services.render(laporan, "pdf", segar=True)
    assert len(hitung_tata_letak) == semua


def test_two_processes_give_the_same_pdf(demo, settings, cache_sementara):
    """Laid out in two worker processes, from nothing cached: the pages of one pass."""
    settings.LAPORAN_TATA_LETAK_PROSES = 2
    laporan = susun_report("pp39", "417912", 4)
    hasil = services.render(laporan, "pdf", segar=True)
    assert _halaman(hasil.isi) == _halaman(pdf.render_satu_lintasan(laporan).isi)


def test_a_celery_worker_lays_out_in_its_own_process(settings, monkeypatch):
    """A daemonic process (a Celery prefork worker) may not start processes."""
    settings.LAPORAN_TATA_LETAK_PROSES = 4
    assert tata_letak.jumlah_proses() == 4
    monkeypatch.setattr(tata_letak.multiprocessing.current_process(), "daemon", True)
    assert tata_letak.jumlah_proses() == 1


def test_command_segar_says_how_far_it_is(demo, cache_sementara, tmp_path, capsys):
    keluaran = tmp_path / "pk.pdf"
    call_command(
        "render_laporan",
        "--jenis=pk",
        "--satker=417912",
        "--tahun=2023",
        "--format=pdf",
        f"--output={keluaran}",
        "--segar",
    )
    err = capsys.readouterr().err
    langkah = re.findall(r"Menata letak (\d+)/(\d+)", err)
    assert langkah and langkah[-1][0] == langkah[-1][1]
    assert PdfReader(keluaran).pages
    assert not any(cache_sementara.rglob("*.pdf"))


def test_cache_stays_within_its_bound(tmp_path):
    """The parts read least recently go first when the cache outgrows its bound."""
    import os

    cache = tata_letak.Cache(tmp_path, batas=2500)
    halaman = [tata_letak.Halaman("utama", 794.0, 1123.0)]
    for i, kunci in enumerate(("aa01", "bb02", "cc03")):
        cache.simpan(kunci, tata_letak.HasilBagian(b"%PDF" + b"x" * 1000, halaman))
        os.utime(tmp_path / kunci[:2] / f"{kunci}.json", (1000 + i, 1000 + i))
    assert cache.ambil("aa01") is not None  # read now: the most recent
    cache.pangkas()
    assert cache.ambil("bb02") is None
    assert cache.ambil("aa01") is not None and cache.ambil("cc03") is not None
    assert cache.ambil("cc03").halaman == halaman


def test_a_celery_pool_child_lays_out_in_its_own_process(settings, monkeypatch):
    import billiard

    settings.LAPORAN_TATA_LETAK_PROSES = 4
    monkeypatch.setattr(billiard.current_process(), "daemon", True, raising=False)
    assert tata_letak.jumlah_proses() == 1


_BERITA_TAK_TERBACA = """
import django
django.setup()
from laporan.render import pdf, tata_letak

# Pages with many anchors make news larger than a pipe holds (64 KiB on Linux).
jangkar = "<p>" + "".join(f'<a id="j{i}"></a>' for i in range(3000)) + "</p>"
with tata_letak._Penata(2, str(pdf.STATIC) + "/", None, "", lambda langkah: None) as penata:
    for i in range(2):  # one per worker
        penata.serahkan(f"<html><body>{i}{jangkar}</body></html>", "bagian", kabar=True)
    hasil = penata.semua_hasil()  # the news is never read
print(len(hasil), min(len(h.halaman[0].jangkar) for h in hasil.values()))
"""


def test_news_of_pages_left_unread_does_not_keep_the_workers_from_exiting():
    """Each worker reports its pages before writing its PDF; a report of pages nobody reads
    any more (the result carries them too) must not hang the pool's shutdown."""
    import os
    import subprocess
    import sys

    keluaran = subprocess.run(
        [sys.executable, "-c", _BERITA_TAK_TERBACA],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert keluaran.stdout.split() == ["2", "3000"], keluaran.stderr[-2000:]
