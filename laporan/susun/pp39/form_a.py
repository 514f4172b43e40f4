"""Form A of the PP-39 annex, one per kegiatan (Laporan Pelaksanaan Kegiatan): I. the ten
items of its data umum, II. budget and output indicator per output, III. target and
realisation per output in the three quarter columns, IV. the kendala of its outputs with the
follow-up needed and who is expected to help; signed by the head of the satker."""

from __future__ import annotations

from kinerja.choices import TingkatAnggaran
from kinerja.formatting import format_tanggal, romawi
from kinerja.models import Dipa, LaporanKegiatan
from kinerja.perhitungan import akhir_triwulan
from kinerja.selectors.anggaran import NodeAnggaran
from laporan import dokumen as d
from laporan.susun import anggaran as ta
from laporan.susun.umum import Konteks

T = TingkatAnggaran

JUDUL_KENDALA = (
    "No",
    "Output",
    "Kendala",
    "Tindak lanjut yang diperlukan",
    "Pihak yang diharapkan dapat membantu penyelesaian masalah",
)


def laporan_kegiatan(k: Konteks) -> dict[int, LaporanKegiatan]:
    """The quarter's Form A records of the satker, with their kendala, by kegiatan id."""
    qs = (
        LaporanKegiatan.objects.filter(
            satker=k.satker, kegiatan__tahun=k.tahun, triwulan=k.triwulan
        )
        .select_related("kegiatan")
        .prefetch_related("kendala__output")
    )
    return {lk.kegiatan_id: lk for lk in qs}


def nomor_dipa(k: Konteks) -> str:
    dipa = Dipa.objects.filter(satker=k.satker, tahun=k.tahun).only("nomor").first()
    return dipa.nomor if dipa else "–"


def _data_umum(
    k: Konteks, keg: NodeAnggaran, program, lk: LaporanKegiatan | None, dipa: str
) -> d.Rincian:
    s = k.satker
    kode_program = f"{program.kode}. {program.item.uraian}" if program else "–"
    if lk is not None and program is not None:
        kode_program = f"{lk.kode_sub_fungsi}.{kode_program}"
    return d.Rincian(
        [
            ("1. Nomor kode dan nama unit organisasi", f"({s.kode}) {s.nama.upper()}"),
            ("2. Nomor kode dan nama fungsi", f"{lk.kode_fungsi}. {lk.fungsi}" if lk else "–"),
            (
                "3. Nomor kode dan nama sub fungsi",
                f"{lk.kode_sub_fungsi}. {lk.sub_fungsi}" if lk else "–",
            ),
            ("4. Nomor kode dan nama program", kode_program),
            ("5. Indikator hasil", (lk and lk.indikator_hasil) or "–"),
            ("6. Nomor kode dan nama kegiatan", f"{keg.kode} - {keg.item.uraian}"),
            (
                "7. Jangka waktu pelaksanaan kegiatan/tahun ke",
                f"{lk.jangka_waktu}/{lk.tahun_ke}" if lk else "–",
            ),
            ("8. Penanggung jawab kegiatan", (lk and lk.penanggung_jawab) or s.kepala_nama or "–"),
            (
                "9. Tempat kedudukan penanggung jawab kegiatan",
                (lk and lk.tempat_kedudukan) or s.alamat or s.kota,
            ),
            ("10. Nomor surat pengesahan DIPA", dipa),
        ],
        "lebar",
    )


def _tabel_keuangan(keg: NodeAnggaran, kro: list[NodeAnggaran]) -> d.Tabel:
    return d.Tabel(
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


def _tabel_kendala(keg: NodeAnggaran, lk: LaporanKegiatan | None) -> d.Tabel:
    kendala = list(lk.kendala.all()) if lk else []
    baris = [
        [
            d.angka(x.nomor, rata="tengah"),
            d.teks(f"{x.output.kode} {x.output.uraian}" if x.output else "Kegiatan"),
            d.teks(x.kendala),
            d.teks(x.tindak_lanjut or "–"),
            d.teks(x.pihak_membantu or "–"),
        ]
        for x in kendala
    ]
    if not baris:
        pesan = (
            "Tidak ada kendala pada triwulan ini."
            if lk
            else "Kendala kegiatan ini untuk triwulan ini belum diisi satker."
        )
        baris = [[d.teks(pesan, colspan=len(JUDUL_KENDALA))]]
    return d.Tabel(
        judul=f"Kendala dan langkah tindak lanjut kegiatan {keg.kode}",
        kepala=[d.kolom(*JUDUL_KENDALA), d.nomor_kolom(len(JUDUL_KENDALA))],
        baris=baris,
        lebar=[5, 22, 28, 25, 20],
        nama_lembar=f"Form A {keg.kode} kendala",
    )


def form_a(
    k: Konteks, nodes: ta.Pohon, keg: NodeAnggaran, lk: LaporanKegiatan | None, dipa: str
) -> d.Bagian:
    """The Form A of one kegiatan for the report's quarter."""
    program = next((n for n in nodes.values() if n.kode == keg.kode_induk), None)
    tw = romawi(k.triwulan)
    kro = [n for n in ta.urut(nodes) if n.kode_induk == keg.kode and n.item.tingkat == T.KRO]
    realisasi = ta.tabel_realisasi_output(
        nodes, k.triwulan, f"Target dan realisasi pelaksanaan per output kegiatan {keg.kode}", keg
    )
    tanggal = (lk and lk.tanggal) or akhir_triwulan(k.tahun, k.triwulan)
    ttd = d.TandaTangan(
        [d.Penandatangan(f"Kepala {k.satker.singkatan}", k.satker.kepala_nama or "")],
        f"{k.satker.kota}, {format_tanggal(tanggal)}",
    )
    umum: list[d.Blok] = [_data_umum(k, keg, program, lk, dipa)]
    if lk is None:
        umum.append(
            d.Paragraf(
                "Data umum Form A kegiatan ini untuk triwulan ini belum diisi satker; "
                "butir 2, 3, 5 dan 7 kosong.",
                "kosong",
            )
        )
    return d.Bagian(
        f"Form A Triwulan {tw}: Kegiatan {keg.kode} {keg.item.uraian}",
        lanskap=True,
        isi=[
            d.Paragraf("FORMULIR A", "tengah"),
            d.Paragraf(
                f"LAPORAN PELAKSANAAN KEGIATAN TRIWULAN {tw} TAHUN ANGGARAN {k.tahun} "
                f"{k.satker.nama.upper()}",
                "tengah",
            ),
            d.Paragraf("I. Data umum", "subjudul"),
            *umum,
            d.Paragraf("II. Data keuangan dan indikator keluaran per output kegiatan", "subjudul"),
            _tabel_keuangan(keg, kro),
            d.Paragraf("III. Target dan realisasi pelaksanaan per output", "subjudul"),
            realisasi,
            d.Paragraf("IV. Kendala dan langkah tindak lanjut yang diperlukan", "subjudul"),
            _tabel_kendala(keg, lk),
            ttd,
        ],
    )
