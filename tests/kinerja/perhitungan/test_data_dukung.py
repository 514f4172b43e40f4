"""A PK line computed from supporting data that hold several positions in one year (March and
June receipts, two surveys, two PDN positions): each quarter takes the latest position up to
its last day and compares it with the same date of the previous year; the year takes the
latest position of the year. Every kind of supporting data, with its working, worked by hand."""

from __future__ import annotations

import datetime
from dataclasses import replace
from decimal import Decimal as D

import pytest

from kinerja.perhitungan import JUMLAH, Konfigurasi, MasukanBaris, hitung_baris
from kinerja.perhitungan import baris as pb
from kinerja.perhitungan.metode import BarisPdn

d = datetime.date


def line(data_dukung: str, data: pb.DataDukung, **kw) -> MasukanBaris:
    nilai = {
        "kode": "III.2", "sasaran": "s", "indikator": "i", "satuan": "Persen",
        "target": D(10), "tahun": 2023, "data_dukung": data_dukung, "data": data,
    } | kw  # fmt: skip
    return MasukanBaris(**nilai)


# Receipts to date (cumulative from 1 January), by service type; rent is not a service fee.
PNBP = (
    pb.Posisi(d(2022, 3, 31), 100_000),
    pb.Posisi(d(2022, 6, 30), 300_000),
    pb.Posisi(d(2022, 12, 31), 1_000_000),
    pb.Posisi(d(2023, 3, 31), 150_000),
    pb.Posisi(d(2023, 6, 30), 200_000),  # pengujian
    pb.Posisi(d(2023, 6, 30), 130_000),  # kalibrasi
    pb.Posisi(d(2023, 6, 30), 99_999, dihitung=False),  # sewa: not a service fee
)


class TestGrowthWithSeveralPositions:
    @pytest.mark.parametrize("sumber", [pb.PNBP_LAYANAN, pb.HASIL_LAYANAN])
    def test_each_quarter_takes_its_latest_position_against_the_same_date(self, sumber):
        data = (
            pb.DataDukung(pnbp=PNBP) if sumber == pb.PNBP_LAYANAN
            else pb.DataDukung(hasil_layanan=PNBP)
        )  # fmt: skip
        m = line(sumber, data)
        # TW I: 31 March against 31 March: (150.000 − 100.000) / 100.000 = 50,00%
        assert hitung_baris(m, 1).realisasi.nilai == D("50.00")
        # TW II: 30 June (200.000 + 130.000 = 330.000, the rent left out) against 30 June
        # 2022: (330.000 − 300.000) / 300.000 = 10,00%. Not the sum of both 2023 positions
        # (480.000: 60%), not against December 2022 (−67%).
        h = hitung_baris(m, 2)
        assert h.realisasi.nilai == D("10.00")
        assert h.realisasi.rumus == "(330.000 − 300.000) / 300.000 × 100% = 10,00%"
        # TW III and the year: no later position; June stands, still against June 2022.
        assert hitung_baris(m, 3).realisasi.nilai == D("10.00")
        assert hitung_baris(m, None).realisasi.nilai == D("10.00")

    def test_service_results_are_not_read_from_the_receipts(self):
        m = line(
            pb.HASIL_LAYANAN,
            pb.DataDukung(
                pnbp=PNBP,
                hasil_layanan=(pb.Posisi(d(2022, 6, 30), 40), pb.Posisi(d(2023, 6, 30), 50)),
            ),
        )
        # (50 − 40) / 40 = 25,00%
        h = hitung_baris(m, 2)
        assert h.realisasi.nilai == D("25.00")
        assert h.realisasi.keterangan == (
            "B = hasil layanan jasa s.d. 30 Juni 2023; A = hasil layanan jasa s.d. 30 Juni 2022"
        )

    def test_the_previous_year_position_must_be_the_same_date(self):
        # June 2023 but only March and December 2022: no same-date comparison exists.
        lalu = tuple(x for x in PNBP if x.tanggal != d(2022, 6, 30))
        h = hitung_baris(line(pb.PNBP_LAYANAN, pb.DataDukung(pnbp=lalu)), 2)
        assert h.realisasi.alasan == (
            "tidak dapat dihitung: PNBP layanan jasa tahun sebelumnya s.d. 30 Juni 2022 "
            "belum tercatat"
        )


