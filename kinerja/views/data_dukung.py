"""The supporting data a line's realisasi is computed from (PNBP receipts, services, company
measurements, surveys ...), and the LAKIP's other tables (kinerja/views/tabel_sumber.py): one
table page per kind, saved as a whole with its history."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja import jejak, riwayat, siklus
from kinerja.choices import DataDukung
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    IndikatorPerjanjian,
    NilaiProfesionalitas,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    RealisasiDipa,
    RekomendasiAudit,
    SurveiKepuasan,
    UnsurSurvei,
)
from kinerja.services.data_dukung import formset_untuk as _formset
from kinerja.services.data_dukung import siapkan_baris
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from kinerja.views.jenis_data import JenisData
from kinerja.views.tabel_sumber import JENIS_TABEL
from satker.models import Satker

# --- supporting data --------------------------------------------------------------------------


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
    "realisasi-dipa": JenisData(
        "Realisasi DIPA (SAKTI/OM SPAN)",
        RealisasiDipa,
        ("bulan", "jumlah", "sumber", "tanggal_data"),
        lambda s, t: Q(satker=s, tahun=t),
        isi_tahun=True,
        keterangan="Realisasi belanja seluruh DIPA s.d. akhir bulan, jumlah rupiah sebagaimana "
        "dilaporkan SAKTI/OM SPAN. Inilah realisasi yang dicetak; rupiah yang dihitung dari "
        "persentase per KRO tidak dicetak sebagai realisasi.",
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
    **JENIS_TABEL,
}

#: The page each source of supporting data is recorded on (the quarter page links a line
#: computed from them there). The external scores (SAKIP evaluation, financial report) are
#: received from outside and recorded by the secretariat, not on a satker's page.
HALAMAN_SUMBER: dict[str, str] = {
    DataDukung.PNBP_LAYANAN: "pnbp",
    DataDukung.HASIL_LAYANAN: "hasil-layanan",
    DataDukung.ORDER_LAYANAN: "hasil-layanan",
    DataDukung.PENGUKURAN_PERUSAHAAN: "pengukuran-perusahaan",
    DataDukung.BUTIR_CAPAIAN: "butir-capaian",
    DataDukung.BELANJA_PDN: "pdn",
    DataDukung.SURVEI_KEPUASAN: "survei",
    DataDukung.PROFESIONALITAS_ASN: "profesionalitas",
    DataDukung.LAYANAN_PUBLIK: "layanan-publik",
    DataDukung.REKOMENDASI_AUDIT: "rekomendasi-audit",
}
DARI_LUAR = (DataDukung.NILAI_SAKIP, DataDukung.NILAI_LAPORAN_KEUANGAN)


def halaman_sumber(satker: Satker, tahun: int, sumber: str) -> str | None:
    """The URL of the page where a line's supporting data are recorded, None for a score
    received from outside."""
    kunci = HALAMAN_SUMBER.get(sumber)
    return reverse("entri-data", args=[satker.pk, tahun, kunci]) if kunci else None


def nilai_halaman(
    qs: models.QuerySet, model: type[models.Model], nama_fields: tuple[str, ...]
) -> tuple[dict, dict]:
    """The rows as they are now, as comparable text (a choice by its id, to read no more
    rows), and the label of each value, for the page's stale-save check."""
    fields = [model._meta.get_field(f) for f in nama_fields]
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
        try:
            siapkan_baris(form.instance, j, satker, tahun)
        except forms.ValidationError as exc:
            form.add_error(None, exc.messages)
            baik = False
    return periksa_ganda(formset, j.model) and baik


def periksa_ganda(formset, model: type[models.Model]) -> bool:
    """Two rows of the page that a unique rule forbids together (two new receipts of the same
    kind and date): the later row says which one it repeats. The database would refuse the
    save; the rows checked one by one against it cannot see each other."""
    baik = True
    tetap = [
        (nomor, form)
        for nomor, form in enumerate(formset.forms, 1)
        if form not in formset.deleted_forms and (form.instance.pk or form.has_changed())
    ]
    for aturan in model._meta.constraints:
        if not isinstance(aturan, models.UniqueConstraint) or not aturan.fields:
            continue
        if aturan.condition is not None:
            continue
        fields = [model._meta.get_field(f) for f in aturan.fields]
        if aturan.violation_error_message != aturan.default_violation_error_message:
            pesan = str(aturan.violation_error_message)
        else:
            pesan = "Isian " + ", ".join(str(f.verbose_name) for f in fields) + " ganda."
        pertama: dict[tuple, int] = {}
        for nomor, form in tetap:
            kunci = tuple(_nilai_kunci(form.instance, f) for f in fields)
            if None in kunci:
                continue
            if kunci in pertama:
                form.add_error(None, f"{pesan} Sama dengan baris {pertama[kunci]}.")
                baik = False
            else:
                pertama[kunci] = nomor
    return baik


def _nilai_kunci(obj: models.Model, f: models.Field) -> object:
    """A row's value of a unique rule's field; a parent record not saved yet (the first rows
    of a form) counts as itself."""
    nilai = getattr(obj, f.attname, None)
    if nilai is None and f.is_relation and f.is_cached(obj):
        induk = f.get_cached_value(obj)
        nilai = None if induk is None else ("baru", id(induk))
    return nilai


@login_required
@satu_per_satker
def data_dukung(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    j = JENIS_DATA.get(jenis)
    if j is None:
        raise Http404
    Formset = _formset(j, satker, tahun)
    qs = j.queryset(satker, tahun).order_by("pk")
    sekarang, label = nilai_halaman(qs, j.model, j.fields)
    tanda, bentrok = riwayat.tandai(sekarang), ""
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        formset = Formset(request.POST, queryset=qs, prefix="d")
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if bentrok:
            messages.error(request, bentrok)
            status = 409
        elif formset.is_valid() and _periksa_baris(formset, j, satker, tahun):
            try:
                with transaction.atomic(), jejak.konteks(uraian=lambda o: f"{j.judul}: {o}"):
                    for obj in formset.save(commit=False):
                        obj.save()
                    for obj in formset.deleted_objects:
                        obj.delete()
            except jejak.TriwulanTerkunci as exc:
                # A row of a submitted or verified quarter: nothing saved, the rows as typed.
                messages.error(request, f"{j.judul} belum disimpan. {exc.pesan}")
                return _halaman(request, satker, tahun, j, jenis, formset, tanda, 409)
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
    return _halaman(request, satker, tahun, j, jenis, formset, tanda, status)


def _halaman(request, satker, tahun, j, jenis, formset, tanda, status) -> HttpResponse:
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
            "semua_jenis": {k: v for k, v in JENIS_DATA.items() if v.kelompok == j.kelompok},
            "boleh": siklus.boleh_mengisi(request.user, satker),
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=status,
    )
