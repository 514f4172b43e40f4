"""What the reports share: the PK with its lines and their computed figures, the report's
identity and narrative, the cover and signature blocks, the PK table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from kinerja.formatting import format_tanggal, romawi
from kinerja.models import (
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    SasaranKegiatan,
    TargetRenstra,
    VersiIndikator,
)
from kinerja.perhitungan import HasilBaris
from kinerja.perhitungan.dasar import ringkas
from kinerja.selectors.capaian import hitung_capaian
from kinerja.selectors.pedoman import definisi_baris
from kinerja.siklus import hasil_triwulan
from laporan import dokumen as d
from laporan import gambar as layanan_gambar
from laporan.choices import GAMBAR_DIHARAPKAN, BagianNarasi, JenisLaporan
from laporan.models import GambarLaporan, IdentitasLaporan, NarasiLaporan
from laporan.selectors import gambar_laporan
from satker.models import Satker


class LaporanTidakAda(Exception):
    """The data a report needs do not exist (no PK for the year); the message says what."""


@dataclass
class Konteks:
    """Everything a report of a satker for a period reads, gathered in a bounded number of
    queries."""

    satker: Satker
    tahun: int
    triwulan: int | None
    pk: PerjanjianKinerja
    lines: list[IndikatorPerjanjian]
    hasil: dict[int, HasilBaris]  # by line id, for the report's period
    identitas: IdentitasLaporan | None
    narasi: dict[str, str] = field(default_factory=dict)
    jenis: str = ""
    # The uploaded pictures by section, and (LAKIP Bab III) by PK line id, in their order.
    gambar: dict[str, list[GambarLaporan]] = field(default_factory=dict)
    gambar_indikator: dict[int, list[GambarLaporan]] = field(default_factory=dict)
    # The manual's version of the year for each line (kinerja.selectors.pedoman), by line id.
    definisi: dict[int, VersiIndikator] = field(default_factory=dict)

    def versi(self, line: IndikatorPerjanjian) -> VersiIndikator:
        """The manual's definition a line is reported with: the version of the report's year."""
        if line.pk not in self.definisi:
            self.definisi.update(definisi_baris([*self.lines, line]))
        return self.definisi[line.pk]

    @property
    def sasaran(self) -> list[SasaranKegiatan]:
        return list(self.pk.sasaran.all())

    def teks(self, bagian: BagianNarasi) -> str:
        return self.narasi.get(bagian, "")

    def blok_narasi(self, bagian: BagianNarasi) -> list[d.Blok]:
        """The section's narrative with its pictures: each where a paragraph reads
        `[[gambar:kunci]]`, the others after the text. A figure the source prints here
        (GAMBAR_DIHARAPKAN) that is not uploaded prints nothing and is told to the
        reviewer."""
        blok = d.narasi(
            self.teks(bagian),
            kosong=f"Narasi “{BagianNarasi(bagian).label}” belum diisi oleh satker.",
        )
        diharapkan = dict(GAMBAR_DIHARAPKAN.get(self.jenis, {}).get(bagian, ()))
        return tempatkan_gambar(blok, self.gambar.get(bagian, []), diharapkan)


def kumpulkan(satker: Satker, tahun: int, triwulan: int | None, jenis: str) -> Konteks:
    """The PK of the year with its lines, their Rencana Aksi and measurements, the computed
    figures for the period, and the report's identity and narrative."""
    indikator = IndikatorPerjanjian.objects.select_related(
        "indikator",
        "sasaran__perjanjian__satker",
        "indikator_renstra__sasaran",
        "indikator_renstra__indikator_induk__sasaran",
        "indikator_renstra__indikator_induk__indikator_induk",
    ).prefetch_related(
        Prefetch("indikator_renstra__target", queryset=TargetRenstra.objects.order_by("tahun")),
        Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("triwulan")),
        Prefetch("realisasi", queryset=RealisasiTriwulan.objects.order_by("triwulan")),
        "anggaran",
    )
    sasaran = SasaranKegiatan.objects.order_by("nomor").prefetch_related(
        Prefetch("indikator", queryset=indikator.order_by("nomor"))
    )
    pk = (
        PerjanjianKinerja.objects.filter(satker=satker, tahun=tahun)
        .select_related("satker__unit_eselon_i__kementerian")
        .prefetch_related(Prefetch("sasaran", queryset=sasaran))
        .first()
    )
    if pk is None:
        raise LaporanTidakAda(
            f"{satker.singkatan} belum memiliki Perjanjian Kinerja tahun {tahun}."
        )
    lines = [line for s in pk.sasaran.all() for line in s.indikator.all()]
    # A verified quarter prints what was submitted, whatever the data became since.
    semua = (
        hitung_capaian(lines, None)
        if triwulan is None
        else hasil_triwulan(lines, satker, tahun, triwulan)
    )
    hasil = {line.pk: h for line, h in zip(lines, semua, strict=True)}
    periode = {"satker": satker, "jenis": jenis, "tahun": tahun, "triwulan": triwulan}
    gambar: dict[str, list[GambarLaporan]] = {}
    gambar_indikator: dict[int, list[GambarLaporan]] = {}
    if jenis in (JenisLaporan.PP39, JenisLaporan.LAKIP):
        for g in gambar_laporan(satker, jenis, tahun, triwulan):
            if g.indikator_id:
                gambar_indikator.setdefault(g.indikator_id, []).append(g)
            else:
                gambar.setdefault(g.bagian, []).append(g)
    return Konteks(
        satker=satker,
        tahun=tahun,
        triwulan=triwulan,
        pk=pk,
        lines=lines,
        hasil=hasil,
        identitas=IdentitasLaporan.objects.filter(**periode).first(),
        narasi=dict(NarasiLaporan.objects.filter(**periode).values_list("bagian", "teks")),
        jenis=jenis,
        gambar=gambar,
        definisi=definisi_baris(lines),
        gambar_indikator=gambar_indikator,
    )


