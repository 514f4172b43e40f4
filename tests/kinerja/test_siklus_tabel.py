"""The reporting cycle as a table: every action on a satker's quarter, tried in every state of
its report by every kind of user, through the services of kinerja/siklus.py and through the
page that performs it; then requests that name another satker's object inside an allowed
request. The expected outcomes are the rules (DESIGN.md section 1, the docstrings of
kinerja/siklus.py), not what the code happens to do."""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Count, Max
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja import bukti, riwayat, siklus
from kinerja.formatting import format_tanggal
from kinerja.models import (
    BuktiDukung,
    CatatanReviu,
    IndikatorPerjanjian,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerpanjanganPeriode,
    RealisasiTriwulan,
    RiwayatPerubahan,
    SnapshotPelaporan,
    StatusPelaporan,
)
from kinerja.views import siklus as views_siklus
from satker.models import Pengguna, Satker
from tests.berkas import PDF_SAH
from tests.conftest import PEKANBARU
from tests.halaman import baca
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

S = StatusPelaporan
TAHUN, TW = 2023, 2
NAMA_TW = "Triwulan II 2023"
PDF = PDF_SAH

# --- who --------------------------------------------------------------------------------------

# The table's columns. "nonaktif" is the administrator's account deactivated: every right
# but `is_active`, so whatever it is refused, it is refused for being inactive.
PERAN = (
    "operator", "kepala", "op_lain", "kep_lain", "reviewer", "admin", "nonaktif", "anonim",
)  # fmt: skip
PENGGUNA = {
    "operator": "operator.manado",
    "kepala": "kepala.manado",
    "op_lain": "operator.pekanbaru",
    "kep_lain": "kepala.pekanbaru",
    "reviewer": "reviewer",
    "admin": "admin",
}


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def aktor(peran: str) -> Pengguna | AnonymousUser:
    if peran == "anonim":
        return AnonymousUser()
    if peran == "nonaktif":
        Pengguna.objects.filter(username="admin").update(is_active=False)
        return pengguna("admin")
    if peran == "op_nonaktif":
        Pengguna.objects.filter(username="operator.manado").update(is_active=False)
        return pengguna("operator.manado")
    return pengguna(PENGGUNA[peran])


# --- what is expected ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Boleh:
    """Allowed; the report is then in `status`."""

    status: str


@dataclass(frozen=True)
class Tolak:
    """Refused with `galat`, one of whose messages contains `pesan`; nothing is written."""

    galat: type[Exception]
    pesan: str


PD, VE = PermissionDenied, ValidationError
TIDAK_BERWENANG = "Anda tidak berwenang mengubah data satker ini."
SEDANG_DIREVIU = f"Laporan {NAMA_TW} sudah diajukan dan sedang direviu; data tidak dapat diubah."
TERKUNCI = f"Laporan {NAMA_TW} sudah diverifikasi dan terkunci."
BELUM_DIBUKA = f"Periode pelaporan {NAMA_TW} belum dibuka oleh Sekretariat."
DITUTUP = f"Periode pelaporan {NAMA_TW} sudah ditutup."
LEWAT = "sudah lewat; mintalah perpanjangan kepada Sekretariat."


def tabel(teks: str, arti: dict[str, Boleh | Tolak]) -> dict[tuple[str, str], Boleh | Tolak]:
    """A grid (a row per state, a column per role, each cell a word of `arti`) as a dict."""
    kepala, *baris = (b.split() for b in teks.strip().splitlines())
    assert kepala == ["keadaan", *PERAN]
    return {(b[0], p): arti[sel] for b in baris for p, sel in zip(PERAN, b[1:], strict=True)}


# States of Manado's quarter II 2023 (built by `bangun`):
#   draf          complete, never submitted; the period open, its deadline ahead
#   tidak_lengkap a draft that still misses an item (IV.1's activities)
#   diajukan      submitted by the head
#   dikembalikan  returned by the reviewer with a note on I.1, nothing changed since
#   diperbaiki    returned, then I.1 corrected (the code keeps the status "dikembalikan")
#   diverifikasi  submitted and verified
#   belum_dibuka  a complete draft, but the secretariat has not opened the period
#   ditutup       a complete draft in a period the secretariat has closed
#   lewat_batas   a complete draft in an open period whose deadline was yesterday (extended
#                 for Pekanbaru, which does not help Manado)
#   diperpanjang  the same, but Manado's own deadline extended to ten days ahead

