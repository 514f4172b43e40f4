"""The staff-monitoring form of the PP-39 (Form Monitoring Kepegawaian): the demo data of BSPJI
Manado, Triwulan II 2023, against the source's tables (quoted beside each check), with its
staff pseudonymised; the rules of its rows; and its entry page, which saves a table as a
whole, keeps the history, and refuses a stale save, another satker's rows, a reviewer's
write and a submitted or verified quarter."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kinerja import siklus
from kinerja.demo_data import FIXTURES_DIR, load_demo_data
from kinerja.models import (
    CatatanMonitoring,
    MonitoringKepegawaian,
    PeristiwaPegawai,
    RekapPegawai,
    RiwayatPerubahan,
)
from satker.models import Pengguna
from tests.halaman import baca, kiriman, pesan

pytestmark = pytest.mark.django_db

# A few names printed in the source's staff tables (training list, promotion, retirement).
NAMA_ASLI = (
    "Frelly",
    "Kolinug Reffan",
    "Jalmi Sulistyorini",
    "Masmuliadi",
    "Broerie Pojoh",
    "Sabam Gultom",
    "Yanto Karaseran",
    "Lexy Dolf Tora",
)
AWALAN = "Monitoring kepegawaian TW II 2023"


@pytest.fixture
def monitoring(manado) -> MonitoringKepegawaian:
    return MonitoringKepegawaian.objects.get(satker=manado, tahun=2023, triwulan=2)


def baris(monitoring, model, jenis):
    return list(model.objects.filter(monitoring=monitoring, jenis=jenis).order_by("nomor"))


# --- the demo data ------------------------------------------------------------------------------


def test_training_list_has_34_employees_and_73_trainings(monitoring):
    # "DATA PELATIHAN YANG TELAH DIKUTI PERIODE : April - Juni 2023": NO 1 to 34, one row per
    # training (counted by hand: 1+2+2+4+5+2+5+1+2+3+5+3+2+2+2+4+3+2+2+1+1+2+1+1+1+2+1+1+2+2
    # +1+2+2+1 = 73).
    rows = baris(monitoring, PeristiwaPegawai, "pelatihan")
    assert len(rows) == 73
    assert list(dict.fromkeys(r.pegawai for r in rows)) == [
        f"Pegawai {i:02d}" for i in range(1, 35)
    ]
    # The in-house SNI ISO/IEC 17020 training of 3-5 Mei 2023 is listed for NO 1, 2, 3, 4, 6, 7,
    # 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 22, 29, 32 and 34: 20 employees.
    iso = [r for r in rows if r.uraian.startswith("SNI ISO/IEC 17020:2012")]
    assert len(iso) == 20
    assert {(r.penyelenggara, r.tanggal, r.tanggal_selesai) for r in iso} == {
        (
            "BSPJI Manado - The Spring Institute",
            datetime.date(2023, 5, 3),
            datetime.date(2023, 5, 5),
        )
    }


def test_an_employees_trainings_in_the_printed_order(monitoring):
    # NO 5: "Pelatihan Perhitungan Estimasi Ketidakpastian Pengujian Kimia | BSPJI Manado |
    # 4-5 April 2023", "... Ion Measurement | Metrohm Indonesia | 24 Mei 2023", "Sosialisasi
    # Implementasi Permen PAN & RB Nomor 1 Tahun 2023 | Kementerian Perdagangan | 26 Mei 2023",
    # "How to Get Fast ... Mantech | PT Maja Bintang | 20 Mei 2023", "Tips dan Trik Analisis
    # Kadar Air dengan Karl Fischer Oven | Metrohm Indonesia | 7 Juni 20223" (a slip for 2023).
    rows = [
        r for r in baris(monitoring, PeristiwaPegawai, "pelatihan") if r.pegawai == "Pegawai 05"
    ]
    assert [(r.penyelenggara, r.tanggal, r.tanggal_selesai) for r in rows] == [
        ("BSPJI Manado", datetime.date(2023, 4, 4), datetime.date(2023, 4, 5)),
        ("Metrohm Indonesia", datetime.date(2023, 5, 24), None),
        ("Kementerian Perdagangan", datetime.date(2023, 5, 26), None),
        ("PT Maja Bintang", datetime.date(2023, 5, 20), None),
        ("Metrohm Indonesia", datetime.date(2023, 6, 7), None),
    ]
    assert rows[-1].uraian == "Tips dan Trik Analisis Kadar Air dengan Karl Fischer Oven"
    assert "20223" in rows[-1].catatan


def test_promotion_retirement_and_empty_tables(monitoring):
    # "1. <name>, S.Kom | Penata Muda/IIla | Penata Muda Tkt.I/IIlb" (IIla: IIIa as converted).
    [naik] = baris(monitoring, PeristiwaPegawai, "kenaikan_pangkat")
    assert (naik.pegawai, naik.semula, naik.menjadi) == (
        "Pegawai 35",
        "Penata Muda/IIIa",
        "Penata Muda Tkt.I/IIIb",
    )
    # "1 <name>, S.TP.,M.Si | 01 Juni 2023".
    [pensiun] = baris(monitoring, PeristiwaPegawai, "pensiun")
    assert (pensiun.pegawai, pensiun.tanggal) == ("Pegawai 36", datetime.date(2023, 6, 1))
    # Discipline and transfers print numbered empty rows; complaints ... regulations "-".
    assert baris(monitoring, PeristiwaPegawai, "hukuman_disiplin") == []
    assert baris(monitoring, PeristiwaPegawai, "mutasi") == []
    for jenis in ("pengaduan", "gratifikasi", "whistleblowing", "prestasi", "perundangan"):
        assert baris(monitoring, CatatanMonitoring, jenis) == [], jenis


def test_staff_counts(monitoring):
    # REKAPITULASI JABATAN FUNGSIONAL TERTENTU: Pembina Industri 4 + 2 + 2, Perekayasa 2 + 1,
    # AMMI 4 + 1, PMB 8 + 1 + 1 + 10, Analisis Anggaran 1, Pranata Humas 1, Pranata Keuangan
    # APBN 1: 14 rows, 39 employees.
    jft = baris(monitoring, RekapPegawai, "jabatan_fungsional")
    assert len(jft) == 14 and sum(r.jumlah for r in jft) == 39
    pmb = [(r.kategori, r.jumlah) for r in jft if r.kelompok == "Penguji Mutu Barang (PMB)"]
    assert pmb == [
        ("PMB Ahli Pertama", 8),
        ("PMB Ahli Muda", 1),
        ("PMB Penyelia", 1),
        ("PMB Terampil", 10),
    ]
    # REKAPITULASI PEGAWAI BERDASARKAN TINGKAT PENDIDIKAN: SLTA 2, D-I 1, D-III 14, S1 25,
    # S2 11, S3 1 (54).
    pendidikan = [(r.kategori, r.jumlah) for r in baris(monitoring, RekapPegawai, "pendidikan")]
    assert pendidikan == [("SLTA", 2), ("D-I", 1), ("D-III", 14), ("S1", 25), ("S2", 11), ("S3", 1)]


def test_lspro_activities(monitoring):
    # KEGIATAN LSPRO: "3 | PT VPOL Tirta Sejahtera | Penerbitan SPPT SNI |" (no keterangan),
    # "5 | PT Empat Saudara | In-house Training | Pemahaman Proses Produksi Garam ...".
    rows = baris(monitoring, CatatanMonitoring, "lspro")
    assert [r.pihak for r in rows] == [
        "PT. Aquwar Bintang Semesta",
        "CV Monrow Tirta Sejahtera",
        "PT VPOL Tirta Sejahtera",
        "PT Halut Mandiri BUMD",
        "PT Empat Saudara",
    ]
    assert (rows[2].uraian, rows[2].keterangan) == ("Penerbitan SPPT SNI", "")
    assert rows[4].keterangan == "Pemahaman Proses Produksi Garam Konsumsi Beryodium"


def test_loading_again_changes_nothing(monitoring):
    jumlah = {m: m.objects.count() for m in (PeristiwaPegawai, RekapPegawai, CatatanMonitoring)}
    assert load_demo_data().stats.nothing_changed
    assert {m: m.objects.count() for m in jumlah} == jumlah


def test_no_real_staff_name_in_the_fixtures():
    teks = "\n".join(p.read_text(encoding="utf-8") for p in Path(FIXTURES_DIR).rglob("*.yaml"))
    for nama in NAMA_ASLI:
        assert nama not in teks, nama
    assert not PeristiwaPegawai.objects.exclude(pegawai__startswith="Pegawai ").exists()


# --- the rows' rules ------------------------------------------------------------------------


def test_a_row_fills_its_tables_columns_and_a_range_does_not_end_before_it_starts(monitoring):
    r = PeristiwaPegawai(monitoring=monitoring, jenis="pelatihan", nomor=99, pegawai="Pegawai 01",
                         uraian="Bimtek", tanggal=datetime.date(2023, 5, 3))  # fmt: skip
    with pytest.raises(ValidationError) as e:
        r.full_clean()
    assert e.value.message_dict["penyelenggara"] == ["Penyelenggara wajib diisi."]
    r.penyelenggara, r.tanggal_selesai = "BSN", datetime.date(2023, 5, 2)
    with pytest.raises(ValidationError) as e:
        r.full_clean()
    assert e.value.messages == ["Tanggal selesai tidak boleh sebelum tanggal mulai."]
    salah = RekapPegawai(
        monitoring=monitoring, jenis="pelatihan", nomor=99, kategori="S1", jumlah=1
    )
    with pytest.raises(ValidationError) as e:
        salah.full_clean()
    assert "Tabel ini tidak memakai bentuk baris ini." in e.value.message_dict["jenis"]


# --- the entry page -------------------------------------------------------------------------


def url(satker, tabel: str = "lspro", triwulan: int = 2) -> str:
    return f"{reverse('entri-kepegawaian', args=[satker.pk, 2023, triwulan])}?tabel={tabel}"


def halaman(client, alamat: str) -> dict[str, str]:
    response = client.get(alamat)
    assert response.status_code == 200
    return kiriman(baca(response))


def nomor_baris(data: dict[str, str], pihak: str) -> int:
    return next(
        int(k.split("-")[1]) for k, v in data.items() if k.endswith("-pihak") and v == pihak
    )


def test_the_page_saves_a_new_row_and_records_it(operator_manado_client, manado, monitoring):
    alamat = url(manado)
    data = halaman(operator_manado_client, alamat)
    assert data["b-4-pihak"] == "PT Empat Saudara" and data["b-5-nomor"] == "6"
    data |= {"b-5-pihak": "PT Sulut Garam", "b-5-uraian": "Audit dan PPC"}
    response = operator_manado_client.post(alamat, data)
    assert response.status_code == 302
    baru = CatatanMonitoring.objects.get(monitoring=monitoring, jenis="lspro", nomor=6)
    assert (baru.pihak, baru.uraian, baru.keterangan) == ("PT Sulut Garam", "Audit dan PPC", "")
    h = RiwayatPerubahan.objects.get(object_id=baru.pk, field="pihak")
    assert (h.lama, h.baru, h.oleh.username) == ("", "PT Sulut Garam", "operator.manado")
    assert h.uraian_objek.startswith(f"{AWALAN} · Kegiatan LSPro")
    page = baca(operator_manado_client.get(alamat))
    assert pesan(page) == ["Kegiatan LSPro tersimpan: 1 baru, 0 berubah, 0 dihapus."]
    riwayat = page.satu("section", kelas="history").teks
    assert "Kegiatan LSPro: PT Sulut Garam · instansi/perusahaan: – → PT Sulut Garam" in riwayat


def test_a_first_save_creates_the_quarters_form(operator_manado_client, manado):
    alamat = url(manado, "pelatihan", triwulan=3)
    data = halaman(operator_manado_client, alamat)
    data |= {"b-0-pegawai": "Pegawai 01", "b-0-uraian": "Bimtek Halal Awareness",
             "b-0-penyelenggara": "BPSDMI", "b-0-tanggal": "2023-07-10",
             "b-0-tanggal_selesai": "2023-07-12"}  # fmt: skip
    assert operator_manado_client.post(alamat, data).status_code == 302
    m = MonitoringKepegawaian.objects.get(satker=manado, tahun=2023, triwulan=3)
    [r] = PeristiwaPegawai.objects.filter(monitoring=m)
    assert (r.jenis, r.nomor, r.tanggal_selesai) == ("pelatihan", 1, datetime.date(2023, 7, 12))
    assert RiwayatPerubahan.objects.filter(object_id=m.pk, uraian_objek="Monitoring kepegawaian "
                                           "TW III 2023").exists()  # fmt: skip


def test_a_row_missing_a_column_saves_nothing(operator_manado_client, manado, monitoring):
    alamat = url(manado, "pelatihan")
    data = halaman(operator_manado_client, alamat)
    data |= {"b-73-pegawai": "Pegawai 40", "b-73-uraian": "Webinar", "b-73-tanggal": "2023-06-01"}
    response = operator_manado_client.post(alamat, data)
    assert response.status_code == 400
    assert "Penyelenggara wajib diisi." in baca(response).satu("tr", kelas="row-error").teks
    assert PeristiwaPegawai.objects.filter(monitoring=monitoring, jenis="pelatihan").count() == 73


def test_a_stale_save_is_refused(operator_manado_client, manado, monitoring):
    alamat = url(manado)
    lama = halaman(operator_manado_client, alamat)
    client = Client()  # the head, in another browser
    client.force_login(Pengguna.objects.get(username="kepala.manado"))
    segar = halaman(client, alamat)
    i = nomor_baris(segar, "PT VPOL Tirta Sejahtera")
    segar[f"b-{i}-keterangan"] = "Sertifikat terbit"
    assert client.post(alamat, segar).status_code == 302
    lama[f"b-{i}-keterangan"] = "Menunggu audit"
    response = operator_manado_client.post(alamat, lama)
    assert response.status_code == 409
    [bentrok] = pesan(baca(response))
    assert bentrok.startswith("Data ini telah diubah oleh pengguna lain"), bentrok
    row = CatatanMonitoring.objects.get(monitoring=monitoring, jenis="lspro", nomor=3)
    assert row.keterangan == "Sertifikat terbit"


def test_another_satkers_rows_are_out_of_reach(client, manado, pekanbaru, monitoring):
    client.force_login(Pengguna.objects.get(username="operator.pekanbaru"))
    assert client.get(url(manado)).status_code == 404
    assert client.post(url(manado), {}).status_code == 404
    # Manado's row id posted to Pekanbaru's own page: refused, neither satker changes.
    row = CatatanMonitoring.objects.get(monitoring=monitoring, jenis="lspro", nomor=1)
    data = halaman(client, url(pekanbaru))
    data |= {"b-TOTAL_FORMS": "1", "b-INITIAL_FORMS": "1", "b-0-id": str(row.pk),
             "b-0-nomor": "1", "b-0-pihak": "PT Lain", "b-0-uraian": "Audit"}  # fmt: skip
    assert client.post(url(pekanbaru), data).status_code == 400
    row.refresh_from_db()
    assert row.pihak == "PT. Aquwar Bintang Semesta"
    assert not MonitoringKepegawaian.objects.filter(satker=pekanbaru).exists()


def test_a_reviewer_reads_but_does_not_write(reviewer_client, manado):
    assert reviewer_client.get(url(manado)).status_code == 200
    assert reviewer_client.post(url(manado), {}).status_code == 403


@pytest.mark.parametrize(
    ("status", "alasan"),
    [
        ("diajukan", "Laporan Triwulan II 2023 sudah diajukan dan sedang direviu; data tidak "
                     "dapat diubah."),
        ("diverifikasi", "Laporan Triwulan II 2023 sudah diverifikasi dan terkunci."),
    ],
)  # fmt: skip
def test_a_submitted_or_verified_quarter_refuses_changes(
    operator_manado_client, manado, monitoring, status, alasan
):
    alamat = url(manado)
    data = halaman(operator_manado_client, alamat)
    lap = siklus.pelaporan(manado, 2023, 2)
    lap.status = status
    lap.save()
    data["b-0-keterangan"] = "Diubah setelah diajukan"
    response = operator_manado_client.post(alamat, data)
    assert response.status_code == 400
    page = baca(response)
    assert pesan(page) == [alasan]
    assert page.satu("div", kelas="locked").teks == alasan
    assert "disabled" in page.satu("fieldset").attrs
    row = CatatanMonitoring.objects.get(monitoring=monitoring, jenis="lspro", nomor=1)
    assert row.keterangan == "Surveilan 1 dan Perubahan Legalitas Usaha"


def test_an_admin_change_is_kept_in_the_history(admin_client_demo, monitoring):
    row = CatatanMonitoring.objects.get(monitoring=monitoring, jenis="lspro", nomor=3)
    alamat = reverse("admin:kinerja_catatanmonitoring_change", args=[row.pk])
    data = {"monitoring": monitoring.pk, "jenis": "lspro", "nomor": 3, "pihak": row.pihak,
            "nomor_dokumen": "", "uraian": row.uraian, "keterangan": "SPPT SNI terbit",
            "catatan": ""}  # fmt: skip
    assert admin_client_demo.post(alamat, data).status_code == 302
    h = RiwayatPerubahan.objects.filter(
        object_id=row.pk, field="keterangan", content_type__model="catatanmonitoring"
    ).first()  # the newest; the demo load recorded the first
    assert (h.oleh.username, h.sumber) == ("admin", "admin")
    assert (h.lama, h.baru, h.satker_id) == ("", "SPPT SNI terbit", monitoring.satker_id)
