"""The quarterly reporting cycle: who may change a satker's quarter and when, what a
submission needs, and the transitions draft → submitted → verified (or returned with notes →
corrected → submitted again), each recorded. Functions take keyword arguments and raise
ValidationError (with Indonesian messages) or PermissionDenied; they never half-apply."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from kinerja import batas
from kinerja.formatting import format_tanggal, romawi
from kinerja.models import (
    CatatanReviu,
    IndikatorPerjanjian,
    ItemAnggaran,
    PelaporanTriwulan,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerpanjanganPeriode,
    ProgresAnggaran,
    RealisasiTriwulan,
    RencanaAksi,
    SnapshotPelaporan,
    StatusPelaporan,
    VersiIndikator,
)
from kinerja.models.siklus import AksiPelaporan
from kinerja.perhitungan import HasilBaris, Status, perlu_penjelasan, status
from kinerja.perhitungan.dasar import Hasil
from kinerja.selectors.capaian import hitung_capaian, konfigurasi
from kinerja.selectors.narasi import temuan_triwulan
from kinerja.selectors.pedoman import definisi_baris
from satker.choices import Peran
from satker.models import Pengguna, Satker

S = StatusPelaporan


# --- who may do what --------------------------------------------------------------------


def _aktif(user: Pengguna | Any) -> bool:
    """Signed in with an account that is still active: a deactivated account keeps its role
    and satker, and a session or token made before the deactivation still names it."""
    return user is not None and user.is_authenticated and user.is_active


def boleh_mengisi(user: Pengguna, satker: Satker) -> bool:
    """A satker's data are entered by its operator and its head; administrators may too."""
    if not _aktif(user):
        return False
    if user.is_superuser or user.peran == Peran.ADMIN:
        return True
    return user.peran in (Peran.OPERATOR, Peran.KEPALA) and user.satker_id == satker.pk


def boleh_mengajukan(user: Pengguna, satker: Satker) -> bool:
    """Only the head of the satker submits its quarter (or an administrator)."""
    if not _aktif(user):
        return False
    if user.is_superuser or user.peran == Peran.ADMIN:
        return True
    return user.peran == Peran.KEPALA and user.satker_id == satker.pk


def boleh_mereviu(user: Pengguna) -> bool:
    """The secretariat's reviewers (and administrators) review every satker's quarter."""
    return _aktif(user) and (user.is_superuser or user.peran in (Peran.REVIEWER, Peran.ADMIN))


def boleh_kelola_data_induk(user: Pengguna) -> bool:
    """The secretariat's master-data role (and administrators) maintain the manual, the
    cascade, Renstra, DIPA, links, external scores, accounts, and open the year."""
    return _aktif(user) and user.boleh_kelola_data_induk


# --- periods ----------------------------------------------------------------------------


def periode(tahun: int, triwulan: int) -> PeriodePelaporan | None:
    return PeriodePelaporan.objects.filter(tahun=tahun, triwulan=triwulan).first()


def batas_untuk(p: PeriodePelaporan, satker: Satker) -> datetime.date:
    """The satker's deadline in the period: its extension, else the period's."""
    return batas_dengan(p, p.perpanjangan.filter(satker=satker).first())


def batas_dengan(p: PeriodePelaporan, perpanjangan: PerpanjanganPeriode | None) -> datetime.date:
    """The deadline of a satker with `perpanjangan` (its extension in `p`, or None), for a page
    that has read the extensions already."""
    # A period reopened with a later deadline is not cut short by an earlier extension.
    return max(perpanjangan.batas, p.batas) if perpanjangan else p.batas


def buka_periode(
    *, user: Pengguna, tahun: int, triwulan: int, batas: datetime.date
) -> PeriodePelaporan:
    """Open a quarter for every satker, with its deadline."""
    if not boleh_mereviu(user):
        raise PermissionDenied("Hanya Sekretariat yang dapat membuka periode pelaporan.")
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError({"triwulan": "Triwulan harus 1 sampai 4."})
    lama = periode(tahun, triwulan)
    if lama is not None:
        if lama.terbuka:
            raise ValidationError({"triwulan": f"{lama} sudah dibuka."})
        # Reopening a closed period: a new deadline, open again; recorded by who and when.
        lama.ditutup, lama.ditutup_oleh = None, None
        lama.batas, lama.dibuka, lama.dibuka_oleh = batas, timezone.now(), user
        lama.save()
        return lama
    return PeriodePelaporan.objects.create(
        tahun=tahun, triwulan=triwulan, batas=batas, dibuka_oleh=user
    )