# Save a line of the quarter (the quarter page's save): the satker's operator and head enter,
# an administrator may too; nobody changes a quarter under review or verified, nor outside
# its open period before its deadline (the satker's extension, if any). Saving does not change
# the report's state.
SIMPAN = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    draf          →draf     →draf     wenang    wenang    wenang    →draf     wenang    wenang
    diajukan      direviu   direviu   wenang    wenang    wenang    direviu   wenang    wenang
    dikembalikan  →kembali  →kembali  wenang    wenang    wenang    →kembali  wenang    wenang
    diperbaiki    →kembali  →kembali  wenang    wenang    wenang    →kembali  wenang    wenang
    diverifikasi  terkunci  terkunci  wenang    wenang    wenang    terkunci  wenang    wenang
    belum_dibuka  belum     belum     wenang    wenang    wenang    belum     wenang    wenang
    ditutup       ditutup   ditutup   wenang    wenang    wenang    ditutup   wenang    wenang
    lewat_batas   lewat     lewat     wenang    wenang    wenang    lewat     wenang    wenang
    diperpanjang  →draf     →draf     wenang    wenang    wenang    →draf     wenang    wenang
    """,
    {
        "→draf": Boleh(S.DRAF),
        "→kembali": Boleh(S.DIKEMBALIKAN),
        "wenang": Tolak(PD, TIDAK_BERWENANG),
        "direviu": Tolak(PD, SEDANG_DIREVIU),
        "terkunci": Tolak(PD, TERKUNCI),
        "belum": Tolak(PD, BELUM_DIBUKA),
        "ditutup": Tolak(PD, DITUTUP),
        "lewat": Tolak(PD, LEWAT),
    },
)

# Submit (ajukan): only the satker's head (or an administrator), a complete draft or a
# returned report, within its open period before the satker's deadline.
AJUKAN = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    draf          wenang    →diajukan wenang    wenang    wenang    →diajukan wenang    wenang
    tidak_lengkap wenang    kurang    wenang    wenang    wenang    kurang    wenang    wenang
    diajukan      wenang    diajukan  wenang    wenang    wenang    diajukan  wenang    wenang
    dikembalikan  wenang    →diajukan wenang    wenang    wenang    →diajukan wenang    wenang
    diperbaiki    wenang    →diajukan wenang    wenang    wenang    →diajukan wenang    wenang
    diverifikasi  wenang    verif     wenang    wenang    wenang    verif     wenang    wenang
    belum_dibuka  wenang    belum     wenang    wenang    wenang    belum     wenang    wenang
    ditutup       wenang    ditutup   wenang    wenang    wenang    ditutup   wenang    wenang
    lewat_batas   wenang    lewat     wenang    wenang    wenang    lewat     wenang    wenang
    diperpanjang  wenang    →diajukan wenang    wenang    wenang    →diajukan wenang    wenang
    """,
    {
        "→diajukan": Boleh(S.DIAJUKAN),
        "wenang": Tolak(PD, "Hanya kepala satker yang dapat mengajukan laporan triwulan."),
        "kurang": Tolak(VE, "IV.1: realisasi kegiatan belum diuraikan."),
        "diajukan": Tolak(VE, "Laporan ini berstatus diajukan."),
        "verif": Tolak(VE, "Laporan ini berstatus diverifikasi."),
        "belum": Tolak(VE, BELUM_DIBUKA),
        "ditutup": Tolak(VE, DITUTUP),
        "lewat": Tolak(VE, LEWAT),
    },
)

# Return with notes (kembalikan; a general note and one on PK line I.1, the only way the code
# adds review notes): the secretariat's reviewer (or an administrator), a submitted report
# only. A returned report, corrected or not, is not under review: it is submitted again first.
KEMBALIKAN = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    draf          wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diajukan      wenang    wenang    wenang    wenang    →kembali  →kembali  wenang    wenang
    dikembalikan  wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diperbaiki    wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diverifikasi  wenang    wenang    wenang    wenang    status    status    wenang    wenang
    """,
    {
        "→kembali": Boleh(S.DIKEMBALIKAN),
        "wenang": Tolak(PD, "Hanya reviewer Sekretariat yang dapat mengembalikan laporan."),
        "status": Tolak(VE, "Hanya laporan yang sudah diajukan yang dapat dikembalikan."),
    },
)

# Verify: the reviewer (or an administrator), a submitted report only: never a draft, nor a
# returned report that was not submitted again (corrected or not).
VERIFIKASI = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    draf          wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diajukan      wenang    wenang    wenang    wenang    →verif    →verif    wenang    wenang
    dikembalikan  wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diperbaiki    wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diverifikasi  wenang    wenang    wenang    wenang    status    status    wenang    wenang
    """,
    {
        "→verif": Boleh(S.DIVERIFIKASI),
        "wenang": Tolak(PD, "Hanya reviewer Sekretariat yang dapat memverifikasi laporan."),
        "status": Tolak(VE, "Hanya laporan yang sudah diajukan yang dapat diverifikasi."),
    },
)

# Reopen (buka_kembali, with a reason): the reviewer (or an administrator), a verified report
# only; it goes back to the satker as returned.
BUKA_KEMBALI = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    draf          wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diajukan      wenang    wenang    wenang    wenang    status    status    wenang    wenang
    dikembalikan  wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diperbaiki    wenang    wenang    wenang    wenang    status    status    wenang    wenang
    diverifikasi  wenang    wenang    wenang    wenang    →kembali  →kembali  wenang    wenang
    """,
    {
        "→kembali": Boleh(S.DIKEMBALIKAN),
        "wenang": Tolak(PD, "Hanya reviewer Sekretariat yang dapat membuka kembali laporan."),
        "status": Tolak(VE, "Hanya laporan yang sudah diverifikasi yang perlu dibuka kembali."),
    },
)

TABEL = {
    "simpan": SIMPAN,
    "ajukan": AJUKAN,
    "kembalikan": KEMBALIKAN,
    "verifikasi": VERIFIKASI,
    "buka_kembali": BUKA_KEMBALI,
}
REVIU = ("kembalikan", "verifikasi", "buka_kembali")


def gerbang(aksi: str, peran: str) -> int | str | None:
    """What a page answers before the service is reached: every page needs a signed-in
    (active) user; another satker's quarter is not found; the review pages are the
    secretariat's."""
    if peran in ("nonaktif", "anonim"):
        return "login"
    if aksi not in REVIU and peran in ("op_lain", "kep_lain"):
        return 404
    if aksi in REVIU and peran not in ("reviewer", "admin"):
        return 403
    return None


# --- the states ---------------------------------------------------------------------------------

KEGIATAN_BARU = "- Rapat koordinasi tindak lanjut"
TEKS_CATATAN = "Lengkapi notulen rapat."
TEKS_CATATAN_I1 = "Lampirkan daftar hadir kunjungan IKM."
ALASAN = "Koreksi nilai SAKIP"


def baris_i1(satker: Satker) -> IndikatorPerjanjian:
    return siklus.lines_satker(satker, TAHUN)[0]


