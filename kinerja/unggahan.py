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
    return isi, jenis


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
