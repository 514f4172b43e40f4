"""Uploaded files, whatever they hold (evidence, the pictures of a report): accepted by what
their content is, not by the name or the browser's claim, and by size; stored through
Django's storage under a random name that reveals nothing and cannot be guessed; removed from
storage only once the record is gone for good; served with the stored content type and
without letting the browser guess another. What a kind of upload accepts (its kinds, its
size limit, a further check of the content) is the caller's: kinerja.bukti, laporan.gambar."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse


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


def kenali(isi: bytes) -> JenisBerkas | None:
    """The kind of a file by its content, or None when it is none of the kinds above."""
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


def ekstensi(nama: str) -> str:
    """The file name's extension, lower case with its dot (".png"); "" when it has none."""
    return "." + nama.rsplit(".", 1)[-1].lower() if "." in nama else ""


def periksa(
    berkas: UploadedFile,
    *,
    diterima: Sequence[JenisBerkas],
    ukuran_maks: int,
    uraian: str,
) -> tuple[bytes, JenisBerkas]:
    """The file's content and kind, or a ValidationError saying why it is refused: larger
    than `ukuran_maks`, empty, of none of the kinds `diterima` (described to the user as
    `uraian`: "PDF, gambar (PNG/JPEG) atau dokumen Office"), or named as another kind than
    it holds. A caller that accepts less than the signature says (a picture that opens)
    checks the content further."""
    if berkas.size > ukuran_maks:
        raise ValidationError(
            f"Berkas {berkas.name} berukuran {berkas.size / 1048576:.1f} MB; paling besar "
            f"{ukuran_maks / 1048576:.0f} MB."
        )
    isi = berkas.read()
    if not isi:
        raise ValidationError(f"Berkas {berkas.name} kosong.")
    jenis = kenali(isi)
    if jenis not in diterima:
        raise ValidationError(f"Isi berkas {berkas.name} bukan {uraian}.")
    if ekstensi(berkas.name) not in jenis.ekstensi:
        raise ValidationError(
            f"Nama berkas {berkas.name} tidak sesuai isinya ({jenis.nama}, "
            f"{'/'.join(jenis.ekstensi)})."
        )
    if jenis == PDF:
        periksa_pdf(isi, berkas.name)
    elif jenis in (DOCX, XLSX, PPTX):
        periksa_office(isi, jenis, berkas.name)
    return isi, jenis


# A Word, Excel or PowerPoint file is a zip archive: what it may unpack to, in all and per
# byte stored, and how many parts it may have. Real documents of a balai unpack to a few
# times their size; a "zip bomb" to thousands of times.
OFFICE_URAI_MAKS = 200 * 1024 * 1024
OFFICE_RASIO_MAKS = 100
OFFICE_BAGIAN_MAKS = 5000
_BAGIAN_UTAMA = {
    DOCX: "word/document.xml",
    XLSX: "xl/workbook.xml",
    PPTX: "ppt/presentation.xml",
}


def periksa_office(isi: bytes, jenis: JenisBerkas, nama: str) -> None:
    """Refuse an Office file that is not a sound document of its kind: more parts than any
    document has, parts that unpack to more than OFFICE_URAI_MAKS in all or to more than
    OFFICE_RASIO_MAKS times their stored size, a part outside the archive's folder, a
    damaged part, no content-types list or no main part. Every part is unpacked (within
    those bounds) so a damaged one is found now, not when someone opens the evidence."""
    tidak_utuh = ValidationError(f"Berkas {nama} bukan {jenis.nama} yang utuh.")
    try:
        arsip = zipfile.ZipFile(io.BytesIO(isi))
        bagian = arsip.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise tidak_utuh from exc
    if len(bagian) > OFFICE_BAGIAN_MAKS:
        raise ValidationError(f"Berkas {nama} berisi {len(bagian)} bagian; tidak wajar.")
    total = sum(b.file_size for b in bagian)
    rasio = max((b.file_size / max(b.compress_size, 1) for b in bagian), default=0)
    if total > OFFICE_URAI_MAKS or (rasio > OFFICE_RASIO_MAKS and total > 1024 * 1024):
        raise ValidationError(
            f"Berkas {nama} mengembang menjadi {total / 1048576:.0f} MB bila dibuka "
            f"(paling besar {OFFICE_URAI_MAKS // 1048576} MB dan {OFFICE_RASIO_MAKS} kali "
            "ukurannya); tidak diterima."
        )
    nama_bagian = set()
    for b in bagian:
        if b.filename.startswith(("/", "\\")) or ".." in b.filename.replace("\\", "/").split("/"):
            raise tidak_utuh
        nama_bagian.add(b.filename)
    if "[Content_Types].xml" not in nama_bagian or _BAGIAN_UTAMA[jenis] not in nama_bagian:
        raise tidak_utuh
    try:
        for b in bagian:
            with arsip.open(b) as f:
                while f.read(1024 * 1024):
                    pass
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        EOFError,
        OSError,
        RuntimeError,
    ) as exc:
        raise tidak_utuh from exc


def periksa_pdf(isi: bytes, nama: str) -> None:
    """Refuse a file that starts like a PDF but is not one a reader can open: it is parsed
    (qpdf, through pikepdf) and must have at least one page; a password-protected PDF is
    refused too, since no reviewer could read it."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(isi)) as pdf:
            halaman = len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise ValidationError(
            f"Berkas {nama} dilindungi kata sandi; unggah PDF tanpa kata sandi."
        ) from exc
    except Exception as exc:  # qpdf reports a damaged or fake PDF in several ways
        raise ValidationError(f"Berkas {nama} bukan PDF yang utuh (tidak dapat dibaca).") from exc
    if halaman < 1:
        raise ValidationError(f"Berkas {nama} adalah PDF tanpa halaman.")


def nama_aman(nama: str) -> str:
    """The name a user gave the file, as it may be shown and offered back: no folder, no
    character a file system or a header would choke on, at most 150 characters."""
    dasar = re.sub(r"[^\w.\- ]", "_", nama.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip()
    return dasar[:150] or "berkas"


def simpan(berkas: FieldFile, isi: bytes, jenis: JenisBerkas) -> None:
    """Store `isi` in the record's file field under a random name with the kind's own
    extension (the folder is the field's `upload_to`); the record itself is not saved."""
    berkas.save(f"{uuid.uuid4().hex}{jenis.ekstensi[0]}", io.BytesIO(isi), save=False)


def hapus_setelah_commit(berkas: FieldFile) -> None:
    """Remove the stored file once the transaction that removed its record commits (a
    rolled-back removal keeps both)."""
    storage, nama = berkas.storage, berkas.name
    if nama:
        transaction.on_commit(lambda: storage.delete(nama))


def tanggapan(
    berkas: FieldFile, *, nama: str, jenis_konten: str, lampiran: bool = True
) -> FileResponse:
    """The stored file as a response: a download named `nama`, or shown in the page (a
    picture) when not `lampiran`; its type as stored, never sniffed by the browser."""
    response = FileResponse(
        berkas.open("rb"), as_attachment=lampiran, filename=nama, content_type=jenis_konten
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
