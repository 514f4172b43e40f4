"""What every data-entry view shares: the satker the user may see, the refusal of a change by
someone who may only read, and saving one satker's data one request at a time."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kinerja import hasil, siklus
from satker.models import Satker


def satker_terlihat(request: HttpRequest, pk: int) -> Satker:
    """The satker, when the user may see it; else 404 (another satker's id finds nothing)."""
    return get_object_or_404(Satker.objects.restrict(request.user), pk=pk)


def pastikan_boleh_mengisi(request: HttpRequest, satker: Satker) -> None:
    """403 for a user who may read the satker's data but not change it (a reviewer)."""
    if not siklus.boleh_mengisi(request.user, satker):
        raise PermissionDenied("Anda tidak berwenang mengubah data satker ini.")


def satu_per_satker(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run a POST in one transaction that holds the satker's lock (its `pk` in the URL): two
    saves of the same satker's data, or a save and the head's submission, then happen one
    after the other, and each checks what it is about to change against what the other
    wrote. The stored figures of what the request changed are recomputed before it
    commits."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with hasil.menyegarkan():
            siklus.kunci_satker(kwargs["pk"])
            return view(request, *args, **kwargs)

    return wrapper


def data_induk(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the secretariat's master data: a login, then 403 for anyone but the
    secretariat's master-data role and administrators (a reviewer reviews, and reads)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not siklus.boleh_kelola_data_induk(request.user):
            raise PermissionDenied("Halaman ini untuk pengelola data induk Sekretariat BSKJI.")
        return view(request, *args, **kwargs)

    return wrapper
