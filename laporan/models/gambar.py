"""A picture a satker puts into a report (an organisation chart, a photo of an activity, a
screenshot of an external result such as SMART DJA): attached to a section of the report of
a period, or in the LAKIP to a PK line's section of Bab III, printed there as a numbered
figure with its caption. The file is checked like evidence (laporan.gambar) and served only
to users who may see the satker."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.formatting import romawi
from laporan.choices import LAKIP_BAGIAN, PP39_BAGIAN, BagianNarasi, JenisLaporan
from laporan.models.narasi import PeriodeLaporan, _periode_unik

# The sections a picture may go in: a report's narrative sections but the memo.
BAGIAN_GAMBAR = {
    JenisLaporan.PP39: tuple(b for b in PP39_BAGIAN if b != BagianNarasi.NOTA_DINAS),
    JenisLaporan.LAKIP: tuple(b for b in LAKIP_BAGIAN if b != BagianNarasi.NOTA_DINAS),
}

PESAN_KUNCI = _("Nama rujukan ini sudah dipakai gambar lain di laporan ini.")

kunci_valid = RegexValidator(
    r"^[a-z0-9]+(?:_[a-z0-9]+)*$",
    _("Nama rujukan hanya huruf kecil dan angka, kata dipisah _ (mis. struktur_organisasi)."),
)


class GambarLaporan(PeriodeLaporan):
    """One picture of a report section, with its caption and the name a narrative refers to
    it by ({gambar:kunci}, or a paragraph [[gambar:kunci]] to place it)."""

    bagian = models.CharField(
        _("bagian"), max_length=40, choices=BagianNarasi.choices, blank=True,
        help_text=_("Bagian laporan tempat gambar dicetak; kosong bila milik indikator."),
    )  # fmt: skip
    indikator = models.ForeignKey(
        "kinerja.IndikatorPerjanjian", on_delete=models.CASCADE, null=True, blank=True,
        related_name="gambar_laporan", verbose_name=_("indikator kinerja PK"),
        help_text=_("LAKIP Bab III: gambar di bagian analisis indikator ini."),
    )  # fmt: skip
    judul = models.CharField(_("judul gambar"), max_length=300)
    sumber = models.CharField(
        _("sumber/keterangan"), max_length=300, blank=True,
        help_text=_("Dicetak di bawah judul, mis. “Sumber: aplikasi SMART DJA, 2024”."),
    )  # fmt: skip
    kunci = models.CharField(
        _("nama rujukan"), max_length=60, validators=[kunci_valid],
        help_text=_("Dirujuk dalam narasi sebagai {gambar:nama}."),
    )  # fmt: skip
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=1)
    berkas = models.FileField(_("berkas"), upload_to="gambar/%Y/%m/")
    nama = models.CharField(_("nama berkas"), max_length=200)
    jenis_konten = models.CharField(_("jenis isi"), max_length=100)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"))
    lebar_px = models.PositiveIntegerField(_("lebar (piksel)"))
    tinggi_px = models.PositiveIntegerField(_("tinggi (piksel)"))
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("diunggah oleh"),
    )  # fmt: skip
    diunggah = models.DateTimeField(_("diunggah"), default=timezone.now)

    class Meta:
        ordering = ["bagian", "indikator_id", "urutan", "id"]
        verbose_name = _("gambar laporan")
        verbose_name_plural = _("gambar laporan")
        constraints = [
            *_periode_unik("gambar_laporan", ["satker", "jenis", "tahun", "kunci"], PESAN_KUNCI),
            models.CheckConstraint(
                condition=(Q(bagian="") & Q(indikator__isnull=False))
                | (~Q(bagian="") & Q(indikator__isnull=True)),
                name="gambar_laporan_bagian_atau_indikator",
                violation_error_message=_("Gambar milik satu bagian laporan atau satu indikator."),
            ),
        ]
        indexes = [models.Index(fields=["satker", "jenis", "tahun", "triwulan"])]

    def __str__(self) -> str:
        return self.judul

    @property
    def periode_teks(self) -> str:
        """ "LAKIP 2023", "PP-39 TW II 2023": what the history names the picture's report."""
        if self.jenis == JenisLaporan.PP39:
            return f"PP-39 TW {romawi(self.triwulan or 0)} {self.tahun}"
        return f"LAKIP {self.tahun}"

    @property
    def tempat(self) -> str:
        """Where it is printed: the section's name, or the PK line's code."""
        if self.indikator_id:
            return f"Indikator {self.indikator.kode}"
        return BagianNarasi(self.bagian).label if self.bagian else ""

    def clean(self) -> None:
        """A picture belongs to a section of its report (not the memo), or in the LAKIP to
        a PK line of the satker's year; a PP-39 picture to a quarter, a LAKIP one to none."""
        galat: dict[str, str] = {}
        if self.jenis == JenisLaporan.PP39 and self.triwulan not in (1, 2, 3, 4):
            galat["triwulan"] = "Gambar laporan PP-39 memerlukan triwulan 1 sampai 4."
        if self.jenis == JenisLaporan.LAKIP and self.triwulan is not None:
            galat["triwulan"] = "Gambar LAKIP tidak memakai triwulan."
        if self.jenis not in BAGIAN_GAMBAR:
            galat["jenis"] = "Gambar hanya untuk laporan PP-39 dan LAKIP."
        elif self.indikator_id is not None:
            if self.jenis != JenisLaporan.LAKIP:
                galat["indikator"] = "Gambar per indikator hanya untuk LAKIP (Bab III)."
            else:
                perjanjian = self.indikator.sasaran.perjanjian
                if (perjanjian.satker_id, perjanjian.tahun) != (self.satker_id, self.tahun):
                    galat["indikator"] = "Indikator ini bukan milik Perjanjian Kinerja tahun ini."
            if self.bagian:
                galat["bagian"] = "Pilih bagian laporan atau indikator, tidak keduanya."
        elif self.bagian not in BAGIAN_GAMBAR[self.jenis]:
            galat["bagian"] = "Bagian ini tidak dapat memuat gambar."
        sama = GambarLaporan.objects.filter(
            satker_id=self.satker_id, jenis=self.jenis, tahun=self.tahun,
            triwulan=self.triwulan, kunci=self.kunci,
        ).exclude(pk=self.pk)  # fmt: skip
        if self.kunci and sama.exists():
            galat["kunci"] = str(PESAN_KUNCI)
        if galat:
            raise ValidationError(galat)