def perpanjang(
    *, user: Pengguna, periode_: PeriodePelaporan, satker: Satker, batas: datetime.date, alasan: str
) -> PerpanjanganPeriode:
    if not boleh_mereviu(user):
        raise PermissionDenied("Hanya Sekretariat yang dapat memperpanjang batas waktu.")
    galat = {}
    if not periode_.terbuka:
        galat["batas"] = "Periode sudah ditutup; buka kembali lebih dahulu."
    elif batas <= periode_.batas:
        galat["batas"] = (
            f"Batas baru harus setelah batas periode ({format_tanggal(periode_.batas)})."
        )
    if not alasan.strip():
        galat["alasan"] = "Tuliskan alasan perpanjangan."
    if galat:
        raise ValidationError(galat)
    obj, _ = PerpanjanganPeriode.objects.update_or_create(
        periode=periode_, satker=satker, defaults={"batas": batas, "alasan": alasan, "oleh": user}
    )
    return obj


def tutup_periode(*, user: Pengguna, periode_: PeriodePelaporan) -> PeriodePelaporan:
    if not boleh_mereviu(user):
        raise PermissionDenied("Hanya Sekretariat yang dapat menutup periode pelaporan.")
    if not periode_.terbuka:
        raise ValidationError("Periode ini sudah ditutup.")
    periode_.ditutup, periode_.ditutup_oleh = timezone.now(), user
    periode_.save()
    return periode_


# --- the satker's quarter -----------------------------------------------------------------


def kunci_satker(satker_id: int) -> None:
    """Take the satker's row lock until the transaction ends: every save of the satker's data
    and the submission take it first, so they happen one after the other."""
    list(Satker.objects.select_for_update().filter(pk=satker_id).values_list("pk", flat=True))


def pelaporan(satker: Satker, tahun: int, triwulan: int) -> PelaporanTriwulan:
    obj, _ = PelaporanTriwulan.objects.get_or_create(satker=satker, tahun=tahun, triwulan=triwulan)
    return obj


def alasan_terkunci(
    user: Pengguna, satker: Satker, tahun: int, triwulan: int, hari_ini: datetime.date | None = None
) -> str | None:
    """Why `user` may not change the satker's data of the quarter now, in Indonesian; None
    when they may."""
    if not boleh_mengisi(user, satker):
        return "Anda tidak berwenang mengubah data satker ini."
    p = periode(tahun, triwulan)
    nama = f"Triwulan {romawi(triwulan)} {tahun}"
    if p is None:
        return f"Periode pelaporan {nama} belum dibuka oleh Sekretariat."
    if not p.terbuka:
        return f"Periode pelaporan {nama} sudah ditutup."
    batas = batas_untuk(p, satker)
    if (hari_ini or timezone.localdate()) > batas:
        return (
            f"Batas waktu pengisian {nama} ({format_tanggal(batas)}) sudah lewat; mintalah "
            "perpanjangan kepada Sekretariat."
        )
    return alasan_laporan_terkunci(satker, tahun, triwulan)


def triwulan_terkunci(satker: Satker, tahun: int) -> dict[int, str]:
    """The quarters of the year under review or verified, with their status: their plan,
    figures and budget months no longer change."""
    return dict(
        PelaporanTriwulan.objects.filter(
            satker=satker, tahun=tahun, status__in=(S.DIAJUKAN, S.DIVERIFIKASI)
        ).values_list("triwulan", "status")
    )


def alasan_laporan_terkunci(satker: Satker, tahun: int, triwulan: int) -> str | None:
    """Why the quarter's report is closed to changes whatever the period: it is under review
    or verified. None when it is a draft or returned."""
    nama = f"Triwulan {romawi(triwulan)} {tahun}"
    lap = PelaporanTriwulan.objects.filter(satker=satker, tahun=tahun, triwulan=triwulan).first()
    if lap and lap.status == S.DIAJUKAN:
        return f"Laporan {nama} sudah diajukan dan sedang direviu; data tidak dapat diubah."
    if lap and lap.status == S.DIVERIFIKASI:
        return f"Laporan {nama} sudah diverifikasi dan terkunci."
    return None


