"""The manual's indicators carry the time of their last change, so an API client can fetch only
what changed (`diubah_sejak`); the manual has no satker, so it is not in the satker history."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0011_batas_angka_sqlite")]

    operations = [
        migrations.AddField(
            model_name="indikatorkinerja",
            name="diubah",
            field=models.DateTimeField(
                auto_now=True,
                db_index=True,
                default=django.utils.timezone.now,
                help_text="Waktu perubahan terakhir (pedoman tidak tercatat di riwayat satker).",
                verbose_name="diubah",
            ),
            preserve_default=False,
        ),
    ]
