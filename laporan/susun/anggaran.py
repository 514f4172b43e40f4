"""Budget tables and charts of the reports, from the computed code tree
(kinerja.selectors.anggaran): every total is the roll-up of the leaves, every quarter column is
derived from the one cumulative series."""

from __future__ import annotations

from decimal import Decimal

from kinerja.choices import URUTAN_TINGKAT, TingkatAnggaran
from kinerja.formatting import format_angka, format_rupiah, romawi
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors import anggaran as sel
from kinerja.selectors.capaian import konfigurasi
from laporan import dokumen as d

T = TingkatAnggaran

Pohon = dict[int, sel.NodeAnggaran]


def urut(nodes: Pohon) -> list[sel.NodeAnggaran]:
    return sorted(nodes.values(), key=lambda n: n.item.urutan)


def _kedalaman(n: sel.NodeAnggaran) -> int:
    return URUTAN_TINGKAT.index(n.item.tingkat)


def tabel_program_kegiatan(nodes: Pohon, judul: str, sampai: str = T.RO) -> d.Tabel:
    """Program → kegiatan → KRO → RO (or deeper) with the pagu rolled up from the leaves."""
    batas = URUTAN_TINGKAT.index(sampai)
    baris = []
    for n in urut(nodes):
        k = _kedalaman(n)
        if k > batas:
            continue
        tebal = k <= 1
        baris.append(
            [
                d.teks(n.kode, tebal=tebal),
                d.teks(("  " * k) + n.item.uraian, tebal=tebal),
                d.rupiah(n.hasil.pagu, tebal=tebal),
            ]
        )
    pagu = sel.total_satker(nodes, 12)[0]
    return d.Tabel(
        judul=judul,
        kepala=[d.kolom("Kode", "Program/Kegiatan/Output", "Pagu")],
        baris=baris,
        kaki=[[d.teks("Total", colspan=2, tebal=True), d.rupiah(pagu, tebal=True)]],
        lebar=[16, 60, 20],
        nama_lembar="Program Kegiatan",
    )


def tabel_output(nodes: Pohon, judul: str) -> d.Tabel:
    """The outputs (KRO) with their indicator, volume and unit."""
    baris = []
    for n in urut(nodes):
        if n.item.tingkat != T.KRO:
            continue
        i = n.item
        volume = f"{format_angka(i.volume.normalize())} {i.satuan}".strip() if i.volume else "–"
        baris.append(
            [
                d.teks(i.kode),
                d.teks(i.uraian),
                d.teks(i.indikator_keluaran or "–"),
                d.teks(volume, rata="kanan"),
            ]
        )
    return d.Tabel(
        judul=judul,
        kepala=[d.kolom("Kode", "Kegiatan/Output", "Indikator KRO", "Volume dan satuan")],
        baris=baris,
        lebar=[8, 30, 48, 14],
        nama_lembar="Output Kegiatan",
    )


def _pasangan(posisi: pa.Posisi | None) -> tuple[Decimal | None, ...]:
    if posisi is None or not posisi.sumber:
        return (None, None, None, None)
    return (
        posisi.rencana_keuangan.nilai,
        posisi.realisasi_keuangan.nilai,
        posisi.rencana_fisik.nilai,
        posisi.realisasi_fisik.nilai,
    )


def kolom_realisasi(n: sel.NodeAnggaran, triwulan: int) -> list[d.Sel]:
    """S (plan) and R (realisation), financial and physical, for "s.d. triwulan lalu",
    "triwulan ini" and "s.d. triwulan ini": the middle column is the difference of the two
    cumulative ones, so the three always add up."""
    bulan_lalu, bulan_ini = sel.bulan_posisi(triwulan)
    lalu = _pasangan(n.hasil.posisi.get(bulan_lalu)) if bulan_lalu else (None,) * 4
    ini = _pasangan(n.hasil.posisi.get(bulan_ini))
    selisih = tuple(
        pa.kolom_triwulan(a if bulan_lalu else None, b).ini for a, b in zip(lalu, ini, strict=True)
    )
    # Each value carries the precision it was computed with (the configured one).
    return [d.persen(v, None) for v in (*lalu, *selisih, *ini)]