def pastikan_boleh_diubah(user: Pengguna, satker: Satker, tahun: int, triwulan: int) -> None:
    alasan = alasan_terkunci(user, satker, tahun, triwulan)
    if alasan:
        raise PermissionDenied(alasan)


def lines_satker(satker: Satker, tahun: int) -> list[IndikatorPerjanjian]:
    """The PK lines of the year with what the cycle reads of them, in PK order."""
    return list(
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .prefetch_related(
            Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("triwulan")),
            Prefetch("realisasi", queryset=RealisasiTriwulan.objects.order_by("triwulan")),
        )
        .order_by("sasaran__nomor", "nomor")
    )


def realisasi_triwulan(
    lines: Sequence[IndikatorPerjanjian], triwulan: int
) -> dict[int, RealisasiTriwulan]:
    """The quarter's measurement of each line that has one, by line id, from the lines as
    `lines_satker` reads them (no query)."""
    return {line.pk: r for line in lines for r in line.realisasi.all() if r.triwulan == triwulan}


def tertinggal(h: HasilBaris) -> bool:
    """The line must explain itself (kendala, tindak lanjut): the computation module decides,
    with the configured thresholds."""
    return perlu_penjelasan(h, konfigurasi().ambang)


@dataclass(frozen=True)
class Kekurangan:
    kode: str  # the PK line code, or "" for the report as a whole
    pesan: str
    # A finding in a text of the PP-39's sections (not in a line's or the budget's): where the
    # pages send the operator to correct it.
    narasi: bool = field(default=False, compare=False)

    @property
    def uraian(self) -> str:
        """The message without its line code (the page groups them by line)."""
        return self.pesan.removeprefix(f"{self.kode}: ") if self.kode else self.pesan


def kelengkapan(
    satker: Satker,
    tahun: int,
    triwulan: int,
    *,
    lines: list[IndikatorPerjanjian] | None = None,
    hasil: Mapping[int, HasilBaris] | None = None,
    definisi: Mapping[int, VersiIndikator] | None = None,
) -> list[Kekurangan]:
    """What the quarter still needs before it can be submitted, item by item: each line's
    entries, the budget's months, then what the quarter's texts state that the PP-39 cannot
    print (kinerja.selectors.narasi.temuan_triwulan). A page that has already read the lines
    (`lines_satker`) and computed them passes both to save the work."""
    if lines is None:
        lines = lines_satker(satker, tahun)
    if not lines:
        return [Kekurangan("", f"Perjanjian Kinerja tahun {tahun} belum ada.")]
    if hasil is None:
        hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, triwulan), strict=True))
    kurang = []
    realisasi = realisasi_triwulan(lines, triwulan)
    if definisi is None:
        definisi = definisi_baris(lines)
    for line in lines:
        r = realisasi.get(line.pk)
        ra = next((x for x in line.rencana_aksi.all() if x.triwulan == triwulan), None)
        k = line.kode
        if ra is None or ra.target_antara is None:
            kurang.append(Kekurangan(k, f"{k}: target antara triwulan ini belum ditetapkan."))
        if r is None or r.realisasi_antara is None:
            kurang.append(Kekurangan(k, f"{k}: realisasi antara (%) belum diisi."))
        if not definisi[line.pk].data_dukung and (r is None or r.nilai_realisasi is None):
            kurang.append(Kekurangan(k, f"{k}: nilai realisasi belum diisi."))
        if r is None or not r.kegiatan.strip():
            kurang.append(Kekurangan(k, f"{k}: realisasi kegiatan belum diuraikan."))
        if r is not None and r.realisasi_antara is not None and tertinggal(hasil[line.pk]):
            if not r.kendala.strip():
                kurang.append(Kekurangan(k, f"{k}: progres di bawah target; kendala wajib diisi."))
            if not r.tindak_lanjut.strip():
                kurang.append(
                    Kekurangan(k, f"{k}: progres di bawah target; tindak lanjut wajib diisi.")
                )
    bulan = 3 * triwulan
    kro = list(ItemAnggaran.objects.filter(satker=satker, tahun=tahun, tingkat="kro"))
    # A KRO is reported when it, or any item below it (an RO, a component, a sub-component:
    # where the satker records its progress), has a realisation at the month; a row kept with
    # its realisation cleared is not one.
    tercatat = set(
        ProgresAnggaran.objects.filter(item__satker=satker, item__tahun=tahun, bulan=bulan)
        .filter(Q(realisasi_keuangan__isnull=False) | Q(realisasi_keuangan_rp__isnull=False))
        .values_list("item__kode_lengkap", flat=True)
    )
    berprogres = {
        item.pk
        for item in kro
        if any(k == item.kode_lengkap or k.startswith(f"{item.kode_lengkap}.") for k in tercatat)
    }
    for item in kro:
        if item.pk not in berprogres:
            kurang.append(
                Kekurangan(
                    "", f"Realisasi anggaran {item.kode_lengkap} s.d. bulan {bulan} belum diisi."
                )
            )
    # What the quarter's texts state that the report cannot print as it is: a figure that is
    # not the computed one, a table cited by a typed number, a colon with nothing after it.
    for t in temuan_triwulan(satker.pk, tahun, triwulan, lines, hasil):
        if t.kode:
            pesan = t.pesan if t.pesan.startswith(f"{t.kode}: ") else f"{t.kode}: {t.pesan}"
            kurang.append(Kekurangan(t.kode, pesan))
        else:
            kurang.append(Kekurangan("", f"Narasi {t.tempat}: {t.pesan}", narasi=True))
    return kurang


