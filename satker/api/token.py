"""The API's password endpoint: a username and password (and, for a user with a second
factor, its current code) give a new API token of that user, valid 30 days, read-only unless
`cakupan` asks for `tulis`. Kept for scripts that log in as their owner; the account page
and `manage.py token_api` make longer-lived, named tokens. It shares the login's lock after
wrong passwords and has its own tight throttle (and the per-address one)."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.api import galat
from satker import autentikasi, token_api
from satker.api.throttling import BatasAlamat, BatasToken
from satker.models import CakupanToken

#: How long a token from the password endpoint lives.
HARI_BERLAKU = 30


class PermintaanTokenSerializer(serializers.Serializer):
    username = serializers.CharField(label="Nama pengguna", max_length=150)
    password = serializers.CharField(
        label="Kata sandi", max_length=4096, style={"input_type": "password"}, trim_whitespace=False
    )
    kode = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        help_text="Kode 6 angka dari aplikasi autentikator, atau kode pemulihan, bagi pengguna "
        "dengan autentikasi dua faktor.",
    )
    cakupan = serializers.ChoiceField(
        choices=CakupanToken.choices,
        default=CakupanToken.BACA,
        help_text="`baca` (bawaan) atau `tulis`.",
    )


class TokenBaruSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Token API; tampil sekali ini saja.")
    nama = serializers.CharField()
    cakupan = serializers.ChoiceField(choices=CakupanToken.choices)
    berlaku_sampai = serializers.DateTimeField()


def _terkunci() -> Response:
    return galat.respons(
        status.HTTP_429_TOO_MANY_REQUESTS,
        str(autentikasi.pesan_terkunci()),
        kode="terkunci",
        headers={"Retry-After": str(autentikasi.detik_tunggu())},
        tunggu_detik=autentikasi.detik_tunggu(),
    )


class TokenView(APIView):
    """A new API token for a username and password."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (BatasAlamat, BatasToken)
    serializer_class = PermintaanTokenSerializer

    @extend_schema(
        request=PermintaanTokenSerializer,
        responses={200: OpenApiResponse(TokenBaruSerializer, description="Token baru.")},
        auth=[],
        description=(
            "Nama pengguna dan kata sandi (dan `kode` dua faktor bila pengguna memakainya) "
            f"memberi token API baru, berlaku {HARI_BERLAKU} hari, bercakupan `baca` kecuali "
            "`cakupan` berisi `tulis`. Token tampil sekali ini saja; ia terdaftar di halaman "
            "Akun > Token API pemiliknya. Lima kata sandi salah mengunci akun atau alamat."
        ),
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        kredensial = {"username": str(request.data.get("username", ""))}
        if AxesProxyHandler.is_locked(request._request, kredensial):
            return _terkunci()
        serializer = PermintaanTokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # The DRF request, as DRF's own token view passed it: axes counts the failure, and the
        # lock is answered here in the error body (not replaced by axes' middleware).
        user = authenticate(request=request, username=data["username"], password=data["password"])
        if user is None:
            if AxesProxyHandler.is_locked(request._request, kredensial):
                return _terkunci()
            raise ValidationError(
                {"umum": ["Nama pengguna atau kata sandi salah."]}, code="kredensial_salah"
            )
        if autentikasi.punya_dua_faktor(user):
            if autentikasi.cocokkan_kode(user, data.get("kode", "")) is None:
                raise ValidationError(
                    {"kode": ["Kode autentikasi dua faktor salah atau tidak diisi."]}
                )
        elif autentikasi.wajib_dua_faktor(user):
            raise ValidationError(
                {
                    "kode": [
                        "Peran Anda memerlukan autentikasi dua faktor: aktifkan dahulu "
                        "lewat halaman masuk, lalu minta token dengan kodenya."
                    ]
                }
            )
        sekarang = timezone.now()
        dasar = "Token dari kata sandi " + timezone.localtime(sekarang).strftime("%Y-%m-%d %H:%M")
        try:
            token, kunci = token_api.token_buat(
                pengguna=user,
                nama=token_api.nama_bebas(user, dasar),
                cakupan=data["cakupan"],
                berlaku_hari=HARI_BERLAKU,
                sekarang=sekarang,
            )
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict) from None
        return Response(
            TokenBaruSerializer(
                {
                    "token": kunci,
                    "nama": token.nama,
                    "cakupan": token.cakupan,
                    "berlaku_sampai": token.berlaku_sampai,
                }
            ).data
        )


token_view = TokenView.as_view()
