"""The BSKJI indicator manual ("Pedoman Kinerja pada BBSPJI dan BSPJI"): each indicator, and
the versions of its definition, each applying from a year onward."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import (
    DATA_DUKUNG_METODE,
    Agregasi,
    DataDukung,
    Klasifikasi,
    MetodePerhitungan,
    RumusMinimasi,
    Satuan,
)


def _metode_sesuai_data_dukung() -> Q:
    condition = Q()
    for metode, sumber in DATA_DUKUNG_METODE.items():
        condition |= Q(metode=metode, data_dukung__in=sumber)
    return condition


class IndikatorKinerja(models.Model):
    """One indicator of the manual: what it means, where its data come from and how it is
    computed. PK lines of every satker point here, so one definition serves every balai.

    The definition fields (definisi ... agregasi_tahunan) mirror the latest VersiIndikator,
    for the API and for lists; every computation reads the version of its year through
    kinerja.selectors.pedoman.definisi_per_tahun, and only kinerja.services.pedoman writes
    them."""

    riwayat_data_induk = True  # every change on the record (kinerja.jejak), satker empty

    kode = models.CharField(
        _("kode"),
        max_length=30,
        unique=True,
        help_text=_("Kode tujuan/sasaran/indikator dalam pedoman, mis. T1/SP3/e."),
    )
    nama = models.CharField(_("nama indikator"), max_length=300)
    sasaran_program = models.ForeignKey(
        "kinerja.SasaranRenstra",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indikator_pedoman",
        verbose_name=_("sasaran program BSKJI"),
    )
    definisi = models.TextField(_("definisi"))
    sumber_data = models.TextField(_("sumber data"), blank=True)
    cara_menghitung = models.TextField(_("cara menghitung"), blank=True)
    satuan = models.CharField(_("satuan"), max_length=20, choices=Satuan.choices)
    klasifikasi = models.CharField(
        _("klasifikasi"), max_length=10, choices=Klasifikasi.choices, default=Klasifikasi.MAKSIMASI
    )
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=100, blank=True)
    iku = models.BooleanField(_("IKU"), default=False, help_text=_("Indikator kinerja utama."))
    metode = models.CharField(
        _("metode perhitungan"), max_length=30, choices=MetodePerhitungan.choices
    )
    data_dukung = models.CharField(
        _("data dukung"),
        max_length=30,
        choices=DataDukung.choices,
        blank=True,
        default=DataDukung.TIDAK_ADA,
        help_text=_("Data yang dibaca untuk menghitung realisasi; kosong bila diisi langsung."),
    )
    rumus_minimasi = models.CharField(
        _("rumus capaian minimasi"),
        max_length=10,
        choices=RumusMinimasi.choices,
        default=RumusMinimasi.SELISIH,
        help_text=_("Hanya dipakai bila klasifikasinya minimasi."),
    )
    agregasi_triwulan = models.CharField(
        _("agregasi antar-triwulan"), max_length=10, choices=Agregasi.choices
    )
    agregasi_tahunan = models.CharField(
        _("agregasi antar-tahun Renstra"), max_length=10, choices=Agregasi.choices
    )
    sumber = models.CharField(_("sumber definisi"), max_length=300, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    diubah = models.DateTimeField(
        _("diubah"), auto_now=True, db_index=True,
        help_text=_("Waktu perubahan terakhir (pedoman tidak tercatat di riwayat satker)."),
    )  # fmt: skip

    class Meta:
        ordering = ["kode"]
        verbose_name = _("indikator (pedoman)")
        verbose_name_plural = _("indikator (pedoman)")
        constraints = [
            models.CheckConstraint(
                condition=_metode_sesuai_data_dukung(),
                name="indikator_metode_sesuai_data_dukung",
                violation_error_message=_(
                    "Data dukung tidak sesuai dengan metode perhitungan indikator."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


# The definition that a version carries: the computation reads exactly these.
FIELD_DEFINISI = (
    "definisi",
    "sumber_data",
    "cara_menghitung",
    "klasifikasi",
    "rumus_minimasi",
    "metode",
    "data_dukung",
    "agregasi_triwulan",
    "agregasi_tahunan",
)


class VersiIndikator(models.Model):
    """The definition of a manual indicator from year `berlaku_mulai` until the next version:
    a year's figures are computed with the version that applies to that year, so a change of
    the manual for 2024 leaves the 2023 figures as they were. The first version also covers
    the years before it (there is no earlier definition)."""

    riwayat_data_induk = True  # every change on the record (kinerja.jejak), satker empty

    indikator = models.ForeignKey(
        IndikatorKinerja,
        on_delete=models.CASCADE,
        related_name="versi",
        verbose_name=_("indikator"),
    )
    berlaku_mulai = models.PositiveSmallIntegerField(
        _("berlaku mulai tahun"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_(
            "Tahun pertama yang dihitung dengan versi ini; berlaku sampai versi berikutnya."
        ),
    )
    definisi = models.TextField(_("definisi"))
    sumber_data = models.TextField(_("sumber data"), blank=True)
    cara_menghitung = models.TextField(_("cara menghitung"), blank=True)
    klasifikasi = models.CharField(
        _("klasifikasi"), max_length=10, choices=Klasifikasi.choices, default=Klasifikasi.MAKSIMASI
    )
    metode = models.CharField(
        _("metode perhitungan"), max_length=30, choices=MetodePerhitungan.choices
    )
    data_dukung = models.CharField(
        _("data dukung"),
        max_length=30,
        choices=DataDukung.choices,
        blank=True,
        default=DataDukung.TIDAK_ADA,
        help_text=_("Data yang dibaca untuk menghitung realisasi; kosong bila diisi langsung."),
    )
    rumus_minimasi = models.CharField(
        _("rumus capaian minimasi"),
        max_length=10,
        choices=RumusMinimasi.choices,
        default=RumusMinimasi.SELISIH,
        help_text=_("Hanya dipakai bila klasifikasinya minimasi."),
    )
    agregasi_triwulan = models.CharField(
        _("agregasi antar-triwulan"), max_length=10, choices=Agregasi.choices
    )
    agregasi_tahunan = models.CharField(
        _("agregasi antar-tahun Renstra"), max_length=10, choices=Agregasi.choices
    )
    ambang_tercapai = models.DecimalField(
        _("ambang tercapai (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Kosong: ambang umum aplikasi (KINERJA_AMBANG_TERCAPAI)."),
    )
    ambang_perlu_perhatian = models.DecimalField(
        _("ambang perlu perhatian (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Kosong: ambang umum aplikasi (KINERJA_AMBANG_PERLU_PERHATIAN)."),
    )
    alasan = models.TextField(_("alasan perubahan"), blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["indikator", "berlaku_mulai"]
        verbose_name = _("versi pedoman indikator")
        verbose_name_plural = _("versi pedoman indikator")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "berlaku_mulai"],
                name="versi_indikator_satu_per_tahun",
                violation_error_message=_("Indikator ini sudah punya versi untuk tahun itu."),
            ),
            models.CheckConstraint(
                condition=_metode_sesuai_data_dukung(),
                name="versi_indikator_metode_sesuai_data_dukung",
                violation_error_message=_(
                    "Data dukung tidak sesuai dengan metode perhitungan indikator."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} versi berlaku mulai {self.berlaku_mulai}"

    def clean(self) -> None:
        super().clean()
        conf = getattr(settings, "KINERJA", {})
        t = self.ambang_tercapai
        p = self.ambang_perlu_perhatian
        if t is None:
            t = Decimal(str(conf.get("AMBANG_TERCAPAI", 100)))
        if p is None:
            p = Decimal(str(conf.get("AMBANG_PERLU_PERHATIAN", 75)))
        if p > t:
            raise ValidationError(
                {
                    "ambang_perlu_perhatian": _(
                        "Ambang 'perlu perhatian' tidak boleh di atas ambang 'tercapai' "
                        "(ambang yang kosong memakai ambang umum aplikasi)."
                    )
                }
            )

    @property
    def label(self) -> str:
        """How the working names the version: "Pedoman versi berlaku mulai 2024"."""
        return f"Pedoman versi berlaku mulai {self.berlaku_mulai}"