# --- snapshots ----------------------------------------------------------------------------


def _hasil_json(h: Hasil | None) -> dict | None:
    if h is None:
        return None
    return {
        "nilai": None if h.nilai is None else str(h.nilai),
        "rumus": h.rumus,
        "alasan": h.alasan,
        "desimal": h.desimal,
        "keterangan": h.keterangan,
    }


def _hasil_dari(data: dict | None) -> Hasil | None:
    if data is None:
        return None
    return Hasil(
        nilai=None if data["nilai"] is None else Decimal(data["nilai"]),
        rumus=data["rumus"],
        alasan=data["alasan"],
        desimal=data["desimal"],
        keterangan=data["keterangan"],
    )


ISIAN = (
    "realisasi_antara", "nilai_realisasi", "kegiatan", "analisis", "kendala", "tindak_lanjut",
    "rekomendasi",
)  # fmt: skip


def isi_snapshot(
    satker: Satker,
    tahun: int,
    triwulan: int,
    *,
    lines: list[IndikatorPerjanjian],
    hasil: Sequence[HasilBaris],
) -> dict:
    """The quarter as submitted: every line's entered values (`lines` as `lines_satker`
    reads them) and computed figures (`hasil`, in the same order)."""
    baris = []
    realisasi = realisasi_triwulan(lines, triwulan)
    for line, h in zip(lines, hasil, strict=True):
        r = realisasi.get(line.pk)
        baris.append(
            {
                "indikator_id": line.pk,
                "kode": h.kode,
                "satker": h.satker,
                "sasaran": h.sasaran,
                "indikator": h.indikator,
                "satuan": h.satuan,
                "target": str(h.target),
                "tahun": h.tahun,
                "triwulan": h.triwulan,
                "realisasi": _hasil_json(h.realisasi),
                "sumber_realisasi": h.sumber_realisasi,
                "capaian": _hasil_json(h.capaian),
                "target_antara": None if h.target_antara is None else str(h.target_antara),
                "realisasi_antara": None if h.realisasi_antara is None else str(h.realisasi_antara),
                "versi": h.versi,
                "capaian_antara": _hasil_json(h.capaian_antara),
                "status": h.status.value,
                "status_progres": None if h.status_progres is None else h.status_progres.value,
                "status_capaian": h.status_capaian.value,
                "catatan": list(h.catatan),
                "isian": {
                    f: "" if r is None or getattr(r, f) is None else str(getattr(r, f))
                    for f in ISIAN
                },
            }
        )
    return {"satker": satker.kode, "tahun": tahun, "triwulan": triwulan, "baris": baris}


