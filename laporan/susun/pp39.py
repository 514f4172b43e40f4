"""The PP-39 quarterly control and evaluation report of a satker (Laporan Pengendalian dan
Evaluasi Triwulan, PP 39/2006), in the structure of BSPJI Manado's report: memo, cover,
foreword, contents; Bab I-IV; annexes Form A per kegiatan, Form Pengukuran Rencana Aksi, Form
ALKI and the component recap."""

from __future__ import annotations

import datetime

from kinerja.choices import TingkatAnggaran
from kinerja.formatting import format_rupiah, format_tanggal, romawi
from kinerja.models import IndikatorPerjanjian, KegiatanAlki, RekapKomponen
from kinerja.perhitungan import Status, akhir_triwulan
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
    kumpulkan,
    nota_dinas,
    penandatangan,
    sampul_satker,
    tabel_pk,
    tanda_satker,
    tanpa_html,
    tempat_tanggal,
)
from satker.models import Satker

T = TingkatAnggaran


def susun(satker: Satker, tahun: int, triwulan: int) -> d.Laporan:
    k = kumpulkan(satker, tahun, triwulan, "pp39")
    nodes = sel_anggaran.pohon(satker, tahun, bulan=sel_anggaran.SETAHUN)
    tw = romawi(triwulan)
    akhir = akhir_triwulan(tahun, triwulan)
    laporan = d.Laporan(
        jenis="pp39",
        judul=f"Laporan Pengendalian dan Evaluasi (PP-39) Triwulan {tw} {tahun}",
        satker=satker.singkatan,
        periode=f"Triwulan {tw} Tahun {tahun} (posisi {format_tanggal(akhir)})",
        tanda=tanda_satker(satker),
        sampul=d.Sampul(
            ["LAPORAN PENGENDALIAN", f"DAN EVALUASI TRIWULAN {tw} (PP-39)", f"TAHUN {tahun}"],
            sampul_satker(satker),
            str(tahun),
        ),
        nota_dinas=nota_dinas(k, f"Laporan Triwulan {tw} TA. {tahun}"),
        depan=[
            d.Bagian(
                "KATA PENGANTAR",
                isi=[
                    *k.blok_narasi(B.KATA_PENGANTAR),
                    d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
                ],
            )
        ],
        bab=[
            _bab_i(k),
            _bab_ii(k, nodes),
            _bab_iii(k, nodes),
            _bab_iv(k, nodes, akhir),
        ],
        lampiran=_lampiran(k, nodes),
    )
    return laporan.nomori()


# --- Bab I and II -------------------------------------------------------------------------


def _bab_i(k: Konteks) -> d.Bagian:
    return d.Bagian(
        "PENDAHULUAN",
        nomor="BAB I",
        anak=[
            d.Bagian("Tugas dan Fungsi", "1.1.", 2, k.blok_narasi(B.TUGAS_FUNGSI)),
            d.Bagian("Latar Belakang Kegiatan/Program", "1.2.", 2, k.blok_narasi(B.LATAR_BELAKANG)),
            d.Bagian("Struktur Organisasi", "1.3.", 2, k.blok_narasi(B.STRUKTUR_ORGANISASI)),
        ],
    )


def _bab_ii(k: Konteks, nodes: ta.Pohon) -> d.Bagian:
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
    manual = line.indikator
    if manual is not None and manual.cara_menghitung:
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


def _bab_iii(k: Konteks, nodes: ta.Pohon) -> d.Bagian:
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


