"""The secretariat's account pages (/sekretariat/pengguna/): a new account gets a mailed link
that sets its password through the existing password page; the role ↔ satker rule refuses
with the model's message and keeps what was typed; deactivation revokes the API tokens and
is refused for oneself and for the last active administrator; every change is in the
account's history; the list filters and pages in a bounded number of queries."""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.urls import reverse

from kinerja.models import RiwayatPerubahan
from satker import token_api
from satker.choices import Peran
from satker.models import Pengguna, Satker
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db

PESAN_PERAN = (
    "Operator dan kepala satker harus memiliki satker; pengguna Sekretariat tidak terikat "
    "pada satker."
)


def riwayat(user: Pengguna) -> list[RiwayatPerubahan]:
    return list(
        RiwayatPerubahan.objects.filter(
            content_type=ContentType.objects.get_for_model(Pengguna), object_id=user.pk
        )
    )


def terbaru(user: Pengguna) -> dict[str, tuple[str, str]]:
    """The latest recorded change of each field: (old, new)."""
    hasil: dict[str, tuple[str, str]] = {}
    for r in riwayat(user):  # newest first
        hasil.setdefault(r.field, (r.lama, r.baru))
    return hasil


def buat(client: Client, **ubah) -> object:
    data = {
        "username": "operator2.manado",
        "nama": "Sari Wulandari",
        "email": "sari@example.go.id",
        "peran": Peran.OPERATOR,
        "satker": Satker.objects.get(kode=MANADO).pk,
    } | ubah
    return client.post(reverse("sekretariat-pengguna-baru"), data)


def tautan_dari_surel(pesan) -> str:
    cocok = re.search(r"https?://[^/\s]+(/akun/atur-ulang/[^\s]+/)", pesan.body)
    assert cocok, pesan.body
    return cocok.group(1)


def test_akun_baru_menerima_tautan_yang_mengatur_kata_sandi(sekretariat_client):
    response = buat(sekretariat_client)
    user = Pengguna.objects.get(username="operator2.manado")
    assert response.status_code == 302
    assert response["Location"] == reverse("sekretariat-pengguna-detail", args=[user.pk])
    assert (user.first_name, user.last_name) == ("Sari", "Wulandari")
    assert user.satker.kode == MANADO and user.peran == Peran.OPERATOR
    assert not user.has_usable_password()

    assert len(mail.outbox) == 1
    surel = mail.outbox[0]
    assert surel.to == ["sari@example.go.id"]
    assert "operator2.manado" in surel.body
    # The link opens Django's password page, which sets the password.
    tamu = Client()
    halaman = tamu.get(tautan_dari_surel(surel), follow=True)
    assert halaman.status_code == 200
    form_url = halaman.redirect_chain[-1][0]
    jawab = tamu.post(
        form_url, {"new_password1": "Balai-Manado-2026!", "new_password2": "Balai-Manado-2026!"}
    )
    assert jawab.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Balai-Manado-2026!")
    # The history names who created the account, and the mail sent.
    rows = riwayat(user)
    sekretariat = Pengguna.objects.get(username="sekretariat")
    dibuat = {r.field: r.baru for r in rows if r.oleh == sekretariat}
    assert dibuat["username"] == "operator2.manado"
    assert dibuat["peran"] == "operator"
    assert dibuat["__tautan_sandi__"] == "sari@example.go.id"
    assert "password" not in {r.field for r in rows}


def test_tautan_dikirim_ulang_dan_hanya_berlaku_sekali(sekretariat_client, manado):
    user = Pengguna.objects.get(username="operator.manado")
    user.email = "operator@manado.example"
    user.save()
    response = sekretariat_client.post(
        reverse("sekretariat-pengguna-kirim-tautan", args=[user.pk]), follow=True
    )
    assert "Tautan untuk mengatur kata sandi dikirim ke operator@manado.example" in (
        response.content.decode()
    )
    tautan = tautan_dari_surel(mail.outbox[-1])
    tamu = Client()
    halaman = tamu.get(tautan, follow=True)
    tamu.post(
        halaman.redirect_chain[-1][0],
        {"new_password1": "Sandi-Baru-77!", "new_password2": "Sandi-Baru-77!"},
    )
    user.refresh_from_db()
    assert user.check_password("Sandi-Baru-77!")
    # Used once: the same link no longer offers the form.
    lagi = Client().get(tautan, follow=True)
    assert "new_password1" not in lagi.content.decode()


def test_tanpa_surel_tidak_dikirim(sekretariat_client):
    user = Pengguna.objects.get(username="operator.manado")
    user.email = ""
    user.save()
    response = sekretariat_client.post(
        reverse("sekretariat-pengguna-kirim-tautan", args=[user.pk]), follow=True
    )
    assert "belum memiliki alamat surel" in response.content.decode()
    assert mail.outbox == []