def hasil_dari_snapshot(data: dict) -> dict[int, HasilBaris]:
    """The computed figures of a snapshot, by PK line id, as the report prints them."""
    hasil = {}
    for b in data["baris"]:
        hasil[b["indikator_id"]] = HasilBaris(
            satker=b["satker"],
            kode=b["kode"],
            sasaran=b["sasaran"],
            indikator=b["indikator"],
            satuan=b["satuan"],
            target=Decimal(b["target"]),
            tahun=b["tahun"],
            triwulan=b["triwulan"],
            realisasi=_hasil_dari(b["realisasi"]),
            sumber_realisasi=b["sumber_realisasi"],
            capaian=_hasil_dari(b["capaian"]),
            target_antara=None if b["target_antara"] is None else Decimal(b["target_antara"]),
            realisasi_antara=None
            if b["realisasi_antara"] is None
            else Decimal(b["realisasi_antara"]),
            capaian_antara=_hasil_dari(b["capaian_antara"]),
            status=Status(b["status"]),
            catatan=tuple(b["catatan"]),
            versi=b.get("versi"),
            **_status_terpisah(b),
        )
    return hasil


def _status_terpisah(b: dict) -> dict[str, Status | None]:
    """The progress and capaian statuses of a snapshot's line; a snapshot taken before they
    were kept apart gives its line status as the quarter's progress and the capaian status
    from its printed capaian."""
    if "status_capaian" in b:
        progres = b["status_progres"]
        return {
            "status_progres": None if progres is None else Status(progres),
            "status_capaian": Status(b["status_capaian"]),
        }
    nilai = b["capaian"]["nilai"] if b["capaian"] else None
    return {
        "status_progres": Status(b["status"]) if b["triwulan"] is not None else None,
        "status_capaian": status(None if nilai is None else Decimal(nilai), konfigurasi().ambang),
    }


def hasil_triwulan(
    lines: list[IndikatorPerjanjian],
    satker: Satker,
    tahun: int,
    triwulan: int,
    *,
    dari_snapshot: Sequence[str] = (S.DIVERIFIKASI,),
) -> list[HasilBaris]:
    """The lines' figures of the quarter: as submitted (the last snapshot) when the quarter's
    report has a status of `dari_snapshot`, whatever the data became since; else computed
    now. A verified quarter's report prints the first; the reviewer judges a submitted one
    by it too."""
    snapshot = (
        SnapshotPelaporan.objects.filter(
            pelaporan__satker=satker, pelaporan__tahun=tahun, pelaporan__triwulan=triwulan,
            pelaporan__status__in=dari_snapshot,
        )
        .order_by("-versi")
        .first()
    )  # fmt: skip
    diajukan = hasil_dari_snapshot(snapshot.data) if snapshot else {}
    if lines and all(line.pk in diajukan for line in lines):
        return [diajukan[line.pk] for line in lines]
    return [
        diajukan.get(line.pk, h)
        for line, h in zip(lines, hitung_capaian(lines, triwulan), strict=True)
    ]


# --- transitions ----------------------------------------------------------------------------


def _catat(
    lap: PelaporanTriwulan, aksi: str, user: Pengguna, catatan: str = ""
) -> PeristiwaPelaporan:
    return PeristiwaPelaporan.objects.create(pelaporan=lap, aksi=aksi, oleh=user, catatan=catatan)


@transaction.atomic
def ajukan(*, user: Pengguna, lap: PelaporanTriwulan) -> PelaporanTriwulan:
    """The head submits the quarter: complete, within its period, not already under review."""
    kunci_satker(lap.satker_id)  # no save of the satker's data slips in after the snapshot
    lap = PelaporanTriwulan.objects.select_for_update().get(pk=lap.pk)
    if not boleh_mengajukan(user, lap.satker):
        raise PermissionDenied("Hanya kepala satker yang dapat mengajukan laporan triwulan.")
    if lap.status not in (S.DRAF, S.DIKEMBALIKAN):
        raise ValidationError(f"Laporan ini berstatus {lap.get_status_display().lower()}.")
    alasan = alasan_terkunci(user, lap.satker, lap.tahun, lap.triwulan)
    if alasan:
        raise ValidationError(alasan)
    lines = lines_satker(lap.satker, lap.tahun)
    hasil = hitung_capaian(lines, lap.triwulan)
    kurang = kelengkapan(
        lap.satker, lap.tahun, lap.triwulan,
        lines=lines, hasil={line.pk: h for line, h in zip(lines, hasil, strict=True)},
    )  # fmt: skip
    if kurang:
        raise ValidationError([k.pesan for k in kurang])
    versi = (lap.snapshot.order_by("-versi").values_list("versi", flat=True).first() or 0) + 1
    SnapshotPelaporan.objects.create(
        pelaporan=lap,
        versi=versi,
        oleh=user,
        data=isi_snapshot(lap.satker, lap.tahun, lap.triwulan, lines=lines, hasil=hasil),
    )
    lap.catatan_reviu.filter(diselesaikan__isnull=True).update(diselesaikan=timezone.now())
    lap.status = S.DIAJUKAN
    lap.save()
    _catat(lap, AksiPelaporan.DIAJUKAN, user, f"snapshot versi {versi}")
    return lap


