"""Every kind of supporting data (and the LAKIP's other tables) as a workbook, from ONE spec
built from the kind's columns (kinerja.views.data_dukung.JENIS_DATA): a row per record of the
table page, its "ID" matching it to the record (empty: a new row; a row left out of the file
is removed, as on the page). Each row is checked by the table page's row form and the
record's own rules, and saved by the page's service (kinerja.services.data_dukung), so the
lock of a submitted quarter and the history are the page's."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst

from kinerja import jejak, riwayat
from kinerja.impor.dasar import MENTAH, Kolom, Lingkup, Perubahan, RencanaImpor, Spec, angka, teks
from kinerja.services import data_dukung as services_dd
from kinerja.views.jenis_data import JenisData

_TIDAK_BOLEH = str.maketrans({c: "-" for c in "\\/?*[]:"})


def label_pilihan(obj: models.Model) -> str:
    """How a parent record is written in a cell: a PK line by its code, else its name."""
    return getattr(obj, "kode", None) or str(obj)


class DataDukungSpec(Spec):
    """The workbook of one kind of table-page data."""

    penanda = "id"
    hapus_yang_hilang = True
    hapus_dengan_nilai = True
    field_kunci = ("id",)
    aturan = (
        "Kolom ID menghubungkan baris dengan data di aplikasi: jangan diubah; kosongkan untuk "
        "baris baru.",
        "Baris yang tidak ada lagi di berkas akan dihapus, seperti menghapus baris di halaman.",
        "Pilihan (jenis, indikator, survei, ...) ditulis seperti tampil di halaman; indikator "
        "PK dengan kodenya (mis. III.2).",
    )

    def __init__(self, kunci: str, j: JenisData) -> None:
        self.kunci_jenis = kunci
        self.j = j
        self.jenis = f"data-{kunci}"
        self.judul_lembar = j.judul.translate(_TIDAK_BOLEH)[:31]
        self.nama = j.judul[:1].lower() + j.judul[1:]
        self.nama_data = self.nama
        self.uraian_riwayat = j.judul
        meta = j.model._meta
        self.kolom = (
            Kolom("id", "ID", "Nomor baris di aplikasi; kosong untuk baris baru.", 8),
            *(
                Kolom(
                    f,
                    str(capfirst(meta.get_field(f).verbose_name)),
                    str(meta.get_field(f).help_text or capfirst(meta.get_field(f).verbose_name)),
                    40 if isinstance(meta.get_field(f), models.TextField) else 16,
                    jenis=MENTAH,
                )
                for f in j.fields
            ),
        )

    def nama_berkas(self, lingkup: Lingkup) -> str:
        return f"{self.kunci_jenis}-{lingkup.satker.kode or lingkup.satker.pk}-{lingkup.tahun}"

    def _baris(self, lingkup: Lingkup) -> dict[int, models.Model]:
        return {o.pk: o for o in self.j.queryset(lingkup.satker, lingkup.tahun).order_by("pk")}

    def _pilihan(self, lingkup: Lingkup) -> dict[str, dict[Any, str]]:
        """Each parent field's choices: pk → its label (one query per field)."""
        return {
            nama: {o.pk: label_pilihan(o) for o in pilihan(lingkup.satker, lingkup.tahun)}
            for nama, pilihan in self.j.pilihan.items()
        }

    def _sel(self, obj: models.Model, f: str, pilihan: dict) -> Any:
        """A record's value as its cell shows it."""
        field = obj._meta.get_field(f)
        v = field.value_from_object(obj)
        if v is None or v == "":
            return None
        if f in pilihan:
            return pilihan[f].get(v)
        if field.choices:
            return str(dict(field.flatchoices).get(v, v))
        return v

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        pilihan = self._pilihan(lingkup)
        return [
            {"id": pk, **{f: self._sel(o, f, pilihan) for f in self.j.fields}}
            for pk, o in self._baris(lingkup).items()
        ]

    def siapkan(self, lingkup: Lingkup) -> dict:
        pilihan = self._pilihan(lingkup)
        Formset = services_dd.formset_untuk(self.j, lingkup.satker, lingkup.tahun)
        # The choices read once for the file, not once per row.
        for nama in self.j.pilihan:
            Formset.form.base_fields[nama].queryset = Formset.form.base_fields[nama].queryset.all()
        return {"baris": self._baris(lingkup), "pilihan": pilihan, "Form": Formset.form}

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        v = nilai.get("id")
        if v is None or teks(v) == "":
            return ("baru", id(nilai))
        d = angka(v, "ID")
        if d is None or d != d.to_integral_value() or int(d) not in konteks["baris"]:
            raise ValueError(
                f"ID {teks(v)} bukan baris {self.j.judul} {lingkup.satker.singkatan} "
                f"{lingkup.tahun}; kosongkan untuk baris baru"
            )
        return int(d)

    def isi_kunci(self, kunci: Hashable) -> dict[str, Any]:
        return {"id": None if isinstance(kunci, tuple) else kunci}

    def label(self, kunci: Hashable) -> str:
        return "baris baru" if isinstance(kunci, tuple) else f"ID {kunci}"

    def _isian(self, nilai: dict[str, Any], konteks: dict) -> tuple[dict[str, Any], list[str]]:
        """The cells as the row form takes them: a parent by its label, a choice by its
        label or value, a date cell as a date, a whole number without decimals."""
        isian, galat = {}, []
        meta = self.j.model._meta
        for f in self.j.fields:
            v = nilai.get(f)
            field = meta.get_field(f)
            judul = capfirst(field.verbose_name)
            if v is None or v == "":
                isian[f] = ""
            elif f in konteks["pilihan"]:
                cocok = [pk for pk, label in konteks["pilihan"][f].items() if label == teks(v)]
                if not cocok:
                    contoh = ", ".join(list(konteks["pilihan"][f].values())[:5])
                    galat.append(f"{judul}: {teks(v)!r} tidak dikenal (mis. {contoh})")
                isian[f] = cocok[0] if cocok else ""
            elif field.choices:
                per_label = {str(label).lower(): val for val, label in field.flatchoices}
                isian[f] = per_label.get(teks(v).lower(), teks(v))
            elif isinstance(v, datetime.datetime):
                isian[f] = v.date()
            elif isinstance(v, Decimal) and v == v.to_integral_value():
                isian[f] = v.quantize(Decimal(1))
            else:
                isian[f] = v
        return isian, galat

    def periksa_baris(self, kunci, nilai, lingkup, konteks) -> list[str]:
        label = self.label(kunci)
        isian, galat = self._isian(nilai, konteks)
        if galat:
            return [f"{label}: {g}" for g in galat]
        lama = konteks["baris"].get(kunci) if not isinstance(kunci, tuple) else None
        form = konteks["Form"](isian, instance=copy.copy(lama) if lama else None)
        if not form.is_valid():
            return [
                f"{label}: {form.fields[f].label}: {m}" if f in form.fields else f"{label}: {m}"
                for f, daftar in form.errors.items()
                for m in daftar
            ]
        obj = form.save(commit=False)
        try:
            services_dd.siapkan_baris(obj, self.j, lingkup.satker, lingkup.tahun)
        except ValidationError as exc:
            return [f"{label}: {m}" for m in exc.messages]
        nilai.clear()
        nilai.update(self._teks(obj, konteks["pilihan"]))
        nilai["_isian"] = isian
        nilai["_obj"] = obj
        return []

    def periksa_rencana(self, rencana: RencanaImpor, lingkup: Lingkup, konteks: dict) -> None:
        """A row of a submitted or verified quarter is neither added, changed nor removed
        (where it was and where it would be): refused by row with the reason the page gives,
        each quarter looked up once."""
        diperiksa: list[tuple[Perubahan, models.Model]] = []
        for p in rencana.perubahan:
            kunci, nilai = p.data
            if p.jenis != "baru":
                diperiksa.append((p, konteks["baris"][kunci]))
            if p.jenis != "hapus":
                diperiksa.append((p, nilai["_obj"]))
        tempat = jejak.letak(self.j.model, [o for _, o in diperiksa])
        alasan: dict[tuple, str | None] = {}
        sudah: set[int] = set()
        for (p, _), t in zip(diperiksa, tempat, strict=True):
            if t is None or id(p) in sudah:
                continue
            if t not in alasan:
                try:
                    jejak.periksa_kunci(self.j.model, [t])
                    alasan[t] = None
                except jejak.TriwulanTerkunci as exc:
                    alasan[t] = exc.pesan
            if alasan[t]:
                sudah.add(id(p))
                rencana.kesalahan.append((p.baris, f"{p.kunci}: {alasan[t]}"))

    def _teks(self, obj: models.Model, pilihan: dict) -> dict[str, str]:
        """A record's values as the preview compares and shows them."""
        hasil = {}
        for f in self.j.fields:
            v = self._sel(obj, f, pilihan)
            hasil[f] = v if isinstance(v, str) else riwayat.teks(v)
        return hasil

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        return {pk: self._teks(o, konteks["pilihan"]) for pk, o in konteks["baris"].items()}

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        baris = self._baris(lingkup)
        for p in rencana.perubahan:
            kunci, nilai = p.data
            try:
                if p.jenis == "hapus":
                    services_dd.data_dukung_hapus(
                        user=lingkup.user, satker=lingkup.satker, jenis=self.j, baris=baris[kunci]
                    )
                else:
                    services_dd.data_dukung_simpan(
                        user=lingkup.user,
                        satker=lingkup.satker,
                        tahun=lingkup.tahun,
                        jenis=self.j,
                        isian=nilai["_isian"],
                        baris=baris.get(kunci) if p.jenis == "ubah" else None,
                    )
            except services_dd.BarisTidakValid as exc:
                raise ValidationError(
                    [f"{p.kunci}: {m}" for daftar in exc.form.errors.values() for m in daftar]
                ) from exc


def spec_untuk(kunci: str) -> DataDukungSpec | None:
    """The spec of a table page's kind, None for an unknown one."""
    from kinerja.views.data_dukung import JENIS_DATA

    j = JENIS_DATA.get(kunci)
    return None if j is None else _SPEC.setdefault(kunci, DataDukungSpec(kunci, j))


_SPEC: dict[str, DataDukungSpec] = {}
