"""The front matter (memo, review-team decree, cover, foreword, executive summary) and
Bab I with the laboratories' scopes."""

from __future__ import annotations

from kinerja.choices import BagianKeputusan, JenisLaboratorium
from kinerja.formatting import diktum, format_tanggal
from kinerja.models import AnggotaTimReviu, KeputusanTimReviu
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun.lakip.dasar import LakipDasar
from laporan.susun.umum import (
    HURUF,
    penandatangan,
    sisipkan,
    tempat_tanggal,
)

# Where the narrative of Bab I 1.2 may place the scope tables ([[tabel:...]]), and what the
# report says when a placed table has no data.
LINGKUP = {
    JenisLaboratorium.PENGUJIAN: "ruang-lingkup-pengujian",
    JenisLaboratorium.KALIBRASI: "ruang-lingkup-kalibrasi",
}


class Depan(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

    def depan(self) -> list[d.Bagian]:
        k = self.k
        return [
            d.Bagian(
                "KATA PENGANTAR",
                isi=[
                    *k.blok_narasi(B.KATA_PENGANTAR),
                    d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
                ],
            ),
            d.Bagian(
                "IKHTISAR EKSEKUTIF",
                isi=[
                    *sisipkan(
                        k.blok_narasi(B.IKHTISAR_EKSEKUTIF),
                        {
                            "target-dan-capaian": [
                                self.tabel_capaian(
                                    f"Target dan Capaian Kinerja {self.s} TA. {k.tahun}"
                                )
                            ]
                        },
                    ),
                    *self.ringkasan_anggaran_bila_tidak_disebut(B.IKHTISAR_EKSEKUTIF),
                ],
            ),
        ]

    # --- the review-team decree, before the cover ---------------------------------------

    def keputusan_tim_reviu(self) -> list[d.Bagian]:
        """The decree forming the review team, laid out as a decree (title, considerations,
        legal bases, decisions, signature) with the team in its annex; on pages without the
        report's running header. A satker that wrote its decree as narrative text (before the
        decree was data) gets that text on such pages."""
        kep = self.tabel_sumber.keputusan
        if kep is None:
            if not self.k.teks(B.SK_TIM_REVIU):
                return []
            return [
                d.Bagian(
                    "KEPUTUSAN TENTANG TIM REVIU LAPORAN AKUNTABILITAS KINERJA",
                    isi=self.k.blok_narasi(B.SK_TIM_REVIU),
                    di_daftar_isi=False,
                    tanpa_kepala=True,
                )
            ]
        butir = self.tabel_sumber.butir
        pejabat = kep.penandatangan_jabatan.upper()
        isi: list[d.Blok] = [
            d.Paragraf(pejabat, "tengah"),
            d.Paragraf(f"NOMOR {kep.nomor.upper()}", "tengah"),
            d.Paragraf("TENTANG", "tengah"),
            d.Paragraf(kep.tentang.upper(), "tengah"),
            d.Paragraf("DENGAN RAHMAT TUHAN YANG MAHA ESA", "tengah"),
            d.Paragraf(f"{pejabat},", "tengah"),
        ]
        menimbang = [b.teks for b in butir.get(BagianKeputusan.MENIMBANG, [])]
        if menimbang:
            penanda = [f"{HURUF[i]}." for i in range(len(menimbang))]
            isi.append(d.Daftar(menimbang, penanda=penanda, label="Menimbang"))
        mengingat = [b.teks for b in butir.get(BagianKeputusan.MENGINGAT, [])]
        if mengingat:
            penanda = [f"{i}." for i in range(1, len(mengingat) + 1)]
            isi.append(d.Daftar(mengingat, True, penanda, label="Mengingat"))
        memutuskan = butir.get(BagianKeputusan.MEMUTUSKAN, [])
        isi += [
            d.Paragraf("MEMUTUSKAN:", "tengah"),
            d.Rincian(
                [
                    ("Menetapkan", kep.menetapkan),
                    *[(diktum(i), b.teks) for i, b in enumerate(memutuskan, start=1)],
                ]
            ),
            d.TandaTangan(
                [self._penetap(kep)],
                f"Ditetapkan di {kep.tempat}\npada tanggal {format_tanggal(kep.tanggal)}",
            ),
        ]
        lampiran: list[d.Blok] = [
            d.Rincian(
                [
                    ("Nomor", kep.nomor.upper()),
                    ("Tanggal", format_tanggal(kep.tanggal).upper()),
                    ("Tentang", kep.tentang.upper()),
                ]
            ),
        ]
        if self.tabel_sumber.anggota:
            lampiran.append(self.tabel_tim_reviu(kep, self.tabel_sumber.anggota))
        else:
            lampiran.append(d.Paragraf("Anggota tim reviu belum diisi.", "kosong"))
        lampiran.append(d.TandaTangan([self._penetap(kep)]))
        return [
            d.Bagian("KEPUTUSAN", isi=isi, di_daftar_isi=False, tanpa_kepala=True),
            d.Bagian(
                f"LAMPIRAN KEPUTUSAN {pejabat}",
                isi=lampiran,
                di_daftar_isi=False,
                tanpa_kepala=True,
            ),
        ]

    @staticmethod
    def _penetap(kep: KeputusanTimReviu) -> d.Penandatangan:
        return d.Penandatangan(
            kep.penandatangan_jabatan.upper(),
            kep.penandatangan_nama.upper(),
            kep.penandatangan_nip,
        )

    @staticmethod
    def tabel_tim_reviu(kep: KeputusanTimReviu, anggota: list[AnggotaTimReviu]) -> d.Tabel:
        """The team in the decree's annex, its columns numbered 1-4 as the decree's second
        decision refers to them. A duty shared by consecutive members is one merged cell, as
        the decree prints it."""
        baris = []
        for i, a in enumerate(anggota):
            nama = a.nama + (f"\nNIP {a.nip}" if a.nip else "")
            sel = [d.teks(f"{i + 1}.", rata="tengah"), d.teks(nama), d.teks(a.jabatan)]
            if i == 0 or a.uraian_tugas != anggota[i - 1].uraian_tugas or not a.uraian_tugas:
                rentang = 1
                while (
                    a.uraian_tugas
                    and i + rentang < len(anggota)
                    and anggota[i + rentang].uraian_tugas == a.uraian_tugas
                ):
                    rentang += 1
                sel.append(d.teks(a.uraian_tugas, rowspan=rentang))
            baris.append(sel)
        return d.Tabel(
            judul=f"Susunan Keanggotaan {kep.tentang}",
            kepala=[d.kolom("No", "Nama", "Jabatan", "Uraian Tugas"), d.nomor_kolom(4)],
            baris=baris,
            lebar=[6, 30, 16, 48],
            nama_lembar="Tim Reviu",
        )

    # --- Bab I ------------------------------------------------------------------------------

    def tabel_ruang_lingkup(self, laboratorium: str) -> d.Tabel | None:
        """A laboratory's scope as Bab I lists it (LAKIP Tabel 2, 3), with whether KAN
        accredits each line."""
        daftar = self.tabel_sumber.ruang_lingkup.get(laboratorium, [])
        if not daftar:
            return None
        pengujian = laboratorium == JenisLaboratorium.PENGUJIAN
        baris = []
        for r in daftar:
            rincian = r.rincian.strip().splitlines()
            if not pengujian and len(rincian) > 1:
                rincian = [f"- {x.strip()}" for x in rincian]
            baris.append(
                [
                    d.teks(f"{r.nomor}", rata="tengah"),
                    d.teks(r.lingkup),
                    d.teks("\n".join(x.strip() for x in rincian)),
                    d.teks("Ya" if r.terakreditasi else "Belum", rata="tengah"),
                ]
            )
        judul = JenisLaboratorium(laboratorium).label.replace("Laboratorium", "").strip()
        return d.Tabel(
            judul=f"Ruang Lingkup Laboratorium {judul.capitalize()}",
            kepala=[
                d.kolom(
                    "No",
                    "Komoditi" if pengujian else "Kelompok Pengukuran",
                    "Standar Acuan"
                    if pengujian
                    else "Jenis alat/standar/bahan yang dikalibrasi/diukur",
                    "Terakreditasi KAN",
                )
            ],
            baris=baris,
            lebar=[6, 40, 36, 18] if pengujian else [6, 32, 44, 18],
            nama_lembar=f"Lingkup {judul.capitalize()}",
        )

    def bab_i(self) -> d.Bagian:
        k = self.k
        peran = sisipkan(
            k.blok_narasi(B.PERAN_STRATEGIS),
            {
                kunci: [t] if (t := self.tabel_ruang_lingkup(lab)) else []
                for lab, kunci in LINGKUP.items()
            },
            kosong={
                kunci: f"Ruang lingkup {JenisLaboratorium(lab).label.lower()} belum diisi."
                for lab, kunci in LINGKUP.items()
            },
        )
        return d.Bagian(
            "PENDAHULUAN",
            nomor="BAB I",
            anak=[
                d.Bagian("Tugas dan Fungsi Organisasi", "1.1.", 2, k.blok_narasi(B.TUGAS_FUNGSI)),
                d.Bagian("Peran Strategis Organisasi", "1.2.", 2, peran),
                d.Bagian("Struktur Organisasi", "1.3.", 2, k.blok_narasi(B.STRUKTUR_ORGANISASI)),
            ],
        )
