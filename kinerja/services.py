"""Writes of the performance and budget data. Keyword-only arguments, no request; every
write validates and runs in one transaction, so it is applied entirely or not at all."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.choices import URUTAN_TINGKAT
from kinerja.impor_anggaran import STRUKTUR, RencanaImpor
from kinerja.kode_anggaran import kunci_urut, segmen_terakhir
from kinerja.models import ItemAnggaran, ProgresAnggaran
from satker.choices import Peran
from satker.models import Pengguna, Satker


@dataclass(frozen=True)
class HasilImpor:
    baru: int
    ubah: int
    hapus: int

    @property
    def tanpa_perubahan(self) -> bool:
        return not (self.baru or self.ubah or self.hapus)


def boleh_mengubah_anggaran(user: Pengguna, satker: Satker) -> bool:
    """Budget data of a satker are entered by its own staff; administrators may too. The
    secretariat's reviewers read them."""
    if user.is_superuser or user.peran == Peran.ADMIN:
        return True
    return user.peran in (Peran.OPERATOR, Peran.KEPALA) and user.satker_id == satker.pk


@transaction.atomic
def anggaran_impor(
    *, user: Pengguna, satker: Satker, tahun: int, rencana: RencanaImpor
) -> HasilImpor:
    """Apply a validated import plan (kinerja.impor_anggaran.baca) to a satker's budget of a
    year: all of it, or nothing."""
    if not boleh_mengubah_anggaran(user, satker):
        raise PermissionDenied("Anda tidak berwenang mengubah anggaran satker ini.")
    if not rencana.sah:
        raise ValidationError(rencana.pesan_kesalahan())
    if not rencana.perubahan:
        return HasilImpor(0, 0, 0)  # the same file again: nothing to write
    if rencana.jenis == STRUKTUR:
        _terapkan_struktur(satker, tahun, rencana)
    else:
        _terapkan_realisasi(satker, tahun, rencana)
    return HasilImpor(rencana.hitung("baru"), rencana.hitung("ubah"), rencana.hitung("hapus"))


def _terapkan_struktur(satker: Satker, tahun: int, rencana: RencanaImpor) -> None:
    lama = {i.kode_lengkap: i for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun)}
    dihapus = [p.kunci for p in rencana.perubahan if p.jenis == "hapus"]
    # Children first, so that nothing is left pointing at a removed parent.
    for kode in sorted(dihapus, key=kunci_urut, reverse=True):
        lama.pop(kode).delete()
    simpan: dict[str, ItemAnggaran] = dict(lama)
    # Parents before children, whatever the order of the rows; the rows' order is kept in
    # `urutan`.
    for b in sorted(rencana.baris, key=lambda b: URUTAN_TINGKAT.index(b["tingkat"])):
        item = simpan.get(b["kode"]) or ItemAnggaran(satker=satker, tahun=tahun)
        item.induk = simpan[b["induk"]] if b["induk"] else None
        item.tingkat = b["tingkat"]
        item.kode = segmen_terakhir(b["kode"])
        for f in (
            "uraian",
            "pagu",
            "sumber_dana",
            "indikator_keluaran",
            "volume",
            "satuan",
            "lokasi",
        ):
            setattr(item, f, b[f])
        item.urutan = b["urutan"]
        item.full_clean()
        item.save()
        simpan[b["kode"]] = item


def _terapkan_realisasi(satker: Satker, tahun: int, rencana: RencanaImpor) -> None:
    items = {i.kode_lengkap: i for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun)}
    lama = {
        (p.item.kode_lengkap, p.bulan): p
        for p in ProgresAnggaran.objects.filter(
            item__satker=satker, item__tahun=tahun
        ).select_related("item")
    }
    tetap = set()
    for b in rencana.baris:
        kunci = (b["kode"], b["bulan"])
        tetap.add(kunci)
        p = lama.get(kunci) or ProgresAnggaran(item=items[b["kode"]], bulan=b["bulan"])
        for f in (
            "rencana_keuangan", "realisasi_keuangan_rp", "realisasi_keuangan", "rencana_fisik",
            "realisasi_fisik", "realisasi_volume",
        ):  # fmt: skip
            setattr(p, f, b[f])
        p.full_clean()
        p.save()
    for kunci, p in lama.items():
        if kunci not in tetap:
            p.delete()
