"""The BSKJI indicator manual ("Pedoman Kinerja pada BBSPJI dan BSPJI")."""

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
    computed. PK lines of every satker point here, so one definition serves every balai."""

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
