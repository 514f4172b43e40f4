"""The Rencana Aksi of a satker's year as a workbook: one row per PK line and quarter, its
target antara (cumulative %) and planned activities. The page's rules apply
(kinerja.services.rencana_aksi): 0-100, never below an earlier quarter, a quarter submitted
or verified keeps its plan; each change is recorded as the page records it."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.core.exceptions import ValidationError

from kinerja import batas, riwayat, siklus
from kinerja.formatting import romawi
from kinerja.impor.dasar import MENTAH, TEKS, Kolom, Lingkup, RencanaImpor, Spec, angka, teks
from kinerja.models import IndikatorPerjanjian, RencanaAksi, StatusPelaporan
from kinerja.services import rencana_aksi as aturan

TRIWULAN = (1, 2, 3, 4)


def _tw(v: Any) -> int:
    d = angka(v, "triwulan")
    if d is None:
        raise ValueError("triwulan kosong")
    if d not in TRIWULAN:
        raise ValueError(f"triwulan harus 1-4, bukan {teks(v)}")
    return int(d)


class RencanaAksiSpec(Spec):
    jenis = "rencana-aksi"
    judul_lembar = "Rencana Aksi"
    nama = "rencana aksi"
    nama_data = "rencana aksi"
    field_kunci = ("kode", "triwulan")
    uraian_riwayat = "Impor rencana aksi"
    kolom = (
        Kolom("kode", "Kode", "Kode indikator PK (mis. III.2); jangan diubah.", 8),
        Kolom("uraian", "Indikator", "Indikator kinerja PK.", 50, info=True),
        Kolom("triwulan", "Triwulan", "1-4; jangan diubah.", 9),
        Kolom(
            "target_antara", "Target antara (%)",
            "Kemajuan kumulatif yang direncanakan s.d. akhir triwulan, 0-100; tidak boleh turun "
            "dari triwulan sebelumnya; boleh kosong.",
            14, jenis=MENTAH,
        ),
        Kolom("rencana_kegiatan", "Rencana kegiatan", "Satu kegiatan per baris.", 60, jenis=TEKS),
    )  # fmt: skip
    aturan = (
        "Satu baris per indikator PK dan triwulan; baris yang dihapus dari berkas tidak "
        "mengubah apa pun.",
        "Triwulan yang sudah diajukan atau diverifikasi tidak dapat diubah rencananya.",
    )

    def _lines(self, lingkup: Lingkup) -> dict[str, IndikatorPerjanjian]:
        return {line.kode: line for line in siklus.lines_satker(lingkup.satker, lingkup.tahun)}

    def _sekarang(self, line: IndikatorPerjanjian) -> dict[int, dict[str, str]]:
        ra = {r.triwulan: r for r in line.rencana_aksi.all()}
        return {
            tw: {
                "target_antara": riwayat.teks(ra[tw].target_antara) if tw in ra else "",
                "rencana_kegiatan": ra[tw].rencana_kegiatan if tw in ra else "",
            }
            for tw in TRIWULAN
        }

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        rows = []
        for line in self._lines(lingkup).values():
            ra = {r.triwulan: r for r in line.rencana_aksi.all()}
            for tw in TRIWULAN:
                r = ra.get(tw)
                rows.append(
                    {
                        "kode": line.kode,
                        "uraian": line.uraian,
                        "triwulan": tw,
                        "target_antara": r.target_antara if r else None,
                        "rencana_kegiatan": (r.rencana_kegiatan or None) if r else None,
                    }
                )
        return rows

    def siapkan(self, lingkup: Lingkup) -> dict:
        lines = self._lines(lingkup)
        return {
            "lines": lines,
            "lama": {kode: self._sekarang(line) for kode, line in lines.items()},
        }

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        kode = teks(nilai.get("kode"))
        if not kode:
            raise ValueError("kode kosong")
        if kode not in konteks["lines"]:
            raise ValueError(
                f"kode {kode} bukan indikator PK {lingkup.satker.singkatan} {lingkup.tahun}"
            )
        return (kode, _tw(nilai.get("triwulan")))

    def label(self, kunci: Hashable) -> str:
        return f"{kunci[0]} TW {romawi(kunci[1])}"

    def periksa_baris(self, kunci, nilai, lingkup, konteks) -> list[str]:
        galat = []
        try:
            target = aturan.TARGET_ANTARA.clean(
                "" if nilai["target_antara"] is None else nilai["target_antara"]
            )
        except ValidationError as exc:
            galat += [f"{self.label(kunci)}: target antara: {m}" for m in exc.messages]
            target = None
        kegiatan = riwayat.baris_baru(nilai["rencana_kegiatan"])
        try:
            batas.periksa(RencanaAksi, "rencana_kegiatan", kegiatan)
        except ValidationError as exc:
            galat += [f"{self.label(kunci)}: rencana kegiatan: {m}" for m in exc.messages]
        nilai["target_antara"] = riwayat.teks(target)
        nilai["rencana_kegiatan"] = kegiatan
        return galat

    def periksa_berkas(self, baris, lingkup, konteks) -> list[tuple[int, str]]:
        """Each line's targets, the file's where it has the quarter and the stored ones
        elsewhere, never fall from one quarter to the next."""
        per_line: dict[str, dict[int, tuple[int, str]]] = {}
        for n, (kode, tw), nilai in baris:
            per_line.setdefault(kode, {})[tw] = (n, nilai["target_antara"])
        galat = []
        for kode, dari_berkas in per_line.items():
            lama = konteks["lama"][kode]
            target = {
                tw: dari_berkas[tw][1] if tw in dari_berkas else lama[tw]["target_antara"]
                for tw in TRIWULAN
            }
            salah = aturan.galat_kumulatif(
                {tw: aturan.TARGET_ANTARA.clean(t) for tw, t in target.items()}
            )
            for tw, pesan in salah.items():
                n = (
                    dari_berkas[tw][0]
                    if tw in dari_berkas
                    else min(v[0] for v in dari_berkas.values())
                )
                galat.append((n, f"{self.label((kode, tw))}: {pesan}"))
        return galat

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        return {
            (kode, tw): nilai
            for kode, per_tw in konteks["lama"].items()
            for tw, nilai in per_tw.items()
        }

    def periksa_rencana(self, rencana: RencanaImpor, lingkup: Lingkup, konteks: dict) -> None:
        terkunci = siklus.triwulan_terkunci(lingkup.satker, lingkup.tahun)
        for p in rencana.perubahan:
            tw = p.data[0][1]
            if tw in terkunci:
                keadaan = (
                    "diverifikasi" if terkunci[tw] == StatusPelaporan.DIVERIFIKASI else "diajukan"
                )
                rencana.kesalahan.append(
                    (
                        p.baris,
                        f"{p.kunci}: Triwulan {romawi(tw)} {lingkup.tahun} sudah {keadaan}; "
                        "rencana aksinya tidak dapat diubah",
                    )
                )

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        lines = self._lines(lingkup)
        for p in rencana.perubahan:
            (kode, tw), nilai = p.data
            line = lines[kode]
            r = next((x for x in line.rencana_aksi.all() if x.triwulan == tw), None)
            riwayat.simpan(
                r or RencanaAksi(indikator=line, triwulan=tw),
                {
                    "target_antara": aturan.TARGET_ANTARA.clean(nilai["target_antara"]),
                    "rencana_kegiatan": nilai["rencana_kegiatan"],
                    # Saved by the satker: reviewed (a plan copied when the year opened).
                    "perlu_ditinjau": False,
                },
                user=lingkup.user,
                satker=lingkup.satker,
                uraian=f"Rencana aksi {kode} TW {romawi(tw)}",
                awal=None,
            )


SPEC = RencanaAksiSpec()
