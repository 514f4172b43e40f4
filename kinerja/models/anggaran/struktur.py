"""The RKA-K/L code tree of a satker's budget for a year, and its progress series.

Pagu is recorded on the leaves only; every total above a leaf is rolled up by the
computation module (kinerja.perhitungan.anggaran), never stored: the source documents print
header rows that do not match their own leaves."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import POLA_KODE, URUTAN_TINGKAT, SumberDana, TingkatAnggaran
from kinerja.models.dasar import DataDukungSatker
from kinerja.models.rencana_aksi import persen_0_100
from satker.querysets import RestrictedQuerySet

T = TingkatAnggaran


def _kode_sesuai_tingkat() -> Q:
    condition = Q()
    for tingkat, pola in POLA_KODE.items():
        condition |= Q(tingkat=tingkat, kode__regex=pola)
    return condition


class ItemAnggaran(DataDukungSatker):
    """A node of the code tree: program, kegiatan, KRO, RO, komponen, sub-komponen or akun."""

    tahun = models.PositiveSmallIntegerField(_("tahun anggaran"))
    induk = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="anak",
        verbose_name=_("induk"),
    )
    tingkat = models.CharField(_("tingkat"), max_length=20, choices=T.choices)
    kode = models.CharField(_("kode"), max_length=10)
    kode_lengkap = models.CharField(
        _("kode lengkap"),
        max_length=60,
        editable=False,
        help_text=_("Dihitung dari induk: 6077.BAD.012.051.A; program EC, kegiatan 6077."),
    )
    uraian = models.CharField(_("uraian"), max_length=300)
    pagu = models.BigIntegerField(
        _("pagu (Rp)"),
        null=True,
        blank=True,
        help_text=_("Hanya pada rincian terbawah; total di atasnya dihitung."),
    )
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=4, choices=SumberDana.choices, blank=True
    )
    indikator_keluaran = models.CharField(_("indikator keluaran"), max_length=300, blank=True)
    volume = models.DecimalField(
        _("volume keluaran"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(_("satuan keluaran"), max_length=60, blank=True)
    lokasi = models.CharField(_("lokasi"), max_length=100, blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["satker", "tahun", "urutan"]
        verbose_name = _("item anggaran")
        verbose_name_plural = _("item anggaran (struktur RKA-K/L)")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "kode_lengkap"],
                name="item_anggaran_kode_unik",
                violation_error_message=_("Kode ini sudah ada dalam anggaran satker tahun ini."),
            ),
            models.CheckConstraint(
                condition=_kode_sesuai_tingkat(),
                name="item_anggaran_kode_sesuai_tingkat",
                violation_error_message=_("Bentuk kode tidak sesuai dengan tingkatnya."),
            ),
            models.CheckConstraint(
                condition=(Q(tingkat=T.PROGRAM) & Q(induk__isnull=True))
                | (~Q(tingkat=T.PROGRAM) & Q(induk__isnull=False)),
                name="item_anggaran_hanya_program_tanpa_induk",
                violation_error_message=_("Hanya program yang tidak memiliki induk."),
            ),
            models.CheckConstraint(
                condition=Q(pagu__isnull=True) | Q(pagu__gte=0),
                name="item_anggaran_pagu_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode_lengkap} {self.uraian}"

    def hitung_kode_lengkap(self) -> str:
        if self.tingkat in (T.PROGRAM, T.KEGIATAN) or self.induk is None:
            return self.kode
        return f"{self.induk.kode_lengkap}.{self.kode}"

    def clean(self) -> None:
        if self.induk_id is not None and self.tingkat:
            induk = self.induk
            diharapkan = {T.AKUN: (T.SUB_KOMPONEN, T.KOMPONEN)}.get(
                self.tingkat, (URUTAN_TINGKAT[URUTAN_TINGKAT.index(self.tingkat) - 1],)
            )
            if induk.tingkat not in diharapkan:
                raise ValidationError(
                    {
                        "induk": _("Induk %(tingkat)s harus %(harap)s, bukan %(ada)s.")
                        % {
                            "tingkat": T(self.tingkat).label,
                            "harap": " atau ".join(str(T(t).label) for t in diharapkan),
                            "ada": T(induk.tingkat).label,
                        }
                    }
                )
            if (induk.satker_id, induk.tahun) != (self.satker_id, self.tahun):
                raise ValidationError({"induk": _("Induk harus dari satker dan tahun yang sama.")})
        self.kode_lengkap = self.hitung_kode_lengkap()

    def save(self, *args, **kwargs) -> None:
        self.kode_lengkap = self.hitung_kode_lengkap()
        super().save(*args, **kwargs)


PERSEN = [MinValueValidator(0), MaxValueValidator(100)]


class ProgresAnggaran(models.Model):
    """The cumulative progress of a node at the end of a month (3, 6, 9, 12 for quarters):
    planned and realised financial progress and physical progress. A source gives the
    financial realisation in rupiah or in percent of pagu; the other is derived. "s.d.
    triwulan lalu", "triwulan ini" and "s.d. triwulan ini" are all derived from this one
    series."""

    satker_lookup = "item__satker"

    item = models.ForeignKey(
        ItemAnggaran, on_delete=models.CASCADE, related_name="progres", verbose_name=_("item")
    )
    bulan = models.PositiveSmallIntegerField(
        _("s.d. akhir bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    rencana_keuangan = models.DecimalField(
        _("rencana keuangan (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERSEN,
    )
    realisasi_keuangan = models.DecimalField(
        _("realisasi keuangan (%)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    realisasi_keuangan_rp = models.BigIntegerField(
        _("realisasi keuangan (Rp)"), null=True, blank=True
    )
    rencana_fisik = models.DecimalField(
        _("rencana fisik (%)"), max_digits=6, decimal_places=2, null=True, blank=True,
        validators=PERSEN,
    )  # fmt: skip
    realisasi_fisik = models.DecimalField(
        _("realisasi fisik (%)"), max_digits=6, decimal_places=2, null=True, blank=True,
        validators=PERSEN,
    )  # fmt: skip
    realisasi_volume = models.DecimalField(
        _("realisasi volume"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["item", "bulan"]
        verbose_name = _("progres anggaran")
        verbose_name_plural = _("progres anggaran")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "bulan"],
                name="progres_anggaran_unik",
                violation_error_message=_("Progres bulan ini untuk item ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(bulan__gte=1) & Q(bulan__lte=12), name="progres_bulan_1_12"
            ),
            models.CheckConstraint(
                condition=persen_0_100("rencana_keuangan")
                & persen_0_100("rencana_fisik")
                & persen_0_100("realisasi_fisik"),
                name="progres_persen_0_100",
                violation_error_message=_("Persentase rencana dan fisik antara 0 dan 100."),
            ),
            models.CheckConstraint(
                condition=(Q(realisasi_keuangan__isnull=True) | Q(realisasi_keuangan__gte=0))
                & (Q(realisasi_keuangan_rp__isnull=True) | Q(realisasi_keuangan_rp__gte=0)),
                name="progres_realisasi_tidak_negatif",
            ),
            models.CheckConstraint(
                condition=Q(realisasi_keuangan__isnull=True)
                | Q(realisasi_keuangan_rp__isnull=True),
                name="progres_realisasi_satu_bentuk",
                violation_error_message=_(
                    "Isi realisasi keuangan dalam rupiah atau persen, tidak keduanya."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item.kode_lengkap} s.d. bulan {self.bulan}"
