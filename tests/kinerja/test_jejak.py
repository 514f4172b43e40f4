"""A verified quarter is frozen on every write path, every write is on the record, and a form
carries a fingerprint of what it was opened with, not a copy (issue 11, items 1, 2 and 5's
baseline). Manado's quarter II 2023 is submitted by its head and verified by the reviewer;
then the operator, the importer, the admin, the API and a command try to change it."""

from __future__ import annotations

import datetime
import io
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja import jejak, riwayat, services, siklus
from kinerja.batas import teks_maks
from kinerja.demo_data import FIXTURES_DIR
from kinerja.impor import anggaran as ia
from kinerja.models import (
    ItemAnggaran,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    ProgresAnggaran,
    RealisasiTriwulan,
    RiwayatPerubahan,
)
from laporan.models import NarasiLaporan
from satker.models import Pengguna
from tests.masuk import masuk

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEAF = "6077.AEF.002.051"  # pagu 48.488.000 in Manado's DIPA 2023
PESAN_KUNCI = "Laporan Triwulan II 2023 sudah diverifikasi"


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.fixture
def periode(demo):
    return siklus.buka_periode(
        user=pengguna("reviewer"), tahun=2023, triwulan=2,
        batas=timezone.localdate() + datetime.timedelta(days=10),
    )  # fmt: skip


def _baris(manado, kode: str = "I.1"):
    return next(x for x in siklus.lines_satker(manado, 2023) if x.kode == kode)


def _realisasi(manado, kode: str = "I.1") -> RealisasiTriwulan:
    return RealisasiTriwulan.objects.get(indikator=_baris(manado, kode), triwulan=2)


@pytest.fixture
def diverifikasi(manado, periode):
    """Manado TW II 2023 as the demo holds it (IV.1's activities added), submitted by its head
    and verified by the reviewer, through the cycle's services."""
    iv1 = _realisasi(manado, "IV.1")
    iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
    iv1.save()
    lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=siklus.pelaporan(manado, 2023, 2))
    return siklus.verifikasi(user=pengguna("reviewer"), lap=lap)


def keadaan(manado) -> dict:
    """What a verified TW II reports: its measurements, its budget months and tree, its PNBP
    and its narrative, and the number of history entries (a refused write writes none)."""
    return {
        "realisasi": sorted(
            RealisasiTriwulan.objects.filter(
                indikator__sasaran__perjanjian__satker=manado, triwulan=2
            ).values_list("pk", "realisasi_antara", "nilai_realisasi", "kegiatan", "kendala")
        ),
        "pohon": sorted(
            ItemAnggaran.objects.filter(satker=manado, tahun=2023).values_list(
                "kode_lengkap", "pagu", "uraian", "induk_id"
            )
        ),
        "progres": sorted(
            ProgresAnggaran.objects.filter(
                item__satker=manado, item__tahun=2023, bulan__in=(4, 5, 6)
            ).values_list("pk", "realisasi_keuangan", "realisasi_keuangan_rp", "realisasi_fisik")
        ),
        "pnbp": sorted(PenerimaanPnbp.objects.filter(satker=manado).values_list("pk", "jumlah")),
        "narasi": sorted(
            NarasiLaporan.objects.filter(satker=manado, tahun=2023, triwulan=2).values_list(
                "pk", "teks"
            )
        ),
        "riwayat": RiwayatPerubahan.objects.count(),
    }


