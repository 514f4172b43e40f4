"""The quarter page card by card: a save sent by the page's script answers the card alone
(saved, or refused with what was typed and the reason at the card); a line computed from
supporting data offers no value field and says where its value comes from; the quarter's
progress status and the year's capaian status are shown apart."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja import siklus
from kinerja.models import (
    PengukuranPerusahaan,
    PeriodePelaporan,
    RealisasiTriwulan,
    RiwayatPerubahan,
)
from satker.models import Pengguna, Satker
from tests import langsung
from tests.halaman import Elemen, baca

pytestmark = pytest.mark.django_db

SKRIP = {"HTTP_X_REQUESTED_WITH": "fetch"}


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
def operator(client, manado) -> Client:
    client.force_login(pengguna("operator.manado"))
    return client


def halaman(client: Client, satker: Satker, triwulan: int = 2) -> Elemen:
    response = client.get(reverse("entri-triwulan", args=[satker.pk, 2023, triwulan]))
    assert response.status_code == 200
    return baca(response)


def kartu(page: Elemen, line) -> Elemen:
    return page.satu("section", id=f"l{line.pk}")


def tanda(client: Client, satker: Satker, line) -> str:
    return (
        kartu(halaman(client, satker), line).satu("input", name=f"l{line.pk}-tanda").attrs["value"]
    )


def simpan(client: Client, satker: Satker, line, **data):
    url = reverse("entri-realisasi", args=[satker.pk, 2023, 2, line.pk])
    return client.post(url, {f"l{line.pk}-{k}": v for k, v in data.items()}, **SKRIP)


def nilai_isian(el: Elemen, name: str) -> str:
    tag = el.semua(name=name)
    assert len(tag) == 1, name
    t = tag[0]
    return t.attrs.get("value", "") if t.tag == "input" else t.teks.strip()


class TestSimpanPerKartu:
    def test_a_saved_card_comes_back_alone_with_its_stored_values_and_message(
        self, operator, manado, periode
    ):
        line, lain = siklus.lines_satker(manado, 2023)[:2]
        response = simpan(
            operator,
            manado,
            line,
            realisasi_antara="45,5",
            kegiatan="- Rapat koordinasi per kartu",
            tanda=tanda(operator, manado, line),
        )
        assert response.status_code == 200
        jawab = response.json()
        assert jawab["tersimpan"] is True
        card = baca(jawab["kartu"]).satu("section")
        assert card.attrs["id"] == f"l{line.pk}"  # this card, not another
        # No element or field of the other card (its id, its fields' names and ids); a bare
        # "l2" may occur inside a random token.
        for jejak_lain in (f'id="l{lain.pk}"', f'name="l{lain.pk}-', f'id="id_l{lain.pk}-'):
            assert jejak_lain not in jawab["kartu"]
        assert "data-belum-tersimpan" not in card.attrs
        pesan = card.satu("li", kelas="message")
        assert "success" in pesan.kelas()
        assert pesan.teks.startswith(f"{line.kode} tersimpan sebagai draf")
        assert nilai_isian(card, f"l{line.pk}-realisasi_antara") == "45,5"
        assert nilai_isian(card, f"l{line.pk}-kegiatan") == "- Rapat koordinasi per kartu"
        # The checklist comes along, and the change is in the card's history.
        assert baca(jawab["kelengkapan"]).satu("section").attrs["id"] == "kelengkapan"
        assert "Rapat koordinasi per kartu" in card.satu("details", kelas="history").teks
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        assert r.realisasi_antara == D("45.5")
        # The message was given at the card: the next page does not repeat it at its top.
        assert "tersimpan sebagai draf" not in halaman(operator, manado).teks

    def test_a_stale_save_is_refused_at_the_card_keeping_what_was_typed(
        self, operator, manado, periode
    ):
        line = siklus.lines_satker(manado, 2023)[0]
        dibuka = tanda(operator, manado, line)
        kepala = Client()
        kepala.force_login(pengguna("kepala.manado"))
        assert (
            simpan(
                kepala, manado, line, realisasi_antara="55", tanda=tanda(kepala, manado, line)
            ).json()["tersimpan"]
            is True
        )
        response = simpan(
            operator, manado, line, realisasi_antara="40", kegiatan="- Ketikan saya", tanda=dibuka
        )
        assert response.status_code == 409
        jawab = response.json()
        assert jawab["tersimpan"] is False
        card = baca(jawab["kartu"]).satu("section")
        assert "data-belum-tersimpan" in card.attrs
        pesan = card.satu("li", kelas="message")
        assert "error" in pesan.kelas()
        assert "Data ini telah diubah oleh Kepala BSPJI Manado" in pesan.teks
        assert "realisasi antara (%): “50” menjadi “55”" in pesan.teks
        assert nilai_isian(card, f"l{line.pk}-realisasi_antara") == "40"
        assert nilai_isian(card, f"l{line.pk}-kegiatan") == "- Ketikan saya"
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == 55
        # The card now carries today's baseline: saving it again applies, knowingly.
        baru = card.satu("input", name=f"l{line.pk}-tanda").attrs["value"]
        assert baru != dibuka
        ulang = simpan(
            operator, manado, line, realisasi_antara="40", kegiatan="- Ketikan saya", tanda=baru
        )
        assert ulang.json()["tersimpan"] is True
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == 40

    def test_invalid_input_is_marked_at_its_field_and_nothing_is_saved(
        self, operator, manado, periode
    ):
        line = siklus.lines_satker(manado, 2023)[0]
        sebelum = RealisasiTriwulan.objects.get(indikator=line, triwulan=2).kegiatan
        response = simpan(
            operator,
            manado,
            line,
            realisasi_antara="150",
            kegiatan="- Tidak disimpan",
            tanda=tanda(operator, manado, line),
        )
        assert response.status_code == 400
        card = baca(response.json()["kartu"]).satu("section")
        field = card.satu("div", kelas="has-error")
        assert field.satu("div", kelas="field-error").teks == "Realisasi antara antara 0 dan 100."
        assert nilai_isian(field, f"l{line.pk}-realisasi_antara") == "150"
        assert nilai_isian(card, f"l{line.pk}-kegiatan") == "- Tidak disimpan"
        assert "periksa isian yang ditandai" in card.satu("li", kelas="message").teks
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).kegiatan == sebelum

    def test_a_locked_quarter_refuses_at_the_card(self, operator, manado, demo):
        # No period open for quarter II: nothing may be saved.
        line = siklus.lines_satker(manado, 2023)[0]
        response = simpan(
            operator, manado, line, realisasi_antara="10", tanda=tanda(operator, manado, line)
        )
        assert response.status_code == 403
        card = baca(response.json()["kartu"]).satu("section")
        assert "belum dibuka" in card.satu("li", kelas="message").teks
        assert nilai_isian(card, f"l{line.pk}-realisasi_antara") == "10"
        assert RealisasiTriwulan.objects.get(indikator=line, triwulan=2).realisasi_antara == 50

    def test_without_the_script_the_form_still_posts_the_whole_page(
        self, operator, manado, periode
    ):
        line = siklus.lines_satker(manado, 2023)[0]
        url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])
        response = operator.post(
            url,
            {
                f"l{line.pk}-realisasi_antara": "45",
                f"l{line.pk}-tanda": tanda(operator, manado, line),
            },
        )
        assert response.status_code == 302
        assert response["Location"].endswith(f"/2023/tw2/#l{line.pk}")


class TestDihitungDariDataDukung:
    def test_a_computed_line_shows_its_value_its_source_and_a_link(self, client, pekanbaru):
        client.force_login(pengguna("operator.pekanbaru"))
        line = next(x for x in siklus.lines_satker(pekanbaru, 2023) if x.kode == "III.2")
        card = kartu(halaman(client, pekanbaru, 4), line)
        # No value field: a typed value would be ignored.
        assert card.semua("input", name=f"l{line.pk}-nilai_realisasi") == []
        assert card.semua("input", name=f"l{line.pk}-realisasi_antara") != []
        blok = card.satu("div", kelas="computed")
        # Service PNBP to 31 December 2023 against 2022: 436.735.250 / 120.047.000 = 363,80%.
        assert blok.satu("strong").teks == "363,80"
        assert "Dihitung dari data dukung: PNBP layanan jasa (posisi per tanggal)." in blok.teks
        assert "31 Desember 2023" in blok.teks
        link = blok.satu("a")
        assert link.attrs["href"] == f"/entri/satker/{pekanbaru.pk}/2023/data-dukung/pnbp/"
        assert link.teks == "Buka halaman data dukung"

    def test_an_external_score_says_who_records_it(self, client, pekanbaru):
        client.force_login(pengguna("operator.pekanbaru"))
        line = next(x for x in siklus.lines_satker(pekanbaru, 2023) if x.kode == "VIII.1")
        blok = kartu(halaman(client, pekanbaru, 4), line).satu("div", kelas="computed")
        assert blok.semua("a") == []
        assert "dicatat oleh Sekretariat" in blok.teks

    def test_a_line_entered_directly_keeps_its_value_field(self, client, manado):
        client.force_login(pengguna("operator.manado"))
        line = siklus.lines_satker(manado, 2023)[0]
        langsung.ubah_definisi(line.indikator, data_dukung="", metode="input_langsung")
        card = kartu(halaman(client, manado), line)
        assert len(card.semua("input", name=f"l{line.pk}-nilai_realisasi")) == 1
        assert card.semua("div", kelas="computed") == []

    def test_saving_a_computed_line_keeps_its_stored_value(self, operator, manado, periode):
        line = siklus.lines_satker(manado, 2023)[0]
        assert line.indikator.data_dukung  # Manado's I.1: company measurements
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        langsung.ubah(r, nilai_realisasi=D("12.5"))
        jejak_sebelum = RiwayatPerubahan.objects.filter(object_id=r.pk, field="nilai_realisasi")
        n = jejak_sebelum.count()
        response = simpan(
            operator,
            manado,
            line,
            realisasi_antara="50",
            kegiatan="- Pengukuran di dua IKM",
            nilai_realisasi="99",  # sent by hand: the page offers no such field
            tanda=tanda(operator, manado, line),
        )
        assert response.json()["tersimpan"] is True
        r.refresh_from_db()
        assert r.kegiatan == "- Pengukuran di dua IKM"
        assert r.nilai_realisasi == D("12.5")
        assert RiwayatPerubahan.objects.filter(object_id=r.pk, field="nilai_realisasi").count() == n

    def test_the_live_figures_of_a_computed_line_keep_its_stored_value(
        self, operator, manado, periode
    ):
        # With no company measurement, the line falls back to its reported value (7); the
        # live figures must not drop it because the form has no value field.
        line = siklus.lines_satker(manado, 2023)[0]
        PengukuranPerusahaan.objects.filter(indikator=line).delete()
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        langsung.ubah(r, nilai_realisasi=D(7))
        url = reverse("entri-pratinjau", args=[manado.pk, 2023, 2, line.pk])
        html = operator.post(url, {f"l{line.pk}-realisasi_antara": "50"}).content.decode()
        nilai = baca(html).satu("span", **{"data-hasil": "realisasi"}).teks
        halaman_nilai = kartu(halaman(operator, manado), line).satu(
            "span", **{"data-hasil": "realisasi"}
        )
        assert nilai == halaman_nilai.teks == "7,00"  # reported to 2 decimals


class TestStatus:
    def _line(self, manado):
        line = siklus.lines_satker(manado, 2023)[0]
        # Entered directly, target 10 in the year; quarter II on plan (50 of 50).
        langsung.ubah_definisi(line.indikator, data_dukung="", metode="input_langsung")
        langsung.ubah(line, target=D(10))
        return line

    def _status(self, card: Elemen) -> dict[str, str]:
        hasil = {}
        for div in card.satu("div", kelas="hasil-grid").semua("div"):
            label = div.satu("span", kelas="hasil-label").teks
            badge = div.semua("span", kelas="badge")
            if badge:
                hasil[label] = badge[0].teks
        return hasil

    def test_progress_and_capaian_are_shown_apart_and_labelled(self, operator, manado):
        line = self._line(manado)
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        langsung.ubah(r, realisasi_antara=D(50), nilai_realisasi=D(4))
        card = kartu(halaman(operator, manado), line)
        # Progress 50 / 50 = 100 %: on plan. Capaian 4 / 10 = 40 %: not reached (yet).
        assert self._status(card) == {
            "Status progres TW II": "Tercapai",
            "Status capaian tahun": "Tidak tercapai",
        }

    def test_without_a_realisasi_the_capaian_is_not_judged_reached(self, operator, manado):
        line = self._line(manado)
        r = RealisasiTriwulan.objects.get(indikator=line, triwulan=2)
        langsung.ubah(r, realisasi_antara=D(50), nilai_realisasi=None)
        card = kartu(halaman(operator, manado), line)
        assert card.satu("span", **{"data-hasil": "realisasi"}).teks == "–"
        # On plan (50 of 50), labelled as progress; no capaian without a realisasi.
        assert self._status(card) == {
            "Status progres TW II": "Tercapai",
            "Status capaian tahun": "Tidak dapat dinilai",
        }
