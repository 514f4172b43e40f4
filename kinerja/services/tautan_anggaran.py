"""The links of a satker's PK lines to the budget items that fund them (LAKIP Tabel 30:
IndikatorPerjanjian.anggaran, many-to-many), saved as a whole for one satker and year. A
many-to-many change sends no save signal, so each added or removed link is recorded here,
against the satker, as kinerja.jejak records the rest."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja import jejak, riwayat
from kinerja.models import IndikatorPerjanjian, ItemAnggaran
from kinerja.services.catat import Catatan, catat
from satker.models import Pengguna, Satker

Tautan = IndikatorPerjanjian.anggaran.through


@dataclass
class DataTautan:
    """The year's PK lines, the budget items in tree order, and the links (line id → set of
    item ids): four queries for the page."""

    lines: list[IndikatorPerjanjian]
    items: list[ItemAnggaran]
    tautan: dict[int, set[int]]

    def sekarang(self) -> tuple[dict[str, str], dict[str, str]]:
        """Each line's links as comparable text (item codes), and its label, for the
        stale-save check."""
        kode = {i.pk: i.kode_lengkap for i in self.items}
        nilai = {
            str(line.pk): ", ".join(sorted(kode.get(i, f"#{i}") for i in self.tautan[line.pk]))
            for line in self.lines
        }
        label = {str(line.pk): f"anggaran pendukung {line.kode}" for line in self.lines}
        return nilai, label


def data_tautan(satker: Satker, tahun: int) -> DataTautan:
    lines = list(
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun
        )
        .select_related("sasaran")
        .order_by("sasaran__nomor", "nomor")
    )
    items = list(
        ItemAnggaran.objects.filter(satker=satker, tahun=tahun)
        .only("pk", "kode_lengkap", "uraian", "tingkat", "pagu", "urutan", "kode")
        .order_by("urutan", "kode_lengkap")
    )
    tautan: dict[int, set[int]] = {line.pk: set() for line in lines}
    for line_id, item_id in Tautan.objects.filter(
        indikatorperjanjian_id__in=list(tautan)
    ).values_list("indikatorperjanjian_id", "itemanggaran_id"):
        tautan[line_id].add(item_id)
    return DataTautan(lines, items, tautan)


@transaction.atomic
def tautan_simpan(
    *, user: Pengguna, satker: Satker, tahun: int, pilihan: dict[int, set[int]], tanda: str | None
) -> tuple[int, int]:
    """Set each line's links to `pilihan` (line id → item ids; a line left out keeps none),
    unless the links changed since the page was opened (riwayat.Bentrok). Only the satker's
    own items of the year may be linked. Returns the numbers of links added and removed."""
    data = data_tautan(satker, tahun)
    sekarang, label = data.sekarang()
    riwayat.periksa_halaman(riwayat.awal_dari(tanda), sekarang, label)
    sah = {i.pk: i for i in data.items}
    asing = {i for ids in pilihan.values() for i in ids} - set(sah)
    if asing:
        raise ValidationError(
            "Sebagian komponen yang dipilih bukan anggaran satker ini pada tahun tersebut; "
            "muat ulang halaman."
        )
    tambah: list = []
    buang: list[tuple[int, int]] = []
    catatan: list[Catatan] = []
    for line in data.lines:
        lama, baru = data.tautan[line.pk], pilihan.get(line.pk, set())
        uraian = f"Tautan anggaran {tahun} {line.kode}"
        for i in sorted(baru - lama, key=lambda x: sah[x].urutan):
            tambah.append(Tautan(indikatorperjanjian_id=line.pk, itemanggaran_id=i))
            teks = f"{sah[i].kode_lengkap} {sah[i].uraian}"
            catatan.append(
                Catatan(line, "anggaran", "anggaran pendukung ditambah", baru=teks, uraian=uraian)
            )
        for i in sorted(lama - baru, key=lambda x: sah[x].urutan if x in sah else 0):
            buang.append((line.pk, i))
            teks = f"{sah[i].kode_lengkap} {sah[i].uraian}" if i in sah else f"#{i}"
            catatan.append(
                Catatan(line, "anggaran", "anggaran pendukung dihapus", lama=teks, uraian=uraian)
            )
    for line_id, item_id in buang:
        Tautan.objects.filter(indikatorperjanjian_id=line_id, itemanggaran_id=item_id).delete()
    Tautan.objects.bulk_create(tambah)
    with jejak.konteks(user=user):
        catat(catatan, satker_id=satker.pk)
    return len(tambah), len(buang)
