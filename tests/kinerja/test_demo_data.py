"""The demo data set against the source documents, and the loader's promises: loading twice
changes nothing, a bad fixture changes nothing and says where it is wrong.

Expected values are read from the documents (PP-39 BSPJI Manado TW II 2023: Tabel 1, 4, 5;
LAKIP BSPJI Pekanbaru 2023: Tabel 4, 8, 9, 11, the signed PK), not from the fixtures."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command

from kinerja.demo_data import FIXTURES_DIR, load_demo_data
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    TargetRenstra,
)
from satker.fixture_loading import FixtureError
from satker.models import Satker
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

D = Decimal

# PP-39 Manado, Tabel 1 (IV.1: 92,5 as in Tabel 1, 4, 5; Tabel 9's "92" is a slip).
MANADO_TARGETS = {
    "I.1": ("6", "Persen"),
    "II.1": ("1", "Perusahaan"),
    "III.1": ("6", "Persen"),
    "III.2": ("4", "Persen"),
    "III.3": ("750", "SPK/Order"),
    "III.4": ("1", "Ruang Lingkup"),
    "III.5": ("43", "Persen"),
    "IV.1": ("92.5", "Persen"),
    "V.1": ("3.6", "Indeks"),
    "VI.1": ("72", "Indeks"),
    "VII.1": ("3.56", "Nilai"),
    "VIII.1": ("80.4", "Nilai"),
    "VIII.2": ("90", "Nilai"),
}

# LAKIP Pekanbaru, Tabel 8 and the signed PK.
PEKANBARU_TARGETS = {
    "I.1": ("10", "Persen"),
    "II.1": ("1", "Perusahaan"),
    "III.1": ("12", "Persen"),
    "III.2": ("5", "Persen"),
    "III.3": ("5", "Persen"),
    "III.4": ("45", "Persen"),
    "IV.1": ("92.5", "Persen"),
    "V.1": ("3.5", "Indeks"),
    "VI.1": ("73", "Indeks"),
    "VII.1": ("3.53", "Indeks"),
    "VIII.1": ("75", "Nilai"),
    "VIII.2": ("90", "Nilai"),
}

Q = (25, 50, 75, 100)
# PP-39 Manado, Tabel 4. IV.1 prints "-" for TW II and III after 100 in TW I: the cumulative
# target stays 100 (TW II confirmed by Tabel 9 and the text). V.1 prints nothing for TW I and
# III; TW II is 50 in Tabel 5, Tabel 10 and the Form.
MANADO_TARGET_ANTARA = {
    "I.1": Q,
    "II.1": Q,
    "III.1": Q,
    "III.2": Q,
    "III.3": Q,
    "III.4": Q,
    "III.5": Q,
    "IV.1": (100, 100, 100, 100),
    "V.1": (None, 50, None, 100),
    "VI.1": Q,
    "VII.1": Q,
    "VIII.1": (40, 60, 80, 100),
    "VIII.2": (40, 60, 80, 100),
}

# PP-39 Manado, Tabel 5 / Form Pengukuran Rencana Aksi, quarter II realisasi antara.
# III.3: 426 of 750 SPK = 56,8% (the tables print 56, the text 56,8%). IV.1: 100 (Tabel 9,
# text). VIII.2: 30 (text 3.1.1; the tables print "-").
MANADO_REALISASI_ANTARA_TW2 = {
    "I.1": 50,
    "II.1": 50,
    "III.1": 50,
    "III.2": 50,
    "III.3": D("56.8"),
    "III.4": 50,
    "III.5": 50,
    "IV.1": 100,
    "V.1": 50,
    "VI.1": 50,
    "VII.1": 50,
    "VIII.1": 100,
    "VIII.2": 30,
}

# LAKIP Pekanbaru, Tabel 11: target antara 10/30/60/100 for every line; realisasi TW III.
PEKANBARU_REALISASI_TW3 = {
    "I.1": 95,
    "II.1": 95,
    "III.1": 80,
    "III.2": 90,
    "III.3": 95,
    "III.4": 90,
    "IV.1": 90,
    "V.1": 90,
    "VI.1": 90,
    "VII.1": 90,
    "VIII.1": 90,
    "VIII.2": 90,
}

# LAKIP Pekanbaru, Tabel 4 (the Renstra matrix): targets 2021..2024, None for "-"/"N/A".
# SK8/2 2023-2024: Tabel 4 sets 92 (Tabel 29 prints 90, the PK's figure).
PEKANBARU_RENSTRA_TARGETS = {
    "SK1/1": (None, None, "10", "12"),
    "SK2/1": (None, "1", "1", "1"),
    "SK2/2": (None, None, None, "2.1"),
    "SK3/1": ("5", "10", "12", "15"),
    "SK3/2": (None, "2", "5", "10"),
    "SK3/3": (None, None, "5", "10"),
    "SK3/4": ("40", "40", "45", "50"),
    "SK4/1": ("91.5", "92", "92.5", "93"),
    "SK5/1": ("3.4", "3.45", "3.50", "3.52"),
    "SK6/1": ("71", "72", "73", "73"),
    "SK7/1": ("3.51", "3.52", "3.53", "3.54"),
    "SK8/1": ("82", "84", "75", "75"),
    "SK8/2": ("90", "92", "92", "92"),
}


def pk_lines(kode_satker: str) -> dict[str, IndikatorPerjanjian]:
    lines = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker__kode=kode_satker, sasaran__perjanjian__tahun=2023
    ).select_related("sasaran")
    return {line.kode: line for line in lines}


def as_decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


class TestPerjanjianKinerja:
    @pytest.mark.parametrize(
        ("kode_satker", "expected"),
        [(MANADO, MANADO_TARGETS), (PEKANBARU, PEKANBARU_TARGETS)],
        ids=["manado", "pekanbaru"],
    )
    def test_lines_and_targets_match_the_document(self, demo, kode_satker, expected):
        lines = pk_lines(kode_satker)
        assert list(lines) == list(expected)  # same lines, in the document's order
        loaded = {kode: (line.target, line.satuan) for kode, line in lines.items()}
        assert loaded == {kode: (D(t), s) for kode, (t, s) in expected.items()}

    def test_manado_has_13_lines_in_8_sasaran(self, demo):
        pk = PerjanjianKinerja.objects.get(satker__kode=MANADO, tahun=2023)
        assert pk.sasaran.count() == 8
        assert IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk).count() == 13

    def test_pekanbaru_pk_signatories_and_budget(self, demo):
        pk = PerjanjianKinerja.objects.get(satker__kode=PEKANBARU, tahun=2023)
        assert pk.pihak_pertama_nama == "Dindin Syafruddin"
        assert pk.pihak_kedua_nama == "Andi Rizaldi"
        assert (pk.tempat, pk.tanggal.isoformat()) == ("Jakarta", "2023-10-27")
        assert pk.total_anggaran == 7_350_321_000


class TestRencanaAksi:
    def test_manado_target_antara_every_quarter(self, demo):
        loaded = {
            kode: tuple(
                ra.target_antara
                for ra in RencanaAksi.objects.filter(indikator=line).order_by("triwulan")
            )
            for kode, line in pk_lines(MANADO).items()
        }
        assert loaded == {
            kode: tuple(as_decimal(v) for v in values)
            for kode, values in MANADO_TARGET_ANTARA.items()
        }

    def test_pekanbaru_target_antara_every_quarter(self, demo):
        loaded = {
            kode: tuple(
                ra.target_antara
                for ra in RencanaAksi.objects.filter(indikator=line).order_by("triwulan")
            )
            for kode, line in pk_lines(PEKANBARU).items()
        }
        assert loaded == {kode: (D(10), D(30), D(60), D(100)) for kode in PEKANBARU_TARGETS}

    def test_planned_activities_are_kept(self, demo):
        ra = RencanaAksi.objects.get(indikator=pk_lines(MANADO)["I.1"], triwulan=1)
        assert "- Melakukan survei" in ra.rencana_kegiatan


class TestPengukuran:
    def test_manado_quarter_two_progress(self, demo):
        loaded = {
            kode: RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara
            for kode, line in pk_lines(MANADO).items()
        }
        assert loaded == {k: D(v) for k, v in MANADO_REALISASI_ANTARA_TW2.items()}

    def test_manado_reports_only_quarter_two(self, demo):
        triwulan = set(
            RealisasiTriwulan.objects.filter(
                indikator__sasaran__perjanjian__satker__kode=MANADO
            ).values_list("triwulan", flat=True)
        )
        assert triwulan == {2}

    def test_pekanbaru_four_quarters_of_progress(self, demo):
        lines = pk_lines(PEKANBARU)
        for kode, line in lines.items():
            progress = list(
                RealisasiTriwulan.objects.filter(indikator=line)
                .order_by("triwulan")
                .values_list("realisasi_antara", flat=True)
            )
            assert progress == [D(10), D(30), D(PEKANBARU_REALISASI_TW3[kode]), D(100)], kode

    def test_pekanbaru_annual_narrative_for_every_line(self, demo):
        lines = pk_lines(PEKANBARU)
        assert all(hasattr(line, "narasi") for line in lines.values())
        assert "400 kg/bulan" in lines["I.1"].narasi.analisis_capaian


class TestRenstra:
    def test_pekanbaru_renstra_targets(self, demo):
        rows = TargetRenstra.objects.filter(
            indikator__sasaran__renstra__satker__kode=PEKANBARU
        ).select_related("indikator__sasaran")
        loaded: dict[str, list] = {}
        for row in rows.order_by("indikator__sasaran__urutan", "indikator__nomor", "tahun"):
            assert row.tahun in range(2021, 2025)
            loaded.setdefault(row.indikator.kode, []).append(row.target)
        assert loaded == {
            kode: [as_decimal(v) for v in values]
            for kode, values in PEKANBARU_RENSTRA_TARGETS.items()
        }

    def test_pk_lines_link_to_the_renstra_and_cascade_to_bskji(self, demo):
        line = pk_lines(PEKANBARU)["III.4"]
        assert line.indikator_renstra.kode == "SK3/4"
        assert line.indikator_renstra.indikator_induk.kode == "SP3/4"
        assert line.sasaran.sasaran_renstra.kode == "SK3"
        assert [s.kode for s in line.sasaran.sasaran_renstra.sasaran_induk.all()] == ["SP3"]

    def test_bskji_accountability_goal_serves_two_ministry_goals(self, demo):
        sp9 = IndikatorKinerja.objects.get(kode="T4/SP9/a").sasaran_program
        assert sorted(s.kode for s in sp9.sasaran_induk.all()) == ["SS12", "SS13"]


class TestRoster:
    def test_bskji_has_24_units(self, demo):
        assert Satker.objects.count() == 24
        assert Satker.objects.filter(jenis="balai_besar").count() == 11

    def test_known_satker_codes(self, demo):
        assert dict(Satker.objects.exclude(kode=None).values_list("kode", "singkatan")) == {
            MANADO: "BSPJI Manado",
            PEKANBARU: "BSPJI Pekanbaru",
        }


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table of our apps (and the users), in primary-key order."""
    tables = {}
    for label in ("satker", "kinerja"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            tables[model._meta.label] = list(model._default_manager.order_by("pk").values())
    return tables


class TestLoader:
    def test_loading_again_changes_nothing(self, demo):
        before = snapshot()
        result = load_demo_data()
        assert result.stats.nothing_changed
        assert snapshot() == before

    def test_command_prints_a_login_per_role(self, demo, capsys):
        call_command("load_demo_data")
        out = capsys.readouterr().out
        assert "tidak ada yang diubah" in out
        for username in (
            "operator.manado",
            "kepala.manado",
            "operator.pekanbaru",
            "reviewer",
            "admin",
        ):
            assert username in out

    @pytest.fixture
    def broken_fixtures(self, tmp_path: Path) -> Path:
        target = tmp_path / "fixtures"
        shutil.copytree(FIXTURES_DIR, target)
        return target

    def edit(self, path: Path, change) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    def test_a_bad_value_changes_nothing_and_names_the_entry(self, demo, broken_fixtures):
        # A valid change early in the load, then an invalid target antara later on.
        self.edit(
            broken_fixtures / "organisasi.yaml",
            lambda d: d["satker"][0].update(kota="Kota Diubah"),
        )
        self.edit(
            broken_fixtures / "manado" / "pk_2023.yaml",
            lambda d: d["sasaran"][2]["indikator"][1]["rencana_aksi"][2].update(
                target_antara="150"
            ),
        )
        before = snapshot()
        with pytest.raises(FixtureError) as exc:
            load_demo_data(broken_fixtures)
        assert "manado/pk_2023.yaml indikator III.2 rencana aksi TW 3" in str(exc.value)
        assert "target_antara" in str(exc.value)
        assert snapshot() == before

    def test_a_float_is_refused(self, demo, broken_fixtures):
        self.edit(
            broken_fixtures / "pekanbaru" / "pk_2023.yaml",
            lambda d: d["sasaran"][3]["indikator"][0].update(target=92.5),
        )
        message = "IV.1: angka desimal harus ditulis sebagai teks"
        with pytest.raises(FixtureError, match=re.escape(message)):
            load_demo_data(broken_fixtures)

    def test_an_unknown_key_is_refused(self, demo, broken_fixtures):
        self.edit(
            broken_fixtures / "pekanbaru" / "pk_2023.yaml",
            lambda d: d["sasaran"][0]["indikator"][0].update(targett="10"),
        )
        with pytest.raises(FixtureError, match=r"kunci tidak dikenal \['targett'\]"):
            load_demo_data(broken_fixtures)
