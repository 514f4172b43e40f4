"""Bab III's financial accountability: budget per indicator, efficiency, the budget of the
last five years, PNBP, and the customers, volumes and charts of the services."""

from __future__ import annotations

from kinerja.choices import BesaranLayanan, JenisPnbp
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors import anggaran as sel_anggaran
from kinerja.selectors.capaian import konfigurasi
from laporan import dokumen as d
from laporan.susun import data_dukung
from laporan.susun.lakip.dasar import LakipDasar
from laporan.susun.umum import (
    HURUF,
    angka_target,
)

J = JenisPnbp
# The ministry's table of service volumes (LAKIP Tabel 38): per service kind, what is counted,
# in its order, with the short name its chart gives it ("" when the chart leaves it out).
# "pelanggan" are the kind's customers (its table of customers), "sertifikat" the certificates
# it issued (its service results); the rest are its recorded volumes. Volumes of other kinds
# follow, under the name of what they count.
SUSUNAN_VOLUME: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    (J.RBPI, (("kegiatan", "Jumlah RBPI", "RBPI"),)),
    (
        J.PELATIHAN,
        (
            ("kegiatan", "Jumlah pelatihan", "Pelatihan"),
            ("peserta", "Jumlah peserta yang mengikuti pelatihan", "Peserta"),
        ),
    ),
    (
        J.PENGUJIAN,
        (("pelanggan", "Jumlah pelanggan", ""), ("sampel", "Jumlah sampel uji", "Sampel uji")),
    ),
    (J.KONSULTANSI, (("kegiatan", "Jumlah konsultasi/supervisi", "Konsultasi"),)),
    (J.KALIBRASI, (("pelanggan", "Jumlah pelanggan", ""), ("alat", "Jumlah alat", "Alat"))),
    (
        J.SERTIFIKASI,
        (("pelanggan", "Jumlah pelanggan", ""), ("sertifikat", "Jumlah sertifikat", "Sertifikat")),
    ),
)