# --- shared pieces ------------------------------------------------------------------------


HURUF = "abcdefghijklmnopqrstuvwxyz"  # the letters of the sections per sasaran


def angka_target(nilai: Decimal) -> d.Sel:
    """A target as the PK writes it (92,5; 3,53; 10), kept as a number for Excel."""
    return d.angka(ringkas(nilai))


def tanpa_html(teks: str | None) -> str:
    """The text of a manual's field that may hold HTML (the indicator manual), on one line."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", teks or "")).strip()


TANDA_SIMULASI = "DATA SIMULASI — bukan data nyata"


def tanda_satker(satker: Satker) -> str:
    """The mark every page of a report of this satker carries: simulated figures are never
    mistaken for real ones."""
    return TANDA_SIMULASI if satker.simulasi else ""


def status_triwulan(satker: Satker, tahun: int, triwulan: int) -> tuple[str, str]:
    """The mark and the footer of a quarter's report: a quarter not verified is a DRAF, with
    its status and the time it was assembled on every page; a verified one says when it was
    verified."""
    from django.utils import timezone

    from kinerja.models import PelaporanTriwulan, PeristiwaPelaporan, StatusPelaporan

    lap = PelaporanTriwulan.objects.filter(satker=satker, tahun=tahun, triwulan=triwulan).first()
    simulasi = tanda_satker(satker)
    if lap is not None and lap.status == StatusPelaporan.DIVERIFIKASI:
        peristiwa = (
            PeristiwaPelaporan.objects.filter(pelaporan=lap, aksi="diverifikasi")
            .order_by("-waktu")
            .first()
        )
        kapan = f" pada {format_tanggal(timezone.localdate(peristiwa.waktu))}" if peristiwa else ""
        return simulasi, f"Laporan diverifikasi{kapan}"
    status = lap.get_status_display() if lap else "belum diisi"
    waktu = timezone.localtime()
    kaki = (
        f"DRAF — status laporan: {status.lower()}; disusun {format_tanggal(waktu.date())} "
        f"pukul {waktu:%H.%M}"
    )
    return " · ".join(x for x in ("DRAF", simulasi) if x), kaki


def sampul_satker(satker: Satker) -> list[str]:
    eselon = satker.unit_eselon_i
    baris = [satker.nama.upper()]
    if eselon is not None:
        baris.append(eselon.nama.upper())
        if eselon.kementerian_id:
            baris.append(eselon.kementerian.nama.upper())
    return baris


def penandatangan(k: Konteks) -> d.Penandatangan:
    """The report's signatory: as recorded for the report, else the head of the satker."""
    i = k.identitas
    return d.Penandatangan(
        jabatan=(i and i.penandatangan_jabatan)
        or k.satker.kepala_jabatan
        or f"Kepala {k.satker.nama}",
        nama=(i and i.penandatangan_nama) or k.satker.kepala_nama or "",
        nip=(i and i.penandatangan_nip) or "",
    )


def tempat_tanggal(k: Konteks) -> str:
    i = k.identitas
    tempat = (i and i.tempat) or k.satker.kota
    return f"{tempat}, {format_tanggal(i.tanggal)}" if i and i.tanggal else tempat


def nota_dinas(k: Konteks, perihal_baku: str) -> d.NotaDinas | None:
    """The cover memo, when the satker has written it."""
    i = k.identitas
    teks = k.teks(BagianNarasi.NOTA_DINAS)
    if i is None and not teks:
        return None
    ttd = penandatangan(k)
    return d.NotaDinas(
        nomor=(i and i.nomor_surat) or "",
        kepada=(i and i.kepada) or "Sekretaris Badan Standardisasi dan Kebijakan Jasa Industri",
        dari=ttd.jabatan,
        perihal=(i and i.perihal) or perihal_baku,
        lampiran=(i and i.lampiran) or "1 (satu) berkas",
        tanggal=i.tanggal if i else None,
        isi=k.blok_narasi(BagianNarasi.NOTA_DINAS),
        penandatangan=ttd,
    )


