"""What a satker fills in for a year besides the quarterly measurement: the hub that lists it
all, the supporting data the realisasi is computed from, the narrative per indicator and per
report section, and the budget realisation per component at a quarter's end. Every change is
kept in the history; a quarter already submitted or verified refuses changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst

from kinerja import riwayat, siklus
from kinerja.formatting import romawi
from kinerja.forms import AngkaField
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    IndikatorPerjanjian,
    ItemAnggaran,
    NarasiIndikator,
    NilaiProfesionalitas,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    PerjanjianKinerja,
    ProgresAnggaran,
    RekomendasiAudit,
    SurveiKepuasan,
    UnsurSurvei,
)
from kinerja.views_akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from laporan.choices import LAKIP_BAGIAN, PP39_BAGIAN, BagianNarasi, JenisLaporan
from laporan.models import IdentitasLaporan, NarasiLaporan
from satker.models import Satker

# --- the hub --------------------------------------------------------------------------------


@login_required
def isian(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    pk_tahun = PerjanjianKinerja.objects.filter(satker=satker, tahun=tahun).first()
    pelaporan = {
        p.triwulan: p for p in PelaporanTriwulan.objects.filter(satker=satker, tahun=tahun)
    }
    triwulan = []
    for tw in (1, 2, 3, 4):
        periode = siklus.periode(tahun, tw)
        triwulan.append(
            {
                "tw": tw,
                "romawi": romawi(tw),
                "lap": pelaporan.get(tw),
                "periode": periode,
                "batas": siklus.batas_untuk(periode, satker) if periode else None,
            }
        )
    data = []
    for kunci, j in JENIS_DATA.items():
        data.append({"kunci": kunci, "jenis": j, "jumlah": j.queryset(satker, tahun).count()})
    return render(
        request,
        "kinerja/entri/isian.html",
        {
            "satker": satker,
            "tahun": tahun,
            "pk": pk_tahun,
            "triwulan_list": triwulan,
            "data": data,
            "narasi_terisi": NarasiIndikator.objects.filter(
                indikator__sasaran__perjanjian__satker=satker,
                indikator__sasaran__perjanjian__tahun=tahun,
            ).count(),
            "boleh": siklus.boleh_mengisi(request.user, satker),
            "bagian": "pengisian",
        },
    )


# --- supporting data --------------------------------------------------------------------------


@dataclass(frozen=True)
class JenisData:
    judul: str
    model: type[models.Model]
    fields: tuple[str, ...]
    saring: Callable[[Satker, int], Q]
    milik_satker: bool = True  # the record has a satker field (else it belongs to a PK line
    # or to a parent record, chosen among `pilihan`)
    keterangan: str = ""
    isi_tahun: bool = False  # the record has a `tahun` field, set to the page's year
    pilihan: dict[str, Callable[[Satker, int], models.QuerySet]] = field(default_factory=dict)

    def queryset(self, satker: Satker, tahun: int):
        return self.model.objects.filter(self.saring(satker, tahun))


def _baris(satker: Satker, tahun: int) -> models.QuerySet:
    return IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun
    ).select_related("sasaran")


def _per_baris(satker: Satker, tahun: int) -> Q:
    return Q(
        indikator__sasaran__perjanjian__satker=satker, indikator__sasaran__perjanjian__tahun=tahun
    )


JENIS_DATA: dict[str, JenisData] = {
    "pnbp": JenisData(
        "Penerimaan PNBP",
        PenerimaanPnbp,
        ("tanggal_posisi", "jenis", "jumlah"),
        lambda s, t: Q(satker=s, tanggal_posisi__year__in=(t - 1, t)),
        keterangan="Penerimaan kumulatif s.d. tanggal posisi, per jenis; tahun ini dan tahun lalu "
        "(untuk pertumbuhan).",
    ),
    "hasil-layanan": JenisData(
        "Hasil layanan jasa",
        HasilLayanan,
        ("tanggal_posisi", "jenis", "satuan", "jumlah"),
        lambda s, t: Q(satker=s, tanggal_posisi__year__in=(t - 1, t)),
        keterangan="Jumlah kumulatif s.d. tanggal posisi, per jenis layanan.",
    ),
    "pengukuran-perusahaan": JenisData(
        "Pengukuran perusahaan",
        PengukuranPerusahaan,
        (
            "indikator",
            "perusahaan",
            "kegiatan",
            "besaran",
            "satuan_ukur",
            "arah",
            "nilai_sebelum",
            "nilai_sesudah",
            "tanggal",
        ),
        _per_baris,
        milik_satker=False,
        keterangan="Nilai sebelum (A) dan sesudah (B) pendampingan; produktivitas (B − A) / A.",
        pilihan={"indikator": lambda s, t: _baris(s, t)},
    ),
    "butir-capaian": JenisData(
        "Daftar capaian",
        ButirCapaian,
        ("indikator", "tanggal", "uraian", "jumlah", "bukti"),
        _per_baris,
        milik_satker=False,
        keterangan="Perusahaan difasilitasi, ruang lingkup terakreditasi, dan sejenisnya.",
        pilihan={"indikator": lambda s, t: _baris(s, t)},
    ),
    "pdn": JenisData(
        "Belanja produk dalam negeri",
        BelanjaPdn,
        ("tanggal_posisi", "akun", "pagu", "realisasi_pdn", "realisasi_tkdn", "realisasi_impor"),
        lambda s, t: Q(satker=s, tanggal_posisi__year=t),
    ),
    "profesionalitas": JenisData(
        "Nilai profesionalitas ASN",
        NilaiProfesionalitas,
        ("tanggal_posisi", "pegawai", "kualifikasi", "kompetensi", "kinerja", "disiplin"),
        lambda s, t: Q(satker=s, tanggal_posisi__year=t),
    ),
    "survei": JenisData(
        "Survei kepuasan masyarakat",
        SurveiKepuasan,
        ("tanggal_posisi", "jumlah_pelanggan", "jumlah_responden"),
        lambda s, t: Q(satker=s, tahun=t),
        isi_tahun=True,
        keterangan="Satu baris per survei; nilai unsurnya diisi pada Unsur survei.",
    ),
    "unsur-survei": JenisData(
        "Unsur survei",
        UnsurSurvei,
        ("survei", "nomor", "nama", "nilai"),
        lambda s, t: Q(survei__satker=s, survei__tahun=t),
        milik_satker=False,
        keterangan="Nilai rata-rata setiap unsur pelayanan (skala 1-4).",
        pilihan={"survei": lambda s, t: SurveiKepuasan.objects.filter(satker=s, tahun=t)},
    ),
    "layanan-publik": JenisData(
        "Penilaian layanan publik",
        PenilaianLayananPublik,
        ("tanggal", "penilai"),
        lambda s, t: Q(satker=s, tahun=t),
        isi_tahun=True,
    ),
    "aspek-layanan-publik": JenisData(
        "Aspek layanan publik",
        AspekLayananPublik,
        ("penilaian", "nomor", "nama", "indeks", "bobot"),
        lambda s, t: Q(penilaian__satker=s, penilaian__tahun=t),
        milik_satker=False,
        keterangan="Indeks dan bobot (%) setiap aspek; bobot berjumlah 100.",
        pilihan={
            "penilaian": lambda s, t: PenilaianLayananPublik.objects.filter(satker=s, tahun=t)
        },
    ),
    "rekomendasi-audit": JenisData(
        "Rekomendasi hasil pengawasan",
        RekomendasiAudit,
        ("tahun_audit", "nomor", "uraian", "status", "tanggal_selesai"),
        lambda s, t: Q(satker=s, tahun_audit__lte=t),
    ),
}


def _field_angka(f: models.Field, **kwargs) -> forms.Field | None:
    """Numbers typed the Indonesian way (1.250.000; 45,12) in the supporting-data tables."""
    if isinstance(f, models.DecimalField):
        return AngkaField(
            label=capfirst(f.verbose_name),
            required=not f.blank,
            max_digits=f.max_digits,
            decimal_places=f.decimal_places,
        )
    if isinstance(f, models.IntegerField) and not f.choices and not f.primary_key:
        return AngkaField(
            label=capfirst(f.verbose_name),
            required=not f.blank,
            max_digits=19,
            decimal_places=0,
        )
    return f.formfield(**kwargs)


def _formset(j: JenisData, satker: Satker, tahun: int):
    widgets = {
        f: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        for f in j.fields
        if isinstance(j.model._meta.get_field(f), models.DateField)
    }
    widgets |= {
        f: forms.Textarea(attrs={"rows": 2})
        for f in j.fields
        if isinstance(j.model._meta.get_field(f), models.TextField)
    }
    Formset = forms.modelformset_factory(
        j.model,
        fields=j.fields,
        extra=3,
        can_delete=True,
        widgets=widgets,
        formfield_callback=_field_angka,
    )
    # A row can only point at the satker's own lines or parent records.
    for nama, pilihan in j.pilihan.items():
        Formset.form.base_fields[nama].queryset = pilihan(satker, tahun)
    return Formset


def _nilai_halaman(qs: models.QuerySet, j: JenisData) -> tuple[dict, dict]:
    """The rows as they are now, as comparable text (a choice by its id, to read no more
    rows), and the label of each value, for the page's stale-save check."""
    fields = [j.model._meta.get_field(f) for f in j.fields]
    nilai, label = {}, {}
    for nomor, obj in enumerate(qs, 1):
        for f in fields:
            kunci = f"{obj.pk}-{f.name}"
            nilai[kunci] = riwayat.teks(f.value_from_object(obj))
            label[kunci] = f"baris {nomor} {f.verbose_name}"
    return nilai, label


