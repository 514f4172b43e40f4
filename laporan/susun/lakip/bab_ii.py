"""Bab II: the Renstra matrix, the year's plan, the budget and its revisions, the IKU
cascade."""

from __future__ import annotations

from kinerja.selectors import anggaran as sel_anggaran
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun import anggaran as ta
from laporan.susun.lakip.dasar import LakipDasar, T
from laporan.susun.umum import (
    angka_target,
    tabel_pk,
)


class BabII(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

    def tabel_matriks_renstra(self) -> d.Tabel | None:
        r = self.renstra
        if r is None:
            return None
        tahun = list(range(r.tahun_awal, r.tahun_akhir + 1))
        baris = []
        for s in r.sasaran.all():
            baris.append([d.teks(f"{s.kode} {s.nama}", colspan=3 + len(tahun))])
            for ind in s.indikator.all():
                target = {t.tahun: t for t in ind.target.all()}
                baris.append(
                    [
                        d.angka(ind.nomor),
                        d.teks(ind.nama + (" (IKU)" if ind.iku else "")),
                        d.teks(ind.get_satuan_display() or "–"),
                        *[
                            angka_target(target[t].target)
                            if t in target and target[t].target is not None
                            else d.angka(None)
                            for t in tahun
                        ],
                    ]
                )
        pagu = {p.tahun: p.pagu for p in r.pagu_indikatif.all()}
        kaki = (
            [
                [
                    d.teks("Indikasi pagu (Rp)", colspan=3, tebal=True),
                    *[d.rupiah(pagu.get(t), tebal=True) for t in tahun],
                ]
            ]
            if pagu
            else []
        )
        return d.Tabel(
            judul=f"Matriks target Rencana Strategis {self.s} Tahun {r.tahun_awal}-{r.tahun_akhir}",
            kepala=[
                d.kolom(
                    ("No", 1, 2),
                    ("Sasaran/Indikator", 1, 2),
                    ("Satuan", 1, 2),
                    ("Target", len(tahun), 1),
                ),
                d.kolom(*[str(t) for t in tahun]),
            ],
            baris=baris,
            kaki=kaki,
            lebar=[4, 46, 10, *([40 / len(tahun)] * len(tahun))],
            nama_lembar="Matriks Renstra",
        )

    def tabel_rencana_kinerja(self) -> d.Tabel:
        baris = []
        for line in self.k.lines:
            renstra = line.indikator_renstra
            target_renstra = (
                next((t.target for t in renstra.target.all() if t.tahun == self.k.tahun), None)
                if renstra
                else None
            )
            baris.append(
                [
                    d.teks(line.kode),
                    d.teks(line.uraian),
                    d.teks(line.get_satuan_display()),
                    angka_target(target_renstra) if target_renstra is not None else d.angka(None),
                    angka_target(line.target),
                ]
            )
        return d.Tabel(
            judul=f"Rencana Kinerja {self.s} Tahun {self.k.tahun}",
            kepala=[d.kolom("Kode", "Indikator Kinerja", "Satuan", "Target Renstra", "Target PK")],
            baris=baris,
            lebar=[8, 54, 12, 13, 13],
            catatan=[
                "Target PK yang berbeda dari target Renstra tahun ini ditandai pada "
                "pengukuran kinerja."
            ],
            nama_lembar="Rencana Kinerja",
        )

    def tabel_revisi(self) -> d.Tabel | None:
        dipa = self.dipa
        if dipa is None:
            return None
        baris = [
            [
                d.teks("DIPA awal"),
                d.tanggal(dipa.tanggal),
                d.teks(""),
                d.rupiah(None),
                d.rupiah(dipa.pagu_awal),
                d.rupiah(dipa.blokir_awal),
                d.rupiah(dipa.target_pnbp),
            ]
        ]
        for rs in sel_anggaran.revisi_dengan_semula(dipa):
            r = rs.revisi
            baris.append(
                [
                    d.teks(f"Revisi {r.nomor}"),
                    d.tanggal(r.tanggal),
                    d.teks(r.get_kewenangan_display() if r.kewenangan else "–"),
                    d.rupiah(rs.pagu_semula),
                    d.rupiah(r.pagu),
                    d.rupiah(r.blokir),
                    d.rupiah(r.target_pnbp),
                ]
            )
        return d.Tabel(
            judul=f"Rincian Revisi Anggaran Tahun {self.k.tahun}",
            kepala=[
                d.kolom(
                    "Revisi",
                    "Tanggal",
                    "Kewenangan",
                    "Pagu semula (Rp)",
                    "Pagu menjadi (Rp)",
                    "Blokir (Rp)",
                    "Target PNBP (Rp)",
                )
            ],
            baris=baris,
            lebar=[10, 14, 12, 16, 16, 16, 16],
            kecil=True,
            nama_lembar="Revisi Anggaran",
        )

    def tabel_iku(self) -> d.Tabel:
        """The cascade from the ministry's goals to the satker's PK lines."""
        baris = []
        for line in self.k.lines:
            ir = line.indikator_renstra
            induk = ir.indikator_induk if ir else None
            atas = induk.indikator_induk if induk else None
            baris.append(
                [
                    d.teks(atas.nama if atas else "–"),
                    d.teks(f"{induk.sasaran.kode} {induk.nama}" if induk else "–"),
                    d.teks(f"{line.kode} {line.uraian}"),
                    d.teks(
                        "IKU" if (line.indikator and line.indikator.iku) else "IK", rata="tengah"
                    ),
                ]
            )
        return d.Tabel(
            judul=f"Matriks Alur IKU Kemenperin sampai Perjanjian Kinerja {self.s} "
            f"TA. {self.k.tahun}",
            kepala=[
                d.kolom(
                    "Indikator Kemenperin",
                    "Indikator BSKJI",
                    "Indikator Perjanjian Kinerja",
                    "Jenis",
                )
            ],
            baris=baris,
            lebar=[30, 30, 32, 8],
            kecil=True,
            nama_lembar="Alur IKU",
        )

    def bab_ii(self) -> d.Bagian:
        k = self.k
        from laporan.susun.pp39.bab import tabel_rencana_aksi

        renstra = [*k.blok_narasi(B.RENCANA_STRATEGIS)]
        matriks = self.tabel_matriks_renstra()
        if matriks:
            renstra.append(matriks)
        anggaran = [*k.blok_narasi(B.RENCANA_ANGGARAN)]
        revisi = self.tabel_revisi()
        if revisi:
            anggaran.append(revisi)
        anggaran.append(
            ta.tabel_program_kegiatan(
                self.nodes, f"Kegiatan {self.s} Tahun Anggaran {k.tahun}", sampai=T.KOMPONEN
            )
        )
        return d.Bagian(
            "PERENCANAAN DAN PERJANJIAN KINERJA",
            nomor="BAB II",
            anak=[
                d.Bagian("Rencana Strategis Organisasi", "2.1.", 2, renstra),
                d.Bagian(
                    "Rencana Kinerja",
                    "2.2.",
                    2,
                    [*k.blok_narasi(B.RENCANA_KINERJA), self.tabel_rencana_kinerja()],
                ),
                d.Bagian("Rencana Anggaran", "2.3.", 2, anggaran),
                d.Bagian(
                    "Dokumen Perjanjian Kinerja",
                    "2.4.",
                    2,
                    [
                        *k.blok_narasi(B.PERJANJIAN_KINERJA),
                        tabel_pk(k, f"Perjanjian Kinerja {self.s} Tahun {k.tahun}"),
                        tabel_rencana_aksi(k, f"Rencana Aksi Per Triwulan TA. {k.tahun}"),
                        self.tabel_iku(),
                    ],
                ),
            ],
        )

    # --- Bab III --------------------------------------------------------------------------
