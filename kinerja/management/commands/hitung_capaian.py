"""Print the computed figures of a satker's PK lines, as the API gives them."""

from __future__ import annotations

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.api.serializers import CapaianSerializer
from kinerja.formatting import format_angka
from kinerja.models import IndikatorPerjanjian
from kinerja.selectors import hitung_capaian
from satker.models import Satker


class Command(BaseCommand):
    help = (
        "Menghitung realisasi, capaian dan status setiap indikator PK satu satker untuk satu "
        "triwulan (s.d. triwulan) atau setahun penuh, sama dengan GET /api/v1/capaian/."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--satker", required=True, help="Kode satker, mis. 417912.")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **options) -> None:
        if not Satker.objects.filter(kode=options["satker"]).exists():
            raise CommandError(f"Satker dengan kode {options['satker']} tidak ada.")
        lines = (
            IndikatorPerjanjian.objects.filter(
                sasaran__perjanjian__satker__kode=options["satker"],
                sasaran__perjanjian__tahun=options["tahun"],
            )
            .select_related("sasaran__perjanjian__satker", "indikator")
            .order_by("sasaran__nomor", "nomor")
        )
        if not lines:
            raise CommandError(
                f"Satker {options['satker']} tidak memiliki PK tahun {options['tahun']}."
            )
        items = CapaianSerializer(hitung_capaian(lines, options["triwulan"]), many=True).data
        if options["format"] == "json":
            self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            self._tabel(items)

    def _tabel(self, items) -> None:
        kolom = [
            ("Kode", "indikator_kode", 7),
            ("Target", "target", 9),
            ("Realisasi", "realisasi", 10),
            ("Capaian %", "capaian", 10),
            ("Antara %", "capaian_antara", 9),
            ("Status", "status_label", 19),
        ]
        self.stdout.write(
            "  ".join(f"{judul:<{lebar}}" for judul, _, lebar in kolom) + "  Indikator"
        )
        for item in items:
            baris = "  ".join(f"{_tampil(item[k]):<{lebar}}" for _, k, lebar in kolom)
            self.stdout.write(f"{baris}  {item['indikator']} ({item['satuan']})")
            if item["rumus"]:
                self.stdout.write(f"{'':9}{item['rumus']}")
            for note in item["catatan"]:
                self.stdout.write(f"{'':9}! {note}")


def _tampil(nilai: str | None) -> str:
    """A decimal string of the API printed the Indonesian way (26.73 → 26,73)."""
    if nilai is None:
        return "–"
    try:
        return format_angka(Decimal(nilai))
    except ArithmeticError:
        return nilai
