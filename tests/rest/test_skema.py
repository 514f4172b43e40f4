"""The OpenAPI document is true: schemathesis generates requests for every operation from the
schema, sends them in process to the application (WSGI, the test database with the demo data,
as a Manado operator with a read-and-write token) and fails on any server error, any response
that does not match its schema and any status code the schema does not document."""

from __future__ import annotations

import json
import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import checks

from tests.api import header_token

#: What "true" means here: no server error, no undocumented status code, every body and
#: content type as documented. (Not "every schema-valid request is accepted": a well-formed
#: request can still name a satker that does not exist or a wrong password.)
PEMERIKSAAN = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]

#: Examples per operation (more in a longer run: TES_SKEMA_CONTOH=200).
CONTOH = int(os.environ.get("TES_SKEMA_CONTOH", "25"))

DOKUMEN = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))
SKEMA = schemathesis.openapi.from_dict(DOKUMEN)
SKEMA.app = get_wsgi_application()
OPERASI = sorted(op.ok().label for op in SKEMA.get_all_operations())


def test_the_schema_lists_every_operation_of_the_api():
    assert {"GET /api/v1/capaian/", "GET /api/v1/laporan/{id}/"} <= set(OPERASI)


@pytest.fixture
def koneksi_tetap():
    """Keep the test's database connection open across the in-process requests (as Django's
    test client does): the handler would close it when a request ends."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("label", OPERASI)
def test_every_operation_keeps_to_the_schema(label, demo, settings, koneksi_tetap):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {k: "100000/minute" for k in ("anon", "user", "token")},
    }
    header = header_token("operator.manado")
    operasi = SKEMA.find_operation_by_label(label)

    @given(case=operasi.as_strategy())
    @hypothesis_settings(
        max_examples=CONTOH,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def periksa(case):
        case.call_and_validate(headers=header, checks=PEMERIKSAAN)

    periksa()
