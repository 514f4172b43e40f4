"""What a simulated year holds, read from one run of `buat_simulasi(30)` made once for the
module (the tests only read it): the PK lines and their numbering, Rencana Aksi, quarters the
supporting data confirm, outcomes spread across satker, two years of supporting data, a budget
rolled up without a flag, reporting states with their history, rows that pass full_clean."""

from __future__ import annotations

import datetime
import itertools
import sys
from collections import defaultdict
from decimal import Decimal as D

import pytest
from django.db import transaction

from kinerja import siklus
from kinerja.models import (
    CatatanReviu,
    Dipa,
    HasilLayanan,
    IndikatorPerjanjian,
    NilaiSakip,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PeriodePelaporan,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    SurveiKepuasan,
    UnsurSurvei,
)
from kinerja.selectors import hitung_capaian
from kinerja.selectors.anggaran import pohon_banyak
from kinerja.simulasi.simpan import TautanAnggaran
from satker.choices import JenisSatker
from satker.models import Satker
from tests.kinerja.test_simulasi import (
    MODEL_SATKER,
    TAHUN,
    S,
    buat,
    satker_simulasi_per_keadaan,
    simulasi,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def simulasi_30(django_db_setup, django_db_blocker):
    """`buat(30)` once for the tests that only read what it made: written in a transaction
    around this module's tests (each test runs in a savepoint of it) and rolled back after
    them, so no other module sees it."""
    with django_db_blocker.unblock():
        blok = transaction.atomic()
        blok.__enter__()
        try:
            hasil = buat(30)
        except BaseException:
            blok.__exit__(*sys.exc_info())
            raise
    yield hasil
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        blok.__exit__(None, None, None)


def test_pk_berisi_indikator_pedoman_dengan_penomoran_pk_nyata(simulasi_30, demo):
    for pk in PerjanjianKinerja.objects.filter(satker__simulasi=True).select_related("satker"):
        lines = list(
            IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk)
            .select_related("sasaran", "indikator")
            .order_by("sasaran__nomor", "nomor")
        )
        assert 10 <= len(lines) <= 14
        assert [s.nomor for s in pk.sasaran.order_by("nomor")] == list(range(1, 9))
        assert lines[0].kode == "I.1" and lines[0].indikator.kode == "T3/SP1/c"
        assert {line.indikator.kode for line in lines} >= {"T1/SP3/e", "T1/SP3/d", "T4/SP9/a"}
        assert all(line.satuan == line.indikator.satuan for line in lines)
        assert not any(line.indikator.kode.startswith("LOKAL/") for line in lines)
        pagu = Dipa.objects.get(satker=pk.satker, tahun=TAHUN).pagu_awal
        assert pk.total_anggaran == pagu
        assert pk.pihak_kedua_nama == "Andi Rizaldi" and pk.pihak_pertama_nama
        assert pk.tempat == "Jakarta" and pk.tanggal.year == TAHUN
        target = {line.indikator.kode: line.target for line in lines}
        # Targets in the unit and magnitude of the real PKs.
        assert D(3) <= target["T1/SP3/e"] <= D(10)
        assert D(40) <= target["T1/SP3/d"] <= D(50)
        assert D("3.4") <= target["T2/SP5/b"] <= D("3.6")
        assert D(70) <= target["T4/SP7/a"] <= D(75)


def test_rencana_aksi_empat_triwulan_naik_sampai_100(simulasi_30, demo):
    ra = defaultdict(list)
    for r in RencanaAksi.objects.filter(
        indikator__sasaran__perjanjian__satker__simulasi=True
    ).order_by("triwulan"):
        ra[r.indikator_id].append(r)
    assert (
        len(ra)
        == IndikatorPerjanjian.objects.filter(sasaran__perjanjian__satker__simulasi=True).count()
    )
    for rencana in ra.values():
        assert [r.triwulan for r in rencana] == [1, 2, 3, 4]
        target = [r.target_antara for r in rencana]
        assert target == sorted(target) and target[-1] == 100 and target[0] > 0
        assert all(r.rencana_kegiatan.startswith("- ") for r in rencana)


