"""The external scores of all satker of a year in one table (`/sekretariat/nilai/<tahun>/`):
the SAKIP evaluation's components, printed total, predikat, date and evaluator, and the
financial report's score, one row per satker, saved as a whole."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kinerja import riwayat
from kinerja.forms import AngkaField
from kinerja.models import NilaiLaporanKeuangan, NilaiSakip, RiwayatPerubahan
from kinerja.services.nilai_eksternal import (
    FIELDS_LK,
    FIELDS_SAKIP,
    BarisNilai,
    TabelDitolak,
    nilai_sekarang,
    nilai_simpan,
    tabel_nilai,
)
from kinerja.views.akses import data_induk

RIWAYAT_DITAMPILKAN = 30

# The highest score of each SAKIP component (PermenPAN-RB 88/2021, Lampiran: bobot
# perencanaan 30, pengukuran 30, pelaporan 15, evaluasi akuntabilitas kinerja internal 25).
BOBOT_SAKIP = {
    "perencanaan": Decimal(30),
    "pengukuran": Decimal(30),
    "pelaporan": Decimal(15),
    "evaluasi_internal": Decimal(25),
}
# The predikat of PermenPAN-RB 88/2021 (AA > 90 ... D 0-30).
PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D")

_TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _angka(model, nama: str, **kwargs) -> AngkaField:
    f = AngkaField.untuk(model._meta.get_field(nama), required=False, help_text="", **kwargs)
    f.widget.attrs["class"] = "narrow"
    return f


class BarisNilaiForm(forms.Form):
    """One satker's row: SAKIP (`s_`) and the financial report (`lk_`). A part left empty
    records nothing (and removes what was recorded)."""

    s_perencanaan = _angka(NilaiSakip, "perencanaan", max_value=BOBOT_SAKIP["perencanaan"])
    s_pengukuran = _angka(NilaiSakip, "pengukuran", max_value=BOBOT_SAKIP["pengukuran"])
    s_pelaporan = _angka(NilaiSakip, "pelaporan", max_value=BOBOT_SAKIP["pelaporan"])
    s_evaluasi_internal = _angka(
        NilaiSakip, "evaluasi_internal", max_value=BOBOT_SAKIP["evaluasi_internal"]
    )
    s_total_dilaporkan = _angka(NilaiSakip, "total_dilaporkan", max_value=Decimal(100))
    s_predikat = forms.ChoiceField(
        label="Predikat", required=False, choices=[("", "–"), *((p, p) for p in PREDIKAT)],
        error_messages={"invalid_choice": "Predikat harus salah satu dari AA, A, BB, B, CC, C, D."},
    )  # fmt: skip
    s_tanggal = forms.DateField(
        label="Tanggal hasil evaluasi", required=False, widget=_TANGGAL,
        error_messages={"invalid": "Tanggal tidak sah."},
    )  # fmt: skip
    s_penilai = forms.CharField(label="Penilai SAKIP", required=False, max_length=200)
    lk_nilai = _angka(NilaiLaporanKeuangan, "nilai", min_value=Decimal(0), max_value=Decimal(100))
    lk_tanggal = forms.DateField(
        label="Tanggal hasil penilaian", required=False, widget=_TANGGAL,
        error_messages={"invalid": "Tanggal tidak sah."},
    )  # fmt: skip
    lk_penilai = forms.CharField(label="Penilai laporan keuangan", required=False, max_length=200)

    def __init__(self, *args, satker_nama: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.satker_nama = satker_nama
        for f in self.fields.values():
            pesan = f.error_messages
            for k in ("max_value", "min_value"):
                if k in pesan:
                    pesan[k] = f"{f.label}: " + str(pesan[k])

    @staticmethod
    def awal(b: BarisNilai) -> dict:
        d = {}
        for f in FIELDS_SAKIP:
            d[f"s_{f}"] = getattr(b.sakip, f) if b.sakip else None
        for f in FIELDS_LK:
            d[f"lk_{f}"] = getattr(b.lk, f) if b.lk else None
        return d

    def _kosong(self, nama: str) -> bool:
        """Whether the field was left empty as typed (a value refused is not empty)."""
        return self[nama].value() in (None, "")

    def clean(self):
        d = super().clean()
        if any(not self._kosong(f"s_{f}") for f in FIELDS_SAKIP):
            wajib = ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal", "tanggal")
            if any(self._kosong(f"s_{f}") for f in wajib):
                raise forms.ValidationError(
                    f"{self.satker_nama}: nilai SAKIP belum lengkap: isi keempat komponen "
                    "dan tanggal hasil evaluasi, atau kosongkan semuanya."
                )
        if any(not self._kosong(f"lk_{f}") for f in FIELDS_LK) and (
            self._kosong("lk_nilai") or self._kosong("lk_tanggal")
        ):
            raise forms.ValidationError(
                f"{self.satker_nama}: nilai laporan keuangan belum lengkap: isi nilai dan "
                "tanggal hasil penilaian, atau kosongkan semuanya."
            )
        return d

    def isian(self) -> dict:
        """The row as the service takes it: each part's values, or None when left empty."""
        d = self.cleaned_data
        sakip = {f: d.get(f"s_{f}") for f in FIELDS_SAKIP}
        lk = {f: d.get(f"lk_{f}") for f in FIELDS_LK}
        return {
            "sakip": sakip if sakip["tanggal"] is not None else None,
            "lk": lk if lk["nilai"] is not None else None,
        }


