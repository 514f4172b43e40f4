"""PNBP receipts and service results, as cumulative year-to-date amounts at a position date
(posisi per tanggal), so a quarter compares with the previous year's same date; and what the
LAKIP tabulates of the services per year: customers, volumes (samples, instruments,
trainings ...), the laboratories' scopes and the promotion activities."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import (
    PNBP_BUKAN_LAYANAN,
    BesaranLayanan,
    Bulan,
    JenisLaboratorium,
    JenisPnbp,
    SatuanHasilLayanan,
)
from kinerja.models.dasar import DataDukungSatker


class PenerimaanPnbp(DataDukungSatker):
    tanggal_posisi = models.DateField(
        _("posisi per tanggal"),
        help_text=_("Penerimaan kumulatif sejak 1 Januari sampai tanggal ini."),
    )
    jenis = models.CharField(_("jenis penerimaan"), max_length=30, choices=JenisPnbp.choices)
    jumlah = models.BigIntegerField(_("jumlah (Rp)"))

    class Meta:
        ordering = ["satker", "tanggal_posisi", "jenis"]
        verbose_name = _("penerimaan PNBP")
        verbose_name_plural = _("penerimaan PNBP")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "jenis"],
                name="pnbp_unik_per_posisi_jenis",
                violation_error_message=_("Penerimaan jenis ini pada posisi ini sudah ada."),
            ),
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="pnbp_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tanggal_posisi} {self.get_jenis_display()}"

    @property
    def layanan(self) -> bool:
        """Service fees count for the indicator "PNBP layanan jasa industri"."""
        return self.jenis not in PNBP_BUKAN_LAYANAN


class HasilLayanan(DataDukungSatker):
    tanggal_posisi = models.DateField(
        _("posisi per tanggal"),
        help_text=_("Jumlah kumulatif sejak 1 Januari sampai tanggal ini."),
    )
    jenis = models.CharField(_("jenis layanan"), max_length=30, choices=JenisPnbp.choices)
    satuan = models.CharField(
        _("satuan hasil"),
        max_length=20,
        choices=SatuanHasilLayanan.choices,
        default=SatuanHasilLayanan.HASIL,
    )
    jumlah = models.PositiveIntegerField(_("jumlah"))

    class Meta:
        ordering = ["satker", "tanggal_posisi", "satuan", "jenis"]
        verbose_name = _("hasil layanan")
        verbose_name_plural = _("hasil layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "satuan", "jenis"],
                name="hasil_layanan_unik_per_posisi_jenis",
                violation_error_message=_("Hasil layanan jenis ini pada posisi ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=~Q(jenis__in=sorted(PNBP_BUKAN_LAYANAN)),
                name="hasil_layanan_hanya_jenis_layanan",
                violation_error_message=_("Hasil layanan hanya untuk jenis layanan jasa."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tanggal_posisi} {self.get_jenis_display()}"


def _hanya_layanan(nama: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~Q(jenis__in=sorted(PNBP_BUKAN_LAYANAN)),
        name=f"{nama}_hanya_jenis_layanan",
        violation_error_message=_("Hanya untuk jenis layanan jasa."),
    )


class PelangganLayanan(DataDukungSatker):
    """The customers a service kind had in a year, industrial and other (LAKIP "Jumlah
    Pelanggan" per Jenis JPT)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis layanan"), max_length=30, choices=JenisPnbp.choices)
    industri = models.PositiveIntegerField(_("pelanggan industri"), default=0)
    non_industri = models.PositiveIntegerField(_("pelanggan non industri"), default=0)

    class Meta:
        ordering = ["satker", "tahun", "jenis"]
        verbose_name = _("pelanggan layanan")
        verbose_name_plural = _("pelanggan layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "jenis"],
                name="pelanggan_layanan_unik",
                violation_error_message=_("Pelanggan jenis layanan ini pada tahun ini sudah ada."),
            ),
            _hanya_layanan("pelanggan_layanan"),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tahun} {self.get_jenis_display()}"

    @property
    def jumlah(self) -> int:
        return self.industri + self.non_industri


class VolumeLayanan(DataDukungSatker):
    """A yearly volume of a service kind: trainings held and their participants, test
    samples, instruments calibrated, consultancies, RBPI projects."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis layanan"), max_length=30, choices=JenisPnbp.choices)
    besaran = models.CharField(_("yang dihitung"), max_length=20, choices=BesaranLayanan.choices)
    jumlah = models.PositiveIntegerField(_("jumlah"))

    class Meta:
        ordering = ["satker", "tahun", "jenis", "besaran"]
        verbose_name = _("volume layanan")
        verbose_name_plural = _("volume layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "jenis", "besaran"],
                name="volume_layanan_unik",
                violation_error_message=_("Volume ini pada tahun ini sudah ada."),
            ),
            _hanya_layanan("volume_layanan"),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tahun} {self.get_jenis_display()} {self.get_besaran_display()}"


class RuangLingkupLaboratorium(DataDukungSatker):
    """A line of a laboratory's scope as the LAKIP lists it for a year: a commodity and its
    reference standard (testing), a measurement group and its instruments (calibration)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    laboratorium = models.CharField(
        _("laboratorium"), max_length=20, choices=JenisLaboratorium.choices
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"), validators=[MinValueValidator(1)])
    lingkup = models.CharField(
        _("komoditi / kelompok pengukuran"),
        max_length=200,
        help_text=_("Pengujian: komoditi; kalibrasi: kelompok pengukuran."),
    )
    rincian = models.TextField(
        _("standar acuan / jenis alat"),
        help_text=_("Pengujian: standar acuan; kalibrasi: jenis alat, satu per baris."),
    )
    terakreditasi = models.BooleanField(
        _("terakreditasi KAN"),
        default=False,
        help_text=_("Ruang lingkup ini termasuk lingkup akreditasi KAN laboratorium."),
    )

    class Meta:
        ordering = ["satker", "tahun", "laboratorium", "nomor"]
        verbose_name = _("ruang lingkup laboratorium")
        verbose_name_plural = _("ruang lingkup laboratorium")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "laboratorium", "nomor"],
                name="ruang_lingkup_unik",
                violation_error_message=_("Nomor ini sudah ada untuk laboratorium ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_laboratorium_display()} {self.tahun} {self.nomor}. {self.lingkup}"


class KegiatanPromosi(DataDukungSatker):
    """A promotion or marketing activity of the satker's services (visits, meetings,
    cooperation agreements), by month."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomor = models.PositiveSmallIntegerField(_("nomor"), validators=[MinValueValidator(1)])
    bulan = models.PositiveSmallIntegerField(_("bulan"), choices=Bulan.choices)
    uraian = models.TextField(_("kegiatan"))

    class Meta:
        ordering = ["satker", "tahun", "bulan", "nomor"]
        verbose_name = _("kegiatan promosi")
        verbose_name_plural = _("kegiatan promosi")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "nomor"],
                name="kegiatan_promosi_unik",
                violation_error_message=_("Nomor kegiatan ini sudah ada pada tahun ini."),
            ),
            models.CheckConstraint(
                condition=Q(bulan__gte=1) & Q(bulan__lte=12), name="kegiatan_promosi_bulan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_bulan_display()} {self.tahun}: {self.uraian[:60]}"
