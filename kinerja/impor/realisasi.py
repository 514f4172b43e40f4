"""The quarter's measurements of a satker's PK lines as a workbook: one row per line, the
values the quarter page takes. Each row is checked by the page's own form and saved through
the page's service (kinerja.services.realisasi.realisasi_simpan), so an import refuses what
the page refuses, with the same words, under the same lock and history."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.core.exceptions import ValidationError

from kinerja import riwayat, siklus
from kinerja.forms import RealisasiForm
from kinerja.impor.dasar import MENTAH, Kolom, Lingkup, RencanaImpor, Spec, teks
from kinerja.models import IndikatorPerjanjian
from kinerja.services import realisasi as services_realisasi

ISIAN = siklus.ISIAN
_FORM = RealisasiForm()


def _kolom_isian(nama: str, lebar: int) -> Kolom:
    f = _FORM.fields[nama]
    penjelasan = str(f.help_text or f.label)
    return Kolom(nama, str(f.label), penjelasan, lebar, jenis=MENTAH)


class RealisasiTriwulan(Spec):
    """One row per PK line of the year (key: its code, III.2); the quarter comes from the
    page. Lines missing from the file are left as they are."""

    jenis = "realisasi-triwulan"
    judul_lembar = "Realisasi"
    nama = "realisasi triwulan"
    nama_data = "realisasi"
    uraian_riwayat = "Impor realisasi"
    kolom = (
        Kolom("kode", "Kode", "Kode indikator PK (mis. III.2); jangan diubah.", 8),
        Kolom("uraian", "Indikator", "Indikator kinerja PK.", 50, info=True),
        Kolom("target", "Target tahun", "Target tahunan dan satuannya.", 16, info=True),
        Kolom("target_antara", "Target antara (%)", "Target antara triwulan ini.", 12, info=True),
        _kolom_isian("nilai_realisasi", 14),
        _kolom_isian("realisasi_antara", 14),
        _kolom_isian("kegiatan", 50),
        _kolom_isian("analisis", 50),
        _kolom_isian("kendala", 40),
        _kolom_isian("tindak_lanjut", 40),
        _kolom_isian("rekomendasi", 40),
    )
    aturan = (
        "Satu baris per indikator PK; baris yang dihapus dari berkas tidak mengubah apa pun.",
        "Sel kosong mengosongkan isian itu. Angka boleh ditulis 45,12 atau 45.12.",
        "Indikator yang realisasinya dihitung dari data dukung: nilai realisasinya tidak "
        "dapat diimpor (isi data dukungnya); teks lainnya dapat.",
        "Isian diperiksa seperti di halaman triwulan; periode harus terbuka dan laporan "
        "belum diajukan.",
    )

    def _lines(self, lingkup: Lingkup) -> dict[str, IndikatorPerjanjian]:
        return {line.kode: line for line in siklus.lines_satker(lingkup.satker, lingkup.tahun)}

    def _sekarang(self, line: IndikatorPerjanjian, triwulan: int) -> dict[str, str]:
        r = siklus.realisasi_triwulan([line], triwulan).get(line.pk)
        return riwayat.nilai(r, ISIAN)

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        rows = []
        for line in self._lines(lingkup).values():
            r = siklus.realisasi_triwulan([line], lingkup.triwulan).get(line.pk)
            ra = next((x for x in line.rencana_aksi.all() if x.triwulan == lingkup.triwulan), None)
            rows.append(
                {
                    "kode": line.kode,
                    "uraian": line.uraian,
                    "target": f"{riwayat.teks(line.target)} {line.get_satuan_display()}",
                    "target_antara": ra.target_antara if ra else None,
                    **{f: (getattr(r, f) if r else None) for f in ISIAN},
                }
            )
            for f in ISIAN:
                if rows[-1][f] == "":
                    rows[-1][f] = None
        return rows

    def siapkan(self, lingkup: Lingkup) -> dict:
        return {"lines": self._lines(lingkup)}

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        kode = teks(nilai.get("kode"))
        if not kode:
            raise ValueError("kode kosong")
        if kode not in konteks["lines"]:
            raise ValueError(
                f"kode {kode} bukan indikator PK {lingkup.satker.singkatan} {lingkup.tahun}"
            )
        return kode

    def periksa_baris(self, kunci, nilai, lingkup, konteks) -> list[str]:
        """The page's form decides; the values become the texts the history keeps (45,12),
        which is what is compared with the stored ones."""
        line = konteks["lines"][kunci]
        form = RealisasiForm({f: ("" if v is None else v) for f, v in nilai.items()})
        if not form.is_valid():
            return [
                f"{kunci}: {form.fields[f].label}: {pesan}"
                for f, daftar in form.errors.items()
                for pesan in daftar
            ]
        nilai.update({f: riwayat.teks(form.cleaned_data[f]) for f in ISIAN})
        sekarang = self._sekarang(line, lingkup.triwulan)
        if line.indikator.data_dukung and nilai["nilai_realisasi"] != sekarang["nilai_realisasi"]:
            return [
                f"{kunci}: realisasi indikator ini dihitung dari data dukung "
                f"({line.indikator.get_data_dukung_display()}); nilai realisasinya tidak dapat "
                "diimpor: isi data dukungnya, atau ubah nilainya di halaman triwulan"
            ]
        return []

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        return {
            kode: self._sekarang(line, lingkup.triwulan) for kode, line in konteks["lines"].items()
        }

    def periksa_rencana(self, rencana: RencanaImpor, lingkup: Lingkup, konteks: dict) -> None:
        """A quarter the user may not change now (period closed or past its deadline, the
        report submitted or verified): every changed row is refused with the page's reason."""
        if not rencana.perubahan:
            return
        alasan = siklus.alasan_terkunci(
            lingkup.user, lingkup.satker, lingkup.tahun, lingkup.triwulan
        )
        if alasan:
            rencana.kesalahan.extend((p.baris, f"{p.kunci}: {alasan}") for p in rencana.perubahan)

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        lines = self._lines(lingkup)
        for p in rencana.perubahan:
            kunci, nilai = p.data
            line = lines[kunci]
            try:
                services_realisasi.realisasi_simpan(
                    user=lingkup.user,
                    line=line,
                    triwulan=lingkup.triwulan,
                    isian=nilai,
                    # The plan was compared with the stored values when it was previewed, and
                    # again (its fingerprint) just before this write.
                    periksa_versi=lambda r: None,
                )
            except services_realisasi.RealisasiTerkunci as exc:
                raise ValidationError(f"{kunci}: {exc.pesan}") from exc
            except services_realisasi.IsianTidakValid as exc:
                raise ValidationError(
                    [
                        f"{kunci}: {exc.form.fields[f].label}: {m}"
                        for f, daftar in exc.form.errors.items()
                        for m in daftar
                    ]
                ) from exc


SPEC = RealisasiTriwulan()