def _bab_iv(k: Konteks, nodes: ta.Pohon, akhir: datetime.date) -> d.Bagian:
    bulan = 3 * k.triwulan
    pagu, _, realisasi = sel_anggaran.total_satker(nodes, bulan)
    persen = pa.persen_terhadap(realisasi, pagu, pembulatan=konfigurasi().pembulatan)
    pnbp = sel_anggaran.pnbp_per_tahun(k.satker, [k.tahun], sampai=akhir)[0]
    status = [k.hasil[line.pk].status for line in k.lines]
    ringkas = [
        ("Pagu anggaran", format_rupiah(pagu)),
        (
            f"Realisasi anggaran s.d. Triwulan {romawi(k.triwulan)}",
            f"{format_rupiah(realisasi)} ({persen.tampil}%)" if realisasi is not None else "–",
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


# --- annexes ------------------------------------------------------------------------------


def _form_a(k: Konteks, nodes: ta.Pohon, keg, rekap: list[RekapKomponen]) -> d.Bagian:
    program = next((n for n in nodes.values() if n.kode == keg.kode_induk), None)
    tw = romawi(k.triwulan)
    kro = [n for n in ta.urut(nodes) if n.kode_induk == keg.kode and n.item.tingkat == T.KRO]
    data_keuangan = d.Tabel(
        judul=f"Data keuangan dan indikator keluaran per output kegiatan {keg.kode}",
        kepala=[
            d.kolom(
                "Kode dan nama output",
                "Anggaran (Rp)",
                "Indikator keluaran (output)",
                "Volume dan satuan",
            )
        ],
        baris=[
            [
                d.teks(f"{n.item.kode} {n.item.uraian}"),
                d.rupiah(n.hasil.pagu),
                d.teks(n.item.indikator_keluaran or "–"),
                d.teks(
                    f"{d.angka(n.item.volume.normalize()).teks()} {n.item.satuan}"
                    if n.item.volume
                    else "–",
                    rata="kanan",
                ),
            ]
            for n in kro
        ],
        kaki=[
            [
                d.teks("Total", tebal=True),
                d.rupiah(keg.hasil.pagu, tebal=True),
                d.teks(""),
                d.teks(""),
            ]
        ],
        lebar=[30, 16, 40, 14],
        nama_lembar=f"Form A {keg.kode} keuangan",
    )
    realisasi = ta.tabel_realisasi_output(
        nodes, k.triwulan, f"Target dan realisasi pelaksanaan per output kegiatan {keg.kode}", keg
    )
    kode_kro = {n.kode for n in kro}
    masalah = [
        r
        for r in rekap
        if (r.kategori_masalah or r.keterangan_masalah)
        and any(r.item.kode_lengkap.startswith(kode + ".") for kode in kode_kro)
    ]
    kendala = d.Tabel(
        judul=f"Kendala dan langkah tindak lanjut kegiatan {keg.kode}",
        kepala=[d.kolom("No", "Output/komponen", "Kendala", "Keterangan/tindak lanjut")],
        baris=[
            [
                d.angka(i),
                d.teks(f"{r.item.kode_lengkap} {r.item.uraian}"),
                d.teks(r.kategori_masalah or "–"),
                d.teks(r.keterangan_masalah or "–"),
            ]
            for i, r in enumerate(masalah, start=1)
        ]
        or [[d.teks("Tidak ada kendala yang tercatat pada rekap komponen.", colspan=4)]],
        lebar=[4, 34, 30, 32],
        nama_lembar=f"Form A {keg.kode} kendala",
    )
    umum = d.Rincian(
        [
            ("Nomor kode dan nama unit organisasi", f"({k.satker.kode}) {k.satker.nama.upper()}"),
            (
                "Nomor kode dan nama program",
                f"{program.kode} {program.item.uraian}" if program else "–",
            ),
            ("Nomor kode dan nama kegiatan", f"{keg.kode} – {keg.item.uraian}"),
            ("Penanggung jawab kegiatan", penandatangan(k).nama or "–"),
            ("Tempat kedudukan", k.satker.alamat or k.satker.kota),
            ("Nomor surat pengesahan DIPA", _nomor_dipa(k)),
        ]
    )
    return d.Bagian(
        f"Form A Triwulan {tw}: Kegiatan {keg.kode} {keg.item.uraian}",
        lanskap=True,
        isi=[
            d.Paragraf(
                f"LAPORAN PELAKSANAAN KEGIATAN TRIWULAN {tw} TAHUN ANGGARAN {k.tahun} "
                f"{k.satker.nama.upper()}",
                "tengah",
            ),
            d.Paragraf("I. Data umum", "subjudul"),
            umum,
            d.Paragraf("II. Data keuangan dan indikator keluaran per output kegiatan", "subjudul"),
            data_keuangan,
            d.Paragraf("III. Target dan realisasi pelaksanaan per output", "subjudul"),
            realisasi,
            d.Paragraf("IV. Kendala dan langkah tindak lanjut yang diperlukan", "subjudul"),
            kendala,
        ],
    )


def _nomor_dipa(k: Konteks) -> str:
    from kinerja.models import Dipa

    dipa = Dipa.objects.filter(satker=k.satker, tahun=k.tahun).only("nomor").first()
    return dipa.nomor if dipa else "–"


def _lampiran(k: Konteks, nodes: ta.Pohon) -> list[d.Bagian]:
    rekap = list(
        RekapKomponen.objects.filter(
            item__satker=k.satker, item__tahun=k.tahun, bulan__lte=3 * k.triwulan
        )
        .select_related("item")
        .order_by("item__urutan", "-bulan")
    )
    # The recap of each component at the latest month up to the quarter's end.
    terakhir: dict[int, RekapKomponen] = {}
    for r in rekap:
        terakhir.setdefault(r.item_id, r)
    rekap = list(terakhir.values())
    kegiatan = [n for n in ta.urut(nodes) if n.item.tingkat == T.KEGIATAN]
    lampiran = [_form_a(k, nodes, keg, rekap) for keg in kegiatan]
    lampiran.append(
        d.Bagian(
            f"Form Pengukuran Rencana Aksi Triwulan {romawi(k.triwulan)}",
            isi=[
                tabel_pengukuran(
                    k,
                    f"Form pengukuran rencana aksi Perjanjian Kinerja Triwulan "
                    f"{romawi(k.triwulan)} TA. {k.tahun}",
                ),
                d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
            ],
            lanskap=True,
        )
    )
    lampiran.append(_form_alki(k))
    lampiran.append(_rekap_komponen(k, nodes, rekap))
    return lampiran


def _form_alki(k: Konteks) -> d.Bagian:
    alki = list(KegiatanAlki.objects.filter(satker=k.satker, tahun=k.tahun).order_by("nomor"))
    if not alki:
        return d.Bagian(
            "Form ALKI",
            isi=[
                d.Paragraf(
                    "Data monitoring ALKI satker ini untuk tahun ini belum tersedia.", "kosong"
                )
            ],
        )
    posisi = max(a.tanggal_posisi for a in alki)
    tabel = d.Tabel(
        judul=f"Form ALKI posisi {format_tanggal(posisi)}",
        kepala=[
            d.kolom(
                ("No", 1, 2),
                ("Kegiatan", 1, 2),
                ("Pagu (Rp)", 1, 2),
                ("Keuangan (%)", 2, 1),
                ("Fisik (%)", 2, 1),
            ),
            d.kolom("Target", "Realisasi", "Target", "Realisasi"),
        ],
        baris=[
            [
                d.angka(a.nomor),
                d.teks(a.uraian),
                d.rupiah(a.pagu),
                d.persen(a.target_keuangan, None),
                d.persen(a.realisasi_keuangan, None),
                d.persen(a.target_fisik, None),
                d.persen(a.realisasi_fisik, None),
            ]
            for a in alki
        ],
        kaki=[
            [
                d.teks("Jumlah", colspan=2, tebal=True),
                d.rupiah(sum(a.pagu for a in alki), tebal=True),
                d.teks("", colspan=4),
            ]
        ],
        lebar=[4, 46, 14, 9, 9, 9, 9],
        kecil=True,
        nama_lembar="Form ALKI",
    )
    return d.Bagian("Form ALKI", isi=[tabel, d.TandaTangan([penandatangan(k)], tempat_tanggal(k))])


def _rekap_komponen(k: Konteks, nodes: ta.Pohon, rekap: list[RekapKomponen]) -> d.Bagian:
    if not rekap:
        return d.Bagian(
            "Rekap Pelaporan Komponen",
            isi=[
                d.Paragraf("Rekap komponen (e-Monev) belum tersedia untuk periode ini.", "kosong")
            ],
        )
    pagu = {n.item.pk: n.hasil.pagu for n in nodes.values()}
    baris = []
    for i, r in enumerate(rekap, start=1):
        alokasi = pagu.get(r.item_id, 0)
        baris.append(
            [
                d.angka(i),
                d.teks(f"{r.item.kode_lengkap} {r.item.uraian}"),
                d.teks(r.get_status_display()),
                d.persen(r.progres, None),
                d.teks(r.fisik_riil or "–"),
                d.rupiah(alokasi),
                d.rupiah(r.realisasi_rp),
                d.dari_hasil(
                    pa.persen_terhadap(
                        r.realisasi_rp, alokasi, pembulatan=konfigurasi().pembulatan
                    ),
                    persen_=True,
                ),
                d.teks(r.status_kemanfaatan or "–"),
                d.teks(r.kategori_masalah or "–"),
                d.teks(r.keterangan_masalah or "–"),
            ]
        )
    tabel = d.Tabel(
        judul=f"Rekap pelaporan komponen Triwulan {romawi(k.triwulan)} (kumulatif)",
        kepala=[
            d.kolom(
                "No",
                "Komponen",
                "Status",
                "Progres",
                "Fisik riil",
                "Alokasi (Rp)",
                "Realisasi (Rp)",
                "%",
                "Status kemanfaatan",
                "Kategori permasalahan",
                "Keterangan",
            ),
        ],
        baris=baris,
        lebar=[3, 24, 8, 6, 7, 11, 11, 6, 8, 8, 12],
        lanskap=True,
        kecil=True,
        catatan=["Alokasi adalah pagu komponen yang dijumlahkan dari rinciannya; % dihitung."],
        nama_lembar="Rekap Komponen",
    )
    return d.Bagian("Rekap Pelaporan Komponen", isi=[tabel], lanskap=True)
