"""What a quarter still needs before the head may submit it (`siklus.kelengkapan`), item by
item and in order, and the rules around it that mutation testing found unguarded: the lines the
cycle reads and their order, the quarters closed to changes, the periods and their refusals,
who may submit, and the satker lock a submission takes.

Expected values come from the rules (DESIGN.md section 1, the docstrings of kinerja/siklus.py)
and the demo data: Manado's PK 2023 (fixtures/manado/pk_2023.yaml, 13 lines I.1 .. VIII.2,
every one computed from supporting data) and its budget 2023 (fixtures/manado/anggaran_2023.yaml:
eight KROs, each with progress recorded at months 3 and 6 only)."""

from __future__ import annotations

import datetime
import os
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.urls import reverse
from django.utils import timezone

from kinerja import hasil as tersimpan
from kinerja import siklus
from kinerja.choices import Satuan
from kinerja.models import (
    IndikatorKinerja,
    ItemAnggaran,
    PelaporanTriwulan,
    PeriodePelaporan,
    ProgresAnggaran,
    RealisasiTriwulan,
    RencanaAksi,
    StatusPelaporan,
)
from satker.choices import Peran
from satker.models import Pengguna, Satker
from tests.factories import (
    IndikatorPerjanjianFactory,
    PerjanjianKinerjaFactory,
    SasaranKegiatanFactory,
)

pytestmark = pytest.mark.django_db

S = StatusPelaporan
K = siklus.Kekurangan

# Manado's PK 2023 in PK order (Tabel 1 of the PP-39 report).
KODE_2023 = [
    "I.1", "II.1", "III.1", "III.2", "III.3", "III.4", "III.5", "IV.1", "V.1", "VI.1", "VII.1",
    "VIII.1", "VIII.2",
]  # fmt: skip
# Manado's KROs 2023 in the order of Tabel 2 (kegiatan 6077, then 6042).
KRO_2023 = [
    "6077.AEF", "6077.BAD", "6077.CAH", "6077.QDI", "6042.EBA", "6042.EBB", "6042.EBC",
    "6042.EBD",
]  # fmt: skip


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def besok(hari: int = 10) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=hari)


def line_2023(satker: Satker, kode: str):
    return next(x for x in siklus.lines_satker(satker, 2023) if x.kode == kode)


def realisasi(satker: Satker, kode: str, triwulan: int) -> RealisasiTriwulan:
    return RealisasiTriwulan.objects.get(indikator=line_2023(satker, kode), triwulan=triwulan)


def progres(satker: Satker, kode_lengkap: str, bulan: int) -> ProgresAnggaran:
    return ProgresAnggaran.objects.get(
        item__satker=satker, item__tahun=2023, item__kode_lengkap=kode_lengkap, bulan=bulan
    )


# The messages, as the rule words them.
def target_antara(kode: str) -> K:
    return K(kode, f"{kode}: target antara triwulan ini belum ditetapkan.")


def realisasi_antara(kode: str) -> K:
    return K(kode, f"{kode}: realisasi antara (%) belum diisi.")


def nilai_realisasi(kode: str) -> K:
    return K(kode, f"{kode}: nilai realisasi belum diisi.")


def kegiatan(kode: str) -> K:
    return K(kode, f"{kode}: realisasi kegiatan belum diuraikan.")


def kendala(kode: str) -> K:
    return K(kode, f"{kode}: progres di bawah target; kendala wajib diisi.")


def tindak_lanjut(kode: str) -> K:
    return K(kode, f"{kode}: progres di bawah target; tindak lanjut wajib diisi.")


def anggaran(kro: str, bulan: int) -> K:
    return K("", f"Realisasi anggaran {kro} s.d. bulan {bulan} belum diisi.")


@pytest.fixture
def periode(demo) -> PeriodePelaporan:
    return siklus.buka_periode(user=pengguna("reviewer"), tahun=2023, triwulan=2, batas=besok())


# --- kelengkapan on the demo quarter --------------------------------------------------------


