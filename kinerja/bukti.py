"""Evidence files of a quarterly measurement: PDF, images or Office documents, accepted by
their content and size, stored under a name that reveals nothing, served only to users who
may see the satker (the upload mechanism is kinerja.unggahan's)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kinerja import siklus, unggahan
from kinerja.formatting import romawi
from kinerja.models import BuktiDukung, IndikatorPerjanjian, RealisasiTriwulan, RiwayatPerubahan
from kinerja.unggahan import DOCX, JPEG, OLE, PDF, PNG, PPTX, XLSX, JenisBerkas, kenali
from satker.models import Pengguna, Satker

__all__ = ["JenisBerkas", "hapus", "kenali", "periksa", "ukuran_maks", "unggah"]

DITERIMA = (PDF, PNG, JPEG, DOCX, XLSX, PPTX, OLE)


def ukuran_maks() -> int:
    return getattr(settings, "BUKTI_UKURAN_MAKS", 10 * 1024 * 1024)


def periksa(berkas: UploadedFile) -> tuple[bytes, JenisBerkas]:
    """The file's content and kind, or a ValidationError saying why it is refused."""
    return unggahan.periksa(
        berkas,
        diterima=DITERIMA,
        ukuran_maks=ukuran_maks(),
        uraian="PDF, gambar (PNG/JPEG) atau dokumen Office",
    )


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
        nama=unggahan.nama_aman(berkas.name),
        jenis_konten=jenis.mime,
        ukuran=len(isi),
        diunggah_oleh=user,
    )
    unggahan.simpan(bukti.berkas, isi, jenis)
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
    unggahan.hapus_setelah_commit(bukti.berkas)
    bukti.delete()


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