def templat_pagu(manado, pagu: int) -> bytes:
    """The structure workbook as the operator downloads it, with LEAF's pagu changed."""
    wb = load_workbook(io.BytesIO(ia.templat(ia.STRUKTUR, manado, 2023)))
    ws = wb["Struktur"]
    kolom = [k.nama for k in ia.KOLOM[ia.STRUKTUR]].index("pagu") + 1
    baris = next(r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=1).value == LEAF)
    assert ws.cell(row=baris, column=kolom).value == 48_488_000
    ws.cell(row=baris, column=kolom).value = pagu
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def pesan(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def data_admin(obj, **ubah) -> dict:
    """The admin change form's data for `obj`, as the browser would send it, with `ubah`."""
    data = {k: ("" if v is None else v) for k, v in model_to_dict(obj).items()}
    data.update(ubah)
    data["_save"] = "Simpan"
    return data


def data_halaman_admin(client, obj, **ubah) -> dict:
    """What the admin's change page of `obj` posts when saved with `ubah`: its form and its
    inline formsets as the page shows them."""
    ctx = client.get(url_admin(obj)).context
    data: dict = {}

    def isi(form) -> None:
        for name in form.fields:
            v = form[name].value()
            if isinstance(v, bool):
                if v:
                    data[form.add_prefix(name)] = "on"
            elif isinstance(v, list | tuple):
                data[form.add_prefix(name)] = [str(x) for x in v]
            else:
                data[form.add_prefix(name)] = "" if v is None else str(v)

    isi(ctx["adminform"].form)
    for inline in ctx["inline_admin_formsets"]:
        isi(inline.formset.management_form)
        for form in inline.formset.forms:
            isi(form)
    return data | ubah | {"_save": "Simpan"}


def url_admin(obj, aksi: str = "change") -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{aksi}", args=[obj.pk])


def url_daftar_admin(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def salin_fixtures(tmp_path, ganti: tuple[str, str, str]) -> Path:
    """The demo fixtures with one text replaced in one file (path, old, new)."""
    tujuan = tmp_path / "fixtures"
    shutil.copytree(FIXTURES_DIR, tujuan)
    berkas, lama, baru = ganti
    teks = (tujuan / berkas).read_text()
    assert teks.count(lama) == 1
    (tujuan / berkas).write_text(teks.replace(lama, baru))
    return tujuan


# --- item 1 and 2: a verified quarter refuses every write path -------------------------------


class TestVerifiedQuarterIsFrozen:
    def test_the_entry_page_refuses_with_the_reason(self, client, manado, diverifikasi):
        sebelum = keadaan(manado)
        client.force_login(pengguna("operator.manado"))
        line = _baris(manado)
        response = client.post(
            reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk]),
            {f"l{line.pk}-realisasi_antara": "10", f"l{line.pk}-tanda": ""},
        )
        assert response.status_code in (400, 403)
        assert "sudah diverifikasi dan terkunci" in response.content.decode()
        assert keadaan(manado) == sebelum

    def test_the_supporting_data_page_refuses_a_receipt_of_the_quarter_keeping_the_rows(
        self, client, manado, diverifikasi
    ):
        """PNBP receipts are measured into TW II's realisasi: one dated in TW II is refused,
        the page comes back with what was typed; one dated in TW III is saved."""
        sebelum = keadaan(manado)
        client.force_login(pengguna("operator.manado"))
        url = reverse("entri-data", args=[manado.pk, 2023, "pnbp"])
        page = client.get(url)
        formset = page.context["formset"]
        n = formset.initial_form_count()
        data = {
            "d-TOTAL_FORMS": str(n + 1), "d-INITIAL_FORMS": str(n), "d-MIN_NUM_FORMS": "0",
            "d-MAX_NUM_FORMS": "1000", "tanda": page.context["tanda"],
        }  # fmt: skip
        for i, f in enumerate(formset.forms[:n]):
            for name in ("tanggal_posisi", "jenis", "jumlah"):
                v = f.initial.get(name)
                data[f"d-{i}-{name}"] = "" if v is None else str(v)
            data[f"d-{i}-id"] = str(f.instance.pk)
        data |= {f"d-{n}-tanggal_posisi": "2023-05-31", f"d-{n}-jenis": "magang",
                 f"d-{n}-jumlah": "1.250.000"}  # fmt: skip
        response = client.post(url, data)
        assert response.status_code == 409
        [m] = [str(x) for x in get_messages(response.wsgi_request)]
        assert m.startswith(
            f"Penerimaan PNBP belum disimpan. {PESAN_KUNCI}, sehingga penerimaan PNBP"
        ), m
        assert response.context["formset"].forms[n]["jumlah"].value() == "1.250.000"
        assert keadaan(manado) == sebelum
        data[f"d-{n}-tanggal_posisi"] = "2023-08-31"
        assert client.post(url, data).status_code == 302
        assert PenerimaanPnbp.objects.filter(
            satker=manado, jenis="magang", tanggal_posisi=datetime.date(2023, 8, 31)
        ).exists()

    def test_a_budget_workbook_changing_a_pagu_is_refused_in_the_preview(
        self, client, manado, diverifikasi
    ):
        """Item 1: 48.488.000 → 49.488.000 behind a verified TW II."""
        sebelum = keadaan(manado)
        client.force_login(pengguna("operator.manado"))
        response = client.post(
            reverse("anggaran-impor", args=[manado.pk, 2023, "struktur"]),
            {"berkas": SimpleUploadedFile("a.xlsx", templat_pagu(manado, 49_488_000), XLSX)},
        )
        html = response.content.decode()
        assert (
            f"{LEAF} (berubah: Pagu (Rp) Rp 48.488.000 → Rp 49.488.000): Triwulan II 2023 sudah "
            "diverifikasi; struktur dan pagu anggaran yang dilaporkannya tidak dapat diubah"
        ) in html
        assert "token" not in response.context or not response.context["token"]
        assert keadaan(manado) == sebelum

    def test_a_plan_read_before_verification_is_refused_when_applied(self, manado, periode):
        """The preview passed while TW II was open; the reviewer verified before the operator
        pressed apply: the write itself is refused, whatever path carries it."""
        operator = pengguna("operator.manado")
        rencana = ia.baca(ia.STRUKTUR, templat_pagu(manado, 49_488_000), manado, 2023)
        assert rencana.sah, rencana.pesan_kesalahan()
        iv1 = _realisasi(manado, "IV.1")
        iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
        iv1.save()
        lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=siklus.pelaporan(manado, 2023, 2))
        siklus.verifikasi(user=pengguna("reviewer"), lap=lap)
        sebelum = keadaan(manado)
        with pytest.raises(ValidationError) as exc:
            services.anggaran_impor(user=operator, satker=manado, tahun=2023, rencana=rencana)
        assert PESAN_KUNCI in str(exc.value)
        assert "item anggaran (struktur RKA-K/L) yang dilaporkannya tidak dapat diubah" in str(
            exc.value
        )
        assert keadaan(manado) == sebelum

    def test_a_realisation_workbook_for_the_quarters_months_is_refused(
        self, client, manado, diverifikasi
    ):
        sebelum = keadaan(manado)
        wb = load_workbook(io.BytesIO(ia.templat(ia.REALISASI, manado, 2023)))
        ws = wb.worksheets[0]
        judul = [c.value for c in ws[4]]
        kolom_bulan = judul.index(ia.KOLOM[ia.REALISASI][1].judul) + 1
        kolom_fisik = [k.nama for k in ia.KOLOM[ia.REALISASI]].index("realisasi_fisik") + 1
        baris = next(
            r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=kolom_bulan).value == 6
        )
        ws.cell(row=baris, column=kolom_fisik).value = 99
        out = io.BytesIO()
        wb.save(out)
        client.force_login(pengguna("operator.manado"))
        response = client.post(
            reverse("anggaran-impor", args=[manado.pk, 2023, "realisasi"]),
            {"berkas": SimpleUploadedFile("r.xlsx", out.getvalue(), XLSX)},
        )
        assert "Triwulan II 2023 sudah diverifikasi; realisasinya tidak dapat diubah" in (
            response.content.decode()
        )
        assert keadaan(manado) == sebelum

    def test_the_admin_change_delete_and_bulk_delete_are_refused_with_the_reason(
        self, admin_client_demo, manado, diverifikasi
    ):
        sebelum = keadaan(manado)
        r = _realisasi(manado)
        # A realised value.
        response = admin_client_demo.post(url_admin(r), data_admin(r, realisasi_antara="10"))
        assert response.status_code == 302
        [m] = pesan(response)
        assert m.startswith(
            f"{PESAN_KUNCI}, sehingga realisasi triwulan dalam laporan itu tidak dapat diubah"
        )
        # A pagu of the tree (the whole year's tree is reported by TW II).
        item = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap=LEAF)
        response = admin_client_demo.post(url_admin(item), data_admin(item, pagu="49488000"))
        assert response.status_code == 302
        assert any("yang dilaporkannya tidak dapat diubah" in m for m in pesan(response))
        # A deletion.
        response = admin_client_demo.post(url_admin(r, "delete"), {"post": "yes"})
        assert response.status_code == 302
        assert any(m.startswith(PESAN_KUNCI) for m in pesan(response))
        # A bulk delete of the quarter's measurements from the list.
        pks = [x[0] for x in sebelum["realisasi"]]
        response = admin_client_demo.post(
            url_daftar_admin(RealisasiTriwulan),
            {"action": "delete_selected", "_selected_action": pks, "post": "yes"},
        )
        assert response.status_code == 302
        assert any(m.startswith(PESAN_KUNCI) for m in pesan(response))
        assert keadaan(manado) == sebelum

    def test_the_orm_refuses_save_update_bulk_create_and_delete(self, manado, diverifikasi):
        """What a command or the shell would do, and what any future path does underneath."""
        sebelum = keadaan(manado)
        r = _realisasi(manado)
        r.realisasi_antara = D("10")
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI):
            r.save()
        qs = RealisasiTriwulan.objects.filter(pk=r.pk)
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI):
            qs.update(kendala="diubah diam-diam")
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI):
            qs.delete()
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI), transaction.atomic():
            r.delete()  # refused inside Django's deletion: the caller's savepoint undoes it
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI):
            ProgresAnggaran.objects.filter(item__satker=manado, bulan=6).update(
                realisasi_fisik=D("1")
            )
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI):
            PenerimaanPnbp.objects.bulk_create(
                [PenerimaanPnbp(satker=manado, jenis=PenerimaanPnbp.objects.filter(
                    satker=manado).values_list("jenis", flat=True).first(),
                    tanggal_posisi=datetime.date(2023, 5, 31), jumlah=1)]
            )  # fmt: skip
        item = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap=LEAF)
        item.pagu = 49_488_000
        with pytest.raises(jejak.TriwulanTerkunci, match="yang dilaporkannya"):
            item.save()
        # A company measured in the quarter: the realisasi of I.1 is computed from such rows.
        ukur = PengukuranPerusahaan(indikator=_baris(manado), tanggal=datetime.date(2023, 5, 2))
        with pytest.raises(jejak.TriwulanTerkunci, match=PESAN_KUNCI):
            ukur.save()
        assert keadaan(manado) == sebelum

    def test_a_command_is_refused_with_a_command_error(self, manado, diverifikasi, tmp_path):
        sebelum = keadaan(manado)
        fixtures = salin_fixtures(
            tmp_path, ("manado/anggaran_2023.yaml", "pagu: 48488000", "pagu: 49488000")
        )
        with pytest.raises(CommandError, match=r"Data demo tidak dimuat .*sudah diverifikasi"):
            call_command("load_demo_data", fixtures=fixtures, stdout=io.StringIO())
        assert keadaan(manado) == sebelum

    def test_the_api_offers_no_write_of_the_quarter(self, manado, diverifikasi):
        sebelum = keadaan(manado)
        api = masuk(Client(), pengguna("admin"))
        line = _baris(manado)
        for url in ("/api/v1/capaian/", "/api/v1/anggaran/"):
            for metode in ("post", "put", "patch", "delete"):
                response = getattr(api, metode)(
                    url, {"id": line.pk, "realisasi": "10"}, content_type="application/json"
                )
                assert response.status_code == 405, (url, metode)
        assert keadaan(manado) == sebelum

    def test_a_refusal_in_the_api_answers_409_with_the_reason(self, rf):
        from kinerja.api.galat import tangani

        response = tangani(jejak.TriwulanTerkunci("Laporan Triwulan II 2023 ..."), {})
        assert (response.status_code, response.data) == (
            409,
            {
                "status": 409,
                "kode": "triwulan_terkunci",
                "pesan": "Laporan Triwulan II 2023 ...",
                "kolom": {},
            },
        )

    def test_after_the_reviewer_reopens_it_the_change_is_allowed_and_recorded(
        self, admin_client_demo, manado, diverifikasi
    ):
        siklus.buka_kembali(user=pengguna("reviewer"), lap=diverifikasi, alasan="Salah ketik")
        r = _realisasi(manado)
        response = admin_client_demo.post(url_admin(r), data_admin(r, realisasi_antara="60"))
        assert response.status_code == 302
        assert _realisasi(manado).realisasi_antara == D("60")
        h = _riwayat(r, "realisasi_antara")
        assert (h.lama, h.baru, h.oleh.username, h.sumber) == ("50", "60", "admin", "admin")

    def test_other_quarters_and_other_satker_stay_open(self, manado, pekanbaru, diverifikasi):
        r3 = RealisasiTriwulan.objects.filter(
            indikator__sasaran__perjanjian__satker=manado, triwulan=3
        ).first() or RealisasiTriwulan(indikator=_baris(manado), triwulan=3)
        r3.kegiatan = "- Triwulan berikutnya"
        r3.save()
        assert RealisasiTriwulan.objects.get(pk=r3.pk).kegiatan == "- Triwulan berikutnya"
        lain = RealisasiTriwulan.objects.filter(
            indikator__sasaran__perjanjian__satker=pekanbaru, triwulan=2
        ).first()
        lain.kendala = "Pekanbaru tidak terkunci"
        lain.save()
        assert RealisasiTriwulan.objects.get(pk=lain.pk).kendala == "Pekanbaru tidak terkunci"


