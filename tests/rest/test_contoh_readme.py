"""The README's API client example runs as written: its code block, against the live test
server, with a Manado operator's token; the value it writes is in the database and the
history says it came through the API."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from kinerja import siklus
from kinerja.models import RealisasiTriwulan, RiwayatPerubahan
from satker.models import Pengguna
from tests.api import header_token

README = Path(__file__).resolve().parents[2] / "README.md"
BLOK = re.compile(
    r"<!-- contoh-klien-api:mulai -->\s*```python\n(.*?)```\s*<!-- contoh-klien-api:selesai -->",
    re.S,
)


def contoh() -> str:
    cocok = BLOK.search(README.read_text(encoding="utf-8"))
    assert cocok, "README.md has no API client example between its markers"
    return cocok.group(1)


@pytest.mark.django_db(transaction=True)
def test_the_readme_client_syncs_and_writes_one_value_with_if_match(demo, live_server, tmp_path):
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )
    skema, kunci = header_token("operator.manado")["Authorization"].split(" ", 1)
    assert skema == "Bearer"
    skrip = tmp_path / "contoh.py"
    skrip.write_text(contoh(), encoding="utf-8")
    env = {**os.environ, "KINERJA_API": live_server.url, "KINERJA_TOKEN": kunci}
    hasil = subprocess.run(
        [sys.executable, str(skrip)], env=env, capture_output=True, text=True, timeout=120
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    # Manado's first quarter II 2023 line (I.1) had "Tidak terdapat kendala ..." (the fixture).
    r = RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker__kode="247246",
        indikator__sasaran__perjanjian__tahun=2023,
        indikator__sasaran__nomor=1,
        indikator__nomor=1,
        triwulan=2,
    )
    assert r.kendala == "Alat uji sedang dikalibrasi."
    h = RiwayatPerubahan.objects.get(object_id=r.pk, field="kendala", sumber="api")
    assert h.oleh.username == "operator.manado"
    assert h.keterangan == f"PATCH /api/v1/realisasi/{r.pk}/"
    assert "I.1 tersimpan" in hasil.stdout
