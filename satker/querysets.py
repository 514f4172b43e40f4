"""Row-level scoping: every query for satker data goes through `restrict(user)`.

A model opts in by naming, in `satker_lookup`, the ORM path from itself to its `Satker`
("pk" for Satker itself, "satker" for a PK, "sasaran__perjanjian__satker" for a PK line).
A satker user then sees only the rows of their own satker; the secretariat sees every row;
anyone else sees nothing. Views and viewsets call it once, in their base class, so another
satker's object is a 404, not a 403 that confirms it exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models, transaction

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

    # Bulk writes send no model signal: the history and the quarter lock of kinerja.jejak
    # see them here, so that no path (an import, an admin action, a command) bypasses them.

    def update(self, **kwargs: Any) -> int:
        """Update the rows, refusing a closed quarter and recording each changed field."""
        from kinerja import jejak

        if not jejak.dicatat(self.model):
            return super().update(**kwargs)
        lama = jejak.sebelum_update(self)  # refused here, before anything is written
        if not lama:
            return 0
        # An update that may move rows into a closed quarter is checked afterwards, in a
        # savepoint of its own, so that its refusal undoes only itself.
        pindah = jejak.memindah(self.model, kwargs)
        with transaction.atomic(using=self.db, savepoint=pindah):
            base = self.model._base_manager.using(self.db)
            jumlah = base.filter(pk__in=[o.pk for o in lama]).update(**kwargs)
            jejak.setelah_update(self, lama, periksa=pindah)
            return jumlah

    update.alters_data = True

    def bulk_create(self, objs, *args: Any, **kwargs: Any) -> list:
        """Insert the rows, refusing a closed quarter and recording each created row."""
        from kinerja import jejak

        if not jejak.dicatat(self.model):
            return super().bulk_create(objs, *args, **kwargs)
        objs = list(objs)
        jejak.sebelum_bulk_create(self.model, objs)  # refused here, before anything is written
        with transaction.atomic(using=self.db, savepoint=False):
            hasil = super().bulk_create(objs, *args, **kwargs)
            jejak.setelah_bulk_create(self.model, hasil)
            return hasil

    bulk_create.alters_data = True

    def delete(self) -> tuple[int, dict[str, int]]:
        """Delete the rows (each recorded as it goes), refusing a closed quarter first."""
        from kinerja import jejak

        if jejak.dicatat(self.model):
            jejak.sebelum_update(self)  # refused here, before the deletion begins
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True
