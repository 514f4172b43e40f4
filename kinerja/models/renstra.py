"""Renstra (5-year strategic plans) and the cascade of goals: Kemenperin SS → BSKJI SP →
balai SK, each with indicators, yearly targets and the indicative budget."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Satuan, TingkatRenstra
from satker.querysets import RestrictedQuerySet

TAHUN_MIN, TAHUN_MAX = 2000, 2100


def tahun_valid(nama: str) -> Q:
    return Q(**{f"{nama}__gte": TAHUN_MIN, f"{nama}__lte": TAHUN_MAX})


class Renstra(models.Model):
    """A strategic plan of the ministry, of BSKJI, or of one satker."""

    riwayat_data_induk = True  # the ministry's and BSKJI's rows are recorded too

    satker_lookup = "satker"

    tingkat = models.CharField(_("tingkat"), max_length=20, choices=TingkatRenstra.choices)
    satker = models.ForeignKey(
        "satker.Satker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renstra",
        verbose_name=_("satker"),
        help_text=_("Hanya untuk Renstra satker."),
    )
    nama = models.CharField(_("nama"), max_length=200)
    tahun_awal = models.PositiveSmallIntegerField(_("tahun awal"))
    tahun_akhir = models.PositiveSmallIntegerField(_("tahun akhir"))
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["tingkat", "satker__singkatan", "tahun_awal"]
        verbose_name = _("Renstra")
        verbose_name_plural = _("Renstra")
        constraints = [
            models.CheckConstraint(
                condition=tahun_valid("tahun_awal") & tahun_valid("tahun_akhir"),
                name="renstra_tahun_wajar",
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=F("tahun_awal"))
                & Q(tahun_akhir__lte=F("tahun_awal") + 4),
                name="renstra_periode_paling_lama_5_tahun",
                violation_error_message=_("Periode Renstra 1 sampai 5 tahun."),
            ),
            models.CheckConstraint(
                condition=(Q(tingkat=TingkatRenstra.SATKER) & Q(satker__isnull=False))
                | (~Q(tingkat=TingkatRenstra.SATKER) & Q(satker__isnull=True)),
                name="renstra_satker_hanya_untuk_tingkat_satker",
                violation_error_message=_("Renstra tingkat satker wajib memiliki satker."),
            ),
            models.UniqueConstraint(
                fields=["satker", "tahun_awal"],
                condition=Q(satker__isnull=False),
                name="renstra_unik_per_satker_periode",
            ),
            models.UniqueConstraint(
                fields=["tingkat", "tahun_awal"],
                condition=Q(satker__isnull=True),
                name="renstra_unik_per_tingkat_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.tahun_awal}-{self.tahun_akhir})"

    @property
    def tahun(self) -> range:
        return range(self.tahun_awal, self.tahun_akhir + 1)


class SasaranRenstra(models.Model):
    """A goal in a Renstra: SS (ministry), SP (BSKJI) or SK (balai), linked to the goals above
    it. A BSKJI goal can serve two ministry goals (SP9 → SS12 and SS13), hence many-to-many."""

    riwayat_data_induk = True  # the ministry's and BSKJI's rows are recorded too

    satker_lookup = "renstra__satker"

    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="sasaran", verbose_name=_("Renstra")
    )
    kode = models.CharField(_("kode"), max_length=20, help_text=_("mis. SS1, SP3, SK3"))
    nama = models.CharField(_("nama sasaran"), max_length=300)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    sasaran_induk = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="sasaran_turunan",
        verbose_name=_("sasaran di atasnya (cascade)"),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["renstra", "urutan", "kode"]
        verbose_name = _("sasaran Renstra")
        verbose_name_plural = _("sasaran Renstra")
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="sasaran_renstra_kode_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class IndikatorRenstra(models.Model):
    """An indicator of a Renstra goal, with its targets per year (`TargetRenstra`)."""

    riwayat_data_induk = True  # the ministry's and BSKJI's rows are recorded too

    satker_lookup = "sasaran__renstra__satker"

    sasaran = models.ForeignKey(
        SasaranRenstra,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("sasaran"),
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    nama = models.CharField(_("nama indikator"), max_length=300)
    satuan = models.CharField(_("satuan"), max_length=20, choices=Satuan.choices, blank=True)
    indikator = models.ForeignKey(
        "kinerja.IndikatorKinerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indikator_renstra",
        verbose_name=_("indikator pedoman"),
    )
    iku = models.BooleanField(_("IKU"), default=False)
    indikator_induk = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indikator_turunan",
        verbose_name=_("indikator di atasnya (cascade)"),
    )
    output = models.TextField(_("output"), blank=True)
    aktivitas_utama = models.TextField(_("aktivitas utama"), blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["sasaran", "nomor"]
        verbose_name = _("indikator Renstra")
        verbose_name_plural = _("indikator Renstra")
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran", "nomor"], name="indikator_renstra_nomor_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def kode(self) -> str:
        return f"{self.sasaran.kode}/{self.nomor}"


class TargetRenstra(models.Model):
    """The target of a Renstra indicator for one year, the realisation reported for that year
    and the indicative budget allocated to it."""

    riwayat_data_induk = True  # the ministry's and BSKJI's rows are recorded too

    satker_lookup = "indikator__sasaran__renstra__satker"

    indikator = models.ForeignKey(
        IndikatorRenstra,
        on_delete=models.CASCADE,
        related_name="target",
        verbose_name=_("indikator"),
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    target = models.DecimalField(
        _("target"),
        max_digits=15,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Kosong bila tidak ditetapkan (N/A)."),
    )
    realisasi = models.DecimalField(
        _("realisasi tercatat"),
        max_digits=15,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Realisasi yang dilaporkan untuk tahun itu (tahun-tahun yang telah lalu)."),
    )
    alokasi_indikatif = models.BigIntegerField(_("indikasi alokasi (Rp)"), null=True, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["indikator", "tahun"]
        verbose_name = _("target Renstra")
        verbose_name_plural = _("target Renstra")
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_renstra_unik"),
            models.CheckConstraint(condition=tahun_valid("tahun"), name="target_renstra_tahun"),
            models.CheckConstraint(
                condition=Q(alokasi_indikatif__isnull=True) | Q(alokasi_indikatif__gte=0),
                name="target_renstra_alokasi_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun}"

    def clean(self) -> None:
        renstra = self.indikator.sasaran.renstra
        if self.tahun is not None and self.tahun not in renstra.tahun:
            raise ValidationError(
                {
                    "tahun": _("Tahun %(tahun)s di luar periode Renstra %(awal)s-%(akhir)s.")
                    % {
                        "tahun": self.tahun,
                        "awal": renstra.tahun_awal,
                        "akhir": renstra.tahun_akhir,
                    }
                }
            )


class PaguIndikatifRenstra(models.Model):
    """The indicative budget of a whole Renstra for one year (the total row of LAKIP Tabel 4);
    it is its own figure, not the sum of the indicators' allocations."""

    satker_lookup = "renstra__satker"

    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="pagu_indikatif", verbose_name=_("Renstra")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    pagu = models.BigIntegerField(_("pagu indikatif (Rp)"))

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["renstra", "tahun"]
        verbose_name = _("pagu indikatif Renstra")
        verbose_name_plural = _("pagu indikatif Renstra")
        constraints = [
            models.UniqueConstraint(fields=["renstra", "tahun"], name="pagu_indikatif_unik"),
            models.CheckConstraint(condition=Q(pagu__gte=0), name="pagu_indikatif_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.renstra} {self.tahun}"