def _pilihan_sekali(formset, j: JenisData) -> None:
    """Read the choices of each select once for the page, not once per row."""
    for nama in j.pilihan:
        pilihan = list(formset.form.base_fields[nama].choices)
        for form in formset.forms:
            form.fields[nama].choices = pilihan


def _periksa_baris(formset, j: JenisData, satker: Satker, tahun: int) -> bool:
    """Give each changed row its satker and year, then validate the whole record (unique
    rules on satker and date included): a failing row gets the message, nothing is saved."""
    baik = True
    for form in formset.initial_forms:
        # A posted row id that is not among this page's rows (another satker's, or one removed
        # meanwhile): Django would quietly treat the row as new and then skip it.
        if form.instance.pk is None:
            form.add_error(None, "Baris ini tidak ada di antara data halaman ini; muat ulang.")
            baik = False
    for form in formset.forms:
        if not form.has_changed() or form in formset.deleted_forms:
            continue
        obj = form.instance
        for f in j.fields:
            if isinstance(obj._meta.get_field(f), models.TextField):
                setattr(obj, f, riwayat.baris_baru(getattr(obj, f)))
        if j.milik_satker:
            obj.satker = satker
        if j.isi_tahun:
            obj.tahun = tahun
        try:
            obj.full_clean()
        except forms.ValidationError as exc:
            form.add_error(None, exc.messages)
            baik = False
    return _periksa_ganda(formset, j) and baik


