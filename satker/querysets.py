"""Row-level scoping: every query for satker data goes through `restrict(user)`.

A model opts in by naming, in `satker_lookup`, the ORM path from itself to its `Satker`
("pk" for Satker itself, "satker" for a PK, "sasaran__perjanjian__satker" for a PK line).
A satker user then sees only the rows of their own satker; the secretariat sees every row;
anyone else sees nothing. Views and viewsets call it once, in their base class, so another
satker's object is a 404, not a 403 that confirms it exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from satker.models import Pengguna


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user: Pengguna | AnonymousUser | Any) -> Self:
        """Rows of this queryset that `user` may see."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.melihat_semua_satker:
            return self
        if user.satker_id is None:
            return self.none()
        lookup: str = self.model.satker_lookup
        return self.filter(**{lookup: user.satker_id})
