"""Render a report to a file, for administrators who produce reports in batches:

    python manage.py render_laporan --jenis lakip --satker 417912 --tahun 2023 \\
        --format pdf --output lakip-417912-2023.pdf
    python manage.py render_laporan --jenis pp39 --satker 247246 --tahun 2023 --triwulan 2 \\
        --format xlsx --output pp39-247246-2023-tw2.xlsx

The formats are those of laporan.render's registry (pdf, xlsx, docx, html); `--format html`
writes the one self-contained HTML file WeasyPrint lays the PDF out from. A PDF is laid out
in parts in parallel and from the cache of parts laid out before; `--segar` lays every part
out anew (to time it, or to rule the cache out), and a line per part says how far it is.

A verified quarter's PP-39 in an archived format (pdf, xlsx) has an archive, its official
file: the command says so and prints its SHA-256, and still renders from the current data
unless `--arsip` asks for the archive's own bytes (checked against that SHA-256).
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from laporan import arsip, selectors, services
from laporan import render as renderer
from laporan.choices import FORMAT_ARSIP, JenisLaporan, StatusBerkas
from laporan.models import BerkasLaporan
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
        parser.add_argument(
            "--segar",
            action="store_true",
            help=(
                "susun tanpa cache tata letak (semua bagian PDF ditata ulang), "
                "misalnya untuk mengukur waktu penyusunan dari nol"
            ),
        )
        parser.add_argument(
            "--arsip",
            action="store_true",
            help=(
                "untuk PP-39 triwulan terverifikasi (pdf, xlsx): tulis berkas arsip verifikasinya "
                "(diperiksa terhadap SHA-256), bukan susunan baru"
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
        output: Path = opts["output"]
        if output.parent and not output.parent.exists():
            raise CommandError(f"Folder {output.parent} tidak ada.")
        berkas_arsip = self._arsip(satker, opts)
        if opts["arsip"]:
            if berkas_arsip is None:
                raise CommandError("Laporan ini tidak memiliki arsip verifikasi yang sudah jadi.")
            try:
                isi = arsip.isi_terperiksa(berkas_arsip)
            except arsip.ArsipRusak as exc:
                raise CommandError(str(exc)) from exc
            output.write_bytes(isi)
            self.stdout.write(f"{output} (arsip, SHA-256 {berkas_arsip.sha256})")
            return
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
        hasil = services.render(laporan, opts["format"], segar=opts["segar"], progres=self._progres)
        output.write_bytes(hasil.isi)
        halaman = f", {hasil.halaman} halaman" if hasil.halaman else ""
        self.stdout.write(
            f"{output} ({len(hasil.isi) / 1024:.0f} KiB{halaman}, "
            f"{len(laporan.tabel())} tabel, {time.perf_counter() - mulai:.1f} detik)"
        )

    def _progres(self, selesai: int, total: int, langkah: str) -> None:
        """One line per step of a long rendering: "Menata letak 3/12 (bagian)"."""
        self.stderr.write(f"Menata letak {selesai}/{total} ({langkah})")

    def _arsip(self, satker: Satker, opts: dict) -> BerkasLaporan | None:
        """The written archive of the quarter's current verification, said on stdout; None
        (and nothing said unless the quarter is verified) when there is none."""
        if opts["jenis"] != JenisLaporan.PP39 or opts["format"] not in FORMAT_ARSIP:
            return None
        peristiwa = selectors.verifikasi_berlaku(satker.pk, opts["tahun"], opts["triwulan"])
        if peristiwa is None:
            return None
        berkas = BerkasLaporan.objects.filter(
            arsip=True, peristiwa=peristiwa, format=opts["format"], status=StatusBerkas.SELESAI
        ).first()
        if berkas is None:
            self.stdout.write(
                "Triwulan ini sudah diverifikasi, tetapi arsipnya belum selesai disusun."
            )
            return None
        oleh = peristiwa.oleh.username if peristiwa.oleh else "–"
        waktu = timezone.localtime(peristiwa.waktu)
        self.stdout.write(
            f"Triwulan ini sudah diverifikasi ({waktu:%Y-%m-%d %H:%M}, {oleh}); "
            f"berkas resminya adalah arsip versi {berkas.versi}, SHA-256 {berkas.sha256}."
        )
        if not opts["arsip"]:
            self.stdout.write(
                "Berkas yang ditulis disusun ulang dari data terkini dan bukan arsip itu; "
                "pakai --arsip untuk menulis arsipnya."
            )
        return berkas
