"""Reads of the user accounts for the secretariat's list: filtered, paged, with the satker
read in the same query (thousands of accounts at ministry scale)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from satker.models import Pengguna


def pengguna_daftar(
    *, peran: str = "", satker_id: int | None = None, aktif: str = "", cari: str = ""
) -> QuerySet[Pengguna]:
    """The accounts matching the filters (`aktif`: "ya", "tidak" or "" for both), by
    username, each with its satker."""
    qs = Pengguna.objects.select_related("satker").order_by("username")
    if peran:
        qs = qs.filter(peran=peran)
    if satker_id:
        qs = qs.filter(satker_id=satker_id)
    if aktif == "ya":
        qs = qs.filter(is_active=True)
    elif aktif == "tidak":
        qs = qs.filter(is_active=False)
    if cari:
        qs = qs.filter(
            Q(username__icontains=cari)
            | Q(first_name__icontains=cari)
            | Q(last_name__icontains=cari)
            | Q(email__icontains=cari)
        )
    return qs
