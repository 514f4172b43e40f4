"""A quarter's texts are part of what it needs before the head may submit it: what the check
of the narratives (kinerja.perhitungan.narasi) finds in a line's texts or in a PP-39 section of
the quarter is listed by `siklus.kelengkapan`, after the lines' and the budget's items, and the
submission is refused with it.

The demo quarter (Manado, quarter II 2023) names its figures and tables (fixtures/manado/): its
texts pass, so once IV.1's activities are described nothing is missing. Each case below adds
one sentence the reviewer found in the source report to one text: a figure that is not the
computed one (III.2's PNBP growth is (518.891.250 − 409.440.882) / 409.440.882 × 100 = 26,73),
a table cited by the source's number, a colon with nothing after it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja import siklus
from kinerja.models import PelaporanTriwulan, RealisasiTriwulan, StatusPelaporan
from laporan.models import NarasiLaporan
from satker.models import Pengguna, Satker
from tests.halaman import baca

pytestmark = pytest.mark.django_db

K = siklus.Kekurangan

# The sentence added and the finding, as the check words it.
KASUS = {
    "angka": (
        "Pada Indikator Kinerja III.2, realisasi indikator sebesar 25 persen.",
        "III.2: realisasi ditulis 25, hasil hitung 26,73; tulis {III.2.realisasi}.",
    ),
    "tabel": (
        "Rincian realisasi rencana aksi dapat dilihat pada Tabel 5.",
        "“Tabel 5” diketik sebagai nomor; tulis {tabel:nama} agar nomornya selalu nomor di "
        "laporan ini.",
    ),
    "titik_dua": (
        "Realisasi dari kegiatan tersebut yaitu:",
        "Kalimat “…Realisasi dari kegiatan tersebut yaitu:” diakhiri titik dua tanpa rincian.",
    ),
}


@pytest.fixture
def lengkap(manado) -> PelaporanTriwulan:
    """Manado's quarter II, its period open, made complete where the demo data leave it
    incomplete (IV.1's activities are not described in the source)."""
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )  # fmt: skip
    iv1 = realisasi(manado, "IV.1")
    iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    iv1.save()
    return siklus.pelaporan(manado, 2023, 2)


def realisasi(satker: Satker, kode: str) -> RealisasiTriwulan:
    line = next(x for x in siklus.lines_satker(satker, 2023) if x.kode == kode)
    return RealisasiTriwulan.objects.get(indikator=line, triwulan=2)


def tambah_ke_analisis(satker: Satker, kode: str, kalimat: str) -> None:
    r = realisasi(satker, kode)
    r.analisis = f"{r.analisis.rstrip()}\n\n{kalimat}\n"
    r.save()


def tambah_ke_penutup(satker: Satker, kalimat: str) -> None:
    n = NarasiLaporan.objects.get(
        satker=satker, jenis="pp39", tahun=2023, triwulan=2, bagian="penutup"
    )
    n.teks = f"{n.teks.rstrip()}\n\n{kalimat}\n"
    n.save()


def ditolak_dengan(lap: PelaporanTriwulan, pesan: list[str]) -> None:
    """The head's submission is refused with exactly these messages; the quarter stays a
    draft."""
    with pytest.raises(ValidationError) as exc:
        siklus.ajukan(user=Pengguna.objects.get(username="kepala.manado"), lap=lap)
    assert exc.value.messages == pesan
    assert PelaporanTriwulan.objects.get(pk=lap.pk).status == StatusPelaporan.DRAF


def test_the_converted_demo_quarter_has_no_finding(manado, lengkap):
    assert siklus.kelengkapan(manado, 2023, 2) == []


@pytest.mark.parametrize("kasus", sorted(KASUS))
def test_a_finding_in_a_lines_analisis_is_missing_and_refuses_the_submission(
    manado, lengkap, kasus
):
    kalimat, temuan = KASUS[kasus]
    tambah_ke_analisis(manado, "III.2", kalimat)
    # As a line's items are written: its code, then what is wrong (the code once).
    pesan = temuan if temuan.startswith("III.2: ") else f"III.2: {temuan}"
    assert siklus.kelengkapan(manado, 2023, 2) == [K("III.2", pesan)]
    ditolak_dengan(lengkap, [pesan])


@pytest.mark.parametrize("kasus", sorted(KASUS))
def test_a_finding_in_a_pp39_section_is_missing_and_refuses_the_submission(manado, lengkap, kasus):
    kalimat, temuan = KASUS[kasus]
    tambah_ke_penutup(manado, kalimat)
    pesan = f"Narasi Penutup / kesimpulan: {temuan}"
    assert siklus.kelengkapan(manado, 2023, 2) == [K("", pesan)]
    ditolak_dengan(lengkap, [pesan])


def test_the_findings_come_after_the_lines_and_the_budget_in_their_order(manado, lengkap):
    # IV.1's activities cleared again: a line's own item comes first, then the texts' findings,
    # lines before the report's sections.
    iv1 = realisasi(manado, "IV.1")
    iv1.kegiatan = ""
    iv1.save()
    tambah_ke_penutup(manado, KASUS["tabel"][0])
    tambah_ke_analisis(manado, "VIII.2", KASUS["titik_dua"][0])
    tambah_ke_analisis(manado, "III.2", KASUS["angka"][0])
    assert [k.pesan for k in siklus.kelengkapan(manado, 2023, 2)] == [
        "IV.1: realisasi kegiatan belum diuraikan.",
        KASUS["angka"][1],
        f"VIII.2: {KASUS['titik_dua'][1]}",
        f"Narasi Penutup / kesimpulan: {KASUS['tabel'][1]}",
    ]


def test_named_figures_and_tables_pass(manado, lengkap):
    tambah_ke_analisis(
        manado,
        "III.2",
        "Realisasi indikator sebesar {III.2.realisasi} persen, capaian sebesar "
        "{III.2.capaian} persen ({tabel:sasaran_iii}). Rinciannya:\n\n- PNBP {pnbp.realisasi}",
    )
    tambah_ke_penutup(manado, "Pada Indikator Kinerja III.2, realisasi indikator sebesar 26,73.")
    assert siklus.kelengkapan(manado, 2023, 2) == []


def test_the_satkers_dashboard_sends_a_sections_finding_to_the_narrative_page(
    client, manado, lengkap
):
    tambah_ke_penutup(manado, KASUS["tabel"][0])
    client.force_login(Pengguna.objects.get(username="operator.manado"))
    page = baca(client.get(f"/satker/{manado.pk}/dasbor/"))
    [li] = page.satu("section", id="tugas").satu("ul", kelas="kekurangan").semua("li")
    assert li.teks == f"Narasi Penutup / kesimpulan: {KASUS['tabel'][1]}"
    assert li.satu("a").attrs["href"] == reverse("entri-narasi-pp39", args=[manado.pk, 2023, 2])


def test_a_named_figure_that_cannot_be_computed_is_the_gap_not_an_unknown_name(manado, lengkap):
    # III.4's text names {III.4.realisasi_antara}: with the progress cleared, the line lacks its
    # progress (one item), and the name is still known (it prints "–" until entered).
    r = realisasi(manado, "III.4")
    assert "{III.4.realisasi_antara}" in r.analisis
    r.realisasi_antara = None
    r.save()
    assert siklus.kelengkapan(manado, 2023, 2) == [
        K("III.4", "III.4: realisasi antara (%) belum diisi.")
    ]
