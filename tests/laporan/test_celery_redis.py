"""A report requested with a broker configured is rendered by a real Celery worker through a
real Redis, as in production. The Redis is the one of REDIS_URL (scripts/run_tests.sh starts
one), else a throw-away redis-server this test starts itself; without either it fails and says
how to install redis-server (CI installs it, so there this test always runs)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker

from laporan import services
from laporan.choices import StatusBerkas
from laporan.models import BerkasLaporan
from satker.models import Pengguna

PASANG = (
    "Redis tidak tersedia: REDIS_URL tidak diatur dan redis-server tidak ada di PATH. Pasang "
    "redis-server (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) "
    "atau atur REDIS_URL; CI memasangnya."
)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    """REDIS_URL, or a redis-server of this test alone: a free port, nothing written to disk,
    stopped when the test ends."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail(PASANG)
    port, log = _port_bebas(), tmp_path / "redis.log"
    proses = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path), "--logfile", str(log)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        klien, batas = redis.Redis(host="127.0.0.1", port=port), time.monotonic() + 10
        while True:
            try:
                klien.ping()
                break
            except redis.ConnectionError:
                if proses.poll() is not None or time.monotonic() > batas:
                    isi = log.read_text() if log.exists() else ""
                    pytest.fail(f"redis-server sementara tidak berjalan (port {port}):\n{isi}")
                time.sleep(0.05)
        klien.close()
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


@pytest.fixture
def celery_redis(redis_url):
    url = redis_url
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
