from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = _("Kinerja")

    def ready(self) -> None:
        from kinerja import batas, hasil, jejak

        jejak.hubungkan()  # first: a refused write is refused before anything else runs
        hasil.hubungkan_sinyal()
        batas.pasang()
