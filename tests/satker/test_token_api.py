"""API tokens (issue 12): stored as a hash and shown once, Bearer authentication and its
refusals, the read scope on every write, the last-used time, revocation by the owner and the
secretariat, the pages, the command, the password endpoint and the throttles."""

from __future__ import annotations

import datetime
import hashlib
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient, APIRequestFactory

from kinerja.models import RiwayatPerubahan
from laporan.models import BerkasLaporan
from satker import token_api
from satker.api.autentikasi import AutentikasiTokenApi
from satker.models import Pengguna, TokenApi
from tests.conftest import MANADO
from tests.halaman import baca, pesan, tabel
from tests.masuk import kode_sekarang, masuk
from tests.test_url_permissions import concrete_path, walk

pytestmark = pytest.mark.django_db

CAPAIAN = "/api/v1/capaian/"
LAPORAN = "/api/v1/laporan/"
PK_MANADO = {"satker": MANADO, "jenis": "pk", "tahun": 2023, "format": "pdf"}


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def buat(username: str = "operator.manado", cakupan: str = "baca", **kwargs) -> str:
    """A new token of the user (the token itself)."""
    kwargs.setdefault("nama", f"tes {TokenApi.objects.count()}")
    return token_api.token_buat(pengguna=pengguna(username), cakupan=cakupan, **kwargs)[1]


def klien(kunci: str, kata: str = "Bearer") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{kata} {kunci}")
    return client


def rekaman(kunci: str) -> TokenApi:
    return TokenApi.objects.get(sidik=hashlib.sha256(kunci.encode()).hexdigest())


def di_basis_data(teks: str) -> list[str]:
    """Every model and text column of the database holding `teks`."""
    ketemu = []
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.CharField | models.TextField | models.JSONField):
                q = Q(**{f"{f.attname}__contains": teks})
                if model._base_manager.filter(q).exists():
                    ketemu.append(f"{model._meta.label}.{f.name}")
    return ketemu


def halaman_token(client: Client, **data):
    return client.post(reverse("token-api"), data) if data else client.get(reverse("token-api"))


# --- stored as a hash, shown once ---------------------------------------------------------


def test_the_page_shows_a_new_token_once_and_the_database_holds_only_its_hash(
    operator_manado_client,
):
    response = halaman_token(
        operator_manado_client, nama="sinkron SIMONEV", cakupan="baca", berlaku_hari="30"
    )
    assert response.status_code == 200
    halaman = baca(response)
    kunci = halaman.satu("textarea", id="token-baru").teks
    assert re.fullmatch(r"kjb_[A-Za-z0-9_-]{40}", kunci)
    assert "tidak akan ditampilkan lagi" in halaman.satu("div", kelas="form-error").teks
    token = TokenApi.objects.get(pengguna__username="operator.manado", nama="sinkron SIMONEV")
    assert token.sidik == hashlib.sha256(kunci.encode()).hexdigest()
    assert token.awalan == kunci[:8]
    assert (token.cakupan, token.dicabut, token.terakhir_dipakai) == ("baca", None, None)
    assert token.berlaku_sampai - token.dibuat == datetime.timedelta(days=30)
    assert di_basis_data(kunci) == []
    assert di_basis_data(kunci[8:20]) == []
    # Never again: the list shows the name and the first characters only.
    daftar = halaman_token(operator_manado_client)
    assert kunci not in daftar.content.decode()
    baris = tabel(baca(daftar), id="daftar-token").kolom_baris("sinkron SIMONEV")
    assert baris["Awalan"] == kunci[:8] + "…"
    assert (baris["Cakupan"], baris["Terakhir dipakai"], baris["Status"]) == (
        "Baca", "belum", "aktif",
    )  # fmt: skip


