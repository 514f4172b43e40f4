"""The supporting data behind an indicator, as the tables of its LAKIP section: the companies
measured, the PNBP and service volumes by kind, the spending on domestic products, the survey,
the staff scores, the public-service aspects, the audit recommendations and the external
scores. Each kind is read once per report (one query each), not once per line."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.choices import ArahPengukuran, DataDukung, JenisPnbp, StatusTindakLanjut
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    IndikatorPerjanjian,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    RekomendasiAudit,
    UnsurSurvei,
)
from kinerja.perhitungan import metode
from kinerja.selectors.capaian import konfigurasi
from laporan import dokumen as d
from satker.models import Satker


@dataclass
class DataDukungLaporan:
    """The supporting data of a satker's year (and the year before, for growth)."""

    tahun: int
    pnbp: dict[int, dict[str, int]] = field(default_factory=dict)  # year → kind → Rp
    hasil_layanan: dict[int, dict[str, int]] = field(default_factory=dict)
    pengukuran: dict[int, list[PengukuranPerusahaan]] = field(default_factory=dict)  # by line
    butir: dict[int, list[ButirCapaian]] = field(default_factory=dict)
    pdn: list[BelanjaPdn] = field(default_factory=list)
    survei: list[UnsurSurvei] = field(default_factory=list)
    profesionalitas: list[NilaiProfesionalitas] = field(default_factory=list)
    layanan_publik: list[AspekLayananPublik] = field(default_factory=list)
    rekomendasi: list[RekomendasiAudit] = field(default_factory=list)
    sakip: list[NilaiSakip] = field(default_factory=list)
    laporan_keuangan: list[NilaiLaporanKeuangan] = field(default_factory=list)


def _akhir_per_tahun(rows, tahun: list[int]) -> dict[int, dict[str, int]]:
    """Amounts by kind at each year's latest position."""
    per_tahun: dict[int, list] = defaultdict(list)
    for r in rows:
        per_tahun[r.tanggal_posisi.year].append(r)
    hasil: dict[int, dict[str, int]] = {}
    for th in tahun:
        daftar = per_tahun.get(th, [])
        if not daftar:
            continue
        akhir = max(r.tanggal_posisi for r in daftar)
        jumlah: dict[str, int] = defaultdict(int)
        for r in daftar:
            if r.tanggal_posisi == akhir:
                jumlah[r.jenis] += r.jumlah
        hasil[th] = dict(jumlah)
    return hasil


def kumpulkan(satker: Satker, tahun: int, lines: list[IndikatorPerjanjian]) -> DataDukungLaporan:
    tahun_tahun = list(range(tahun - 3, tahun + 1))
    ids = [line.pk for line in lines]
    data = DataDukungLaporan(tahun=tahun)
    data.pnbp = _akhir_per_tahun(
        PenerimaanPnbp.objects.filter(satker=satker, tanggal_posisi__year__in=tahun_tahun),
        tahun_tahun,
    )
    data.hasil_layanan = _akhir_per_tahun(
        HasilLayanan.objects.filter(
            satker=satker, tanggal_posisi__year__in=tahun_tahun, satuan="hasil"
        ),
        tahun_tahun,
    )
    for p in PengukuranPerusahaan.objects.filter(indikator__in=ids).order_by("tanggal"):
        data.pengukuran.setdefault(p.indikator_id, []).append(p)
    for b in ButirCapaian.objects.filter(indikator__in=ids).order_by("tanggal"):
        data.butir.setdefault(b.indikator_id, []).append(b)
    pdn = list(BelanjaPdn.objects.filter(satker=satker, tanggal_posisi__year=tahun))
    if pdn:
        akhir = max(p.tanggal_posisi for p in pdn)
        data.pdn = sorted((p for p in pdn if p.tanggal_posisi == akhir), key=lambda p: p.akun)
    data.survei = list(
        UnsurSurvei.objects.filter(survei__satker=satker, survei__tahun=tahun)
        .select_related("survei")
        .order_by("-survei__tanggal_posisi", "nomor")
    )
    if data.survei:
        terakhir = data.survei[0].survei_id
        data.survei = [u for u in data.survei if u.survei_id == terakhir]
    profesionalitas = list(
        NilaiProfesionalitas.objects.filter(satker=satker, tanggal_posisi__year=tahun)
    )
    if profesionalitas:
        akhir = max(p.tanggal_posisi for p in profesionalitas)
        data.profesionalitas = [p for p in profesionalitas if p.tanggal_posisi == akhir]
    data.layanan_publik = list(
        AspekLayananPublik.objects.filter(penilaian__satker=satker, penilaian__tahun=tahun)
        .select_related("penilaian")
        .order_by("nomor")
    )
    data.rekomendasi = list(
        RekomendasiAudit.objects.filter(satker=satker, tahun_audit__lte=tahun).order_by(
            "tahun_audit", "nomor"
        )
    )
    data.sakip = list(
        NilaiSakip.objects.filter(tahun=tahun).select_related("satker").order_by("satker__nama")
    )
    data.laporan_keuangan = list(
        NilaiLaporanKeuangan.objects.filter(tahun=tahun)
        .select_related("satker")
        .order_by("satker__nama")
    )
    return data


