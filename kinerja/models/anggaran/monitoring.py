"""Monitoring records kept by other applications that the PP-39 report annexes: the e-Monev
component recap and the ALKI activity list."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import StatusKomponen
from kinerja.models.dasar import DataDukungSatker
from satker.querysets import RestrictedQuerySet


class RekapKomponen(models.Model):
    """The e-Monev recap of a komponen at the end of a month. Its allocation is the
    komponen's pagu and its percentage is derived; both are not stored."""

    satker_lookup = "item__satker"

    item = models.ForeignKey(
        "kinerja.ItemAnggaran",
        on_delete=models.CASCADE,
        related_name="rekap",
        verbose_name=_("komponen"),
    )
    bulan = models.PositiveSmallIntegerField(_("s.d. akhir bulan"))
    status = models.CharField(_("status"), max_length=20, choices=StatusKomponen.choices)
    keterangan = models.CharField(_("keterangan status"), max_length=300, blank=True)
    progres = models.DecimalField(_("progres (%)"), max_digits=6, decimal_places=2)
    volume_realisasi = models.DecimalField(
        _("realisasi volume"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    fisik_riil = models.CharField(_("fisik riil"), max_length=60, blank=True)
    realisasi_rp = models.BigIntegerField(_("realisasi anggaran (Rp)"))
    status_kemanfaatan = models.CharField(_("status kemanfaatan"), max_length=60, blank=True)
    kategori_masalah = models.CharField(_("kategori permasalahan"), max_length=200, blank=True)
    keterangan_masalah = models.TextField(_("keterangan permasalahan"), blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["item", "bulan"]
        verbose_name = _("rekap komponen (e-Monev)")
        verbose_name_plural = _("rekap komponen (e-Monev)")
        constraints = [
            models.UniqueConstraint(fields=["item", "bulan"], name="rekap_komponen_unik"),
            models.CheckConstraint(
                condition=Q(progres__gte=0) & Q(progres__lte=100) & Q(realisasi_rp__gte=0),
                name="rekap_komponen_nilai_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item.kode_lengkap} bulan {self.bulan}"


class KegiatanAlki(DataDukungSatker):
    """An activity of the Kemenperin ALKI monitoring, attached to the budget node it spends."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal_posisi = models.DateField(_("posisi per tanggal"))
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.CharField(_("kegiatan"), max_length=300)
    item = models.ForeignKey(
        "kinerja.ItemAnggaran",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kegiatan_alki",
        verbose_name=_("item anggaran"),
    )
    pagu = models.BigIntegerField(_("pagu (Rp)"))
    target_keuangan = models.DecimalField(_("target keuangan (%)"), max_digits=6, decimal_places=2)
    realisasi_keuangan = models.DecimalField(
        _("realisasi keuangan (%)"), max_digits=6, decimal_places=2
    )
    target_fisik = models.DecimalField(_("target fisik (%)"), max_digits=6, decimal_places=2)
    realisasi_fisik = models.DecimalField(_("realisasi fisik (%)"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["satker", "tanggal_posisi", "nomor"]
        verbose_name = _("kegiatan ALKI")
        verbose_name_plural = _("kegiatan ALKI")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "nomor"], name="kegiatan_alki_unik"
            ),
            models.CheckConstraint(condition=Q(pagu__gte=0), name="kegiatan_alki_pagu"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.uraian}"
