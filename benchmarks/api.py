"""How many requests per second the API serves, against its own floor, in one run.

The application runs under gunicorn (2 sync workers, DEBUG off) on the demo data plus the
24-satker simulation; clients (threads, a new connection per request, as sync workers close
them) ask for, in turns:
- the API root, the floor: authentication, throttling and the middleware, with no data;
- the capaian list of one satker-year (`/api/v1/capaian/?satker=417912&tahun=2023`);
- a page of 100 quarterly measurements (`/api/v1/realisasi/?page_size=100`);
- the same page computed afresh each time (an address of its own per request, so the list
  cache of kinerja/api/cache.py never answers: what the first request after a change costs).
Each round measures each endpoint for `--detik` seconds; the figures are the best round and the
median of the per-round ratios to the floor. The target: each list at least 1/1,5 of the
floor's throughput (ratio ≥ 0,67); the uncached page is reported beside them.

Run: scripts/pg_sementara.sh .venv/bin/python benchmarks/api.py [--satker 24] [--detik 8]
     [--putaran 3] [--klien 4]

Without DATABASE_URL (pg_sementara.sh sets it) it uses a fresh SQLite file under var/, which
is not the target of the figures."""

from __future__ import annotations

import argparse
import http.client
import io
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import bersama

bersama.siapkan("bench-api")

from django.core.management import call_command  # noqa: E402

from kinerja.demo_data import load_demo_data  # noqa: E402

TITIK = {
    "root (lantai)": "/api/v1/",
    "capaian satker-tahun": "/api/v1/capaian/?satker=417912&tahun=2023",
    "realisasi 100 butir": "/api/v1/realisasi/?page_size=100",
    # The same page, each request at an address of its own: never from the cache (what the
    # first request after a change costs).
    "realisasi 100, tanpa cache": "/api/v1/realisasi/?page_size=100&_={n}",
}
LANTAI = "root (lantai)"
_NONCE = itertools.count(1)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _token() -> str:
    """A read token of the secretariat's demo reviewer (sees every satker)."""
    keluaran = io.StringIO()
    call_command(
        "token_api", pengguna="reviewer", cakupan="baca", nama="benchmark", stdout=keluaran
    )
    return keluaran.getvalue().strip()


def _jalankan_gunicorn(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The throttles would measure themselves refusing: budgets far above the load.
        "KINERJA_API_BATAS_ANONIM": "10000000/minute",
        "KINERJA_API_BATAS_PENGGUNA": "10000000/minute",
        "KINERJA_API_BATAS_TOKEN": "10000000/minute",
        "KINERJA_API_BATAS_ALAMAT": "10000000/minute",
    }
    perintah = [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--workers", "2"]
    perintah += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    proses = subprocess.Popen(
        perintah,
        cwd=bersama.ROOT,
        env=env,
    )
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proses
        except OSError:
            time.sleep(0.1)
    proses.kill()
    raise SystemExit("gunicorn tidak mau berjalan")


def _minta(port: int, path: str, token: str) -> tuple[int, bytes]:
    koneksi = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    koneksi.request("GET", path, headers={"Authorization": f"Bearer {token}", "Host": "localhost"})
    jawaban = koneksi.getresponse()
    isi = jawaban.read()
    koneksi.close()
    return jawaban.status, isi


def _ukur(port: int, path: str, token: str, detik: float, klien: int) -> float:
    """Requests per second that `klien` clients get answered (200) in `detik` seconds."""
    selesai = [0] * klien
    gagal: list[str] = []
    batas = time.perf_counter() + detik

    def kerja(i: int) -> None:
        while time.perf_counter() < batas:
            status, isi = _minta(port, path.replace("{n}", str(next(_NONCE))), token)
            if status != 200:
                gagal.append(f"{status} {isi[:200]!r}")
                return
            selesai[i] += 1

    mulai = time.perf_counter()
    utas = [threading.Thread(target=kerja, args=(i,)) for i in range(klien)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    if gagal:
        raise SystemExit(f"{path}: {gagal[0]}")
    return sum(selesai) / (time.perf_counter() - mulai)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--satker", type=int, default=24)
    parser.add_argument("--detik", type=float, default=8)
    parser.add_argument("--putaran", type=int, default=3)
    parser.add_argument("--klien", type=int, default=4)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    load_demo_data()
    call_command("buat_simulasi", satker=args.satker, tahun=2023, seed=1, verbosity=0)
    token = _token()
    port = _port_bebas()
    server = _jalankan_gunicorn(port)
    try:
        for nama, path in TITIK.items():  # warm-up, and what each answers
            status, isi = _minta(port, path.replace("{n}", "0"), token)
            data = json.loads(isi)
            butir = len(data.get("results", [])) if isinstance(data, dict) else "-"
            print(f"{nama:24} {path}  → {status}, {butir} butir, {len(isi):,} B")
        hasil: dict[str, list[float]] = {nama: [] for nama in TITIK}
        for putaran in range(args.putaran):
            for nama, path in TITIK.items():
                hasil[nama].append(_ukur(port, path, token, args.detik, args.klien))
            print(
                f"putaran {putaran + 1}: " + ", ".join(f"{n} {hasil[n][-1]:.0f}/s" for n in TITIK),
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{args.satker} satker, gunicorn 2 worker, {args.klien} klien, {args.detik:g} s/ukur")
    print(f"{'titik':24} {'terbaik/s':>10} {'× lantai (median putaran)':>27}")
    for nama in TITIK:
        rasio = statistics.median(a / b for a, b in zip(hasil[nama], hasil[LANTAI], strict=True))
        print(f"{nama:24} {max(hasil[nama]):10.0f} {rasio:27.2f}")
    print("target: setiap daftar ≥ 0,67 × lantai (1/1,5); tanpa cache: sebagai pembanding")


if __name__ == "__main__":
    main()