def test_triwulan_yang_diajukan_lengkap_dan_dikonfirmasi_data_dukung(simulasi_30, demo):
    """Every quarter submitted, returned or verified passes the completeness check a real
    submission passes, and its reported values equal what the supporting data give."""
    keadaan = satker_simulasi_per_keadaan()
    for status in (S.DIAJUKAN, S.DIVERIFIKASI, S.DIKEMBALIKAN):
        for satker, tw in keadaan[status]:
            lines = siklus.lines_satker(satker, TAHUN)
            assert siklus.kelengkapan(satker, TAHUN, tw, lines=lines) == [], (satker, tw)
            for h in hitung_capaian(lines, tw):
                assert not [c for c in h.catatan if "berbeda" in c or "menurun" in c], h.catatan
    for satker, tw in keadaan["terlambat"]:
        assert not RealisasiTriwulan.objects.filter(
            indikator__sasaran__perjanjian__satker=satker, triwulan=tw
        ).exists()


def test_capaian_tersebar_dan_berbeda_antar_satker(simulasi_30, demo):
    capaian = []
    tercapai_per_satker = []
    for satker in simulasi():
        hasil = hitung_capaian(siklus.lines_satker(satker, TAHUN), 4)
        nilai = [h.capaian.nilai for h in hasil if h.capaian.nilai is not None]
        capaian += nilai
        tercapai_per_satker.append(sum(1 for c in nilai if c >= 100) * 100 // len(nilai))
    assert len(capaian) > 300
    tercapai = sum(1 for c in capaian if c >= 100) / len(capaian)
    assert 0.6 < tercapai < 0.9  # most lines on track
    assert sum(1 for c in capaian if 60 <= c < 95) >= 10  # some behind
    assert 3 <= sum(1 for c in capaian if c > 150) < len(capaian) * 0.1  # a few far above
    assert len(set(tercapai_per_satker)) >= 8  # the ranking differs between satker


def test_data_dukung_dua_tahun_dan_skor_eksternal(simulasi_30, demo):
    for satker in simulasi():
        pnbp_tahun = set(
            PenerimaanPnbp.objects.filter(satker=satker).values_list(
                "tanggal_posisi__year", flat=True
            )
        )
        assert pnbp_tahun == {TAHUN - 1, TAHUN}
        assert PenerimaanPnbp.objects.filter(
            satker=satker, tanggal_posisi=datetime.date(TAHUN - 1, 12, 31)
        ).exists()
        assert (
            HasilLayanan.objects.filter(satker=satker).exists()
            == IndikatorPerjanjian.objects.filter(
                sasaran__perjanjian__satker=satker, indikator__kode="T1/SP3/f"
            ).exists()
        )
        assert NilaiSakip.objects.filter(satker=satker, tahun=TAHUN).count() == 1
        assert SurveiKepuasan.objects.filter(satker=satker).exists()
        assert RekomendasiAudit.objects.filter(satker=satker, tahun_audit=TAHUN).count() >= 4
    # The survey has its nine elements, each 1..4.
    assert set(UnsurSurvei.objects.values_list("nomor", flat=True)) == set(range(1, 10))
    assert all(D(1) <= n <= D(4) for n in UnsurSurvei.objects.values_list("nilai", flat=True))


def test_anggaran_pagu_di_daun_progres_kumulatif_dalam_pagu(simulasi_30, demo):
    kunci = [(s.pk, TAHUN) for s in simulasi()]
    for (satker_id, _), nodes in pohon_banyak(kunci).items():
        satker = Satker.objects.get(pk=satker_id)
        items = [n.item for n in nodes.values()]
        induk = {i.induk_id for i in items}
        daun = [i for i in items if i.pk not in induk]
        assert all(i.pagu is None for i in items if i.pk in induk)
        assert all(i.pagu and i.pagu > 0 and i.pagu % 1000 == 0 for i in daun)
        pagu = sum(i.pagu for i in daun)
        assert pagu == Dipa.objects.get(satker_id=satker_id, tahun=TAHUN).pagu_awal
        if satker.jenis == JenisSatker.BALAI:
            assert 5 * 10**9 <= pagu <= 15 * 10**9
        else:
            assert 15 * 10**9 <= pagu <= 60 * 10**9
        # The application's own roll-up flags nothing: no realisation above pagu, none falling.
        assert [c for n in nodes.values() for c in n.hasil.catatan] == []
        for n in nodes.values():
            if n.item.tingkat == "ro":
                progres = list(n.item.progres.order_by("bulan"))
                assert progres, n.item.kode_lengkap
                assert {p.bulan for p in progres} <= {3, 6, 9, 12}
                for a, b in itertools.pairwise(progres):
                    assert a.realisasi_keuangan_rp <= b.realisasi_keuangan_rp
                    assert a.rencana_keuangan <= b.rencana_keuangan
                    assert a.realisasi_fisik <= b.realisasi_fisik
                for p in progres:
                    assert p.realisasi_keuangan is None  # rupiah only, the % is derived
                    assert 0 <= p.realisasi_keuangan_rp <= n.hasil.pagu
                    assert p.bulan != 12 or p.rencana_keuangan == 100


def test_sebagian_satker_menyerap_anggaran_di_bawah_rencana(simulasi_30, demo):
    kunci = [(s.pk, TAHUN) for s in simulasi()]
    selisih = []
    for nodes in pohon_banyak(kunci, bulan=(6,)).values():
        akar = [n for n in nodes.values() if n.item.induk_id is None]
        posisi = [n.hasil.posisi[6] for n in akar]
        if all(p.realisasi_rp is not None for p in posisi):
            selisih.append(sum(p.realisasi_rp for p in posisi) / sum(p.rencana_rp for p in posisi))
    assert sum(1 for s in selisih if s < 0.9) >= 2
    assert sum(1 for s in selisih if s >= 0.95) >= 10


def test_keadaan_pelaporan_tersebar_dengan_riwayatnya(simulasi_30, demo):
    hasil = simulasi_30
    keadaan = satker_simulasi_per_keadaan()
    assert {k: len(v) for k, v in keadaan.items()}.keys() == {
        S.DRAF, S.DIAJUKAN, S.DIKEMBALIKAN, S.DIVERIFIKASI, "terlambat",
    }  # fmt: skip
    assert sum(len(v) for v in keadaan.values()) == 28 * 4
    awal = [tw for _, tw in keadaan[S.DIVERIFIKASI] if tw < 4]
    assert len(awal) >= 0.8 * 28 * 3  # earlier quarters mostly verified
    # The last quarter is mixed: every state is there.
    assert {k for k, v in keadaan.items() if any(tw == 4 for _, tw in v)} == set(keadaan)
    assert hasil.keadaan[4]["diverifikasi"] <= 28 // 2
    acuan = hasil.tanggal_acuan
    for lap in PelaporanTriwulan.objects.filter(satker__simulasi=True):
        aksi = list(lap.peristiwa.order_by("waktu").values_list("aksi", flat=True))
        if lap.status == S.DIVERIFIKASI:
            assert aksi[0] == "diajukan" and aksi[-1] == "diverifikasi"
        elif lap.status == S.DIAJUKAN:
            assert aksi[-1] == "diajukan"
        elif lap.status == S.DIKEMBALIKAN:
            assert aksi[-1] == "dikembalikan"
            assert lap.catatan_reviu.filter(diselesaikan__isnull=True).exists()
        else:
            assert aksi == []
        assert lap.diperbarui.date() <= acuan
        assert all(w.date() <= acuan for w in lap.peristiwa.values_list("waktu", flat=True))
    # A quarter returned once and verified later has its notes resolved.
    assert CatatanReviu.objects.filter(
        pelaporan__status=S.DIVERIFIKASI, diselesaikan__isnull=False
    ).exists()
    periode = PeriodePelaporan.objects.filter(tahun=TAHUN).order_by("triwulan")
    assert [p.batas for p in periode] == [
        datetime.date(2023, 4, 20), datetime.date(2023, 7, 20), datetime.date(2023, 10, 20),
        datetime.date(2024, 1, 20),
    ]  # fmt: skip


def test_sampel_baris_lolos_full_clean(simulasi_30, demo):
    """A sample of every model's simulated rows passes the models' validation (fields,
    constraints, clean()). `oleh` is left out: no user is created, so the history names none,
    as after a user is deleted (on_delete=SET_NULL)."""
    for model in MODEL_SATKER:
        if model is TautanAnggaran:
            continue
        jalur = "simulasi" if model is Satker else f"{MODEL_SATKER[model]}__simulasi"
        sampel = list(model.objects.filter(**{jalur: True}).order_by("pk")[:40])
        assert sampel, model
        for obj in sampel:
            kode = getattr(obj, "kode_lengkap", None)
            obj.full_clean(exclude=["oleh"])
            assert getattr(obj, "kode_lengkap", None) == kode
