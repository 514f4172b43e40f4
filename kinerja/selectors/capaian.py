"""Gathering the inputs of the computation for PK lines: every supporting record that bears
on them, in a bounded number of queries whatever the number of lines, turned into the plain
values kinerja.perhitungan takes."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from django.conf import settings

from kinerja import perubahan
from kinerja.choices import ArahPengukuran, DataDukung, SatuanHasilLayanan, StatusTindakLanjut
from kinerja.models import (
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    IndikatorPerjanjian,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    SurveiKepuasan,
    TargetRenstra,
)
from kinerja.models.hasil import SETAHUN, HasilPerhitungan
from kinerja.perhitungan import Ambang, HasilBaris, Konfigurasi, Pembulatan, hitung_baris
from kinerja.perhitungan import baris as pb
from kinerja.perhitungan.dasar import ringkas
from kinerja.perhitungan.metode import BarisPdn, Pengukuran
from kinerja.perhitungan.serial import baris_dari_dict
from kinerja.selectors.pedoman import ambang_versi, definisi_baris


def konfigurasi() -> Konfigurasi:
    """The computation settings (settings.KINERJA): rounding, status thresholds, the
    capaian above which a target is flagged as not challenging."""
    conf = getattr(settings, "KINERJA", {})
    return Konfigurasi(
        pembulatan=Pembulatan.dari_nama(
            conf.get("PEMBULATAN", "ROUND_HALF_UP"), conf.get("DESIMAL", 2)
        ),
        ambang=Ambang(
            tercapai=Decimal(str(conf.get("AMBANG_TERCAPAI", 100))),
            perlu_perhatian=Decimal(str(conf.get("AMBANG_PERLU_PERHATIAN", 75))),
        ),
        batas_capaian_tinggi=Decimal(str(conf.get("BATAS_CAPAIAN_TINGGI", 150))),
    )


# The version of the computation's rules and of the stored figures' shape: raised when a rule
# changes what a stored figure would be (2: the progress and capaian statuses are stored
# apart), so that the figures stored before are computed afresh instead of being read.
VERSI_ATURAN = 2


def sidik_konfigurasi(k: Konfigurasi) -> str:
    """The settings a stored figure was computed with, as one string: a figure stored under
    other settings, or under an earlier version of the rules, is not read (it is computed
    afresh until `hitung_ulang` stores it)."""
    akun = hashlib.sha1(",".join(sorted(k.akun_p3dn)).encode()).hexdigest()[:8]
    return (
        f"v{VERSI_ATURAN}/{k.pembulatan.mode}/{k.pembulatan.desimal}/{k.ambang.tercapai}/"
        f"{k.ambang.perlu_perhatian}/{k.batas_capaian_tinggi}/{akun}"
    )


def hitung_capaian(
    lines: Iterable[IndikatorPerjanjian], triwulan: int | None = None
) -> list[HasilBaris]:
    """The figures of each PK line for a quarter (or the year): realisasi from the supporting
    data or the reported values, capaian, progress, status and flags, as stored by
    kinerja/hasil.py (one query). A line without stored figures, or whose satker's inputs
    changed in the writes still open in this thread, is computed afresh.

    `lines` must come from a queryset already scoped to the user, with `sasaran__perjanjian`
    and `indikator` selected."""
    lines = list(lines)
    if not lines:
        return []
    basi = {(s, t) for jenis, s, t in perubahan.tertunda() if jenis == perubahan.KINERJA}
    segar = {
        line.pk
        for line in lines
        if (line.sasaran.perjanjian.satker_id, line.sasaran.perjanjian.tahun) in basi
    }
    tersimpan = {}
    if dibaca := [line.pk for line in lines if line.pk not in segar]:
        tersimpan = {
            indikator_id: data
            for indikator_id, data in HasilPerhitungan.objects.filter(
                indikator_id__in=dibaca,
                triwulan=triwulan or SETAHUN,
                konfigurasi=sidik_konfigurasi(konfigurasi()),
            ).values_list("indikator_id", "data")
        }
    kurang = [line for line in lines if line.pk not in tersimpan]
    dihitung = dict(zip([x.pk for x in kurang], hitung_segar(kurang, triwulan), strict=True))
    return [
        baris_dari_dict(tersimpan[line.pk]) if line.pk in tersimpan else dihitung[line.pk]
        for line in lines
    ]


def hitung_segar(
    lines: Iterable[IndikatorPerjanjian], triwulan: int | None = None
) -> list[HasilBaris]:
    """The figures of each PK line computed now from its inputs (what is stored, and what a
    stored figure is compared with). Same contract as `hitung_capaian`; the supporting data
    read are those of the lines' satker only."""
    lines = list(lines)
    if not lines:
        return []
    masukan = masukan_baris(lines)
    k = konfigurasi()
    return [hitung_baris(masukan[line.pk], triwulan, k) for line in lines]


