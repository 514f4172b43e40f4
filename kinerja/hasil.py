"""Keeping the stored figures (kinerja.models.hasil) equal to a fresh computation.

Every write of an input (a measurement, a target, the Rencana Aksi, supporting data, the
manual, a budget figure ...) marks the (satker, year) whose figures it changes; the marked
figures are recomputed by kinerja.perhitungan and stored before the transaction that wrote the
input commits. The writes are marked by model signals (`hubungkan_sinyal`, connected by the
app), because they come from many paths (pages, formsets, imports, the API, the admin,
commands) and one forgotten path would leave a wrong figure on the dashboard; the refresh
itself is explicit:

    with hasil.menyegarkan():      # pages, admin, imports and commands open one
        ... write inputs ...
    # here every figure the block changed has been recomputed, in the same transaction

A write outside such a block refreshes its figures at once. Bulk writes (`bulk_create`,
`QuerySet.update`) send no signal: their service calls `tandai` itself.
`hitung_ulang` recomputes everything (manage.py hitung_ulang), after a change of the
computation's settings for instance."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from kinerja import perubahan
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    HasilPerhitungan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    ItemAnggaran,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    PerjanjianKinerja,
    ProgresAnggaran,
    RealisasiDipa,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    RingkasanAnggaran,
    SasaranKegiatan,
    SurveiKepuasan,
    TargetRenstra,
    UnsurSurvei,
    VersiIndikator,
)
from kinerja.models.hasil import SETAHUN
from kinerja.perhitungan import JUMLAH, HasilBaris, Konfigurasi, hitung_baris
from kinerja.perhitungan.prakiraan import prakiraan_baris, prakiraan_penyerapan
from kinerja.perhitungan.serial import baris_ke_dict, hasil_ke_dict
from kinerja.perubahan import ANGGARAN, KINERJA, Kunci
from kinerja.selectors.anggaran import deviasi_penarikan, pohon_banyak, posisi_satker
from kinerja.selectors.capaian import konfigurasi, masukan_baris, sidik_konfigurasi
from kinerja.selectors.pedoman import definisi_baris
from satker.models import Satker

Progres = Callable[[int, int], None]

# How many (satker, year) pairs are recomputed together: bounded memory and queries.
POTONGAN = 50


# --- marking and refreshing --------------------------------------------------------------


@contextmanager
def menyegarkan() -> Iterator[None]:
    """Run the block in a transaction; before it commits, recompute and store the figures
    of every input the block changed. Blocks nest: the outermost one refreshes."""
    tumpukan = perubahan.tumpukan()
    kumpulan: set[Kunci] = set()
    with transaction.atomic():
        tumpukan.append(kumpulan)
        try:
            yield
        finally:
            tumpukan.pop()
        if tumpukan:
            tumpukan[-1] |= kumpulan
        else:
            segarkan(kumpulan)


def tandai(kunci: Iterable[Kunci]) -> None:
    """The figures of these (kind, satker, year) changed: refreshed at the end of the open
    block, or now when there is none."""
    kunci = set(kunci)
    if not kunci:
        return
    tumpukan = perubahan.tumpukan()
    if tumpukan:
        tumpukan[-1] |= kunci
    else:
        segarkan(kunci)


def segarkan(kunci: Iterable[Kunci], progres: Progres | None = None) -> int:
    """Recompute and store the figures of these (kind, satker, year); returns the number of
    stored rows written."""
    kunci = set(kunci)
    kinerja = sorted((s, t) for jenis, s, t in kunci if jenis == KINERJA)
    anggaran = sorted((s, t) for jenis, s, t in kunci if jenis == ANGGARAN)
    total, selesai, ditulis = len(kinerja) + len(anggaran), 0, 0
    with transaction.atomic():
        for potongan in _potong(kinerja):
            ditulis += _segarkan_kinerja(potongan)
            selesai += len(potongan)
            if progres:
                progres(selesai, total)
        for potongan in _potong(anggaran):
            ditulis += _segarkan_anggaran(potongan)
            selesai += len(potongan)
            if progres:
                progres(selesai, total)
    return ditulis


def hitung_ulang(
    *, satker_ids: Iterable[int] | None = None, tahun: int | None = None, progres=None
) -> int:
    """Recompute every stored figure (of these satker, of this year); returns the rows
    written. Stored figures of PKs and budgets that no longer exist are removed."""
    pk = PerjanjianKinerja.objects.all()
    items = ItemAnggaran.objects.all()
    hasil = HasilPerhitungan.objects.all()
    ringkasan = RingkasanAnggaran.objects.all()
    if satker_ids is not None:
        satker_ids = list(satker_ids)
        pk, items = pk.filter(satker_id__in=satker_ids), items.filter(satker_id__in=satker_ids)
        hasil, ringkasan = (
            hasil.filter(satker_id__in=satker_ids),
            ringkasan.filter(satker_id__in=satker_ids),
        )
    if tahun is not None:
        pk, items = pk.filter(tahun=tahun), items.filter(tahun=tahun)
        hasil, ringkasan = hasil.filter(tahun=tahun), ringkasan.filter(tahun=tahun)
    kunci = {(KINERJA, s, t) for s, t in pk.values_list("satker_id", "tahun")}
    kunci |= {(ANGGARAN, s, t) for s, t in items.values_list("satker_id", "tahun").distinct()}
    with transaction.atomic():
        hasil.delete()
        ringkasan.delete()
        return segarkan(kunci, progres)


def _potong(pasangan: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    for i in range(0, len(pasangan), POTONGAN):
        yield pasangan[i : i + POTONGAN]


def _hapus(model: type[models.Model], pasangan: list[tuple[int, int]]) -> None:
    per_tahun: dict[int, list[int]] = defaultdict(list)
    for s, t in pasangan:
        per_tahun[t].append(s)
    for t, satker_ids in per_tahun.items():
        model.objects.filter(tahun=t, satker_id__in=satker_ids).delete()


# --- the figures of the PK lines -------------------------------------------------------------


def _segarkan_kinerja(pasangan: list[tuple[int, int]]) -> int:
    diminta = set(pasangan)
    lines = [
        line
        for line in IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker_id__in={s for s, _ in pasangan},
            sasaran__perjanjian__tahun__in={t for _, t in pasangan},
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .prefetch_related("rencana_aksi", "realisasi")
        if (line.sasaran.perjanjian.satker_id, line.sasaran.perjanjian.tahun) in diminta
    ]
    masukan = masukan_baris(lines) if lines else {}
    definisi = definisi_baris(lines)
    k = konfigurasi()
    sidik = sidik_konfigurasi(k)
    baru = []
    for line in lines:
        m = masukan[line.pk]
        for tw in (1, 2, 3, 4, None):
            h = hitung_baris(m, tw, k)
            baru.append(_baris_tersimpan(line, definisi[line.pk], h, k, sidik))
    _hapus(HasilPerhitungan, pasangan)
    HasilPerhitungan.objects.bulk_create(baru, batch_size=1000)
    return len(baru)


def _baris_tersimpan(
    line: IndikatorPerjanjian, versi: VersiIndikator, h: HasilBaris, k: Konfigurasi, sidik: str
) -> HasilPerhitungan:
    manual = versi  # the manual's definition for the line's year
    p = prakiraan_baris(
        triwulan=h.triwulan,
        # A count (summed over the quarters, or over the years) grows during the year.
        bertambah=JUMLAH in (manual.agregasi_triwulan, manual.agregasi_tahunan),
        realisasi=h.realisasi.nilai,
        target=h.target,
        target_antara=h.target_antara,
        capaian_antara=None if h.capaian_antara is None else h.capaian_antara.nilai,
        klasifikasi=manual.klasifikasi,
        rumus_minimasi=manual.rumus_minimasi,
        pembulatan=k.pembulatan,
        ambang=h.ambang or k.ambang,
    )
    data = baris_ke_dict(h)
    data["prakiraan"] = {
        "realisasi": hasil_ke_dict(p.realisasi),
        "capaian": hasil_ke_dict(p.capaian),
        "metode": p.metode,
        "meleset": p.meleset,
    }
    return HasilPerhitungan(
        indikator=line,
        satker_id=line.sasaran.perjanjian.satker_id,
        tahun=h.tahun,
        triwulan=h.triwulan or SETAHUN,
        kode_pedoman=line.indikator.kode,
        realisasi=h.realisasi.nilai,
        capaian=h.capaian.nilai,
        capaian_antara=None if h.capaian_antara is None else h.capaian_antara.nilai,
        status=h.status.value,
        jumlah_catatan=len(h.catatan),
        prakiraan_capaian=p.capaian.nilai,
        prakiraan_meleset=p.meleset,
        data=data,
        konfigurasi=sidik,
    )


# --- the budget of each satker ---------------------------------------------------------------


def _segarkan_anggaran(pasangan: list[tuple[int, int]]) -> int:
    bulanan = set(
        ProgresAnggaran.objects.filter(
            item__satker_id__in={s for s, _ in pasangan}, item__tahun__in={t for _, t in pasangan}
        )
        .exclude(bulan__in=(3, 6, 9, 12))
        .values_list("item__satker_id", "item__tahun")
        .distinct()
    )
    pohon = pohon_banyak([p for p in pasangan if p not in bulanan])
    pohon |= pohon_banyak([p for p in pasangan if p in bulanan], tuple(range(1, 13)))
    p = konfigurasi().pembulatan
    batas = Decimal(str(getattr(settings, "KINERJA", {}).get("BATAS_PENYERAPAN", 95)))
    baru = []
    for (satker_id, tahun), nodes in pohon.items():
        akar = [n.hasil for n in nodes.values() if n.item.induk_id is None]
        if not akar:
            continue
        _, desember = posisi_satker(nodes, 12)
        for tw in (1, 2, 3, 4):
            pagu, posisi = posisi_satker(nodes, tw * 3)
            deviasi = deviasi_penarikan(nodes, tw * 3)
            prakiraan = prakiraan_penyerapan(
                persen_realisasi=posisi.realisasi_keuangan.nilai,
                persen_rencana=posisi.rencana_keuangan.nilai,
                persen_rencana_akhir=desember.rencana_keuangan.nilai,
                batas=batas,
                pembulatan=p,
            )
            baru.append(
                RingkasanAnggaran(
                    satker_id=satker_id,
                    tahun=tahun,
                    triwulan=tw,
                    pagu=pagu,
                    rencana_rp=posisi.rencana_rp,
                    realisasi_rp=posisi.realisasi_rp,
                    realisasi_tercatat=posisi.realisasi_rp_tercatat is not None,
                    persen_rencana=posisi.rencana_keuangan.nilai,
                    persen_realisasi=posisi.realisasi_keuangan.nilai,
                    deviasi=deviasi.rata_rata.nilai,
                    fisik=posisi.realisasi_fisik.nilai,
                    prakiraan_penyerapan=prakiraan.capaian.nilai,
                    prakiraan_meleset=prakiraan.meleset,
                    data={
                        "rencana": hasil_ke_dict(posisi.rencana_keuangan),
                        "realisasi": hasil_ke_dict(posisi.realisasi_keuangan),
                        "fisik": hasil_ke_dict(posisi.realisasi_fisik),
                        "deviasi": hasil_ke_dict(deviasi.rata_rata),
                        "nilai_deviasi": hasil_ke_dict(deviasi.nilai),
                        "prakiraan": hasil_ke_dict(prakiraan.capaian),
                        "metode_prakiraan": prakiraan.metode,
                    },
                )
            )
    _hapus(RingkasanAnggaran, pasangan)
    RingkasanAnggaran.objects.bulk_create(baru, batch_size=1000)
    return len(baru)


# --- which figures a write changes -------------------------------------------------------------


def _dari_baris(indikator_id: int | None) -> set[Kunci]:
    if indikator_id is None:
        return set()
    return {
        (KINERJA, s, t)
        for s, t in IndikatorPerjanjian.objects.filter(pk=indikator_id).values_list(
            "sasaran__perjanjian__satker_id", "sasaran__perjanjian__tahun"
        )
    }


def _dari_pk(**filter_pk) -> set[Kunci]:
    return {
        (KINERJA, s, t)
        for s, t in PerjanjianKinerja.objects.filter(**filter_pk).values_list("satker_id", "tahun")
    }


def _tahun(tanggal: datetime.date | None) -> int | None:
    return None if tanggal is None else tanggal.year


def _satker_tahun(satker_id: int | None, *tahun: int | None) -> set[Kunci]:
    return {(KINERJA, satker_id, t) for t in tahun if satker_id is not None and t is not None}


def _dari_survei(survei_id: int | None) -> set[Kunci]:
    return {
        (KINERJA, s, d.year)
        for s, d in SurveiKepuasan.objects.filter(pk=survei_id).values_list(
            "satker_id", "tanggal_posisi"
        )
    }


def _dari_penilaian(penilaian_id: int | None) -> set[Kunci]:
    return {
        (KINERJA, s, d.year)
        for s, d in PenilaianLayananPublik.objects.filter(pk=penilaian_id).values_list(
            "satker_id", "tanggal"
        )
    }


def _dari_target_renstra(o: TargetRenstra) -> set[Kunci]:
    return {
        (KINERJA, s, t)
        for s, t in IndikatorPerjanjian.objects.filter(
            indikator_renstra_id=o.indikator_id, sasaran__perjanjian__tahun=o.tahun
        )
        .values_list("sasaran__perjanjian__satker_id", "sasaran__perjanjian__tahun")
        .distinct()
    }


def _dari_pedoman(o: IndikatorKinerja) -> set[Kunci]:
    # The definition is in the versions; the indicator's own row carries the code stored
    # with every figure (kode_pedoman), which applies to every year.
    return {
        (KINERJA, s, t)
        for s, t in IndikatorPerjanjian.objects.filter(indikator_id=o.pk)
        .values_list("sasaran__perjanjian__satker_id", "sasaran__perjanjian__tahun")
        .distinct()
    }


def _dari_versi(o: VersiIndikator) -> set[Kunci]:
    """The years a version applies to: from its year until the next version's (the first
    version also covers the years before it). Read while the row is still there on delete."""
    lain = VersiIndikator.objects.filter(indikator_id=o.indikator_id).exclude(pk=o.pk)
    berikutnya = lain.filter(berlaku_mulai__gt=o.berlaku_mulai).order_by("berlaku_mulai").first()
    pertama = not lain.filter(berlaku_mulai__lt=o.berlaku_mulai).exists()
    baris = IndikatorPerjanjian.objects.filter(indikator_id=o.indikator_id)
    if not pertama:
        baris = baris.filter(sasaran__perjanjian__tahun__gte=o.berlaku_mulai)
    if berikutnya is not None:
        baris = baris.filter(sasaran__perjanjian__tahun__lt=berikutnya.berlaku_mulai)
    return {
        (KINERJA, s, t)
        for s, t in baris.values_list(
            "sasaran__perjanjian__satker_id", "sasaran__perjanjian__tahun"
        ).distinct()
    }


def _dari_item(item_id: int | None) -> set[Kunci]:
    return {
        (ANGGARAN, s, t)
        for s, t in ItemAnggaran.objects.filter(pk=item_id).values_list("satker_id", "tahun")
    }


# The inputs of the stored figures, and the (kind, satker, year) a row of each bears on.
# Growth (PNBP, service results) compares a year with the previous one, so a receipt also
# changes the next year's figures; an audit recommendation counts in every later year.
KUNCI: dict[type[models.Model], Callable[[models.Model], set[Kunci]]] = {
    RealisasiTriwulan: lambda o: _dari_baris(o.indikator_id),
    RencanaAksi: lambda o: _dari_baris(o.indikator_id),
    PengukuranPerusahaan: lambda o: _dari_baris(o.indikator_id),
    ButirCapaian: lambda o: _dari_baris(o.indikator_id),
    IndikatorPerjanjian: lambda o: _dari_pk(sasaran__pk=o.sasaran_id),
    SasaranKegiatan: lambda o: _dari_pk(pk=o.perjanjian_id),
    PerjanjianKinerja: lambda o: _satker_tahun(o.satker_id, o.tahun),
    PenerimaanPnbp: lambda o: _satker_tahun(
        o.satker_id, _tahun(o.tanggal_posisi), (_tahun(o.tanggal_posisi) or 0) + 1
    ),
    HasilLayanan: lambda o: _satker_tahun(
        o.satker_id, _tahun(o.tanggal_posisi), (_tahun(o.tanggal_posisi) or 0) + 1
    ),
    BelanjaPdn: lambda o: _satker_tahun(o.satker_id, _tahun(o.tanggal_posisi)),
    SurveiKepuasan: lambda o: _satker_tahun(o.satker_id, _tahun(o.tanggal_posisi)),
    UnsurSurvei: lambda o: _dari_survei(o.survei_id),
    NilaiProfesionalitas: lambda o: _satker_tahun(o.satker_id, _tahun(o.tanggal_posisi)),
    PenilaianLayananPublik: lambda o: _satker_tahun(o.satker_id, _tahun(o.tanggal)),
    AspekLayananPublik: lambda o: _dari_penilaian(o.penilaian_id),
    RekomendasiAudit: lambda o: _dari_pk(satker_id=o.satker_id, tahun__gte=o.tahun_audit),
    NilaiSakip: lambda o: _satker_tahun(o.satker_id, o.tahun),
    NilaiLaporanKeuangan: lambda o: _satker_tahun(o.satker_id, o.tahun),
    TargetRenstra: _dari_target_renstra,
    IndikatorKinerja: _dari_pedoman,
    VersiIndikator: _dari_versi,
    Satker: lambda o: _dari_pk(satker_id=o.pk),
    ItemAnggaran: lambda o: {(ANGGARAN, o.satker_id, o.tahun)},
    ProgresAnggaran: lambda o: _dari_item(o.item_id),
    RealisasiDipa: lambda o: {(ANGGARAN, o.satker_id, o.tahun)},
}


def kunci_objek(obj: models.Model) -> set[Kunci]:
    """The (kind, satker, year) whose figures this row bears on (empty for other models)."""
    fungsi = KUNCI.get(type(obj))
    return fungsi(obj) if fungsi is not None else set()


_BELUM = object()


def _sebelum_simpan(sender, instance, raw=False, **kwargs) -> None:
    # A row moved to another satker or year changes the figures it leaves as well; they are
    # marked with the new ones once the row is saved.
    instance._kunci_hasil_lama = set()
    if raw or instance.pk is None or instance._state.adding:
        return
    # The row as it was, read once: kinerja.jejak (connected first) has read it already.
    lama = getattr(instance, "_jejak_lama", _BELUM)
    if lama is _BELUM:
        lama = sender._base_manager.filter(pk=instance.pk).first()
    if lama is not None:
        instance._kunci_hasil_lama = kunci_objek(lama)


def _setelah_simpan(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        tandai(kunci_objek(instance) | getattr(instance, "_kunci_hasil_lama", set()))


def _sebelum_hapus(sender, instance, **kwargs) -> None:
    # Read before the row (and the rows it hangs on) are gone.
    instance._kunci_hasil = kunci_objek(instance)


def _setelah_hapus(sender, instance, **kwargs) -> None:
    tandai(getattr(instance, "_kunci_hasil", set()))


def hubungkan_sinyal() -> None:
    """Mark the stored figures of every input row saved or deleted (KinerjaConfig.ready)."""
    for model in KUNCI:
        uid = f"hasil-{model._meta.label}"
        pre_save.connect(_sebelum_simpan, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_setelah_simpan, sender=model, dispatch_uid=f"{uid}-post-save")
        pre_delete.connect(_sebelum_hapus, sender=model, dispatch_uid=f"{uid}-pre-delete")
        post_delete.connect(_setelah_hapus, sender=model, dispatch_uid=f"{uid}-post-delete")
