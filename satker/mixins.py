"""Base classes for views over satker data: login required, queryset scoped to the user."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import QuerySet


class RestrictedQuerysetMixin(LoginRequiredMixin):
    """Every object a view shows comes from `Model.objects.restrict(user)`; another satker's
    object is therefore a 404, indistinguishable from one that does not exist."""

    model = None
    queryset: QuerySet | None = None

    def get_queryset(self) -> QuerySet:
        base = self.queryset if self.queryset is not None else self.model._default_manager.all()
        return base.restrict(self.request.user)
