"""DIPA (the approved budget document of a satker for a year), its revisions, and the yearly
PNBP targets, pagu and realisation of years without a DIPA in the data."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import KewenanganRevisi
from kinerja.models.anggaran.struktur import ItemAnggaran
from kinerja.models.dasar import DataDukungSatker
from satker.querysets import RestrictedQuerySet


class Dipa(DataDukungSatker):
    tahun = models.PositiveSmallIntegerField(_("tahun anggaran"))
    nomor = models.CharField(_("nomor SP DIPA"), max_length=100)
    tanggal = models.DateField(_("tanggal"))
    pagu_awal = models.BigIntegerField(_("pagu awal (Rp)"))
    blokir_awal = models.BigIntegerField(_("blokir awal (Rp)"), null=True, blank=True)
    target_pnbp = models.BigIntegerField(_("target PNBP awal (Rp)"), null=True, blank=True)

    class Meta:
        ordering = ["-tahun", "satker"]
        verbose_name = _("DIPA")
        verbose_name_plural = _("DIPA")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun"],
                name="dipa_satu_per_satker_per_tahun",
                violation_error_message=_("Satker ini sudah memiliki DIPA untuk tahun tersebut."),
            ),
            models.CheckConstraint(condition=Q(pagu_awal__gte=0), name="dipa_pagu_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return self.nomor


class RevisiDipa(models.Model):
    """A revision of a DIPA: its values after the revision. The values before ("semula")
    are those of the previous revision, or of the DIPA for the first."""

    satker_lookup = "dipa__satker"

    dipa = models.ForeignKey(
        Dipa, on_delete=models.CASCADE, related_name="revisi", verbose_name=_("DIPA")
    )
    nomor = models.PositiveSmallIntegerField(_("revisi ke-"))
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    kewenangan = models.CharField(
        _("kewenangan"), max_length=20, choices=KewenanganRevisi.choices, blank=True
    )
    uraian = models.TextField(_("uraian/alasan"))
    pagu = models.BigIntegerField(_("pagu sesudah revisi (Rp)"))
    blokir = models.BigIntegerField(_("blokir sesudah revisi (Rp)"), null=True, blank=True)
    target_pnbp = models.BigIntegerField(
        _("target PNBP sesudah revisi (Rp)"), null=True, blank=True
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["dipa", "nomor"]
        verbose_name = _("revisi DIPA")
        verbose_name_plural = _("revisi DIPA")
        constraints = [
            models.UniqueConstraint(
                fields=["dipa", "nomor"],
                name="revisi_dipa_nomor_unik",
                violation_error_message=_("Nomor revisi ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(pagu__gte=0) & (Q(blokir__isnull=True) | Q(blokir__gte=0)),
                name="revisi_dipa_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dipa} revisi {self.nomor}"


class TargetPnbp(DataDukungSatker):
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    target = models.BigIntegerField(_("target penerimaan (Rp)"))

    class Meta:
        ordering = ["satker", "tahun"]
        verbose_name = _("target PNBP")
        verbose_name_plural = _("target PNBP")
        constraints = [
            models.UniqueConstraint(fields=["satker", "tahun"], name="target_pnbp_unik"),
            models.CheckConstraint(condition=Q(target__gte=0), name="target_pnbp_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tahun}"


class RiwayatAnggaran(DataDukungSatker):
    """The pagu and realisation of a year whose budget tree the application does not hold
    (the years before the satker used it), for the LAKIP's multi-year budget table. A year
    with a budget tree takes its figures from the tree, so it has no row here."""

    tahun = models.PositiveSmallIntegerField(_("tahun anggaran"))
    pagu = models.BigIntegerField(_("pagu (Rp)"))
    realisasi = models.BigIntegerField(_("realisasi (Rp)"), null=True, blank=True)

    class Meta:
        ordering = ["satker", "tahun"]
        verbose_name = _("riwayat anggaran")
        verbose_name_plural = _("riwayat anggaran")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun"],
                name="riwayat_anggaran_unik",
                violation_error_message=_("Anggaran tahun ini sudah dicatat."),
            ),
            models.CheckConstraint(
                condition=Q(pagu__gte=0) & (Q(realisasi__isnull=True) | Q(realisasi__gte=0)),
                name="riwayat_anggaran_tidak_negatif",
                violation_error_message=_("Pagu dan realisasi tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tahun}"

    def clean(self) -> None:
        super().clean()
        if (
            self.satker_id
            and self.tahun
            and ItemAnggaran.objects.filter(satker_id=self.satker_id, tahun=self.tahun).exists()
        ):
            raise ValidationError(
                {
                    "tahun": _(
                        "Pohon anggaran tahun ini ada di aplikasi; pagu dan realisasinya "
                        "dihitung dari sana, tidak dicatat di riwayat."
                    )
                }
            )


class SumberRealisasi(models.TextChoices):
    SAKTI = "sakti", "SAKTI"
    OM_SPAN = "om_span", "OM SPAN"


class RealisasiDipa(DataDukungSatker):
    """The satker's whole spending up to the end of a month as the treasury systems report
    it, an amount (SAKTI / OM SPAN). Where the tree's nodes report percentages only, this is
    the realisation printed; the rupiah rebuilt from the percentages is not."""

    tahun = models.PositiveSmallIntegerField(_("tahun anggaran"))
    bulan = models.PositiveSmallIntegerField(
        _("s.d. akhir bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    jumlah = models.BigIntegerField(_("realisasi (Rp)"), validators=[MinValueValidator(0)])
    sumber = models.CharField(
        _("sumber"), max_length=10, choices=SumberRealisasi.choices, default=SumberRealisasi.SAKTI
    )
    tanggal_data = models.DateField(_("tanggal data"), null=True, blank=True)

    class Meta:
        ordering = ["satker", "tahun", "bulan"]
        verbose_name = _("realisasi DIPA (SAKTI/OM SPAN)")
        verbose_name_plural = _("realisasi DIPA (SAKTI/OM SPAN)")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "bulan"],
                name="realisasi_dipa_unik",
                violation_error_message=_("Realisasi bulan ini untuk satker ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah__gte=0) & Q(bulan__gte=1) & Q(bulan__lte=12),
                name="realisasi_dipa_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tahun} s.d. bulan {self.bulan}"
