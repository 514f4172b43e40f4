"""The decree of the head of a satker that forms the review team of its LAKIP (Keputusan
Kepala ... tentang Tim Reviu Laporan Akuntabilitas Kinerja, PermenPAN-RB 53/2014): its
number, date, place and signatory, its listed considerations, legal bases and decisions, and
the team it appoints. The LAKIP prints it before its cover, laid out as a decree."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.choices import BagianKeputusan
from kinerja.models.dasar import DataDukungSatker


class KeputusanTimReviu(DataDukungSatker):
    tahun = models.PositiveSmallIntegerField(
        _("tahun laporan"), help_text=_("Tahun anggaran yang laporan kinerjanya direviu tim ini.")
    )
    nomor = models.CharField(
        _("nomor keputusan"),
        max_length=100,
        help_text=_("Seperti tercetak sesudah kata NOMOR, mis. 48 Tahun 2023."),
    )
    tentang = models.CharField(
        _("tentang"),
        max_length=300,
        help_text=_("mis. Tim Reviu Laporan Akuntabilitas Kinerja Tahun Anggaran 2023"),
    )
    tempat = models.CharField(_("ditetapkan di"), max_length=100)
    tanggal = models.DateField(_("tanggal ditetapkan"))
    penandatangan_jabatan = models.CharField(
        _("jabatan penetap"),
        max_length=200,
        help_text=_("Pejabat yang menetapkan, mis. Kepala Balai Standardisasi dan ..."),
    )
    penandatangan_nama = models.CharField(_("nama penetap"), max_length=200)
    penandatangan_nip = models.CharField(_("NIP penetap"), max_length=30, blank=True)

    class Meta:
        ordering = ["satker", "-tahun"]
        verbose_name = _("keputusan tim reviu")
        verbose_name_plural = _("keputusan tim reviu")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun"],
                name="keputusan_tim_reviu_unik",
                violation_error_message=_(
                    "Satker ini sudah memiliki keputusan tim reviu untuk tahun tersebut."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Nomor {self.nomor} ({self.tahun})"

    @property
    def menetapkan(self) -> str:
        """What the decree establishes, as its "Menetapkan" line reads: KEPUTUSAN KEPALA ...
        TENTANG ... ."""
        return f"KEPUTUSAN {self.penandatangan_jabatan.upper()} TENTANG {self.tentang.upper()}."


class _BagianKeputusan(DataDukungSatker):
    """A row of a decree (`keputusan`, defined by each kind); it belongs to the decree's
    satker."""

    nomor = models.PositiveSmallIntegerField(_("nomor urut"), validators=[MinValueValidator(1)])

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.keputusan_id and self.satker_id and self.keputusan.satker_id != self.satker_id:
            raise ValidationError({"keputusan": _("Keputusan ini milik satker lain.")})


class ButirKeputusan(_BagianKeputusan):
    """A consideration (menimbang a., b.), a legal basis (mengingat 1., 2.) or a decision
    (KESATU, KEDUA, ...) of the decree; the labels follow from the order."""

    keputusan = models.ForeignKey(
        KeputusanTimReviu,
        on_delete=models.CASCADE,
        related_name="butir",
        verbose_name=_("keputusan"),
    )
    bagian = models.CharField(_("bagian"), max_length=20, choices=BagianKeputusan.choices)
    teks = models.TextField(_("teks"))

    class Meta:
        ordering = ["keputusan", "bagian", "nomor"]
        verbose_name = _("butir keputusan")
        verbose_name_plural = _("butir keputusan")
        constraints = [
            models.UniqueConstraint(
                fields=["keputusan", "bagian", "nomor"],
                name="butir_keputusan_unik",
                violation_error_message=_("Nomor butir ini sudah ada pada bagian tersebut."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_bagian_display()} {self.nomor}"


class AnggotaTimReviu(_BagianKeputusan):
    """A member of the team, as the decree's annex lists them (No, nama, jabatan, uraian
    tugas)."""

    keputusan = models.ForeignKey(
        KeputusanTimReviu,
        on_delete=models.CASCADE,
        related_name="anggota",
        verbose_name=_("keputusan"),
    )
    nama = models.CharField(_("nama"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=30, blank=True)
    jabatan = models.CharField(
        _("jabatan dalam tim"), max_length=100, help_text=_("Pengarah, Ketua, Sekretaris, Anggota")
    )
    uraian_tugas = models.TextField(_("uraian tugas"), blank=True)

    class Meta:
        ordering = ["keputusan", "nomor"]
        verbose_name = _("anggota tim reviu")
        verbose_name_plural = _("anggota tim reviu")
        constraints = [
            models.UniqueConstraint(
                fields=["keputusan", "nomor"],
                name="anggota_tim_reviu_unik",
                violation_error_message=_("Nomor urut anggota ini sudah ada."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"
