"""Every page is behind a login, and no page gives one satker's data to another: a test walks
every URL pattern of the project, addressing a real object of BSPJI Manado, and tries every
method the view accepts (GET, POST and what a 405 says is allowed) as an anonymous visitor and
as the operator of BSPJI Pekanbaru. A new view without a login or satker check fails here; a
405 passes only for a method the view does not accept, never for a view's POST handler."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kinerja import bukti, siklus
from kinerja.models import (
    PembukaanTahun,
    PenerimaanPnbp,
    RealisasiTriwulan,
    Renstra,
    RevisiPerjanjian,
    SasaranRenstra,
)
from kinerja.services.perjanjian import snapshot
from kinerja.views.data_dukung import JENIS_DATA
from laporan.models import BerkasLaporan, GambarLaporan
from satker import token_api
from satker.models import Pengguna
from tests.berkas import PDF_SAH
from tests.masuk import masuk

# Pages that must be reachable without logging in: the login page, the API's token endpoint
# (which answers only to a correct username and password) and the password reset by mail.
PUBLIC = {
    "login",
    "api-token",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}

# Pages every logged-in user may open, whose answer is scoped to the user's own satker (the
# API lists: tests/kinerja/test_akses_satker.py, test_api_*.py) or holds no satker data.
SEMUA_PENGGUNA = {
    "logout",
    "dua-faktor-verifikasi",
    "dua-faktor-atur",
    "dua-faktor-kode-pemulihan",
    "password_change",
    "password_change_done",
    "token-api",
    "beranda",
    "api-root",
    "api-schema",
    "api-docs",
    "capaian-list",
    "anggaran-list",
    "laporan-list",
    "ringkasan-list",
    "api-satker-list",
    "indikator-list",
    "indikator-detail",  # the manual: no satker data
    "renstra-list",
    "perjanjian-list",
    "rencana-aksi-list",
    "realisasi-list",
    "pelaporan-list",
    *(f"data-dukung-{jenis}-list" for jenis in JENIS_DATA),
}

# What the `pk` of every other URL addresses (the object is Manado's), and the reviewer-only
# pages without one. A new URL must be added here: the sweep cannot guess its object.
OBJEK = {
    "satker-detail": "satker",
    "anggaran": "satker",
    "anggaran-templat": "satker",
    "anggaran-impor": "satker",
    "entri-isian": "satker",
    "entri-pk": "satker",
    "entri-pk-cetak": "revisi_pk",
    "entri-pk-pindaian": "revisi_pk",
    "entri-pk-pindaian-unggah": "revisi_pk",
    "entri-pk-templat": "satker",
    "entri-pk-impor": "satker",
    "entri-rencana-aksi": "satker",
    "entri-rencana-aksi-templat": "satker",
    "entri-rencana-aksi-impor": "satker",
    "entri-data": "satker",
    "entri-data-templat": "satker",
    "entri-data-impor": "satker",
    "entri-narasi": "satker",
    "entri-narasi-lakip": "satker",
    "entri-narasi-pp39": "satker",
    "entri-gambar-lakip": "satker",
    "entri-gambar-pp39": "satker",
    "gambar-lihat": "gambar",
    "gambar-hapus": "gambar",
    "entri-realisasi-anggaran": "satker",
    "entri-form-a": "satker",
    "entri-kepegawaian": "satker",
    "entri-triwulan": "satker",
    "entri-triwulan-templat": "satker",
    "entri-triwulan-impor": "satker",
    "entri-ajukan": "satker",
    "entri-realisasi": "satker",
    "entri-pratinjau": "satker",
    "entri-bukti": "satker",
    "laporan-satker": "satker",
    "bukti-unduh": "bukti",
    "bukti-hapus": "bukti",
    "berkas-unduh": "berkas",
    "berkas-status": "berkas",
    "laporan-detail": "berkas",
    "api-satker-detail": "satker",
    "ringkasan-detail": "satker",
    "renstra-detail": "renstra",
    "perjanjian-detail": "perjanjian",
    "rencana-aksi-detail": "rencana_aksi",
    "capaian-detail": "baris",
    "anggaran-detail": "item_anggaran",
    "laporan-unduh": "berkas",
    "dasbor": None,
    "satker-dasbor": "satker",
    "reviu": None,
    "sekretariat": None,
    "sekretariat-pedoman": None,
    "sekretariat-pedoman-baru": None,
    "sekretariat-pedoman-detail": "pedoman",
    "sekretariat-pedoman-versi": "pedoman",
    "sekretariat-pedoman-versi-ubah": "versi_pedoman",
    "sekretariat-pengguna": None,
    "sekretariat-pengguna-baru": None,
    "sekretariat-pengguna-detail": "pengguna",
    "sekretariat-pengguna-nonaktifkan": "pengguna",
    "sekretariat-pengguna-aktifkan": "pengguna",
    "sekretariat-pengguna-kirim-tautan": "pengguna",
    "sekretariat-dipa": None,
    "sekretariat-dipa-satker": "satker",
    "sekretariat-tautan-anggaran": "satker",
    "sekretariat-nilai": None,
    "sekretariat-tahun": None,
    "sekretariat-tahun-buka": None,
    "sekretariat-tahun-status": "pembukaan",
    "kunci-masuk": None,
    "token-api-semua": None,
    "token-api-cabut": "token",
    "reviu-buka": None,
    "reviu-tutup": "periode",
    "reviu-perpanjang": "periode",
    "reviu-detail": "pelaporan",
    "reviu-aksi": "pelaporan",
    "realisasi-detail": "realisasi",
    "pelaporan-detail": "pelaporan",
    "data-dukung-pnbp-detail": "pnbp",
    "sekretariat-kaskade": None,
    "sekretariat-kaskade-sasaran-baru": "renstra",
    "sekretariat-kaskade-sasaran": "sasaran_renstra",
    "sekretariat-pohon-terbaru": None,
    "sekretariat-pohon": None,
    "sekretariat-renstra": None,
    "sekretariat-renstra-satker": "satker",
    # Manado has no Renstra: both answer its secretariat with "belum memiliki Renstra" (200);
    # Pekanbaru's workbook is tested in tests/kinerja/test_impor_renstra.py.
    "sekretariat-renstra-templat": "satker",
    "sekretariat-renstra-impor": "satker",
}
# The rows of every other supporting-data kind are served by the same viewset class as PNBP's
# (kinerja.api.data_dukung.DataDukungViewSet, scoped by its queryset); the demo has no Manado
# row of many kinds, so the sweep addresses PNBP's, and tests/rest/test_data_dukung.py checks
# the scoping of every kind's list.
SAMA_DENGAN_PNBP = {f"data-dukung-{jenis}-detail" for jenis in JENIS_DATA if jenis != "pnbp"}
# A `jenis` of each URL that has one, that exists (another would be a 404 for anyone).
JENIS = {
    "anggaran-templat": "struktur",
    "anggaran-impor": "struktur",
    "entri-data": "pnbp",
    "entri-data-templat": "pnbp",
    "entri-data-impor": "pnbp",
}


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                continue  # Django's admin has its own staff check (tested in test_admin)
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield p, prefix + str(p.pattern)


def concrete_path(pattern: str, pk: int = 1, line_pk: int = 1, jenis: str = "struktur") -> str:
    """A URL that the pattern matches: the ids given, year 2023, quarter II, format suffix
    "json", regex syntax removed."""
    path = "/" + pattern.replace("(?P<pk>[^/.]+)", str(pk))
    path = path.replace("^", "").replace("$", "").replace("/?", "/")
    path = re.sub(r"\(\?P<format>[^)]*\)", "json", path)
    path = path.replace("\\.", ".").replace("<drf_format_suffix:format>", ".json")
    for converter in ("<int:pk>", "<int:id>"):
        path = path.replace(converter, str(pk))
    for tahun in ("<int:tahun>", "<tahun:tahun>"):
        path = path.replace(tahun, "2023")
    for triwulan in ("<int:triwulan>", "<triwulan:triwulan>"):
        path = path.replace(triwulan, "2")
    path = path.replace("<str:jenis>", jenis).replace("<int:line_pk>", str(line_pk))
    path = path.replace("<int:nomor>", "0")  # a PK's kept version: the first
    assert "<" not in path, f"tambahkan contoh nilai untuk {path}"
    return path


PATTERNS = [
    (p.name, route) for p, route in walk(get_resolver().url_patterns) if p.name not in PUBLIC
]
IDS = [r or "root" for _, r in PATTERNS]
# Every pattern a satker user may not open for another satker: the rest answer every
# logged-in user (SEMUA_PENGGUNA, scoped there).
LEWAT = SEMUA_PENGGUNA | SAMA_DENGAN_PNBP
PATTERNS_SATKER = [(name, route) for name, route in PATTERNS if name not in LEWAT]
IDS_SATKER = [r or "root" for name, r in PATTERNS if name not in LEWAT]


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def path_manado(request, name: str, route: str) -> str:
    """The URL of the pattern addressing Manado's object of the kind it takes."""
    kind = OBJEK.get(name)
    if kind is None:
        return concrete_path(route)
    manado = request.getfixturevalue("manado")
    line = siklus.lines_satker(manado, 2023)[0]
    if kind in ("satker", "bukti", "periode"):
        # Quarter II open: the owner's own request is not refused for a closed period.
        periode = siklus.buka_periode(
            user=pengguna("reviewer"), tahun=2023, triwulan=2,
            batas=timezone.localdate() + datetime.timedelta(days=5),
        )  # fmt: skip
    if kind == "satker":
        pk = manado.pk
    elif kind == "bukti":
        pk = bukti.unggah(
            user=pengguna("operator.manado"), line=line, triwulan=2,
            berkas=SimpleUploadedFile("notulen.pdf", PDF_SAH),
        ).pk  # fmt: skip
    elif kind == "gambar":
        # The demo's organisation chart of Manado's PP-39 quarter II.
        pk = GambarLaporan.objects.get(satker=manado, jenis="pp39", kunci="struktur_organisasi").pk
    elif kind == "berkas":
        berkas = BerkasLaporan.objects.create(
            satker=manado, jenis="pk", tahun=2023, format="xlsx", status="selesai"
        )
        berkas.berkas.save("pk.xlsx", ContentFile(b"PK\x03\x04"))
        pk = berkas.pk
    elif kind == "periode":
        pk = periode.pk
    elif kind == "baris":
        pk = line.pk
    elif kind == "perjanjian":
        pk = line.sasaran.perjanjian_id
    elif kind == "rencana_aksi":
        pk = line.rencana_aksi.first().pk
    elif kind == "item_anggaran":
        pk = manado.itemanggaran.filter(tahun=2023).first().pk
    elif kind == "renstra":
        # Manado has no Renstra in the sources.
        pk = Renstra.objects.create(
            tingkat="satker", satker=manado, nama="Renstra", tahun_awal=2021, tahun_akhir=2024
        ).pk
    elif kind == "sasaran_renstra":
        # A goal of BSKJI's Renstra (master data without a satker).
        pk = SasaranRenstra.objects.filter(renstra__tingkat="eselon_i").first().pk
    elif kind == "realisasi":
        pk = RealisasiTriwulan.objects.get(indikator=line, triwulan=2).pk
    elif kind == "pedoman":  # the manual's indicator of Manado's line (master data)
        pk = line.indikator_id
    elif kind == "versi_pedoman":
        pk = line.indikator.versi.first().pk
    elif kind == "pnbp":
        pk = PenerimaanPnbp.objects.filter(satker=manado).first().pk
    elif kind == "pengguna":
        pk = pengguna("operator.manado").pk
    elif kind == "revisi_pk":
        # Manado's 2023 PK as first signed, kept with its scan (kinerja.services.perjanjian).
        pk_2023 = line.sasaran.perjanjian
        revisi = RevisiPerjanjian(perjanjian=pk_2023, nomor=0, data=snapshot(pk_2023))
        revisi.pindaian.save("pk.pdf", ContentFile(PDF_SAH), save=False)
        revisi.save()
        pk = manado.pk
    elif kind == "pembukaan":
        pk = PembukaanTahun.objects.create(tahun=2024).pk
    elif kind == "token":
        pk = token_api.token_buat(
            pengguna=pengguna("operator.manado"), nama="sinkron", cakupan="baca"
        )[0].pk
    else:
        pk = siklus.pelaporan(manado, 2023, 2).pk
    return concrete_path(route, pk=pk, line_pk=line.pk, jenis=JENIS.get(name, "struktur"))


