"""Enumerations of the planning and measurement domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Satuan(models.TextChoices):
    """Units of the BSKJI indicator manual; the value is the word printed in the PK."""

    PERSEN = "Persen", _("Persen")
    PERUSAHAAN = "Perusahaan", _("Perusahaan")
    INDEKS = "Indeks", _("Indeks")
    NILAI = "Nilai", _("Nilai")
    SPK_ORDER = "SPK/Order", _("SPK/Order")
    RUANG_LINGKUP = "Ruang Lingkup", _("Ruang Lingkup")


class Klasifikasi(models.TextChoices):
    MAKSIMASI = "maksimasi", _("Maksimasi (makin tinggi makin baik)")
    MINIMASI = "minimasi", _("Minimasi (makin rendah makin baik)")


class MetodePerhitungan(models.TextChoices):
    """How an indicator's realisasi is obtained from the raw figures a satker records."""

    PERTUMBUHAN = "pertumbuhan", _("Pertumbuhan terhadap tahun sebelumnya (B − A) / A")
    PRODUKTIVITAS_EFISIENSI = (
        "produktivitas_efisiensi",
        _("Produktivitas/efisiensi perusahaan (rata-rata sebelum/sesudah)"),
    )
    PANGSA = "pangsa", _("Pangsa atas pagu akun terpilih (PDN)")
    INDEKS_SURVEI = "indeks_survei", _("Indeks survei kepuasan (rata-rata unsur)")
    RATA_RATA_KOMPONEN = "rata_rata_komponen", _("Rata-rata nilai per orang/komponen")
    INDEKS_TERTIMBANG = "indeks_tertimbang", _("Indeks tertimbang per aspek")
    RASIO_TINDAK_LANJUT = "rasio_tindak_lanjut", _("Rasio rekomendasi yang ditindaklanjuti")
    JUMLAH = "jumlah", _("Jumlah (cacah)")
    NILAI_EKSTERNAL = "nilai_eksternal", _("Nilai dari penilai eksternal")
    INPUT_LANGSUNG = "input_langsung", _("Diisi langsung")


class Agregasi(models.TextChoices):
    """How values combine over quarters or over the Renstra years."""

    JUMLAH = "jumlah", _("Dijumlahkan")
    TERAKHIR = "terakhir", _("Nilai terakhir")
    RATA_RATA = "rata_rata", _("Rata-rata")


class TingkatRenstra(models.TextChoices):
    KEMENTERIAN = "kementerian", _("Kementerian (sasaran strategis, SS)")
    ESELON_I = "eselon_i", _("Eselon I (sasaran program, SP)")
    SATKER = "satker", _("Satker (sasaran kegiatan, SK)")


class Triwulan(models.IntegerChoices):
    I = 1, _("Triwulan I")  # noqa: E741 (the quarter's own name)
    II = 2, _("Triwulan II")
    III = 3, _("Triwulan III")
    IV = 4, _("Triwulan IV")
