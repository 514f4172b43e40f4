"""What the LAKIP tabulates besides its indicators, as data of the satker: the demo's rows
read against the LAKIP 2023 of BSPJI Pekanbaru by hand (table and row quoted beside each
value; numbers of its DAFTAR TABEL), loaded idempotently; the rules of the models; and their
table pages, which save with history, refuse a stale page and another satker's rows."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.demo_data import FIXTURES_DIR
from kinerja.demo_tabel_sumber import load_tabel_sumber
from kinerja.models import (
    AnggotaTimReviu,
    ButirKeputusan,
    KegiatanPromosi,
    KeputusanTimReviu,
    PelangganLayanan,
    PelatihanPegawai,
    RiwayatAnggaran,
    RiwayatPerubahan,
    RuangLingkupLaboratorium,
    VolumeLayanan,
)
from satker.fixture_loading import LoadStats, read_yaml
from satker.models import Pengguna
from tests.halaman import baca, pesan

pytestmark = pytest.mark.django_db

FIXTURE = "pekanbaru/tabel_sumber_2023.yaml"


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


# --- the demo data against the source -------------------------------------------------------


def test_the_decree_as_printed(pekanbaru):
    kep = KeputusanTimReviu.objects.get(satker=pekanbaru, tahun=2023)
    # "NOMOR 48 TAHUN 2023 ... Ditetapkan di Pekanbaru pada tanggal 1 Desember 2023".
    assert (kep.nomor, kep.tempat, kep.tanggal) == ("48 Tahun 2023", "Pekanbaru",
                                                    datetime.date(2023, 12, 1))  # fmt: skip
    assert kep.penandatangan_nama == "Dindin Syafruddin"
    # Menimbang a.-b., Mengingat 1.-13., KESATU-KEENAM.
    assert Counter(kep.butir.values_list("bagian", flat=True)) == {
        "menimbang": 2,
        "mengingat": 13,
        "memutuskan": 6,
    }
    assert kep.butir.get(bagian="mengingat", nomor=13).teks.startswith(
        "Peraturan Menteri Perindustrian Republik Indonesia Nomor 1 Tahun 2022"
    )
    # Lampiran 1: nine members; 2. Robby Kumar, Ketua; 4.-9. share the duty of row 4.
    anggota = list(kep.anggota.order_by("nomor"))
    assert [(a.nama, a.jabatan) for a in anggota[:3]] == [
        ("Dindin Syafruddin", "Pengarah"),
        ("Robby Kumar", "Ketua"),
        ("Laura Santa Milinia Pane", "Sekretaris"),
    ]
    assert [a.jabatan for a in anggota[3:]] == ["Anggota"] * 6
    assert len({a.uraian_tugas for a in anggota[3:]}) == 1
    assert {a.satker_id for a in anggota} == {pekanbaru.pk}


def test_scopes_promotion_and_trainings_as_printed(pekanbaru):
    lingkup = RuangLingkupLaboratorium.objects.filter(satker=pekanbaru, tahun=2023)
    # Tabel 2: 48 commodities, 4 accredited (text below it); Tabel 3: 4 groups, all accredited.
    assert Counter(lingkup.values_list("laboratorium", "terakreditasi")) == {
        ("pengujian", True): 4,
        ("pengujian", False): 44,
        ("kalibrasi", True): 4,
    }
    # Tabel 2 row 16 "Briketarangkayu | SNI 01-6235-2000".
    r = lingkup.get(laboratorium="pengujian", nomor=16)
    assert (r.lingkup, r.rincian) == ("Briket arang kayu", "SNI 01-6235-2000")
    # Tabel 3 row 1: volumetric glassware, five instruments.
    assert lingkup.get(laboratorium="kalibrasi", nomor=1).rincian.splitlines() == [
        "buret", "gelas ukur", "labu ukur", "pipet ukur", "pipet volume",
    ]  # fmt: skip
    # Tabel 12: 59 activities, Januari 5, ..., Desember 10.
    promosi = KegiatanPromosi.objects.filter(satker=pekanbaru, tahun=2023)
    assert Counter(promosi.values_list("bulan", flat=True)) == {
        1: 5, 2: 4, 3: 4, 4: 1, 5: 5, 6: 8, 7: 2, 8: 8, 9: 6, 10: 5, 11: 1, 12: 10,
    }  # fmt: skip
    # Tabel 12, Oktober row 3 (5 + 4 + 4 + 1 + 5 + 8 + 2 + 8 + 6 = 43 rows before
    # Oktober): the agreement with the company of indicator II.1.
    assert promosi.get(nomor=46).uraian == (
        "Perjanjian Kerja Sama BSPJI Pekanbaru Dengan CV. Wawa Group Di Kab. Indragiri Hulu"
    )
    # Tabel 24: 176 trainings of 40 employees (pseudonymised).
    pelatihan = PelatihanPegawai.objects.filter(satker=pekanbaru, tanggal_mulai__year=2023)
    assert pelatihan.count() == 176
    assert pelatihan.values("pegawai").distinct().count() == 40
    assert not pelatihan.filter(pegawai__icontains="Syafruddin").exists()
    # Tabel 24 row 2 (Pegawai 02, the Tabel 25 pseudonym): twelve trainings, the first
    # "Pelatihan dan Uji Kompetensi Penyelia Halal - 9 - 11 Januari 2023".
    robby = pelatihan.filter(pegawai="Pegawai 02").order_by("tanggal_mulai")
    assert robby.count() == 12
    pertama = robby[0]
    assert (pertama.nama_pelatihan, pertama.tanggal_mulai, pertama.tanggal_selesai) == (
        "Pelatihan dan Uji Kompetensi Penyelia Halal",
        datetime.date(2023, 1, 9),
        datetime.date(2023, 1, 11),
    )
    # Row 10's seminar: "Pangan Olahan-9.Deputi" of the conversion mended.
    assert not pelatihan.filter(nama_pelatihan__contains="-9.").exists()


def test_budget_history_customers_and_volumes_as_printed(pekanbaru):
    # Tabel 34, TA 2019-2022 (2023 is the app's budget tree, not recorded here).
    assert dict(
        RiwayatAnggaran.objects.filter(satker=pekanbaru).values_list("tahun", "realisasi")
    ) == {2019: 10_519_259_573, 2020: 4_857_160_000, 2021: 7_451_482_302, 2022: 6_832_596_318}
    assert RiwayatAnggaran.objects.get(satker=pekanbaru, tahun=2022).pagu == 6_856_156_000
    pelanggan = PelangganLayanan.objects.filter(satker=pekanbaru)
    # Tabel 37 row 3, Pengujian 2023: 125 industri, 35 non industri.
    p = pelanggan.get(tahun=2023, jenis="pengujian")
    assert (p.industri, p.non_industri, p.jumlah) == (125, 35, 160)
    # Its 2022 rows sum to 36 non industri (the printed total 33 is a slip).
    assert sum(x.non_industri for x in pelanggan.filter(tahun=2022)) == 36
    # Tabel 38: volumes only; customers and certificates are not stored twice.
    volume = VolumeLayanan.objects.filter(satker=pekanbaru)
    assert set(volume.values_list("besaran", flat=True)) == {
        "kegiatan",
        "peserta",
        "sampel",
        "alat",
    }
    assert dict(volume.filter(jenis="pengujian").values_list("tahun", "jumlah")) == {
        2020: 170, 2021: 409, 2022: 399, 2023: 295,
    }  # fmt: skip


def test_loading_twice_changes_nothing(pekanbaru):
    sebelum = {
        m: list(m.objects.order_by("pk").values_list())
        for m in (KeputusanTimReviu, ButirKeputusan, PelatihanPegawai, PelangganLayanan)
    }
    stats = LoadStats()
    load_tabel_sumber(read_yaml(FIXTURES_DIR / FIXTURE), FIXTURE, stats)
    assert stats.nothing_changed, (stats.created, stats.changed)
    assert {m: list(m.objects.order_by("pk").values_list()) for m in sebelum} == sebelum


# --- the rules of the models ------------------------------------------------------------------


def test_a_year_with_a_budget_tree_has_no_recorded_history(pekanbaru):
    with pytest.raises(ValidationError) as e:
        RiwayatAnggaran(satker=pekanbaru, tahun=2023, pagu=1, realisasi=1).full_clean()
    assert "Pohon anggaran tahun ini ada di aplikasi" in " ".join(e.value.message_dict["tahun"])


def test_a_decree_row_belongs_to_the_decrees_satker(pekanbaru, manado):
    kep = KeputusanTimReviu.objects.get(satker=pekanbaru)
    with pytest.raises(ValidationError) as e:
        AnggotaTimReviu(
            satker=manado, keputusan=kep, nomor=10, nama="X", jabatan="Anggota"
        ).full_clean()
    assert e.value.message_dict["keputusan"] == ["Keputusan ini milik satker lain."]


def test_customers_and_volumes_are_of_services_and_a_training_ends_after_it_starts(pekanbaru):
    with pytest.raises(ValidationError):
        PelangganLayanan(satker=pekanbaru, tahun=2023, jenis="sewa", industri=1).full_clean()
    with pytest.raises(ValidationError):
        PelatihanPegawai(
            satker=pekanbaru, pegawai="Pegawai 99", nama_pelatihan="Uji",
            tanggal_mulai=datetime.date(2023, 5, 2), tanggal_selesai=datetime.date(2023, 5, 1),
        ).full_clean()  # fmt: skip


# --- the table pages --------------------------------------------------------------------------


def _kiriman(client: Client, url: str, fields: tuple[str, ...], baru: list[dict]) -> dict:
    """The page's post: its rows as they are, then `baru`, with the page's signature."""
    page = client.get(url)
    formset = page.context["formset"]
    n = formset.initial_form_count()
    data = {
        "tanda": page.context["tanda"],
        "d-TOTAL_FORMS": str(n + len(baru)),
        "d-INITIAL_FORMS": str(n),
        "d-MIN_NUM_FORMS": "0",
        "d-MAX_NUM_FORMS": "1000",
    }
    for i, f in enumerate(formset.forms[:n]):
        data[f"d-{i}-id"] = str(f.instance.pk)
        for name in fields:
            v = f.initial.get(name)
            data[f"d-{i}-{name}"] = "" if v is None else str(v)
    for j, b in enumerate(baru, start=n):
        data |= {f"d-{j}-{k}": v for k, v in b.items()}
    return data


PELATIHAN = ("pegawai", "nama_pelatihan", "tanggal_mulai", "tanggal_selesai")


def test_a_training_is_added_with_history_and_a_stale_page_is_refused(pekanbaru):
    client = Client()
    client.force_login(pengguna("operator.pekanbaru"))
    url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pelatihan-pegawai"])
    baru = {"pegawai": "Pegawai 04", "nama_pelatihan": "Bimtek SAKIP",
            "tanggal_mulai": "2023-11-06", "tanggal_selesai": "2023-11-07"}  # fmt: skip
    data = _kiriman(client, url, PELATIHAN, [baru])
    assert client.post(url, data).status_code == 302
    bimtek = PelatihanPegawai.objects.get(satker=pekanbaru, nama_pelatihan="Bimtek SAKIP")
    assert bimtek.tanggal_selesai == datetime.date(2023, 11, 7)
    assert RiwayatPerubahan.objects.filter(
        object_id=bimtek.pk, field="nama_pelatihan", baru="Bimtek SAKIP"
    ).exists()
    # A colleague changes the date while this page is open: the save is refused (409).
    data = _kiriman(client, url, PELATIHAN, [])
    i = next(k for k, v in data.items() if v == str(bimtek.pk)).split("-")[1]
    PelatihanPegawai.objects.filter(pk=bimtek.pk).update(tanggal_selesai=datetime.date(2023, 11, 8))
    data[f"d-{i}-nama_pelatihan"] = "Bimtek SAKIP 2023"
    response = client.post(url, data)
    assert response.status_code == 409
    assert "tanggal selesai" in pesan(baca(response))[0]
    assert PelatihanPegawai.objects.get(pk=bimtek.pk).nama_pelatihan == "Bimtek SAKIP"


def test_a_member_is_added_to_the_satkers_own_decree_only(pekanbaru, manado):
    kep_manado = KeputusanTimReviu.objects.create(
        satker=manado, tahun=2023, nomor="1 Tahun 2023", tentang="Tim Reviu", tempat="Manado",
        tanggal=datetime.date(2023, 12, 1), penandatangan_jabatan="Kepala BSPJI Manado",
        penandatangan_nama="Kepala",
    )  # fmt: skip
    kep = KeputusanTimReviu.objects.get(satker=pekanbaru)
    client = Client()
    client.force_login(pengguna("operator.pekanbaru"))
    url = reverse("entri-data", args=[pekanbaru.pk, 2023, "anggota-tim-reviu"])
    fields = ("keputusan", "nomor", "nama", "nip", "jabatan", "uraian_tugas")
    assert list(client.get(url).context["formset"].forms[0].fields["keputusan"].queryset) == [kep]
    anggota = {"nomor": "10", "nama": "Anggota Baru", "nip": "198001012005011001",
               "jabatan": "Anggota"}  # fmt: skip
    # Manado's decree: not among the page's choices, nothing saved.
    data = _kiriman(client, url, fields, [anggota | {"keputusan": str(kep_manado.pk)}])
    assert client.post(url, data).status_code == 400
    assert not AnggotaTimReviu.objects.filter(nama="Anggota Baru").exists()
    data = _kiriman(client, url, fields, [anggota | {"keputusan": str(kep.pk)}])
    assert client.post(url, data).status_code == 302
    baru = AnggotaTimReviu.objects.get(nama="Anggota Baru")
    assert (baru.satker_id, baru.keputusan_id, baru.nip) == (pekanbaru.pk, kep.pk,
                                                             "198001012005011001")  # fmt: skip


def test_another_satkers_row_is_refused_on_a_satkers_page(pekanbaru, manado):
    lain = PelatihanPegawai.objects.filter(satker=pekanbaru).first()
    client = Client()
    client.force_login(pengguna("operator.manado"))
    url = reverse("entri-data", args=[manado.pk, 2023, "pelatihan-pegawai"])
    data = _kiriman(client, url, PELATIHAN, [])
    data |= {
        "d-TOTAL_FORMS": "1", "d-INITIAL_FORMS": "1", "d-0-id": str(lain.pk),
        "d-0-pegawai": "Diubah", "d-0-nama_pelatihan": lain.nama_pelatihan,
        "d-0-tanggal_mulai": lain.tanggal_mulai.isoformat(), "d-0-tanggal_selesai": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    galat = [td.teks for td in baca(response).semua("td", kelas="field-error")]
    assert galat == ["Baris ini tidak ada di antara data halaman ini; muat ulang."]
    assert PelatihanPegawai.objects.get(pk=lain.pk).pegawai == lain.pegawai
    # Nor does Manado's page show it, and Pekanbaru's page is a 404 for Manado.
    assert client.get(url).context["formset"].initial_form_count() == 0
    pekanbaru_url = reverse("entri-data", args=[pekanbaru.pk, 2023, "pelatihan-pegawai"])
    assert client.get(pekanbaru_url).status_code == 404


def test_the_entry_hub_lists_the_lakip_tables_with_their_rows(pekanbaru):
    client = Client()
    client.force_login(pengguna("operator.pekanbaru"))
    page = baca(client.get(reverse("entri-isian", args=[pekanbaru.pk, 2023])))
    kartu = next(s for s in page.semua("section", kelas="card")
                 if s.satu("h2").teks == "Tabel laporan tahunan (LAKIP)")  # fmt: skip
    assert [li.teks for li in kartu.semua("li")] == [
        "Keputusan tim reviu (1 baris)",
        "Butir keputusan (21 baris)",  # 2 + 13 + 6
        "Anggota tim reviu (9 baris)",
        "Ruang lingkup laboratorium (52 baris)",  # 48 + 4
        "Kegiatan promosi dan pemasaran (59 baris)",
        "Pelatihan pegawai (176 baris)",
        "Anggaran tahun sebelumnya (4 baris)",  # 2019-2022
        "Pelanggan layanan (20 baris)",
        "Volume layanan (15 baris)",
    ]