class Akuntabilitas(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

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
        rata = sel_anggaran.rata_rata_efisiensi(self.efisiensi.values())
        rata_iku = sel_anggaran.rata_rata_efisiensi(self.efisiensi.values(), iku=True)
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
                ],
                [
                    d.teks("Efisiensi rata-rata indikator kinerja utama (IKU)", colspan=10),
                    d.dari_hasil(rata_iku, persen_=True),
                    d.teks(""),
                ],
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
            kunci="pnbp",
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
            kunci="layanan",
        )

    # --- the budget of the last five years (LAKIP Tabel 34) --------------------------------

    def tabel_perkembangan_anggaran(self) -> d.Tabel | None:
        """Pagu, realisation and their ratio per year: the report's year from the budget
        tree (the figures of the budget tables above), earlier years as recorded."""
        daftar = self.tabel_sumber.anggaran
        if len(daftar) < 2:
            return None
        p = konfigurasi().pembulatan
        tahun = [a.tahun for a in daftar]
        dari_pohon = [str(a.tahun) for a in daftar if a.dari_pohon]
        dicatat = [str(a.tahun) for a in daftar if not a.dari_pohon]
        catatan = []
        if dari_pohon:
            catatan.append(f"TA {', '.join(dari_pohon)}: dihitung dari pohon anggaran aplikasi.")
        if dicatat:
            catatan.append(f"TA {', '.join(dicatat)}: sebagaimana dicatat satker.")
        return d.Tabel(
            judul=f"Perkembangan Realisasi Anggaran {self.s} TA. {tahun[0]}-{tahun[-1]}",
            kepala=[d.kolom("Uraian", *[f"TA. {t}" for t in tahun])],
            baris=[
                [d.teks("Pagu (Rp)"), *[d.rupiah(a.pagu) for a in daftar]],
                [d.teks("Realisasi (Rp)"), *[d.rupiah(a.realisasi) for a in daftar]],
                [
                    d.teks("% Realisasi"),
                    *[
                        d.dari_hasil(
                            pa.persen_terhadap(a.realisasi, a.pagu, pembulatan=p), persen_=True
                        )
                        for a in daftar
                    ],
                ],
            ],
            lebar=[16, *([84 / len(tahun)] * len(tahun))],
            catatan=catatan,
            nama_lembar="Perkembangan Anggaran",
        )

    # --- customers and volumes of the services (LAKIP Tabel 37, 38) ------------------------

    def _tahun_layanan(self) -> list[int]:
        ts = self.tabel_sumber
        ada = set(ts.pelanggan) | {t for v in ts.volume.values() for t in v}
        return [t for t in ts.tahun_layanan if ada and t >= min(ada)]

    def tabel_pelanggan(self) -> d.Tabel | None:
        """Customers per service kind and year, industrial and other, with the year's
        totals summed from the rows."""
        per_tahun = self.tabel_sumber.pelanggan
        if not per_tahun:
            return None
        tahun = self._tahun_layanan()
        jenis = [j for j in JenisPnbp.values if any(j in per_tahun.get(t, {}) for t in tahun)]
        baris = []
        total = {t: [0, 0] for t in tahun}
        for no, j in enumerate(jenis, start=1):
            sel = [d.teks(f"{no}", rata="tengah"), d.teks(JenisPnbp(j).label)]
            for t in tahun:
                p = per_tahun.get(t, {}).get(j)
                industri, non = (p.industri, p.non_industri) if p else (0, 0)
                total[t][0] += industri
                total[t][1] += non
                sel += [d.angka(industri or None), d.angka(non or None)]
            baris.append(sel)
        return d.Tabel(
            judul=f"Jumlah Pelanggan {self.s} TA. {tahun[0]}-{tahun[-1]}",
            kepala=[
                d.kolom(("No", 1, 3), ("Jenis JPT", 1, 3), ("Jumlah Pelanggan", 2 * len(tahun), 1)),
                d.kolom(*[(str(t), 2, 1) for t in tahun]),
                d.kolom(*(("Industri", "Non Industri") * len(tahun))),
            ],
            baris=baris,
            kaki=[
                [
                    d.teks("Total", colspan=2, tebal=True),
                    *[d.angka(n or None, tebal=True) for t in tahun for n in total[t]],
                ]
            ],
            lebar=[5, 23, *([72 / (2 * len(tahun))] * 2 * len(tahun))],
            catatan=["–: tidak ada pelanggan. Total dijumlahkan dari baris di atasnya."],
            nama_lembar="Jumlah Pelanggan",
        )

    def _susunan_volume(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """The rows of the volume table: the ministry's layout, then the volumes of any
        other kind or measure recorded."""
        tercakup = {(j, b) for j, daftar in SUSUNAN_VOLUME for b, _, _ in daftar}
        tambahan: dict[str, list[tuple[str, str, str]]] = {}
        for j, b in sorted(
            self.tabel_sumber.volume, key=lambda x: (JenisPnbp.values.index(x[0]), x[1])
        ):
            if (j, b) not in tercakup:
                label = str(BesaranLayanan(b).label)
                tambahan.setdefault(j, []).append((b, label, f"{JenisPnbp(j).label}: {b}"))
        susunan = [(j, list(daftar)) for j, daftar in SUSUNAN_VOLUME]
        for j, daftar in tambahan.items():
            ada = next((x for x in susunan if x[0] == j), None)
            if ada:
                ada[1].extend(daftar)
            else:
                susunan.append((j, daftar))
        return susunan

    def _volume(self, jenis: str, besaran: str, tahun: int) -> int | None:
        ts = self.tabel_sumber
        if besaran == "pelanggan":
            p = ts.pelanggan.get(tahun, {}).get(jenis)
            return p.jumlah if p else None
        if besaran == "sertifikat":
            return self.data.hasil_layanan.get(tahun, {}).get(jenis)
        return ts.volume.get((jenis, besaran), {}).get(tahun)

    def _baris_volume(self) -> list[tuple[str, list[tuple[str, str, list[int | None]]]]]:
        """Per service kind with any figure, its measures (label, chart label) with their
        yearly figures."""
        tahun = self._tahun_layanan()
        hasil = []
        for j, daftar in self._susunan_volume():
            ukuran = [
                (label, pendek, [self._volume(j, b, t) for t in tahun])
                for b, label, pendek in daftar
            ]
            if any(v for _, _, nilai in ukuran for v in nilai):
                hasil.append((str(JenisPnbp(j).label), ukuran))
        return hasil

    def tabel_volume(self) -> d.Tabel | None:
        if not self.tabel_sumber.volume:
            return None
        tahun = self._tahun_layanan()
        baris = []
        for no, (jenis, ukuran) in enumerate(self._baris_volume(), start=1):
            if len(ukuran) == 1:
                label, _, nilai = ukuran[0]
                baris.append(
                    [
                        d.teks(f"{no}", rata="tengah"),
                        d.teks(f"{jenis} ({label})"),
                        *[d.angka(v or None) for v in nilai],
                    ]
                )
                continue
            baris.append(
                [
                    d.teks(f"{no}", rata="tengah", rowspan=len(ukuran) + 1),
                    d.teks(jenis),
                    d.teks("", colspan=len(tahun)),
                ]
            )
            for i, (label, _, nilai) in enumerate(ukuran):
                baris.append([d.teks(f"{HURUF[i]}. {label}"), *[d.angka(v or None) for v in nilai]])
        return d.Tabel(
            judul="Jumlah Sampel/Alat/Sertifikat/Pelatihan/Riset/Konsultasi "
            f"TA. {tahun[0]}-{tahun[-1]}",
            kepala=[
                d.kolom(
                    ("No", 1, 2),
                    ("Jenis JPT", 1, 2),
                    ("Jumlah Sampel/Alat/Sertifikat/Pelatihan/Riset/Konsultasi", len(tahun), 1),
                ),
                d.kolom(*[f"TA {t}" for t in tahun]),
            ],
            baris=baris,
            lebar=[5, 43, *([52 / len(tahun)] * len(tahun))],
            catatan=[
                "Jumlah pelanggan dari tabel jumlah pelanggan; jumlah sertifikat dari hasil "
                "layanan jasa (sertifikat yang diterbitkan). –: tidak ada."
            ],
            nama_lembar="Volume Layanan",
        )

    def grafik_volume(self) -> d.Grafik | None:
        if not self.tabel_sumber.volume:
            return None
        tahun = self._tahun_layanan()
        kategori, nilai = [], []
        for _, ukuran in self._baris_volume():
            for _, pendek, per_tahun in ukuran:
                if pendek:
                    kategori.append(pendek)
                    nilai.append(per_tahun)
        return d.Grafik(
            judul=f"Jumlah Sampel/Alat/Sertifikat/Pelatihan/Riset/Konsultasi {self.s} "
            f"TA. {tahun[0]}-{tahun[-1]}",
            kategori=kategori,
            seri=[d.Seri(str(t), [v[i] for v in nilai]) for i, t in enumerate(tahun)],
            satuan="jumlah",
            kunci="volume_layanan",
        )