# --- item 2: every write is on the record -----------------------------------------------


def _riwayat(obj, field: str) -> RiwayatPerubahan:
    """The newest history entry of `obj`'s field (the demo load recorded the first one)."""
    return RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, field=field
    ).first()


class TestEveryWriteIsRecorded:
    def test_a_page_save(self, client, manado, periode):
        client.force_login(pengguna("operator.manado"))
        line = _baris(manado)
        page = client.get(reverse("entri-triwulan", args=[manado.pk, 2023, 2]))
        form = next(k["form"] for k in page.context["kartu"] if k["line"].pk == line.pk)
        data = {f"l{line.pk}-{k}": ("" if v is None else v) for k, v in form.initial.items()}
        data[f"l{line.pk}-realisasi_antara"] = "45,5"
        client.post(reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk]), data)
        h = _riwayat(_realisasi(manado), "realisasi_antara")
        assert (h.lama, h.baru, h.oleh.username, h.sumber) == (
            "50", "45,5", "operator.manado", "halaman",
        )  # fmt: skip
        assert h.keterangan.startswith("POST /entri/")
        assert h.uraian_objek == f"{line.kode} {line.uraian} TW II"

    def test_a_budget_import(self, client, manado):
        client.force_login(pengguna("operator.manado"))
        url = reverse("anggaran-impor", args=[manado.pk, 2023, "struktur"])
        response = client.post(
            url, {"berkas": SimpleUploadedFile("a.xlsx", templat_pagu(manado, 49_488_000), XLSX)}
        )
        client.post(url, {"terapkan": "1", "token": response.context["token"]})
        item = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap=LEAF)
        assert item.pagu == 49_488_000
        h = _riwayat(item, "pagu")
        assert (h.lama, h.baru, h.oleh.username, h.sumber) == (
            "48.488.000", "49.488.000", "operator.manado", "impor",
        )  # fmt: skip
        assert h.satker_id == manado.pk

    def test_an_admin_change_and_a_bulk_delete(self, admin_client_demo, manado):
        r = _realisasi(manado)
        admin_client_demo.post(url_admin(r), data_admin(r, kendala="Dikoreksi admin"))
        h = _riwayat(r, "kendala")
        assert (h.baru, h.oleh.username, h.sumber) == ("Dikoreksi admin", "admin", "admin")
        assert h.lama == (r.kendala or "")
        # The item's history in the admin is this record, not Django's own log.
        html = admin_client_demo.get(url_admin(r, "history")).content.decode()
        assert "<td>Dikoreksi admin</td>" in html and "<td>kendala</td>" in html
        pnbp = list(PenerimaanPnbp.objects.filter(satker=manado)[:2])
        admin_client_demo.post(
            url_daftar_admin(PenerimaanPnbp),
            {"action": "delete_selected", "_selected_action": [p.pk for p in pnbp], "post": "yes"},
        )
        assert not PenerimaanPnbp.objects.filter(pk__in=[p.pk for p in pnbp]).exists()
        for p in pnbp:
            h = _riwayat(p, "__hapus__")
            assert (h.oleh.username, h.sumber, h.baru) == ("admin", "admin", "")
            assert f"jumlah (Rp): {riwayat.teks(p.jumlah)}" in h.lama

    def test_an_admin_change_of_a_pk_target(self, admin_client_demo, manado):
        line = _baris(manado, "III.2")
        response = admin_client_demo.post(
            url_admin(line), data_halaman_admin(admin_client_demo, line, target="12")
        )
        assert response.status_code == 302
        h = _riwayat(line, "target")
        assert (h.lama, h.baru, h.oleh.username, h.sumber) == (
            riwayat.teks(line.target), "12", "admin", "admin",
        )  # fmt: skip
        assert h.satker_id == manado.pk

    def test_a_command(self, manado, tmp_path):
        fixtures = salin_fixtures(
            tmp_path, ("manado/anggaran_2023.yaml", "pagu: 48488000", "pagu: 49488000")
        )
        call_command("load_demo_data", fixtures=fixtures, stdout=io.StringIO())
        item = ItemAnggaran.objects.get(satker=manado, tahun=2023, kode_lengkap=LEAF)
        h = _riwayat(item, "pagu")
        assert (h.lama, h.baru, h.oleh, h.sumber) == ("48.488.000", "49.488.000", None, "perintah")

    def test_bulk_update_and_bulk_create(self, manado):
        progres = list(ProgresAnggaran.objects.filter(item__satker=manado, bulan=6)[:3])
        with jejak.konteks(user=pengguna("operator.manado"), sumber=jejak.Sumber.IMPOR):
            ProgresAnggaran.objects.filter(pk__in=[p.pk for p in progres]).update(
                realisasi_fisik=D("77")
            )
        for p in progres:
            h = _riwayat(p, "realisasi_fisik")
            assert (h.lama, h.baru, h.sumber) == (riwayat.teks(p.realisasi_fisik), "77", "impor")
        jenis = PenerimaanPnbp.objects.filter(satker=manado).values_list("jenis", flat=True)[0]
        [baru] = PenerimaanPnbp.objects.bulk_create(
            [PenerimaanPnbp(satker=manado, jenis=jenis, tanggal_posisi=datetime.date(2023, 11, 30),
                            jumlah=1_250_000)]
        )  # fmt: skip
        h = _riwayat(baru, "__buat__")
        assert "jumlah (Rp): 1.250.000" in h.baru and h.sumber == "perintah"

    def test_the_history_is_append_only(self, manado):
        r = _realisasi(manado)
        r.kendala = "Sekali"
        r.save()
        h = _riwayat(r, "kendala")
        h.baru = "dipalsukan"
        with pytest.raises(ValidationError):
            h.save()
        with pytest.raises(ValidationError):
            RiwayatPerubahan.objects.filter(pk=h.pk).update(baru="dipalsukan")
        with pytest.raises(ValidationError):
            RiwayatPerubahan.objects.filter(pk=h.pk).delete()
        with pytest.raises(ValidationError):
            h.delete()
        assert RiwayatPerubahan.objects.get(pk=h.pk).baru == "Sekali"

    def test_the_history_shows_who_and_from_where_on_the_item(
        self, client, admin_client_demo, manado, periode
    ):
        r = _realisasi(manado)
        admin_client_demo.post(url_admin(r), data_admin(r, kendala="Dikoreksi admin"))
        client.force_login(pengguna("operator.manado"))
        html = client.get(reverse("entri-triwulan", args=[manado.pk, 2023, 2])).content.decode()
        assert "(melalui admin)" in html and "Dikoreksi admin" in html


