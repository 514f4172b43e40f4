"""Mail the satker whose quarter is due soon and not yet submitted. Run daily, by cron or
Celery beat:

    python manage.py kirim_pengingat            # deadlines within 3 days
    python manage.py kirim_pengingat --hari 7 --coba
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from kinerja import pengingat
from kinerja.formatting import format_tanggal


class Command(BaseCommand):
    help = "Mengirim surel pengingat kepada satker yang belum mengajukan laporan triwulan."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--hari", type=int, default=3, help="batas waktu dalam N hari")
        parser.add_argument(
            "--tanggal", type=datetime.date.fromisoformat, help="hari ini (YYYY-MM-DD)"
        )
        parser.add_argument("--coba", action="store_true", help="tampilkan saja, jangan kirim")

    def handle(self, *args, **opts) -> None:
        hari_ini = opts["tanggal"] or timezone.localdate()
        hasil = pengingat.kirim(hari_ini=hari_ini, sebelum=opts["hari"], coba=opts["coba"])
        for h in hasil:
            status = "terkirim" if h.terkirim else f"tidak dikirim ({h.alasan})"
            self.stdout.write(
                f"{h.satker.singkatan}: {h.periode}, batas {format_tanggal(h.batas)}, "
                f"{', '.join(h.penerima) or '-'}: {status}"
            )
        terkirim = sum(1 for h in hasil if h.terkirim)
        self.stdout.write(f"{terkirim} pengingat terkirim.")