class TestCounts:
    def test_orders_to_date_are_the_latest_position_summed_over_its_entries(self):
        data = pb.DataDukung(
            order_layanan=(
                pb.Posisi(d(2023, 3, 31), 12),
                pb.Posisi(d(2023, 6, 30), 18),  # pengujian, to date
                pb.Posisi(d(2023, 6, 30), 12),  # kalibrasi, to date
                pb.Posisi(d(2022, 12, 31), 500),  # last year
            )
        )
        m = line(pb.ORDER_LAYANAN, data, satuan="SPK/Order", target=D(60))
        assert hitung_baris(m, 1).realisasi.nilai == D(12)
        h = hitung_baris(m, 2)
        # 18 + 12 = 30 to 30 June (not 12 + 30 = 42); capaian 30 / 60 = 50,00%
        assert (h.realisasi.nilai, h.capaian.nilai) == (D(30), D("50.00"))
        assert h.realisasi.rumus == "SPK/order s.d. 30 Juni 2023 = 30"
        assert h.realisasi.keterangan == "SPK/order s.d. 30 Juni 2023"

    def test_no_order_this_year_falls_back_to_the_reported_value(self):
        data = pb.DataDukung(order_layanan=(pb.Posisi(d(2022, 12, 31), 500),))
        m = line(pb.ORDER_LAYANAN, data, dilaporkan=(None, D(7), None, None))
        h = hitung_baris(m, 2)
        assert (h.realisasi.nilai, h.sumber_realisasi) == (D("7.00"), "dilaporkan")

    def test_items_are_counted_with_their_quantities_and_described(self):
        data = pb.DataDukung(
            butir=(
                pb.Butir(d(2023, 2, 1), "CV A", 2),
                pb.Butir(d(2023, 6, 30), "PT B"),
                pb.Butir(d(2023, 7, 1), "PT C"),
            )
        )
        m = line(pb.BUTIR_CAPAIAN, data, satuan="Perusahaan", agregasi_triwulan=JUMLAH)
        h = hitung_baris(m, 2)
        # 2 + 1 = 3 up to 30 June (PT C on 1 July is in TW III)
        assert h.realisasi.nilai == D(3)
        assert h.realisasi.rumus == "2 + 1 = 3"
        assert h.realisasi.keterangan == "jumlah perusahaan s.d. 30 Juni 2023: CV A; PT B"
        assert (h.realisasi.tampil, h.realisasi.desimal, h.realisasi.tambahan) == ("3", 0, {})
        assert hitung_baris(m, 1).realisasi.rumus == "jumlah perusahaan s.d. 31 Maret 2023 = 2"


