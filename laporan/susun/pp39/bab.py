"""Bab I-IV of the PP-39 quarterly report: tasks and organisation, the programme and budget,
the Rencana Aksi and the quarter's measurement per sasaran and indicator, the conclusions."""

from __future__ import annotations

import datetime

from kinerja.choices import TingkatAnggaran
from kinerja.formatting import format_rupiah, format_tanggal, romawi
from kinerja.models import IndikatorPerjanjian
from kinerja.perhitungan import Status
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors import anggaran as sel_anggaran
from kinerja.selectors.capaian import konfigurasi
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun import anggaran as ta
from laporan.susun.umum import (
    HURUF,
    Konteks,
    angka_target,
    penandatangan,
    tabel_pk,
    tanpa_html,
    tempat_tanggal,
)

T = TingkatAnggaran


# --- Bab I and II -------------------------------------------------------------------------


def bab_i(k: Konteks) -> d.Bagian:
    return d.Bagian(
        "PENDAHULUAN",
        nomor="BAB I",
        anak=[
            d.Bagian("Tugas dan Fungsi", "1.1.", 2, k.blok_narasi(B.TUGAS_FUNGSI)),
            d.Bagian("Latar Belakang Kegiatan/Program", "1.2.", 2, k.blok_narasi(B.LATAR_BELAKANG)),
            d.Bagian("Struktur Organisasi", "1.3.", 2, k.blok_narasi(B.STRUKTUR_ORGANISASI)),
        ],
    )


def bab_ii(k: Konteks, nodes: ta.Pohon) -> d.Bagian:
    s = k.satker.singkatan
    return d.Bagian(
        "RENCANA PROGRAM/KEGIATAN",
        nomor="BAB II",
        anak=[
            d.Bagian(
                f"Kegiatan Tahun Anggaran {k.tahun}",
                "2.1.",
                2,
                [
                    *k.blok_narasi(B.RENCANA_ANGGARAN),
                    tabel_pk(k, f"Perjanjian Kinerja {s} Tahun {k.tahun}"),
                    ta.tabel_program_kegiatan(nodes, f"Program Kegiatan {s} Tahun {k.tahun}"),
                ],
            ),
            d.Bagian(
                "Sasaran Kegiatan dan Indikator Kinerja Kegiatan",
                "2.2.",
                2,
                [*k.blok_narasi(B.PERJANJIAN_KINERJA), ta.tabel_output(nodes, "Output Kegiatan")],
            ),
        ],
    )


# --- Bab III ----------------------------------------------------------------------------


def _daftar(teks: str) -> str:
    """A cell's text: list markers of the entered text kept one item per line."""
    return "\n".join(b.strip() for b in (teks or "").splitlines() if b.strip()) or "–"


def _ra(line: IndikatorPerjanjian, triwulan: int):
    return next((r for r in line.rencana_aksi.all() if r.triwulan == triwulan), None)


def _realisasi(line: IndikatorPerjanjian, triwulan: int):
    return next((r for r in line.realisasi.all() if r.triwulan == triwulan), None)


def tabel_rencana_aksi(k: Konteks, judul: str) -> d.Tabel:
    baris = []
    for s in k.sasaran:
        lines = list(s.indikator.all())
        for i, line in enumerate(lines):
            sel_tw = []
            for tw in (1, 2, 3, 4):
                ra = _ra(line, tw)
                sel_tw += [
                    d.persen(ra.target_antara if ra else None, None),
                    d.teks(_daftar(ra.rencana_kegiatan) if ra else "–"),
                ]
            kepala = (
                [d.teks(romawi(s.nomor), rowspan=len(lines)), d.teks(s.uraian, rowspan=len(lines))]
                if i == 0
                else []
            )
            baris.append(
                [
                    *kepala,
                    d.teks(f"{line.kode} {line.uraian}"),
                    angka_target(line.target),
                    d.teks(line.get_satuan_display()),
                    *sel_tw,
                ]
            )
    return d.Tabel(
        judul=judul,
        kepala=[
            d.kolom(
                ("No", 1, 3),
                ("Sasaran Kegiatan", 1, 3),
                ("Indikator Kinerja", 1, 3),
                ("Target", 1, 3),
                ("Satuan", 1, 3),
                ("Rencana Aksi", 8, 1),
            ),
            d.kolom(*[(f"Triwulan {romawi(t)}", 2, 1) for t in (1, 2, 3, 4)]),
            d.kolom(*(("Target Antara (%)", "Rencana Kegiatan") * 4)),
        ],
        baris=baris,
        lebar=[3, 10, 13, 4, 5, *([4.5, 11.5] * 4)],
        lanskap=True,
        kecil=True,
        nama_lembar="Rencana Aksi",
    )


