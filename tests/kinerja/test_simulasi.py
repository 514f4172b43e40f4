"""The simulated data of `manage.py buat_simulasi`: it fills every satker without data and
adds simulated ones up to N, never touches the real satker, gives each a complete year that
the application's own rules accept (Rencana Aksi, measurements the supporting data confirm,
budget rolled up without a flag, reporting states with their history), and is deterministic
and idempotent."""

from __future__ import annotations

import datetime
import io
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, models, transaction

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


# --- the reporting cycle ---------------------------------------------------------------------


# --- every row as the models' rules want it --------------------------------------------------


def test_jumlah_kueri_tidak_tumbuh_per_baris(demo, django_assert_max_num_queries):
    """Rows are written in bulk per batch of satker, and their figures computed per batch of
    50 satker-years: 100 satker (about 45.000 rows) in a bounded number of queries. Each bulk
    insert also checks the quarter lock and writes its history in bulk (kinerja.jejak): a few
    queries per insert, none per row."""
    # SQLite takes fewer rows per INSERT (its limit on query parameters), history rows too.
    with django_assert_max_num_queries(350 if connection.vendor == "postgresql" else 1400):
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