def masukan_baris(lines: Sequence[IndikatorPerjanjian]) -> dict[int, pb.MasukanBaris]:
    """The computation's inputs of each line, read in a bounded number of queries; the
    definition is the manual's version that applies to the line's year."""
    ids = [line.pk for line in lines]
    satker_ids = {line.sasaran.perjanjian.satker_id for line in lines}
    tahun = {line.sasaran.perjanjian.tahun for line in lines}
    definisi = definisi_baris(lines)
    sumber = {v.data_dukung for v in definisi.values()}
    umum = konfigurasi().ambang

    ra = _prefetched_or_query(lines, "rencana_aksi", RencanaAksi)
    realisasi = _prefetched_or_query(lines, "realisasi", RealisasiTriwulan)
    target_renstra = {
        (t.indikator_id, t.tahun): t.target
        for t in TargetRenstra.objects.filter(
            indikator_id__in={line.indikator_renstra_id for line in lines}, tahun__in=tahun
        )
    }
    data_satker = _data_satker(satker_ids, tahun, sumber)
    data_baris = _data_baris(ids, sumber)

    hasil = {}
    for line in lines:
        pk = line.sasaran.perjanjian
        per_tw_ra = {r.triwulan: r for r in ra[line.pk]}
        per_tw_real = {r.triwulan: r for r in realisasi[line.pk]}
        versi = definisi[line.pk]
        hasil[line.pk] = pb.MasukanBaris(
            satker=pk.satker.kode or pk.satker.singkatan,
            kode=line.kode,
            sasaran=line.sasaran.uraian,
            indikator=line.uraian,
            satuan=line.satuan,
            target=ringkas(line.target),
            tahun=pk.tahun,
            klasifikasi=versi.klasifikasi,
            rumus_minimasi=versi.rumus_minimasi,
            data_dukung=versi.data_dukung,
            agregasi_triwulan=versi.agregasi_triwulan,
            versi=versi.berlaku_mulai,
            ambang=None
            if versi.ambang_tercapai is None and versi.ambang_perlu_perhatian is None
            else ambang_versi(versi, umum),
            target_antara=tuple(
                _opsional(per_tw_ra[t].target_antara) if t in per_tw_ra else None
                for t in range(1, 5)
            ),
            realisasi_antara=tuple(
                _opsional(per_tw_real[t].realisasi_antara) if t in per_tw_real else None
                for t in range(1, 5)
            ),
            dilaporkan=tuple(
                _opsional(per_tw_real[t].nilai_realisasi) if t in per_tw_real else None
                for t in range(1, 5)
            ),
            target_renstra=_opsional(target_renstra.get((line.indikator_renstra_id, pk.tahun))),
            data=pb.DataDukung(**data_satker.get(pk.satker_id, {}), **data_baris.get(line.pk, {})),
        )
    return hasil