@transaction.atomic
def kembalikan(
    *,
    user: Pengguna,
    lap: PelaporanTriwulan,
    catatan: Sequence[tuple[IndikatorPerjanjian | None, str]],
) -> PelaporanTriwulan:
    """A reviewer returns a submitted quarter with a note per item to correct."""
    lap = PelaporanTriwulan.objects.select_for_update().get(pk=lap.pk)
    if not boleh_mereviu(user):
        raise PermissionDenied("Hanya reviewer Sekretariat yang dapat mengembalikan laporan.")
    if lap.status != S.DIAJUKAN:
        raise ValidationError("Hanya laporan yang sudah diajukan yang dapat dikembalikan.")
    catatan = [(line, teks.strip()) for line, teks in catatan if teks.strip()]
    if not catatan:
        raise ValidationError("Tuliskan setidaknya satu catatan: apa yang harus diperbaiki.")
    for line, teks in catatan:
        batas.periksa(CatatanReviu, "catatan", teks)
        if line is not None and line.sasaran.perjanjian.satker_id != lap.satker_id:
            raise ValidationError("Catatan untuk indikator satker lain tidak dapat dibuat.")
        CatatanReviu.objects.create(pelaporan=lap, indikator=line, catatan=teks, oleh=user)
    lap.status = S.DIKEMBALIKAN
    lap.save()
    _catat(lap, AksiPelaporan.DIKEMBALIKAN, user, f"{len(catatan)} catatan")
    return lap


@transaction.atomic
def verifikasi(*, user: Pengguna, lap: PelaporanTriwulan) -> PelaporanTriwulan:
    """A reviewer verifies a submitted quarter: it is locked, and once that has committed its
    PP-39 is archived (rendered once through the report queue; the verification does not wait
    for a worker, and a failing render never undoes it: laporan.arsip)."""
    kunci_satker(lap.satker_id)  # a write of the quarter's data in flight finishes first
    lap = PelaporanTriwulan.objects.select_for_update().get(pk=lap.pk)
    if not boleh_mereviu(user):
        raise PermissionDenied("Hanya reviewer Sekretariat yang dapat memverifikasi laporan.")
    if lap.status != S.DIAJUKAN:
        raise ValidationError("Hanya laporan yang sudah diajukan yang dapat diverifikasi.")
    lap.status = S.DIVERIFIKASI
    lap.save()
    peristiwa = _catat(lap, AksiPelaporan.DIVERIFIKASI, user)
    from laporan.arsip import arsipkan  # laporan reads the cycle; the cycle calls it back here

    transaction.on_commit(lambda: arsipkan(peristiwa.pk), robust=True)
    return lap


@transaction.atomic
def buka_kembali(*, user: Pengguna, lap: PelaporanTriwulan, alasan: str) -> PelaporanTriwulan:
    """A reviewer reopens a verified quarter for correction; the reason is recorded. The
    archive of its verification stays as it is; the next verification makes a new one."""
    lap = PelaporanTriwulan.objects.select_for_update().get(pk=lap.pk)
    if not boleh_mereviu(user):
        raise PermissionDenied("Hanya reviewer Sekretariat yang dapat membuka kembali laporan.")
    if lap.status != S.DIVERIFIKASI:
        raise ValidationError("Hanya laporan yang sudah diverifikasi yang perlu dibuka kembali.")
    if not alasan.strip():
        raise ValidationError({"alasan": "Tuliskan alasan membuka kembali laporan ini."})
    batas.periksa(PeristiwaPelaporan, "catatan", alasan.strip())
    lap.status = S.DIKEMBALIKAN
    lap.save()
    _catat(lap, AksiPelaporan.DIBUKA_KEMBALI, user, alasan.strip())
    return lap
