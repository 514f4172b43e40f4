"""Query parameters of the pages (a year, a quarter) read leniently: a value that is missing,
not a number or out of range falls back to the page's default instead of an error page."""

from __future__ import annotations

from django.http import HttpRequest

from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN

TAHUN_VALID = range(TAHUN_MIN, TAHUN_MAX + 1)


def int_param(request: HttpRequest, name: str, default: int, valid: range) -> int:
    """The integer GET parameter `name` when it lies in `valid`, else `default`."""
    try:
        value = int(request.GET.get(name, default))
    except (TypeError, ValueError):
        return default
    return value if value in valid else default