class TestKelengkapanDemo:
    def test_the_demo_quarter_lacks_only_iv1s_activities(self, manado):
        # IV.1's Realisasi Kegiatan is printed "-" (nothing left to do after quarter I); every
        # other line has its target antara, progress and activities; VIII.2 is behind (30 of
        # 60) but explains it; every KRO has its progress at month 6.
        assert siklus.kelengkapan(manado, 2023, 2) == [kegiatan("IV.1")]

    def test_no_pk_of_the_year(self, manado):
        assert siklus.kelengkapan(manado, 2022, 2) == [
            K("", "Perjanjian Kinerja tahun 2022 belum ada.")
        ]

    def test_every_kind_of_gap_in_pk_order_then_the_budget(self, manado, periode):
        with tersimpan.menyegarkan():
            ra = RencanaAksi.objects.get(indikator=line_2023(manado, "II.1"), triwulan=2)
            ra.target_antara = None
            ra.save()
            r = realisasi(manado, "III.4", 2)
            r.realisasi_antara = None
            r.save()
            realisasi(manado, "VII.1", 2).delete()
            r = realisasi(manado, "VIII.2", 2)  # 30 against a target antara of 60: behind
            r.kendala, r.tindak_lanjut = "", "  \n"
            r.save()
            progres(manado, "6077.CAH", 6).delete()
        diharapkan = [
            target_antara("II.1"),
            realisasi_antara("III.4"),
            kegiatan("IV.1"),
            realisasi_antara("VII.1"),
            kegiatan("VII.1"),
            kendala("VIII.2"),
            tindak_lanjut("VIII.2"),
            anggaran("6077.CAH", 6),
        ]
        assert siklus.kelengkapan(manado, 2023, 2) == diharapkan
        # The head's submission is refused with the same items, in the same order.
        with pytest.raises(ValidationError) as exc:
            siklus.ajukan(user=pengguna("kepala.manado"), lap=siklus.pelaporan(manado, 2023, 2))
        assert exc.value.messages == [k.pesan for k in diharapkan]
        assert PelaporanTriwulan.objects.get(satker=manado, tahun=2023, triwulan=2).status == (
            S.DRAF
        )

    def test_a_kro_is_reported_through_its_component(self, manado):
        # 6077.BAD's month-6 figures recorded on its RO 6077.BAD.012 instead of on the KRO.
        progres(manado, "6077.BAD", 6).delete()
        ProgresAnggaran.objects.create(
            item=ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap="6077.BAD.012"),
            bulan=6,
            rencana_keuangan=D("26.51"),
            realisasi_keuangan=D("27.63"),
            rencana_fisik=D("27.86"),
            realisasi_fisik=D("27.86"),
        )
        assert siklus.kelengkapan(manado, 2023, 2) == [kegiatan("IV.1")]

    def test_a_kro_is_reported_through_any_item_below_it(self, pekanbaru):
        """Pekanbaru records its progress on sub-components (LAKIP Tabel 31-32), three levels
        below its nine KROs: every quarter's budget is complete. This was a bug: only a KRO's
        own rows and its ROs' counted, so Pekanbaru could never submit."""
        for tw in (1, 2, 3, 4):
            assert [k for k in siklus.kelengkapan(pekanbaru, 2023, tw) if not k.kode] == []
        # Without any realisation under 6077.BAD at month 6, that KRO is missing.
        ProgresAnggaran.objects.filter(
            item__satker=pekanbaru, item__tahun=2023, bulan=6,
            item__kode_lengkap__startswith="6077.BAD.",
        ).delete()  # fmt: skip
        assert [k for k in siklus.kelengkapan(pekanbaru, 2023, 2) if not k.kode] == [
            anggaran("6077.BAD", 6)
        ]

    def test_quarter_iii_needs_every_line_and_the_budget_of_month_9(self, manado):
        # No quarter III measurement in the demo; V.1 has no target antara for quarter III
        # (Tabel 4 prints "-"); the budget is recorded to month 6 only.
        diharapkan = []
        for kode in KODE_2023:
            if kode == "V.1":
                diharapkan.append(target_antara(kode))
            diharapkan += [realisasi_antara(kode), kegiatan(kode)]
        diharapkan += [anggaran(kro, 9) for kro in KRO_2023]
        assert siklus.kelengkapan(manado, 2023, 3) == diharapkan


