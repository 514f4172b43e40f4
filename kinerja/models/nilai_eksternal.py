"""Scores a satker receives from outside: the SAKIP evaluation (four components and a
predikat) and the financial-report score."""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.dasar import DataDukungSatker
from kinerja.perhitungan.dasar import Hasil
from kinerja.perhitungan.metode import nilai_eksternal


class NilaiSakip(DataDukungSatker):
    """The SAKIP evaluation that counts as the realisasi of `tahun` (the evaluation held in
    that year). Its total is the sum of the components; the printed total is kept to flag a
    table whose total does not match its parts."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal = models.DateField(_("tanggal hasil evaluasi"))
    perencanaan = models.DecimalField(_("perencanaan kinerja"), max_digits=5, decimal_places=2)
    pengukuran = models.DecimalField(_("pengukuran kinerja"), max_digits=5, decimal_places=2)
    pelaporan = models.DecimalField(_("pelaporan kinerja"), max_digits=5, decimal_places=2)
    evaluasi_internal = models.DecimalField(
        _("evaluasi akuntabilitas kinerja internal"), max_digits=5, decimal_places=2
    )
    total_dilaporkan = models.DecimalField(
        _("total tercetak"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    predikat = models.CharField(_("predikat"), max_length=3, blank=True)
    penilai = models.CharField(_("penilai"), max_length=200, blank=True)

    class Meta:
        ordering = ["tahun", "satker"]
        verbose_name = _("nilai SAKIP")
        verbose_name_plural = _("nilai SAKIP")
        constraints = [
            models.UniqueConstraint(fields=["satker", "tahun"], name="nilai_sakip_unik"),
            models.CheckConstraint(
                condition=Q(perencanaan__gte=0)
                & Q(pengukuran__gte=0)
                & Q(pelaporan__gte=0)
                & Q(evaluasi_internal__gte=0),
                name="nilai_sakip_komponen_tidak_negatif",
            ),
        ]

    @property
    def komponen(self) -> tuple[tuple[str, Decimal], ...]:
        """The four components with their names, as the evaluation sheet lists them."""
        return (
            ("perencanaan kinerja", self.perencanaan),
            ("pengukuran kinerja", self.pengukuran),
            ("pelaporan kinerja", self.pelaporan),
            ("evaluasi akuntabilitas kinerja internal", self.evaluasi_internal),
        )

    def total(self) -> Hasil:
        """The score: the sum of the components, by the computation module."""
        return nilai_eksternal(komponen=self.komponen, nama="nilai SAKIP", predikat=self.predikat)

    def __str__(self) -> str:
        return f"SAKIP {self.satker} {self.tahun}"


class NilaiLaporanKeuangan(DataDukungSatker):
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal = models.DateField(_("tanggal hasil penilaian"))
    nilai = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2)
    penilai = models.CharField(_("penilai"), max_length=200, blank=True)

    class Meta:
        ordering = ["tahun", "satker"]
        verbose_name = _("nilai laporan keuangan")
        verbose_name_plural = _("nilai laporan keuangan")
        constraints = [
            models.UniqueConstraint(fields=["satker", "tahun"], name="nilai_lk_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=0) & Q(nilai__lte=100), name="nilai_lk_0_100"
            ),
        ]

    def __str__(self) -> str:
        return f"LK {self.satker} {self.tahun}"
