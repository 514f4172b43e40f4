"""A report requested with a broker configured is rendered by a real Celery worker through a
real Redis, as in production. scripts/run_tests.sh starts a throw-away Redis (REDIS_URL); CI
installs redis-server, so there this test always runs."""

from __future__ import annotations

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker

from laporan import services
from laporan.choices import StatusBerkas
from laporan.models import BerkasLaporan
from satker.models import Pengguna


@pytest.fixture
def celery_redis():
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDIS_URL tidak diatur: scripts/run_tests.sh menjalankan Redis sementara.")
        pytest.skip(
            "Redis tidak tersedia; pasang redis-server (sudo apt-get install redis-server)."
        )
    import laporan.tasks  # noqa: F401  (registers the task with the app)
    from config.celery import app

    def ganti_broker(**conf) -> None:
        # The app keeps its connection pools; drop them so the new broker is used.
        if app._pool is not None:
            app._pool.force_close_all()
            app._pool = None
        app.amqp._producer_pool = None
        app.conf.update(**conf)

    lama = {k: app.conf[k] for k in ("broker_url", "task_always_eager")}
    ganti_broker(broker_url=url, task_always_eager=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
            yield app
    finally:
        ganti_broker(**lama)


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_a_requested_report_through_redis(demo, manado, celery_redis):
    berkas = services.minta(
        user=Pengguna.objects.get(username="operator.manado"),
        satker=manado,
        jenis="pk",
        format_="xlsx",
        tahun=2023,
    )
    assert berkas.status == StatusBerkas.ANTRI  # queued: the worker has it, not this thread
    batas = time.monotonic() + 60
    while time.monotonic() < batas:
        berkas = BerkasLaporan.objects.get(pk=berkas.pk)
        if berkas.status in (StatusBerkas.SELESAI, StatusBerkas.GAGAL):
            break
        time.sleep(0.2)
    assert berkas.status == StatusBerkas.SELESAI, berkas.pesan
    with berkas.berkas.open("rb") as f:
        assert f.read(2) == b"PK"  # an .xlsx is a zip
