"""The LAKIP annual performance accountability report of a satker (Laporan Kinerja Instansi
Pemerintah), in the structure of BSPJI Pekanbaru's report: memo, review-team decree, cover,
foreword, executive summary, contents; Bab I-IV with one section per indicator (its worked
formula, its earlier years, its supporting data and its narrative); annexes with the PK
measurement, the IKU cascade, quarterly progress, Renstra achievement and the signed PK."""

from __future__ import annotations

from kinerja.choices import TingkatAnggaran
from kinerja.formatting import format_rupiah, romawi
from kinerja.models import Dipa, IndikatorPerjanjian, NarasiIndikator
from kinerja.perhitungan import Status
from kinerja.perhitungan import anggaran as pa
from kinerja.perhitungan.agregasi import NAMA_ATURAN
from kinerja.selectors import anggaran as sel_anggaran
from kinerja.selectors.capaian import konfigurasi
from kinerja.selectors.renstra import capaian_renstra_satker, renstra_satker
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun import anggaran as ta
from laporan.susun import data_dukung
from laporan.susun.pk import bagian_pk
from laporan.susun.umum import (
    HURUF,
    angka_target,
    kumpulkan,
    nota_dinas,
    penandatangan,
    sampul_satker,
    tabel_pk,
    tanda_satker,
    tanpa_html,
    tempat_tanggal,
)
from satker.models import Satker

T = TingkatAnggaran

NARASI_INDIKATOR = (
    ("hasil", "Hasil yang telah dicapai"),
    ("analisis_capaian", "Analisis capaian kinerja"),
    ("perbandingan", "Perbandingan dengan tahun sebelumnya"),
    ("analisis_penyebab", "Analisis penyebab keberhasilan/kegagalan"),
    ("analisis_efisiensi", "Analisis efisiensi penggunaan sumber daya"),
    ("kegiatan_penunjang", "Kegiatan yang menunjang pencapaian kinerja"),
    ("kendala", "Kendala"),
    ("rekomendasi", "Rekomendasi"),
)


