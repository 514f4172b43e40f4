"""Writes of the performance and budget data. Keyword-only arguments, no request; every
write validates and runs in one transaction, so it is applied entirely or not at all."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinerja import hasil, jejak, perubahan, siklus
from kinerja.choices import URUTAN_TINGKAT
from kinerja.impor_anggaran import STRUKTUR, RencanaImpor
from kinerja.kode_anggaran import segmen_terakhir
from kinerja.models import ItemAnggaran, ProgresAnggaran
from satker.models import Pengguna, Satker


@dataclass(frozen=True)
class HasilImpor:
    baru: int
    ubah: int
    hapus: int

    @property
    def tanpa_perubahan(self) -> bool:
        return not (self.baru or self.ubah or self.hapus)


@transaction.atomic
def anggaran_impor(
    *, user: Pengguna, satker: Satker, tahun: int, rencana: RencanaImpor
) -> HasilImpor:
    """Apply a validated import plan (kinerja.impor_anggaran.baca) to a satker's budget of a
    year: all of it, or nothing."""
    # Budget data are entered like the rest of the satker's data: by its own staff.
    if not siklus.boleh_mengisi(user, satker):
        raise PermissionDenied("Anda tidak berwenang mengubah anggaran satker ini.")
    if not rencana.sah:
        raise ValidationError(rencana.pesan_kesalahan())
    if not rencana.perubahan:
        return HasilImpor(0, 0, 0)  # the same file again: nothing to write
    k = jejak.sekarang()
    try:
        with jejak.konteks(
            sumber=jejak.Sumber.IMPOR, user=user,
            keterangan=f"impor {rencana.jenis} {satker.kode} {tahun} ({k.keterangan})",
            uraian=lambda obj: f"Impor anggaran: {obj}",
        ):  # fmt: skip
            if rencana.jenis == STRUKTUR:
                _terapkan_struktur(satker, tahun, rencana)
            else:
                _terapkan_realisasi(satker, tahun, rencana)
    except IntegrityError as exc:
        # A rule the database enforces and the reader did not foresee; nothing is kept.
        raise ValidationError(f"data ditolak oleh basis data ({exc})") from exc
    # Written in bulk, without signals: the budget summary is refreshed here.
    hasil.tandai({(perubahan.ANGGARAN, satker.pk, tahun)})
    return HasilImpor(rencana.hitung("baru"), rencana.hitung("ubah"), rencana.hitung("hapus"))


_FIELD_ITEM = (
    "uraian", "pagu", "sumber_dana", "indikator_keluaran", "volume", "satuan", "lokasi", "urutan",
)  # fmt: skip
_FIELD_PROGRES = (
    "rencana_keuangan", "realisasi_keuangan_rp", "realisasi_keuangan", "rencana_fisik",
    "realisasi_fisik", "realisasi_volume",
)  # fmt: skip


def _terapkan_struktur(satker: Satker, tahun: int, rencana: RencanaImpor) -> None:
    """Remove, create and change the nodes of the plan in a handful of queries: the lines the
    plan does not touch are not written."""
    lama = {i.kode_lengkap: i for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun)}
    dihapus = {p.kunci for p in rencana.perubahan if p.jenis == "hapus"}
    if dihapus:
        ItemAnggaran.objects.filter(pk__in=[lama[k].pk for k in dihapus]).delete()
    simpan = {k: item for k, item in lama.items() if k not in dihapus}
    diubah: list[ItemAnggaran] = []
    # Level by level, so that a new node's parent has its id; the rows' order is kept in
    # `urutan`, whatever order parents and children were typed in.
    for tingkat in URUTAN_TINGKAT:
        baru: list[ItemAnggaran] = []
        for b in rencana.baris:
            if b["tingkat"] != tingkat:
                continue
            induk = simpan[b["induk"]] if b["induk"] else None
            nilai = {f: b[f] for f in _FIELD_ITEM}
            item = simpan.get(b["kode"])
            if item is None:
                item = ItemAnggaran(
                    satker=satker, tahun=tahun, tingkat=tingkat, kode=segmen_terakhir(b["kode"])
                )
                baru.append(item)
            elif item.induk_id == (induk.pk if induk else None) and all(
                getattr(item, f) == v for f, v in nilai.items()
            ):
                continue
            else:
                diubah.append(item)
            item.induk = induk
            for f, v in nilai.items():
                setattr(item, f, v)
            item.clean_fields(exclude=["satker", "induk"])
            item.clean()  # checks the parent's level and sets kode_lengkap
            simpan[b["kode"]] = item
        ItemAnggaran.objects.bulk_create(baru)
    ItemAnggaran.objects.bulk_update(diubah, [*_FIELD_ITEM, "induk"])


def _terapkan_realisasi(satker: Satker, tahun: int, rencana: RencanaImpor) -> None:
    items = {i.kode_lengkap: i for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun)}
    lama = {
        (p.item.kode_lengkap, p.bulan): p
        for p in ProgresAnggaran.objects.filter(
            item__satker=satker, item__tahun=tahun
        ).select_related("item")
    }
    baru: list[ProgresAnggaran] = []
    diubah: list[ProgresAnggaran] = []
    for b in rencana.baris:
        nilai = {f: b[f] for f in _FIELD_PROGRES}
        p = lama.get((b["kode"], b["bulan"]))
        if p is None:
            p = ProgresAnggaran(item=items[b["kode"]], bulan=b["bulan"])
            baru.append(p)
        elif all(getattr(p, f) == v for f, v in nilai.items()):
            continue
        else:
            diubah.append(p)
        for f, v in nilai.items():
            setattr(p, f, v)
        p.clean_fields(exclude=["item"])
    tetap = {(b["kode"], b["bulan"]) for b in rencana.baris}
    ProgresAnggaran.objects.filter(
        pk__in=[p.pk for kunci, p in lama.items() if kunci not in tetap]
    ).delete()
    ProgresAnggaran.objects.bulk_create(baru)
    ProgresAnggaran.objects.bulk_update(diubah, _FIELD_PROGRES)
