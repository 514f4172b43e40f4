"""Form A of the PP-39 (Laporan Pelaksanaan Kegiatan), per kegiatan and quarter: what the
budget tree does not hold of its data umum (fungsi and sub fungsi, the outcome indicator, the
duration, who is responsible and where), and the kendala of its outputs with the follow-up
needed and who is expected to help."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import TingkatAnggaran
from kinerja.models.dasar import DataDukungSatker
from kinerja.models.rencana_aksi import triwulan_1_4
from satker.querysets import RestrictedQuerySet

T = TingkatAnggaran


class LaporanKegiatan(DataDukungSatker):
    """The data umum of a kegiatan's Form A for a quarter. The unit, program, kegiatan and
    DIPA number come from the budget; these are the items it does not hold."""

    kegiatan = models.ForeignKey(
        "kinerja.ItemAnggaran",
        on_delete=models.CASCADE,
        related_name="laporan_kegiatan",
        verbose_name=_("kegiatan"),
        limit_choices_to={"tingkat": T.KEGIATAN},
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    kode_fungsi = models.CharField(_("kode fungsi"), max_length=10, help_text=_("Mis. 04."))
    fungsi = models.CharField(_("fungsi"), max_length=100, help_text=_("Mis. Ekonomi."))
    kode_sub_fungsi = models.CharField(
        _("kode sub fungsi"), max_length=10, help_text=_("Mis. 04.07.")
    )
    sub_fungsi = models.CharField(
        _("sub fungsi"), max_length=100, help_text=_("Mis. Industri Dan Konstruksi.")
    )
    indikator_hasil = models.TextField(_("indikator hasil"), blank=True)
    jangka_waktu = models.PositiveSmallIntegerField(
        _("jangka waktu pelaksanaan (tahun)"), default=1
    )
    tahun_ke = models.PositiveSmallIntegerField(_("tahun ke"), default=1)
    penanggung_jawab = models.CharField(_("penanggung jawab kegiatan"), max_length=200)
    tempat_kedudukan = models.CharField(_("tempat kedudukan penanggung jawab"), max_length=300)
    tanggal = models.DateField(
        _("tanggal penandatanganan"),
        null=True,
        blank=True,
        help_text=_("Kosong: akhir triwulan."),
    )

    class Meta:
        ordering = ["satker", "kegiatan__tahun", "triwulan", "kegiatan__urutan"]
        verbose_name = _("laporan pelaksanaan kegiatan (Form A)")
        verbose_name_plural = _("laporan pelaksanaan kegiatan (Form A)")
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "triwulan"],
                name="laporan_kegiatan_unik",
                violation_error_message=_("Form A kegiatan ini untuk triwulan ini sudah ada."),
            ),
            models.CheckConstraint(condition=triwulan_1_4(), name="laporan_kegiatan_triwulan"),
            models.CheckConstraint(
                condition=Q(tahun_ke__gte=1) & Q(tahun_ke__lte=models.F("jangka_waktu")),
                name="laporan_kegiatan_tahun_ke",
                violation_error_message=_("Tahun ke- harus antara 1 dan jangka waktunya."),
            ),
        ]

    def __str__(self) -> str:
        kode = self.kegiatan.kode if self.kegiatan_id else "?"
        return f"Form A {kode} TW {self.triwulan}"

    def clean(self) -> None:
        galat = {}
        if self.kegiatan_id is not None:
            if self.kegiatan.tingkat != T.KEGIATAN:
                galat["kegiatan"] = _("Pilih item anggaran tingkat kegiatan.")
            elif self.satker_id is not None and self.kegiatan.satker_id != self.satker_id:
                galat["kegiatan"] = _("Kegiatan harus dari anggaran satker ini.")
        if (
            self.kode_fungsi
            and self.kode_sub_fungsi
            and not self.kode_sub_fungsi.startswith(self.kode_fungsi.rstrip(".") + ".")
        ):
            galat["kode_sub_fungsi"] = _("Kode sub fungsi harus diawali kode fungsinya.")
        if galat:
            raise ValidationError(galat)

    @property
    def tahun(self) -> int:
        return self.kegiatan.tahun


class KendalaKegiatan(models.Model):
    """A kendala of an output of the kegiatan in the quarter (Form A section IV)."""

    satker_lookup = "laporan__satker"

    laporan = models.ForeignKey(
        LaporanKegiatan,
        on_delete=models.CASCADE,
        related_name="kendala",
        verbose_name=_("Form A"),
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    output = models.ForeignKey(
        "kinerja.ItemAnggaran",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kendala_kegiatan",
        verbose_name=_("output (KRO)"),
        limit_choices_to={"tingkat": T.KRO},
        help_text=_("Kosong bila kendalanya mengenai kegiatan secara keseluruhan."),
    )
    kendala = models.TextField(_("kendala"))
    tindak_lanjut = models.TextField(_("tindak lanjut yang diperlukan"), blank=True)
    pihak_membantu = models.TextField(
        _("pihak yang diharapkan dapat membantu penyelesaian masalah"), blank=True
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["laporan", "nomor"]
        verbose_name = _("kendala kegiatan (Form A)")
        verbose_name_plural = _("kendala kegiatan (Form A)")
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "nomor"],
                name="kendala_kegiatan_nomor_unik",
                violation_error_message=_("Nomor kendala sudah dipakai dalam Form A ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.kendala}"[:120]

    def clean(self) -> None:
        if self.output_id is None or self.laporan_id is None:
            return
        if self.output.tingkat != T.KRO or self.output.induk_id != self.laporan.kegiatan_id:
            raise ValidationError({"output": _("Pilih output (KRO) dari kegiatan Form A ini.")})
