"""The snapshot of a submitted quarter (`siklus.isi_snapshot`, `hasil_dari_snapshot`,
`hasil_triwulan`) and the log of the cycle (`_catat` through the transitions).

A snapshot is what the quarter's figures were when the head submitted it. The report of a
verified quarter prints it, so it must give back exactly the figures computed at submission
(values, decimals, working, reasons, status, notes) whatever the data became since, and only
that quarter's own snapshot; a quarter that is not verified (a draft, or returned for
correction) prints its figures as computed now.

Expected values are worked by hand from the rules (DESIGN.md section 4: capaian = realisasi /
target × 100, progress capaian = realisasi antara / target antara × 100, half-up to 2
decimals, status ≥ 100 tercapai, 75-99 perlu perhatian, < 75 tidak tercapai; a capaian above
150% is flagged) and the demo data: Manado's quarter II 2023 (fixtures/manado/pk_2023.yaml,
fixtures/manado/data_dukung.yaml)."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.utils import timezone

from kinerja import hasil as tersimpan
from kinerja import siklus
from kinerja.models import (
    HasilLayanan,
    PelaporanTriwulan,
    PeriodePelaporan,
    PeristiwaPelaporan,
    RealisasiTriwulan,
    RencanaAksi,
    SnapshotPelaporan,
    StatusPelaporan,
)
from kinerja.perhitungan import HasilBaris, Status
from kinerja.perhitungan.dasar import Hasil
from kinerja.selectors.capaian import hitung_capaian
from satker.models import Pengguna, Satker
from tests import langsung
from tests.factories import IndikatorPerjanjianFactory

pytestmark = pytest.mark.django_db

S = StatusPelaporan

# Manado's PK 2023 in PK order (Tabel 1 of the PP-39 report).
KODE_2023 = [
    "I.1", "II.1", "III.1", "III.2", "III.3", "III.4", "III.5", "IV.1", "V.1", "VI.1", "VII.1",
    "VIII.1", "VIII.2",
]  # fmt: skip
SASARAN_III = "Meningkatnya kemampuan industri barang dan jasa dalam negeri"
SASARAN_VIII = "Penguatan Akuntabilitas Organisasi"

# III.3 in quarter II: 426 SPK/Order to 30 June 2023 against a target of 750:
# 426 / 750 × 100 = 56,80%; progress 56,8 against a target antara of 50: 56,8 / 50 × 100 =
# 113,60%, at least 100: tercapai. A count is printed without decimals; no flag.
III3_TW2 = HasilBaris(
    satker="247246",
    kode="III.3",
    sasaran=SASARAN_III,
    indikator="Meningkatnya jumlah layanan jasa yang digunakan oleh industri",
    satuan="SPK/Order",
    target=D("750"),
    tahun=2023,
    triwulan=2,
    realisasi=Hasil(
        nilai=D("426"),
        rumus="SPK/order s.d. 30 Juni 2023 = 426",
        desimal=0,
        keterangan="SPK/order s.d. 30 Juni 2023",
    ),
    sumber_realisasi="data_dukung",
    capaian=Hasil(nilai=D("56.80"), rumus="426 / 750 × 100% = 56,80%"),
    target_antara=D("50"),
    realisasi_antara=D("56.8"),
    capaian_antara=Hasil(nilai=D("113.60"), rumus="56,8 / 50 × 100% = 113,60%"),
    status=Status.TERCAPAI,
    status_progres=Status.TERCAPAI,  # 113,60% of the plan
    status_capaian=Status.TIDAK_TERCAPAI,  # 56,80%, below 75
    catatan=(),
    versi=2020,  # the demo manual's first version, from the BSKJI Renstra 2020
)

# III.2 in quarter II: PNBP from service fees to 30 June 2023 (Rp 518.891.250) against the same
# date of 2022 (Rp 409.440.882): 109.450.368 / 409.440.882 × 100 = 26,7317...% → 26,73%;
# capaian 26,73 / 4 × 100 = 668,25%, far above 150%: flagged.
III2_TW2 = HasilBaris(
    satker="247246",
    kode="III.2",
    sasaran=SASARAN_III,
    indikator="Meningkatnya PNBP layanan jasa industri",
    satuan="Persen",
    target=D("4"),
    tahun=2023,
    triwulan=2,
    realisasi=Hasil(
        nilai=D("26.73"),
        rumus="(518.891.250 − 409.440.882) / 409.440.882 × 100% = 26,73%",
        keterangan=(
            "B = PNBP layanan jasa s.d. 30 Juni 2023; A = PNBP layanan jasa s.d. 30 Juni 2022"
        ),
    ),
    sumber_realisasi="data_dukung",
    capaian=Hasil(nilai=D("668.25"), rumus="26,73 / 4 × 100% = 668,25%"),
    target_antara=D("50"),
    realisasi_antara=D("50"),
    capaian_antara=Hasil(nilai=D("100.00"), rumus="50 / 50 × 100% = 100,00%"),
    status=Status.TERCAPAI,
    status_progres=Status.TERCAPAI,  # 100,00% of the plan
    status_capaian=Status.TERCAPAI,  # 668,25%
    catatan=(
        "Capaian 668,25% jauh di atas target (di atas 150%): target mungkin kurang menantang.",
    ),
    versi=2020,  # the demo manual's first version, from the BSKJI Renstra 2020
)

# VIII.2 in quarter II: no financial-report score yet; progress 30 against a target antara of
# 60: 30 / 60 × 100 = 50,00%, below 75: tidak tercapai.
VIII2_TW2 = HasilBaris(
    satker="247246",
    kode="VIII.2",
    sasaran=SASARAN_VIII,
    indikator="Nilai minimal laporan keuangan",
    satuan="Nilai",
    target=D("90"),
    tahun=2023,
    triwulan=2,
    realisasi=Hasil(
        nilai=None,
        alasan="tidak dapat dihitung: belum ada nilai laporan keuangan s.d. 30 Juni 2023",
    ),
    sumber_realisasi="",
    capaian=Hasil(nilai=None, alasan="tidak dapat dihitung: realisasi belum ada"),
    target_antara=D("60"),
    realisasi_antara=D("30"),
    capaian_antara=Hasil(nilai=D("50.00"), rumus="30 / 60 × 100% = 50,00%"),
    status=Status.TIDAK_TERCAPAI,
    status_progres=Status.TIDAK_TERCAPAI,  # 50,00% of the plan
    status_capaian=Status.TIDAK_DAPAT_DINILAI,  # no realisasi
    catatan=(
        "Realisasi tidak dapat dihitung: belum ada nilai laporan keuangan s.d. 30 Juni 2023.",
    ),
    versi=2020,  # the demo manual's first version, from the BSKJI Renstra 2020
)


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def per_kode(lines, hasil) -> dict[str, HasilBaris]:
    return {line.kode: h for line, h in zip(lines, hasil, strict=True)}


def realisasi(satker: Satker, kode: str, triwulan: int = 2) -> RealisasiTriwulan:
    line = next(x for x in siklus.lines_satker(satker, 2023) if x.kode == kode)
    return RealisasiTriwulan.objects.get(indikator=line, triwulan=triwulan)


def ubah_setelah_diajukan(manado: Satker) -> None:
    """The data change after submission, straight in the tables (every path of the
    application refuses it: kinerja.jejak), and the stored figures follow: 480 SPK/Order to
    30 June and III.3's progress 64; VIII.2's progress 60."""
    with tersimpan.menyegarkan():
        order = HasilLayanan.objects.get(satker=manado, tanggal_posisi=datetime.date(2023, 6, 30))
        langsung.ubah(order, jumlah=480)
        for kode, progres in (("III.3", D("64")), ("VIII.2", D("60"))):
            langsung.ubah(realisasi(manado, kode), realisasi_antara=progres)


@pytest.fixture
def periode(demo) -> PeriodePelaporan:
    return siklus.buka_periode(
        user=pengguna("reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )


@pytest.fixture
def lengkap(manado, periode) -> PelaporanTriwulan:
    """Manado's quarter II as the demo holds it, with IV.1's activities (not described in the
    source) filled in so that the head can submit it."""
    r = realisasi(manado, "IV.1")
    r.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    r.save()
    return siklus.pelaporan(manado, 2023, 2)


@pytest.fixture
def diverifikasi(lengkap) -> PelaporanTriwulan:
    """Submitted by the head (snapshot version 1), then verified by the reviewer."""
    lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=lengkap)
    return siklus.verifikasi(user=pengguna("reviewer"), lap=lap)


# --- what a snapshot holds --------------------------------------------------------------------


class TestIsiSnapshot:
    def test_the_snapshot_names_its_quarter_and_holds_every_line_in_pk_order(self, diverifikasi):
        snap = SnapshotPelaporan.objects.get(pelaporan=diverifikasi)
        assert (snap.versi, snap.oleh.username) == (1, "kepala.manado")
        data = snap.data
        assert (data["satker"], data["tahun"], data["triwulan"]) == ("247246", 2023, 2)
        assert [b["kode"] for b in data["baris"]] == KODE_2023

    def test_the_entered_values_are_kept_as_entered(self, manado, diverifikasi):
        baris = {b["kode"]: b for b in SnapshotPelaporan.objects.get().data["baris"]}
        iii3 = baris["III.3"]["isian"]
        assert set(iii3) == set(siklus.ISIAN)
        # The progress column keeps 2 decimals; 426 orders entered as the value.
        assert iii3["realisasi_antara"] == "56.80"
        assert D(iii3["nilai_realisasi"]) == 426
        # The text names its figure; the snapshot keeps the name, as entered.
        assert iii3["kegiatan"].splitlines() == [
            "- B05: Melakukan kegiatan promosi dan pemasaran ke Instansi Daerah, Instansi "
            "Akademik dan IKM yang ada Kota Tomohon dan Kabupaten Minahasa Selatan",
            "- Jumlah permintaan uji/order sebanyak {III.3.realisasi}",
        ]
        assert iii3["kendala"].strip() == "Tidak terdapat kendala pada kegiatan ini."
        # I.1 has no value entered (it is computed from company measurements): empty, not
        # "None".
        assert baris["I.1"]["isian"]["nilai_realisasi"] == ""
        assert baris["I.1"]["isian"]["realisasi_antara"] == "50.00"
        # VIII.2's entries as the operator wrote them, kept after they change.
        ubah_setelah_diajukan(manado)
        viii2 = SnapshotPelaporan.objects.get().data["baris"][-1]
        assert viii2["kode"] == "VIII.2"
        isian = viii2["isian"]
        assert (isian["realisasi_antara"], isian["nilai_realisasi"]) == ("30.00", "")
        assert isian["kendala"].strip() == "Belum ada hasil penilaian laporan keuangan."

    def test_figures_that_do_not_match_the_lines_are_refused(self, manado):
        # A snapshot that silently left a line out would print that line's figures as
        # computed later.
        lines = siklus.lines_satker(manado, 2023)
        hasil = hitung_capaian(lines, 2)
        with pytest.raises(ValueError):
            siklus.isi_snapshot(manado, 2023, 2, lines=lines, hasil=hasil[:-1])
        assert SnapshotPelaporan.objects.count() == 0

    def test_a_quarter_with_gaps_reads_back_its_gaps(self, manado):
        """Quarter III of the demo: no measurement yet, and V.1 has no target antara (Tabel 4
        prints "-"). Stored and read back, every line gives back the figures computed,
        the gaps as gaps (not the text "None")."""
        lines = siklus.lines_satker(manado, 2023)
        dihitung = hitung_capaian(lines, 3)
        SnapshotPelaporan.objects.create(
            pelaporan=siklus.pelaporan(manado, 2023, 3),
            versi=1,
            oleh=pengguna("kepala.manado"),
            data=siklus.isi_snapshot(manado, 2023, 3, lines=lines, hasil=dihitung),
        )
        data = SnapshotPelaporan.objects.get().data
        dibaca = siklus.hasil_dari_snapshot(data)
        assert dibaca == {line.pk: h for line, h in zip(lines, dihitung, strict=True)}
        v1 = dibaca[next(x.pk for x in lines if x.kode == "V.1")]
        assert (v1.triwulan, v1.target_antara, v1.realisasi_antara) == (3, None, None)
        assert v1.capaian_antara == Hasil(
            nilai=None, alasan="tidak dapat dihitung: realisasi antara belum diisi"
        )
        assert v1.status == Status.TIDAK_DAPAT_DINILAI
        iii3 = dibaca[next(x.pk for x in lines if x.kode == "III.3")]
        assert (iii3.target_antara, iii3.realisasi_antara) == (D("75"), None)
        # Nothing entered for quarter III: every entry is empty.
        assert {v for b in data["baris"] for v in b["isian"].values()} == {""}


# --- what the report of a verified quarter prints -------------------------------------------


class TestHasilTriwulan:
    def test_a_verified_quarter_gives_back_its_submitted_figures_after_the_data_change(
        self, manado, diverifikasi
    ):
        ubah_setelah_diajukan(manado)
        lines = siklus.lines_satker(manado, 2023)
        # Computed now: 480 / 750 × 100 = 64,00%; 64 / 50 × 100 = 128,00%; VIII.2 60 / 60.
        kini = per_kode(lines, hitung_capaian(lines, 2))
        assert (kini["III.3"].capaian.nilai, kini["III.3"].capaian_antara.nilai) == (
            D("64.00"),
            D("128.00"),
        )
        assert kini["VIII.2"].status == Status.TERCAPAI
        # The report prints the figures as submitted, every one of them.
        dicetak = per_kode(lines, siklus.hasil_triwulan(lines, manado, 2023, 2))
        assert dicetak["III.3"] == III3_TW2
        assert dicetak["III.2"] == III2_TW2
        assert dicetak["VIII.2"] == VIII2_TW2
        # With their digits: a count without decimals, percentages with two.
        iii3 = dicetak["III.3"]
        assert (iii3.realisasi.tampil, iii3.capaian.tampil, iii3.capaian_antara.tampil) == (
            "426",
            "56,80",
            "113,60",
        )
        assert dicetak["VIII.2"].realisasi.tampil == "–"
        assert iii3.rumus == (
            "Realisasi: SPK/order s.d. 30 Juni 2023 = 426. "
            "Capaian: 426 / 750 × 100% = 56,80%. "
            "Capaian antara: 56,8 / 50 × 100% = 113,60%"
        )

    def test_the_last_snapshot_of_the_quarter_is_printed(self, manado, lengkap):
        """Submitted, returned, corrected (VIII.2's progress 30 → 60), submitted again by the
        administrator and verified: the report prints version 2; version 1 still holds the
        first submission."""
        kepala, reviewer = pengguna("kepala.manado"), pengguna("reviewer")
        lap = siklus.ajukan(user=kepala, lap=lengkap)
        line = next(x for x in siklus.lines_satker(manado, 2023) if x.kode == "VIII.2")
        lap = siklus.kembalikan(user=reviewer, lap=lap, catatan=[(line, "Periksa progres.")])
        r = realisasi(manado, "VIII.2")
        r.realisasi_antara = D("60")
        r.save()
        lap = siklus.ajukan(user=pengguna("admin"), lap=lap)
        siklus.verifikasi(user=reviewer, lap=lap)
        lines = siklus.lines_satker(manado, 2023)
        viii2 = per_kode(lines, siklus.hasil_triwulan(lines, manado, 2023, 2))["VIII.2"]
        # 60 / 60 × 100 = 100,00%: tercapai.
        assert (viii2.realisasi_antara, viii2.capaian_antara.rumus, viii2.status) == (
            D("60"),
            "60 / 60 × 100% = 100,00%",
            Status.TERCAPAI,
        )
        versi = {
            s.versi: (s.oleh.username, siklus.hasil_dari_snapshot(s.data)[line.pk])
            for s in SnapshotPelaporan.objects.filter(pelaporan=lap)
        }
        assert versi[1] == ("kepala.manado", VIII2_TW2)
        assert versi[2][0] == "admin"

    def test_a_returned_quarter_prints_its_corrected_figures(self, manado, lengkap):
        """A snapshot speaks for a verified quarter only: returned for correction, the quarter
        is computed from its data as they are now (for the reviewer too)."""
        lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=lengkap)
        siklus.kembalikan(user=pengguna("reviewer"), lap=lap, catatan=[(None, "Perbaiki.")])
        ubah_setelah_diajukan(manado)
        lines = siklus.lines_satker(manado, 2023)
        for dari_snapshot in ((S.DIVERIFIKASI,), (S.DIAJUKAN, S.DIVERIFIKASI)):
            hasil = per_kode(
                lines,
                siklus.hasil_triwulan(lines, manado, 2023, 2, dari_snapshot=dari_snapshot),
            )
            # 480 / 750 × 100 = 64,00%; 64 / 50 × 100 = 128,00%; VIII.2: 60 / 60 = 100,00%.
            assert hasil["III.3"].realisasi.nilai == 480
            assert hasil["III.3"].capaian_antara.rumus == "64 / 50 × 100% = 128,00%"
            assert (hasil["VIII.2"].capaian_antara.nilai, hasil["VIII.2"].status) == (
                D("100.00"),
                Status.TERCAPAI,
            )

    def test_a_draft_quarter_is_computed_for_its_quarter(self, manado, demo):
        lines = siklus.lines_satker(manado, 2023)
        hasil = per_kode(lines, siklus.hasil_triwulan(lines, manado, 2023, 2))
        assert hasil["III.3"] == III3_TW2
        assert hasil["VIII.2"] == VIII2_TW2

    @pytest.mark.parametrize(
        "lain",
        [("417912", 2023, 2), ("247246", 2022, 2), ("247246", 2023, 1)],
        ids=["satker-lain", "tahun-lain", "triwulan-lain"],
    )
    def test_a_quarter_prints_its_own_snapshot_not_anothers(self, manado, diverifikasi, lain):
        """Another verified report whose snapshot has a higher version (submitted twice):
        Pekanbaru's quarter II 2023, Manado's quarter II 2022, Manado's quarter I 2023 (the
        same lines, with quarter I's figures)."""
        kode, tahun, triwulan = lain
        satker = Satker.objects.get(kode=kode)
        lap = PelaporanTriwulan.objects.create(
            satker=satker, tahun=tahun, triwulan=triwulan, status=S.DIVERIFIKASI
        )
        lines_lain = siklus.lines_satker(satker, tahun)
        SnapshotPelaporan.objects.create(
            pelaporan=lap,
            versi=2,
            oleh=pengguna("reviewer"),
            data=siklus.isi_snapshot(
                satker, tahun, triwulan,
                lines=lines_lain, hasil=hitung_capaian(lines_lain, triwulan),
            ),
        )  # fmt: skip
        ubah_setelah_diajukan(manado)
        lines = siklus.lines_satker(manado, 2023)
        hasil = per_kode(lines, siklus.hasil_triwulan(lines, manado, 2023, 2))
        assert hasil["III.3"] == III3_TW2
        assert hasil["VIII.2"] == VIII2_TW2

    def test_a_line_added_after_verification_is_computed_the_rest_printed_as_submitted(
        self, manado, diverifikasi
    ):
        """The PK is revised after the quarter was verified: a line III.6 is added, with a
        target antara of 50 for quarter II and a progress of 25. It has no submitted figures:
        computed for quarter II, 25 / 50 × 100 = 50,00%, tidak tercapai. The other lines
        print as submitted."""
        iii5 = next(x for x in siklus.lines_satker(manado, 2023) if x.kode == "III.5")
        with tersimpan.menyegarkan():
            baru = IndikatorPerjanjianFactory(
                sasaran=iii5.sasaran,
                nomor=6,
                uraian="Jumlah perusahaan yang menerapkan TKDN",
                indikator=iii5.indikator,
                target=D("10"),
            )
            langsung.buat(RencanaAksi, indikator=baru, triwulan=2, target_antara=D("50"))
            langsung.buat(
                RealisasiTriwulan, indikator=baru, triwulan=2, realisasi_antara=D("25"),
                kegiatan="- Sosialisasi",
            )  # fmt: skip
        ubah_setelah_diajukan(manado)
        lines = siklus.lines_satker(manado, 2023)
        hasil = per_kode(lines, siklus.hasil_triwulan(lines, manado, 2023, 2))
        assert list(hasil) == [*KODE_2023[:7], "III.6", *KODE_2023[7:]]
        iii6 = hasil["III.6"]
        assert (iii6.triwulan, iii6.target_antara, iii6.realisasi_antara) == (2, D("50"), D("25"))
        assert iii6.capaian_antara == Hasil(nilai=D("50.00"), rumus="25 / 50 × 100% = 50,00%")
        assert iii6.status == Status.TIDAK_TERCAPAI
        assert hasil["III.3"] == III3_TW2
        assert hasil["VIII.2"] == VIII2_TW2


# --- who did what ---------------------------------------------------------------------------


def test_the_log_records_each_action_its_user_and_note(manado, lengkap):
    kepala, reviewer = pengguna("kepala.manado"), pengguna("reviewer")
    lap = siklus.ajukan(user=kepala, lap=lengkap)
    line = next(x for x in siklus.lines_satker(manado, 2023) if x.kode == "II.1")
    lap = siklus.kembalikan(
        user=reviewer,
        lap=lap,
        catatan=[
            (line, "Lengkapi nama IKM."),
            (None, "Lampirkan bukti rekonsiliasi."),
            (None, " "),
        ],
    )
    lap = siklus.ajukan(user=pengguna("admin"), lap=lap)
    lap = siklus.verifikasi(user=reviewer, lap=lap)
    siklus.buka_kembali(user=reviewer, lap=lap, alasan="  Koreksi nilai SAKIP\n")
    log = list(
        PeristiwaPelaporan.objects.filter(pelaporan=lap)
        .order_by("waktu", "pk")
        .values_list("aksi", "oleh__username", "catatan")
    )
    assert log == [
        ("diajukan", "kepala.manado", "snapshot versi 1"),
        ("dikembalikan", "reviewer", "2 catatan"),  # the blank note is not one
        ("diajukan", "admin", "snapshot versi 2"),
        ("diverifikasi", "reviewer", ""),  # verifying needs no note
        ("dibuka_kembali", "reviewer", "Koreksi nilai SAKIP"),
    ]