def bangun(keadaan: str, manado: Satker) -> PelaporanTriwulan:
    """Manado's quarter II in `keadaan`, built with the services."""
    reviewer, kepala = pengguna("reviewer"), pengguna("kepala.manado")
    hari = timezone.localdate()
    if keadaan != "belum_dibuka":
        lewat = keadaan in ("lewat_batas", "diperpanjang")
        batas = hari + datetime.timedelta(days=-1 if lewat else 10)
        p = siklus.buka_periode(user=reviewer, tahun=TAHUN, triwulan=TW, batas=batas)
        if keadaan == "ditutup":
            siklus.tutup_periode(user=reviewer, periode_=p)
        if lewat:
            satker = manado if keadaan == "diperpanjang" else Satker.objects.get(kode=PEKANBARU)
            siklus.perpanjang(
                user=reviewer, periode_=p, satker=satker, batas=hari + datetime.timedelta(days=10),
                alasan="Kepala balai dinas luar",
            )  # fmt: skip
    if keadaan != "tidak_lengkap":
        # The demo data leave IV.1's activities of quarter II undescribed.
        iv1 = RealisasiTriwulan.objects.get(
            indikator__sasaran__perjanjian__satker=manado, indikator__sasaran__nomor=4,
            indikator__nomor=1, triwulan=TW,
        )  # fmt: skip
        iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
        iv1.save()
    lap = siklus.pelaporan(manado, TAHUN, TW)
    if keadaan in ("diajukan", "dikembalikan", "diperbaiki", "diverifikasi"):
        lap = siklus.ajukan(user=kepala, lap=lap)
    if keadaan in ("dikembalikan", "diperbaiki"):
        i1 = baris_i1(manado)
        lap = siklus.kembalikan(user=reviewer, lap=lap, catatan=[(i1, "Uraikan kegiatan I.1.")])
    if keadaan == "diperbaiki":
        r = RealisasiTriwulan.objects.get(indikator=baris_i1(manado), triwulan=TW)
        riwayat.simpan(
            r, {"kegiatan": "- Rapat koordinasi\n- Kunjungan IKM"},
            user=pengguna("operator.manado"), satker=manado, uraian="I.1 TW II", awal=None,
        )  # fmt: skip
    if keadaan == "diverifikasi":
        lap = siklus.verifikasi(user=reviewer, lap=lap)
    return lap


def jejak(lap: PelaporanTriwulan) -> tuple:
    """What an action could write about the quarter: the report (its status, and the time
    of its last save), its log, snapshots and notes, and the history that records every
    change of an entered value."""
    return (
        PelaporanTriwulan.objects.filter(pk=lap.pk).values_list("status", "diperbarui").get(),
        PeristiwaPelaporan.objects.filter(pelaporan=lap).count(),
        SnapshotPelaporan.objects.filter(pelaporan=lap).count(),
        CatatanReviu.objects.filter(pelaporan=lap).aggregate(n=Count("pk"), s=Max("diselesaikan")),
        RiwayatPerubahan.objects.count(),
    )


def periksa_hasil(aksi: str, harapan: Boleh | Tolak, sebelum: tuple, lap, line, user) -> None:
    """The database after the action: the new state and what the action writes, or nothing
    written at all."""
    if isinstance(harapan, Tolak):
        assert jejak(lap) == sebelum, "refused, yet something was written"
        return
    assert PelaporanTriwulan.objects.get(pk=lap.pk).status == harapan.status
    peristiwa = PeristiwaPelaporan.objects.filter(pelaporan=lap).order_by("pk").last()
    if aksi == "simpan":
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=TW)
        assert r.kegiatan == KEGIATAN_BARU
        assert RiwayatPerubahan.objects.filter(object_id=r.pk, field="kegiatan", oleh=user)
        return
    aksi_log = {
        "ajukan": "diajukan",
        "kembalikan": "dikembalikan",
        "verifikasi": "diverifikasi",
        "buka_kembali": "dibuka_kembali",
    }[aksi]
    assert (peristiwa.aksi, peristiwa.oleh) == (aksi_log, user)
    if aksi == "ajukan":
        assert SnapshotPelaporan.objects.filter(pelaporan=lap).count() == sebelum[2] + 1
    if aksi == "kembalikan":
        baru = CatatanReviu.objects.filter(
            pelaporan=lap, catatan__in=(TEKS_CATATAN, TEKS_CATATAN_I1)
        )
        assert {(c.indikator, c.catatan, c.oleh) for c in baru} == {
            (None, TEKS_CATATAN, user),
            (line, TEKS_CATATAN_I1, user),
        }
    if aksi == "buka_kembali":
        assert peristiwa.catatan == ALASAN


# --- the actions ---------------------------------------------------------------------------------


def layanan(aksi: str, user, lap: PelaporanTriwulan, line: IndikatorPerjanjian) -> None:
    """The action through the services (the save: the guard the quarter page and the evidence
    services share, then the history-keeping save)."""
    if aksi == "simpan":
        siklus.pastikan_boleh_diubah(user, lap.satker, TAHUN, TW)
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=TW)
        riwayat.simpan(
            r, {"kegiatan": KEGIATAN_BARU}, user=user, satker=lap.satker, uraian="I.1 TW II",
            awal=None,
        )  # fmt: skip
    elif aksi == "ajukan":
        siklus.ajukan(user=user, lap=lap)
    elif aksi == "kembalikan":
        catatan = [(None, TEKS_CATATAN), (line, TEKS_CATATAN_I1)]
        siklus.kembalikan(user=user, lap=lap, catatan=catatan)
    elif aksi == "verifikasi":
        siklus.verifikasi(user=user, lap=lap)
    else:
        siklus.buka_kembali(user=user, lap=lap, alasan=ALASAN)


