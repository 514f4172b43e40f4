"""The OpenAPI document tells the truth about refusals: every operation documents the error
responses it can give, each with the one error body of kinerja.api.galat."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

_GALAT_KOLOM = inline_serializer(
    "GalatKolom",
    fields={
        "kode": serializers.CharField(help_text="Kode mesin, mis. `required`, `invalid`."),
        "pesan": serializers.CharField(help_text="Pesan untuk manusia, dalam bahasa Indonesia."),
    },
)


class GalatSerializer(serializers.Serializer):
    """The body of every 4xx answer (kinerja.api.galat)."""

    status = serializers.IntegerField(help_text="Kode status HTTP.")
    kode = serializers.CharField(
        help_text="Kode mesin yang stabil, mis. `tidak_valid`, `versi_usang`, `perlu_if_match`."
    )
    pesan = serializers.CharField(help_text="Penjelasan dalam bahasa Indonesia.")
    kolom = serializers.DictField(
        child=serializers.ListField(child=_GALAT_KOLOM),
        help_text="Galat per kolom (`umum`: galat permintaan secara keseluruhan).",
    )
    terkini = serializers.DictField(
        required=False, help_text="Hanya 412: representasi terkini objek (dengan ETag-nya)."
    )
    tunggu_detik = serializers.IntegerField(
        required=False, help_text="Hanya 429: detik sampai permintaan boleh diulang."
    )


_SEMUA = {
    400: "Parameter atau isi permintaan tidak valid (galat per kolom di `kolom`).",
    401: "Tidak terautentikasi: token tidak ada, salah, dicabut atau kedaluwarsa.",
    403: "Tidak berwenang: peran atau cakupan token tidak mengizinkan.",
    404: "Objek tidak ada atau di luar satker yang boleh Anda lihat; halaman di luar jangkauan.",
    429: "Terlalu banyak permintaan; ulangi setelah `Retry-After` detik.",
}
_TULIS = {
    409: "Konflik: triwulan sudah diajukan atau diverifikasi, atau basis data sibuk.",
    412: "Versi usang: `If-Match` tidak sama dengan ETag terkini (terkini ada di `terkini`).",
    428: "Penulisan memerlukan header `If-Match` berisi ETag dari GET objek.",
}


class SkemaKinerja(AutoSchema):
    """drf-spectacular's AutoSchema, with the error responses of every operation: 400, 401,
    403, 404 and 429 everywhere; 409, 412 and 428 on writes (a view documents its own
    description of one of them by declaring it)."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        galat = dict(_SEMUA)
        if self.method in ("POST", "PUT", "PATCH", "DELETE"):
            galat.update(_TULIS)
        for kode, uraian in galat.items():
            if str(kode) not in responses:
                responses[str(kode)] = self._get_response_for_code(
                    OpenApiResponse(GalatSerializer, description=uraian), str(kode)
                )
        return responses
