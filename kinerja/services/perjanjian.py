"""Writes of a Perjanjian Kinerja: creating it from the Renstra proposal, changing a draft,
signing it, and revising a signed one (targets changed, lines added and removed with a
reason, the signing place and date, the signed scan). Every signed version is kept as a
RevisiPerjanjian with a snapshot of its sasaran, lines and targets, from which it is printed
again. Each function checks everything first and raises ValidationError (Indonesian, keyed
by field) before it writes anything; the writes of one call are one transaction."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q

from kinerja import bukti, jejak, riwayat, siklus, unggahan
from kinerja.formatting import romawi
from kinerja.forms import AngkaField
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RevisiPerjanjian,
    SasaranKegiatan,
    StatusPelaporan,
    StatusPerjanjian,
)
from satker.models import Pengguna, Satker

# A PK line's target, within what its column holds (kinerja.batas).
_target_field = AngkaField.untuk(IndikatorPerjanjian._meta.get_field("target"), required=False)


def target(teks: str | Decimal) -> Decimal | None:
    """The target typed, None when empty; above zero (a capaian divides by it) and within
    what its column holds. The PK page and its workbook read targets with this."""
    v = AngkaField(required=False).clean(teks)
    if v is not None and v <= 0:
        raise ValidationError("Target harus lebih dari 0.")
    return _target_field.clean(teks)


# --- the quarter lock of a revision -------------------------------------------------------


def revisi_terkunci(satker: Satker, tahun: int) -> str | None:
    """Targets stay while a quarter of the year is under review: the reviewer verifies the
    figures of the targets that were submitted."""
    direviu = [
        tw
        for tw, status in siklus.triwulan_terkunci(satker, tahun).items()
        if status == StatusPelaporan.DIAJUKAN
    ]
    if direviu:
        tw = ", ".join(romawi(t) for t in sorted(direviu))
        return (
            f"Target tidak dapat direvisi selama laporan Triwulan {tw} {tahun} direviu; "
            "tunggu hasil reviu Sekretariat."
        )
    return None


# --- the snapshot of a signed version -----------------------------------------------------


def snapshot(pk: PerjanjianKinerja) -> dict:
    """The PK as it stands, as plain data: the parties, place and date, budget, and every
    sasaran with its lines (code, text, manual indicator, target as text, unit)."""
    sasaran = SasaranKegiatan.objects.filter(perjanjian=pk).order_by("nomor")
    lines = (
        IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk)
        .select_related("indikator")
        .order_by("sasaran__nomor", "nomor")
    )
    per_sasaran: dict[int, list[dict]] = {}
    for line in lines:
        per_sasaran.setdefault(line.sasaran_id, []).append(
            {
                "id": line.pk,
                "nomor": line.nomor,
                "uraian": line.uraian,
                "indikator": line.indikator.kode,
                # Plain digits, no exponent: 10, 3.54 (Decimal("10.0000").normalize() is 1E+1).
                "target": format(line.target.normalize(), "f"),
                "satuan": line.satuan,
                "satuan_label": line.get_satuan_display(),
            }
        )
    return {
        "tahun": pk.tahun,
        "revisi": pk.revisi,
        "tempat": pk.tempat,
        "tanggal": pk.tanggal.isoformat() if pk.tanggal else "",
        "pihak_pertama_nama": pk.pihak_pertama_nama,
        "pihak_pertama_jabatan": pk.pihak_pertama_jabatan,
        "pihak_kedua_nama": pk.pihak_kedua_nama,
        "pihak_kedua_jabatan": pk.pihak_kedua_jabatan,
        "total_anggaran": pk.total_anggaran,
        "sasaran": [
            {"nomor": s.nomor, "uraian": s.uraian, "indikator": per_sasaran.get(s.pk, [])}
            for s in sasaran
            if per_sasaran.get(s.pk)
        ],
    }


def periksa_pindaian(berkas: UploadedFile) -> bytes:
    """The signed scan's content, or a ValidationError: a PDF that opens, within the size of
    evidence files (the checks of kinerja.unggahan)."""
    isi, _jenis = unggahan.periksa(
        berkas, diterima=(unggahan.PDF,), ukuran_maks=bukti.ukuran_maks(), uraian="PDF"
    )
    return isi


def _simpan_pindaian(revisi: RevisiPerjanjian, berkas: UploadedFile, isi: bytes) -> None:
    unggahan.simpan(revisi.pindaian, isi, unggahan.PDF)
    revisi.pindaian_nama = unggahan.nama_aman(berkas.name)


# --- changing the lines -------------------------------------------------------------------


@dataclass
class BarisBaru:
    """A line a revision adds: to an existing sasaran (`sasaran_id`) or to a new one named
    `sasaran_uraian`."""

    manual: IndikatorKinerja
    uraian: str
    target: Decimal
    satuan: str
    sasaran_id: int | None = None
    sasaran_uraian: str = ""


@dataclass
class Perubahan:
    """What a save of the PK page asks for."""

    target: dict[int, Decimal]  # line id → target
    hapus: set[int]  # line ids removed
    tambah: list[BarisBaru]
    alasan: str = ""
    tempat: str = ""
    tanggal: datetime.date | None = None
    pindaian: UploadedFile | None = None
    tandatangani: bool = False  # a draft: record its signing


def baris_berisi_realisasi(line_ids: set[int]) -> dict[int, list[int]]:
    """The lines among `line_ids` that have measurements entered, with their quarters."""
    isi = (
        Q(realisasi_antara__isnull=False)
        | Q(nilai_realisasi__isnull=False)
        | ~Q(kegiatan="")
        | Q(bukti__isnull=False)
    )
    hasil: dict[int, list[int]] = {}
    for line_id, tw in (
        RealisasiTriwulan.objects.filter(indikator_id__in=line_ids)
        .filter(isi)
        .values_list("indikator_id", "triwulan")
        .distinct()
        .order_by("triwulan")
    ):
        hasil.setdefault(line_id, []).append(tw)
    return hasil


def _periksa(pk: PerjanjianKinerja, lines: list[IndikatorPerjanjian], p: Perubahan) -> dict:
    """Every refusal of the change, by field; empty when it may be applied."""
    galat: dict[str, str] = {}
    ada = {line.pk: line for line in lines}
    if not pk.draf and not p.alasan.strip():
        galat["alasan"] = "Tuliskan alasan revisi target."
    hapus = p.hapus & set(ada)
    berisi = baris_berisi_realisasi(hapus)
    for line_id, tws in berisi.items():
        line = ada[line_id]
        galat[f"hapus-{line_id}"] = (
            f"{line.kode} {line.uraian} sudah berisi realisasi (Triwulan "
            f"{', '.join(romawi(t) for t in tws)}); baris ini tidak dapat dihapus. Kosongkan "
            "realisasinya lebih dahulu bila memang harus dihapus."
        )
    if len(hapus) == len(lines) and not p.tambah:
        galat["umum"] = "Perjanjian Kinerja harus memiliki setidaknya satu indikator."
    dipakai = {line.indikator_id: line for line in lines if line.pk not in hapus}
    sasaran_ids = {line.sasaran_id for line in lines}
    for i, b in enumerate(p.tambah):
        if b.manual.pk in dipakai:
            lama = dipakai[b.manual.pk]
            galat[f"baru{i}-manual"] = (
                f"Indikator {b.manual.kode} sudah tercantum dalam PK ini sebagai "
                f"{lama.kode if isinstance(lama, IndikatorPerjanjian) else 'baris baru lain'}."
            )
        else:
            dipakai[b.manual.pk] = b
        if b.sasaran_id is None and not b.sasaran_uraian.strip():
            galat[f"baru{i}-sasaran"] = "Pilih sasaran atau tuliskan sasaran baru."
        elif b.sasaran_id is not None and b.sasaran_id not in sasaran_ids:
            galat[f"baru{i}-sasaran"] = "Sasaran tidak ada dalam PK ini."
    if p.tandatangani:
        if not p.tempat.strip():
            galat["tempat"] = "Isi tempat penandatanganan."
        if p.tanggal is None:
            galat["tanggal"] = "Isi tanggal penandatanganan."
        if not pk.pihak_pertama_nama.strip() or not pk.pihak_kedua_nama.strip():
            galat["umum"] = "Nama kedua pihak belum tercatat; lengkapi data kepala satker."
    return galat


def _catat_revisi(pk: PerjanjianKinerja, user: Pengguna | None, **isi) -> RevisiPerjanjian:
    r = RevisiPerjanjian(perjanjian=pk, nomor=pk.revisi, oleh=user, data=snapshot(pk), **isi)
    return r


@transaction.atomic
def ubah_pk(*, user: Pengguna, pk: PerjanjianKinerja, perubahan: Perubahan) -> dict:
    """Apply a save of the PK page. A draft changes freely (no reason, no revision number)
    and is signed when `tandatangani`: its place and date recorded, revision 0 kept. A signed
    PK is revised: a reason, the number goes up, each changed target is in the history with
    the reason, and the new version is kept with its snapshot (the version before it too,
    when it was signed before versions were kept). Returns what changed: counts of targets
    changed, lines added and removed, and the revision kept (or None)."""
    satker = pk.satker
    if not siklus.boleh_mengisi(user, satker):
        raise PermissionDenied("Anda tidak berwenang mengubah data satker ini.")
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    terkunci = revisi_terkunci(satker, pk.tahun)
    if terkunci:
        raise ValidationError({"umum": terkunci})
    p = perubahan
    lines = list(
        IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk)
        .select_related("sasaran", "indikator")
        .order_by("sasaran__nomor", "nomor")
    )
    galat = _periksa(pk, lines, p)
    isi_pindaian = None
    if p.pindaian is not None:
        try:
            isi_pindaian = periksa_pindaian(p.pindaian)
        except ValidationError as exc:
            galat["pindaian"] = exc.messages[0]
    if galat:
        raise ValidationError(galat)
    berubah = [line for line in lines if line.pk in p.target and p.target[line.pk] != line.target]
    hapus = [line for line in lines if line.pk in p.hapus]
    berubah = [line for line in berubah if line not in hapus]
    ada_perubahan = bool(berubah or hapus or p.tambah)
    hasil = {"target": len(berubah), "tambah": len(p.tambah), "hapus": len(hapus), "revisi": None}
    if not ada_perubahan and not p.tandatangani:
        return hasil
    alasan = p.alasan.strip()
    keterangan = f" (revisi: {alasan})" if not pk.draf else ""
    if not pk.draf and not pk.daftar_revisi.filter(nomor=pk.revisi).exists():
        # Signed before versions were kept: keep that version first, as it stood.
        _catat_revisi(
            pk, None, alasan="Versi sebelum revisi dicatat", tempat=pk.tempat, tanggal=pk.tanggal
        ).save()
    for line in berubah:
        riwayat.simpan(
            line,
            {"target": p.target[line.pk]},
            user=user,
            satker=satker,
            uraian=f"PK {pk.tahun} {line.kode} {line.uraian}{keterangan}",
            awal=None,
        )
    for line in hapus:
        with jejak.konteks(
            user=user, uraian=f"PK {pk.tahun} {line.kode} {line.uraian} dihapus{keterangan}"
        ):
            line.delete()
    _tambah(pk, satker, p.tambah, user, keterangan)
    # A sasaran left without lines goes too.
    with jejak.konteks(user=user, uraian=f"PK {pk.tahun} sasaran tanpa indikator{keterangan}"):
        for s in SasaranKegiatan.objects.filter(perjanjian=pk, indikator__isnull=True):
            s.delete()
    ubah: dict = {}
    if p.tandatangani:
        ubah = {"status": StatusPerjanjian.DITANDATANGANI, "tempat": p.tempat.strip(),
                "tanggal": p.tanggal}  # fmt: skip
    elif not pk.draf:
        ubah = {"revisi": pk.revisi + 1,
                "catatan": f"{pk.catatan}\nRevisi {pk.revisi + 1}: {alasan}".strip()}  # fmt: skip
        if p.tempat.strip():
            ubah["tempat"] = p.tempat.strip()
        if p.tanggal is not None:
            ubah["tanggal"] = p.tanggal
    if ubah:
        riwayat.simpan(pk, ubah, user=user, satker=satker, uraian=f"PK {pk.tahun}", awal=None)
        pk.refresh_from_db()
    if p.tandatangani or not pk.draf:
        revisi = _catat_revisi(
            pk,
            user,
            alasan=alasan or ("PK awal ditandatangani" if pk.revisi == 0 else ""),
            tempat=p.tempat.strip() or pk.tempat,
            tanggal=p.tanggal or pk.tanggal,
        )
        if isi_pindaian is not None:
            _simpan_pindaian(revisi, p.pindaian, isi_pindaian)
        revisi.save()
        hasil["revisi"] = revisi
    return hasil


def _tambah(
    pk: PerjanjianKinerja, satker: Satker, tambah: list[BarisBaru], user: Pengguna, ket: str
) -> None:
    if not tambah:
        return
    sasaran = {s.pk: s for s in SasaranKegiatan.objects.filter(perjanjian=pk)}
    baru_per_uraian: dict[str, SasaranKegiatan] = {}
    nomor_sasaran = max((s.nomor for s in sasaran.values()), default=0)
    for b in tambah:
        if b.sasaran_id is not None:
            s = sasaran[b.sasaran_id]
        else:
            kunci = b.sasaran_uraian.strip()
            s = baru_per_uraian.get(kunci)
            if s is None:
                nomor_sasaran += 1
                s = SasaranKegiatan(perjanjian=pk, nomor=nomor_sasaran, uraian=kunci)
                s.full_clean()
                with jejak.konteks(user=user, uraian=f"PK {pk.tahun} sasaran {s.kode}{ket}"):
                    s.save()
                baru_per_uraian[kunci] = s
        nomor = (
            IndikatorPerjanjian.objects.filter(sasaran=s).aggregate(m=Max("nomor"))["m"] or 0
        ) + 1
        line = IndikatorPerjanjian(
            sasaran=s, nomor=nomor, uraian=b.uraian, indikator=b.manual, target=b.target,
            satuan=b.satuan,
        )  # fmt: skip
        line.full_clean()
        with jejak.konteks(
            user=user, uraian=f"PK {pk.tahun} {line.kode} {line.uraian} ditambahkan{ket}"
        ):
            line.save()


@transaction.atomic
def unggah_pindaian(
    *, user: Pengguna, revisi: RevisiPerjanjian, berkas: UploadedFile
) -> RevisiPerjanjian:
    """Attach the signed scan to a version kept without one (a version keeps its scan)."""
    satker = revisi.perjanjian.satker
    if not siklus.boleh_mengisi(user, satker):
        raise PermissionDenied("Anda tidak berwenang mengubah data satker ini.")
    revisi = RevisiPerjanjian.objects.select_for_update().get(pk=revisi.pk)
    if revisi.pindaian:
        raise ValidationError({"pindaian": "Revisi ini sudah memiliki pindaian."})
    try:
        isi = periksa_pindaian(berkas)
    except ValidationError as exc:
        raise ValidationError({"pindaian": exc.messages[0]}) from exc
    _simpan_pindaian(revisi, berkas, isi)
    RevisiPerjanjian.objects.filter(pk=revisi.pk).update(
        pindaian=revisi.pindaian.name, pindaian_nama=revisi.pindaian_nama
    )
    return revisi


# --- creating a PK from the Renstra proposal ----------------------------------------------


@transaction.atomic
def buat_pk(satker: Satker, tahun: int, data: dict, dipilih: list[dict]) -> PerjanjianKinerja:
    """Create the year's PK from the chosen Renstra indicators (the PK page's proposal)."""
    pk = PerjanjianKinerja(satker=satker, tahun=tahun, **data)
    pk.full_clean()
    pk.save()
    per_sasaran: dict[int, list[dict]] = {}
    urutan = []
    for p in dipilih:
        if p["sasaran"].pk not in per_sasaran:
            urutan.append(p["sasaran"])
        per_sasaran.setdefault(p["sasaran"].pk, []).append(p)
    for nomor, sr in enumerate(urutan, start=1):
        sasaran = SasaranKegiatan(perjanjian=pk, nomor=nomor, uraian=sr.nama, sasaran_renstra=sr)
        sasaran.full_clean()
        sasaran.save()
        for n, p in enumerate(per_sasaran[sr.pk], start=1):
            ind = p["indikator"]
            line = IndikatorPerjanjian(
                sasaran=sasaran,
                nomor=n,
                uraian=ind.nama,
                indikator=p["manual_obj"],
                indikator_renstra=ind,
                target=p["target_nilai"],
                satuan=ind.satuan or p["manual_obj"].satuan,
            )
            line.full_clean()
            line.save()
    return pk
