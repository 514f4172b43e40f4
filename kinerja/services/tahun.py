"""Opening a performance year for every satker: for each, a PK draft with the Renstra targets
of the year (the proposal the PK page makes), its Rencana Aksi in last year's shape for the
satker to review, and the year's quarters ready for the reviewer to open. A satker that
cannot be opened is listed with the reason; the others are opened. Opening again creates
nothing twice and changes nothing a satker already has: a satker with a PK of the year is
left as it is.

The work is a PembukaanTahun run: queued from the secretariat's page (Celery; in-process
when no broker is configured, like the reports) or run by `manage.py buka_tahun`, with its
progress recorded for the page's bar. Each satker costs a fixed number of queries (about a
dozen, whatever its number of lines), in its own transaction, so a run over 1,000 satker
neither holds one long transaction nor loses what it did when one satker fails."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from kinerja import jejak, siklus
from kinerja.models import (
    IndikatorPerjanjian,
    PembukaanTahun,
    PeriodePelaporan,
    PerjanjianKinerja,
    RencanaAksi,
    SasaranKegiatan,
    StatusPembukaan,
    StatusPerjanjian,
)
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.selectors.renstra import renstra_satker
from satker.models import Pengguna, Satker

logger = logging.getLogger(__name__)

# How often a run records its progress (every this many satker, and at the end).
LANGKAH_KEMAJUAN = 10


@dataclass
class HasilSatker:
    """What opening the year did for one satker: `status` is "dibuka" (a draft made),
    "sudah_ada" (it has a PK of the year: left as it is) or "dilewati" (`alasan` says why);
    `catatan` names the Renstra indicators left out of the draft and why."""

    satker_id: int
    singkatan: str
    nama: str
    status: str
    alasan: str = ""
    jumlah_baris: int = 0
    jumlah_rencana_aksi: int = 0
    catatan: list[str] = field(default_factory=list)

    def sebagai_data(self) -> dict:
        return {
            "satker_id": self.satker_id,
            "singkatan": self.singkatan,
            "nama": self.nama,
            "status": self.status,
            "alasan": self.alasan,
            "jumlah_baris": self.jumlah_baris,
            "jumlah_rencana_aksi": self.jumlah_rencana_aksi,
            "catatan": self.catatan,
        }


class TidakDapatDibuka(Exception):
    """A satker whose year cannot be opened, with the reason in Indonesian."""


def batas_usulan(tahun: int, triwulan: int) -> datetime.date:
    """The deadline proposed for a quarter's report: the 20th of the month after it (the
    reviewer may change it when opening the period)."""
    if triwulan == 4:
        return datetime.date(tahun + 1, 1, 20)
    return datetime.date(tahun, 3 * triwulan + 1, 20)


def periode_tahun(tahun: int) -> list[dict]:
    """The four quarters of `tahun` as the year page shows them: the period when the reviewer
    has opened it, else ready to open (once the year is opened) with its proposed deadline."""
    dibuka = PembukaanTahun.objects.filter(tahun=tahun, status=StatusPembukaan.SELESAI).exists()
    ada = {p.triwulan: p for p in PeriodePelaporan.objects.filter(tahun=tahun)}
    return [
        {
            "triwulan": tw,
            "periode": ada.get(tw),
            "siap": dibuka and tw not in ada,
            "batas_usulan": batas_usulan(tahun, tw),
        }
        for tw in (1, 2, 3, 4)
    ]


def periode_siap_dibuka(periode_ada: list[PeriodePelaporan] | None = None) -> list[dict]:
    """Every quarter of an opened year that the reviewer has not opened yet, with its
    proposed deadline (for the reviewer's page, which gives the periods it has read)."""
    tahun_dibuka = sorted(
        set(
            PembukaanTahun.objects.filter(status=StatusPembukaan.SELESAI).values_list(
                "tahun", flat=True
            )
        )
    )
    if not tahun_dibuka:
        return []
    if periode_ada is None:
        periode_ada = list(PeriodePelaporan.objects.filter(tahun__in=tahun_dibuka))
    ada = {(p.tahun, p.triwulan) for p in periode_ada}
    return [
        {"tahun": t, "triwulan": tw, "batas_usulan": batas_usulan(t, tw)}
        for t in tahun_dibuka
        for tw in (1, 2, 3, 4)
        if (t, tw) not in ada
    ]


# --- one satker ---------------------------------------------------------------------------


def _bentuk_tahun_lalu(satker: Satker, tahun: int) -> tuple[dict, dict]:
    """Last year's Rencana Aksi of the satker, per quarter, by the manual indicator of the
    line and by its Renstra indicator (two queries)."""
    lines = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun - 1
    ).prefetch_related(Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("triwulan")))
    per_manual, per_renstra = {}, {}
    for line in lines:
        ra = list(line.rencana_aksi.all())
        if not ra:
            continue
        per_manual.setdefault(line.indikator_id, ra)
        if line.indikator_renstra_id:
            per_renstra.setdefault(line.indikator_renstra_id, ra)
    return per_manual, per_renstra


