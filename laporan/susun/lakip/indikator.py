"""Bab III per indicator: quarterly progress, the section of each indicator with its
worked formula, its earlier years, the activities behind it (promotion for the PNBP, staff
trainings for professionalism) and its narrative, and Renstra achievement."""

from __future__ import annotations

from kinerja.choices import Bulan, DataDukung
from kinerja.formatting import format_rupiah, rentang_tanggal, romawi
from kinerja.models import IndikatorPerjanjian
from kinerja.perhitungan.agregasi import NAMA_ATURAN
from laporan import dokumen as d
from laporan.susun import data_dukung
from laporan.susun.lakip.dasar import NARASI_INDIKATOR, LakipDasar
from laporan.susun.umum import (
    angka_target,
    blok_gambar,
    penanda_gambar,
    tanpa_html,
    tempatkan_gambar,
)


class Indikator(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

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
            versi = k.versi(line)
            isi.append(
                d.Rincian(
                    [
                        ("Kode pedoman", manual.kode),
                        ("Versi pedoman", f"berlaku mulai {versi.berlaku_mulai}"),
                        ("Cara menghitung", tanpa_html(versi.cara_menghitung) or "–"),
                        ("Sumber data", tanpa_html(versi.sumber_data) or "–"),
                    ]
                )
            )
        isi.append(ringkas)
        if h.rumus:
            isi.append(d.Paragraf(f"Perhitungan: {h.rumus}", "rumus"))
        if h.realisasi.keterangan:
            isi.append(d.Paragraf(f"Keterangan: {h.realisasi.keterangan}", "catatan"))
        for c in h.catatan:  # the application's remarks: for the reviewer, not the reader
            isi.append(d.Paragraf(f"{line.kode}: {c}", "reviu"))
        tahunan = self.tabel_tahun_sebelumnya(line)
        if tahunan:
            isi.append(tahunan)
        isi += self.tabel_sumber_indikator(line)
        isi += data_dukung.blok(line, self.data, k.satker, k.versi(line).data_dukung)
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
        teks_per = {n: (getattr(narasi, n, "") if narasi else "") for n, _ in NARASI_INDIKATOR}
        blok_per = {n: d.narasi(t) for n, t in teks_per.items() if t}
        # The line's pictures (photos of its activities): where a text places them, the
        # others after the analysis of its achievement, where the source's "Dokumentasi
        # kegiatan" stands (or after the last text written).
        gambar = k.gambar_indikator.get(line.pk, [])
        ditandai = set().union(*(penanda_gambar(b) for b in blok_per.values()))
        sisa = [g for g in gambar if g.kunci not in ditandai]
        sesudah = "analisis_capaian" if "analisis_capaian" in blok_per else None
        sesudah = sesudah or next(reversed(blok_per), None)
        for nama, judul in NARASI_INDIKATOR:
            if nama not in blok_per:
                continue
            isi.append(d.Paragraf(judul, "subjudul"))
            isi += tempatkan_gambar(blok_per[nama], gambar, sisa=False)
            if nama == sesudah:
                isi += [blok_gambar(g) for g in sisa]
        if not blok_per:
            isi.append(
                d.Paragraf("Narasi analisis indikator ini belum diisi oleh satker.", "kosong")
            )
            isi += [blok_gambar(g) for g in sisa]
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
            dihitung = self.hasil_renstra.get(b.indikator.pk)
            for th in tahun:
                t = b.tahun.get(th)
                if th == self.k.tahun and dihitung is not None:
                    realisasi = d.dari_hasil(dihitung.realisasi)  # as computed, its decimals
                elif t and t.realisasi is not None:
                    realisasi = angka_target(t.realisasi)
                else:
                    realisasi = d.angka(None)
                sel_tahun += [
                    angka_target(t.target) if t and t.target is not None else d.angka(None),
                    realisasi,
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
                f"T: target, R: realisasi; R {self.k.tahun} dihitung dari Perjanjian Kinerja tahun "
                "ini, tahun sebelumnya sebagaimana dilaporkan. Capaian s.d. tahun ini "
                "menggabungkan tahun-tahunnya menurut aturan indikator: jumlah (cacah), nilai "
                "terakhir (indeks dan nilai), rata-rata (persentase)."
            ],
            nama_lembar="Capaian Renstra",
        )

    # --- the activities behind an indicator (LAKIP Tabel 12, 24) ----------------------------

    def tabel_sumber_indikator(self, line: IndikatorPerjanjian) -> list[d.Blok]:
        """The promotion activities in the section of the (first) line the service PNBP
        measures, the staff trainings in that of the (first) professionalism line: where the
        LAKIP explains its realisasi with them."""
        tabel = {
            DataDukung.PNBP_LAYANAN: self.tabel_promosi,
            DataDukung.PROFESIONALITAS_ASN: self.tabel_pelatihan,
        }
        for jenis, buat in tabel.items():
            pertama = next(
                (x for x in self.k.lines if self.k.versi(x).data_dukung == jenis),
                None,
            )
            if pertama is line:
                t = buat()
                return [t] if t else []
        return []

    def tabel_promosi(self) -> d.Tabel | None:
        daftar = self.tabel_sumber.promosi
        if not daftar:
            return None
        baris = []
        for i, p in enumerate(daftar):
            sel = [d.teks(p.uraian)]
            if i == 0 or p.bulan != daftar[i - 1].bulan:
                n = sum(1 for x in daftar if x.bulan == p.bulan)
                sel.insert(0, d.teks(Bulan(p.bulan).label, rowspan=n))
            baris.append(sel)
        return d.Tabel(
            judul=f"Uraian Kegiatan Promosi dan Pemasaran {self.s} TA. {self.k.tahun}",
            kepala=[d.kolom("Bulan", "Kegiatan")],
            baris=baris,
            lebar=[14, 86],
            nama_lembar="Promosi dan Pemasaran",
        )

    def tabel_pelatihan(self) -> d.Tabel | None:
        """Each employee's trainings, one row each, under the employee's number and name."""
        daftar = self.tabel_sumber.pelatihan
        if not daftar:
            return None
        per_pegawai: dict[str, list] = {}
        for p in daftar:
            per_pegawai.setdefault(p.pegawai, []).append(p)
        baris = []
        for no, (pegawai, pelatihan) in enumerate(per_pegawai.items(), start=1):
            for j, p in enumerate(pelatihan):
                kepala = (
                    [
                        d.teks(f"{no}.", rata="tengah", rowspan=len(pelatihan)),
                        d.teks(pegawai, rowspan=len(pelatihan)),
                    ]
                    if j == 0
                    else []
                )
                baris.append(
                    [
                        *kepala,
                        d.teks(p.nama_pelatihan),
                        d.teks(rentang_tanggal(p.tanggal_mulai, p.tanggal_selesai)),
                    ]
                )
        return d.Tabel(
            judul=f"Data Pelatihan Pegawai Tahun Anggaran {self.k.tahun}",
            kepala=[d.kolom("No", "Nama", "Pelatihan", "Tanggal")],
            baris=baris,
            lebar=[6, 18, 52, 24],
            kecil=True,
            nama_lembar="Pelatihan Pegawai",
        )
