"""How the API answers a write the data layer refuses."""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from kinerja.jejak import TriwulanTerkunci


def tangani(exc: Exception, context: dict) -> Response | None:
    """DRF's answers, and 409 Conflict with the reason for a write to a submitted or verified
    quarter (kinerja.jejak), instead of a 500."""
    if isinstance(exc, TriwulanTerkunci):
        return Response({"detail": exc.pesan}, status=status.HTTP_409_CONFLICT)
    return exception_handler(exc, context)