def _periksa_ganda(formset, j: JenisData) -> bool:
    """Two rows of the page that a unique rule forbids together (two new receipts of the same
    kind and date): the later row says which one it repeats. The database would refuse the
    save; the rows checked one by one against it cannot see each other."""
    baik = True
    tetap = [
        (nomor, form)
        for nomor, form in enumerate(formset.forms, 1)
        if form not in formset.deleted_forms and (form.instance.pk or form.has_changed())
    ]
    for aturan in j.model._meta.constraints:
        if not isinstance(aturan, models.UniqueConstraint) or not aturan.fields:
            continue
        if aturan.condition is not None:
            continue
        fields = [j.model._meta.get_field(f) for f in aturan.fields]
        if aturan.violation_error_message != aturan.default_violation_error_message:
            pesan = str(aturan.violation_error_message)
        else:
            pesan = "Isian " + ", ".join(str(f.verbose_name) for f in fields) + " ganda."
        pertama: dict[tuple, int] = {}
        for nomor, form in tetap:
            kunci = tuple(getattr(form.instance, f.attname, None) for f in fields)
            if None in kunci:
                continue
            if kunci in pertama:
                form.add_error(None, f"{pesan} Sama dengan baris {pertama[kunci]}.")
                baik = False
            else:
                pertama[kunci] = nomor
    return baik


