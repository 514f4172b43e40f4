"""The secretariat's user accounts, without the Django admin: the list (filters, pages), a
new account (mailed a link that sets its password), an account's page (name, e-mail, role,
satker; deactivate or reactivate; mail the link again) with its history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kinerja import riwayat
from kinerja.forms_pengguna import PenggunaBaruForm, PenggunaForm, SaringPenggunaForm
from kinerja.selectors.pengguna import pengguna_daftar
from kinerja.services import pengguna as layanan
from kinerja.views.akses import data_induk
from satker.models import Pengguna

PER_HALAMAN = 50


def _alamat(request: HttpRequest) -> str:
    """The site's scheme and host, for the link in a mail."""
    return f"{request.scheme}://{request.get_host()}"


def _galat_ke_form(form, exc: ValidationError) -> None:
    """A service's refusal on the form: under its field when it names one of the form's."""
    if hasattr(exc, "error_dict"):
        for kolom, pesan in exc.message_dict.items():
            nama = {"first_name": "nama", "last_name": "nama"}.get(kolom, kolom)
            form.add_error(nama if nama in form.fields else None, pesan)
    else:
        form.add_error(None, exc.messages)


@data_induk
def daftar(request: HttpRequest) -> HttpResponse:
    """Every account, filtered by role, satker, status and a text, 50 a page."""
    saring = SaringPenggunaForm(request.GET or None)
    f = saring.cleaned_data if saring.is_valid() else {}
    qs = pengguna_daftar(
        peran=f.get("peran", ""),
        satker_id=f["satker"].pk if f.get("satker") else None,
        aktif=f.get("aktif", ""),
        cari=f.get("cari", ""),
    )
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "kinerja/sekretariat/pengguna_daftar.html",
        {"saring": saring, "halaman": halaman, "query": query.urlencode()},
    )


@data_induk
def baru(request: HttpRequest) -> HttpResponse:
    """A new account; once saved, the link that sets its password is mailed to it."""
    form = PenggunaBaruForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user = layanan.pengguna_buat(
                oleh=request.user, username=d["username"], nama=d["nama"], email=d["email"],
                peran=d["peran"], satker=d["satker"],
            )  # fmt: skip
        except PermissionDenied as exc:
            form.add_error("peran", str(exc))
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            alamat = layanan.pengguna_kirim_tautan(
                oleh=request.user, pengguna=user, alamat=_alamat(request)
            )
            messages.success(
                request,
                f"Akun {user.username} dibuat; tautan untuk mengatur kata sandi dikirim ke "
                f"{alamat}.",
            )
            return redirect("sekretariat-pengguna-detail", user.pk)
    return render(
        request,
        "kinerja/sekretariat/pengguna_baru.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@data_induk
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An account: its name, e-mail, role and satker (saved with the stale-save guard), its
    status and tokens, the buttons, and its history."""
    user = get_object_or_404(Pengguna.objects.select_related("satker"), pk=pk)
    awal = PenggunaForm.awal(user)
    sekarang = riwayat.nilai(user, layanan.FIELDS_UBAH)
    tanda = riwayat.tandai(sekarang)
    status = 200
    if request.method == "POST":
        form = PenggunaForm(request.POST)
        tanda = request.POST.get("tanda")
        if form.is_valid():
            d = form.cleaned_data
            depan, belakang = layanan.nama_dipisah(d["nama"])
            data = {
                "first_name": depan, "last_name": belakang, "email": d["email"],
                "peran": d["peran"], "satker": d["satker"],
            }  # fmt: skip
            try:
                berubah = layanan.pengguna_ubah(
                    oleh=request.user, pengguna=user, data=data, awal=riwayat.awal_dari(tanda)
                )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                tanda = riwayat.tandai(sekarang)
                status = 409
            except PermissionDenied as exc:
                form.add_error("peran", str(exc))
            except ValidationError as exc:
                _galat_ke_form(form, exc)
            else:
                if berubah:
                    messages.success(request, f"Akun {user.username} disimpan.")
                else:
                    messages.info(request, "Tidak ada yang berubah.")
                return redirect("sekretariat-pengguna-detail", user.pk)
        if form.errors:
            status = 400
    else:
        form = PenggunaForm(initial=awal)
    token = user.token_api.filter(dicabut__isnull=True).order_by("-dibuat")
    return render(
        request,
        "kinerja/sekretariat/pengguna_detail.html",
        {
            "akun": user,
            "form": form,
            "tanda": tanda,
            "token": list(token),
            "kata_sandi_ada": user.has_usable_password(),
            "riwayat": riwayat.riwayat(user),
        },
        status=status,
    )


def _aksi(request: HttpRequest, pk: int, fungsi, pesan) -> HttpResponse:
    user = get_object_or_404(Pengguna, pk=pk)
    try:
        hasil = fungsi(user)
    except (ValidationError, PermissionDenied) as exc:
        teks = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, teks)
    else:
        messages.success(request, pesan(user, hasil))
    return redirect("sekretariat-pengguna-detail", user.pk)


@require_POST
@data_induk
def nonaktifkan(request: HttpRequest, pk: int) -> HttpResponse:
    """Deactivate the account and revoke its API tokens."""
    return _aksi(
        request, pk,
        lambda u: layanan.pengguna_nonaktifkan(oleh=request.user, pengguna=u),
        lambda u, n: f"Akun {u.username} dinonaktifkan; {n} token API dicabut.",
    )  # fmt: skip


@require_POST
@data_induk
def aktifkan(request: HttpRequest, pk: int) -> HttpResponse:
    """Reactivate the account."""
    return _aksi(
        request, pk,
        lambda u: layanan.pengguna_aktifkan(oleh=request.user, pengguna=u),
        lambda u, _: f"Akun {u.username} diaktifkan kembali.",
    )  # fmt: skip


@require_POST
@data_induk
def kirim_tautan(request: HttpRequest, pk: int) -> HttpResponse:
    """Mail the account a link that sets its password."""
    return _aksi(
        request, pk,
        lambda u: layanan.pengguna_kirim_tautan(
            oleh=request.user, pengguna=u, alamat=_alamat(request)
        ),
        lambda u, alamat: f"Tautan untuk mengatur kata sandi dikirim ke {alamat}.",
    )  # fmt: skip