def tabel_pengukuran(k: Konteks, judul: str) -> d.Tabel:
    """Target antara against realisasi antara of the quarter, with the computed realisasi,
    capaian and status of every line."""
    tw = k.triwulan
    baris = []
    for s in k.sasaran:
        lines = list(s.indikator.all())
        for i, line in enumerate(lines):
            h = k.hasil[line.pk]
            ra, real = _ra(line, tw), _realisasi(line, tw)
            kepala = (
                [d.teks(romawi(s.nomor), rowspan=len(lines)), d.teks(s.uraian, rowspan=len(lines))]
                if i == 0
                else []
            )
            baris.append(
                [
                    *kepala,
                    d.teks(f"{line.kode} {line.uraian}"),
                    angka_target(line.target),
                    d.teks(line.get_satuan_display()),
                    d.dari_hasil(h.realisasi),
                    d.dari_hasil(h.capaian, persen_=True),
                    d.persen(h.target_antara, None),
                    d.teks(_daftar(ra.rencana_kegiatan) if ra else "–"),
                    d.persen(h.realisasi_antara, None),
                    d.teks(_daftar(real.kegiatan) if real else "–"),
                    d.dari_hasil(h.capaian_antara, persen_=True)
                    if h.capaian_antara
                    else d.persen(None),
                    d.teks(h.status.label, rata="tengah"),
                    d.teks(_daftar(real.kendala) if real and real.kendala else "–"),
                ]
            )
    return d.Tabel(
        judul=judul,
        kepala=[
            d.kolom(
                ("No", 1, 2),
                ("Sasaran Kegiatan", 1, 2),
                ("Indikator Kinerja", 1, 2),
                ("Target", 1, 2),
                ("Satuan", 1, 2),
                ("Realisasi", 1, 2),
                ("Capaian", 1, 2),
                (f"Triwulan {romawi(tw)}", 5, 1),
                ("Status", 1, 2),
                ("Kendala/Permasalahan", 1, 2),
            ),
            d.kolom(
                "Target Antara (%)",
                "Rencana Kegiatan",
                "Realisasi Antara (%)",
                "Realisasi Kegiatan",
                "Capaian Antara",
            ),
            d.nomor_kolom(14),
        ],
        baris=baris,
        lebar=[3, 9, 12, 4, 5, 6, 6, 5, 12, 5, 14, 6, 6, 10],
        lanskap=True,
        kecil=True,
        catatan=[
            "Realisasi dan capaian dihitung dari data dukung atau nilai yang dilaporkan; "
            "capaian antara = realisasi antara / target antara."
        ],
        nama_lembar=f"Pengukuran TW {romawi(tw)}",
    )


def _bagian_sasaran(k: Konteks, s, huruf: str) -> d.Bagian:
    tw = k.triwulan
    lines = list(s.indikator.all())
    baris = []
    for line in lines:
        h = k.hasil[line.pk]
        ra, real = _ra(line, tw), _realisasi(line, tw)
        baris.append(
            [
                d.teks(f"{line.kode} {line.uraian}"),
                angka_target(line.target),
                d.teks(line.get_satuan_display()),
                d.dari_hasil(h.realisasi),
                d.dari_hasil(h.capaian, persen_=True),
                d.persen(h.target_antara, None),
                d.persen(h.realisasi_antara, None),
                d.teks(_daftar(ra.rencana_kegiatan) if ra else "–"),
                d.teks(_daftar(real.kegiatan) if real else "–"),
            ]
        )
    tabel = d.Tabel(
        judul=f"Sasaran Kegiatan {romawi(s.nomor)}",
        kepala=[
            d.kolom(
                ("Indikator Kinerja", 1, 3),
                ("Target", 1, 3),
                ("Satuan", 1, 3),
                ("Realisasi", 1, 3),
                ("Capaian", 1, 3),
                (f"Sampai Triwulan {romawi(tw)}", 4, 1),
            ),
            d.kolom(("% Fisik", 2, 1), ("Realisasi", 2, 1)),
            d.kolom("Target", "Realisasi", "Rencana Kegiatan", "Realisasi Kegiatan"),
        ],
        baris=baris,
        lebar=[17, 5, 7, 8, 8, 6, 6, 19, 24],
        kecil=True,
        nama_lembar=f"Sasaran {romawi(s.nomor)}",
    )
    isi: list[d.Blok] = [tabel]
    anak = []
    for n, line in enumerate(lines, start=1):
        anak.append(_bagian_indikator(k, line, n))
    return d.Bagian(f"Sasaran Kegiatan {romawi(s.nomor)}: {s.uraian}", f"{huruf}.", 3, isi, anak)