def test_bad_input_keeps_what_was_typed_with_indonesian_messages(operator_manado_client):
    buat(nama="laptop")
    for data, galat in [
        ({"nama": "", "cakupan": "baca"}, "Beri token ini nama."),
        ({"nama": "laptop", "cakupan": "baca"}, "Sudah ada token dengan nama ini"),
        ({"nama": "baru", "cakupan": "admin"}, "Cakupan harus baca atau baca dan tulis."),
        ({"nama": "baru", "cakupan": "tulis", "berlaku_hari": "0"}, "paling sedikit 1 hari"),
        ({"nama": "baru", "cakupan": "tulis", "berlaku_hari": "366"}, "paling lama 365 hari"),
        ({"nama": "baru", "cakupan": "tulis", "berlaku_hari": "dua"}, "bilangan bulat"),
        ({"nama": "laptop", "cakupan": "tulis", "berlaku_hari": "999"}, "Sudah ada token"),
    ]:
        response = halaman_token(operator_manado_client, **data)
        assert response.status_code == 400, data
        halaman = baca(response)
        kesalahan = " ".join(e.teks for e in halaman.semua("div", kelas="field-error"))
        assert galat in kesalahan, (data, kesalahan)
        assert halaman.satu("input", name="nama").attrs.get("value", "") == data["nama"]
        if "berlaku_hari" in data:
            assert halaman.satu("input", name="berlaku_hari").attrs["value"] == data["berlaku_hari"]
    assert TokenApi.objects.count() == 1


# --- authentication ----------------------------------------------------------------------


def test_a_token_authenticates_its_owner_with_bearer_and_the_old_keyword(demo):
    kunci = buat("operator.manado")
    for kata in ("Bearer", "Token", "bearer"):
        response = klien(kunci, kata).get(CAPAIAN, {"tahun": 2023})
        assert response.status_code == 200, kata
        # Manado's 13 PK lines of 2023: the owner's scope, nothing of another satker.
        assert response.json()["count"] == 13
        assert {r["satker"] for r in response.json()["results"]} == {MANADO}


@pytest.mark.parametrize(
    ("keadaan", "kode"),
    [
        ("tidak_dikenal", "token_tidak_dikenal"),
        ("dicabut", "token_dicabut"),
        ("kedaluwarsa", "token_kedaluwarsa"),
        ("nonaktif", "pengguna_nonaktif"),
    ],
)
def test_a_refused_token_gets_401_in_the_error_body(demo, keadaan, kode):
    kunci = buat("operator.manado")
    token = rekaman(kunci)
    if keadaan == "tidak_dikenal":
        kunci = kunci[:-1] + ("A" if kunci[-1] != "A" else "B")
    elif keadaan == "dicabut":
        token_api.token_cabut(token=token)
    elif keadaan == "kedaluwarsa":
        TokenApi.objects.filter(pk=token.pk).update(
            berlaku_sampai=timezone.now() - datetime.timedelta(seconds=1)
        )
    else:
        Pengguna.objects.filter(username="operator.manado").update(is_active=False)
    response = klien(kunci).get(CAPAIAN)
    assert response.status_code == 401
    body = response.json()
    assert (body["status"], body["kode"]) == (401, kode)
    assert body["pesan"] and body["kolom"] == {}
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_token_that_expires_later_still_works(demo):
    kunci = buat("operator.manado", berlaku_hari=1)
    assert klien(kunci).get(CAPAIAN).status_code == 200


def test_no_credentials_get_401_with_the_bearer_challenge(demo):
    response = APIClient().get(CAPAIAN)
    assert response.status_code == 401
    assert response.json()["kode"] == "tidak_terautentikasi"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    malformed = APIClient()
    malformed.credentials(HTTP_AUTHORIZATION="Bearer dua bagian")
    assert malformed.get(CAPAIAN).json()["kode"] == "token_tidak_sah"


# --- scope -------------------------------------------------------------------------------


