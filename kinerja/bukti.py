"""Evidence files: accepted by what their content is (PDF, images, Office documents), not by
the name or the browser's claim, and by size; stored through Django's storage under a name
that reveals nothing; served only to users who may see the satker."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kinerja import siklus
from kinerja.formatting import romawi
from kinerja.models import BuktiDukung, IndikatorPerjanjian, RealisasiTriwulan, RiwayatPerubahan
from satker.models import Pengguna, Satker


@dataclass(frozen=True)
class JenisBerkas:
    nama: str
    mime: str
    ekstensi: tuple[str, ...]


PDF = JenisBerkas("PDF", "application/pdf", (".pdf",))
PNG = JenisBerkas("gambar PNG", "image/png", (".png",))
JPEG = JenisBerkas("gambar JPEG", "image/jpeg", (".jpg", ".jpeg"))
DOCX = JenisBerkas(
    "dokumen Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = JenisBerkas(
    "lembar kerja Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
)
PPTX = JenisBerkas(
    "presentasi PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
OLE = JenisBerkas(
    "dokumen Office lama", "application/octet-stream", (".doc", ".xls", ".ppt")
)  # the OLE container of Word/Excel/PowerPoint 97-2003


def ukuran_maks() -> int:
    return getattr(settings, "BUKTI_UKURAN_MAKS", 10 * 1024 * 1024)


def kenali(isi: bytes) -> JenisBerkas | None:
    """The kind of a file by its content, or None when it is none we accept."""
    if isi.startswith(b"%PDF-"):
        return PDF
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if isi.startswith(b"\xff\xd8\xff"):
        return JPEG
    if isi.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if isi.startswith(b"PK\x03\x04"):
        try:
            nama = zipfile.ZipFile(io.BytesIO(isi)).namelist()
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in nama:
            if any(n.startswith("word/") for n in nama):
                return DOCX
            if any(n.startswith("xl/") for n in nama):
                return XLSX
            if any(n.startswith("ppt/") for n in nama):
                return PPTX
    return None


def periksa(berkas: UploadedFile) -> tuple[bytes, JenisBerkas]:
    """The file's content and kind, or a ValidationError saying why it is refused."""
    maks = ukuran_maks()
    if berkas.size > maks:
        raise ValidationError(
            f"Berkas {berkas.name} berukuran {berkas.size / 1048576:.1f} MB; paling besar "
            f"{maks / 1048576:.0f} MB."
        )
    isi = berkas.read()
    if not isi:
        raise ValidationError(f"Berkas {berkas.name} kosong.")
    jenis = kenali(isi)
    if jenis is None:
        raise ValidationError(
            f"Isi berkas {berkas.name} bukan PDF, gambar (PNG/JPEG) atau dokumen Office."
        )
    ekstensi = "." + berkas.name.rsplit(".", 1)[-1].lower() if "." in berkas.name else ""
    if ekstensi not in jenis.ekstensi:
        raise ValidationError(
            f"Nama berkas {berkas.name} tidak sesuai isinya ({jenis.nama}, "
            f"{'/'.join(jenis.ekstensi)})."
        )
    return isi, jenis


def _nama_aman(nama: str) -> str:
    dasar = re.sub(r"[^\w.\- ]", "_", nama.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip()
    return dasar[:150] or "berkas"


@transaction.atomic
def unggah(
    *, user: Pengguna, line: IndikatorPerjanjian, triwulan: int, berkas: UploadedFile
) -> BuktiDukung:
    """Attach an evidence file to the line's measurement of the quarter."""
    satker = line.sasaran.perjanjian.satker
    siklus.kunci_satker(satker.pk)
    siklus.pastikan_boleh_diubah(user, satker, line.sasaran.perjanjian.tahun, triwulan)
    isi, jenis = periksa(berkas)
    realisasi, _ = RealisasiTriwulan.objects.get_or_create(indikator=line, triwulan=triwulan)
    bukti = BuktiDukung(
        realisasi=realisasi,
        nama=_nama_aman(berkas.name),
        jenis_konten=jenis.mime,
        ukuran=len(isi),
        diunggah_oleh=user,
    )
    ekstensi = "." + berkas.name.rsplit(".", 1)[-1].lower()
    bukti.berkas.save(f"{uuid.uuid4().hex}{ekstensi}", io.BytesIO(isi), save=False)
    bukti.save()
    _catat(realisasi, satker, user, lama="", baru=bukti.nama)
    return bukti


@transaction.atomic
def hapus(*, user: Pengguna, bukti: BuktiDukung) -> None:
    realisasi = bukti.realisasi
    line = realisasi.indikator
    satker = line.sasaran.perjanjian.satker
    siklus.kunci_satker(satker.pk)
    siklus.pastikan_boleh_diubah(user, satker, line.sasaran.perjanjian.tahun, realisasi.triwulan)
    _catat(realisasi, satker, user, lama=bukti.nama, baru="")
    berkas, nama = bukti.berkas.storage, bukti.berkas.name
    bukti.delete()
    # The file goes only once the record is gone for good.
    transaction.on_commit(lambda: berkas.delete(nama))


def _catat(
    realisasi: RealisasiTriwulan, satker: Satker, user: Pengguna, *, lama: str, baru: str
) -> None:
    """Keep an upload or removal in the history of the line's measurement."""
    RiwayatPerubahan.objects.create(
        satker=satker,
        content_type=ContentType.objects.get_for_model(realisasi),
        object_id=realisasi.pk,
        uraian_objek=f"{realisasi.indikator.kode} TW {romawi(realisasi.triwulan)}",
        field="bukti",
        label="bukti dukung",
        lama=lama,
        baru=baru,
        oleh=user,
    )