@login_required
@satu_per_satker
def data_dukung(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    j = JENIS_DATA.get(jenis)
    if j is None:
        raise Http404
    Formset = _formset(j, satker, tahun)
    qs = j.queryset(satker, tahun).order_by("pk")
    sekarang, label = _nilai_halaman(qs, j)
    tanda, bentrok = riwayat.tandai(sekarang), ""
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        # Before validation, which writes the typed values into these same instances.
        lama = {o.pk: riwayat.nilai(o, j.fields) for o in qs}
        formset = Formset(request.POST, queryset=qs, prefix="d")
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if bentrok:
            messages.error(request, bentrok)
            status = 409
        elif formset.is_valid() and _periksa_baris(formset, j, satker, tahun):
            with transaction.atomic():
                for obj in formset.save(commit=False):
                    obj.save()
                    riwayat.catat(
                        obj,
                        lama.get(obj.pk),
                        j.fields,
                        user=request.user,
                        satker=satker,
                        uraian=f"{j.judul}: {obj}",
                    )
                for obj in formset.deleted_objects:
                    riwayat.catat_hapus(
                        obj,
                        lama[obj.pk],
                        user=request.user,
                        satker=satker,
                        uraian=f"{j.judul}: {obj}",
                    )
                    obj.delete()
            messages.success(
                request,
                f"{j.judul} tersimpan: {len(formset.new_objects)} baru, "
                f"{len(formset.changed_objects)} berubah, {len(formset.deleted_objects)} dihapus.",
            )
            return redirect(reverse("entri-data", args=[satker.pk, tahun, jenis]))
        else:
            messages.error(request, f"{j.judul} belum disimpan; periksa baris yang ditandai.")
            status = 400
    else:
        formset = Formset(queryset=qs, prefix="d")
        status = 200
    _pilihan_sekali(formset, j)
    return render(
        request,
        "kinerja/entri/data_dukung.html",
        {
            "satker": satker,
            "tahun": tahun,
            "jenis": j,
            "kunci": jenis,
            "formset": formset,
            "semua_jenis": JENIS_DATA,
            "boleh": siklus.boleh_mengisi(request.user, satker),
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=status,
    )


# --- narrative per indicator ------------------------------------------------------------------

NARASI_FIELDS = (
    "hasil",
    "analisis_capaian",
    "perbandingan",
    "analisis_penyebab",
    "analisis_efisiensi",
    "kegiatan_penunjang",
    "kendala",
    "rekomendasi",
)


class NarasiForm(forms.Form):
    tanda = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for f in NARASI_FIELDS:
            self.fields[f] = forms.CharField(
                label=NarasiIndikator._meta.get_field(f).verbose_name.capitalize(),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )


@login_required
@satu_per_satker
def narasi(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """The annual narrative of each indicator (LAKIP Bab III), saved per indicator."""
    satker = satker_terlihat(request, pk)
    lines = siklus.lines_satker(satker, tahun)
    narasi_ada = {n.indikator_id: n for n in NarasiIndikator.objects.filter(indikator__in=lines)}
    terikat = None
    status = 200
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        line = next((x for x in lines if str(x.pk) == request.POST.get("indikator")), None)
        if line is None:
            raise Http404
        form = NarasiForm(request.POST, prefix=f"n{line.pk}")
        if form.is_valid():
            try:
                with transaction.atomic():
                    obj = NarasiIndikator.objects.select_for_update().filter(
                        indikator=line
                    ).first() or NarasiIndikator(indikator=line)
                    riwayat.simpan(
                        obj,
                        {f: form.cleaned_data[f].strip() for f in NARASI_FIELDS},
                        user=request.user,
                        satker=satker,
                        uraian=f"Narasi {line.kode} {tahun}",
                        awal=riwayat.awal_dari(form.cleaned_data["tanda"]),
                    )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                # Keep what the user typed, with today's values as the new baseline, so a
                # deliberate save can follow.
                segar = NarasiIndikator.objects.filter(indikator=line).first()
                data = request.POST.copy()
                data[f"n{line.pk}-tanda"] = riwayat.tandai(riwayat.nilai(segar, NARASI_FIELDS))
                form = NarasiForm(data, prefix=f"n{line.pk}")
                terikat, status = (line.pk, form), 409
            else:
                messages.success(request, f"Narasi {line.kode} tersimpan.")
                return redirect(f"{reverse('entri-narasi', args=[satker.pk, tahun])}#n{line.pk}")
        else:
            terikat, status = (line.pk, form), 400
    kartu = []
    riwayat_narasi = riwayat.riwayat_per(narasi_ada.values())
    for line in lines:
        n = narasi_ada.get(line.pk)
        if terikat and terikat[0] == line.pk:
            form = terikat[1]
        else:
            awal = riwayat.nilai(n, NARASI_FIELDS)
            form = NarasiForm(
                initial={**{f: getattr(n, f) for f in NARASI_FIELDS}, "tanda": riwayat.tandai(awal)}
                if n
                else {"tanda": riwayat.tandai(awal)},
                prefix=f"n{line.pk}",
            )
        riwayat_n = riwayat_narasi.get(n.pk, []) if n else []
        kartu.append({"line": line, "form": form, "riwayat": riwayat_n})
    return render(
        request,
        "kinerja/entri/narasi.html",
        {
            "satker": satker,
            "tahun": tahun,
            "kartu": kartu,
            "bagian": "pengisian",
            "boleh": siklus.boleh_mengisi(request.user, satker),
        },
        status=status,
    )


# --- narrative of a report ----------------------------------------------------------------------

IDENTITAS_FIELDS = (
    "nomor_surat",
    "tanggal",
    "tempat",
    "kepada",
    "perihal",
    "lampiran",
    "penandatangan_nama",
    "penandatangan_jabatan",
    "penandatangan_nip",
)


@login_required
@satu_per_satker
def narasi_laporan(
    request: HttpRequest, pk: int, tahun: int, jenis: str, triwulan: int | None = None
) -> HttpResponse:
    """The memo and the narrative sections of a report (PP-39 of a quarter, or the LAKIP)."""
    satker = satker_terlihat(request, pk)
    if jenis == JenisLaporan.PP39 and triwulan in (1, 2, 3, 4):
        bagian_list = PP39_BAGIAN
    elif jenis == JenisLaporan.LAKIP and triwulan is None:
        bagian_list = LAKIP_BAGIAN
    else:
        raise Http404
    periode = {"satker": satker, "jenis": jenis, "tahun": tahun, "triwulan": triwulan}
    IdentitasForm = forms.modelform_factory(
        IdentitasLaporan,
        fields=IDENTITAS_FIELDS,
        widgets={"tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")},
    )
    identitas = IdentitasLaporan.objects.filter(**periode).first() or IdentitasLaporan(**periode)
    teks = dict(NarasiLaporan.objects.filter(**periode).values_list("bagian", "teks"))
    lama_identitas = riwayat.nilai(identitas, IDENTITAS_FIELDS)
    sekarang = lama_identitas | {f"b-{b}": teks.get(b, "") for b in bagian_list}
    label = {f: str(IdentitasLaporan._meta.get_field(f).verbose_name) for f in IDENTITAS_FIELDS}
    label |= {f"b-{b}": BagianNarasi(b).label for b in bagian_list}
    tanda = riwayat.tandai(sekarang)
    # A quarter's memo and narrative are part of what was submitted: fixed under review.
    terkunci = siklus.alasan_laporan_terkunci(satker, tahun, triwulan) if triwulan else None
    status = 200
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        form = IdentitasForm(request.POST, instance=identitas)
        baru = {b: riwayat.baris_baru(request.POST.get(f"b-{b}", "").strip()) for b in bagian_list}
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci:
            messages.error(request, terkunci)
            teks, status = baru, 400
        elif bentrok:
            messages.error(request, bentrok)
            teks, status = baru, 409
        elif form.is_valid():
            with transaction.atomic():
                obj = form.save()
                riwayat.catat(
                    obj,
                    lama_identitas if identitas.pk else None,
                    IDENTITAS_FIELDS,
                    user=request.user,
                    satker=satker,
                    uraian=str(obj),
                )
                berubah = 0
                for b, isi in baru.items():
                    if isi == teks.get(b, ""):
                        continue
                    n = NarasiLaporan.objects.filter(**periode, bagian=b).first() or NarasiLaporan(
                        **periode, bagian=b
                    )
                    berubah += len(
                        riwayat.simpan(
                            n,
                            {"teks": isi},
                            user=request.user,
                            satker=satker,
                            uraian=f"{BagianNarasi(b).label} ({jenis} {tahun})",
                            awal=None,
                        )
                    )
            messages.success(request, f"Narasi laporan tersimpan ({berubah} bagian berubah).")
            return redirect(request.path)
        else:
            messages.error(request, "Narasi laporan belum disimpan; periksa isian yang ditandai.")
            teks, status = baru, 400
    else:
        form = IdentitasForm(instance=identitas)
    return render(
        request,
        "kinerja/entri/narasi_laporan.html",
        {
            "satker": satker,
            "tahun": tahun,
            "jenis": JenisLaporan(jenis),
            "triwulan": triwulan,
            "form": form,
            "bagian_list": [
                {"kunci": b, "label": BagianNarasi(b).label, "teks": teks.get(b, "")}
                for b in bagian_list
            ],
            "boleh": siklus.boleh_mengisi(request.user, satker) and not terkunci,
            "terkunci": terkunci,
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=status,
    )


# --- budget realisation at a quarter's end -------------------------------------------------------

PROGRES_FIELDS = (
    "rencana_keuangan",
    "realisasi_keuangan",
    "realisasi_keuangan_rp",
    "rencana_fisik",
    "realisasi_fisik",
)


@login_required
@satu_per_satker
def realisasi_anggaran(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    """The cumulative financial and physical progress, at the quarter's last month, of each
    component the satker reports on (those with progress in the year, else every KRO)."""
    satker = satker_terlihat(request, pk)
    if triwulan not in (1, 2, 3, 4):
        raise Http404
    bulan = 3 * triwulan
    items = list(
        ItemAnggaran.objects.filter(satker=satker, tahun=tahun, progres__isnull=False)
        .distinct()
        .order_by("urutan")
    ) or list(
        ItemAnggaran.objects.filter(satker=satker, tahun=tahun, tingkat="kro").order_by("urutan")
    )
    progres = {p.item_id: p for p in ProgresAnggaran.objects.filter(item__in=items, bulan=bulan)}
    terkunci = siklus.alasan_terkunci(request.user, satker, tahun, triwulan)
    sekarang = {
        f"{item.pk}-{f}": riwayat.teks(getattr(progres[item.pk], f)) if item.pk in progres else ""
        for item in items
        for f in PROGRES_FIELDS
    }
    label = {
        f"{item.pk}-{f}": f"{item.kode_lengkap} {f.replace('_', ' ')}"
        for item in items
        for f in PROGRES_FIELDS
    }
    tanda, bentrok = riwayat.tandai(sekarang), ""
    baris, galat_ada = [], False
    for item in items:
        p = progres.get(item.pk)
        nilai = {}
        galat = {}
        for f in PROGRES_FIELDS:
            if request.method == "POST":
                teks = request.POST.get(f"{f}-{item.pk}", "").strip()
                try:
                    v = AngkaField(required=False, max_digits=14, decimal_places=2).clean(teks)
                    if v is not None and v < 0:
                        raise forms.ValidationError("Tidak boleh negatif.")
                    if v is not None and f != "realisasi_keuangan_rp" and v > 100:
                        raise forms.ValidationError("Persentase 0-100.")
                    if (
                        f == "realisasi_keuangan_rp"
                        and v is not None
                        and v != v.to_integral_value()
                    ):
                        raise forms.ValidationError("Rupiah bulat.")
                    nilai[f] = int(v) if f == "realisasi_keuangan_rp" and v is not None else v
                except forms.ValidationError as exc:
                    galat[f] = exc.messages[0]
                    galat_ada = True
                nilai[f"{f}_teks"] = teks
            else:
                nilai[f"{f}_teks"] = riwayat.teks(getattr(p, f)) if p else ""
        if (
            request.method == "POST"
            and not galat
            and (
                nilai.get("realisasi_keuangan") is not None
                and nilai.get("realisasi_keuangan_rp") is not None
            )
        ):
            galat["realisasi_keuangan_rp"] = "Isi rupiah atau persen, tidak keduanya."
            galat_ada = True
        baris.append({"item": item, "p": p, "nilai": nilai, "galat": galat})
    if request.method == "POST":
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci:
            messages.error(request, terkunci)
            galat_ada, bentrok = True, ""
        elif bentrok:
            messages.error(request, bentrok)
        elif galat_ada:
            messages.error(
                request, "Realisasi anggaran belum disimpan; periksa isian yang ditandai."
            )
        else:
            jumlah = 0
            with transaction.atomic():
                for b in baris:
                    data = {f: b["nilai"][f] for f in PROGRES_FIELDS}
                    if b["p"] is None and all(v is None for v in data.values()):
                        continue
                    obj = b["p"] or ProgresAnggaran(item=b["item"], bulan=bulan)
                    jumlah += len(
                        riwayat.simpan(
                            obj,
                            data,
                            user=request.user,
                            satker=satker,
                            uraian=f"Realisasi {b['item'].kode_lengkap} s.d. bulan {bulan}",
                            awal=None,
                        )
                    )
            messages.success(
                request, f"Realisasi anggaran s.d. bulan {bulan} tersimpan ({jumlah} perubahan)."
            )
            return redirect(request.path)
    return render(
        request,
        "kinerja/entri/realisasi_anggaran.html",
        {
            "satker": satker,
            "tahun": tahun,
            "triwulan": triwulan,
            "bulan": bulan,
            "baris": baris,
            "terkunci": terkunci,
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=409 if bentrok else 400 if galat_ada and request.method == "POST" else 200,
    )