def test_aturan_peran_dan_satker_menolak_dan_isian_tetap(sekretariat_client):
    # An operator without a satker: the model's rule, the form kept as typed.
    response = buat(sekretariat_client, satker="")
    assert response.status_code == 400
    html = response.content.decode()
    assert PESAN_PERAN in html
    assert 'value="operator2.manado"' in html and 'value="Sari Wulandari"' in html
    # A secretariat role with a satker: the same rule.
    response = buat(sekretariat_client, peran=Peran.REVIEWER)
    assert response.status_code == 400
    assert PESAN_PERAN in response.content.decode()
    assert not Pengguna.objects.filter(username="operator2.manado").exists()
    assert mail.outbox == []


def test_nama_pengguna_ganda_ditolak(sekretariat_client):
    response = buat(sekretariat_client, username="operator.manado")
    assert response.status_code == 400
    assert Pengguna.objects.filter(username="operator.manado").count() == 1


def test_sekretariat_tidak_dapat_memberi_peran_administrator(sekretariat_client):
    response = buat(sekretariat_client, peran=Peran.ADMIN, satker="")
    assert response.status_code == 400
    assert "Hanya Administrator" in response.content.decode()
    assert not Pengguna.objects.filter(username="operator2.manado").exists()


def test_ubah_peran_dan_satker_tercatat(sekretariat_client, pekanbaru):
    user = Pengguna.objects.get(username="operator.manado")
    url = reverse("sekretariat-pengguna-detail", args=[user.pk])
    halaman = sekretariat_client.get(url)
    tanda = halaman.context["tanda"]
    response = sekretariat_client.post(
        url,
        {
            "tanda": tanda, "nama": "Operator BSPJI Manado", "email": "op@example.go.id",
            "peran": Peran.KEPALA, "satker": pekanbaru.pk,
        },
    )  # fmt: skip
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.peran, user.satker.kode) == (Peran.KEPALA, PEKANBARU)
    rows = terbaru(user)
    assert rows["peran"] == ("operator", "kepala")
    # The old satker by its id (the history reads no related row of the old record).
    assert rows["satker"] == (f"#{Satker.objects.get(kode=MANADO).pk}", "BSPJI Pekanbaru")
    # The account's page shows its history.
    html = sekretariat_client.get(url).content.decode()
    assert "BSPJI Pekanbaru" in html and "Riwayat perubahan" in html
    # A second save from the page opened before the first one is refused: nothing changes.
    response = sekretariat_client.post(
        url,
        {
            "tanda": tanda, "nama": "Operator BSPJI Manado", "email": "op@example.go.id",
            "peran": Peran.OPERATOR, "satker": pekanbaru.pk,
        },
    )  # fmt: skip
    assert response.status_code == 409
    user.refresh_from_db()
    assert user.peran == Peran.KEPALA


def test_ubah_ke_peran_tanpa_satker_ditolak(sekretariat_client):
    user = Pengguna.objects.get(username="operator.manado")
    url = reverse("sekretariat-pengguna-detail", args=[user.pk])
    tanda = sekretariat_client.get(url).context["tanda"]
    response = sekretariat_client.post(
        url,
        {"tanda": tanda, "nama": "X Y", "email": "x@example.go.id", "peran": Peran.OPERATOR,
         "satker": ""},
    )  # fmt: skip
    assert response.status_code == 400
    assert PESAN_PERAN in response.content.decode()
    user.refresh_from_db()
    assert user.satker.kode == MANADO


def test_nonaktifkan_mencabut_token_dan_tercatat(sekretariat_client):
    user = Pengguna.objects.get(username="operator.manado")
    token, kunci = token_api.token_buat(pengguna=user, nama="sinkron", cakupan="baca")
    lain, _ = token_api.token_buat(pengguna=user, nama="cadangan", cakupan="tulis")
    api = Client()
    assert api.get("/api/v1/satker/", HTTP_AUTHORIZATION=f"Bearer {kunci}").status_code == 200

    response = sekretariat_client.post(
        reverse("sekretariat-pengguna-nonaktifkan", args=[user.pk]), follow=True
    )
    assert "2 token API dicabut" in response.content.decode()
    user.refresh_from_db()
    token.refresh_from_db()
    lain.refresh_from_db()
    assert not user.is_active
    assert token.dicabut is not None and lain.dicabut is not None
    assert api.get("/api/v1/satker/", HTTP_AUTHORIZATION=f"Bearer {kunci}").status_code == 401
    rows = terbaru(user)
    assert rows["is_active"] == ("ya", "tidak")
    assert "sinkron" in rows["token_api"][0] and "cadangan" in rows["token_api"][0]
    # The account cannot log in any more.
    tamu = Client()
    tamu.post(reverse("login"), {"username": "operator.manado", "password": "kinerja-demo"})
    assert "_auth_user_id" not in tamu.session

    sekretariat_client.post(reverse("sekretariat-pengguna-aktifkan", args=[user.pk]))
    user.refresh_from_db()
    token.refresh_from_db()
    assert user.is_active
    assert token.dicabut is not None  # revoked tokens stay revoked
    assert terbaru(user)["is_active"] == ("tidak", "ya")


