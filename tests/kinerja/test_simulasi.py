"""The simulated data of `manage.py buat_simulasi`: it fills every satker without data and
adds simulated ones up to N, never touches the real satker, gives each a complete year that
the application's own rules accept (Rencana Aksi, measurements the supporting data confirm,
budget rolled up without a flag, reporting states with their history), and is deterministic
and idempotent."""

from __future__ import annotations

import datetime
import io
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, models, transaction

from kinerja import siklus
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    CatatanReviu,
    Dipa,
    HasilLayanan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    IndikatorRenstra,
    ItemAnggaran,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerjanjianKinerja,
    PerpanjanganPeriode,
    ProgresAnggaran,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    RevisiDipa,
    SasaranKegiatan,
    SasaranRenstra,
    StatusPelaporan,
    SurveiKepuasan,
    UnsurSurvei,
)
from kinerja.selectors import hitung_capaian
from kinerja.selectors.anggaran import pohon_banyak
from kinerja.simulasi import KODE_SATKER_NYATA, SimulasiError, buat_simulasi
from kinerja.simulasi.simpan import TautanAnggaran
from satker.choices import JenisSatker
from satker.models import Pengguna, Satker, UnitEselonI

pytestmark = pytest.mark.django_db

TAHUN = 2023
S = StatusPelaporan

# Every model the simulation writes, with the path from it to its satker.
MODEL_SATKER = {
    Satker: "pk",
    PerjanjianKinerja: "satker",
    SasaranKegiatan: "perjanjian__satker",
    IndikatorPerjanjian: "sasaran__perjanjian__satker",
    RencanaAksi: "indikator__sasaran__perjanjian__satker",
    RealisasiTriwulan: "indikator__sasaran__perjanjian__satker",
    PengukuranPerusahaan: "indikator__sasaran__perjanjian__satker",
    ButirCapaian: "indikator__sasaran__perjanjian__satker",
    TautanAnggaran: "indikatorperjanjian__sasaran__perjanjian__satker",
    Dipa: "satker",
    RevisiDipa: "dipa__satker",
    ItemAnggaran: "satker",
    ProgresAnggaran: "item__satker",
    PenerimaanPnbp: "satker",
    HasilLayanan: "satker",
    BelanjaPdn: "satker",
    SurveiKepuasan: "satker",
    UnsurSurvei: "survei__satker",
    NilaiProfesionalitas: "satker",
    PenilaianLayananPublik: "satker",
    AspekLayananPublik: "penilaian__satker",
    RekomendasiAudit: "satker",
    NilaiSakip: "satker",
    NilaiLaporanKeuangan: "satker",
    PelaporanTriwulan: "satker",
    PeristiwaPelaporan: "pelaporan__satker",
    CatatanReviu: "pelaporan__satker",
    PerpanjanganPeriode: "satker",
}
# Natural keys of the rows others point to: a dump without database ids.
KUNCI = {
    Satker: ("nama",),
    UnitEselonI: ("kode",),
    Pengguna: ("username",),
    IndikatorKinerja: ("kode",),
    PerjanjianKinerja: ("satker__nama", "tahun"),
    SasaranKegiatan: ("perjanjian__satker__nama", "perjanjian__tahun", "nomor"),
    IndikatorPerjanjian: (
        *tuple(f"sasaran__{k}" for k in ("perjanjian__satker__nama", "perjanjian__tahun", "nomor")),
        "nomor",
    ),
    SasaranRenstra: ("renstra__tingkat", "renstra__satker__nama", "renstra__tahun_awal", "kode"),
    IndikatorRenstra: (
        *tuple(
            f"sasaran__{k}"
            for k in ("renstra__tingkat", "renstra__satker__nama", "renstra__tahun_awal", "kode")
        ),
        "nomor",
    ),
    ItemAnggaran: ("satker__nama", "tahun", "kode_lengkap"),
    Dipa: ("satker__nama", "tahun"),
    SurveiKepuasan: ("satker__nama", "tanggal_posisi"),
    PenilaianLayananPublik: ("satker__nama", "tanggal"),
    PelaporanTriwulan: ("satker__nama", "tahun", "triwulan"),
    PeriodePelaporan: ("tahun", "triwulan"),
}