def dicoba(client: Client, path: str) -> dict[str, object]:
    """The answer to GET, to POST, and to every further method a 405 says the view allows."""
    methods, answers = ["GET", "POST"], {}
    while methods:
        method = methods.pop(0)
        if method in answers:
            continue
        answers[method] = response = client.generic(method, path)
        if response.status_code == 405:
            allowed = [m.strip() for m in response["Allow"].split(",")]
            methods += [m for m in allowed if m not in ("HEAD", "OPTIONS")]
    return answers


def tolak_semua(answers: dict, ditolak) -> None:
    """Every method the view accepts is refused; a 405 only for a method it does not accept
    (its Allow header says so), and at least one method is accepted."""
    refused = set()
    for method, response in answers.items():
        if response.status_code == 405:
            assert method not in response["Allow"], (method, response["Allow"])
            continue
        assert ditolak(response), (method, response.status_code, response.get("Location"))
        refused.add(method)
    assert refused, f"no method is accepted: {answers}"


def ke_login(response) -> bool:
    if response.status_code == 302:
        return response["Location"].startswith(reverse("login"))
    return response.status_code in (401, 403)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), PATTERNS, ids=IDS)
def test_every_page_requires_login_for_every_method(request, client, demo, name, route):
    """Manado's real object is addressed: a view that answers without its login check is not
    saved by a 404 for an id that exists nowhere."""
    tolak_semua(dicoba(client, path_manado(request, name, route)), ke_login)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), PATTERNS_SATKER, ids=IDS_SATKER)
