"""The admin lists every model with Indonesian labels, for staff only."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.text import capfirst

from kinerja import bukti, siklus
from kinerja.models import BuktiDukung, PelaporanTriwulan, RiwayatPerubahan
from satker.models import Pengguna, Satker
from tests.berkas import PDF_SAH
from tests.halaman import baca, tabel

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (m for m in admin.site._registry if m._meta.app_label in {"satker", "kinerja", "laporan"}),
    key=lambda m: m._meta.label,
)


# What each list is called, what its page is titled after and its columns, in the users'
# words (GLOSSARY.md): (singular, plural, columns). An English or a field-name label fails.
LABEL = {
    "kinerja.AnggotaTimReviu": ("anggota tim reviu", "anggota tim reviu",
        ["Nama", "Jabatan dalam tim", "Nomor urut", "Keputusan", "Satker"]),
    "kinerja.AspekLayananPublik": ("aspek layanan publik", "aspek layanan publik",
        ["Aspek", "Indeks aspek", "Bobot (%)", "Penilaian"]),
    "kinerja.BelanjaPdn": ("belanja PDN per akun", "belanja PDN per akun",
        ["Satker", "Posisi per tanggal", "Akun", "Pagu (Rp)", "Realisasi PDN (Rp)",
         "Realisasi TKDN (Rp)", "Realisasi impor (Rp)"]),
    "kinerja.ButirKeputusan": ("butir keputusan", "butir keputusan",
        ["Keputusan", "Bagian", "Nomor urut", "Satker"]),
    "kinerja.BuktiDukung": ("bukti dukung", "bukti dukung",
        ["Nama berkas", "Realisasi triwulan", "Jenis isi", "Ukuran (bita)", "Diunggah oleh",
         "Diunggah"]),
    "kinerja.ButirCapaian": ("butir capaian", "butir capaian",
        ["Uraian", "Indikator kinerja PK", "Tanggal", "Jumlah"]),
    "kinerja.CatatanMonitoring": ("catatan monitoring",
        "catatan monitoring (monitoring kepegawaian)",
        ["Monitoring kepegawaian", "Tabel", "Urutan", "Instansi/perusahaan", "Uraian"]),
    "kinerja.CatatanReviu": ("catatan reviu", "catatan reviu",
        ["Pelaporan", "Indikator", "Oleh", "Dibuat", "Diselesaikan"]),
    "kinerja.Dipa": ("DIPA", "DIPA",
        ["Nomor SP DIPA", "Satker", "Tahun anggaran", "Tanggal", "Pagu awal"]),
    "kinerja.HasilLayanan": ("hasil layanan", "hasil layanan",
        ["Satker", "Posisi per tanggal", "Satuan hasil", "Jenis layanan", "Jumlah"]),
    "kinerja.HasilPerhitungan": ("hasil perhitungan", "hasil perhitungan",
        ["Indikator kinerja PK", "Satker", "Tahun", "Triwulan", "Capaian (%)", "Status",
         "Dihitung"]),
    "kinerja.IndikatorKinerja": ("indikator (pedoman)", "indikator (pedoman)",
        ["Kode", "Nama indikator", "Satuan", "Klasifikasi", "Metode perhitungan",
         "Data dukung", "IKU"]),
    "kinerja.IndikatorPerjanjian": ("indikator kinerja PK", "indikator kinerja PK",
        ["Kode", "Indikator kinerja", "Target", "Satuan", "Satker", "Tahun"]),
    "kinerja.IndikatorRenstra": ("indikator Renstra", "indikator Renstra",
        ["Indikator Renstra", "Satuan", "IKU", "Indikator pedoman", "Renstra"]),
    "kinerja.ItemAnggaran": ("item anggaran", "item anggaran (struktur RKA-K/L)",
        ["Kode lengkap", "Uraian", "Tingkat", "Satker", "Tahun anggaran", "Pagu (rincian)"]),
    "kinerja.KegiatanPromosi": ("kegiatan promosi", "kegiatan promosi",
        ["Satker", "Tahun", "Bulan", "Nomor", "Kegiatan"]),
    "kinerja.KeputusanTimReviu": ("keputusan tim reviu", "keputusan tim reviu",
        ["Nomor keputusan", "Satker", "Tahun laporan", "Tanggal ditetapkan", "Nama penetap"]),
    "kinerja.KegiatanAlki": ("kegiatan ALKI", "kegiatan ALKI",
        ["Nomor", "Kegiatan", "Satker", "Posisi per tanggal", "Pagu (Rp)",
         "Realisasi keuangan (%)", "Realisasi fisik (%)"]),
    "kinerja.KendalaKegiatan": ("kendala kegiatan (Form A)", "kendala kegiatan (Form A)",
        ["Form A", "Nomor", "Output (KRO)", "Kendala"]),
    "kinerja.LaporanKegiatan": ("laporan pelaksanaan kegiatan (Form A)",
        "laporan pelaksanaan kegiatan (Form A)",
        ["Kegiatan", "Satker", "Triwulan", "Penanggung jawab kegiatan",
         "Tanggal penandatanganan"]),
    "kinerja.MonitoringKepegawaian": ("monitoring kepegawaian", "monitoring kepegawaian",
        ["Satker", "Tahun", "Triwulan"]),
    "kinerja.NarasiIndikator": ("narasi indikator (laporan tahunan)",
        "narasi indikator (laporan tahunan)", ["Indikator kinerja PK"]),
    "kinerja.NilaiLaporanKeuangan": ("nilai laporan keuangan", "nilai laporan keuangan",
        ["Satker", "Tahun", "Nilai", "Tanggal hasil penilaian"]),
    "kinerja.NilaiProfesionalitas": ("nilai profesionalitas ASN", "nilai profesionalitas ASN",
        ["Pegawai", "Satker", "Posisi per tanggal", "Kualifikasi", "Kompetensi", "Kinerja",
         "Disiplin"]),
    "kinerja.NilaiSakip": ("nilai SAKIP", "nilai SAKIP",
        ["Satker", "Tahun", "Perencanaan kinerja", "Pengukuran kinerja", "Pelaporan kinerja",
         "Evaluasi akuntabilitas kinerja internal", "Total (jumlah komponen)",
         "Total tercetak", "Predikat"]),
    "kinerja.PaguIndikatifRenstra": ("pagu indikatif Renstra", "pagu indikatif Renstra",
        ["Renstra", "Tahun", "Pagu indikatif (Rp)"]),
    "kinerja.PelangganLayanan": ("pelanggan layanan", "pelanggan layanan",
        ["Satker", "Tahun", "Jenis layanan", "Pelanggan industri", "Pelanggan non industri"]),
    "kinerja.PelaporanTriwulan": ("pelaporan triwulan", "pelaporan triwulan",
        ["Satker", "Tahun", "Triwulan", "Status", "Diperbarui"]),
    "kinerja.PelatihanPegawai": ("pelatihan pegawai", "pelatihan pegawai",
        ["Pegawai", "Pelatihan", "Tanggal mulai", "Tanggal selesai", "Satker"]),
    "kinerja.PenerimaanPnbp": ("penerimaan PNBP", "penerimaan PNBP",
        ["Satker", "Posisi per tanggal", "Jenis penerimaan", "Jumlah", "Layanan jasa"]),
    "kinerja.PengingatTerkirim": ("pengingat terkirim", "pengingat terkirim",
        ["Periode", "Satker", "Tanggal"]),
    "kinerja.PengukuranPerusahaan": ("pengukuran perusahaan", "pengukuran perusahaan",
        ["Perusahaan/IKM", "Indikator kinerja PK", "Ukuran kinerja", "Sebelum (A)",
         "Sesudah (B)", "Dihitung sebagai", "Tanggal pengukuran sesudah"]),
    "kinerja.PenilaianLayananPublik": ("penilaian indeks layanan publik",
        "penilaian indeks layanan publik",
        ["Satker", "Tahun", "Tanggal penilaian", "Penilai/metode"]),
    "kinerja.PeriodePelaporan": ("periode pelaporan", "periode pelaporan",
        ["Periode pelaporan", "Batas waktu pengisian", "Dibuka", "Dibuka oleh", "Ditutup"]),
    "kinerja.PeristiwaPegawai": ("peristiwa pegawai", "peristiwa pegawai (monitoring kepegawaian)",
        ["Monitoring kepegawaian", "Tabel", "Urutan", "Nama pegawai",
         "Uraian (pelatihan/pelanggaran)", "Tanggal (mulai)"]),
    "kinerja.PeristiwaPelaporan": ("peristiwa pelaporan", "peristiwa pelaporan",
        ["Pelaporan", "Aksi", "Oleh", "Waktu"]),
    "kinerja.PerjanjianKinerja": ("Perjanjian Kinerja", "Perjanjian Kinerja",
        ["Satker", "Tahun", "Revisi ke-", "Tanggal penandatanganan", "Total anggaran"]),
    "kinerja.PerpanjanganPeriode": ("perpanjangan periode", "perpanjangan periode",
        ["Periode", "Satker", "Batas waktu baru", "Oleh", "Dibuat"]),
    "kinerja.ProgresAnggaran": ("progres anggaran", "progres anggaran",
        ["Item", "S.d. akhir bulan", "Rencana keuangan (%)", "Realisasi keuangan (%)",
         "Realisasi keuangan (Rp)", "Rencana fisik (%)", "Realisasi fisik (%)"]),
    "kinerja.RealisasiDipa": ("realisasi DIPA (SAKTI/OM SPAN)", "realisasi DIPA (SAKTI/OM SPAN)",
        ["Satker", "Tahun anggaran", "S.d. akhir bulan", "Realisasi", "Sumber",
         "Tanggal data"]),
    "kinerja.RealisasiTriwulan": ("realisasi triwulan", "realisasi triwulan",
        ["Indikator kinerja PK", "Triwulan", "Realisasi antara (%)",
         "Nilai realisasi dilaporkan"]),
    "kinerja.RekapKomponen": ("rekap komponen (e-Monev)", "rekap komponen (e-Monev)",
        ["Komponen", "S.d. akhir bulan", "Status", "Progres (%)", "Realisasi anggaran (Rp)",
         "Status kemanfaatan"]),
    "kinerja.RekapPegawai": ("rekap pegawai", "rekap pegawai (monitoring kepegawaian)",
        ["Monitoring kepegawaian", "Tabel", "Urutan", "Kelompok (jabatan fungsional)", "Jenjang",
         "Jumlah pegawai"]),
    "kinerja.RekomendasiAudit": ("rekomendasi hasil pengawasan", "rekomendasi hasil pengawasan",
        ["Satker", "Tahun pengawasan", "Nomor", "Status tindak lanjut",
         "Tanggal selesai ditindaklanjuti"]),
    "kinerja.RencanaAksi": ("rencana aksi", "rencana aksi",
        ["Indikator kinerja PK", "Triwulan", "Target antara (%)"]),
    "kinerja.Renstra": ("Renstra", "Renstra",
        ["Nama", "Tingkat", "Satker", "Tahun awal", "Tahun akhir"]),
    "kinerja.RevisiDipa": ("revisi DIPA", "revisi DIPA",
        ["DIPA", "Revisi ke-", "Tanggal", "Kewenangan", "Pagu sesudah revisi"]),
    "kinerja.RingkasanAnggaran": ("ringkasan anggaran", "ringkasan anggaran",
        ["Satker", "Tahun", "Triwulan", "Pagu (Rp)", "Realisasi s.d. triwulan (Rp)",
         "Realisasi anggaran (%)"]),
    "kinerja.RiwayatAnggaran": ("riwayat anggaran", "riwayat anggaran",
        ["Satker", "Tahun anggaran", "Pagu (Rp)", "Realisasi (Rp)"]),
    "kinerja.VersiIndikator": ("versi pedoman indikator", "versi pedoman indikator",
        ["Indikator", "Berlaku mulai tahun", "Klasifikasi", "Metode perhitungan",
         "Agregasi antar-triwulan"]),
    "kinerja.RiwayatPerubahan": ("riwayat perubahan", "riwayat perubahan",
        ["Waktu", "Satker", "Data", "Label kolom", "Nilai lama", "Nilai baru", "Oleh"]),
    "kinerja.RuangLingkupLaboratorium": ("ruang lingkup laboratorium",
        "ruang lingkup laboratorium",
        ["Komoditi / kelompok pengukuran", "Laboratorium", "Nomor", "Terakreditasi KAN",
         "Satker", "Tahun"]),
    "kinerja.PembukaanTahun": ("pembukaan tahun kinerja", "pembukaan tahun kinerja",
        ["Tahun", "Status", "Jumlah satker", "PK draf dibuat", "PK sudah ada",
         "Tidak dapat dibuka", "Diminta oleh", "Diminta", "Selesai"]),
    "kinerja.RevisiPerjanjian": ("revisi Perjanjian Kinerja", "revisi Perjanjian Kinerja",
        ["Perjanjian Kinerja", "Revisi ke-", "Alasan", "Tempat penandatanganan",
         "Tanggal penandatanganan", "Oleh", "Dicatat"]),
    "kinerja.SasaranKegiatan": ("sasaran kegiatan PK", "sasaran kegiatan PK",
        ["Sasaran kegiatan PK", "Perjanjian Kinerja"]),
    "kinerja.SasaranRenstra": ("sasaran Renstra", "sasaran Renstra",
        ["Kode", "Nama sasaran", "Renstra"]),
    "kinerja.SnapshotPelaporan": ("snapshot pelaporan", "snapshot pelaporan",
        ["Pelaporan", "Versi", "Dibuat", "Oleh"]),
    "kinerja.SurveiKepuasan": ("survei kepuasan masyarakat", "survei kepuasan masyarakat",
        ["Satker", "Tahun", "Posisi per tanggal", "Jumlah responden", "Jumlah pelanggan"]),
    "kinerja.TargetPnbp": ("target PNBP", "target PNBP", ["Satker", "Tahun", "Target"]),
    "kinerja.TargetRenstra": ("target Renstra", "target Renstra",
        ["Indikator", "Tahun", "Target", "Realisasi tercatat", "Indikasi alokasi (Rp)"]),
    "kinerja.UnsurSurvei": ("unsur survei", "unsur survei",
        ["Unsur pelayanan", "Nilai rata-rata", "Survei"]),
    "kinerja.VolumeLayanan": ("volume layanan", "volume layanan",
        ["Satker", "Tahun", "Jenis layanan", "Yang dihitung", "Jumlah"]),
    "laporan.BerkasLaporan": ("berkas laporan", "berkas laporan",
        ["Satker", "Jenis laporan", "Tahun", "Triwulan", "Format", "Status", "Arsip verifikasi",
         "Versi arsip", "Jumlah halaman", "Diminta oleh", "Diminta", "Selesai"]),
    "laporan.GambarLaporan": ("gambar laporan", "gambar laporan",
        ["Satker", "Jenis laporan", "Tahun", "Triwulan", "Bagian", "Indikator kinerja PK",
         "Nama rujukan", "Judul gambar", "Diunggah oleh"]),
    "laporan.IdentitasLaporan": ("identitas laporan", "identitas laporan",
        ["Satker", "Jenis laporan", "Tahun", "Triwulan", "Nomor nota dinas", "Tanggal",
         "Nama penandatangan"]),
    "laporan.NarasiLaporan": ("narasi laporan", "narasi laporan",
        ["Satker", "Jenis laporan", "Tahun", "Triwulan", "Bagian", "Diperbarui"]),
    "satker.Kementerian": ("kementerian", "kementerian", ["Kode K/L", "Nama", "Singkatan"]),
    "satker.Pengguna": ("pengguna", "pengguna",
        ["Nama pengguna", "Nama depan", "Nama belakang", "Peran", "Satker", "Aktif"]),
    "satker.Satker": ("satker", "satker",
        ["Singkatan", "Nama", "Kode satker", "Jenis", "Kota", "Provinsi", "Nama kepala"]),
    "satker.TokenApi": ("token API", "token API",
        ["Nama", "Pengguna", "Awalan", "Cakupan", "Dibuat", "Berlaku sampai",
         "Terakhir dipakai", "Dicabut"]),
    "satker.UnitEselonI": ("unit Eselon I", "unit Eselon I",
        ["Kode", "Singkatan", "Nama", "Kementerian", "Nama kepala"]),
}  # fmt: skip

# The audit trail of the cycle and the stored figures: the admin only reads them (test
# below); the quarter's report is made by the cycle, never added by hand.
HANYA_BACA = {
    "kinerja.BuktiDukung", "kinerja.CatatanReviu", "kinerja.PeristiwaPelaporan",
    "kinerja.RiwayatPerubahan", "kinerja.SnapshotPelaporan", "kinerja.RevisiPerjanjian",
    "kinerja.PembukaanTahun",
    "kinerja.HasilPerhitungan", "kinerja.RingkasanAnggaran", "laporan.GambarLaporan",
    "satker.TokenApi", "kinerja.VersiIndikator",
}  # fmt: skip
# An indicator of the manual is made on the secretariat's page, with its first version.
TANPA_TAMBAH = HANYA_BACA | {"kinerja.PelaporanTriwulan", "kinerja.IndikatorKinerja"}


def kolom_admin(model) -> list[str]:
    """The column labels of a changelist as its page prints them (the admin's own
    first-letter capital), read from the model admin when the list has no rows to show."""
    model_admin = admin.site._registry[model]
    return [capfirst(str(label_for_field(f, model, model_admin))) for f in model_admin.list_display]


@pytest.mark.parametrize("model", REGISTERED, ids=[m._meta.label for m in REGISTERED])
def test_changelist_lists_with_indonesian_labels(
    admin_client_demo, model, django_assert_max_num_queries
):
    nama, jamak, kolom = LABEL[model._meta.label]
    assert (str(model._meta.verbose_name), str(model._meta.verbose_name_plural)) == (nama, jamak)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    with django_assert_max_num_queries(20):
        response = admin_client_demo.get(url)
    assert response.status_code == 200
    page = baca(response)
    jejak = page.satu("div", kelas="breadcrumbs").teks.split("\u203a")  # Beranda / app / list
    assert jejak[-1].strip() == capfirst(jamak)
    aksi = "melihat" if model._meta.label in HANYA_BACA else "diubah"
    assert page.satu("h1").teks == f"Pilih {nama} untuk {aksi}"
    tambah = [a.teks for ul in page.semua("ul", kelas="object-tools") for a in ul.semua("a")]
    assert tambah == ([] if model._meta.label in TANPA_TAMBAH else [f"Tambahkan {nama}"])
    hasil = page.semua("table", id="result_list")
    if hasil:
        header = [
            th.satu("div", kelas="text").teks
            for th in hasil[0].semua("th", scope="col")
            if "action-checkbox-column" not in th.kelas()  # the select-all box of the actions
        ]
        assert header == kolom
    else:  # no rows: the list prints no table; its columns are still the model admin's
        assert kolom_admin(model) == kolom


def test_every_model_of_our_apps_is_registered():
    from django.apps import apps

    ours = {
        m
        for label in ("satker", "kinerja", "laporan")
        for m in apps.get_app_config(label).get_models()
    }
    assert ours == set(REGISTERED)


def test_satker_staff_cannot_open_the_admin(operator_manado_client):
    response = operator_manado_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_pk_line_change_page_shows_rencana_aksi_inline(admin_client_demo):
    from kinerja.models import IndikatorPerjanjian

    line = IndikatorPerjanjian.objects.get(
        sasaran__perjanjian__satker__kode="247246", sasaran__perjanjian__tahun=2023,
        sasaran__nomor=1, nomor=1,
    )  # fmt: skip
    response = admin_client_demo.get(
        reverse("admin:kinerja_indikatorperjanjian_change", args=[line.pk])
    )
    assert response.status_code == 200
    page = baca(response)
    assert page.satu("h1").teks == "Ubah indikator kinerja PK"
    inline = page.satu("div", id="rencana_aksi-group")
    assert inline.satu("h2").teks == "Rencana aksi"
    kolom = [th.teks for th in inline.satu("thead").semua("th")]
    assert kolom == ["", "Triwulan", "Target antara (%)", "Rencana kegiatan", "Hapus?"]
    # The plan of Tabel 4 of Manado's PP-39 report: 25, 50, 75, 100 % by quarter.
    rencana = []
    for tr in inline.satu("tbody").semua("tr", kelas="form-row"):
        triwulan = tr.satu("td", kelas="field-triwulan")
        dipilih = [o.teks for o in triwulan.semua("option") if "selected" in o.attrs]
        target = tr.satu("td", kelas="field-target_antara").satu("input").attrs.get("value")
        if dipilih != ["---------"]:
            rencana.append((dipilih, target))
    # (A number input carries the number unlocalised, as the browser expects it.)
    assert rencana == [
        (["Triwulan I"], "25.00"), (["Triwulan II"], "50.00"),
        (["Triwulan III"], "75.00"), (["Triwulan IV"], "100.00"),
    ]  # fmt: skip


def test_pk_changelist_prints_years_plainly_and_budgets_in_rupiah(admin_client_demo):
    page = baca(admin_client_demo.get(reverse("admin:kinerja_perjanjiankinerja_changelist")))
    daftar = tabel(page, id="result_list")
    # Pekanbaru's PK 2023 is signed over the DIPA pagu after revision 11: Rp 7.350.321.000.
    assert daftar.kolom_baris(("BSPJI Pekanbaru", "2023"))["Total anggaran"] == ("Rp 7.350.321.000")
    assert daftar.isi_kolom("Tahun") == ["2023", "2023"]  # not 2.023


def test_the_cycles_records_cannot_be_removed_or_altered_in_the_admin(admin_client_demo):
    """What a satker submitted, the cycle's log and the change history are the audit trail:
    the admin reads them; deleting a quarter's report would also unlock it."""
    manado = Satker.objects.get(kode="247246")
    siklus.buka_periode(
        user=Pengguna.objects.get(username="reviewer"), tahun=2023, triwulan=2,
        batas=datetime.date.today() + datetime.timedelta(days=5),
    )  # fmt: skip
    line = siklus.lines_satker(manado, 2023)[0]
    berkas = bukti.unggah(
        user=Pengguna.objects.get(username="operator.manado"), line=line, triwulan=2,
        berkas=SimpleUploadedFile("notulen.pdf", PDF_SAH),
    )  # fmt: skip
    lap = siklus.pelaporan(manado, 2023, 2)
    # The upload is in the history of the line's measurement.
    h = RiwayatPerubahan.objects.get(
        object_id=berkas.realisasi_id, field="bukti", content_type__model="realisasitriwulan"
    )
    for name, pk in [
        ("pelaporantriwulan", lap.pk),
        ("riwayatperubahan", h.pk),
        ("buktidukung", berkas.pk),
    ]:
        url = reverse(f"admin:kinerja_{name}_delete", args=[pk])
        assert admin_client_demo.post(url, {"post": "yes"}).status_code == 403, name
    assert PelaporanTriwulan.objects.filter(pk=lap.pk).exists()
    assert BuktiDukung.objects.filter(pk=berkas.pk).exists()
    response = admin_client_demo.post(
        reverse("admin:kinerja_riwayatperubahan_change", args=[h.pk]), {"baru": "dipalsukan"}
    )
    assert response.status_code == 403
    h.refresh_from_db()
    assert h.baru == "notulen.pdf"
