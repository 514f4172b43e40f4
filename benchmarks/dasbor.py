"""The dashboards at the scale of the ministry: 24, 240 and 1,000 satker made by
`manage.py buat_simulasi`, on PostgreSQL. For each size: the time buat_simulasi takes to reach
it, then the server time (p50, p95 over repeated requests, through Django's test client, so no
network) and the queries of the secretariat's dashboard, the ringkasan API page and a satker's
dashboard, each beside a floor measured in the same run: the raw SQL the dashboard needs (the
very statements one request of it issues, captured, then replayed on a cursor: what remains
is the application's own time), and the API root.

Run: scripts/pg_sementara.sh .venv/bin/python benchmarks/dasbor.py [--satker 24 240 1000]
     [--ulang 30]

Without DATABASE_URL (pg_sementara.sh sets it) it uses a fresh SQLite file under var/, which
is not the target of the figures."""

from __future__ import annotations

import argparse
import statistics
import time

import bersama

bersama.siapkan("bench-dasbor")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from kinerja.demo_data import load_demo_data  # noqa: E402
from satker.models import Pengguna, Satker  # noqa: E402

TAHUN, TW = 2023, 2


def kali(fn, ulang: int) -> tuple[float, float, int]:
    """p50 and p95 of `ulang` runs of `fn` (after one warm-up run), in milliseconds, and the
    queries of one run."""
    _, queries, _ = bersama.ukur(fn)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fn()
        waktu.append((time.perf_counter() - mulai) * 1000)
    waktu.sort()
    p95 = waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))]
    return statistics.median(waktu), p95, queries


def sql_dasbor(client: Client, url: str):
    """The statements one request of the dashboard issues, replayed raw (without the
    session's and the user's, which every page issues)."""
    ditangkap: list[tuple[str, object]] = []

    def tangkap(execute, sql, params, many, context):
        ditangkap.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(tangkap):
        assert client.get(url).status_code == 200
    sql = [(q, p) for q, p in ditangkap if "django_session" not in q]
    sql = [(q, p) for q, p in sql if 'FROM "satker_pengguna"' not in q]

    def jalankan() -> None:
        with connection.cursor() as cur:
            for q, p in sql:
                cur.execute(q, p)
                cur.fetchall()

    return jalankan


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--satker", type=int, nargs="+", default=[24, 240, 1000])
    parser.add_argument("--ulang", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    load_demo_data()
    reviewer, operator = Client(), Client()
    reviewer.force_login(Pengguna.objects.get(username="reviewer"))
    operator.force_login(Pengguna.objects.get(username="operator.manado"))
    manado = Satker.objects.get(kode="247246")
    print(f"Basis data: {connection.vendor}; {args.ulang} ulangan per langkah; waktu dalam ms.")

    def ok(client, url):
        def f():
            r = client.get(url)
            assert r.status_code == 200, (url, r.status_code)

        return f

    dasbor = f"/dasbor/?tahun={TAHUN}&triwulan={TW}"
    langkah = [
        ("SQL dasbor (lantai)", None),
        ("dasbor Sekretariat", ok(reviewer, dasbor)),
        ("API root (lantai)", ok(reviewer, "/api/v1/")),
        (
            "API ringkasan, 50 satker",
            ok(reviewer, f"/api/v1/ringkasan/?tahun={TAHUN}&triwulan={TW}"),
        ),
        ("dasbor satker (Manado)", ok(operator, f"/satker/{manado.pk}/dasbor/?tahun={TAHUN}")),
    ]
    for n in sorted(args.satker):
        mulai = time.perf_counter()
        call_command("buat_simulasi", satker=n, tahun=TAHUN, seed=1, verbosity=0)
        detik = time.perf_counter() - mulai
        jumlah = Satker.objects.count()
        print(f"\n== {jumlah} satker (buat_simulasi sampai {n}: {detik:.1f} s)")
        print(f"{'langkah':28s} {'p50':>8s} {'p95':>8s} {'kueri':>6s}")
        hasil = {}
        for nama, fn in langkah:
            fn = fn or sql_dasbor(reviewer, dasbor)
            p50, p95, queries = kali(fn, args.ulang)
            hasil[nama] = p95
            print(f"{nama:28s} {p50:8.1f} {p95:8.1f} {queries:6d}")
        rasio = hasil["dasbor Sekretariat"] / hasil["SQL dasbor (lantai)"]
        print(f"dasbor p95 / SQL dasbor p95 = {rasio:.2f}")


if __name__ == "__main__":
    main()