def test_tidak_dapat_menonaktifkan_diri_sendiri(sekretariat_client):
    saya = Pengguna.objects.get(username="sekretariat")
    response = sekretariat_client.post(
        reverse("sekretariat-pengguna-nonaktifkan", args=[saya.pk]), follow=True
    )
    assert "tidak dapat menonaktifkan akun Anda sendiri" in response.content.decode()
    saya.refresh_from_db()
    assert saya.is_active


def test_administrator_aktif_terakhir_tidak_dapat_dinonaktifkan(sekretariat_client):
    admin = Pengguna.objects.get(username="admin")  # the demo's only administrator
    url = reverse("sekretariat-pengguna-nonaktifkan", args=[admin.pk])
    response = sekretariat_client.post(url, follow=True)
    assert "Administrator aktif terakhir" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    # With a second administrator the first may go; then the second is the last one.
    kedua = Pengguna.objects.create_user("admin2", peran=Peran.ADMIN, password="x-Sandi-99!")
    sekretariat_client.post(url)
    admin.refresh_from_db()
    assert not admin.is_active
    response = sekretariat_client.post(
        reverse("sekretariat-pengguna-nonaktifkan", args=[kedua.pk]), follow=True
    )
    assert "Administrator aktif terakhir" in response.content.decode()
    kedua.refresh_from_db()
    assert kedua.is_active


def test_superuser_terhitung_administrator(sekretariat_client):
    admin = Pengguna.objects.get(username="admin")
    # An active superuser without the admin role is an administrator too.
    Pengguna.objects.create_user(
        "pengelola", peran=Peran.SEKRETARIAT, password="x-Sandi-99!", is_superuser=True
    )
    sekretariat_client.post(reverse("sekretariat-pengguna-nonaktifkan", args=[admin.pk]))
    admin.refresh_from_db()
    assert not admin.is_active


def test_hanya_administrator_mengubah_peran_administrator(sekretariat_client):
    admin = Pengguna.objects.get(username="admin")
    url = reverse("sekretariat-pengguna-detail", args=[admin.pk])
    tanda = sekretariat_client.get(url).context["tanda"]
    response = sekretariat_client.post(
        url,
        {"tanda": tanda, "nama": "Administrator", "email": "a@example.go.id",
         "peran": Peran.REVIEWER, "satker": ""},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Hanya Administrator" in response.content.decode()
    admin.refresh_from_db()
    assert admin.peran == Peran.ADMIN


def test_tidak_dapat_mengubah_peran_sendiri(sekretariat_client):
    saya = Pengguna.objects.get(username="sekretariat")
    url = reverse("sekretariat-pengguna-detail", args=[saya.pk])
    tanda = sekretariat_client.get(url).context["tanda"]
    response = sekretariat_client.post(
        url,
        {"tanda": tanda, "nama": "Sekretariat BSKJI", "email": "s@example.go.id",
         "peran": Peran.REVIEWER, "satker": ""},
    )  # fmt: skip
    assert response.status_code == 400
    assert "peran akun Anda sendiri" in response.content.decode()
    saya.refresh_from_db()
    assert saya.peran == Peran.SEKRETARIAT


def test_daftar_menyaring_dan_bertahap(sekretariat_client, manado, django_assert_max_num_queries):
    # Many accounts: the page reads one page of them, whatever their number.
    Pengguna.objects.bulk_create(
        [
            Pengguna(username=f"op{i:04d}", peran=Peran.OPERATOR, satker=manado, password="!")
            for i in range(120)
        ]
    )
    url = reverse("sekretariat-pengguna")
    with django_assert_max_num_queries(12):
        response = sekretariat_client.get(url, {"satker": manado.pk, "peran": "operator"})
    halaman = response.context["halaman"]
    assert halaman.paginator.count == 121  # the 120 and operator.manado
    assert len(halaman.object_list) == 50
    html = response.content.decode()
    assert "halaman 1 dari 3" in html
    response = sekretariat_client.get(url, {"peran": "kepala"})
    assert [u.username for u in response.context["halaman"].object_list] == [
        "kepala.manado",
        "kepala.pekanbaru",
    ]
    Pengguna.objects.filter(username="kepala.manado").update(is_active=False)
    response = sekretariat_client.get(url, {"peran": "kepala", "aktif": "tidak"})
    assert [u.username for u in response.context["halaman"].object_list] == ["kepala.manado"]


def test_reviewer_dan_operator_ditolak(reviewer_client):
    user = Pengguna.objects.get(username="operator.manado")
    for url in (
        reverse("sekretariat-pengguna"),
        reverse("sekretariat-pengguna-detail", args=[user.pk]),
    ):
        assert reviewer_client.get(url).status_code == 403
    response = reviewer_client.post(reverse("sekretariat-pengguna-nonaktifkan", args=[user.pk]))
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.is_active
