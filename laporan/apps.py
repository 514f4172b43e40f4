from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaporanConfig(AppConfig):
    """Report assembly and rendering (PP-39 quarterly, LAKIP annual, the PK document)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "laporan"
    verbose_name = _("Laporan")
