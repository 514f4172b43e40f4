"""The API's throttles: every client has a budget of requests per period; beyond it 429 with
`Retry-After` (and `tunggu_detik` in the error body). The rates are read from the settings at
each request (`DEFAULT_THROTTLE_RATES`, from the environment), so a test or a deployment that
changes them is obeyed without a restart of the class.

- `user` (BatasKlien): per token when a token authenticated the request, else per user for a
  session; so one busy script does not use up the budget of its owner's other tokens.
- `alamat` (BatasAlamat): per client address, for every request, authenticated or not, a
  wider budget (several clients may share an address). Checked before authentication
  (satker.api.autentikasi), so a flood of refused requests is limited too.
- `token` (BatasToken): the password endpoint, per address, on a tight budget.

The address is the one the login lock uses (satker.autentikasi.alamat_klien): behind the
configured number of proxies, not a client's own X-Forwarded-For."""

from __future__ import annotations

from django.conf import settings
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from satker.autentikasi import alamat_klien


class _TarifDariSetelan:
    def get_rate(self) -> str | None:
        return settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(self.scope)

    def get_ident(self, request: Request) -> str:
        return alamat_klien(request)


class BatasKlien(_TarifDariSetelan, SimpleRateThrottle):
    """Requests of one token (or, for a browser session, one user)."""

    scope = "user"

    def get_cache_key(self, request: Request, view) -> str | None:
        from satker.models import TokenApi

        if isinstance(request.auth, TokenApi):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"pengguna-{request.user.pk}"
        else:
            return None  # without a login: the address budget applies
        return self.cache_format % {"scope": self.scope, "ident": ident}


class BatasAlamat(_TarifDariSetelan, SimpleRateThrottle):
    """Every request from one address."""

    scope = "alamat"

    def get_cache_key(self, request: Request, view) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class BatasToken(BatasAlamat):
    """The password endpoint, per address, on a much tighter budget than the rest."""

    scope = "token"


def periksa_alamat(request: Request, view=None) -> None:
    """Count the request against its address's budget; Throttled (429) beyond it."""
    batas = BatasAlamat()
    if not batas.allow_request(request, view):
        raise Throttled(wait=batas.wait())