def _bagian_indikator(k: Konteks, line: IndikatorPerjanjian, n: int) -> d.Bagian:
    tw = k.triwulan
    h = k.hasil[line.pk]
    real = _realisasi(line, tw)
    isi: list[d.Blok] = []
    manual = k.versi(line)  # the manual's version of the report's year
    if manual.cara_menghitung:
        isi.append(d.Paragraf(tanpa_html(manual.cara_menghitung)))
    ringkas = (
        f"Pada Triwulan {romawi(tw)} TA. {k.tahun} target antara indikator ini "
        f"{_persen(h.target_antara)} dengan realisasi antara {_persen(h.realisasi_antara)}"
    )
    if h.capaian_antara is not None and h.capaian_antara.nilai is not None:
        ringkas += f" (capaian antara {h.capaian_antara.tampil}%)"
    isi.append(d.Paragraf(ringkas + f"; status: {h.status.label.lower()}."))
    if h.rumus:
        isi.append(d.Paragraf(h.rumus, "rumus"))
    isi.append(d.Paragraf("a) Hasil yang telah dicapai dan analisis capaian kinerja", "subjudul"))
    isi += d.narasi(
        "\n\n".join(
            x for x in ((real.kegiatan if real else ""), (real.analisis if real else "")) if x
        ),
        kosong="Hasil dan analisis capaian triwulan ini belum diisi.",
    )
    isi.append(d.Paragraf("b) Kendala", "subjudul"))
    isi += d.narasi(real.kendala if real else "", kosong="Tidak ada kendala yang dilaporkan.")
    if isi and isinstance(isi[-1], d.Paragraf) and isi[-1].gaya == "kosong":
        isi[-1].gaya = ""  # no obstacle is something the satker reports, not a gap
    isi.append(d.Paragraf("c) Tindak lanjut dan rekomendasi", "subjudul"))
    isi += d.narasi(
        "\n\n".join(
            x
            for x in ((real.tindak_lanjut if real else ""), (real.rekomendasi if real else ""))
            if x
        ),
        kosong="Tindak lanjut dan rekomendasi belum diisi.",
    )
    return d.Bagian(f"Indikator {line.kode}: {line.uraian}", f"{n})", 4, isi, di_daftar_isi=False)


def _persen(nilai) -> str:
    return "–" if nilai is None else f"{d.persen(nilai, None).teks()}"


def bab_iii(k: Konteks, nodes: ta.Pohon) -> d.Bagian:
    tw = romawi(k.triwulan)
    per_sasaran = [_bagian_sasaran(k, s, HURUF[i]) for i, s in enumerate(k.sasaran)]
    kendala = [
        f"{line.kode} {line.uraian}: {_realisasi(line, k.triwulan).kendala.strip()}"
        for line in k.lines
        if _realisasi(line, k.triwulan) and _realisasi(line, k.triwulan).kendala.strip()
    ]
    belum = [
        f"{line.kode} {line.uraian} ({k.hasil[line.pk].status.label.lower()})"
        for line in k.lines
        if k.hasil[line.pk].status in (Status.PERLU_PERHATIAN, Status.TIDAK_TERCAPAI)
    ]
    hambatan_pk: list[d.Blok] = k.blok_narasi(B.HAMBATAN_PK)
    if kendala:
        hambatan_pk += [
            d.Paragraf("Kendala yang dilaporkan pada pengukuran triwulan ini:"),
            d.Daftar(kendala),
        ]
    if belum:
        hambatan_pk += [
            d.Paragraf("Indikator yang progresnya di bawah target antara:"),
            d.Daftar(belum),
        ]
    rumah_grafik = ta.grafik_rencana_realisasi(
        nodes, k.triwulan, f"Rencana penarikan dan realisasi anggaran s.d. Triwulan {tw}"
    )
    kegiatan = [n for n in ta.urut(nodes) if n.item.tingkat == T.KEGIATAN]
    return d.Bagian(
        "PELAKSANAAN KEGIATAN",
        nomor="BAB III",
        anak=[
            d.Bagian(
                "Hasil yang Telah Dicapai dan Analisis Capaian Kinerja",
                "3.1.",
                2,
                [
                    *k.blok_narasi(B.ANALISIS_CAPAIAN),
                    tabel_rencana_aksi(k, f"Rencana Aksi Perjanjian Kinerja Tahun {k.tahun}"),
                ],
                [
                    d.Bagian(
                        "Hasil yang Telah Dicapai dan Analisis Capaian Kinerja Berdasarkan "
                        "Indikator Kinerja dalam Perjanjian Kinerja",
                        "3.1.1.",
                        3,
                        [
                            tabel_pengukuran(
                                k,
                                f"Pengukuran Rencana Aksi Perjanjian Kinerja Triwulan {tw} "
                                f"TA. {k.tahun}",
                            )
                        ],
                        per_sasaran,
                    ),
                    d.Bagian(
                        "Hasil yang Telah Dicapai dan Analisis Capaian Kinerja Berdasarkan "
                        "Output Kegiatan",
                        "3.1.2.",
                        3,
                        [
                            *k.blok_narasi(B.OUTPUT_KEGIATAN),
                            *[
                                ta.tabel_realisasi_output(
                                    nodes,
                                    k.triwulan,
                                    f"Realisasi capaian kinerja Triwulan {tw} berdasarkan "
                                    f"output kegiatan {keg.kode} {keg.item.uraian}",
                                    keg,
                                )
                                for keg in kegiatan
                            ],
                            rumah_grafik,
                            ta.tabel_deviasi(
                                sel_anggaran.deviasi_penarikan(nodes, 3 * k.triwulan),
                                f"Deviasi realisasi terhadap rencana penarikan dana s.d. "
                                f"Triwulan {tw}",
                                sel_anggaran.periode_tercatat(nodes, 3 * k.triwulan),
                            ),
                        ],
                    ),
                ],
            ),
            d.Bagian(
                "Hambatan dan Kendala Pelaksanaan",
                "3.2.",
                2,
                anak=[
                    d.Bagian(
                        "Hambatan dan Kendala Pelaksanaan Perjanjian Kinerja",
                        "3.2.1.",
                        3,
                        hambatan_pk,
                    ),
                    d.Bagian(
                        "Hambatan dan Kendala Pelaksanaan Kegiatan",
                        "3.2.2.",
                        3,
                        k.blok_narasi(B.HAMBATAN_KEGIATAN),
                    ),
                ],
            ),
            d.Bagian(
                "Langkah Tindak Lanjut",
                "3.3.",
                2,
                anak=[
                    d.Bagian(
                        "Langkah Tindak Lanjut Perjanjian Kinerja",
                        "3.3.1.",
                        3,
                        k.blok_narasi(B.TINDAK_LANJUT_PK),
                    ),
                    d.Bagian(
                        "Langkah Tindak Lanjut Pelaksanaan Kegiatan",
                        "3.3.2.",
                        3,
                        k.blok_narasi(B.TINDAK_LANJUT_KEGIATAN),
                    ),
                ],
            ),
        ],
    )