def tabel_realisasi_output(
    nodes: Pohon, triwulan: int, judul: str, kegiatan: sel.NodeAnggaran | None = None
) -> d.Tabel:
    """Target (S) and realisation (R) of each output, financial and physical, in the three
    quarter columns of the PP-39 report; the total row is the kegiatan's own figures,
    weighted by the kegiatan's pagu."""
    kegiatan_list = (
        [kegiatan] if kegiatan else [n for n in urut(nodes) if n.item.tingkat == T.KEGIATAN]
    )
    baris: list[list[d.Sel]] = []
    kaki: list[list[d.Sel]] = []
    for keg in kegiatan_list:
        if kegiatan is None:
            baris.append([d.teks(f"{keg.kode} {keg.item.uraian}", colspan=16)])
        for n in urut(nodes):
            if n.kode_induk != keg.kode or n.item.tingkat != T.KRO:
                continue
            baris.append(
                [
                    d.teks(n.item.kode),
                    d.teks(n.item.uraian),
                    d.rupiah(n.hasil.pagu),
                    *kolom_realisasi(n, triwulan),
                    d.teks(n.item.lokasi or "–"),
                ]
            )
        jumlah = [
            d.teks(f"Jumlah {keg.kode}", colspan=2, tebal=True),
            d.rupiah(keg.hasil.pagu, tebal=True),
            *kolom_realisasi(keg, triwulan),
            d.teks(""),
        ]
        (kaki if kegiatan else baris).append(jumlah)
    sr = ("S", "R", "S", "R")
    return d.Tabel(
        judul=judul,
        kepala=[
            d.kolom(
                ("Kode", 1, 3),
                ("Output", 1, 3),
                ("Pagu (Rp)", 1, 3),
                ("S.d. triwulan lalu (%)", 4, 1),
                ("Triwulan ini (%)", 4, 1),
                ("S.d. triwulan ini (%)", 4, 1),
                ("Lokasi", 1, 3),
            ),
            d.kolom(*[(j, 2, 1) for j in ("Keuangan", "Fisik") * 3]),
            d.kolom(*(sr * 3)),
            d.nomor_kolom(16),
        ],
        baris=baris,
        kaki=kaki,
        lebar=[5, 20, 11, *([4.6] * 12), 9],
        lanskap=True,
        kecil=True,
        catatan=[
            "S: rencana, R: realisasi. Triwulan ini = s.d. triwulan ini − s.d. triwulan lalu. "
            "Jumlah: dirata-rata tertimbang pagu kegiatan itu sendiri."
        ],
        nama_lembar=f"Realisasi Output {kegiatan.kode}" if kegiatan else "Realisasi Output",
    )


def tabel_realisasi_anggaran(nodes: Pohon, judul: str, bulan: int = 12) -> d.Tabel:
    """Pagu, realisation and its percentage of every node, as LAKIP Tabel 32 prints them."""
    baris = []
    for n in urut(nodes):
        if n.item.tingkat == T.PROGRAM:
            continue
        posisi = n.hasil.posisi.get(bulan)
        tebal = n.item.tingkat in (T.KEGIATAN, T.KRO)
        baris.append(
            [
                d.teks(n.kode, tebal=tebal),
                d.teks(n.item.uraian, tebal=tebal),
                d.rupiah(n.hasil.pagu, tebal=tebal),
                d.rupiah(posisi.realisasi_rp_tercatat if posisi else None, tebal=tebal),
                d.dari_hasil(
                    posisi.realisasi_keuangan if posisi else pa.KOSONG, persen_=True, tebal=tebal
                ),
            ]
        )
    pagu, _, realisasi = sel.total_satker(nodes, bulan)
    tercatat = sel.realisasi_tercatat(nodes, bulan)
    return d.Tabel(
        judul=judul,
        kepala=[
            d.kolom(
                "Kode", "Kegiatan/KRO/RO/Komponen/Sub Komponen", "Pagu (Rp)", "Realisasi (Rp)", "%"
            ),
            d.nomor_kolom(5),
        ],
        baris=baris,
        kaki=[
            [
                d.teks("Total", colspan=2, tebal=True),
                d.rupiah(pagu, tebal=True),
                d.rupiah(tercatat, tebal=True),
                d.dari_hasil(
                    pa.persen_terhadap(realisasi, pagu, pembulatan=konfigurasi().pembulatan),
                    persen_=True,
                    tebal=True,
                ),
            ]
        ],
        lebar=[18, 48, 16, 16, 8],
        kecil=True,
        catatan=[]
        if tercatat is not None or realisasi is None
        else [
            "Realisasi (Rp) dicetak hanya yang dilaporkan sebagai jumlah rupiah (SAKTI/OM SPAN); "
            "baris yang hanya dilaporkan dalam persen bertanda –, persentasenya tetap dihitung."
        ],
        nama_lembar="Realisasi Anggaran",
    )


