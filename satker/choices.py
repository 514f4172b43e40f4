"""Enumerations of the organisation: kinds of satker and user roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisSatker(models.TextChoices):
    BALAI_BESAR = "balai_besar", _("Balai Besar (BBSPJI)")
    BALAI = "balai", _("Balai (BSPJI)")


class Peran(models.TextChoices):
    """A user's role. Satker roles belong to one satker; secretariat roles see every satker."""

    OPERATOR = "operator", _("Operator satker")
    KEPALA = "kepala", _("Kepala satker")
    REVIEWER = "reviewer", _("Reviewer Sekretariat BSKJI")
    ADMIN = "admin", _("Administrator")


PERAN_SATKER = (Peran.OPERATOR, Peran.KEPALA)
PERAN_SEKRETARIAT = (Peran.REVIEWER, Peran.ADMIN)