# --- Bab IV -------------------------------------------------------------------------------


def bab_iv(k: Konteks, nodes: ta.Pohon, akhir: datetime.date) -> d.Bagian:
    bulan = 3 * k.triwulan
    pagu, _, realisasi = sel_anggaran.total_satker(nodes, bulan)
    tercatat = sel_anggaran.realisasi_tercatat(nodes, bulan)
    persen = pa.persen_terhadap(realisasi, pagu, pembulatan=konfigurasi().pembulatan)
    pnbp = sel_anggaran.pnbp_per_tahun(k.satker, [k.tahun], sampai=akhir)[0]
    status = [k.hasil[line.pk].status for line in k.lines]
    ringkas = [
        ("Pagu anggaran", format_rupiah(pagu)),
        (
            f"Realisasi anggaran s.d. Triwulan {romawi(k.triwulan)}",
            # The rupiah only as reported (SAKTI / OM SPAN), never rebuilt from percentages.
            f"{format_rupiah(tercatat)} ({persen.tampil}%)"
            if tercatat is not None
            else f"{persen.tampil}% dari pagu"
            if realisasi is not None
            else "–",
        ),
        ("Target PNBP", format_rupiah(pnbp.target) if pnbp.target else "–"),
        (
            f"Penerimaan PNBP s.d. {format_tanggal(akhir)}",
            f"{format_rupiah(pnbp.total)} ({pnbp.persen_total.tampil}%)" if pnbp.total else "–",
        ),
        (
            "Indikator Perjanjian Kinerja",
            f"{len(status)} indikator: {status.count(Status.TERCAPAI)} sesuai/melampaui target "
            f"antara, {status.count(Status.PERLU_PERHATIAN)} perlu perhatian, "
            f"{status.count(Status.TIDAK_TERCAPAI)} di bawah target antara, "
            f"{status.count(Status.TIDAK_DAPAT_DINILAI)} belum dapat dinilai",
        ),
    ]
    return d.Bagian(
        "PENUTUP",
        nomor="BAB IV",
        isi=[
            d.Paragraf(
                f"Ringkasan pelaksanaan kegiatan {k.satker.singkatan} s.d. Triwulan "
                f"{romawi(k.triwulan)} Tahun {k.tahun}, dihitung dari data aplikasi:"
            ),
            d.Rincian(ringkas),
            *k.blok_narasi(B.PENUTUP),
            d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
        ],
    )
