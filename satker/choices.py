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
    SEKRETARIAT = "sekretariat", _("Sekretariat BSKJI (data induk)")
    ADMIN = "admin", _("Administrator")


PERAN_SATKER = (Peran.OPERATOR, Peran.KEPALA)
PERAN_SEKRETARIAT = (Peran.REVIEWER, Peran.SEKRETARIAT, Peran.ADMIN)
# Who maintains the master data (the manual, the cascade, Renstra, DIPA, links, external
# scores, user accounts, the year's opening) on the secretariat's pages.
PERAN_DATA_INDUK = (Peran.SEKRETARIAT, Peran.ADMIN)
