"""Fill every satker without data of a year with a simulated year, and add simulated satker
up to a total: `manage.py buat_simulasi --satker 1000 --tahun 2023 [--seed 1]`."""

from __future__ import annotations

import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.formatting import format_angka
from kinerja.simulasi import SimulasiError, buat_simulasi
from kinerja.simulasi.siklus import KEADAAN


class Command(BaseCommand):
    help = (
        "Membuat data simulasi: mengisi satker yang belum memiliki data pada tahun itu dan "
        "menambah satker simulasi sampai jumlah seluruh satker = --satker. Satker nyata "
        "(Manado, Pekanbaru) dan satker yang sudah berdata tidak diubah. Hasilnya sama untuk "
        "seed yang sama; menjalankan ulang tidak membuat apa pun."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--satker",
            type=int,
            required=True,
            help="Jumlah seluruh satker sesudahnya, termasuk yang sudah ada (mis. 1000).",
        )
        parser.add_argument("--tahun", type=int, required=True, help="Tahun data, mis. 2023.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Benih acak; seed sama → data sama (baku 1)."
        )

    def handle(self, *args, **options) -> None:
        mulai = time.perf_counter()

        bicara = options["verbosity"] >= 1

        def progres(selesai: int, total: int) -> None:
            if bicara:
                self.stdout.write(f"satker {selesai}/{total} ({selesai * 100 // total}%)")

        def progres_hitung(selesai: int, total: int) -> None:
            if bicara:
                self.stdout.write(
                    f"menghitung hasil {selesai}/{total} satker-tahun ({selesai * 100 // total}%)"
                )

        try:
            hasil = buat_simulasi(
                jumlah_satker=options["satker"],
                tahun=options["tahun"],
                seed=options["seed"],
                progres=progres,
                progres_hitung=progres_hitung,
            )
        except SimulasiError as exc:
            raise CommandError(f"Simulasi tidak dibuat (tidak ada yang diubah): {exc}") from exc
        detik = time.perf_counter() - mulai
        for alasan, n in sorted(hasil.dilewati.items()):
            self.stdout.write(f"  dilewati {n:5d} satker: {alasan}")
        if not hasil.dibuat:
            self.stdout.write(
                f"Tidak ada yang dibuat: {hasil.jumlah_satker} satker sudah ada dan semuanya "
                f"sudah memiliki data tahun {hasil.tahun} "
                f"({format_angka(Decimal(f'{detik:.1f}'))} detik)."
            )
            return
        for q, jumlah in sorted(hasil.keadaan.items()):
            rincian = ", ".join(f"{k} {jumlah[k]}" for k in KEADAAN if jumlah[k])
            self.stdout.write(f"  Triwulan {q}: {rincian}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai dalam {format_angka(Decimal(f'{detik:.1f}'))} detik: "
                f"{hasil.satker_diisi} satker diisi, {hasil.satker_baru} satker simulasi baru, "
                f"{format_angka(hasil.jumlah_baris)} baris data tahun {hasil.tahun} "
                f"(seed {hasil.seed}); kini {hasil.jumlah_satker} satker."
            )
        )