def kirim(client: Client, aksi: str, lap: PelaporanTriwulan, line: IndikatorPerjanjian):
    """The action through the page that performs it, as the browser posts it."""
    if aksi == "simpan":
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=TW)
        awal = riwayat.nilai(r, siklus.ISIAN)
        data = {**awal, "kegiatan": KEGIATAN_BARU, "tanda": riwayat.tandai(awal)}
        url = reverse("entri-realisasi", args=[lap.satker_id, TAHUN, TW, line.pk])
        return client.post(url, {f"l{line.pk}-{k}": v for k, v in data.items()})
    if aksi == "ajukan":
        return client.post(reverse("entri-ajukan", args=[lap.satker_id, TAHUN, TW]))
    data = {
        "kembalikan": {
            "aksi": "kembalikan",
            "catatan_umum": TEKS_CATATAN,
            f"catatan_{line.pk}": TEKS_CATATAN_I1,
        },
        "verifikasi": {"aksi": "verifikasi"},
        "buka_kembali": {"aksi": "buka_kembali", "alasan": ALASAN},
    }[aksi]
    return client.post(reverse("reviu-aksi", args=[lap.pk]), data)


def pesan(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def periksa_halaman(aksi: str, peran: str, harapan: Boleh | Tolak, response, lap, line) -> None:
    """The page's answer: a gate before the service (sign-in, 404, 403), else the quarter
    page's save answers 403 with the reason, and submit / return / verify / reopen go back to
    their page (post-redirect-get) with the message."""
    g = gerbang(aksi, peran)
    if g == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        return
    if g is not None:
        assert response.status_code == g
        return
    if aksi == "simpan":
        kembali = reverse("entri-triwulan", args=[lap.satker_id, TAHUN, TW]) + f"#l{line.pk}"
        if isinstance(harapan, Boleh):
            assert (response.status_code, response.url) == (302, kembali)
        else:
            assert response.status_code == 403
            assert any(harapan.pesan in m for m in pesan(response)), pesan(response)
        return
    if aksi == "ajukan":
        kembali = reverse("entri-triwulan", args=[lap.satker_id, TAHUN, TW])
    else:
        kembali = reverse("reviu-detail", args=[lap.pk])
    assert (response.status_code, response.url) == (302, kembali)
    if isinstance(harapan, Tolak):
        assert any(harapan.pesan in m for m in pesan(response)), pesan(response)


def hasil_layanan(aksi: str, user, lap, line) -> Boleh | Tolak:
    try:
        with transaction.atomic():
            layanan(aksi, user, lap, line)
    except ValidationError as exc:
        return Tolak(ValidationError, " | ".join(exc.messages))
    except Exception as exc:  # any other error (a crash) is reported as it is
        return Tolak(type(exc), str(exc))
    return Boleh(PelaporanTriwulan.objects.get(pk=lap.pk).status)


def cocok(hasil: Boleh | Tolak, harapan: Boleh | Tolak) -> bool:
    if isinstance(harapan, Boleh):
        return hasil == harapan
    return (
        isinstance(hasil, Tolak) and hasil.galat is harapan.galat and harapan.pesan in hasil.pesan
    )


KEADAAN = (
    "draf", "tidak_lengkap", "diajukan", "dikembalikan", "diperbaiki", "diverifikasi",
    "belum_dibuka", "ditutup", "lewat_batas", "diperpanjang",
)  # fmt: skip
assert {k for t in TABEL.values() for k, _ in t} == set(KEADAAN)


class Sel:
    """The cells of a table run in one test, each in a savepoint rolled back afterwards; the
    test fails naming every failing cell. One test per state rather than one per cell:
    the state is built once, which keeps the file fast."""

    def __init__(self) -> None:
        self.gagal: list[str] = []

    @contextmanager
    def __call__(self, nama: str):
        with transaction.atomic():
            try:
                yield
            except Exception as exc:  # an assertion or a crash: reported with its cell
                self.gagal.append(f"{nama}: {type(exc).__name__}: {exc}")
            finally:
                transaction.set_rollback(True)

    def selesai(self) -> None:
        if self.gagal:
            pytest.fail("\n".join(self.gagal), pytrace=False)


def sel(aksi: str, peran: str, harapan: Boleh | Tolak, client: Client, lap, line, sebelum) -> None:
    """One cell: through the page (undone afterwards), then through the service."""
    user = aktor(peran)
    with transaction.atomic():
        client.cookies.pop("messages", None)  # only this request's messages
        response = kirim(client, aksi, lap, line)
        periksa_halaman(aksi, peran, harapan, response, lap, line)
        lewat_gerbang = Tolak(PD, "") if gerbang(aksi, peran) else harapan
        periksa_hasil(aksi, lewat_gerbang, sebelum, lap, line, user)
        transaction.set_rollback(True)
    hasil = hasil_layanan(aksi, user, lap, line)
    assert cocok(hasil, harapan), f"expected {harapan}, got {hasil}"
    periksa_hasil(aksi, harapan, sebelum, lap, line, user)


@pytest.fixture
def halaman_ringkas(monkeypatch) -> None:
    """The quarter page that a refused save shows again answers with its status and message
    but without rendering the page (a tenth of a second each; test_siklus.py renders it)."""

    def halaman(request, satker, tahun, triwulan, *, form_terikat=None, status=200):
        return HttpResponse(status=status)

    monkeypatch.setattr(views_siklus, "_halaman", halaman)


@pytest.mark.parametrize("keadaan", KEADAAN)
def test_siklus(halaman_ringkas, manado, keadaan):
    """Every cell of the tables for one state of the quarter, built once; each cell runs in a
    savepoint rolled back afterwards, so the next one starts from the same state."""
    lap = bangun(keadaan, manado)
    line = baris_i1(manado)
    sebelum = jejak(lap)
    klien = {p: Client() for p in PERAN}
    for p, c in klien.items():
        if p != "anonim":
            # "nonaktif" signs in as the administrator, deactivated in its cell.
            masuk(c, pengguna(PENGGUNA.get(p, "admin")))
    hasil = Sel()
    for aksi, t in TABEL.items():
        for peran in PERAN:
            if (keadaan, peran) in t:
                with hasil(f"{aksi}-{keadaan}-{peran}"):
                    sel(aksi, peran, t[keadaan, peran], klien[peran], lap, line, sebelum)
    hasil.selesai()


def test_catatan_dan_alasan_wajib(manado):
    """A return needs at least one note that says something, a reopening a reason: refused
    with the message, nothing written, through the service and the page."""
    reviewer = pengguna("reviewer")
    client = Client()
    masuk(client, reviewer)
    url = reverse("reviu-aksi", args=[bangun("diajukan", manado).pk])
    lap = PelaporanTriwulan.objects.get(satker=manado, tahun=TAHUN, triwulan=TW)
    sebelum = jejak(lap)
    with pytest.raises(ValidationError) as exc:
        siklus.kembalikan(user=reviewer, lap=lap, catatan=[(None, "  "), (baris_i1(manado), "")])
    assert exc.value.messages == ["Tuliskan setidaknya satu catatan: apa yang harus diperbaiki."]
    response = client.post(url, {"aksi": "kembalikan", "catatan_umum": "  "})
    assert pesan(response) == exc.value.messages
    assert jejak(lap) == sebelum
    lap = siklus.verifikasi(user=reviewer, lap=lap)
    sebelum = jejak(lap)
    with pytest.raises(ValidationError) as exc:
        siklus.buka_kembali(user=reviewer, lap=lap, alasan="  ")
    assert exc.value.message_dict == {"alasan": ["Tuliskan alasan membuka kembali laporan ini."]}
    client.cookies.pop("messages", None)
    response = client.post(url, {"aksi": "buka_kembali", "alasan": " "})
    assert pesan(response) == ["Tuliskan alasan membuka kembali laporan ini."]
    assert jejak(lap) == sebelum


def test_akun_nonaktif_tidak_mengajukan(manado):
    """A deactivated head cannot submit (nor save, nor review if a reviewer)."""
    lap = bangun("draf", manado)
    Pengguna.objects.filter(username="kepala.manado").update(is_active=False)
    with pytest.raises(PermissionDenied):
        siklus.ajukan(user=pengguna("kepala.manado"), lap=lap)


def test_anonim_tidak_mengajukan(manado):
    """An anonymous user is refused submission like any other user without the right."""
    lap = bangun("draf", manado)
    with pytest.raises(PermissionDenied):
        siklus.ajukan(user=AnonymousUser(), lap=lap)


# --- the periods ---------------------------------------------------------------------------------

# Open quarter II 2023 for every satker (buka_periode; a closed period may be opened again),
# close it (tutup_periode), extend Manado's deadline in it (perpanjang): the secretariat's
# reviewer (or an administrator) only. States: "belum" (never opened), "terbuka", "ditutup".
BUKA = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    belum         wenang    wenang    wenang    wenang    →terbuka  →terbuka  wenang    wenang
    terbuka       wenang    wenang    wenang    wenang    sudah     sudah     wenang    wenang
    ditutup       wenang    wenang    wenang    wenang    →terbuka  →terbuka  wenang    wenang
    """,
    {
        "→terbuka": Boleh("terbuka"),
        "wenang": Tolak(PD, "Hanya Sekretariat yang dapat membuka periode pelaporan."),
        "sudah": Tolak(VE, f"{NAMA_TW} sudah dibuka."),
    },
)
TUTUP = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    terbuka       wenang    wenang    wenang    wenang    →ditutup  →ditutup  wenang    wenang
    ditutup       wenang    wenang    wenang    wenang    sudah     sudah     wenang    wenang
    """,
    {
        "→ditutup": Boleh("ditutup"),
        "wenang": Tolak(PD, "Hanya Sekretariat yang dapat menutup periode pelaporan."),
        "sudah": Tolak(VE, "Periode ini sudah ditutup."),
    },
)
PERPANJANG = tabel(
    """
    keadaan       operator  kepala    op_lain   kep_lain  reviewer  admin     nonaktif  anonim
    terbuka       wenang    wenang    wenang    wenang    →panjang  →panjang  wenang    wenang
    ditutup       wenang    wenang    wenang    wenang    ditutup   ditutup   wenang    wenang
    """,
    {
        "→panjang": Boleh("diperpanjang"),
        "wenang": Tolak(PD, "Hanya Sekretariat yang dapat memperpanjang batas waktu."),
        "ditutup": Tolak(VE, "Periode sudah ditutup; buka kembali lebih dahulu."),
    },
)
TABEL_PERIODE = {"buka": BUKA, "tutup": TUTUP, "perpanjang": PERPANJANG}
ALASAN_PERPANJANG = "Kepala balai dinas luar"