def _label_pnbp(jenis: str) -> str:
    try:
        return str(JenisPnbp(jenis).label)
    except ValueError:
        return jenis


def tabel_per_jenis(
    per_tahun: dict[int, dict[str, int]], judul: str, rupiah: bool, nama_lembar: str
) -> d.Tabel | None:
    """Amounts (rupiah or counts) by kind and year, with the year's total."""
    if not per_tahun:
        return None
    tahun = sorted(per_tahun)
    jenis = sorted({j for v in per_tahun.values() for j in v}, key=lambda j: _label_pnbp(j))
    sel = d.rupiah if rupiah else d.angka
    baris = [[d.teks(_label_pnbp(j)), *[sel(per_tahun[t].get(j)) for t in tahun]] for j in jenis]
    return d.Tabel(
        judul=judul,
        kepala=[d.kolom("Jenis", *[f"TA {t}" for t in tahun])],
        baris=baris,
        kaki=[
            [
                d.teks("Jumlah", tebal=True),
                *[sel(sum(per_tahun[t].values()), tebal=True) for t in tahun],
            ]
        ],
        lebar=[40, *([60 / len(tahun)] * len(tahun))],
        nama_lembar=nama_lembar,
    )


def blok(
    line: IndikatorPerjanjian, data: DataDukungLaporan, satker: Satker, jenis: str
) -> list[d.Blok]:
    """The tables of supporting data for a line, by the kind its indicator reads (`jenis`:
    the data source of the manual's version of the report's year)."""
    p = konfigurasi().pembulatan
    th = data.tahun
    if jenis == DataDukung.PNBP_LAYANAN:
        t = tabel_per_jenis(
            data.pnbp,
            f"Penerimaan PNBP {satker.singkatan} per jenis layanan",
            True,
            "PNBP per jenis",
        )
        return [t] if t else []
    if jenis == DataDukung.HASIL_LAYANAN:
        t = tabel_per_jenis(
            data.hasil_layanan,
            f"Jumlah hasil layanan jasa {satker.singkatan}",
            False,
            "Hasil layanan",
        )
        return [t] if t else []
    if jenis == DataDukung.PENGUKURAN_PERUSAHAAN:
        daftar = data.pengukuran.get(line.pk, [])
        if not daftar:
            return []
        baris = []
        for m in daftar:
            h = metode.produktivitas_efisiensi(
                [
                    metode.Pengukuran(
                        m.perusahaan,
                        m.nilai_sebelum,
                        m.nilai_sesudah,
                        m.arah == ArahPengukuran.EFISIENSI,
                    )
                ],
                pembulatan=p,
            )
            baris.append(
                [
                    d.teks(m.perusahaan),
                    d.teks(m.kegiatan or "–"),
                    d.teks(f"{m.besaran} ({m.satuan_ukur})"),
                    d.angka(m.nilai_sebelum.normalize()),
                    d.angka(m.nilai_sesudah.normalize()),
                    d.dari_hasil(h, persen_=True),
                ]
            )
        return [
            d.Tabel(
                judul=f"Pengukuran perusahaan indikator {line.kode}",
                kepala=[
                    d.kolom(
                        "Perusahaan/IKM",
                        "Kegiatan",
                        "Ukuran",
                        "Sebelum (A)",
                        "Sesudah (B)",
                        "Produktivitas/efisiensi",
                    )
                ],
                baris=baris,
                lebar=[18, 30, 18, 10, 10, 14],
                nama_lembar=f"Pengukuran {line.kode}",
            )
        ]
    if jenis == DataDukung.BUTIR_CAPAIAN:
        daftar = data.butir.get(line.pk, [])
        if not daftar:
            return []
        return [
            d.Tabel(
                judul=f"Rincian capaian indikator {line.kode}",
                kepala=[d.kolom("No", "Uraian", "Tanggal", "Jumlah", "Bukti")],
                baris=[
                    [
                        d.angka(i),
                        d.teks(b.uraian),
                        d.tanggal(b.tanggal),
                        d.angka(b.jumlah),
                        d.teks(b.bukti or "–"),
                    ]
                    for i, b in enumerate(daftar, start=1)
                ],
                lebar=[4, 40, 16, 8, 32],
                nama_lembar=f"Rincian {line.kode}",
            )
        ]
    if jenis == DataDukung.BELANJA_PDN and data.pdn:
        return [
            d.Tabel(
                judul=f"Realisasi belanja produk dalam negeri {satker.singkatan} TA {th}",
                kepala=[
                    d.kolom(
                        "Akun",
                        "Pagu (Rp)",
                        "Realisasi PDN (Rp)",
                        "Realisasi TKDN (Rp)",
                        "Realisasi impor (Rp)",
                    )
                ],
                baris=[
                    [
                        d.teks(b.akun),
                        d.rupiah(b.pagu),
                        d.rupiah(b.realisasi_pdn),
                        d.rupiah(b.realisasi_tkdn),
                        d.rupiah(b.realisasi_impor),
                    ]
                    for b in data.pdn
                ],
                kaki=[
                    [
                        d.teks("Jumlah", tebal=True),
                        *[
                            d.rupiah(sum(getattr(b, f) for b in data.pdn), tebal=True)
                            for f in ("pagu", "realisasi_pdn", "realisasi_tkdn", "realisasi_impor")
                        ],
                    ]
                ],
                lebar=[12, 22, 22, 22, 22],
                nama_lembar="Belanja PDN",
            )
        ]
    if jenis == DataDukung.SURVEI_KEPUASAN and data.survei:
        survei = data.survei[0].survei
        return [
            d.Tabel(
                judul=f"Nilai unsur survei kepuasan masyarakat {satker.singkatan} TA {th}",
                kepala=[d.kolom("No", "Unsur pelayanan", "Nilai")],
                baris=[[d.angka(u.nomor), d.teks(u.nama), d.angka(u.nilai)] for u in data.survei],
                catatan=[
                    f"{survei.jumlah_responden} responden; "
                    f"posisi {d.tanggal(survei.tanggal_posisi).teks()}."
                ],
                lebar=[6, 74, 20],
                nama_lembar="Survei kepuasan",
            )
        ]
    if jenis == DataDukung.PROFESIONALITAS_ASN and data.profesionalitas:
        baris = []
        for i, n in enumerate(sorted(data.profesionalitas, key=lambda n: n.pegawai), start=1):
            komponen = (n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin)
            baris.append(
                [
                    d.angka(i),
                    d.teks(n.pegawai),
                    *[d.angka(x) for x in komponen],
                    d.angka(sum(komponen, Decimal(0))),
                ]
            )
        return [
            d.Tabel(
                judul=f"Nilai indeks profesionalitas ASN {satker.singkatan}",
                kepala=[
                    d.kolom(
                        "No", "Pegawai", "Kualifikasi", "Kompetensi", "Kinerja", "Disiplin", "Total"
                    )
                ],
                baris=baris,
                lebar=[5, 35, 12, 12, 12, 12, 12],
                kecil=True,
                nama_lembar="Profesionalitas ASN",
            )
        ]
    if jenis == DataDukung.LAYANAN_PUBLIK and data.layanan_publik:
        return [
            d.Tabel(
                judul=f"Hasil penilaian indeks layanan publik {satker.singkatan} TA {th}",
                kepala=[d.kolom("No", "Aspek", "Indeks", "Bobot (%)")],
                baris=[
                    [d.angka(a.nomor), d.teks(a.nama), d.angka(a.indeks), d.angka(a.bobot)]
                    for a in data.layanan_publik
                ],
                lebar=[6, 60, 17, 17],
                nama_lembar="Layanan publik",
            )
        ]
    if jenis == DataDukung.REKOMENDASI_AUDIT and data.rekomendasi:
        selesai = sum(1 for r in data.rekomendasi if r.status == StatusTindakLanjut.SELESAI)
        return [
            d.Tabel(
                judul=f"Rincian rekomendasi hasil pengawasan internal {satker.singkatan}",
                kepala=[d.kolom("Tahun", "No", "Rekomendasi", "Status", "Tanggal selesai")],
                baris=[
                    [
                        d.teks(str(r.tahun_audit)),
                        d.angka(r.nomor),
                        d.teks(r.uraian),
                        d.teks(r.get_status_display()),
                        d.tanggal(r.tanggal_selesai),
                    ]
                    for r in data.rekomendasi
                ],
                catatan=[
                    f"Selesai ditindaklanjuti: {selesai} dari {len(data.rekomendasi)} rekomendasi."
                ],
                lebar=[8, 5, 55, 15, 17],
                nama_lembar="Rekomendasi audit",
            )
        ]
    if jenis == DataDukung.NILAI_SAKIP and data.sakip:
        return [
            d.Tabel(
                judul=f"Hasil penilaian akuntabilitas kinerja satker BSKJI TA {th}",
                kepala=[
                    d.kolom(
                        "Satker",
                        "Perencanaan",
                        "Pengukuran",
                        "Pelaporan",
                        "Evaluasi internal",
                        "Total",
                        "Predikat",
                    )
                ],
                baris=[
                    [
                        d.teks(n.satker.singkatan, tebal=n.satker_id == satker.pk),
                        d.angka(n.perencanaan),
                        d.angka(n.pengukuran),
                        d.angka(n.pelaporan),
                        d.angka(n.evaluasi_internal),
                        d.angka(n.total().nilai, tebal=n.satker_id == satker.pk),
                        d.teks(n.predikat or "–", rata="tengah"),
                    ]
                    for n in data.sakip
                ],
                catatan=["Total adalah jumlah keempat komponen, dihitung."],
                lebar=[28, 12, 12, 12, 12, 12, 12],
                kecil=True,
                nama_lembar="Nilai SAKIP",
            )
        ]
    if jenis == DataDukung.NILAI_LAPORAN_KEUANGAN and data.laporan_keuangan:
        return [
            d.Tabel(
                judul=f"Hasil penilaian laporan keuangan TA {th}",
                kepala=[d.kolom("No", "Unit", "Nilai")],
                baris=[
                    [
                        d.angka(i),
                        d.teks(n.satker.nama, tebal=n.satker_id == satker.pk),
                        d.angka(n.nilai),
                    ]
                    for i, n in enumerate(data.laporan_keuangan, start=1)
                ],
                lebar=[6, 74, 20],
                kecil=True,
                nama_lembar="Nilai laporan keuangan",
            )
        ]
    return []