def tabel_realisasi_triwulan(nodes: Pohon, judul: str) -> d.Tabel:
    """Per leaf, the cumulative financial target (T) and realisation (R) of each quarter, and
    the output realisation at year end (LAKIP Tabel 31)."""
    baris = []
    for i, n in enumerate((n for n in urut(nodes) if n.hasil.daun), start=1):
        sel_tw = []
        for tw in (1, 2, 3, 4):
            posisi = n.hasil.posisi.get(3 * tw)
            t, r, _, _ = _pasangan(posisi)
            sel_tw += [d.persen(t, None), d.persen(r, None)]
        akhir = n.hasil.posisi.get(12)
        baris.append(
            [
                d.angka(i),
                d.teks(f"{n.item.uraian} ({n.kode})"),
                d.rupiah(n.hasil.pagu),
                *sel_tw,
                d.persen(akhir.realisasi_fisik.nilai if akhir else None, None),
            ]
        )
    return d.Tabel(
        judul=judul,
        kepala=[
            d.kolom(
                ("No", 1, 2),
                ("Kegiatan/Komponen/Sub Komponen", 1, 2),
                ("Anggaran (Rp)", 1, 2),
                *[(f"Triwulan {romawi(t)} (%)", 2, 1) for t in (1, 2, 3, 4)],
                ("% Realisasi Output", 1, 2),
            ),
            d.kolom(*(("T", "R") * 4)),
        ],
        baris=baris,
        lebar=[4, 40, 14, *([5] * 8), 8],
        lanskap=True,
        kecil=True,
        catatan=["T: target, R: realisasi keuangan kumulatif, % dari pagu."],
        nama_lembar="Realisasi per Triwulan",
    )


def grafik_rencana_realisasi(nodes: Pohon, sampai_triwulan: int, judul: str) -> d.Grafik:
    """The DIPA's cumulative disbursement plan against its realisation, by quarter."""
    kategori, rencana, realisasi = [], [], []
    for tw in range(1, sampai_triwulan + 1):
        _, r, _ = sel.total_satker(nodes, 3 * tw)
        x = sel.realisasi_tercatat(nodes, 3 * tw)  # a rupiah rebuilt from % is not drawn
        kategori.append(f"TW {romawi(tw)}")
        rencana.append(r)
        realisasi.append(x)
    return d.Grafik(
        judul=judul,
        kategori=kategori,
        seri=[d.Seri("Rencana penarikan (RPD)", rencana), d.Seri("Realisasi", realisasi)],
        satuan="Rp",
        jenis="garis",
        kunci="anggaran",
    )


def tabel_deviasi(hasil: pa.HasilDeviasi, judul: str, tercatat: frozenset[str]) -> d.Tabel:
    """The deviation of each period's realisation from the disbursement plan. A period whose
    realisation was reported only as a percentage shows its rupiah marked "≈" (rebuilt to
    score the deviation, not a reported amount)."""
    baris = [
        [
            d.teks(p.label),
            d.rupiah(p.rencana),
            d.rupiah(p.realisasi)
            if p.label in tercatat or p.realisasi is None
            else d.teks(f"≈ {format_rupiah(p.realisasi)}", rata="kanan"),
            d.dari_hasil(p.deviasi, persen_=True),
        ]
        for p in hasil.periode
    ]
    dibangun = any(p.label not in tercatat and p.realisasi is not None for p in hasil.periode)
    return d.Tabel(
        judul=judul,
        kepala=[d.kolom("Periode", "Rencana penarikan (Rp)", "Realisasi (Rp)", "Deviasi")],
        baris=baris,
        kaki=[
            [
                d.teks("Rata-rata deviasi", colspan=3, tebal=True),
                d.dari_hasil(hasil.rata_rata, persen_=True, tebal=True),
            ],
            [
                d.teks("Nilai deviasi (100 − rata-rata)", colspan=3, tebal=True),
                d.dari_hasil(hasil.nilai, tebal=True),
            ],
        ],
        catatan=[
            "≈: sumber melaporkan realisasi periode ini dalam persen pagu; rupiahnya dihitung "
            "dari persentase itu untuk menilai deviasi, bukan jumlah yang dilaporkan."
        ]
        if dibangun
        else [],
        lebar=[20, 28, 28, 14],
        nama_lembar="Deviasi RPD",
    )
