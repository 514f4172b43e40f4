"""manage.py token_api --pengguna USER --cakupan baca|tulis [--berlaku-hari N] [--nama NAMA]:
a new API token of a user, printed alone on stdout so that a script can capture it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from satker import token_api
from satker.models import CakupanToken, Pengguna


class Command(BaseCommand):
    help = (
        "Membuat token API baru untuk seorang pengguna dan mencetak tokennya saja (sekali ini; "
        "yang disimpan hanya sidiknya)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--pengguna", required=True, help="Nama pengguna (username).")
        parser.add_argument(
            "--cakupan", required=True, help="baca (hanya GET) atau tulis (juga mengubah data)."
        )
        parser.add_argument(
            "--berlaku-hari",
            type=str,
            default=None,
            help=f"Masa berlaku, 1 sampai {token_api.HARI_MAKS_PERINTAH} hari; tanpa opsi ini "
            "token berlaku sampai dicabut.",
        )
        parser.add_argument(
            "--nama", default=None, help="Nama token (bawaan: “Token perintah <waktu>”)."
        )

    def handle(self, *args, **options) -> None:
        try:
            pengguna = Pengguna.objects.get(username=options["pengguna"])
        except Pengguna.DoesNotExist:
            raise CommandError(f"Pengguna “{options['pengguna']}” tidak ada.") from None
        cakupan = options["cakupan"]
        if cakupan not in CakupanToken.values:
            raise CommandError(f"Cakupan “{cakupan}” tidak dikenal: pakai baca atau tulis.")
        berlaku_hari = None
        if options["berlaku_hari"] is not None:
            try:
                berlaku_hari = int(options["berlaku_hari"])
            except ValueError:
                berlaku_hari = 0
            if not 1 <= berlaku_hari <= token_api.HARI_MAKS_PERINTAH:
                raise CommandError(
                    f"--berlaku-hari harus bilangan bulat 1 sampai "
                    f"{token_api.HARI_MAKS_PERINTAH}, bukan “{options['berlaku_hari']}”."
                )
        nama = options["nama"]
        if nama is None:
            waktu = timezone.localtime().strftime("%Y-%m-%d %H:%M")
            nama = token_api.nama_bebas(pengguna, f"Token perintah {waktu}")
        try:
            _, kunci = token_api.token_buat(
                pengguna=pengguna, nama=nama, cakupan=cakupan, berlaku_hari=berlaku_hari
            )
        except ValidationError as exc:
            pesan = "; ".join(p for daftar in exc.message_dict.values() for p in daftar)
            raise CommandError(pesan) from None
        self.stdout.write(kunci)