def isi_tabel(model: type[models.Model], satker: models.QuerySet) -> list[str]:
    """The rows of `model` belonging to `satker`, every field, foreign keys by natural key."""
    kolom = []
    for f in model._meta.concrete_fields:
        if f.primary_key:
            continue
        if f.is_relation:
            kolom += [f"{f.name}__{k}" for k in KUNCI[f.related_model]]
        else:
            kolom.append(f.attname)
    qs = model.objects.filter(**{f"{MODEL_SATKER[model]}__in": satker})
    return sorted(repr(r) for r in qs.values_list(*kolom))


def isi(satker: models.QuerySet) -> dict[str, list[str]]:
    """A canonical dump of the satker's rows in every table the simulation writes."""
    return {m._meta.label: isi_tabel(m, satker) for m in MODEL_SATKER}


def simulasi() -> models.QuerySet:
    return Satker.objects.filter(simulasi=True)


def nyata() -> models.QuerySet:
    return Satker.objects.filter(kode__in=KODE_SATKER_NYATA)


def buat(n: int = 30, seed: int = 1, tahun: int = TAHUN):
    return buat_simulasi(jumlah_satker=n, tahun=tahun, seed=seed)


@contextmanager
def dibatalkan() -> Iterator[None]:
    """Run a simulation in a savepoint that is rolled back: a fresh start for the next."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def satker_simulasi_per_keadaan() -> dict[str, list[tuple[Satker, int]]]:
    """(satker, quarter) by the state a user sees at the simulation's reference date: late is
    a draft whose deadline (with any extension) has passed and that was never submitted."""
    periode = {p.triwulan: p for p in PeriodePelaporan.objects.filter(tahun=TAHUN)}
    acuan = periode[4].batas + datetime.timedelta(days=5)
    perpanjangan = {
        (p.satker_id, p.periode.triwulan): p.batas
        for p in PerpanjanganPeriode.objects.filter(periode__tahun=TAHUN)
    }
    hasil = defaultdict(list)
    for lap in PelaporanTriwulan.objects.filter(satker__simulasi=True, tahun=TAHUN).select_related(
        "satker"
    ):
        keadaan = lap.status
        if lap.status == S.DRAF:
            batas = perpanjangan.get((lap.satker_id, lap.triwulan), periode[lap.triwulan].batas)
            keadaan = "terlambat" if batas < acuan else "draf"
        hasil[keadaan].append((lap.satker, lap.triwulan))
    return hasil


# --- who is filled, who is created, who is left alone ----------------------------------------


def test_mengisi_roster_lalu_menambah_satker_simulasi_sampai_n(demo):
    roster = {s.nama: s for s in Satker.objects.exclude(kode__in=KODE_SATKER_NYATA)}
    identitas = {n: (s.kode, s.singkatan, s.kota, s.kepala_nama) for n, s in roster.items()}

    hasil = buat(30)

    assert Satker.objects.count() == 30
    assert hasil.satker_diisi == 22 and hasil.satker_baru == 6
    baru = Satker.objects.filter(nama__startswith="Satker Simulasi").order_by("nama")
    assert [s.nama for s in baru] == [f"Satker Simulasi {i:04d}" for i in range(1, 7)]
    assert [s.singkatan for s in baru] == [f"Simulasi {i:04d}" for i in range(1, 7)]
    assert all(900000 <= int(s.kode) <= 999999 for s in baru)
    assert len({s.kode for s in baru}) == 6
    assert all(s.jenis in JenisSatker.values and s.kota and s.provinsi for s in baru)
    # Every satker but the two real ones is marked, and each has exactly its one PK.
    assert set(simulasi().values_list("nama", flat=True)) == set(roster) | {s.nama for s in baru}
    assert not nyata().filter(simulasi=True).exists()
    assert sorted(hasil.dibuat) == sorted((s.pk, TAHUN) for s in simulasi())
    assert PerjanjianKinerja.objects.filter(tahun=TAHUN, satker__simulasi=True).count() == 28
    # A roster satker keeps its identity: no invented code, head or city.
    for s in Satker.objects.filter(nama__in=roster):
        assert (s.kode, s.singkatan, s.kota, s.kepala_nama) == identitas[s.nama]


def test_satker_nyata_dan_nilai_eksternal_roster_tidak_berubah(demo):
    sebelum = isi(nyata())
    roster = Satker.objects.filter(
        pk__in=list(Satker.objects.exclude(kode__in=KODE_SATKER_NYATA).values_list("pk", flat=True))
    )
    skor = [isi_tabel(m, roster) for m in (NilaiSakip, NilaiLaporanKeuangan)]

    buat(30)

    assert isi(nyata()) == sebelum
    assert sebelum["kinerja.PerjanjianKinerja"] and sebelum["kinerja.RealisasiTriwulan"]
    # The roster's real 2023 scores are kept as they are (and used by their lines); a roster
    # satker without a financial-report score gets a simulated one, the new satker both.
    sesudah = [isi_tabel(m, roster) for m in (NilaiSakip, NilaiLaporanKeuangan)]
    assert sesudah[0] == skor[0]
    assert set(skor[1]) < set(sesudah[1]) and len(sesudah[1]) == 22
    assert NilaiSakip.objects.filter(tahun=TAHUN).count() == 24 + 6


def test_satker_berdata_tahun_ini_atau_data_nyata_lain_dilewati(demo):
    aceh = Satker.objects.get(singkatan="BSPJI Aceh")
    medan = Satker.objects.get(singkatan="BSPJI Medan")
    kepala = ("Kepala", "Kepala Balai")
    for satker, tahun in ((aceh, TAHUN), (medan, 2022)):
        PerjanjianKinerja.objects.create(
            satker=satker, tahun=tahun, pihak_pertama_nama=kepala[0],
            pihak_pertama_jabatan=kepala[1], pihak_kedua_nama="Andi Rizaldi",
            pihak_kedua_jabatan="Kepala BSKJI",
        )  # fmt: skip
    sebelum = isi(Satker.objects.filter(pk__in=[aceh.pk, medan.pk]))

    hasil = buat(30)

    assert hasil.dilewati == Counter(
        {
            "satker dengan data nyata (Manado, Pekanbaru)": 2,
            f"sudah memiliki data tahun {TAHUN}": 1,
            "memiliki data nyata tahun lain": 1,
        }
    )
    assert isi(Satker.objects.filter(pk__in=[aceh.pk, medan.pk])) == sebelum
    assert Satker.objects.count() == 30 and hasil.satker_diisi == 20 and hasil.satker_baru == 6


# --- deterministic, idempotent, incremental --------------------------------------------------


def test_seed_sama_memberi_isi_sama_dan_seed_lain_angka_lain(demo):
    def nama_kode() -> list[tuple[str, str | None]]:
        return list(simulasi().order_by("nama").values_list("nama", "kode"))

    with dibatalkan():
        buat(30, seed=7)
        pertama, identitas = isi(simulasi()), nama_kode()
    with dibatalkan():
        buat(30, seed=7)
        kedua = isi(simulasi())
    with dibatalkan():
        buat(30, seed=8)
        lain, identitas_lain = isi(simulasi()), nama_kode()

    assert pertama == kedua
    assert sum(len(v) for v in pertama.values()) > 10_000
    # Names and codes depend on the number only; the figures on the seed.
    assert identitas == identitas_lain
    for tabel in (
        "kinerja.IndikatorPerjanjian", "kinerja.RealisasiTriwulan", "kinerja.ItemAnggaran",
        "kinerja.PenerimaanPnbp", "kinerja.ProgresAnggaran", "kinerja.PelaporanTriwulan",
    ):  # fmt: skip
        assert pertama[tabel] != lain[tabel], tabel


def test_dijalankan_ulang_tidak_membuat_atau_mengubah_apa_pun(demo, django_assert_max_num_queries):
    buat(30)
    sebelum = isi(Satker.objects.all())
    periode = list(PeriodePelaporan.objects.values_list("tahun", "triwulan", "batas", "dibuka"))

    with django_assert_max_num_queries(25):
        kedua = buat(30)

    assert kedua.dibuat == [] and kedua.jumlah_baris == 0
    assert kedua.dilewati[f"sudah memiliki data tahun {TAHUN}"] == 28
    assert isi(Satker.objects.all()) == sebelum
    assert (
        list(PeriodePelaporan.objects.values_list("tahun", "triwulan", "batas", "dibuka"))
        == periode
    )


def test_n_lebih_besar_hanya_menambah_satker_yang_kurang(demo):
    with dibatalkan():
        buat(30)
        sekaligus = isi(simulasi())
    buat(26)
    nama_26 = list(simulasi().values_list("nama", flat=True))
    kecil = isi(simulasi())

    hasil = buat(30)

    assert hasil.satker_baru == 4 and hasil.satker_diisi == 0
    assert sorted(Satker.objects.get(pk=pk).nama for pk, _ in hasil.dibuat) == [
        f"Satker Simulasi {i:04d}" for i in (3, 4, 5, 6)
    ]
    # The satker made first are as they were; all together are what one run of 30 makes.
    assert isi(Satker.objects.filter(nama__in=nama_26)) == kecil
    assert isi(simulasi()) == sekaligus


# --- a complete, plausible year ------------------------------------------------------------


def test_pk_berisi_indikator_pedoman_dengan_penomoran_pk_nyata(demo):
    buat(30)
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


def test_rencana_aksi_empat_triwulan_naik_sampai_100(demo):
    buat(30)
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


def test_triwulan_yang_diajukan_lengkap_dan_dikonfirmasi_data_dukung(demo):
    """Every quarter submitted, returned or verified passes the completeness check a real
    submission passes, and its reported values equal what the supporting data give."""
    buat(30)
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


def test_capaian_tersebar_dan_berbeda_antar_satker(demo):
    buat(30)
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


def test_data_dukung_dua_tahun_dan_skor_eksternal(demo):
    buat(30)
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


def test_anggaran_pagu_di_daun_progres_kumulatif_dalam_pagu(demo):
    buat(30)
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


def test_sebagian_satker_menyerap_anggaran_di_bawah_rencana(demo):
    buat(30)
    kunci = [(s.pk, TAHUN) for s in simulasi()]
    selisih = []
    for nodes in pohon_banyak(kunci, bulan=(6,)).values():
        akar = [n for n in nodes.values() if n.item.induk_id is None]
        posisi = [n.hasil.posisi[6] for n in akar]
        if all(p.realisasi_rp is not None for p in posisi):
            selisih.append(sum(p.realisasi_rp for p in posisi) / sum(p.rencana_rp for p in posisi))
    assert sum(1 for s in selisih if s < 0.9) >= 2
    assert sum(1 for s in selisih if s >= 0.95) >= 10


# --- the reporting cycle ---------------------------------------------------------------------


def test_keadaan_pelaporan_tersebar_dengan_riwayatnya(demo):
    hasil = buat(30)
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


# --- every row as the models' rules want it --------------------------------------------------


def test_sampel_baris_lolos_full_clean(demo):
    """A sample of every model's simulated rows passes the models' validation (fields,
    constraints, clean()). `oleh` is left out: no user is created, so the history names none,
    as after a user is deleted (on_delete=SET_NULL)."""
    buat(30)
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


def test_jumlah_kueri_tidak_tumbuh_per_baris(demo, django_assert_max_num_queries):
    """Rows are written in bulk per batch of satker, and their figures computed per batch of
    50 satker-years: 100 satker (about 45.000 rows) in a bounded number of queries."""
    # SQLite takes fewer rows per INSERT (its limit on query parameters).
    with django_assert_max_num_queries(250 if connection.vendor == "postgresql" else 700):
        hasil = buat(100)
    assert hasil.jumlah_baris > 40_000


# --- arguments and the command ---------------------------------------------------------------


def test_argumen_salah_ditolak_dengan_pesan_jelas(demo):
    with pytest.raises(SimulasiError, match="lebih kecil daripada jumlah satker yang sudah ada"):
        buat(10)
    with pytest.raises(SimulasiError, match="di luar rentang tahun Renstra"):
        buat(30, tahun=1999)
    with pytest.raises(CommandError, match=r"tidak ada yang diubah\): --tahun 2101"):
        call_command("buat_simulasi", satker=30, tahun=2101)
    assert not simulasi().exists()


def test_perintah_mencetak_kemajuan_dan_ringkasan(demo):
    keluaran = io.StringIO()
    call_command("buat_simulasi", "--satker", "74", "--tahun", "2023", stdout=keluaran)
    teks = keluaran.getvalue()
    assert "satker 50/72 (69%)" in teks and "satker 72/72 (100%)" in teks
    assert "22 satker diisi, 50 satker simulasi baru" in teks
    assert "Triwulan 4:" in teks and "kini 74 satker" in teks

    ulang = io.StringIO()
    call_command("buat_simulasi", "--satker", "74", "--tahun", "2023", stdout=ulang)
    assert "Tidak ada yang dibuat" in ulang.getvalue()
