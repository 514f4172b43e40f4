"""One PK line through a year: supporting data as of each quarter's end, the reported value
as fallback, and the review flags."""

from __future__ import annotations

import datetime
from dataclasses import replace
from decimal import Decimal as D

import pytest

from kinerja.perhitungan import JUMLAH, DataDukung, MasukanBaris, Status, hitung_baris
from kinerja.perhitungan import baris as pb
from kinerja.perhitungan.metode import Pengukuran

d = datetime.date

PNBP = MasukanBaris(
    kode="III.2",
    sasaran="Meningkatnya kemampuan industri barang dan jasa dalam negeri",
    indikator="Meningkatnya PNBP layanan jasa industri",
    satuan="Persen",
    target=D(4),
    tahun=2023,
    data_dukung=pb.PNBP_LAYANAN,
    target_antara=(D(25), D(50), D(75), D(100)),
    realisasi_antara=(D(25), D(50), None, None),
    data=DataDukung(
        pnbp=(
            pb.Posisi(d(2022, 6, 30), 409_440_882),
            pb.Posisi(d(2023, 6, 30), 518_891_250),
            pb.Posisi(d(2023, 6, 30), 5_000_000, dihitung=False),  # rent: not a service fee
        )
    ),
)


class TestPosisi:
    def test_quarter_compares_year_to_date_with_the_same_date_last_year(self):
        h = hitung_baris(PNBP, 2)
        assert h.realisasi.nilai == D("26.73")
        assert h.realisasi.rumus == "(518.891.250 − 409.440.882) / 409.440.882 × 100% = 26,73%"
        assert h.realisasi.keterangan == (
            "B = PNBP layanan jasa s.d. 30 Juni 2023; A = PNBP layanan jasa s.d. 30 Juni 2022"
        )
        assert h.sumber_realisasi == "data_dukung"

    def test_later_quarter_uses_the_latest_position_before_its_end(self):
        # No September position: the June position is the latest before 30 September.
        assert hitung_baris(PNBP, 3).realisasi.nilai == D("26.73")

    def test_data_after_the_quarter_are_not_used(self):
        h = hitung_baris(PNBP, 1)
        assert h.realisasi.nilai is None
        assert h.realisasi.alasan == (
            "tidak dapat dihitung: belum ada PNBP layanan jasa s.d. 31 Maret 2023"
        )
        assert h.status == Status.TERCAPAI  # the quarter is judged by its progress (25/25)
        assert h.status_capaian == Status.TIDAK_DAPAT_DINILAI  # no realisasi: no capaian

    def test_missing_previous_year_position_is_explained(self):
        tanpa_lalu = replace(PNBP, data=DataDukung(pnbp=(pb.Posisi(d(2023, 6, 30), 518_891_250),)))
        h = hitung_baris(tanpa_lalu, 2)
        assert h.realisasi.alasan == (
            "tidak dapat dihitung: PNBP layanan jasa tahun sebelumnya s.d. 30 Juni 2022 "
            "belum tercatat"
        )
        assert h.capaian.nilai is None
        assert "Realisasi " + h.realisasi.alasan + "." in h.catatan

    def test_the_year_is_the_position_of_31_december(self):
        h = hitung_baris(PNBP, None)
        assert h.triwulan is None
        assert h.realisasi.nilai == D("26.73")  # latest position of the year
        assert h.target_antara is None and h.capaian_antara is None
        assert h.status == Status.TERCAPAI  # the year is judged by capaian: 668,25%


class TestDilaporkan:
    def test_reported_value_without_supporting_data_is_used_and_flagged(self):
        m = replace(PNBP, data=DataDukung(), dilaporkan=(None, D("26.73"), None, None))
        h = hitung_baris(m, 2)
        assert h.realisasi.nilai == D("26.73")
        assert h.sumber_realisasi == "dilaporkan"
        assert (
            "Realisasi diambil dari nilai yang dilaporkan, tanpa data dukung (PNBP layanan "
            "jasa) yang dapat dihitung ulang." in h.catatan
        )

    def test_reported_value_that_differs_from_the_data_is_flagged(self):
        m = replace(PNBP, dilaporkan=(None, D(26), None, None))
        h = hitung_baris(m, 2)
        assert h.realisasi.nilai == D("26.73")  # the computation wins
        assert (
            "Realisasi yang dilaporkan (26) berbeda dengan hasil hitung dari data dukung "
            "(26,73); yang dipakai hasil hitung." in h.catatan
        )

    def test_latest_reported_value_stands_for_a_later_quarter(self):
        m = replace(PNBP, data=DataDukung(), dilaporkan=(None, D(20), None, None))
        h = hitung_baris(m, 3)
        assert h.realisasi.nilai == D("20.00")
        assert "Nilai terakhir yang dilaporkan adalah posisi TW II." in h.catatan

    def test_direct_entry_indicator_is_not_flagged(self):
        m = replace(PNBP, data_dukung="", data=DataDukung(), dilaporkan=(D(3), None, None, None))
        h = hitung_baris(m, 1)
        assert h.realisasi.nilai == D("3.00")
        assert not any("tanpa data dukung" in c for c in h.catatan)

    def test_nothing_at_all_cannot_be_computed(self):
        m = replace(PNBP, data_dukung="", data=DataDukung())
        assert hitung_baris(m, 2).realisasi.alasan == (
            "tidak dapat dihitung: realisasi s.d. TW II belum dilaporkan"
        )


