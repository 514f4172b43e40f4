from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SatkerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "satker"
    verbose_name = _("Organisasi dan pengguna")