class TestKelengkapanTriwulanIV:
    """In the last quarter a line short of its target (capaian below the configured threshold
    for "tercapai") must explain itself even when its progress is on plan."""

    @pytest.fixture
    def viii1(self, manado):
        # VIII.1 (SAKIP): progress 100 of a target antara of 100, but its realisasi is the
        # SAKIP score 76,80 against a target of 80,40: capaian 95,52, below 100.
        RealisasiTriwulan.objects.create(
            indikator=line_2023(manado, "VIII.1"),
            triwulan=4,
            realisasi_antara=D("100"),
            kegiatan="- Menyusun laporan kinerja dan mengikuti evaluasi SAKIP",
        )

    def diharapkan(self, *, viii1_menjelaskan: bool) -> list[K]:
        hasil = []
        for kode in KODE_2023:
            if kode == "VIII.1":
                hasil += [kendala(kode), tindak_lanjut(kode)] if viii1_menjelaskan else []
            else:
                # No quarter IV measurement: what is behind (III.3: 426 of 750 SPK/Order) is
                # asked to explain itself once its progress is entered.
                hasil += [realisasi_antara(kode), kegiatan(kode)]
        return hasil + [anggaran(kro, 12) for kro in KRO_2023]

    def test_short_of_target_needs_kendala_and_tindak_lanjut(self, manado, viii1):
        assert siklus.kelengkapan(manado, 2023, 4) == self.diharapkan(viii1_menjelaskan=True)

    def test_by_the_configured_threshold(self, manado, viii1, settings):
        settings.KINERJA = {**settings.KINERJA, "AMBANG_TERCAPAI": 95}  # 95,52 is reached
        assert siklus.kelengkapan(manado, 2023, 4) == self.diharapkan(viii1_menjelaskan=False)


# --- a PK built by the test: a line without supporting data, lines entered out of order -----


@pytest.fixture
def pk_2024(manado):
    """Manado's PK 2024, its lines entered out of their order: II.2 (an index entered directly,
    T1/SP2/c, no supporting data), then II.1, then I.1. Target antara of quarter II: 50 for
    I.1 and II.2; II.1 has only quarter I's. No measurement yet, no budget 2024."""
    dulu = {x.kode: x for x in siklus.lines_satker(manado, 2023)}
    with tersimpan.menyegarkan():
        pk = PerjanjianKinerjaFactory(satker=manado, tahun=2024)
        s2 = SasaranKegiatanFactory(
            perjanjian=pk, nomor=2, uraian="Penguatan Implementasi Making Indonesia 4.0"
        )
        ii2 = IndikatorPerjanjianFactory(
            sasaran=s2,
            nomor=2,
            uraian="Tingkat kepuasan perusahaan yang diberikan fasilitasi industri 4.0",
            indikator=IndikatorKinerja.objects.get(kode="T1/SP2/c"),
            target=D("3.5"),
            satuan=Satuan.INDEKS,
        )
        ii1 = IndikatorPerjanjianFactory(
            sasaran=s2,
            nomor=1,
            uraian=dulu["II.1"].uraian,
            indikator=dulu["II.1"].indikator,
            target=D("1"),
            satuan=Satuan.PERUSAHAAN,
        )
        s1 = SasaranKegiatanFactory(
            perjanjian=pk, nomor=1, uraian="Meningkatnya Daya Saing Industri Pengolahan Nonmigas"
        )
        i1 = IndikatorPerjanjianFactory(
            sasaran=s1,
            nomor=1,
            uraian=dulu["I.1"].uraian,
            indikator=dulu["I.1"].indikator,
            target=D("6"),
            satuan=Satuan.PERSEN,
        )
        RencanaAksi.objects.create(indikator=i1, triwulan=2, target_antara=D("50"))
        RencanaAksi.objects.create(indikator=ii1, triwulan=1, target_antara=D("25"))
        RencanaAksi.objects.create(indikator=ii2, triwulan=2, target_antara=D("50"))
    return {"I.1": i1, "II.1": ii1, "II.2": ii2}


class TestPkDibuatUji:
    def test_lines_come_in_pk_order_whatever_the_order_of_entry(self, manado, pk_2024):
        assert [x.kode for x in siklus.lines_satker(manado, 2024)] == ["I.1", "II.1", "II.2"]

    def test_lines_carry_what_the_cycle_reads(self, manado, django_assert_num_queries):
        lines = siklus.lines_satker(manado, 2023)
        with django_assert_num_queries(0):
            dibaca = [
                (
                    x.kode,
                    x.sasaran.perjanjian.satker.kode,
                    x.indikator.data_dukung,
                    [r.triwulan for r in x.rencana_aksi.all()],
                    [r.triwulan for r in x.realisasi.all()],
                )
                for x in lines
            ]
        assert [d[0] for d in dibaca] == KODE_2023
        assert {d[1] for d in dibaca} == {"247246"}
        assert dibaca[0][3:] == ([1, 2, 3, 4], [2])

    def test_a_line_without_supporting_data_needs_its_value(self, manado, pk_2024):
        assert siklus.kelengkapan(manado, 2024, 2) == [
            realisasi_antara("I.1"),
            kegiatan("I.1"),
            target_antara("II.1"),
            realisasi_antara("II.1"),
            kegiatan("II.1"),
            realisasi_antara("II.2"),
            nilai_realisasi("II.2"),
            kegiatan("II.2"),
        ]
        r = RealisasiTriwulan.objects.create(
            indikator=pk_2024["II.2"],
            triwulan=2,
            realisasi_antara=D("50"),
            kegiatan="- Survei kepuasan dua perusahaan yang difasilitasi",
        )
        assert siklus.kelengkapan(manado, 2024, 2)[5:] == [nilai_realisasi("II.2")]
        r.nilai_realisasi = D("3.40")
        r.save()
        assert siklus.kelengkapan(manado, 2024, 2)[5:] == []