def keadaan_periode(manado: Satker) -> str:
    p = siklus.periode(TAHUN, TW)
    if p is None:
        return "belum"
    if p.perpanjangan.filter(satker=manado).exists():
        return "diperpanjang"
    return "terbuka" if p.terbuka else "ditutup"


def jejak_periode() -> tuple:
    return (
        list(PeriodePelaporan.objects.values_list()),
        list(PerpanjanganPeriode.objects.values_list()),
    )


def sel_periode(aksi: str, keadaan: str, peran: str, harapan, client: Client, manado) -> None:
    """One cell of the period tables: through the review page (undone), then the service."""
    hari = timezone.localdate()
    p = None
    if keadaan != "belum":
        p = siklus.buka_periode(
            user=pengguna("reviewer"), tahun=TAHUN, triwulan=TW, batas=hari + datetime.timedelta(10)
        )
        if keadaan == "ditutup":
            siklus.tutup_periode(user=pengguna("reviewer"), periode_=p)
    user = aktor(peran)
    batas = hari + datetime.timedelta(days=30)
    sebelum = jejak_periode()

    def periksa_hasil_periode(harapan) -> None:
        if isinstance(harapan, Tolak):
            assert jejak_periode() == sebelum, "refused, yet something was written"
            return
        assert keadaan_periode(manado) == harapan.status
        baru = siklus.periode(TAHUN, TW)
        if aksi == "buka":
            assert (baru.batas, baru.dibuka_oleh) == (batas, user)
        elif aksi == "tutup":
            assert baru.ditutup_oleh == user
        else:
            x = baru.perpanjangan.get(satker=manado)
            assert (x.batas, x.alasan, x.oleh) == (batas, ALASAN_PERPANJANG, user)

    with transaction.atomic():
        client.cookies.pop("messages", None)
        if aksi == "buka":
            data = {"tahun": TAHUN, "triwulan": TW, "batas": batas.isoformat()}
            response = client.post(reverse("reviu-buka"), data)
        elif aksi == "tutup":
            response = client.post(reverse("reviu-tutup", args=[p.pk]))
        else:
            data = {"satker": manado.pk, "batas": batas.isoformat(), "alasan": ALASAN_PERPANJANG}
            response = client.post(reverse("reviu-perpanjang", args=[p.pk]), data)
        g = gerbang("kembalikan", peran)  # the review pages' gate
        if g == "login":
            assert response.status_code == 302
            assert response.url.startswith(reverse("login"))
        elif g is not None:
            assert response.status_code == g
        else:
            assert response.status_code == 302
            if isinstance(harapan, Tolak):
                assert any(harapan.pesan in m for m in pesan(response)), pesan(response)
        periksa_hasil_periode(Tolak(PD, "") if g else harapan)
        transaction.set_rollback(True)
    try:
        with transaction.atomic():
            if aksi == "buka":
                siklus.buka_periode(user=user, tahun=TAHUN, triwulan=TW, batas=batas)
            elif aksi == "tutup":
                siklus.tutup_periode(user=user, periode_=p)
            else:
                siklus.perpanjang(
                    user=user, periode_=p, satker=manado, batas=batas, alasan=ALASAN_PERPANJANG
                )
    except ValidationError as exc:
        hasil = Tolak(ValidationError, " | ".join(exc.messages))
    except Exception as exc:  # any other error (a crash) is reported as it is
        hasil = Tolak(type(exc), str(exc))
    else:
        hasil = Boleh(keadaan_periode(manado))
    assert cocok(hasil, harapan), f"expected {harapan}, got {hasil}"
    periksa_hasil_periode(harapan)


