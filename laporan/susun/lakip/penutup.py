"""Bab IV (conclusions), the annexes (ending with the indicator manual) and the report as a
whole."""

from __future__ import annotations

from kinerja.formatting import romawi
from kinerja.perhitungan import Status
from kinerja.selectors.narasi import nilai_satker
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun.lakip.dasar import LakipDasar
from laporan.susun.lakip.pedoman import lampiran_pedoman
from laporan.susun.pk import bagian_pk
from laporan.susun.umum import (
    angka_target,
    nota_dinas,
    penandatangan,
    sampul_satker,
    tanda_satker,
    tempat_tanggal,
)


class Penutup(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

    def bab_iv(self) -> d.Bagian:
        k = self.k
        status = [k.hasil[line.pk].status for line in k.lines]
        return d.Bagian(
            "PENUTUP",
            nomor="BAB IV",
            isi=[
                d.Paragraf(
                    f"Dari {len(status)} indikator kinerja {self.s} TA {k.tahun}, "
                    f"{status.count(Status.TERCAPAI)} mencapai atau melampaui target, "
                    f"{status.count(Status.PERLU_PERHATIAN)} perlu perhatian, "
                    f"{status.count(Status.TIDAK_TERCAPAI)} tidak tercapai dan "
                    f"{status.count(Status.TIDAK_DAPAT_DINILAI)} belum dapat dinilai "
                    "(dihitung dari data aplikasi)."
                ),
                *self.ringkasan_anggaran_bila_tidak_disebut(B.PENUTUP),
            ],
            anak=[
                d.Bagian("Kesimpulan", "4.1.", 2, k.blok_narasi(B.PENUTUP)),
                d.Bagian("Permasalahan dan Kendala", "4.2.", 2, k.blok_narasi(B.PERMASALAHAN)),
                d.Bagian(
                    "Saran dan Rekomendasi",
                    "4.3.",
                    2,
                    [
                        *k.blok_narasi(B.REKOMENDASI),
                        d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
                    ],
                ),
            ],
        )

    def tabel_pengukuran(self) -> d.Tabel:
        baris = []
        for line in self.k.lines:
            h = self.k.hasil[line.pk]
            baris.append(
                [
                    d.teks(romawi(line.sasaran.nomor), rata="tengah"),
                    d.teks(f"{line.kode} {line.uraian}"),
                    angka_target(line.target),
                    d.teks(line.get_satuan_display()),
                    d.dari_hasil(h.realisasi),
                    d.dari_hasil(h.capaian, persen_=True),
                    d.teks(h.status.label),
                ]
            )
        return d.Tabel(
            judul=f"Pengukuran Kinerja {self.s} Tahun {self.k.tahun}",
            kepala=[
                d.kolom(
                    "Sasaran",
                    "Indikator Kinerja",
                    "Target",
                    "Satuan",
                    "Realisasi",
                    "Capaian",
                    "Status",
                )
            ],
            baris=baris,
            lebar=[8, 40, 8, 10, 10, 11, 12],
            nama_lembar="Pengukuran Kinerja",
        )

    def lampiran(self) -> list[d.Bagian]:
        k = self.k
        lampiran = [
            d.Bagian(
                f"Pengukuran Kinerja Tahun {k.tahun}",
                isi=[self.tabel_pengukuran(), d.TandaTangan([penandatangan(k)], tempat_tanggal(k))],
            ),
            d.Bagian("Matriks Alur IKU", isi=[self.tabel_iku()]),
            d.Bagian(
                "Capaian Rencana Aksi Per Triwulan",
                isi=[
                    self.tabel_triwulan(
                        f"Capaian Rencana Aksi Per Triwulan TA. {k.tahun} (lampiran)"
                    )
                ],
                lanskap=True,
            ),
        ]
        renstra = self.tabel_renstra(f"Capaian Renstra {self.s} s.d. Tahun {k.tahun} (lampiran)")
        if renstra:
            lampiran.append(d.Bagian("Capaian Renstra", isi=[renstra], lanskap=True))
        lampiran.extend(bagian_pk(k))
        lampiran.append(lampiran_pedoman(k))  # last, as the LAKIP ends with the manual
        return lampiran

    def susun(self) -> d.Laporan:
        k = self.k
        return d.Laporan(
            jenis="lakip",
            judul=f"Laporan Kinerja (LAKIP) {k.tahun}",
            satker=self.s,
            periode=f"Tahun Anggaran {k.tahun}",
            tanda=tanda_satker(k.satker),
            sampul=d.Sampul(
                ["LAPORAN KINERJA", "INSTANSI PEMERINTAH", f"TAHUN {k.tahun}"],
                sampul_satker(k.satker),
                str(k.tahun + 1)
                if k.identitas and k.identitas.tanggal and k.identitas.tanggal.year > k.tahun
                else str(k.tahun),
            ),
            nota_dinas=nota_dinas(k, f"Penyampaian Laporan Akuntabilitas Kinerja TA. {k.tahun}"),
            sebelum_sampul=self.keputusan_tim_reviu(),
            depan=self.depan(),
            bab=[self.bab_i(), self.bab_ii(), self.bab_iii(), self.bab_iv()],
            lampiran=self.lampiran(),
            nilai=nilai_satker(k.satker.pk, k.tahun, None, k.lines, k.hasil),
        ).nomori()