# --- periods ----------------------------------------------------------------------------------


class TestPeriode:
    def test_a_period_is_that_of_its_year(self, manado, demo):
        reviewer, operator = pengguna("reviewer"), pengguna("operator.manado")
        p2024 = siklus.buka_periode(user=reviewer, tahun=2024, triwulan=2, batas=besok())
        assert siklus.periode(2023, 2) is None
        assert siklus.alasan_terkunci(operator, manado, 2023, 2) == (
            "Periode pelaporan Triwulan II 2023 belum dibuka oleh Sekretariat."
        )
        p2023 = siklus.buka_periode(user=reviewer, tahun=2023, triwulan=2, batas=besok())
        siklus.tutup_periode(user=reviewer, periode_=p2024)
        assert siklus.periode(2023, 2) == p2023
        assert siklus.periode(2024, 2) == p2024
        assert siklus.alasan_terkunci(operator, manado, 2023, 2) is None
        assert siklus.alasan_terkunci(operator, manado, 2024, 2) == (
            "Periode pelaporan Triwulan II 2024 sudah ditutup."
        )

    def test_quarters_one_to_four_only(self, demo):
        reviewer = pengguna("reviewer")
        p = siklus.buka_periode(user=reviewer, tahun=2023, triwulan=1, batas=besok())
        assert (p.tahun, p.triwulan, p.terbuka) == (2023, 1, True)
        for salah in (0, 5):
            with pytest.raises(ValidationError) as exc:
                siklus.buka_periode(user=reviewer, tahun=2023, triwulan=salah, batas=besok())
            assert exc.value.message_dict == {"triwulan": ["Triwulan harus 1 sampai 4."]}

    def test_an_open_period_is_not_opened_twice(self, periode):
        with pytest.raises(ValidationError) as exc:
            siklus.buka_periode(user=pengguna("reviewer"), tahun=2023, triwulan=2, batas=besok())
        assert exc.value.message_dict == {"triwulan": ["Triwulan II 2023 sudah dibuka."]}

    def test_a_closed_period_is_not_extended(self, manado, periode):
        reviewer = pengguna("reviewer")
        siklus.tutup_periode(user=reviewer, periode_=periode)
        with pytest.raises(ValidationError) as exc:
            siklus.perpanjang(
                user=reviewer, periode_=periode, satker=manado, batas=besok(20),
                alasan="Kepala balai dinas luar",
            )  # fmt: skip
        assert exc.value.message_dict == {
            "batas": ["Periode sudah ditutup; buka kembali lebih dahulu."]
        }

    def test_only_the_secretariat_closes_a_period(self, periode):
        with pytest.raises(PermissionDenied) as exc:
            siklus.tutup_periode(user=pengguna("kepala.manado"), periode_=periode)
        assert str(exc.value) == "Hanya Sekretariat yang dapat menutup periode pelaporan."
        assert PeriodePelaporan.objects.get(pk=periode.pk).terbuka


# --- who may, and which quarters are closed to changes ----------------------------------------


