"""The API's throttles: every client has a budget of requests per period (429 with
Retry-After beyond it). The rates are read from the settings at each request, so a test or
a deployment that changes them is obeyed without a restart of the class."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _TarifDariSetelan:
    def get_rate(self) -> str | None:
        return settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(self.scope)


class BatasAnonim(_TarifDariSetelan, AnonRateThrottle):
    """Requests without a login, per address."""


class BatasPengguna(_TarifDariSetelan, UserRateThrottle):
    """Requests of a logged-in user or a token, per user."""


class BatasToken(_TarifDariSetelan, AnonRateThrottle):
    """The token endpoint, per address, on a tighter budget than the rest of the API."""

    scope = "token"