def tabel_pk(k: Konteks, judul: str) -> d.Tabel:
    """The PK table: sasaran kegiatan, indicators with their code, target and unit."""
    baris = []
    for s in k.sasaran:
        lines = list(s.indikator.all())
        for i, line in enumerate(lines):
            sel = [
                d.teks(line.kode, rata="tengah"),
                d.teks(line.uraian),
                angka_target(line.target),
                d.teks(line.get_satuan_display()),
            ]
            if i == 0:
                sel = [
                    d.teks(romawi(s.nomor), rata="tengah", rowspan=len(lines)),
                    d.teks(s.uraian, rowspan=len(lines)),
                    *sel,
                ]
            baris.append(sel)
    return d.Tabel(
        judul=judul,
        kepala=[
            d.kolom("No", "Sasaran Kegiatan", "Kode", "Indikator Kinerja", "Target", "Satuan"),
            d.nomor_kolom(6),
        ],
        baris=baris,
        lebar=[4, 26, 6, 44, 9, 11],
        nama_lembar="Perjanjian Kinerja",
    )


# A paragraph that places a table or a figure: "[[tabel:pelanggan]]", "[[gambar:smart_dja]]".
_TEMPAT = re.compile(r"^\[\[(tabel|gambar):([a-z0-9_-]+)\]\]$")


def sisipkan(
    blok: list[d.Blok],
    tabel: dict[str, list[d.Blok]],
    *,
    kosong: dict[str, str] | None = None,
    jenis: str = "tabel",
) -> list[d.Blok]:
    """A section's narrative with the tables built from data (or, `jenis` "gambar", its
    pictures) put where it asks for them: a paragraph reading only `[[tabel:kunci]]` is
    replaced by the blocks of `kunci` (or, when there are none, by the note `kosong[kunci]`
    saying what is missing); the blocks whose place the narrative does not name follow the
    narrative, in the order given. Markers of the other kind are left for their own pass."""
    hasil, ditempatkan = _tempatkan(blok, tabel, kosong or {}, jenis)
    for kunci, isi in tabel.items():
        if kunci not in ditempatkan:
            hasil.extend(isi)
    return hasil


def _tempatkan(
    blok: list[d.Blok], isi_per: dict[str, list[d.Blok]], kosong: dict[str, str], jenis: str
) -> tuple[list[d.Blok], set[str]]:
    """`blok` with each marker of `jenis` replaced, and the names it placed."""
    hasil: list[d.Blok] = []
    ditempatkan: set[str] = set()
    for b in blok:
        m = _TEMPAT.match(b.teks.strip()) if isinstance(b, d.Paragraf) else None
        if m is None or m.group(1) != jenis:
            hasil.append(b)
            continue
        kunci = m.group(2)
        ditempatkan.add(kunci)
        isi = isi_per.get(kunci)
        if isi:
            hasil.extend(isi)
        else:
            nama = "Tabel" if jenis == "tabel" else "Gambar"
            hasil.append(
                d.Paragraf(kosong.get(kunci, f"{nama} “{kunci}” tidak dikenal."), "kosong")
            )
    return hasil, ditempatkan


def blok_gambar(g: GambarLaporan) -> d.GambarBerkas:
    """An uploaded picture as a block of the report, with its stored bytes."""
    return d.GambarBerkas(
        judul=g.judul,
        isi=layanan_gambar.isi(g),
        jenis_konten=g.jenis_konten,
        lebar_px=g.lebar_px,
        tinggi_px=g.tinggi_px,
        sumber=g.sumber,
        kunci=g.kunci,
    )


def tempatkan_gambar(
    blok: list[d.Blok],
    gambar: list[GambarLaporan],
    diharapkan: dict[str, str] | None = None,
    *,
    sisa: bool = True,
) -> list[d.Blok]:
    """`blok` with the pictures placed where a paragraph reads `[[gambar:kunci]]`; with
    `sisa`, the others follow. A named picture not uploaded, and a picture `diharapkan`
    (kunci → caption) not uploaded, leave a note for the reviewer instead."""
    diharapkan = diharapkan or {}
    ditandai = penanda_gambar(blok)
    # Only the pictures printed here are read from storage.
    per_kunci = {g.kunci: [blok_gambar(g)] for g in gambar if sisa or g.kunci in ditandai}
    kosong = {
        # No braces: the note may be printed in the reviewer's annex, whose text is resolved.
        k: f"Gambar “{diharapkan.get(k, k)}” (nama rujukan {k}) belum diunggah."
        for k in {*diharapkan, *ditandai}
    }
    hasil, ditempatkan = _tempatkan(blok, per_kunci, kosong, "gambar")
    if sisa:
        for kunci, isi in per_kunci.items():
            if kunci not in ditempatkan:
                hasil.extend(isi)
    ada = {g.kunci for g in gambar}
    for kunci in diharapkan:
        if kunci not in ada and kunci not in ditempatkan:
            hasil.append(d.Paragraf(kosong[kunci], "kosong"))
    return hasil


def penanda_gambar(blok: list[d.Blok]) -> set[str]:
    """The names of the pictures `blok` places (its paragraphs `[[gambar:kunci]]`)."""
    cocok = (_TEMPAT.match(b.teks.strip()) for b in blok if isinstance(b, d.Paragraf))
    return {m.group(2) for m in cocok if m and m.group(1) == "gambar"}