# --- item 5: the form carries a fingerprint, not a copy ---------------------------------------


class TestLightForms:
    def test_the_longest_text_travels_once_and_a_later_save_works(self, client, manado, periode):
        """A 2 MiB text is refused by its length (kinerja.batas); the longest one allowed is
        carried once by the page (in its text area, the baseline holds a fingerprint) and a
        later save of it is not refused as too big."""
        client.force_login(pengguna("operator.manado"))
        line = _baris(manado)
        url_halaman = reverse("entri-triwulan", args=[manado.pk, 2023, 2])
        url = reverse("entri-realisasi", args=[manado.pk, 2023, 2, line.pk])

        def kirim(kendala: str):
            page = client.get(url_halaman)
            form = next(k["form"] for k in page.context["kartu"] if k["line"].pk == line.pk)
            data = {f"l{line.pk}-{k}": ("" if v is None else v) for k, v in form.initial.items()}
            data[f"l{line.pk}-kendala"] = kendala
            return page, client.post(url, data)

        batas = teks_maks(RealisasiTriwulan._meta.get_field("kendala"))
        penutup = " Akhir-kendala-panjang."
        ulang = "Cuaca ekstrem menunda pengukuran di lapangan. " * (batas // 40)
        besar = ulang[: batas - len(penutup) - 20].strip() + penutup
        _, response = kirim(besar)
        assert response.status_code == 302
        assert _realisasi(manado).kendala == besar
        page, response = kirim(besar + " Tambahan.")
        assert response.status_code == 302  # the later save is not refused
        assert _realisasi(manado).kendala == besar + " Tambahan."
        # The page that carried the long text carried it once: in its text area.
        html = page.content.decode()
        assert html.count("Akhir-kendala-panjang.") == 1  # the history shows only its start
        tanda = next(k["form"] for k in page.context["kartu"] if k["line"].pk == line.pk).initial[
            "tanda"
        ]
        assert len(tanda) < 1000

    def test_the_baseline_holds_fingerprints_not_values(self):
        tanda = riwayat.tandai({"kendala": "Tidak ada kendala.", "kegiatan": ""})
        isi = riwayat.baca_tanda(tanda)
        assert isi == {"kendala": riwayat.sidik("Tidak ada kendala."), "kegiatan": ""}
        assert "Tidak ada kendala" not in str(isi)
        assert riwayat.sidik("a") != riwayat.sidik("b")
