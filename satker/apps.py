from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SatkerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "satker"
    verbose_name = _("Organisasi dan pengguna")

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from satker.autentikasi import catat_penguncian

        user_locked_out.connect(catat_penguncian, dispatch_uid="satker.catat_penguncian")
