"""Saving one PK line's quarterly measurement: the one write behind the quarter page's line
form and the API's PATCH /api/v1/realisasi/{id}/, so that both refuse the same input with the
same message, under the same lock, and leave the same history."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from kinerja import hasil, riwayat, siklus
from kinerja.formatting import romawi
from kinerja.forms import RealisasiForm
from kinerja.models import IndikatorPerjanjian, RealisasiTriwulan, RiwayatPerubahan
from satker.models import Pengguna

#: The values a satker enters for a line each quarter (the line form's fields).
ISIAN = siklus.ISIAN


class RealisasiTerkunci(PermissionDenied):
    """The user may not change the line's quarter now: `pesan` says why (as the page shows
    it), `kode` what kind of refusal it is: "tidak_berwenang" (not the satker's staff),
    "periode_tertutup" (period not open, closed or past its deadline) or
    "triwulan_terkunci" (the quarter's report is submitted or verified)."""

    def __init__(self, pesan: str, kode: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.kode = kode


class IsianTidakValid(ValidationError):
    """The values do not pass the line form; `form` is the bound form with its errors (the
    page shows it again with what was typed)."""

    def __init__(self, form: RealisasiForm) -> None:
        super().__init__(form.errors.as_data())
        self.form = form


@dataclass(frozen=True)
class HasilSimpan:
    realisasi: RealisasiTriwulan
    berubah: list[RiwayatPerubahan]


def _alasan_terkunci(user: Pengguna, line: IndikatorPerjanjian, triwulan: int) -> None:
    satker = line.sasaran.perjanjian.satker
    tahun = line.sasaran.perjanjian.tahun
    alasan = siklus.alasan_terkunci(user, satker, tahun, triwulan)
    if not alasan:
        return
    if not siklus.boleh_mengisi(user, satker):
        kode = "tidak_berwenang"
    elif siklus.alasan_laporan_terkunci(satker, tahun, triwulan):
        kode = "triwulan_terkunci"
    else:
        kode = "periode_tertutup"
    raise RealisasiTerkunci(alasan, kode)


def _isian_sekarang(r: RealisasiTriwulan | None) -> dict[str, Any]:
    """The record's values as the form takes them back (for the fields a PATCH leaves out)."""
    return {f: ("" if r is None else getattr(r, f)) for f in ISIAN}


def realisasi_simpan(
    *,
    user: Pengguna,
    line: IndikatorPerjanjian,
    triwulan: int,
    isian: Mapping[str, Any],
    awalan: str | None = None,
    sebagian: bool = False,
    periksa_versi: Callable[[RealisasiTriwulan | None], None] | None = None,
    dengan_nilai: bool = True,
) -> HasilSimpan:
    """Save a line's measurement of a quarter as a draft, in one transaction holding the
    satker's lock; the stored figures of the line are recomputed before it commits.

    Refuses, changing nothing: RealisasiTerkunci when the user may not change the quarter
    now; IsianTidakValid when the values fail the line form (`isian`, with the form's field
    names, prefixed by `awalan` as a page posts them); riwayat.Bentrok when the record
    changed since it was read: checked by `periksa_versi` (the API's If-Match, which raises
    its own refusal) or else by the form's signed baseline (`tanda`, the page's);
    ValidationError from the model's own rules. `sebagian`: fields missing from `isian` keep
    their values (a PATCH). `dengan_nilai=False`: the page's form of a line computed from
    supporting data, which offers no value field; the stored value stays as it is."""
    satker = line.sasaran.perjanjian.satker
    with hasil.menyegarkan():
        siklus.kunci_satker(satker.pk)
        _alasan_terkunci(user, line, triwulan)
        r = RealisasiTriwulan.objects.select_for_update().filter(
            indikator=line, triwulan=triwulan
        ).first() or RealisasiTriwulan(indikator=line, triwulan=triwulan)
        if sebagian:
            isian = {**_isian_sekarang(r), **isian}
        form = RealisasiForm(isian, prefix=awalan, dengan_nilai=dengan_nilai)
        if not form.is_valid():
            raise IsianTidakValid(form)
        # Text already stripped by the form; a field the form does not offer is left alone.
        data = {f: form.cleaned_data[f] for f in ISIAN if f in form.fields}
        if periksa_versi is not None:
            periksa_versi(r if r.pk else None)
            awal = None
        else:
            awal = riwayat.awal_dari(form.cleaned_data["tanda"])
        berubah = riwayat.simpan(
            r,
            data,
            user=user,
            satker=satker,
            uraian=f"{line.kode} {line.uraian} TW {romawi(triwulan)}",
            awal=awal,
        )
    return HasilSimpan(r, berubah)