def test_another_satkers_user_gets_nothing_by_any_method(request, client, demo, name, route):
    assert name in OBJEK, f"{name}: tambahkan ke OBJEK (objek apa yang dialamatkan pk-nya)"
    path = path_manado(request, name, route)
    client.force_login(pengguna("operator.pekanbaru"))
    tolak_semua(dicoba(client, path), lambda r: r.status_code in (403, 404))
    # The same URL is there for whom it is meant: the refusals above are not a wrong address.
    # (The first method the view accepts; an empty POST may rightly be a 404 of its form.)
    # The secretariat's master-data pages (URL names "sekretariat…") are the sekretariat's.
    if name.startswith("sekretariat"):
        owner = "sekretariat"
    elif OBJEK[name] in (None, "periode", "pelaporan"):
        owner = "reviewer"
    else:
        owner = "operator.manado"
    masuk(client, pengguna(owner))
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path)
    assert response.status_code not in (403, 404, 405), response.status_code


def test_every_url_is_classified():
    names = {name for name, _ in PATTERNS}
    assert names - SEMUA_PENGGUNA - SAMA_DENGAN_PNBP - set(OBJEK) == set()
    assert set(OBJEK) - names == set()
    assert SEMUA_PENGGUNA - names == set()


@pytest.mark.django_db
def test_the_login_page_is_public(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Masuk" in response.content.decode()


@pytest.mark.django_db
def test_the_token_endpoint_gives_nothing_for_wrong_credentials(client, demo):
    response = client.post("/api/v1/token/", {"username": "reviewer", "password": "salah"})
    assert response.status_code == 400
    assert "token" not in response.json()