class _Lakip:
    """The assembly of one LAKIP, with what its chapters share."""

    def __init__(self, satker: Satker, tahun: int) -> None:
        self.k = kumpulkan(satker, tahun, None, "lakip")
        self.nodes = sel_anggaran.pohon(satker, tahun, bulan=sel_anggaran.SETAHUN)
        self.renstra = renstra_satker(satker, tahun)
        self.baris_renstra = capaian_renstra_satker(self.renstra, tahun) if self.renstra else []
        self.dipa = (
            Dipa.objects.filter(satker=satker, tahun=tahun).prefetch_related("revisi").first()
        )
        self.narasi_indikator = {
            n.indikator_id: n for n in NarasiIndikator.objects.filter(indikator__in=self.k.lines)
        }
        self.data = data_dukung.kumpulkan(satker, tahun, self.k.lines)
        self.pnbp = sel_anggaran.pnbp_per_tahun(satker, range(tahun - 3, tahun + 1))
        capaian = {h.kode: h for h in self.k.hasil.values()}
        self.efisiensi = {
            e.baris.kode: e for e in sel_anggaran.efisiensi_indikator(self.k.lines, capaian)
        }
        self.pagu, _, self.realisasi = sel_anggaran.total_satker(self.nodes, 12)

    @property
    def s(self) -> str:
        return self.k.satker.singkatan

    # --- front matter -------------------------------------------------------------------

    def tabel_capaian(self, judul: str) -> d.Tabel:
        baris = []
        for i, s in enumerate(self.k.sasaran, start=1):
            lines = list(s.indikator.all())
            for j, line in enumerate(lines):
                h = self.k.hasil[line.pk]
                kepala = (
                    [d.angka(i, rowspan=len(lines)), d.teks(s.uraian, rowspan=len(lines))]
                    if j == 0
                    else []
                )
                baris.append(
                    [
                        *kepala,
                        d.teks(f"{line.kode} {line.uraian}"),
                        angka_target(line.target),
                        d.teks(line.get_satuan_display()),
                        d.dari_hasil(h.realisasi),
                        d.dari_hasil(h.capaian, persen_=True),
                    ]
                )
        return d.Tabel(
            judul=judul,
            kepala=[
                d.kolom(
                    "No",
                    "Sasaran Kegiatan",
                    "Indikator Kinerja",
                    "Target",
                    "Satuan",
                    "Realisasi",
                    "Capaian",
                ),
                d.nomor_kolom(7),
            ],
            baris=baris,
            lebar=[4, 24, 34, 8, 10, 10, 10],
            nama_lembar="Target dan Capaian",
        )

    def ringkasan_anggaran(self) -> d.Paragraf:
        pnbp = next((x for x in self.pnbp if x.tahun == self.k.tahun), None)
        persen = pa.persen_terhadap(self.realisasi, self.pagu, pembulatan=konfigurasi().pembulatan)
        teks = (
            f"Realisasi anggaran TA {self.k.tahun} adalah sebesar {format_rupiah(self.realisasi)} "
            f"atau {persen.tampil}% dari pagu anggaran sebesar {format_rupiah(self.pagu)}."
            if self.realisasi is not None
            else f"Pagu anggaran TA {self.k.tahun} sebesar {format_rupiah(self.pagu)}; "
            "realisasi akhir tahun belum tercatat."
        )
        if pnbp and pnbp.total is not None and pnbp.target:
            teks += (
                f" Jumlah penerimaan PNBP {self.s} TA {self.k.tahun} sebesar "
                f"{format_rupiah(pnbp.total)} atau {pnbp.persen_total.tampil}% dari target "
                f"sebesar {format_rupiah(pnbp.target)}."
            )
        return d.Paragraf(teks)

    def depan(self) -> list[d.Bagian]:
        k = self.k
        bagian = []
        if k.teks(B.SK_TIM_REVIU):
            bagian.append(
                d.Bagian(
                    "KEPUTUSAN TENTANG TIM REVIU LAPORAN AKUNTABILITAS KINERJA",
                    isi=k.blok_narasi(B.SK_TIM_REVIU),
                )
            )
        bagian.append(
            d.Bagian(
                "KATA PENGANTAR",
                isi=[
                    *k.blok_narasi(B.KATA_PENGANTAR),
                    d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
                ],
            )
        )
        bagian.append(
            d.Bagian(
                "IKHTISAR EKSEKUTIF",
                isi=[
                    *k.blok_narasi(B.IKHTISAR_EKSEKUTIF),
                    self.tabel_capaian(f"Target dan Capaian Kinerja {self.s} TA. {k.tahun}"),
                    self.ringkasan_anggaran(),
                ],
            )
        )
        return bagian

    # --- Bab I and II ---------------------------------------------------------------------

    def bab_i(self) -> d.Bagian:
        k = self.k
        return d.Bagian(
            "PENDAHULUAN",
            nomor="BAB I",
            anak=[
                d.Bagian("Tugas dan Fungsi Organisasi", "1.1.", 2, k.blok_narasi(B.TUGAS_FUNGSI)),
                d.Bagian("Peran Strategis Organisasi", "1.2.", 2, k.blok_narasi(B.PERAN_STRATEGIS)),
                d.Bagian("Struktur Organisasi", "1.3.", 2, k.blok_narasi(B.STRUKTUR_ORGANISASI)),
            ],
        )

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
        from laporan.susun.pp39 import tabel_rencana_aksi

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

    def tabel_triwulan(self, judul: str) -> d.Tabel:
        """Target antara against realisasi antara of each quarter, and the year's capaian."""
        baris = []
        for line in self.k.lines:
            ra = {r.triwulan: r.target_antara for r in line.rencana_aksi.all()}
            real = {r.triwulan: r.realisasi_antara for r in line.realisasi.all()}
            sel_tw = []
            for tw in (1, 2, 3, 4):
                sel_tw += [d.persen(ra.get(tw), None), d.persen(real.get(tw), None)]
            h = self.k.hasil[line.pk]
            baris.append(
                [
                    d.teks(f"{line.kode} {line.uraian}"),
                    angka_target(line.target),
                    d.teks(line.get_satuan_display()),
                    *sel_tw,
                    d.dari_hasil(h.capaian, persen_=True),
                ]
            )
        return d.Tabel(
            judul=judul,
            kepala=[
                d.kolom(
                    ("Indikator Kinerja", 1, 2),
                    ("Target", 1, 2),
                    ("Satuan", 1, 2),
                    *[(f"Triwulan {romawi(t)}", 2, 1) for t in (1, 2, 3, 4)],
                    ("Capaian tahunan", 1, 2),
                ),
                d.kolom(*(("Target antara", "Realisasi antara") * 4)),
            ],
            baris=baris,
            lebar=[28, 6, 8, *([6.2] * 8), 8],
            lanskap=True,
            kecil=True,
            nama_lembar="Capaian Rencana Aksi",
        )

    def bagian_indikator(self, line: IndikatorPerjanjian) -> d.Bagian:
        k = self.k
        h = k.hasil[line.pk]
        ringkas = d.Tabel(
            judul=f"Capaian indikator {line.kode} TA. {k.tahun}",
            kepala=[
                d.kolom("Indikator Kinerja", "Target", "Satuan", "Realisasi", "Capaian", "Status")
            ],
            baris=[
                [
                    d.teks(line.uraian),
                    angka_target(line.target),
                    d.teks(line.get_satuan_display()),
                    d.dari_hasil(h.realisasi),
                    d.dari_hasil(h.capaian, persen_=True),
                    d.teks(h.status.label, rata="tengah"),
                ]
            ],
            lebar=[40, 9, 11, 12, 13, 14],
            nama_lembar=f"Capaian {line.kode}",
        )
        isi: list[d.Blok] = []
        manual = line.indikator
        if manual is not None:
            isi.append(
                d.Rincian(
                    [
                        ("Kode pedoman", manual.kode),
                        ("Cara menghitung", tanpa_html(manual.cara_menghitung) or "–"),
                        ("Sumber data", tanpa_html(manual.sumber_data) or "–"),
                    ]
                )
            )
        isi.append(ringkas)
        if h.rumus:
            isi.append(d.Paragraf(f"Perhitungan: {h.rumus}", "rumus"))
        if h.realisasi.keterangan:
            isi.append(d.Paragraf(f"Keterangan: {h.realisasi.keterangan}", "catatan"))
        for c in h.catatan:
            isi.append(d.Paragraf(c, "catatan"))
        tahunan = self.tabel_tahun_sebelumnya(line)
        if tahunan:
            isi.append(tahunan)
        isi += data_dukung.blok(line, self.data, k.satker)
        e = self.efisiensi.get(line.kode)
        if e and e.pagu:
            isi.append(
                d.Paragraf(
                    f"Anggaran yang mendukung indikator ini {format_rupiah(e.pagu)}, terealisasi "
                    f"{d.rupiah(e.realisasi_anggaran).teks()} "
                    f"({e.persen_anggaran.tampil}%)."
                )
            )
        narasi = self.narasi_indikator.get(line.pk)
        terisi = False
        for nama, judul in NARASI_INDIKATOR:
            teks = getattr(narasi, nama, "") if narasi else ""
            if teks:
                terisi = True
                isi.append(d.Paragraf(judul, "subjudul"))
                isi += d.narasi(teks)
        if not terisi:
            isi.append(
                d.Paragraf("Narasi analisis indikator ini belum diisi oleh satker.", "kosong")
            )
        return d.Bagian(f"Indikator {line.kode}: {line.uraian}", "", 4, isi, di_daftar_isi=False)

    def tabel_tahun_sebelumnya(self, line: IndikatorPerjanjian) -> d.Tabel | None:
        ir = line.indikator_renstra
        if ir is None:
            return None
        tahun = {t.tahun: t for t in ir.target.all() if t.tahun <= self.k.tahun}
        if not tahun:
            return None
        h = self.k.hasil[line.pk]
        baris = []
        for th in sorted(tahun):
            t = tahun[th]
            realisasi = (
                d.dari_hasil(h.realisasi)
                if th == self.k.tahun
                else (angka_target(t.realisasi) if t.realisasi is not None else d.angka(None))
            )
            baris.append(
                [
                    d.teks(str(th)),
                    angka_target(t.target) if t.target is not None else d.angka(None),
                    realisasi,
                ]
            )
        return d.Tabel(
            judul=f"Target dan realisasi indikator {line.kode} per tahun (Renstra)",
            kepala=[d.kolom("Tahun", "Target", "Realisasi")],
            baris=baris,
            catatan=[
                f"Realisasi {self.k.tahun} dihitung; tahun sebelumnya sebagaimana dilaporkan."
            ],
            lebar=[20, 40, 40],
            nama_lembar=f"Riwayat {line.kode}",
        )

    def tabel_renstra(self, judul: str) -> d.Tabel | None:
        if not self.baris_renstra:
            return None
        r = self.renstra
        tahun = list(range(r.tahun_awal, r.tahun_akhir + 1))
        baris = []
        for b in self.baris_renstra:
            sel_tahun = []
            for th in tahun:
                t = b.tahun.get(th)
                sel_tahun += [
                    angka_target(t.target) if t and t.target is not None else d.angka(None),
                    angka_target(t.realisasi) if t and t.realisasi is not None else d.angka(None),
                ]
            baris.append(
                [
                    d.teks(f"{b.sasaran.kode} {b.indikator.nama}"),
                    d.teks(b.indikator.get_satuan_display() or "–"),
                    *sel_tahun,
                    d.teks(NAMA_ATURAN.get(b.aturan, b.aturan)),
                    d.dari_hasil(b.hasil.target_sd),
                    d.dari_hasil(b.hasil.realisasi_sd),
                    d.dari_hasil(b.hasil.capaian_sd, persen_=True),
                ]
            )
        return d.Tabel(
            judul=judul,
            kepala=[
                d.kolom(
                    ("Sasaran/Indikator", 1, 2),
                    ("Satuan", 1, 2),
                    *[(str(t), 2, 1) for t in tahun],
                    ("Aturan", 1, 2),
                    (f"s.d. {self.k.tahun}", 3, 1),
                ),
                d.kolom(*(("T", "R") * len(tahun)), "Target", "Realisasi", "Capaian"),
            ],
            baris=baris,
            lebar=[26, 7, *([4.5] * (2 * len(tahun))), 7, 7, 7, 7],
            lanskap=True,
            kecil=True,
            catatan=[
                "T: target, R: realisasi tahunan sebagaimana dilaporkan. Capaian s.d. tahun ini "
                "menggabungkan tahun-tahunnya menurut aturan indikator: jumlah (cacah), nilai "
                "terakhir (indeks dan nilai), rata-rata (persentase)."
            ],
            nama_lembar="Capaian Renstra",
        )

    def tabel_anggaran_indikator(self) -> d.Tabel:
        baris = []
        for line in self.k.lines:
            e = self.efisiensi.get(line.kode)
            baris.append(
                [
                    d.teks(f"{line.kode} {line.uraian}"),
                    d.teks(", ".join(e.kode_anggaran) if e and e.kode_anggaran else "–"),
                    d.rupiah(e.pagu if e else None),
                    d.rupiah(e.realisasi_anggaran if e else None),
                    d.dari_hasil(e.persen_anggaran, persen_=True) if e else d.persen(None),
                ]
            )
        return d.Tabel(
            judul="Realisasi Keuangan Berdasarkan Indikator Perjanjian Kinerja "
            f"Tahun {self.k.tahun}",
            kepala=[
                d.kolom(
                    "Indikator Kinerja",
                    "Komponen anggaran pendukung",
                    "Pagu (Rp)",
                    "Realisasi (Rp)",
                    "%",
                )
            ],
            baris=baris,
            lebar=[30, 32, 14, 14, 8],
            kecil=True,
            nama_lembar="Anggaran per Indikator",
        )

    def tabel_efisiensi(self) -> d.Tabel:
        baris = []
        for line in self.k.lines:
            e = self.efisiensi[line.kode]
            h = e.baris
            ef = e.efisiensi
            baris.append(
                [
                    d.teks(f"{line.kode} {line.uraian}"),
                    angka_target(line.target),
                    d.dari_hasil(h.realisasi),
                    d.dari_hasil(h.capaian, persen_=True),
                    d.teks(
                        "Efektif"
                        if ef.efektif
                        else ("Belum efektif" if ef.efektif is False else "–")
                    ),
                    d.rupiah(e.pagu or None),
                    d.rupiah(e.realisasi_anggaran),
                    d.dari_hasil(e.persen_anggaran, persen_=True),
                    d.dari_hasil(ef.ibt) if ef.ibt.nilai is not None else d.rupiah(None),
                    d.dari_hasil(ef.ibr) if ef.ibr.nilai is not None else d.rupiah(None),
                    d.dari_hasil(ef.efisiensi, persen_=True),
                    d.teks(
                        "Efisien"
                        if ef.efisien
                        else ("Tidak efisien" if ef.efisien is False else "–")
                    ),
                ]
            )
        rata = pa.rata_rata(
            [e.efisiensi.efisiensi for e in self.efisiensi.values()],
            pembulatan=konfigurasi().pembulatan,
        )
        return d.Tabel(
            judul=f"Perhitungan Efektivitas dan Efisiensi Kinerja dan Anggaran TA.{self.k.tahun}",
            kepala=[
                d.kolom(
                    ("Indikator", 1, 2),
                    ("Kinerja", 3, 1),
                    ("Efektivitas", 1, 2),
                    ("Anggaran", 3, 1),
                    ("IBT (Rp)", 1, 2),
                    ("IBR (Rp)", 1, 2),
                    ("Efisiensi", 2, 1),
                ),
                d.kolom(
                    "Target",
                    "Realisasi",
                    "%",
                    "Target (Rp)",
                    "Realisasi (Rp)",
                    "%",
                    "%",
                    "Keterangan",
                ),
            ],
            baris=baris,
            kaki=[
                [
                    d.teks("Efisiensi rata-rata", colspan=10, tebal=True),
                    d.dari_hasil(rata, persen_=True, tebal=True),
                    d.teks(""),
                ]
            ],
            lebar=[22, 6, 7, 7, 7, 10, 10, 6, 9, 9, 6, 7],
            lanskap=True,
            kecil=True,
            catatan=[
                "IBT (indeks biaya target) = anggaran / target kinerja; IBR (indeks biaya "
                "realisasi) = realisasi anggaran / realisasi kinerja, dibulatkan ke rupiah; "
                "efisiensi = (IBT − IBR) / IBT × 100%."
            ],
            nama_lembar="Efisiensi",
        )

    def tabel_pnbp(self) -> d.Tabel:
        return d.Tabel(
            judul=f"Persentase PNBP {self.s} terhadap target TA {self._rentang_pnbp()}",
            kepala=[
                d.kolom(
                    "Tahun",
                    "Target (Rp)",
                    "PNBP layanan jasa (Rp)",
                    "%",
                    "Seluruh penerimaan (Rp)",
                    "%",
                )
            ],
            baris=[
                [
                    d.teks(str(x.tahun)),
                    d.rupiah(x.target),
                    d.rupiah(x.layanan),
                    d.dari_hasil(x.persen_layanan, persen_=True),
                    d.rupiah(x.total),
                    d.dari_hasil(x.persen_total, persen_=True),
                ]
                for x in self.pnbp
            ],
            lebar=[10, 20, 20, 10, 20, 10],
            nama_lembar="PNBP terhadap Target",
        )

    def _rentang_pnbp(self) -> str:
        return f"{self.pnbp[0].tahun}-{self.pnbp[-1].tahun}"

    def grafik_pnbp(self) -> d.Grafik:
        return d.Grafik(
            judul=f"Target dan realisasi PNBP {self.s} TA {self._rentang_pnbp()}",
            kategori=[str(x.tahun) for x in self.pnbp],
            seri=[
                d.Seri("Target", [x.target for x in self.pnbp]),
                d.Seri("Realisasi", [x.total for x in self.pnbp]),
            ],
            satuan="Rp",
        )

    def grafik_layanan(self) -> d.Grafik | None:
        per_tahun = self.data.hasil_layanan
        if not per_tahun:
            return None
        tahun = sorted(per_tahun)
        jenis = sorted({j for v in per_tahun.values() for j in v})
        return d.Grafik(
            judul=f"Jumlah hasil layanan jasa {self.s} per jenis dan tahun",
            kategori=[data_dukung._label_pnbp(j) for j in jenis],
            seri=[d.Seri(str(t), [per_tahun[t].get(j) for j in jenis]) for t in tahun],
            satuan="jumlah",
        )

    def bab_iii(self) -> d.Bagian:
        k = self.k
        per_sasaran = []
        for i, s in enumerate(k.sasaran):
            per_sasaran.append(
                d.Bagian(
                    f"Sasaran Kegiatan {romawi(s.nomor)}: {s.uraian}",
                    f"{HURUF[i]}.",
                    3,
                    anak=[self.bagian_indikator(line) for line in s.indikator.all()],
                )
            )
        renstra = [*k.blok_narasi(B.CAPAIAN_RENSTRA)]
        tabel_renstra = self.tabel_renstra(
            f"Capaian Kinerja Renstra {self.s} "
            f"TA. {self.renstra.tahun_awal}-{self.renstra.tahun_akhir}"
            if self.renstra
            else ""
        )
        if tabel_renstra:
            renstra.append(tabel_renstra)
        keuangan = [
            *k.blok_narasi(B.AKUNTABILITAS_KEUANGAN),
            self.tabel_anggaran_indikator(),
            ta.tabel_realisasi_triwulan(
                self.nodes, f"Realisasi Anggaran Kegiatan Per Triwulan Tahun {k.tahun}"
            ),
            ta.tabel_realisasi_anggaran(self.nodes, f"Realisasi Anggaran Kegiatan Tahun {k.tahun}"),
            ta.grafik_rencana_realisasi(
                self.nodes, 4, f"Rencana penarikan dan realisasi anggaran TA {k.tahun}"
            ),
            ta.tabel_deviasi(
                sel_anggaran.deviasi_penarikan(self.nodes, 12),
                f"Deviasi realisasi terhadap rencana penarikan dana TA {k.tahun}",
            ),
        ]
        pnbp = [
            *k.blok_narasi(B.PNBP),
            *[
                t
                for t in [
                    data_dukung.tabel_per_jenis(
                        self.data.pnbp,
                        f"Penerimaan PNBP {self.s} per jenis layanan TA {self._rentang_pnbp()}",
                        True,
                        "PNBP per Tahun",
                    )
                ]
                if t
            ],
            self.tabel_pnbp(),
            self.grafik_pnbp(),
        ]
        layanan = [*k.blok_narasi(B.LAYANAN)]
        t = data_dukung.tabel_per_jenis(
            self.data.hasil_layanan,
            f"Jumlah hasil layanan jasa {self.s} per tahun",
            False,
            "Layanan per Tahun",
        )
        if t:
            layanan.append(t)
        g = self.grafik_layanan()
        if g:
            layanan.append(g)
        return d.Bagian(
            "AKUNTABILITAS KINERJA",
            nomor="BAB III",
            anak=[
                d.Bagian(
                    "Analisis Capaian Kinerja",
                    "3.1.",
                    2,
                    [
                        *k.blok_narasi(B.ANALISIS_CAPAIAN),
                        self.tabel_triwulan(f"Capaian Rencana Aksi Per Triwulan TA. {k.tahun}"),
                    ],
                    [
                        d.Bagian(
                            "Analisis Capaian Kinerja berdasarkan Perjanjian Kinerja "
                            f"TA. {k.tahun}",
                            "3.1.1.",
                            3,
                            anak=per_sasaran,
                        ),
                        d.Bagian(
                            "Analisis Capaian Kinerja berdasarkan Renstra", "3.1.2.", 3, renstra
                        ),
                    ],
                ),
                d.Bagian(
                    f"Capaian Program Prioritas Nasional TA. {k.tahun}",
                    "3.2.",
                    2,
                    k.blok_narasi(B.PROGRAM_PRIORITAS),
                ),
                d.Bagian("Akuntabilitas Keuangan", "3.3.", 2, keuangan),
                d.Bagian("Penerimaan Negara Bukan Pajak", "3.4.", 2, pnbp),
                d.Bagian("Pelanggan dan Hasil Layanan", "3.5.", 2, layanan),
                d.Bagian(
                    "Analisis Efisiensi Sumber Daya",
                    "3.6.",
                    2,
                    [*k.blok_narasi(B.EFISIENSI), self.tabel_efisiensi()],
                    [
                        d.Bagian(
                            "Efisiensi Kinerja berdasarkan aplikasi SMART DJA Kementerian Keuangan",
                            "3.6.1.",
                            3,
                            k.blok_narasi(B.SMART_DJA),
                        )
                    ],
                ),
                d.Bagian("Penghargaan dari Luar Instansi", "3.7.", 2, k.blok_narasi(B.PENGHARGAAN)),
            ],
        )

    # --- Bab IV and the annexes -------------------------------------------------------------

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
                self.ringkasan_anggaran(),
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
            depan=self.depan(),
            bab=[self.bab_i(), self.bab_ii(), self.bab_iii(), self.bab_iv()],
            lampiran=self.lampiran(),
        ).nomori()


def susun(satker: Satker, tahun: int) -> d.Laporan:
    return _Lakip(satker, tahun).susun()
