"""Render a report to a file, for administrators who produce reports in batches:

    python manage.py render_laporan --jenis lakip --satker 417912 --tahun 2023 \\
        --format pdf --output lakip-417912-2023.pdf
    python manage.py render_laporan --jenis pp39 --satker 247246 --tahun 2023 --triwulan 2 \\
        --format xlsx --output pp39-247246-2023-tw2.xlsx

The formats are those of laporan.render's registry (pdf, xlsx, docx, html); `--format html`
writes the one self-contained HTML file WeasyPrint lays the PDF out from.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from laporan import render as renderer
from laporan import services
from laporan.choices import JenisLaporan
from laporan.susun import LaporanTidakAda
from satker.models import Satker


class Command(BaseCommand):
    help = "Menyusun laporan PP-39, LAKIP atau Perjanjian Kinerja satu satker ke sebuah berkas."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--jenis", required=True, choices=JenisLaporan.values)
        parser.add_argument("--satker", required=True, help="kode satker 6 angka, mis. 417912")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", type=int, choices=(1, 2, 3, 4))
        # Not argparse's choices: an unknown format is refused by the request check below,
        # with the same message as on the page and in the API.
        parser.add_argument(
            "--format", required=True, help=f"salah satu dari: {', '.join(renderer.identifiers())}"
        )
        parser.add_argument("--output", required=True, type=Path, help="berkas tujuan")
        parser.add_argument(
            "--catatan-reviu",
            action="store_true",
            help=(
                "lampirkan catatan penyusunan untuk reviewer "
                "(tidak untuk laporan yang ditandatangani)"
            ),
        )

    def handle(self, *args, **opts) -> None:
        satker = Satker.objects.filter(kode=opts["satker"]).first()
        if satker is None:
            raise CommandError(f"Satker dengan kode {opts['satker']} tidak ditemukan.")
        try:
            services.periksa_permintaan(
                jenis=opts["jenis"],
                format_=opts["format"],
                satker=satker,
                tahun=opts["tahun"],
                triwulan=opts["triwulan"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        mulai = time.perf_counter()
        try:
            laporan = services.susun(
                opts["jenis"],
                satker,
                opts["tahun"],
                opts["triwulan"],
                catatan_reviu=opts["catatan_reviu"],
            )
        except LaporanTidakAda as exc:
            raise CommandError(str(exc)) from exc
        hasil = services.render(laporan, opts["format"])
        output: Path = opts["output"]
        if output.parent and not output.parent.exists():
            raise CommandError(f"Folder {output.parent} tidak ada.")
        output.write_bytes(hasil.isi)
        halaman = f", {hasil.halaman} halaman" if hasil.halaman else ""
        self.stdout.write(
            f"{output} ({len(hasil.isi) / 1024:.0f} KiB{halaman}, "
            f"{len(laporan.tabel())} tabel, {time.perf_counter() - mulai:.1f} detik)"
        )
