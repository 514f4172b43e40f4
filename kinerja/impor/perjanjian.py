"""The targets of a satker's Perjanjian Kinerja as a workbook: one row per PK line. A changed
target is a revision of the PK, as on its page (kinerja.services.perjanjian): a reason is
asked with the upload, each target must be above zero, targets stay while a quarter is under
review, and the revision number goes up once for the whole file."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja import riwayat
from kinerja.impor.dasar import MENTAH, Kolom, Lingkup, RencanaImpor, Spec, teks
from kinerja.models import IndikatorPerjanjian, PerjanjianKinerja
from kinerja.services import perjanjian as services_pk


class TargetPk(Spec):
    jenis = "target-pk"
    judul_lembar = "Target PK"
    nama = "target Perjanjian Kinerja"
    nama_data = "PK"
    uraian_riwayat = "Impor target PK"
    kolom = (
        Kolom("kode", "Kode", "Kode indikator PK (mis. III.2); jangan diubah.", 8),
        Kolom("sasaran", "Sasaran kegiatan", "Sasaran kegiatan PK.", 40, info=True),
        Kolom("uraian", "Indikator", "Indikator kinerja PK.", 50, info=True),
        Kolom("satuan", "Satuan", "Satuan target.", 12, info=True),
        Kolom("target", "Target", "Target tahunan, lebih dari 0 (mis. 12 atau 87,5).", 14,
              jenis=MENTAH),
    )  # fmt: skip
    aturan = (
        "Mengubah target adalah revisi PK: tuliskan alasan revisi saat mengunggah; nomor "
        "revisi naik satu untuk seluruh berkas.",
        "Menambah atau menghapus indikator PK dilakukan di halaman PK, bukan di berkas ini.",
        "Target tidak dapat direvisi selama laporan triwulan tahun ini direviu.",
    )
    field_tambahan = {
        "alasan": forms.CharField(
            label="Alasan revisi",
            max_length=500,
            error_messages={"required": "Tuliskan alasan revisi target."},
        )
    }

    def _pk(self, lingkup: Lingkup) -> PerjanjianKinerja | None:
        return (
            PerjanjianKinerja.objects.filter(satker=lingkup.satker, tahun=lingkup.tahun)
            .select_related("satker")
            .prefetch_related("sasaran__indikator")
            .first()
        )

    def _lines(self, pk: PerjanjianKinerja | None) -> dict[str, IndikatorPerjanjian]:
        if pk is None:
            return {}
        return {line.kode: line for s in pk.sasaran.all() for line in s.indikator.all()}

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        return [
            {
                "kode": kode,
                "sasaran": line.sasaran.uraian,
                "uraian": line.uraian,
                "satuan": line.get_satuan_display(),
                "target": line.target.normalize(),
            }
            for kode, line in self._lines(self._pk(lingkup)).items()
        ]

    def siapkan(self, lingkup: Lingkup) -> dict:
        pk = self._pk(lingkup)
        return {"pk": pk, "lines": self._lines(pk)}

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        kode = teks(nilai.get("kode"))
        if konteks["pk"] is None:
            raise ValueError(
                f"Perjanjian Kinerja {lingkup.tahun} belum dibuat; buat lebih dahulu di halaman PK"
            )
        if not kode:
            raise ValueError("kode kosong")
        if kode not in konteks["lines"]:
            raise ValueError(
                f"kode {kode} bukan indikator PK {lingkup.satker.singkatan} {lingkup.tahun}"
            )
        return kode

    def periksa_baris(self, kunci, nilai, lingkup, konteks) -> list[str]:
        try:
            v = services_pk.target("" if nilai["target"] is None else nilai["target"])
            if v is None:
                raise ValidationError("Target harus lebih dari 0.")
        except ValidationError as exc:
            return [f"{kunci}: target: {m}" for m in exc.messages]
        nilai["target"] = riwayat.teks(v)
        return []

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        return {kode: {"target": riwayat.teks(x.target)} for kode, x in konteks["lines"].items()}

    def periksa_rencana(self, rencana: RencanaImpor, lingkup: Lingkup, konteks: dict) -> None:
        if not rencana.perubahan:
            return
        alasan = services_pk.revisi_terkunci(lingkup.satker, lingkup.tahun)
        if alasan:
            rencana.kesalahan.extend((p.baris, f"{p.kunci}: {alasan}") for p in rencana.perubahan)

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        pk = self._pk(lingkup)
        lines = self._lines(pk)
        # One save of the PK page: a signed PK gets one revision for the whole file.
        services_pk.ubah_pk(
            user=lingkup.user,
            pk=pk,
            perubahan=services_pk.Perubahan(
                target={
                    lines[p.data[0]].pk: services_pk.target(p.data[1]["target"])
                    for p in rencana.perubahan
                },
                hapus=set(),
                tambah=[],
                alasan=lingkup.tambahan["alasan"],
            ),
        )


SPEC = TargetPk()
