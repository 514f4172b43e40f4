"""The base of every API viewset over satker data: the queryset is scoped to the user, so
another satker's rows are simply absent (a 404 for a detail, missing from a list)."""

from django.db.models import QuerySet
from rest_framework import viewsets


class RestrictedViewSetMixin:
    def get_queryset(self) -> QuerySet:
        return super().get_queryset().restrict(self.request.user)


class RestrictedListViewSet(
    RestrictedViewSetMixin, viewsets.mixins.ListModelMixin, viewsets.GenericViewSet
):
    pass