def test_periode(manado):
    klien = {p: Client() for p in PERAN}
    for p, c in klien.items():
        if p != "anonim":
            masuk(c, pengguna(PENGGUNA.get(p, "admin")))
    hasil = Sel()
    for aksi, t in TABEL_PERIODE.items():
        for (keadaan, peran), harapan in t.items():
            with hasil(f"{aksi}-{keadaan}-{peran}"):
                sel_periode(aksi, keadaan, peran, harapan, klien[peran], manado)
    hasil.selesai()


def test_periode_isian_wajib(manado):
    """A quarter is 1 to 4; an extension needs a deadline after the period's and a reason."""
    reviewer = pengguna("reviewer")
    hari = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        siklus.buka_periode(user=reviewer, tahun=TAHUN, triwulan=5, batas=hari)
    assert exc.value.message_dict == {"triwulan": ["Triwulan harus 1 sampai 4."]}
    p = siklus.buka_periode(user=reviewer, tahun=TAHUN, triwulan=TW, batas=hari)
    sebelum = jejak_periode()
    with pytest.raises(ValidationError) as exc:
        siklus.perpanjang(user=reviewer, periode_=p, satker=manado, batas=hari, alasan=" ")
    assert exc.value.message_dict == {
        "batas": [f"Batas baru harus setelah batas periode ({format_tanggal(hari)})."],
        "alasan": ["Tuliskan alasan perpanjangan."],
    }
    with pytest.raises(ValidationError) as exc:
        siklus.perpanjang(
            user=reviewer, periode_=p, satker=manado, batas=hari + datetime.timedelta(days=1),
            alasan=" ",
        )  # fmt: skip
    assert exc.value.message_dict == {"alasan": ["Tuliskan alasan perpanjangan."]}
    assert jejak_periode() == sebelum


# --- who sees the quarter ---------------------------------------------------------------------

# Rows of Manado that each user's restrict(user) returns (Satker, the quarter's report, an
# evidence file) and what the quarter page and the evidence download answer: a satker's own
# staff and the secretariat see them; another satker's staff, an inactive account (whatever
# its role) and an anonymous visitor see nothing.
LIHAT = """
    peran         satker    laporan   bukti     halaman   unduh
    operator      ya        ya        ya        200       200
    kepala        ya        ya        ya        200       200
    op_lain       tidak     tidak     tidak     404       404
    kep_lain      tidak     tidak     tidak     404       404
    reviewer      ya        ya        ya        200       200
    admin         ya        ya        ya        200       200
    nonaktif      tidak     tidak     tidak     login     login
    op_nonaktif   tidak     tidak     tidak     login     login
    anonim        tidak     tidak     tidak     login     login
    """


