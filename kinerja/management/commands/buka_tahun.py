"""Open a performance year for every satker: `manage.py buka_tahun --tahun 2024`."""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.services.tahun import HasilSatker, buka_tahun


class Command(BaseCommand):
    help = (
        "Membuka tahun kinerja untuk setiap satker: draf PK dari target Renstra tahun itu, "
        "Rencana Aksi dari bentuk tahun lalu (ditandai untuk ditinjau satker), dan triwulan "
        "tahun itu siap dibuka reviewer. Satker yang sudah memiliki PK tahun itu tidak diubah; "
        "menjalankan ulang tidak membuat apa pun dua kali."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tahun", type=int, required=True, help="Tahun kinerja, mis. 2024.")

    def handle(self, *args, **options) -> None:
        mulai = time.perf_counter()
        bicara = options["verbosity"] >= 1

        def progres(selesai: int, total: int, h: HasilSatker) -> None:
            if bicara:
                self.stdout.write(
                    f"satker {selesai}/{total} ({selesai * 100 // total}%): {h.singkatan} "
                    f"{h.status}"
                )

        try:
            run = buka_tahun(tahun=options["tahun"], progres=progres)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if run.status != "selesai":
            raise CommandError(run.pesan or "Pembukaan tahun gagal.")
        for h in run.hasil:
            if h["status"] == "dilewati":
                self.stdout.write(f"tidak dibuka: {h['singkatan']}: {h['alasan']}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Tahun {run.tahun}: {run.jumlah_dibuka} draf PK dibuat, {run.jumlah_sudah_ada} "
                f"sudah memiliki PK, {run.jumlah_dilewati} tidak dapat dibuka, dari "
                f"{run.jumlah_satker} satker ({time.perf_counter() - mulai:.1f} detik)."
            )
        )
