"""Demo data of the organisation (fixtures/organisasi.yaml) and one demo login per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from satker.choices import Peran
from satker.fixture_loading import LoadStats, check_keys, text, upsert
from satker.models import Kementerian, Pengguna, Satker, UnitEselonI

SATKER_KEYS = {
    "singkatan",
    "kode",
    "nama",
    "jenis",
    "kota",
    "provinsi",
    "alamat",
    "kepala_nama",
    "kepala_jabatan",
    "catatan",
}


def load_organisasi(data: dict[str, Any], stats: LoadStats) -> UnitEselonI:
    """Load the ministry, BSKJI and its satker; return BSKJI."""
    where = "organisasi.yaml"
    check_keys(data, {"kementerian", "unit_eselon_i", "satker"}, where)
    k = data["kementerian"]
    kementerian = upsert(
        Kementerian,
        {"kode": k["kode"]},
        {"nama": k["nama"], "singkatan": text(k.get("singkatan"))},
        where=f"{where} kementerian",
        stats=stats,
    )
    e = data["unit_eselon_i"]
    eselon = upsert(
        UnitEselonI,
        {"kementerian": kementerian, "kode": e["kode"]},
        {
            "nama": e["nama"],
            "singkatan": e["singkatan"],
            "kepala_nama": text(e.get("kepala_nama")),
            "kepala_jabatan": text(e.get("kepala_jabatan")),
        },
        where=f"{where} unit_eselon_i",
        stats=stats,
    )
    for i, s in enumerate(data["satker"], start=1):
        entry = f"{where} satker #{i} ({s.get('singkatan')})"
        check_keys(s, SATKER_KEYS, entry)
        upsert(
            Satker,
            {"singkatan": s["singkatan"]},
            {
                "unit_eselon_i": eselon,
                "kode": s.get("kode"),
                "nama": s["nama"],
                "jenis": s["jenis"],
                "kota": text(s.get("kota")),
                "provinsi": text(s.get("provinsi")),
                "alamat": text(s.get("alamat")),
                "kepala_nama": text(s.get("kepala_nama")),
                "kepala_jabatan": text(s.get("kepala_jabatan")),
                "catatan": text(s.get("catatan")),
            },
            where=entry,
            stats=stats,
        )
    return eselon


@dataclass(frozen=True)
class DemoLogin:
    username: str
    peran: str
    satker: str
    password: str | None  # None when the account existed and its password was left alone


DEMO_PASSWORD = "kinerja-demo"
DEMO_USERS = (
    # username, full name, role, satker code (None: secretariat)
    ("operator.manado", "Operator BSPJI Manado", Peran.OPERATOR, "247246"),
    ("kepala.manado", "Kepala BSPJI Manado", Peran.KEPALA, "247246"),
    ("operator.pekanbaru", "Operator BSPJI Pekanbaru", Peran.OPERATOR, "417912"),
    ("kepala.pekanbaru", "Kepala BSPJI Pekanbaru", Peran.KEPALA, "417912"),
    ("reviewer", "Reviewer Sekretariat BSKJI", Peran.REVIEWER, None),
    ("sekretariat", "Sekretariat BSKJI", Peran.SEKRETARIAT, None),
    ("admin", "Administrator", Peran.ADMIN, None),
)


def create_demo_users(stats: LoadStats) -> list[DemoLogin]:
    """One login per role. A password is set only when the account is created, so running
    the loader again neither changes the database nor resets a password someone changed."""
    logins = []
    for username, nama, peran, kode_satker in DEMO_USERS:
        satker = Satker.objects.get(kode=kode_satker) if kode_satker else None
        depan, _, belakang = nama.partition(" ")
        is_admin = peran == Peran.ADMIN
        values = {
            "first_name": depan,
            "last_name": belakang,
            "peran": peran,
            "satker": satker,
            "is_staff": is_admin,
            "is_superuser": is_admin,
            "is_active": True,
        }
        exists = Pengguna.objects.filter(username=username).exists()
        if exists:
            upsert(Pengguna, {"username": username}, values, where=username, stats=stats)
        else:
            user = Pengguna(username=username, **values)
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
            stats.count(Pengguna, created=True, changed=False)
        logins.append(
            DemoLogin(
                username=username,
                peran=str(Peran(peran).label),
                satker=satker.singkatan if satker else "Sekretariat BSKJI",
                password=None if exists else DEMO_PASSWORD,
            )
        )
    return logins
