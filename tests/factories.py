"""factory_boy factories for objects the tests build themselves (the real data lives in
fixtures/ and is loaded by conftest)."""

from __future__ import annotations

from decimal import Decimal

import factory

from kinerja.choices import Agregasi, MetodePerhitungan, Satuan
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    SasaranKegiatan,
    VersiIndikator,
)
from kinerja.models.indikator import FIELD_DEFINISI
from satker.choices import JenisSatker, Peran
from satker.models import Kementerian, Pengguna, Satker, UnitEselonI


class KementerianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kementerian
        django_get_or_create = ["kode"]

    kode = "019"
    nama = "Kementerian Perindustrian"


class UnitEselonIFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitEselonI
        django_get_or_create = ["kementerian", "kode"]

    kementerian = factory.SubFactory(KementerianFactory)
    kode = "07"
    nama = "Badan Standardisasi dan Kebijakan Jasa Industri"
    singkatan = "BSKJI"


class SatkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Satker

    unit_eselon_i = factory.SubFactory(UnitEselonIFactory)
    kode = factory.Sequence(lambda n: f"{900000 + n:06d}")
    jenis = JenisSatker.BALAI
    nama = factory.Sequence(lambda n: f"Balai Uji {n}")
    singkatan = factory.Sequence(lambda n: f"BU{n}")


class PenggunaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pengguna

    username = factory.Sequence(lambda n: f"pengguna{n}")
    peran = Peran.OPERATOR
    satker = factory.SubFactory(SatkerFactory)


class IndikatorKinerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerja

    kode = factory.Sequence(lambda n: f"UJI/SP{n}/a")
    nama = factory.Sequence(lambda n: f"Indikator uji {n}")
    definisi = "Definisi uji."
    cara_menghitung = "Dihitung."
    satuan = Satuan.PERSEN
    metode = MetodePerhitungan.INPUT_LANGSUNG
    agregasi_triwulan = Agregasi.TERAKHIR
    agregasi_tahunan = Agregasi.TERAKHIR

    @factory.post_generation
    def versi(obj, create, extracted, **kwargs):
        """Its definition as the manual's first version (what the computation reads)."""
        if create:
            VersiIndikator.objects.create(
                indikator=obj,
                berlaku_mulai=kwargs.get("berlaku_mulai", 2020),
                **{f: getattr(obj, f) for f in FIELD_DEFINISI},
            )


class PerjanjianKinerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerjanjianKinerja

    satker = factory.SubFactory(SatkerFactory)
    tahun = 2024
    pihak_pertama_nama = "Kepala Balai"
    pihak_pertama_jabatan = "Kepala Balai Uji"
    pihak_kedua_nama = "Kepala Badan"
    pihak_kedua_jabatan = "Kepala BSKJI"


class SasaranKegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SasaranKegiatan

    perjanjian = factory.SubFactory(PerjanjianKinerjaFactory)
    nomor = factory.Sequence(lambda n: n % 8 + 1)
    uraian = "Sasaran uji"


class IndikatorPerjanjianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorPerjanjian

    sasaran = factory.SubFactory(SasaranKegiatanFactory)
    nomor = 1
    uraian = "Indikator uji"
    indikator = factory.SubFactory(IndikatorKinerjaFactory)
    target = Decimal("10")
    satuan = Satuan.PERSEN


class RencanaAksiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RencanaAksi

    indikator = factory.SubFactory(IndikatorPerjanjianFactory)
    triwulan = 1
    target_antara = Decimal("25")


class RealisasiTriwulanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RealisasiTriwulan

    indikator = factory.SubFactory(IndikatorPerjanjianFactory)
    triwulan = 1
    realisasi_antara = Decimal("25")


def gambar_png(lebar: int = 40, tinggi: int = 30, warna: str = "#0b5394") -> bytes:
    """A small real PNG picture (Pillow draws it), as a user would upload."""
    import io

    from PIL import Image

    keluar = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), warna).save(keluar, "PNG")
    return keluar.getvalue()


def gambar_jpeg(lebar: int = 40, tinggi: int = 30, exif: dict[int, object] | None = None) -> bytes:
    """A small real JPEG photo, with camera metadata (EXIF tag → value) if given."""
    import io

    from PIL import Image

    img = Image.new("RGB", (lebar, tinggi), "#e69138")
    data = Image.Exif()
    for tag, nilai in (exif or {}).items():
        data[tag] = nilai
    keluar = io.BytesIO()
    img.save(keluar, "JPEG", exif=data.tobytes() if exif else b"")
    return keluar.getvalue()