def _usulan_baris(satker: Satker, tahun: int, hasil: HasilSatker) -> list[tuple]:
    """The Renstra goals and indicators of the year that can become PK lines, as
    (Renstra goal, Renstra indicator, target); the others noted in `hasil.catatan`."""
    renstra = renstra_satker(satker, tahun)
    if renstra is None:
        raise TidakDapatDibuka(f"Belum ada Renstra satker yang mencakup tahun {tahun}.")
    usulan, dipakai = [], set()
    for s in renstra.sasaran.all():
        for ind in s.indikator.all():
            target = next((t.target for t in ind.target.all() if t.tahun == tahun), None)
            if target is None:
                hasil.catatan.append(f"{ind.kode} {ind.nama}: tanpa target {tahun} di Renstra.")
            elif target <= 0:
                hasil.catatan.append(f"{ind.kode} {ind.nama}: target {tahun} bukan di atas 0.")
            elif ind.indikator_id is None:
                hasil.catatan.append(f"{ind.kode} {ind.nama}: belum terhubung ke pedoman.")
            elif ind.indikator_id in dipakai:
                hasil.catatan.append(
                    f"{ind.kode} {ind.nama}: indikator pedoman {ind.indikator.kode} sudah "
                    "dipakai baris lain."
                )
            else:
                dipakai.add(ind.indikator_id)
                usulan.append((s, ind, target))
    if not usulan:
        raise TidakDapatDibuka(
            f"Renstra {renstra.tahun_awal}-{renstra.tahun_akhir} tidak memuat target tahun "
            f"{tahun} yang dapat dipakai (target di atas 0, indikator terhubung ke pedoman)."
        )
    return usulan


def buka_satker(satker: Satker, tahun: int, *, ada_pk: bool) -> HasilSatker:
    """Open `tahun` for one satker, in one transaction: its PK draft and Rencana Aksi, or
    nothing with the reason. `ada_pk`: the satker already has a PK of the year."""
    hasil = HasilSatker(satker.pk, satker.singkatan, satker.nama, "dibuka")
    if ada_pk:
        hasil.status = "sudah_ada"
        return hasil
    try:
        usulan = _usulan_baris(satker, tahun, hasil)
    except TidakDapatDibuka as exc:
        hasil.status, hasil.alasan = "dilewati", str(exc)
        return hasil
    per_manual, per_renstra = _bentuk_tahun_lalu(satker, tahun)
    with transaction.atomic(), jejak.konteks(uraian=f"PK {tahun} {satker.singkatan} (draf)"):
        # Another run (or the satker's own PK page) may have made it meanwhile: keep that one.
        if PerjanjianKinerja.objects.select_for_update().filter(satker=satker, tahun=tahun):
            hasil.status = "sudah_ada"
            return hasil
        eselon = satker.unit_eselon_i
        pk = PerjanjianKinerja(
            satker=satker,
            tahun=tahun,
            status=StatusPerjanjian.DRAF,
            pihak_pertama_nama=satker.kepala_nama,
            pihak_pertama_jabatan=satker.kepala_jabatan or f"Kepala {satker.nama}",
            pihak_kedua_nama=eselon.kepala_nama if eselon else "",
            pihak_kedua_jabatan=eselon.kepala_jabatan if eselon else "",
            catatan=f"Draf dibuat saat tahun {tahun} dibuka, dari target Renstra.",
        )
        pk._jejak_satker = satker.pk
        pk.save()
        urutan: list = []
        for s, _ind, _t in usulan:
            if s not in urutan:
                urutan.append(s)
        sasaran = [
            SasaranKegiatan(perjanjian=pk, nomor=n, uraian=s.nama, sasaran_renstra=s)
            for n, s in enumerate(urutan, start=1)
        ]
        for obj in sasaran:
            obj._jejak_satker = satker.pk
        sasaran = SasaranKegiatan.objects.bulk_create(sasaran)
        per_sasaran = {s.pk: obj for s, obj in zip(urutan, sasaran, strict=True)}
        nomor: dict[int, int] = {}
        lines = []
        for s, ind, target in usulan:
            nomor[s.pk] = nomor.get(s.pk, 0) + 1
            line = IndikatorPerjanjian(
                sasaran=per_sasaran[s.pk],
                nomor=nomor[s.pk],
                uraian=ind.nama,
                indikator_id=ind.indikator_id,
                indikator_renstra=ind,
                target=target,
                satuan=ind.satuan or ind.indikator.satuan,
            )
            line._jejak_satker = satker.pk
            lines.append(line)
        lines = IndikatorPerjanjian.objects.bulk_create(lines)
        rencana = []
        for line, (_s, ind, _t) in zip(lines, usulan, strict=True):
            # Last year's line of the same indicator: the manual's, else the Renstra's.
            lalu = per_manual.get(ind.indikator_id) or per_renstra.get(ind.pk) or []
            for r in lalu:
                baru = RencanaAksi(
                    indikator=line,
                    triwulan=r.triwulan,
                    # Target antara is a share (%) of the year's target: the same share of
                    # this year's target is the same percentage.
                    target_antara=r.target_antara,
                    rencana_kegiatan=r.rencana_kegiatan,
                    perlu_ditinjau=True,
                )
                baru._jejak_satker = satker.pk
                rencana.append(baru)
        RencanaAksi.objects.bulk_create(rencana)
    hasil.jumlah_baris, hasil.jumlah_rencana_aksi = len(lines), len(rencana)
    return hasil


