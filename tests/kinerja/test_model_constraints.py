"""The database refuses what the domain forbids, and model validation says why in Indonesian
before the database has to."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.choices import TingkatRenstra
from kinerja.models import IndikatorPerjanjian, PerjanjianKinerja, Renstra, TargetRenstra
from kinerja.models.renstra import IndikatorRenstra, SasaranRenstra
from tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorPerjanjianFactory,
    PerjanjianKinerjaFactory,
    RealisasiTriwulanFactory,
    RencanaAksiFactory,
    SasaranKegiatanFactory,
    SatkerFactory,
)

pytestmark = pytest.mark.django_db


def refused_by_database(make) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


class TestPerjanjianKinerja:
    def test_a_satker_has_one_pk_per_year(self):
        pk = PerjanjianKinerjaFactory(tahun=2024)
        refused_by_database(lambda: PerjanjianKinerjaFactory(satker=pk.satker, tahun=2024))

    def test_the_same_satker_may_have_a_pk_next_year(self):
        pk = PerjanjianKinerjaFactory(tahun=2024)
        PerjanjianKinerjaFactory(satker=pk.satker, tahun=2025)
        assert PerjanjianKinerja.objects.filter(satker=pk.satker).count() == 2

    def test_a_second_pk_for_the_year_is_explained(self):
        pk = PerjanjianKinerjaFactory(tahun=2024)
        duplicate = PerjanjianKinerjaFactory.build(satker=pk.satker, tahun=2024)
        with pytest.raises(ValidationError) as exc:
            duplicate.full_clean()
        assert "sudah memiliki Perjanjian Kinerja untuk tahun tersebut" in str(exc.value)

    def test_negative_budget_is_refused(self):
        refused_by_database(lambda: PerjanjianKinerjaFactory(total_anggaran=-1))


class TestPkLines:
    def test_a_line_number_is_used_once_per_sasaran(self):
        line = IndikatorPerjanjianFactory(nomor=2)
        refused_by_database(lambda: IndikatorPerjanjianFactory(sasaran=line.sasaran, nomor=2))

    def test_a_duplicate_line_number_is_explained(self):
        line = IndikatorPerjanjianFactory(nomor=2)
        duplicate = IndikatorPerjanjianFactory.build(
            sasaran=line.sasaran, nomor=2, indikator=IndikatorKinerjaFactory()
        )
        with pytest.raises(ValidationError) as exc:
            duplicate.full_clean()
        assert "Nomor indikator sudah dipakai dalam sasaran ini." in exc.value.messages

    def test_the_same_indicator_cannot_appear_twice_in_one_pk(self):
        line = IndikatorPerjanjianFactory(nomor=1)
        other_sasaran = SasaranKegiatanFactory(perjanjian=line.sasaran.perjanjian, nomor=5)
        duplicate = IndikatorPerjanjian(
            sasaran=other_sasaran,
            nomor=1,
            uraian="Salinan",
            indikator=line.indikator,
            target=Decimal("5"),
            satuan=line.satuan,
        )
        with pytest.raises(ValidationError) as exc:
            duplicate.full_clean()
        assert exc.value.message_dict["indikator"] == [
            f"Indikator {line.indikator.kode} sudah tercantum dalam PK ini sebagai {line.kode}."
        ]

    def test_a_sasaran_number_is_used_once_per_pk(self):
        sasaran = SasaranKegiatanFactory(nomor=3)
        refused_by_database(lambda: SasaranKegiatanFactory(perjanjian=sasaran.perjanjian, nomor=3))

    def test_line_code_is_roman_sasaran_and_number(self):
        line = IndikatorPerjanjianFactory(sasaran=SasaranKegiatanFactory(nomor=3), nomor=2)
        assert line.kode == "III.2"

    def test_negative_target_is_refused(self):
        refused_by_database(lambda: IndikatorPerjanjianFactory(target=Decimal("-0.01")))


class TestTargetAntara:
    @pytest.mark.parametrize("value", ["-0.01", "100.01", "150"])
    def test_outside_0_100_is_refused_by_the_database(self, value):
        refused_by_database(lambda: RencanaAksiFactory(target_antara=Decimal(value)))

    @pytest.mark.parametrize("value", ["0", "62.5", "100"])
    def test_0_to_100_is_accepted(self, value):
        ra = RencanaAksiFactory(target_antara=Decimal(value))
        ra.refresh_from_db()
        assert ra.target_antara == Decimal(value)

    def test_outside_range_is_explained_on_the_field(self):
        ra = RencanaAksiFactory.build(
            indikator=IndikatorPerjanjianFactory(), target_antara=Decimal("120")
        )
        with pytest.raises(ValidationError) as exc:
            ra.full_clean()
        assert "target_antara" in exc.value.message_dict

    def test_one_plan_per_line_and_quarter(self):
        ra = RencanaAksiFactory(triwulan=2)
        refused_by_database(lambda: RencanaAksiFactory(indikator=ra.indikator, triwulan=2))

    @pytest.mark.parametrize("triwulan", [0, 5])
    def test_quarter_is_1_to_4(self, triwulan):
        refused_by_database(lambda: RencanaAksiFactory(triwulan=triwulan))


class TestRealisasiTriwulan:
    def test_realisasi_antara_above_100_is_refused(self):
        refused_by_database(lambda: RealisasiTriwulanFactory(realisasi_antara=Decimal("100.5")))

    def test_one_measurement_per_line_and_quarter(self):
        r = RealisasiTriwulanFactory(triwulan=3)
        refused_by_database(lambda: RealisasiTriwulanFactory(indikator=r.indikator, triwulan=3))


class TestRenstra:
    def test_period_longer_than_five_years_is_refused(self):
        satker = SatkerFactory()
        refused_by_database(
            lambda: Renstra.objects.create(
                tingkat=TingkatRenstra.SATKER,
                satker=satker,
                nama="Terlalu panjang",
                tahun_awal=2020,
                tahun_akhir=2025,
            )
        )

    def test_satker_renstra_needs_a_satker(self):
        refused_by_database(
            lambda: Renstra.objects.create(
                tingkat=TingkatRenstra.SATKER,
                nama="Tanpa satker",
                tahun_awal=2025,
                tahun_akhir=2029,
            )
        )

    def test_target_year_outside_the_period_is_explained(self):
        renstra = Renstra.objects.create(
            tingkat=TingkatRenstra.SATKER,
            satker=SatkerFactory(),
            nama="Renstra uji",
            tahun_awal=2025,
            tahun_akhir=2029,
        )
        sasaran = SasaranRenstra.objects.create(renstra=renstra, kode="SK1", nama="Sasaran")
        indikator = IndikatorRenstra.objects.create(sasaran=sasaran, nomor=1, nama="Indikator")
        target = TargetRenstra(indikator=indikator, tahun=2030, target=Decimal("1"))
        with pytest.raises(ValidationError) as exc:
            target.full_clean()
        assert exc.value.message_dict["tahun"] == ["Tahun 2030 di luar periode Renstra 2025-2029."]


class TestIndikatorKinerja:
    def test_method_and_supporting_data_must_match(self):
        refused_by_database(
            lambda: IndikatorKinerjaFactory(metode="pertumbuhan", data_dukung="nilai_sakip")
        )

    def test_growth_reads_pnbp_or_service_results(self):
        for sumber in ("pnbp_layanan", "hasil_layanan"):
            indikator = IndikatorKinerjaFactory(metode="pertumbuhan", data_dukung=sumber)
            indikator.full_clean()  # accepted by the model's rules as by the database
            indikator.refresh_from_db()
            assert (indikator.metode, indikator.data_dukung) == ("pertumbuhan", sumber)

    def test_a_mismatch_is_explained(self):
        indikator = IndikatorKinerjaFactory.build(metode="pangsa", data_dukung="")
        with pytest.raises(ValidationError) as exc:
            indikator.full_clean()
        assert "Data dukung tidak sesuai dengan metode perhitungan indikator." in str(exc.value)