def test_a_read_token_gets_403_on_a_write_and_nothing_is_made(demo):
    sebelum = BerkasLaporan.objects.count()
    response = klien(buat("kepala.manado", "baca")).post(LAPORAN, PK_MANADO, format="json")
    assert response.status_code == 403
    assert response.json()["kode"] == "cakupan_baca"
    assert "cakupan baca" in response.json()["pesan"]
    assert BerkasLaporan.objects.count() == sebelum
    # The same request with a read-and-write token, and from a browser session, is accepted.
    response = klien(buat("kepala.manado", "tulis")).post(LAPORAN, PK_MANADO, format="json")
    assert response.status_code == 202, response.content
    assert BerkasLaporan.objects.count() == sebelum + 1
    sesi = masuk(APIClient(), pengguna("kepala.manado"))
    assert sesi.post(LAPORAN, PK_MANADO, format="json").status_code in (200, 202)


API_ROUTES = sorted(
    {
        concrete_path(route)
        for p, route in walk(get_resolver().url_patterns)
        if route.startswith("api/v1/") and p.name != "api-token"
    }
)


def test_a_read_token_is_refused_every_unsafe_method_of_every_endpoint(demo):
    """Every API route, present and future (the password endpoint takes no token)."""
    assert len(API_ROUTES) >= 8
    baca_saja = klien(buat("operator.manado", "baca"))
    tulis = klien(buat("operator.manado", "tulis"))
    for path in API_ROUTES:
        for metode in ("post", "put", "patch", "delete"):
            response = getattr(baca_saja, metode)(path, {}, format="json")
            assert (response.status_code, response.json()["kode"]) == (403, "cakupan_baca"), (
                metode,
                path,
            )
            lain = getattr(tulis, metode)(path, {}, format="json")
            assert lain.status_code == 405 or lain.json().get("kode") != "cakupan_baca"
        assert baca_saja.get(path).status_code != 403, path


# --- last used ---------------------------------------------------------------------------


def _autentikasi(kunci: str):
    request = APIRequestFactory().get(CAPAIAN, HTTP_AUTHORIZATION=f"Bearer {kunci}")
    with CaptureQueriesContext(connection) as kueri:
        user, token = AutentikasiTokenApi().authenticate(request)
    return user, token, [q["sql"] for q in kueri.captured_queries]


def test_last_used_is_written_at_most_once_an_hour(demo, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {}}
    kunci = buat("operator.manado")
    user, token, kueri = _autentikasi(kunci)
    assert user.username == "operator.manado" and token.nama
    assert len(kueri) == 2 and kueri[1].startswith("UPDATE")  # the first use is recorded
    pertama = rekaman(kunci).terakhir_dipakai
    assert timezone.now() - pertama < datetime.timedelta(minutes=1)
    # Within the hour: one query (the token with its user), nothing written.
    _, _, kueri = _autentikasi(kunci)
    assert len(kueri) == 1 and kueri[0].startswith("SELECT")
    assert rekaman(kunci).terakhir_dipakai == pertama
    # 59 minutes later, still not; 61 minutes later, once more.
    for menit, ditulis in ((59, False), (61, True)):
        lalu = timezone.now() - datetime.timedelta(minutes=menit)
        TokenApi.objects.filter(sidik=rekaman(kunci).sidik).update(terakhir_dipakai=lalu)
        _, _, kueri = _autentikasi(kunci)
        assert (len(kueri) == 2) is ditulis, menit
        assert (rekaman(kunci).terakhir_dipakai > lalu) is ditulis, menit
    # No history: a token is no satker data (kinerja.jejak keeps none for it).
    assert not RiwayatPerubahan.objects.filter(
        content_type__app_label="satker", content_type__model="tokenapi"
    ).exists()


def test_the_list_shows_when_a_token_was_last_used(operator_manado_client):
    kunci = buat("operator.manado", nama="skrip")
    klien(kunci).get(CAPAIAN)
    baris = tabel(baca(halaman_token(operator_manado_client)), id="daftar-token").kolom_baris(
        "skrip"
    )
    dipakai = timezone.localtime(rekaman(kunci).terakhir_dipakai)
    assert baris["Terakhir dipakai"].startswith(f"{dipakai.day} ")
    assert baris["Terakhir dipakai"].endswith(dipakai.strftime(" %Y %H:%M"))