class TestWewenangDanKunci:
    def test_another_satkers_operator_is_told_exactly_why(self, manado, periode):
        assert siklus.alasan_terkunci(pengguna("operator.pekanbaru"), manado, 2023, 2) == (
            "Anda tidak berwenang mengubah data satker ini."
        )

    def test_an_administrator_submits_superuser_or_not(self, manado, periode):
        admin = Pengguna.objects.create_user(username="admin.kedua", peran=Peran.ADMIN)
        super_reviewer = Pengguna.objects.create_user(
            username="reviewer.super", peran=Peran.REVIEWER, is_superuser=True
        )
        assert siklus.boleh_mengajukan(admin, manado)
        assert siklus.boleh_mengajukan(super_reviewer, manado)
        r = realisasi(manado, "IV.1", 2)
        r.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
        r.save()
        lap = siklus.ajukan(user=admin, lap=siklus.pelaporan(manado, 2023, 2))
        assert lap.status == S.DIAJUKAN

    def test_closed_quarters_are_the_satkers_own_of_the_year(self, manado, pekanbaru):
        for satker, tahun, tw, status in [
            (manado, 2023, 1, S.DIVERIFIKASI),
            (manado, 2023, 2, S.DIAJUKAN),
            (manado, 2023, 3, S.DRAF),
            (manado, 2023, 4, S.DIKEMBALIKAN),
            (manado, 2022, 3, S.DIAJUKAN),
            (pekanbaru, 2023, 4, S.DIVERIFIKASI),
        ]:
            PelaporanTriwulan.objects.create(satker=satker, tahun=tahun, triwulan=tw, status=status)
        assert siklus.triwulan_terkunci(manado, 2023) == {1: S.DIVERIFIKASI, 2: S.DIAJUKAN}

    def test_a_report_locks_its_own_satker_and_quarter_only(self, manado, pekanbaru, periode):
        PelaporanTriwulan.objects.create(
            satker=manado, tahun=2023, triwulan=1, status=S.DIVERIFIKASI
        )
        PelaporanTriwulan.objects.create(
            satker=pekanbaru, tahun=2023, triwulan=2, status=S.DIAJUKAN
        )
        # Manado's quarter II has no report yet: its operator still enters data.
        assert siklus.alasan_laporan_terkunci(manado, 2023, 2) is None
        assert siklus.alasan_terkunci(pengguna("operator.manado"), manado, 2023, 2) is None
        assert siklus.alasan_laporan_terkunci(manado, 2023, 1) == (
            "Laporan Triwulan I 2023 sudah diverifikasi dan terkunci."
        )
        assert siklus.alasan_laporan_terkunci(pekanbaru, 2023, 2) == (
            "Laporan Triwulan II 2023 sudah diajukan dan sedang direviu; data tidak dapat diubah."
        )

    @pytest.mark.postgres
    def test_the_satker_lock_holds_until_the_transaction_ends(self, manado, pekanbaru):
        if connection.vendor != "postgresql":
            pesan = "Kunci baris (FOR UPDATE NOWAIT) diuji pada PostgreSQL; CI selalu memakainya."
            if os.environ.get("CI"):
                pytest.fail(pesan)
            pytest.skip(pesan)
        siklus.kunci_satker(manado.pk)
        # Another session (a save of Manado's data elsewhere) cannot take Manado's row now; it
        # can take another satker's.
        lain = connections.create_connection(DEFAULT_DB_ALIAS)
        sql = f'SELECT id FROM "{Satker._meta.db_table}" WHERE id = %s FOR UPDATE NOWAIT'
        try:
            with lain.cursor() as cur:
                with pytest.raises(OperationalError):
                    cur.execute(sql, [manado.pk])
                cur.execute(sql, [pekanbaru.pk])
                assert cur.fetchall() == [(pekanbaru.pk,)]
        finally:
            lain.close()


# --- a budget month kept without its realisation -----------------------------------------


class TestAnggaranKosong:
    def test_a_month_saved_without_its_realisation_is_reported(self, client, manado, periode):
        """A KRO's budget realisation counts as entered only when the month's row holds one.
        The operator clears 6077.CAH's realisation of month 6 on the budget page (keeping the
        plan): the row stays, its realisation is empty, and the quarter says so (this was a
        bug: any row at the month counted)."""
        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-realisasi-anggaran", args=[manado.pk, 2023, 2])
        halaman = client.get(url)
        data = {"tanda": halaman.context["tanda"]}
        for b in halaman.context["baris"]:
            for nama, nilai in b["nilai"].items():
                f = nama.removesuffix("_teks")
                kosong = b["item"].kode_lengkap == "6077.CAH" and f.startswith("realisasi")
                data[f"{f}-{b['item'].pk}"] = "" if kosong else nilai
        assert client.post(url, data).status_code == 302
        cah = progres(manado, "6077.CAH", 6)
        assert (cah.realisasi_keuangan, cah.realisasi_keuangan_rp, cah.realisasi_fisik) == (
            None,
            None,
            None,
        )
        assert siklus.kelengkapan(manado, 2023, 2) == [
            kegiatan("IV.1"),
            anggaran("6077.CAH", 6),
        ]