class TestPdn:
    DATA = pb.DataDukung(
        pdn=(
            pb.PdnBertanggal(d(2023, 3, 31), BarisPdn("521211", 12_000, 100)),
            pb.PdnBertanggal(d(2023, 6, 30), BarisPdn("521211", 12_000, 3_000, 313)),
            # realised exactly its pagu (8.000 = 2.000 + 6.000 imported): not over it
            pb.PdnBertanggal(d(2023, 6, 30), BarisPdn("532111", 8_000, 2_000, 0, 6_000)),
            # not an agreed P3DN account, and over its pagu
            pb.PdnBertanggal(d(2023, 6, 30), BarisPdn("999999", 1_000, 1_000, 0, 1)),
            pb.PdnBertanggal(d(2023, 6, 30), BarisPdn("999998", 10, 11)),
            # over its pagu by its TKDN-certified part: 60 + 41 = 101 > 100
            pb.PdnBertanggal(d(2023, 6, 30), BarisPdn("999997", 100, 60, 41)),
        )
    )

    def test_the_latest_position_over_the_agreed_accounts(self):
        m = line(pb.BELANJA_PDN, self.DATA, target=D(50))
        # TW I: 100 / 12.000 = 0,833…% → 0,83
        assert hitung_baris(m, 1).realisasi.nilai == D("0.83")
        h = hitung_baris(m, 2)
        # TW II: (3.000 + 2.000 + TKDN 313) / (12.000 + 8.000) = 5.313 / 20.000 = 26,565% →
        # 26,57 (the 999999 and 999998 accounts are not P3DN accounts)
        assert h.realisasi.nilai == D("26.57")
        assert h.realisasi.rumus == "(5.000 + 313) / 20.000 × 100% = 26,57%"
        assert h.realisasi.keterangan == (
            "(realisasi PDN + realisasi TKDN) / pagu, akun 521211, 532111"
        )
        assert "Realisasi akun 999999, 999998, 999997 melebihi pagu." in h.catatan
        # in March no account was over its pagu: nothing said
        assert not any("melebihi pagu" in c for c in hitung_baris(m, 1).catatan)

    def test_the_agreed_accounts_are_a_setting(self):
        m = line(pb.BELANJA_PDN, self.DATA)
        k = Konfigurasi(akun_p3dn=frozenset({"521211"}))
        # (3.000 + 313) / 12.000 = 27,608…% → 27,61
        assert hitung_baris(m, 2, k).realisasi.nilai == D("27.61")


class TestIndices:
    def test_the_latest_survey_of_the_year_up_to_the_quarter(self):
        data = pb.DataDukung(
            survei=(
                pb.Survei(d(2022, 12, 31), (("u1", D("2.00")),)),
                pb.Survei(d(2023, 6, 30), (("u1", D("3.40")), ("u2", D("3.60")))),
                pb.Survei(d(2023, 12, 31), (("u1", D("3.80")), ("u2", D("3.86")))),
            )
        )
        m = line(pb.SURVEI_KEPUASAN, data, satuan="Indeks", target=D("3.5"))
        assert hitung_baris(m, 1).realisasi.nilai is None  # no survey yet in 2023
        # TW II: (3,40 + 3,60) / 2 = 3,50 → capaian 3,50 / 3,5 = 100,00%
        assert hitung_baris(m, 2).capaian.nilai == D("100.00")
        # the year: (3,80 + 3,86) / 2 = 3,83; conversion 3,83 × 25 = 95,75, grade A
        h = hitung_baris(m, None)
        assert (h.realisasi.nilai, h.realisasi.tambahan["mutu"]) == (D("3.83"), "A")

    def test_the_latest_professionalism_scores_of_the_year(self):
        data = pb.DataDukung(
            profesionalitas=(
                pb.NilaiPegawai(d(2022, 12, 31), "P1", (D(99),)),
                pb.NilaiPegawai(d(2023, 6, 30), "P1", (D(20), D(15), D(25), D(5))),
                pb.NilaiPegawai(d(2023, 6, 30), "P2", (D(23), D(25), D(30), D(5))),
            )
        )
        h = hitung_baris(line(pb.PROFESIONALITAS_ASN, data, target=D(70)), 2)
        # totals 65 and 83: (65 + 83) / 2 = 74,00; capaian 74 / 70 = 105,71%
        assert (h.realisasi.nilai, h.capaian.nilai) == (D("74.00"), D("105.71"))
        assert h.realisasi.keterangan == "rata-rata nilai total 2 pegawai"

    def test_the_latest_public_service_assessment(self):
        data = pb.DataDukung(
            layanan_publik=(
                pb.PenilaianAspek(d(2023, 3, 31), (("a", D(1), D(100)),)),
                pb.PenilaianAspek(d(2023, 6, 30), (("a", D("4.00"), D(60)), ("b", D(3), D(40)))),
            )
        )
        m = line(pb.LAYANAN_PUBLIK, data, target=D(4))
        assert hitung_baris(m, 1).realisasi.nilai == D("1.00")
        h = hitung_baris(m, 2)
        # 4,00 × 60% + 3 × 40% = 2,4 + 1,2 = 3,60; capaian 3,60 / 4 = 90,00%
        assert (h.realisasi.nilai, h.capaian.nilai) == (D("3.60"), D("90.00"))
        assert h.realisasi.keterangan == "jumlah indeks aspek × bobot, 2 aspek"