# --- revocation --------------------------------------------------------------------------


def test_the_owner_revokes_with_a_confirmation(operator_manado_client):
    kunci = buat("operator.manado", nama="laptop")
    token = rekaman(kunci)
    url = reverse("token-api-cabut", args=[token.pk])
    konfirmasi = operator_manado_client.get(url)
    assert konfirmasi.status_code == 200
    assert "Cabut token API?" in baca(konfirmasi).satu("h1").teks
    assert rekaman(kunci).dicabut is None  # asking changes nothing
    response = operator_manado_client.post(url)
    assert response.status_code == 302 and response.url == reverse("token-api")
    assert rekaman(kunci).dicabut is not None
    assert klien(kunci).get(CAPAIAN).status_code == 401
    halaman = baca(operator_manado_client.get(response.url))
    assert pesan(halaman) == [f"Token “laptop” ({kunci[:8]}…) dicabut."]
    assert tabel(halaman, id="daftar-token").kolom_baris("laptop")["Status"].startswith("dicabut")


@pytest.mark.parametrize("lain", ["operator.pekanbaru", "kepala.manado"])
def test_another_user_cannot_revoke_or_learn_that_a_token_exists(demo, client, lain):
    kunci = buat("operator.manado")
    token = rekaman(kunci)
    client.force_login(pengguna(lain))
    for url in (
        reverse("token-api-cabut", args=[token.pk]),
        reverse("token-api-cabut", args=[token.pk + 1000]),  # none such: the same answer
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert rekaman(kunci).dicabut is None
    assert klien(kunci).get(CAPAIAN).status_code == 200


def test_the_secretariat_lists_every_token_and_revokes_any(demo, reviewer_client):
    manado = buat("operator.manado", "tulis", nama="sinkron manado")
    pekanbaru = buat("operator.pekanbaru", "baca", nama="analisis", berlaku_hari=10)
    buat("reviewer", nama="dasbor")
    token_api.token_cabut(token=rekaman(buat("kepala.manado", nama="lama")))
    url = reverse("token-api-semua")
    tabel_semua = tabel(baca(reviewer_client.get(url)), id="semua-token")
    assert sorted(tabel_semua.isi_kolom("Nama")) == ["analisis", "dasbor", "lama", "sinkron manado"]
    baris = tabel_semua.kolom_baris("analisis")
    assert (baris["Pengguna"], baris["Satker"], baris["Awalan"], baris["Cakupan"]) == (
        "operator.pekanbaru", "BSPJI Pekanbaru", pekanbaru[:8] + "…", "Baca",
    )  # fmt: skip
    assert baris["Berlaku sampai"] != "tanpa batas"
    assert tabel_semua.kolom_baris("dasbor")["Satker"] == "Sekretariat"
    assert tabel_semua.kolom_baris("lama")["Status"].startswith("dicabut")
    assert tabel_semua.kolom_baris("sinkron manado")["Cakupan"] == "Baca dan tulis"
    # The reviewer revokes Manado's token and comes back to the list.
    cabut = reverse("token-api-cabut", args=[rekaman(manado).pk])
    response = reviewer_client.post(cabut, {"next": url})
    assert response.status_code == 302 and response.url == url
    assert klien(manado).get(CAPAIAN).status_code == 401
    assert klien(pekanbaru).get(CAPAIAN).status_code == 200


@pytest.mark.parametrize("username", ["operator.manado", "kepala.pekanbaru"])
def test_satker_staff_cannot_open_the_secretariats_list(demo, client, username):
    buat("operator.manado")
    client.force_login(pengguna(username))
    assert client.get(reverse("token-api-semua")).status_code == 403


# --- the command -------------------------------------------------------------------------


def test_the_command_prints_a_working_token_alone(demo):
    out = StringIO()
    call_command(
        "token_api", "--pengguna", "operator.manado", "--cakupan", "baca",
        "--berlaku-hari", "7", "--nama", "cron", stdout=out,
    )  # fmt: skip
    kunci = out.getvalue().strip()
    assert out.getvalue() == kunci + "\n"
    assert klien(kunci).get(CAPAIAN).status_code == 200
    assert klien(kunci).post(LAPORAN, PK_MANADO, format="json").status_code == 403
    token = rekaman(kunci)
    assert (token.nama, token.pengguna.username) == ("cron", "operator.manado")
    assert token.berlaku_sampai - token.dibuat == datetime.timedelta(days=7)
    # Without --nama and --berlaku-hari: a name of its own, no expiry.
    out = StringIO()
    call_command("token_api", "--pengguna", "kepala.manado", "--cakupan", "tulis", stdout=out)
    token = rekaman(out.getvalue().strip())
    assert token.nama.startswith("Token perintah ") and token.berlaku_sampai is None
    assert token.cakupan == "tulis"


@pytest.mark.parametrize(
    ("argumen", "pesan_galat"),
    [
        (["--pengguna", "tidak.ada", "--cakupan", "baca"], "Pengguna “tidak.ada” tidak ada."),
        (["--pengguna", "operator.manado", "--cakupan", "admin"], "Cakupan “admin” tidak dikenal"),
        (["--pengguna", "operator.manado", "--cakupan", "baca", "--berlaku-hari", "0"],
         "--berlaku-hari harus bilangan bulat 1 sampai 3650"),
        (["--pengguna", "operator.manado", "--cakupan", "baca", "--berlaku-hari", "3651"],
         "--berlaku-hari harus bilangan bulat 1 sampai 3650"),
        (["--pengguna", "operator.manado", "--cakupan", "baca", "--berlaku-hari", "x"],
         "--berlaku-hari harus bilangan bulat 1 sampai 3650"),
        (["--pengguna", "operator.manado", "--cakupan", "baca", "--nama", "ada"],
         "Sudah ada token dengan nama ini"),
    ],
)  # fmt: skip
def test_the_command_refuses_bad_input_in_indonesian(demo, argumen, pesan_galat):
    buat("operator.manado", nama="ada")
    with pytest.raises(CommandError, match=re.escape(pesan_galat)):
        call_command("token_api", *argumen, stdout=StringIO())
    assert TokenApi.objects.count() == 1


def test_the_command_accepts_the_longest_expiry(demo):
    out = StringIO()
    call_command(
        "token_api", "--pengguna", "operator.manado", "--cakupan", "baca",
        "--berlaku-hari", "3650", stdout=out,
    )  # fmt: skip
    token = rekaman(out.getvalue().strip())
    assert token.berlaku_sampai - token.dibuat == datetime.timedelta(days=3650)


# --- the password endpoint ---------------------------------------------------------------


def test_the_password_endpoint_issues_a_30_day_read_token_unless_asked(demo, client):
    data = {"username": "operator.manado", "password": "kinerja-demo"}
    r = client.post("/api/v1/token/", data)
    assert r.status_code == 200
    kunci = r.json()["token"]
    token = rekaman(kunci)
    assert (token.cakupan, r.json()["cakupan"]) == ("baca", "baca")
    assert token.nama.startswith("Token dari kata sandi ") and token.nama == r.json()["nama"]
    assert token.berlaku_sampai - token.dibuat == datetime.timedelta(days=30)
    assert klien(kunci).post(LAPORAN, PK_MANADO, format="json").status_code == 403
    r = client.post("/api/v1/token/", {**data, "cakupan": "tulis"})
    assert rekaman(r.json()["token"]).cakupan == "tulis"
    assert r.json()["nama"] != token.nama  # a second one within the minute: its own name
    assert client.post("/api/v1/token/", {**data, "cakupan": "semua"}).status_code == 400


def test_the_password_endpoint_gives_a_secretariat_token_only_with_the_code(demo, client):
    reviewer = pengguna("reviewer")
    masuk(Client(), reviewer)  # the app set up
    data = {"username": "reviewer", "password": "kinerja-demo"}
    assert client.post("/api/v1/token/", data).status_code == 400
    r = client.post("/api/v1/token/", {**data, "kode": kode_sekarang(reviewer)})
    assert r.status_code == 200
    assert klien(r.json()["token"]).get(CAPAIAN).status_code == 200


# --- throttles ---------------------------------------------------------------------------


def _batas(settings, **tarif) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": tarif}


def test_a_flood_with_one_token_gets_429_while_another_token_still_works(demo, settings):
    _batas(settings, user="3/minute", alamat="1000/minute")
    banjir, lain = klien(buat("operator.manado")), klien(buat("operator.manado"))
    kode = [banjir.get(CAPAIAN).status_code for _ in range(4)]
    assert kode == [200, 200, 200, 429]
    response = banjir.get(CAPAIAN)
    assert response.json()["kode"] == "terlalu_banyak_permintaan"
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["tunggu_detik"] == int(response["Retry-After"])
    # Another token of the same user has its own budget.
    assert lain.get(CAPAIAN).status_code == 200


def test_a_flood_from_one_address_gets_429_whoever_asks(demo, settings):
    _batas(settings, user="1000/minute", alamat="5/minute")
    dari = {"REMOTE_ADDR": "10.7.0.1"}
    tokens = [buat("operator.manado") for _ in range(3)]
    kode = [klien(t).get(CAPAIAN, **dari).status_code for t in tokens]
    kode += [APIClient().get(CAPAIAN, **dari).status_code]  # without a token: 401, counted
    kode += [klien("kjb_salah").get(CAPAIAN, **dari).status_code]  # a guess: 401, counted
    assert kode == [200, 200, 200, 401, 401]
    for client in (klien(tokens[0]), APIClient(), klien("kjb_salah")):
        response = client.get(CAPAIAN, **dari, HTTP_X_FORWARDED_FOR="192.0.2.9")
        assert response.status_code == 429  # its own X-Forwarded-For does not help it
        assert int(response["Retry-After"]) > 0 and response.json()["tunggu_detik"] > 0
    # Another address is not affected.
    assert klien(tokens[0]).get(CAPAIAN, REMOTE_ADDR="10.7.0.2").status_code == 200


def test_the_password_endpoint_is_counted_by_address_too(demo, client, settings):
    _batas(settings, user="1000/minute", alamat="2/minute", token="1000/minute")
    kode = [
        client.post("/api/v1/token/", {"username": f"u{i}", "password": "x"}).status_code
        for i in range(3)
    ]
    assert kode == [400, 400, 429]


# --- the tokens of DRF's authtoken app ---------------------------------------------------


def test_the_old_plain_tokens_become_hashed_tokens_with_a_grace_period(demo):
    from importlib import import_module

    migrasi = import_module("satker.migrations.0003_token_api")
    lama = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    user = pengguna("operator.pekanbaru")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp with "
            "time zone NOT NULL, user_id bigint NOT NULL)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)", [lama, timezone.now(), user.pk]
        )
    with connection.schema_editor() as editor:
        migrasi.pindahkan_token_lama(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    token = rekaman(lama)
    assert (token.pengguna, token.nama, token.cakupan, token.awalan) == (
        user, "Token lama", "tulis", lama[:8],
    )  # fmt: skip
    sisa = token.berlaku_sampai - timezone.now()
    assert datetime.timedelta(days=89) < sisa <= datetime.timedelta(days=90)
    assert klien(lama, "Token").get(CAPAIAN).status_code == 200
    assert di_basis_data(lama) == []