def _data_satker(
    satker_ids: set[int], tahun: set[int], sumber: set[str]
) -> dict[int, dict[str, tuple]]:
    """The satker-level supporting data of the years concerned (and the previous years, for
    growth), one query per source the lines actually use."""
    data: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    tahun_ini = {"tanggal_posisi__year__in": tahun}
    dengan_lalu = {"tanggal_posisi__year__in": tahun | {t - 1 for t in tahun}}
    base = {"satker_id__in": satker_ids}

    if DataDukung.PNBP_LAYANAN in sumber:
        for p in PenerimaanPnbp.objects.filter(**base, **dengan_lalu):
            data[p.satker_id]["pnbp"].append(pb.Posisi(p.tanggal_posisi, p.jumlah, p.layanan))
    if {DataDukung.HASIL_LAYANAN, DataDukung.ORDER_LAYANAN} & sumber:
        for h in HasilLayanan.objects.filter(**base, **dengan_lalu):
            kunci = "order_layanan" if h.satuan == SatuanHasilLayanan.SPK_ORDER else "hasil_layanan"
            data[h.satker_id][kunci].append(pb.Posisi(h.tanggal_posisi, h.jumlah))
    if DataDukung.BELANJA_PDN in sumber:
        for b in BelanjaPdn.objects.filter(**base, **tahun_ini):
            data[b.satker_id]["pdn"].append(
                pb.PdnBertanggal(
                    b.tanggal_posisi,
                    BarisPdn(b.akun, b.pagu, b.realisasi_pdn, b.realisasi_tkdn, b.realisasi_impor),
                )
            )
    if DataDukung.SURVEI_KEPUASAN in sumber:
        for s in SurveiKepuasan.objects.filter(**base, **tahun_ini).prefetch_related("unsur"):
            data[s.satker_id]["survei"].append(
                pb.Survei(s.tanggal_posisi, tuple((u.nama, u.nilai) for u in s.unsur.all()))
            )
    if DataDukung.PROFESIONALITAS_ASN in sumber:
        for n in NilaiProfesionalitas.objects.filter(**base, **tahun_ini):
            data[n.satker_id]["profesionalitas"].append(
                pb.NilaiPegawai(
                    n.tanggal_posisi,
                    n.pegawai,
                    tuple(ringkas(v) for v in (n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin)),
                )
            )
    if DataDukung.LAYANAN_PUBLIK in sumber:
        penilaian = PenilaianLayananPublik.objects.filter(**base, tanggal__year__in=tahun)
        for lp in penilaian.prefetch_related("aspek"):
            data[lp.satker_id]["layanan_publik"].append(
                pb.PenilaianAspek(
                    lp.tanggal,
                    tuple((a.nama, a.indeks, ringkas(a.bobot)) for a in lp.aspek.all()),
                )
            )
    if DataDukung.REKOMENDASI_AUDIT in sumber:
        for r in RekomendasiAudit.objects.filter(**base, tahun_audit__lte=max(tahun)):
            data[r.satker_id]["rekomendasi"].append(
                pb.Rekomendasi(
                    r.tahun_audit, r.status == StatusTindakLanjut.SELESAI, r.tanggal_selesai
                )
            )
    if DataDukung.NILAI_SAKIP in sumber:
        for s in NilaiSakip.objects.filter(**base, tahun__in=tahun):
            data[s.satker_id]["sakip"].append(
                pb.Skor(
                    tanggal=s.tanggal,
                    komponen=s.komponen,
                    total_tercetak=s.total_dilaporkan,
                    predikat=s.predikat,
                )
            )
    if DataDukung.NILAI_LAPORAN_KEUANGAN in sumber:
        for n in NilaiLaporanKeuangan.objects.filter(**base, tahun__in=tahun):
            data[n.satker_id]["laporan_keuangan"].append(pb.Skor(tanggal=n.tanggal, nilai=n.nilai))
    return {s: {k: tuple(v) for k, v in d.items()} for s, d in data.items()}


def _data_baris(ids: list[int], sumber: set[str]) -> dict[int, dict[str, tuple]]:
    """The supporting data claimed for the lines themselves."""
    data: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    if DataDukung.PENGUKURAN_PERUSAHAAN in sumber:
        for u in PengukuranPerusahaan.objects.filter(indikator_id__in=ids):
            data[u.indikator_id]["pengukuran"].append(
                pb.PengukuranBertanggal(
                    u.tanggal,
                    Pengukuran(
                        perusahaan=u.perusahaan,
                        sebelum=ringkas(u.nilai_sebelum),
                        sesudah=ringkas(u.nilai_sesudah),
                        efisiensi=u.arah == ArahPengukuran.EFISIENSI,
                    ),
                )
            )
    if DataDukung.BUTIR_CAPAIAN in sumber:
        for b in ButirCapaian.objects.filter(indikator_id__in=ids):
            data[b.indikator_id]["butir"].append(pb.Butir(b.tanggal, b.uraian, b.jumlah))
    return {i: {k: tuple(v) for k, v in d.items()} for i, d in data.items()}


def _prefetched_or_query(lines: Sequence[IndikatorPerjanjian], relation: str, model) -> dict:
    """The lines' related rows, from their prefetch cache when a page already loaded them,
    else in one query."""
    if all(relation in getattr(line, "_prefetched_objects_cache", {}) for line in lines):
        return {line.pk: list(getattr(line, relation).all()) for line in lines}
    return _per_baris(model.objects.filter(indikator_id__in=[line.pk for line in lines]))


def _per_baris(queryset) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for obj in queryset:
        grouped[obj.indikator_id].append(obj)
    return grouped


def _opsional(nilai: Decimal | None) -> Decimal | None:
    return None if nilai is None else ringkas(nilai)


def hitung_pratinjau(
    line: IndikatorPerjanjian,
    triwulan: int,
    realisasi_antara: Decimal | None,
    nilai_realisasi: Decimal | None,
    *,
    ganti_nilai: bool = True,
) -> HasilBaris:
    """The line's figures for `triwulan` as if its measurement held the values being typed
    (nothing is saved): what the entry form shows while the user types. `ganti_nilai=False`:
    the form offers no value (a line computed from supporting data); the stored one stays."""
    masukan = masukan_baris([line])[line.pk]
    i = triwulan - 1

    def ganti(nilai: tuple, baru: Decimal | None) -> tuple:
        return (*nilai[:i], _opsional(baru), *nilai[i + 1 :])

    masukan = replace(
        masukan,
        realisasi_antara=ganti(masukan.realisasi_antara, realisasi_antara),
        dilaporkan=(
            ganti(masukan.dilaporkan, nilai_realisasi) if ganti_nilai else masukan.dilaporkan
        ),
    )
    return hitung_baris(masukan, triwulan, konfigurasi())