def test_siapa_melihat(halaman_ringkas, manado):
    lap = bangun("draf", manado)
    b = bukti.unggah(
        user=pengguna("operator.manado"), line=baris_i1(manado), triwulan=TW,
        berkas=SimpleUploadedFile("notulen.pdf", PDF),
    )  # fmt: skip
    kepala, *baris = (x.split() for x in LIHAT.strip().splitlines())
    assert kepala == ["peran", "satker", "laporan", "bukti", "halaman", "unduh"]
    assert [x[0] for x in baris] == [*PERAN[:-1], "op_nonaktif", "anonim"]
    hasil = Sel()
    for peran, *harapan in baris:
        with hasil(peran):
            user = aktor(peran)
            terlihat = [
                "ya" if qs.restrict(user).filter(pk=pk).exists() else "tidak"
                for qs, pk in (
                    (Satker.objects, manado.pk),
                    (PelaporanTriwulan.objects, lap.pk),
                    (BuktiDukung.objects, b.pk),
                )
            ]
            client = Client()
            if peran != "anonim":
                masuk(client, user)
            halaman = [
                client.get(url)
                for url in (
                    reverse("entri-triwulan", args=[manado.pk, TAHUN, TW]),
                    reverse("bukti-unduh", args=[b.pk]),
                )
            ]
            jawab = [
                "login"
                if r.status_code == 302 and r.url.startswith(reverse("login"))
                else str(r.status_code)
                for r in halaman
            ]
            assert [*terlihat, *jawab] == harapan
    hasil.selesai()


# --- another satker's object inside an allowed request -------------------------------------------


def test_catatan_untuk_indikator_satker_lain_ditolak(manado, pekanbaru):
    """The service refuses a note on another satker's PK line, alone or among good notes, and
    writes none of them."""
    lap = bangun("diajukan", manado)
    lain = baris_i1(pekanbaru)
    sebelum = jejak(lap)
    for catatan in (
        [(lain, "Catatan nyasar.")],
        [(None, TEKS_CATATAN), (lain, "Catatan nyasar.")],
        [(baris_i1(manado), TEKS_CATATAN_I1), (lain, "Catatan nyasar.")],
    ):
        with pytest.raises(ValidationError) as exc:
            siklus.kembalikan(user=pengguna("reviewer"), lap=lap, catatan=catatan)
        assert exc.value.messages == ["Catatan untuk indikator satker lain tidak dapat dibuat."]
        assert jejak(lap) == sebelum
    assert not CatatanReviu.objects.filter(indikator=lain).exists()


def test_catatan_untuk_indikator_satker_lain_lewat_halaman(manado, pekanbaru):
    """The review page reads the notes of the report's own lines only: a note posted for
    another satker's line is not written, and without another note nothing is."""
    lap = bangun("diajukan", manado)
    lain = baris_i1(pekanbaru)
    sebelum = jejak(lap)
    for username in ("reviewer", "admin"):
        client = Client()
        masuk(client, pengguna(username))
        response = client.post(
            reverse("reviu-aksi", args=[lap.pk]),
            {"aksi": "kembalikan", f"catatan_{lain.pk}": "Catatan nyasar."},
        )
        assert (response.status_code, response.url) == (302, reverse("reviu-detail", args=[lap.pk]))
        assert pesan(response) == ["Tuliskan setidaknya satu catatan: apa yang harus diperbaiki."]
        assert jejak(lap) == sebelum
    assert not CatatanReviu.objects.filter(indikator=lain).exists()


def _kiriman_realisasi(line: IndikatorPerjanjian) -> dict[str, str]:
    """A valid save of the line's quarter II (a changed activity), as the page posts it."""
    r = RealisasiTriwulan.objects.get(indikator=line, triwulan=TW)
    awal = riwayat.nilai(r, siklus.ISIAN)
    data = {**awal, "kegiatan": KEGIATAN_BARU, "tanda": riwayat.tandai(awal)}
    return {f"l{line.pk}-{k}": v for k, v in data.items()}


def _semua_realisasi() -> list[tuple]:
    return list(RealisasiTriwulan.objects.order_by("pk").values_list("pk", *siklus.ISIAN))


def test_simpan_dan_unggah_untuk_baris_satker_lain_tidak_ditemukan(manado, pekanbaru):
    """A PK line id of another satker in the quarter page's save or upload: 404, whoever asks
    (the administrator sees both satker, so only the line's own check refuses it)."""
    bangun("draf", manado)
    lain, sendiri = baris_i1(pekanbaru), baris_i1(manado)
    sebelum = (_semua_realisasi(), RiwayatPerubahan.objects.count(), BuktiDukung.objects.count())
    kiriman = [
        ("operator.manado", manado, lain),  # Manado's page, Pekanbaru's line
        ("admin", manado, lain),
        ("operator.manado", pekanbaru, sendiri),  # Pekanbaru's page, Manado's line
    ]
    for username, satker, line in kiriman:
        client = Client()
        masuk(client, pengguna(username))
        simpan = reverse("entri-realisasi", args=[satker.pk, TAHUN, TW, line.pk])
        assert client.post(simpan, _kiriman_realisasi(line)).status_code == 404
        unggah = reverse("entri-bukti", args=[satker.pk, TAHUN, TW, line.pk])
        berkas = SimpleUploadedFile("notulen.pdf", PDF, content_type="application/pdf")
        assert client.post(unggah, {"berkas": berkas}).status_code == 404
    after = (_semua_realisasi(), RiwayatPerubahan.objects.count(), BuktiDukung.objects.count())
    assert after == sebelum
    # The same save on the line's own page is accepted: only the satker was wrong.
    client = Client()
    client.force_login(pengguna("operator.manado"))
    url = reverse("entri-realisasi", args=[manado.pk, TAHUN, TW, sendiri.pk])
    assert client.post(url, _kiriman_realisasi(sendiri)).status_code == 302


