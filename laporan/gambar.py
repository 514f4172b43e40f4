"""The pictures of a report's sections (organisation chart, photos of activities, a screenshot
of an external result): uploaded and removed by the satker like evidence (kinerja.unggahan:
accepted by content and size, stored under a random name, served only through a view that
checks access), a PNG or JPEG that Pillow reads through, closed to changes like the narrative
when the quarter is under review or verified, every upload and removal in the history."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from kinerja import jejak, siklus, unggahan
from kinerja.models import IndikatorPerjanjian
from kinerja.unggahan import JPEG, PNG, JenisBerkas
from laporan.choices import JenisLaporan
from laporan.dokumen import kunci_dari
from laporan.models import GambarLaporan
from satker.models import Pengguna, Satker

DITERIMA = (PNG, JPEG)
# Beyond this a picture is refused before it is decoded (a small file may unpack to an
# image that fills the memory); 40 megapixels hold any camera's photo.
PIKSEL_MAKS = 40_000_000
MINIATUR = 320  # the longest side of a thumbnail on the entry page, in pixels
# What the history records of a picture.
FIELDS_RIWAYAT = ("judul", "kunci", "sumber", "nama", "urutan")


def ukuran_maks() -> int:
    return getattr(settings, "GAMBAR_UKURAN_MAKS", 5 * 1024 * 1024)


@dataclass(frozen=True)
class BerkasGambar:
    """A picture accepted for a report: what will be stored, its kind and its size."""

    isi: bytes
    jenis: JenisBerkas
    lebar: int
    tinggi: int


def periksa(berkas: UploadedFile) -> BerkasGambar:
    """The picture to store, or a ValidationError saying why it is refused: not a PNG or
    JPEG by its content (a text renamed .png), too large, or one Pillow cannot read through
    (damaged, cut off). A JPEG's camera metadata (its EXIF: the place a photo was taken, the
    camera) do not go into a published report: the photo is turned upright as the camera
    recorded it and stored without them."""
    isi, jenis = unggahan.periksa(
        berkas, diterima=DITERIMA, ukuran_maks=ukuran_maks(), uraian="gambar PNG atau JPEG"
    )
    from PIL import Image, ImageOps, UnidentifiedImageError

    rusak = ValidationError(
        f"Berkas {berkas.name} tidak dapat dibaca sebagai {jenis.nama}: rusak atau terpotong."
    )
    try:
        with Image.open(io.BytesIO(isi)) as img:
            lebar, tinggi = img.size
            if lebar * tinggi > PIKSEL_MAKS:
                raise ValidationError(
                    f"Gambar {berkas.name} berukuran {lebar} × {tinggi} piksel; paling banyak "
                    f"{PIKSEL_MAKS // 1_000_000} juta piksel."
                )
            img.verify()
        with Image.open(io.BytesIO(isi)) as img:
            img.load()
            if jenis == JPEG and img.getexif():
                tegak = ImageOps.exif_transpose(img)
                keluar = io.BytesIO()
                tegak.save(keluar, "JPEG", quality=92, optimize=True)
                isi, (lebar, tinggi) = keluar.getvalue(), tegak.size
    except (
        UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError
    ) as exc:  # fmt: skip
        raise rusak from exc
    return BerkasGambar(isi, jenis, lebar, tinggi)


def alasan_terkunci(
    user: Pengguna, satker: Satker, jenis: str, tahun: int, triwulan: int | None
) -> str | None:
    """Why `user` may not change the pictures of this report now (as the narrative of the
    same report); None when they may."""
    if not siklus.boleh_mengisi(user, satker):
        return "Anda tidak berwenang mengubah data satker ini."
    if jenis == JenisLaporan.PP39 and triwulan:
        return siklus.alasan_laporan_terkunci(satker, tahun, triwulan)
    return None


@transaction.atomic
def unggah(
    *,
    user: Pengguna,
    satker: Satker,
    jenis: str,
    tahun: int,
    triwulan: int | None,
    berkas: UploadedFile,
    judul: str,
    bagian: str = "",
    indikator: IndikatorPerjanjian | None = None,
    sumber: str = "",
    kunci: str = "",
    urutan: int | None = None,
) -> GambarLaporan:
    """Attach a picture to a section of the report (or, in the LAKIP, to a PK line's
    section). Refused with PermissionDenied when the report is closed to the user, with a
    ValidationError keyed by field when the file or the caption is not acceptable; nothing
    is stored then."""
    siklus.kunci_satker(satker.pk)
    alasan = alasan_terkunci(user, satker, jenis, tahun, triwulan)
    if alasan:
        raise PermissionDenied(alasan)
    try:
        data = periksa(berkas)
    except ValidationError as exc:
        raise ValidationError({"berkas": exc.messages}) from exc
    return simpan(
        GambarLaporan(
            satker=satker, jenis=jenis, tahun=tahun, triwulan=triwulan, bagian=bagian,
            indikator=indikator, judul=judul.strip(), sumber=sumber.strip(),
            kunci=kunci.strip() or kunci_dari(judul)[:60].strip("_"), urutan=urutan or 0,
        ),
        data,
        nama=unggahan.nama_aman(berkas.name),
        user=user,
    )  # fmt: skip


def simpan(
    gambar: GambarLaporan, data: BerkasGambar, *, nama: str, user: Pengguna | None
) -> GambarLaporan:
    """Store a checked picture as `gambar` (new, or one whose file is replaced), last of its
    section unless it has an order, and record it in the history (`user` None: the demo
    data). The record is validated before the file is stored."""
    if not gambar.urutan:
        sekelompok = GambarLaporan.objects.filter(
            satker=gambar.satker, jenis=gambar.jenis, tahun=gambar.tahun,
            triwulan=gambar.triwulan, bagian=gambar.bagian, indikator=gambar.indikator,
        ).exclude(pk=gambar.pk)  # fmt: skip
        gambar.urutan = (sekelompok.aggregate(n=Max("urutan"))["n"] or 0) + 1
    berkas_lama = gambar.berkas if gambar.pk else None
    gambar.nama, gambar.jenis_konten, gambar.ukuran = nama, data.jenis.mime, len(data.isi)
    gambar.lebar_px, gambar.tinggi_px = data.lebar, data.tinggi
    gambar.full_clean(exclude=["berkas", "diunggah_oleh"])
    if berkas_lama:
        unggahan.hapus_setelah_commit(berkas_lama)
    unggahan.simpan(gambar.berkas, data.isi, data.jenis)
    gambar.diunggah_oleh = user
    with jejak.konteks(user=user, uraian=uraian):
        gambar.save()
    return gambar


@transaction.atomic
def hapus(*, user: Pengguna, gambar: GambarLaporan) -> None:
    """Remove a picture from its report; the file goes once the removal commits."""
    siklus.kunci_satker(gambar.satker_id)
    alasan = alasan_terkunci(user, gambar.satker, gambar.jenis, gambar.tahun, gambar.triwulan)
    if alasan:
        raise PermissionDenied(alasan)
    unggahan.hapus_setelah_commit(gambar.berkas)
    with jejak.konteks(user=user, uraian=uraian):
        gambar.delete()


def awalan_riwayat(jenis: str, tahun: int, triwulan: int | None) -> str:
    """How the history names the pictures of one report: "Gambar LAKIP 2023: "."""
    return f"Gambar {GambarLaporan(jenis=jenis, tahun=tahun, triwulan=triwulan).periode_teks}: "


def uraian(gambar: GambarLaporan) -> str:
    """The picture as the history names it: its report, where it is printed, its caption."""
    awalan = awalan_riwayat(gambar.jenis, gambar.tahun, gambar.triwulan)
    return f"{awalan}{gambar.tempat} · {gambar.judul}"


def isi(gambar: GambarLaporan) -> bytes:
    """The stored picture's bytes."""
    with gambar.berkas.open("rb") as f:
        return f.read()


def miniatur(gambar: GambarLaporan) -> tuple[bytes, str]:
    """A small copy for the entry page (at most MINIATUR pixels on its longest side) and its
    content type: a PNG stays PNG (a chart's lines stay sharp), a photo JPEG."""
    from PIL import Image

    with Image.open(io.BytesIO(isi(gambar))) as img:
        img.thumbnail((MINIATUR, MINIATUR))
        keluar = io.BytesIO()
        if gambar.jenis_konten == JPEG.mime:
            img.convert("RGB").save(keluar, "JPEG", quality=80)
            return keluar.getvalue(), JPEG.mime
        img.save(keluar, "PNG", optimize=True)
        return keluar.getvalue(), PNG.mime
