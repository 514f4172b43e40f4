"""The LAKIP's last annex, the BSKJI indicator manual ("Pedoman Kinerja pada BBSPJI dan
BSPJI") for the indicators of the satker's PK of the year: a table of them, then one block per
indicator with its code and name, definition, data source, how it is computed, unit,
classification and who is responsible, as the manual prints them: the version of the manual
that applies to the report's year."""

from __future__ import annotations

import re

from kinerja.models import IndikatorKinerja, IndikatorPerjanjian, VersiIndikator
from laporan import dokumen as d
from laporan.susun.umum import Konteks

JUDUL = "Pedoman Kinerja pada BBSPJI dan BSPJI"


_BUTIR = re.compile(r"^(\s+|\s*(?:[-•]|\d{1,3}[.)]|[a-zA-Z][.)])\s+)")


def _teks(isi: str | None) -> str:
    """A manual's text with any HTML tags removed; each line that is not a list item its own
    paragraph, so that a formula keeps its line."""
    baris = re.sub(r"<[^>]+>", "", isi or "").strip().splitlines()
    hasil: list[str] = []
    for b in baris:
        if hasil and hasil[-1].strip() and b.strip() and not _BUTIR.match(b):
            hasil.append("")
        hasil.append(b)
    return "\n".join(hasil)


def indikator_pedoman(
    k: Konteks,
) -> list[tuple[IndikatorKinerja, VersiIndikator, list[IndikatorPerjanjian]]]:
    """The manual's indicators used by the PK, in PK order, each with its version of the
    year and the lines that use it."""
    hasil: dict[int, tuple[IndikatorKinerja, VersiIndikator, list[IndikatorPerjanjian]]] = {}
    for line in k.lines:
        hasil.setdefault(line.indikator_id, (line.indikator, k.versi(line), []))[2].append(line)
    return list(hasil.values())


def _blok(
    manual: IndikatorKinerja, versi: VersiIndikator, lines: list[IndikatorPerjanjian]
) -> d.Bagian:
    kosong = "Tidak dicantumkan dalam pedoman."
    return d.Bagian(
        f"{manual.kode} {manual.nama}",
        tingkat=2,
        isi=[
            d.Rincian(
                [
                    ("Kode", manual.kode),
                    ("Nama indikator", manual.nama),
                    ("Indikator PK", "; ".join(f"{x.kode} {x.uraian}" for x in lines)),
                    ("Satuan", manual.get_satuan_display()),
                    ("Klasifikasi", versi.klasifikasi.capitalize()),
                    ("Penanggung jawab", manual.penanggung_jawab or "–"),
                    ("Versi pedoman", f"berlaku mulai {versi.berlaku_mulai}"),
                ]
            ),
            d.Paragraf("Definisi", "subjudul"),
            *d.narasi(_teks(versi.definisi), kosong=kosong),
            d.Paragraf("Sumber data", "subjudul"),
            *d.narasi(_teks(versi.sumber_data), kosong=kosong),
            d.Paragraf("Cara menghitung", "subjudul"),
            *d.narasi(_teks(versi.cara_menghitung), kosong=kosong),
        ],
    )


def lampiran_pedoman(k: Konteks) -> d.Bagian:
    """The annex: the indicators of the PK with their manual entry."""
    daftar = indikator_pedoman(k)
    tabel = d.Tabel(
        judul=f"Indikator kinerja {k.satker.singkatan} tahun {k.tahun} dalam pedoman kinerja",
        kepala=[
            d.kolom(
                "No",
                "Kode",
                "Nama indikator kinerja",
                "Indikator PK",
                "Satuan",
                "Klasifikasi",
                "Penanggung jawab",
            )
        ],
        baris=[
            [
                d.angka(i, rata="tengah"),
                d.teks(manual.kode),
                d.teks(manual.nama),
                d.teks(", ".join(x.kode for x in lines), rata="tengah"),
                d.teks(manual.get_satuan_display()),
                d.teks(versi.klasifikasi.capitalize()),
                d.teks(manual.penanggung_jawab or "–"),
            ]
            for i, (manual, versi, lines) in enumerate(daftar, 1)
        ],
        lebar=[4, 12, 38, 9, 11, 11, 15],
        nama_lembar="Pedoman Kinerja",
    )
    return d.Bagian(
        JUDUL,
        isi=[
            d.Paragraf(
                "Definisi, sumber data, cara menghitung, satuan, klasifikasi dan penanggung "
                "jawab setiap indikator Perjanjian Kinerja menurut pedoman kinerja BSKJI."
            ),
            tabel,
        ],
        anak=[_blok(manual, versi, lines) for manual, versi, lines in daftar],
    )