def test_bukti_satker_lain_tidak_diunduh_atau_dihapus(manado, pekanbaru):
    bangun("draf", manado)
    b = bukti.unggah(
        user=pengguna("operator.pekanbaru"), line=baris_i1(pekanbaru), triwulan=TW,
        berkas=SimpleUploadedFile("notulen.pdf", PDF),
    )  # fmt: skip
    riwayat_sebelum = RiwayatPerubahan.objects.count()
    for username in ("operator.manado", "kepala.manado"):
        client = Client()
        masuk(client, pengguna(username))
        assert client.get(reverse("bukti-unduh", args=[b.pk])).status_code == 404
        assert client.post(reverse("bukti-hapus", args=[b.pk])).status_code == 404
    assert BuktiDukung.objects.filter(pk=b.pk).exists()
    assert b.berkas.storage.exists(b.berkas.name)
    assert RiwayatPerubahan.objects.count() == riwayat_sebelum
    # Pekanbaru's own staff do get it: the id was a real one.
    client = Client()
    client.force_login(pengguna("operator.pekanbaru"))
    assert client.get(reverse("bukti-unduh", args=[b.pk])).status_code == 200


def _kiriman_formset(client: Client, satker: Satker, jenis: str, baris: list[dict]) -> dict:
    """The supporting-data page's post: `baris` as its rows (those with an "id" as existing
    rows, first), with the page's current signature."""
    tanda = client.get(reverse("entri-data", args=[satker.pk, TAHUN, jenis])).context["tanda"]
    awal = sum(1 for b in baris if b.get("id"))
    data = {
        "tanda": tanda,
        "d-TOTAL_FORMS": str(len(baris)),
        "d-INITIAL_FORMS": str(awal),
        "d-MIN_NUM_FORMS": "0",
        "d-MAX_NUM_FORMS": "1000",
    }
    for i, b in enumerate(baris):
        data |= {f"d-{i}-{k}": v for k, v in b.items()}
    return data


def _pnbp(obj: PenerimaanPnbp, **ubah) -> dict:
    return {
        "id": str(obj.pk),
        "tanggal_posisi": obj.tanggal_posisi.isoformat(),
        "jenis": obj.jenis,
        "jumlah": str(obj.jumlah),
    } | ubah


def _pengukuran(obj: PengukuranPerusahaan, indikator: IndikatorPerjanjian) -> dict:
    return {
        "id": "",
        "indikator": str(indikator.pk),
        "perusahaan": obj.perusahaan + " (salinan)",
        "kegiatan": obj.kegiatan,
        "besaran": obj.besaran,
        "satuan_ukur": obj.satuan_ukur,
        "arah": obj.arah,
        "nilai_sebelum": "10",
        "nilai_sesudah": "12",
        "tanggal": obj.tanggal.isoformat(),
    }


def _data_dukung() -> tuple:
    return (
        list(PenerimaanPnbp.objects.order_by("pk").values_list()),
        list(PengukuranPerusahaan.objects.order_by("pk").values_list()),
        RiwayatPerubahan.objects.count(),
    )


@pytest.mark.parametrize("username", ["operator.manado", "admin"])
def test_baris_data_dukung_satker_lain_ditolak(manado, pekanbaru, username):
    """A supporting-data row of another satker named in the formset of Manado's page (to
    change or to delete it), or a new row pointing at another satker's PK line: refused with
    400, nothing written. The same posts with Manado's own row or line are accepted."""
    client = Client()
    masuk(client, pengguna(username))
    lain = PenerimaanPnbp.objects.filter(satker=pekanbaru).first()
    sendiri = PenerimaanPnbp.objects.filter(satker=manado, tanggal_posisi__year=TAHUN).first()
    ukur = PengukuranPerusahaan.objects.filter(
        indikator__sasaran__perjanjian__satker=pekanbaru
    ).first()
    line_lain = IndikatorPerjanjian.objects.get(pk=ukur.indikator_id)
    line_sendiri = baris_i1(manado)
    pnbp = reverse("entri-data", args=[manado.pk, TAHUN, "pnbp"])
    pengukuran = reverse("entri-data", args=[manado.pk, TAHUN, "pengukuran-perusahaan"])
    sebelum = _data_dukung()
    status = {}
    for kasus, url, jenis, baris in (
        ("ubah", pnbp, "pnbp", [_pnbp(lain, jumlah=str(lain.jumlah + 1000))]),
        ("hapus", pnbp, "pnbp", [_pnbp(lain, DELETE="on")]),
        ("indikator", pengukuran, "pengukuran-perusahaan", [_pengukuran(ukur, line_lain)]),
    ):
        response = client.post(url, _kiriman_formset(client, manado, jenis, baris))
        assert _data_dukung() == sebelum, kasus
        status[kasus] = response.status_code
        if kasus != "indikator":  # the row says why it was refused
            galat = [td.teks for td in baca(response).semua("td", kelas="field-error")]
            assert galat == ["Baris ini tidak ada di antara data halaman ini; muat ulang."]
    for url, jenis, baris in (
        (pnbp, "pnbp", [_pnbp(sendiri, jumlah=str(sendiri.jumlah + 1000))]),
        (pengukuran, "pengukuran-perusahaan", [_pengukuran(ukur, line_sendiri)]),
    ):
        response = client.post(url, _kiriman_formset(client, manado, jenis, baris))
        assert response.status_code == 302, (jenis, baris)
    assert PenerimaanPnbp.objects.get(pk=sendiri.pk).jumlah == sendiri.jumlah + 1000
    assert PengukuranPerusahaan.objects.filter(indikator=line_sendiri).count() == 1
    assert status == {"ubah": 400, "hapus": 400, "indikator": 400}


def test_reviewer_tidak_mengubah_data_dukung(manado):
    """Reviewers read a satker's supporting data and change none of it."""
    client = Client()
    masuk(client, pengguna("reviewer"))
    sendiri = PenerimaanPnbp.objects.filter(satker=manado, tanggal_posisi__year=TAHUN).first()
    sebelum = _data_dukung()
    data = _kiriman_formset(client, manado, "pnbp", [_pnbp(sendiri, jumlah="1")])
    response = client.post(reverse("entri-data", args=[manado.pk, TAHUN, "pnbp"]), data)
    assert response.status_code == 403
    assert _data_dukung() == sebelum