# --- every satker: the run ----------------------------------------------------------------


def periksa_tahun(tahun: int) -> None:
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise ValidationError({"tahun": f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAX}."})


def minta_buka_tahun(*, user: Pengguna, tahun: int) -> PembukaanTahun:
    """Record a request to open `tahun` and queue it once the request is saved; refused
    while a run of the same year is still going."""
    if not siklus.boleh_kelola_data_induk(user):
        raise PermissionDenied("Hanya pengelola data induk Sekretariat yang dapat membuka tahun.")
    periksa_tahun(tahun)
    with transaction.atomic():
        # A run older than the task's time limit was stopped with its worker: not a run.
        berlaku = timezone.now() - datetime.timedelta(hours=1)
        berjalan = (
            PembukaanTahun.objects.select_for_update()
            .filter(
                tahun=tahun,
                status__in=[StatusPembukaan.ANTRI, StatusPembukaan.PROSES],
                diminta__gte=berlaku,
            )
            .first()
        )
        if berjalan is not None:
            raise ValidationError(
                {"tahun": f"Pembukaan tahun {tahun} sedang berjalan; tunggu sampai selesai."}
            )
        run = PembukaanTahun.objects.create(tahun=tahun, diminta_oleh=user)
        from kinerja.tasks import buka_tahun as tugas

        transaction.on_commit(lambda: tugas.delay(run.pk))
    return run


def _catat_kemajuan(run: PembukaanTahun, selesai: int, total: int) -> None:
    run.kemajuan = min(99, selesai * 100 // max(total, 1))
    run.langkah = f"{selesai} dari {total} satker"
    PembukaanTahun.objects.filter(pk=run.pk).update(kemajuan=run.kemajuan, langkah=run.langkah)


def jalankan(
    run_id: int, *, progres: Callable[[int, int, HasilSatker], None] | None = None
) -> PembukaanTahun | None:
    """Run a queued opening: every satker in turn (each in its own transaction), the
    progress recorded every LANGKAH_KEMAJUAN satker, the result kept on the run."""
    run = PembukaanTahun.objects.filter(pk=run_id).first()
    if run is None or run.status not in (StatusPembukaan.ANTRI, StatusPembukaan.PROSES):
        return run
    run.status, run.kemajuan, run.langkah = StatusPembukaan.PROSES, 0, "Menyiapkan"
    run.save(update_fields=["status", "kemajuan", "langkah"])
    try:
        daftar = list(Satker.objects.select_related("unit_eselon_i").order_by("nama"))
        ada = set(
            PerjanjianKinerja.objects.filter(tahun=run.tahun).values_list("satker_id", flat=True)
        )
        hasil: list[HasilSatker] = []
        with jejak.konteks(user=run.diminta_oleh):
            for i, satker in enumerate(daftar, start=1):
                h = buka_satker(satker, run.tahun, ada_pk=satker.pk in ada)
                hasil.append(h)
                if progres is not None:
                    progres(i, len(daftar), h)
                if i % LANGKAH_KEMAJUAN == 0:
                    _catat_kemajuan(run, i, len(daftar))
    except Exception:
        logger.exception("Gagal membuka tahun %s", run.tahun)
        run.status = StatusPembukaan.GAGAL
        run.pesan = "Terjadi kesalahan saat membuka tahun; kejadian ini telah dicatat."
        run.selesai = timezone.now()
        run.save()
        return run
    run.hasil = [h.sebagai_data() for h in hasil]
    run.jumlah_satker = len(hasil)
    run.jumlah_dibuka = sum(h.status == "dibuka" for h in hasil)
    run.jumlah_sudah_ada = sum(h.status == "sudah_ada" for h in hasil)
    run.jumlah_dilewati = sum(h.status == "dilewati" for h in hasil)
    run.status, run.kemajuan, run.langkah = StatusPembukaan.SELESAI, 100, ""
    run.selesai = timezone.now()
    run.save()
    return run


def buka_tahun(
    *,
    tahun: int,
    user: Pengguna | None = None,
    progres: Callable[[int, int, HasilSatker], None] | None = None,
) -> PembukaanTahun:
    """Open `tahun` now, in this process (the command; tests): a run recorded like the
    page's, so the year page shows it and the quarters become ready to open."""
    periksa_tahun(tahun)
    run = PembukaanTahun.objects.create(tahun=tahun, diminta_oleh=user)
    return jalankan(run.pk, progres=progres)
