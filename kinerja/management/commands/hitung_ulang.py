"""Recompute every stored figure from its inputs (after a change of the computation's
settings, or to repair figures written around the application)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja import hasil
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from satker.models import Satker


class Command(BaseCommand):
    help = (
        "Menghitung ulang dan menyimpan seluruh hasil perhitungan (realisasi, capaian, status, "
        "prakiraan setiap indikator PK per triwulan dan setahun, serta ringkasan anggaran "
        "setiap satker), dalam satu transaksi."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--satker", help="Kode satker; tanpa ini semua satker.")
        parser.add_argument("--tahun", type=int, help="Tahun; tanpa ini semua tahun.")

    def handle(self, *args, **options) -> None:
        satker_ids = None
        if kode := options["satker"]:
            satker = Satker.objects.filter(kode=kode).first()
            if satker is None:
                raise CommandError(f"Satker dengan kode {kode} tidak ada.")
            satker_ids = [satker.pk]
        tahun = options["tahun"]
        if tahun is not None and not TAHUN_MIN <= tahun <= TAHUN_MAX:
            raise CommandError(f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAX}.")
        mulai = time.monotonic()
        progres = self._progres if options["verbosity"] >= 1 else None
        ditulis = hasil.hitung_ulang(satker_ids=satker_ids, tahun=tahun, progres=progres)
        detik = time.monotonic() - mulai
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai: {ditulis} baris hasil perhitungan disimpan dalam {detik:.1f} detik."
            )
        )

    def _progres(self, selesai: int, total: int) -> None:
        persen = 100 * selesai // total if total else 100
        self.stdout.write(f"Menghitung ulang: {selesai}/{total} satker-tahun ({persen}%)")
