"""Load the demo data set (both source reports) and print a demo login per role."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.demo_data import FIXTURES_DIR, load_demo_data
from kinerja.jejak import TriwulanTerkunci
from satker.fixture_loading import FixtureError


class Command(BaseCommand):
    help = (
        "Memuat data demo (BSKJI, pedoman indikator, Renstra, PK BSPJI Manado dan Pekanbaru "
        "2023) dari fixtures/. Aman dijalankan berulang: hanya yang berbeda yang diubah."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--fixtures", type=Path, default=FIXTURES_DIR, help="Direktori fixtures."
        )

    def handle(self, *args, **options) -> None:
        try:
            result = load_demo_data(options["fixtures"])
        except FixtureError as exc:
            raise CommandError(f"Data demo tidak dimuat (tidak ada yang diubah): {exc}") from exc
        except TriwulanTerkunci as exc:
            raise CommandError(
                f"Data demo tidak dimuat (tidak ada yang diubah): {exc.pesan}"
            ) from exc
        stats = result.stats
        if stats.nothing_changed:
            self.stdout.write("Data demo sudah mutakhir; tidak ada yang diubah.")
        for label, n in sorted(stats.created.items()):
            self.stdout.write(f"  dibuat  {n:4d} {label}")
        for label, n in sorted(stats.changed.items()):
            self.stdout.write(f"  diubah  {n:4d} {label}")
        self.stdout.write(self.style.SUCCESS("\nAkun demo:"))
        for login in result.logins:
            sandi = login.password or "(akun sudah ada; kata sandi tidak direset)"
            self.stdout.write(f"  {login.username:20s} {login.peran} — {login.satker}: {sandi}")
