"""The external scores of every satker of a year saved as one table: the SAKIP evaluation
(PermenPAN-RB 88/2021: four components, the printed total, the predikat) and the financial
report's score. All rows or none; a row that fails its check says so with the satker's name;
a table changed since it was opened is refused (kinerja.riwayat); every change is on the
record and the stored figures of the lines that read the scores are recomputed in the same
transaction (kinerja.hasil)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from kinerja import hasil, jejak, riwayat
from kinerja.models import NilaiLaporanKeuangan, NilaiSakip
from satker.models import Pengguna, Satker

FIELDS_SAKIP = (
    "perencanaan", "pengukuran", "pelaporan", "evaluasi_internal", "total_dilaporkan",
    "predikat", "tanggal", "penilai",
)  # fmt: skip
FIELDS_LK = ("nilai", "tanggal", "penilai")


@dataclass
class BarisNilai:
    """One satker's scores of the year: the records as they are (None: not recorded)."""

    satker: Satker
    sakip: NilaiSakip | None = None
    lk: NilaiLaporanKeuangan | None = None
    galat: list[str] = field(default_factory=list)

    def teks(self) -> str:
        """The row as comparable text, for the stale-save check of the whole table."""
        bagian = [riwayat.teks(getattr(self.sakip, f)) if self.sakip else "" for f in FIELDS_SAKIP]
        bagian += [riwayat.teks(getattr(self.lk, f)) if self.lk else "" for f in FIELDS_LK]
        return "|".join(bagian).strip("|")


def tabel_nilai(tahun: int) -> list[BarisNilai]:
    """Every satker with its scores of the year: three queries for any number of satker."""
    baris = {
        s.pk: BarisNilai(s)
        for s in Satker.objects.order_by("nama").only("pk", "nama", "singkatan", "kode")
    }
    for n in NilaiSakip.objects.filter(tahun=tahun):
        if n.satker_id in baris:
            baris[n.satker_id].sakip = n
    for n in NilaiLaporanKeuangan.objects.filter(tahun=tahun):
        if n.satker_id in baris:
            baris[n.satker_id].lk = n
    return list(baris.values())


def nilai_sekarang(daftar: list[BarisNilai]) -> tuple[dict[str, str], dict[str, str]]:
    """The table's rows as text by satker id, and their labels (the satker's name)."""
    return (
        {str(b.satker.pk): b.teks() for b in daftar},
        {str(b.satker.pk): f"nilai {b.satker.singkatan}" for b in daftar},
    )


class TabelDitolak(Exception):
    """Some rows failed their checks; nothing was saved (each row has its message)."""


def _isi(obj: Any, nilai: dict[str, Any]) -> bool:
    """Put the values on the record; whether any changed."""
    berubah = False
    for f, v in nilai.items():
        if riwayat.teks(getattr(obj, f)) != riwayat.teks(v):
            setattr(obj, f, v)
            berubah = True
    return berubah


def nilai_simpan(
    *,
    user: Pengguna,
    tahun: int,
    isian: dict[int, dict[str, dict[str, Any] | None]],
    tanda: str | None,
) -> tuple[int, int, int]:
    """Save the table: `isian` gives per satker id {"sakip": values or None (none recorded),
    "lk": ...}. Refused (riwayat.Bentrok) when the table changed since it was opened (`tanda`);
    TabelDitolak when a row fails its check (the rows' `galat`, via the returned exception's
    `baris`). Returns the numbers of records created, changed and removed."""
    with hasil.menyegarkan():  # one transaction; the figures refreshed before it commits
        daftar = tabel_nilai(tahun)
        # Read again under lock: a save of the same table meanwhile waits, then is seen.
        list(NilaiSakip.objects.select_for_update().filter(tahun=tahun).values_list("pk"))
        list(NilaiLaporanKeuangan.objects.select_for_update().filter(tahun=tahun).values_list("pk"))
        sekarang, label = nilai_sekarang(daftar)
        riwayat.periksa_halaman(riwayat.awal_dari(tanda), sekarang, label)
        buat = ubah = hapus = 0
        simpan: list[Any] = []
        buang: list[Any] = []
        ditolak = []
        for b in daftar:
            masuk = isian.get(b.satker.pk)
            if masuk is None:
                continue
            for jenis, model, ada in (
                ("sakip", NilaiSakip, b.sakip),
                ("lk", NilaiLaporanKeuangan, b.lk),
            ):
                nilai = masuk.get(jenis)
                if nilai is None:
                    if ada is not None:
                        buang.append(ada)
                    continue
                obj = ada or model(satker=b.satker, tahun=tahun)
                if not _isi(obj, nilai) and ada is not None:
                    continue
                try:
                    obj.full_clean()
                except ValidationError as exc:
                    b.galat.extend(exc.messages)
                    ditolak.append(b)
                    continue
                simpan.append(obj)
        if ditolak:
            raise TabelDitolak(ditolak)
        with jejak.konteks(
            user=user,
            uraian=lambda o: f"Nilai {tahun} {o.satker.singkatan}: {o._meta.verbose_name}",
        ):
            try:
                for obj in buang:
                    obj.delete()
                    hapus += 1
                for obj in simpan:
                    baru = obj.pk is None
                    obj.save()
                    buat, ubah = (buat + 1, ubah) if baru else (buat, ubah + 1)
            except IntegrityError as exc:
                raise ValidationError(
                    "Nilai tidak tersimpan: satker ini sudah memiliki nilai tahun tersebut "
                    "(disimpan orang lain bersamaan). Muat ulang halaman."
                ) from exc
    return buat, ubah, hapus