class TestRecommendations:
    def test_a_follow_up_done_on_the_quarters_last_day_counts(self):
        data = pb.DataDukung(
            rekomendasi=(
                pb.Rekomendasi(2023, True, d(2023, 6, 30)),
                pb.Rekomendasi(2023, True, d(2023, 7, 1)),
                pb.Rekomendasi(2023, False),
                pb.Rekomendasi(2024, True, d(2024, 1, 5)),  # a later audit: not yet
            )
        )
        h = hitung_baris(line(pb.REKOMENDASI_AUDIT, data), 2)
        # 1 of 3 by 30 June: 33,33%; the audit is this year's, so nothing to say about it
        assert h.realisasi.nilai == D("33.33")
        assert h.realisasi.keterangan == (
            "rekomendasi selesai ditindaklanjuti / seluruh rekomendasi"
        )
        assert not any("pengawasan tahun" in c for c in h.catatan)
        assert hitung_baris(line(pb.REKOMENDASI_AUDIT, data), 3).realisasi.nilai == D("66.67")


class TestExternalScores:
    DATA = pb.DataDukung(
        sakip=(pb.Skor(d(2023, 4, 30), nilai=D("74.80"), predikat="BB"),),
        laporan_keuangan=(
            pb.Skor(d(2022, 5, 31), nilai=D("80.00")),
            pb.Skor(d(2023, 5, 31), nilai=D("90.75"), predikat="Baik"),
        ),
    )

    def test_the_financial_report_score_is_not_the_sakip_score(self):
        h = hitung_baris(line(pb.NILAI_LAPORAN_KEUANGAN, self.DATA, target=D(90)), 2)
        # 90,75 / 90 = 100,83%
        assert (h.realisasi.nilai, h.capaian.nilai) == (D("90.75"), D("100.83"))
        assert h.realisasi.rumus == "nilai laporan keuangan = 90,75"
        assert h.realisasi.keterangan == "nilai laporan keuangan; predikat Baik"

    def test_a_score_without_components_has_no_printed_total_to_check(self):
        h = hitung_baris(line(pb.NILAI_SAKIP, self.DATA, target=D(80)), 2)
        assert (h.realisasi.nilai, h.realisasi.keterangan) == (
            D("74.80"), "nilai evaluasi SAKIP; predikat BB",
        )  # fmt: skip
        assert not any("total tercetak" in c for c in h.catatan)

    def test_components_and_predikat_are_the_working(self):
        skor = pb.Skor(
            d(2023, 4, 30),
            komponen=(("Perencanaan", D("23.70")), ("Pengukuran", D("23.10"))),
            predikat="B",
        )
        m = line(pb.NILAI_SAKIP, replace(self.DATA, sakip=(skor,)), target=D(80))
        h = hitung_baris(m, 2)
        # 23,70 + 23,10 = 46,80
        assert (h.realisasi.nilai, h.realisasi.rumus) == (D("46.80"), "23,70 + 23,10 = 46,80")
        assert h.realisasi.keterangan == "nilai evaluasi SAKIP: Perencanaan, Pengukuran; predikat B"


def test_an_unknown_kind_of_supporting_data_is_refused_by_name():
    with pytest.raises(ValueError, match="sumber data dukung tidak dikenal: cuaca"):
        hitung_baris(line("cuaca", pb.DataDukung()), 2)