def _riwayat(tahun: int) -> list[RiwayatPerubahan]:
    """The latest changes of the year's scores, removed ones included."""
    jenis = ContentType.objects.get_for_models(NilaiSakip, NilaiLaporanKeuangan).values()
    return list(
        RiwayatPerubahan.objects.filter(
            content_type__in=list(jenis), uraian_objek__startswith=f"Nilai {tahun} "
        )
        .select_related("oleh")
        .order_by("-waktu", "-id")[:RIWAYAT_DITAMPILKAN]
    )


@data_induk
def nilai(request: HttpRequest, tahun: int) -> HttpResponse:
    """The table of the year; a POST saves it as a whole."""
    daftar = tabel_nilai(tahun)
    sekarang, _ = nilai_sekarang(daftar)
    tanda = riwayat.tandai({k: v for k, v in sekarang.items() if v})
    status = 200
    if request.method == "POST":
        forms_ = [
            BarisNilaiForm(request.POST, prefix=f"s{b.satker.pk}", satker_nama=b.satker.singkatan)
            for b in daftar
        ]
        tanda = request.POST.get("tanda")
        if all([f.is_valid() for f in forms_]):
            isian = {b.satker.pk: f.isian() for b, f in zip(daftar, forms_, strict=True)}
            try:
                buat, ubah, hapus = nilai_simpan(
                    user=request.user, tahun=tahun, isian=isian, tanda=tanda
                )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                tanda = riwayat.tandai({k: v for k, v in sekarang.items() if v})
                status = 409
            except TabelDitolak as exc:
                for b in exc.args[0]:
                    f = forms_[[x.satker.pk for x in daftar].index(b.satker.pk)]
                    f.add_error(None, [f"{b.satker.singkatan}: {g}" for g in b.galat])
                messages.error(request, "Nilai belum disimpan; periksa baris yang ditandai.")
                status = 400
            except ValidationError as exc:  # two saves of a new score at once
                messages.error(request, " ".join(exc.messages))
                status = 409
            else:
                messages.success(
                    request,
                    f"Nilai {tahun} tersimpan: {buat} baru, {ubah} berubah, {hapus} dihapus.",
                )
                return redirect("sekretariat-nilai", tahun)
        else:
            messages.error(request, "Nilai belum disimpan; periksa baris yang ditandai.")
            status = 400
    else:
        forms_ = [
            BarisNilaiForm(
                initial=BarisNilaiForm.awal(b),
                prefix=f"s{b.satker.pk}",
                satker_nama=b.satker.singkatan,
            )
            for b in daftar
        ]
    baris = [
        {"b": b, "form": f, "total": b.sakip.total() if b.sakip else None}
        for b, f in zip(daftar, forms_, strict=True)
    ]
    return render(
        request,
        "kinerja/sekretariat/nilai.html",
        {
            "tahun": tahun,
            "baris": baris,
            "tanda": tanda,
            "salah": [x for x in baris if x["form"].errors],
            "riwayat": _riwayat(tahun),
        },
        status=status,
    )