class TestFlags:
    def test_target_antara_missing_decreasing_or_not_ending_at_100(self):
        m = replace(PNBP, target_antara=(None, D(60), D(50), D(90)))
        catatan = hitung_baris(m, 2).catatan
        assert "Target antara TW I belum ditetapkan." in catatan
        assert "Target antara menurun dari TW II (60) ke TW III (50)." in catatan
        assert "Target antara TW IV 90, belum mencapai 100." in catatan

    def test_cumulative_progress_that_decreases(self):
        m = replace(PNBP, realisasi_antara=(D(30), D(20), None, None))
        assert (
            "Realisasi antara menurun dari TW I (30) ke TW II (20)." in hitung_baris(m, 2).catatan
        )

    def test_capaian_far_above_target(self):
        catatan = hitung_baris(PNBP, 2).catatan
        assert (
            "Capaian 668,25% jauh di atas target (di atas 150%): target mungkin kurang "
            "menantang." in catatan
        )

    def test_target_differs_from_the_renstra(self):
        m = replace(PNBP, target_renstra=D(5))
        assert (
            "Target PK (4) berbeda dengan target Renstra tahun 2023 (5)." in hitung_baris(m).catatan
        )

    def test_no_flag_when_the_renstra_agrees(self):
        m = replace(PNBP, target_renstra=D(4))
        assert not any("Renstra" in c for c in hitung_baris(m).catatan)


SAKIP = MasukanBaris(
    kode="VIII.1",
    sasaran="Penguatan Akuntabilitas Organisasi",
    indikator="Nilai minimal akuntabilitas kinerja",
    satuan="Nilai",
    target=D("80.4"),
    tahun=2023,
    data_dukung=pb.NILAI_SAKIP,
    data=DataDukung(
        sakip=(
            pb.Skor(
                tanggal=d(2023, 4, 30),
                komponen=(
                    ("a", D("23.70")),
                    ("b", D("23.10")),
                    ("c", D("11.25")),
                    ("d", D("18.00")),
                ),
                total_tercetak=D("74.80"),
                predikat="BB",
            ),
        )
    ),
)


class TestNilaiEksternal:
    def test_total_is_the_sum_of_components_and_a_wrong_printed_total_is_flagged(self):
        h = hitung_baris(SAKIP, 2)
        assert h.realisasi.nilai == D("76.05")
        assert (
            "nilai evaluasi SAKIP: total tercetak 74,80 tidak sama dengan jumlah komponennya "
            "76,05; yang dipakai jumlah komponen." in h.catatan
        )

    def test_a_score_received_after_the_quarter_is_not_yet_a_realisasi(self):
        m = replace(
            SAKIP, data=DataDukung(sakip=(replace(SAKIP.data.sakip[0], tanggal=d(2023, 8, 31)),))
        )
        assert hitung_baris(m, 2).realisasi.alasan == (
            "tidak dapat dihitung: belum ada nilai evaluasi SAKIP s.d. 30 Juni 2023"
        )
        assert hitung_baris(m, 3).realisasi.nilai == D("76.05")


class TestCountsAndMeasurements:
    def test_items_are_counted_up_to_the_quarter(self):
        m = MasukanBaris(
            kode="II.1",
            sasaran="s",
            indikator="Perusahaan yang terfasilitasi",
            satuan="Perusahaan",
            target=D(2),
            tahun=2023,
            data_dukung=pb.BUTIR_CAPAIAN,
            agregasi_triwulan=JUMLAH,
            data=DataDukung(
                butir=(pb.Butir(d(2023, 5, 2), "CV A"), pb.Butir(d(2023, 10, 9), "CV B"))
            ),
        )
        assert hitung_baris(m, 1).realisasi.nilai == 0  # items exist this year: 0 is a count
        assert hitung_baris(m, 2).realisasi.nilai == 1
        h = hitung_baris(m, 4)
        assert (h.realisasi.nilai, h.capaian.nilai) == (D(2), D("100.00"))
        assert h.realisasi.keterangan.endswith(": CV A; CV B")

    def test_measurements_count_once_taken(self):
        m = MasukanBaris(
            kode="I.1",
            sasaran="s",
            indikator="Produktivitas",
            satuan="Persen",
            target=D(10),
            tahun=2023,
            data_dukung=pb.PENGUKURAN_PERUSAHAAN,
            data=DataDukung(
                pengukuran=(
                    pb.PengukuranBertanggal(d(2023, 11, 30), Pengukuran("IKM", D(400), D(500))),
                )
            ),
        )
        assert hitung_baris(m, 3).realisasi.alasan == (
            "tidak dapat dihitung: belum ada pengukuran perusahaan s.d. 30 September 2023"
        )
        assert hitung_baris(m, 4).realisasi.nilai == D("25.00")

    def test_follow_up_uses_the_previous_audit_when_not_audited_this_year(self):
        m = replace(
            SAKIP,
            data_dukung=pb.REKOMENDASI_AUDIT,
            target=D("92.5"),
            data=DataDukung(rekomendasi=(pb.Rekomendasi(2022, True), pb.Rekomendasi(2022, False))),
        )
        h = hitung_baris(m)
        assert h.realisasi.nilai == D("50.00")
        assert "Tidak ada pengawasan tahun 2023; dipakai hasil pengawasan tahun 2022." in h.catatan

    def test_follow_up_done_after_the_quarter_is_not_counted(self):
        m = replace(
            SAKIP,
            data_dukung=pb.REKOMENDASI_AUDIT,
            data=DataDukung(
                rekomendasi=(
                    pb.Rekomendasi(2023, True, d(2023, 5, 1)),
                    pb.Rekomendasi(2023, True, d(2023, 11, 1)),
                )
            ),
        )
        assert hitung_baris(m, 2).realisasi.nilai == D("50.00")
        assert hitung_baris(m, 4).realisasi.nilai == D("100.00")


def test_quarter_out_of_range_is_refused():
    with pytest.raises(ValueError):
        hitung_baris(PNBP, 5)
