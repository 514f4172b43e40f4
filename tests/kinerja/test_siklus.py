"""The reporting cycle's rules, through its services and pages: periods and deadlines, who may
change and submit what, completeness, the transitions and their log, the snapshot a verified
quarter's report prints, the history of changes and the refusal of a stale save."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja import riwayat, siklus
from kinerja.models import (
    CatatanReviu,
    PelaporanTriwulan,
    PeriodePelaporan,
    PeristiwaPelaporan,
    RealisasiTriwulan,
    RiwayatPerubahan,
    SnapshotPelaporan,
    StatusPelaporan,
)
from kinerja.selectors.capaian import hitung_capaian
from satker.models import Pengguna
from tests import langsung
from tests.halaman import baca
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

S = StatusPelaporan


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def periode(demo) -> PeriodePelaporan:
    return siklus.buka_periode(
        user=pengguna("reviewer"),
        tahun=2023,
        triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )


@pytest.fixture
def lengkap(manado, periode):
    """Manado's quarter II as the demo data hold it, made complete where it is not (IV.1's
    activities are not described in the source)."""
    iv1 = RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker=manado, indikator__nomor=1,
        indikator__sasaran__nomor=4, triwulan=2,
    )  # fmt: skip
    iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    iv1.save()
    return siklus.pelaporan(manado, 2023, 2)


class TestPeriods:
    def test_a_quarter_is_closed_until_opened_and_after_closing(self, manado, demo):
        operator = pengguna("operator.manado")
        assert siklus.alasan_terkunci(operator, manado, 2023, 3) == (
            "Periode pelaporan Triwulan III 2023 belum dibuka oleh Sekretariat."
        )
        p = siklus.buka_periode(
            user=pengguna("reviewer"), tahun=2023, triwulan=3, batas=timezone.localdate()
        )
        assert siklus.alasan_terkunci(operator, manado, 2023, 3) is None
        siklus.tutup_periode(user=pengguna("reviewer"), periode_=p)
        assert siklus.alasan_terkunci(operator, manado, 2023, 3) == (
            "Periode pelaporan Triwulan III 2023 sudah ditutup."
        )

    def test_the_deadline_and_one_satkers_extension(self, manado, periode):
        operator = pengguna("operator.manado")
        nanti = periode.batas + datetime.timedelta(days=1)
        assert "sudah lewat; mintalah perpanjangan" in siklus.alasan_terkunci(
            operator, manado, 2023, 2, hari_ini=nanti
        )
        siklus.perpanjang(
            user=pengguna("reviewer"), periode_=periode, satker=manado,
            batas=periode.batas + datetime.timedelta(days=7), alasan="Kepala balai dinas luar",
        )  # fmt: skip
        assert siklus.alasan_terkunci(operator, manado, 2023, 2, hari_ini=nanti) is None

    def test_reopening_with_a_later_deadline_is_not_cut_short_by_an_extension(
        self, manado, periode
    ):
        reviewer, operator = pengguna("reviewer"), pengguna("operator.manado")
        hari = timezone.localdate()
        siklus.perpanjang(
            user=reviewer, periode_=periode, satker=manado,
            batas=hari + datetime.timedelta(days=15), alasan="Kepala balai dinas luar",
        )  # fmt: skip
        siklus.tutup_periode(user=reviewer, periode_=periode)
        siklus.buka_periode(
            user=reviewer, tahun=2023, triwulan=2, batas=hari + datetime.timedelta(days=30)
        )
        hari_20 = hari + datetime.timedelta(days=20)
        assert siklus.alasan_terkunci(operator, manado, 2023, 2, hari_ini=hari_20) is None

    def test_only_the_secretariat_manages_periods_and_rules_hold(self, manado, periode):
        with pytest.raises(PermissionDenied):
            siklus.buka_periode(
                user=pengguna("kepala.manado"), tahun=2023, triwulan=4, batas=periode.batas
            )
        with pytest.raises(ValidationError, match="Triwulan II 2023 sudah dibuka"):
            siklus.buka_periode(
                user=pengguna("reviewer"), tahun=2023, triwulan=2, batas=periode.batas
            )
        with pytest.raises(ValidationError) as exc:
            siklus.perpanjang(
                user=pengguna("reviewer"), periode_=periode, satker=manado,
                batas=periode.batas, alasan="",
            )  # fmt: skip
        assert set(exc.value.message_dict) == {"batas", "alasan"}


class TestWhoMay:
    def test_roles(self, manado, pekanbaru, demo):
        assert siklus.boleh_mengisi(pengguna("operator.manado"), manado)
        assert not siklus.boleh_mengisi(pengguna("operator.manado"), pekanbaru)
        assert not siklus.boleh_mengisi(pengguna("reviewer"), manado)  # reviewers read
        assert siklus.boleh_mengajukan(pengguna("kepala.manado"), manado)
        assert not siklus.boleh_mengajukan(pengguna("operator.manado"), manado)


class TestCompleteness:
    def test_what_is_missing_is_listed_per_line(self, manado, periode):
        kurang = siklus.kelengkapan(manado, 2023, 2)
        # The demo data leave IV.1's activities of quarter II undescribed.
        assert [k.pesan for k in kurang] == ["IV.1: realisasi kegiatan belum diuraikan."]

    def test_a_line_behind_its_target_needs_kendala_and_tindak_lanjut(self, manado, lengkap):
        i1 = RealisasiTriwulan.objects.get(
            indikator__sasaran__perjanjian__satker=manado, indikator__sasaran__nomor=1,
            triwulan=2,
        )  # fmt: skip
        i1.realisasi_antara = D("30")  # target antara 50%: 60,00% progress
        i1.kendala = ""
        i1.tindak_lanjut = ""
        i1.save()
        assert [k.pesan for k in siklus.kelengkapan(manado, 2023, 2)] == [
            "I.1: progres di bawah target; kendala wajib diisi.",
            "I.1: progres di bawah target; tindak lanjut wajib diisi.",
        ]
        with pytest.raises(ValidationError) as exc:
            siklus.ajukan(user=pengguna("kepala.manado"), lap=lengkap)
        assert "I.1: progres di bawah target; kendala wajib diisi." in exc.value.messages
        assert PelaporanTriwulan.objects.get(pk=lengkap.pk).status == S.DRAF


class TestTransitions:
    def test_submit_return_correct_resubmit_verify_reopen_all_recorded(self, manado, lengkap):
        kepala, reviewer = pengguna("kepala.manado"), pengguna("reviewer")
        with pytest.raises(PermissionDenied):
            siklus.ajukan(user=pengguna("operator.manado"), lap=lengkap)
        lap = siklus.ajukan(user=kepala, lap=lengkap)
        assert lap.status == S.DIAJUKAN
        assert "sudah diajukan dan sedang direviu" in siklus.alasan_terkunci(
            pengguna("operator.manado"), manado, 2023, 2
        )
        line = siklus.lines_satker(manado, 2023)[1]
        with pytest.raises(ValidationError, match="setidaknya satu catatan"):
            siklus.kembalikan(user=reviewer, lap=lap, catatan=[(line, "  ")])
        lap = siklus.kembalikan(user=reviewer, lap=lap, catatan=[(line, "Lengkapi nama IKM.")])
        assert lap.status == S.DIKEMBALIKAN
        assert siklus.alasan_terkunci(pengguna("operator.manado"), manado, 2023, 2) is None
        lap = siklus.ajukan(user=kepala, lap=lap)
        assert CatatanReviu.objects.get(pelaporan=lap).diselesaikan is not None
        with pytest.raises(PermissionDenied):
            siklus.verifikasi(user=kepala, lap=lap)
        lap = siklus.verifikasi(user=reviewer, lap=lap)
        assert siklus.alasan_terkunci(pengguna("operator.manado"), manado, 2023, 2) == (
            "Laporan Triwulan II 2023 sudah diverifikasi dan terkunci."
        )
        with pytest.raises(ValidationError, match="alasan"):
            siklus.buka_kembali(user=reviewer, lap=lap, alasan="")
        lap = siklus.buka_kembali(user=reviewer, lap=lap, alasan="Koreksi nilai SAKIP")
        assert lap.status == S.DIKEMBALIKAN
        log = list(
            PeristiwaPelaporan.objects.filter(pelaporan=lap).values_list("aksi", "oleh__username")
        )
        assert log == [
            ("diajukan", "kepala.manado"),
            ("dikembalikan", "reviewer"),
            ("diajukan", "kepala.manado"),
            ("diverifikasi", "reviewer"),
            ("dibuka_kembali", "reviewer"),
        ]
        assert list(
            SnapshotPelaporan.objects.filter(pelaporan=lap).values_list("versi", flat=True)
        ) == [1, 2]

    def test_a_verified_quarters_report_prints_the_snapshot(self, manado, lengkap):
        from laporan.susun import pp39

        lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=lengkap)
        siklus.verifikasi(user=pengguna("reviewer"), lap=lap)
        line = siklus.lines_satker(manado, 2023)[0]
        sebelum = next(
            b
            for b in SnapshotPelaporan.objects.get(pelaporan=lap).data["baris"]
            if b["kode"] == line.kode
        )
        # The data change after verification, written straight into the table (every path of
        # the application refuses it: kinerja.jejak): the report of the verified quarter
        # still prints the submitted progress.
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        langsung.ubah(r, realisasi_antara=10)
        [segar] = hitung_capaian([line], 2)
        assert segar.realisasi_antara == D("10")
        laporan = pp39.susun(manado, 2023, 2)
        tabel = next(t for t in laporan.tabel() if t.nama_lembar.startswith("Pengukuran"))
        baris = next(
            b for b in tabel.baris if any(s.nilai == f"{line.kode} {line.uraian}" for s in b)
        )
        realisasi_antara = [s for s in baris if s.jenis == "persen"][2]  # after capaian, target
        assert str(realisasi_antara.nilai) == sebelum["realisasi_antara"] == "50"  # not 10

    def test_the_reviewer_judges_the_figures_as_submitted(self, client, manado, lengkap):
        lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=lengkap)
        line = siklus.lines_satker(manado, 2023)[0]
        # Changed behind the cycle's back after submission, straight in the table (every path
        # of the application refuses it: kinerja.jejak; the live figures follow): the review
        # still shows 50.
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        langsung.ubah(r, realisasi_antara=10)
        [segar] = hitung_capaian([line], 2)
        assert segar.realisasi_antara == D("10")
        masuk(client, pengguna("reviewer"))
        response = client.get(reverse("reviu-detail", args=[lap.pk]))
        b = next(b for b in response.context["baris"] if b["line"].pk == line.pk)
        assert b["hasil"].realisasi_antara == D("50")

    def test_the_reviewer_sees_what_the_texts_state_that_cannot_be_printed(
        self, client, manado, lengkap
    ):
        from laporan.models import NarasiLaporan

        line = siklus.lines_satker(manado, 2023)[0]
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        r.kendala = "Rinciannya pada Tabel 5."
        r.save()
        NarasiLaporan.objects.update_or_create(
            satker=manado, jenis="pp39", tahun=2023, triwulan=2, bagian="penutup",
            defaults={"teks": "Kesimpulan sebagai berikut:"},
        )  # fmt: skip
        masuk(client, pengguna("reviewer"))
        page = baca(client.get(reverse("reviu-detail", args=[lengkap.pk])))
        kartu = page.satu("section", id=f"l{line.pk}")
        assert [d.teks for d in kartu.semua("div", kelas="field-warning")] == [
            "Kendala: “Tabel 5” diketik sebagai nomor; tulis {tabel:nama} agar nomornya selalu "
            "nomor di laporan ini."
        ]
        bagian = page.satu("section", id="temuan-narasi")
        assert [d.teks for d in bagian.semua("div", kelas="field-warning")] == [
            "Penutup / kesimpulan: Kalimat “…Kesimpulan sebagai berikut:” diakhiri titik dua "
            "tanpa rincian."
        ]

    def test_a_snapshot_cannot_be_changed(self, lengkap):
        lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=lengkap)
        snap = SnapshotPelaporan.objects.get(pelaporan=lap)
        snap.data = {}
        with pytest.raises(ValidationError):
            snap.save()


class TestHistoryAndConflicts:
    URL_ARGS = None

    def _post(self, client, manado, line, **data):
        url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])
        return client.post(url, {f"l{line.pk}-{k}": v for k, v in data.items()})

    def _tanda(self, client, manado, line) -> str:
        page = client.get(reverse("entri-triwulan", args=[manado.pk, 2023, 2]))
        form = next(k["form"] for k in page.context["kartu"] if k["line"].pk == line.pk)
        return form.initial["tanda"]

    def test_a_save_records_who_when_old_and_new(self, client, manado, periode):
        client.force_login(pengguna("operator.manado"))
        line = siklus.lines_satker(manado, 2023)[0]
        tanda = self._tanda(client, manado, line)
        response = self._post(
            client,
            manado,
            line,
            realisasi_antara="45,5",
            kegiatan="- Rapat koordinasi",
            tanda=tanda,
        )
        assert response.status_code == 302
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        assert r.realisasi_antara == D("45.50")  # typed the Indonesian way
        changes = {
            h.field: (h.lama, h.baru, h.oleh.username)
            for h in RiwayatPerubahan.objects.filter(object_id=r.pk, sumber="halaman")
        }
        assert changes["realisasi_antara"] == ("50", "45,5", "operator.manado")
        assert changes["kegiatan"][2] == "operator.manado"

    def test_the_second_of_two_concurrent_saves_is_refused_and_shows_what_changed(
        self, client, manado, periode
    ):
        line = siklus.lines_satker(manado, 2023)[0]
        client.force_login(pengguna("operator.manado"))
        tanda_operator = self._tanda(client, manado, line)  # both open the form
        kepala = pengguna("kepala.manado")
        from django.test import Client

        lain = Client()
        lain.force_login(kepala)
        tanda_kepala = self._tanda(lain, manado, line)
        assert (
            self._post(lain, manado, line, realisasi_antara="55", tanda=tanda_kepala).status_code
            == 302
        )
        response = self._post(client, manado, line, realisasi_antara="40", tanda=tanda_operator)
        assert response.status_code == 409
        html = response.content.decode()
        assert "Data ini telah diubah oleh Kepala BSPJI Manado" in html
        assert "realisasi antara (%): “50” menjadi “55”" in html
        # Nothing overwritten; what the operator typed is still in the form.
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == D("55")
        form = next(k["form"] for k in response.context["kartu"] if k["line"].pk == line.pk)
        assert form["realisasi_antara"].value() == "40"

    def test_invalid_input_keeps_what_was_typed_and_saves_nothing(self, client, manado, periode):
        client.force_login(pengguna("operator.manado"))
        line = siklus.lines_satker(manado, 2023)[0]
        response = self._post(
            client, manado, line, realisasi_antara="seratus", kegiatan="- Ditulis", tanda=""
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "Masukkan angka, mis. 45,12." in html
        form = next(k["form"] for k in response.context["kartu"] if k["line"].pk == line.pk)
        assert (form["realisasi_antara"].value(), form["kegiatan"].value()) == (
            "seratus",
            "- Ditulis",
        )
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).kegiatan != "- Ditulis"

    def test_stale_signature_is_not_trusted(self):
        assert riwayat.baca_tanda("bukan-tanda") is None
        # The form carries fingerprints of what it was opened with, not the values.
        assert riwayat.baca_tanda(riwayat.tandai({"a": "1", "b": ""})) == {
            "a": riwayat.sidik("1"),
            "b": "",
        }
        assert riwayat.sidik("1") != "1"
        with pytest.raises(riwayat.TandaTidakSah):
            riwayat.awal_dari("bukan-tanda")

    def test_a_form_without_its_signature_overwrites_nothing(self, client, manado, periode):
        client.force_login(pengguna("operator.manado"))
        line = siklus.lines_satker(manado, 2023)[0]
        response = self._post(client, manado, line, realisasi_antara="40", kegiatan="- X")
        assert response.status_code == 409
        assert "tidak membawa tanda data saat dibuka" in response.content.decode()
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == 50
        # The page now carries the baseline: saving again applies.
        form = next(k["form"] for k in response.context["kartu"] if k["line"].pk == line.pk)
        response = self._post(
            client, manado, line, realisasi_antara="40", kegiatan="- X", tanda=form["tanda"].value()
        )
        assert response.status_code == 302
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == 40


class TestAddresses:
    def test_a_quarter_or_year_out_of_range_is_not_found(self, client, manado, periode):
        client.force_login(pengguna("kepala.manado"))
        line = siklus.lines_satker(manado, 2023)[0]
        for url in (
            f"/entri/satker/{manado.pk}/2023/tw5/ajukan/",
            f"/entri/satker/{manado.pk}/2023/tw0/indikator/{line.pk}/pratinjau/",
            f"/entri/satker/{manado.pk}/2023/tw5/indikator/{line.pk}/",
            f"/entri/satker/{manado.pk}/1999/tw2/",
            f"/entri/satker/{manado.pk}/99999/pk/",
        ):
            assert client.post(url).status_code == 404, url

    def test_a_year_without_pk_says_so_instead_of_complete(self, client, manado):
        client.force_login(pengguna("kepala.manado"))
        response = client.get(reverse("entri-triwulan", args=[manado.pk, 2024, 1]))
        html = response.content.decode()
        assert "Perjanjian Kinerja tahun 2024 belum ada." in html
        assert "Semua isian lengkap" not in html


def test_live_figures_are_computed_without_saving(client, manado, periode):
    client.force_login(pengguna("operator.manado"))
    line = siklus.lines_satker(manado, 2023)[0]
    url = reverse("entri-pratinjau", args=[manado.pk, 2023, 2, line.pk])
    response = client.post(url, {f"l{line.pk}-realisasi_antara": "25"})
    html = response.content.decode()
    # 25 / 50 (target antara) = 50,00%: not reached.
    assert 'data-hasil="capaian_antara">50,00%' in html
    assert "Tidak tercapai" in html
    assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == D("50")


def test_password_reset_mail_in_indonesian(client, demo, mailoutbox):
    user = pengguna("operator.manado")
    user.email = "operator@bspjimanado.go.id"
    user.save()
    response = client.post(reverse("password_reset"), {"email": user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.subject == "Atur ulang kata sandi Kinerja BSKJI"
    assert "Nama pengguna Anda: operator.manado" in mail.body
    assert "/akun/atur-ulang/" in mail.body
