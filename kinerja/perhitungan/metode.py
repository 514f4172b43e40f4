"""The computation methods of the BSKJI indicator manual: each takes the raw figures and
returns the realisasi with its working, or the reason it cannot be computed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.formatting import format_angka
from kinerja.perhitungan.dasar import BAKU, SERATUS, Hasil, Pembulatan, angka, hasil_bulat

# Budget accounts agreed for the P3DN indicator (manual T1/SP3/d; LAKIP Pekanbaru 2023).
AKUN_P3DN = frozenset(
    {
        "521111", "521131", "521211", "521219", "521241", "521811", "521841", "522131",
        "522141", "522191", "522192", "524114", "524119", "532111", "533111",
    }
)  # fmt: skip


def pertumbuhan(
    b: int | Decimal | None,
    a: int | Decimal | None,
    *,
    nama: str,
    posisi_b: str = "",
    posisi_a: str = "",
    pembulatan: Pembulatan = BAKU,
) -> Hasil:
    """(B − A) / A × 100: this period's amount B against the previous year's same period A."""
    if b is None:
        return Hasil.gagal(f"{nama} tahun berjalan{_posisi(posisi_b)} belum tercatat")
    if a is None:
        return Hasil.gagal(f"{nama} tahun sebelumnya{_posisi(posisi_a)} belum tercatat")
    if a == 0:
        return Hasil.gagal(f"{nama} tahun sebelumnya{_posisi(posisi_a)} nol")
    nilai = (Decimal(b) - Decimal(a)) / Decimal(a) * SERATUS
    return hasil_bulat(
        nilai,
        f"({angka(b)} − {angka(a)}) / {angka(a)} × 100%",
        pembulatan,
        persen=True,
        keterangan=f"B = {nama}{_posisi(posisi_b)}; A = {nama}{_posisi(posisi_a)}",
    )


@dataclass(frozen=True)
class Pengukuran:
    """A company measured before (A) and after (B) an assistance."""

    perusahaan: str
    sebelum: Decimal
    sesudah: Decimal
    efisiensi: bool = False  # False: productivity (B − A) / A; True: efficiency (A − B) / A


def produktivitas_efisiensi(
    pengukuran: Sequence[Pengukuran], *, pembulatan: Pembulatan = BAKU
) -> Hasil:
    """Productivity (B − A) / A × 100 or efficiency (A − B) / A × 100 of each company,
    and their mean when there are several."""
    if not pengukuran:
        return Hasil.gagal("belum ada pengukuran perusahaan (sebelum dan sesudah)")
    per_perusahaan = []
    for p in pengukuran:
        if p.sebelum == 0:
            return Hasil.gagal(f"nilai sebelum (A) {p.perusahaan} nol")
        a, b = Decimal(p.sebelum), Decimal(p.sesudah)
        if p.efisiensi:
            rumus, nilai = f"({angka(a)} − {angka(b)}) / {angka(a)} × 100%", (a - b) / a * SERATUS
        else:
            rumus, nilai = f"({angka(b)} − {angka(a)}) / {angka(a)} × 100%", (b - a) / a * SERATUS
        per_perusahaan.append((p.perusahaan, rumus, pembulatan.bulatkan(nilai)))
    if len(per_perusahaan) == 1:
        perusahaan, rumus, nilai = per_perusahaan[0]
        return hasil_bulat(nilai, rumus, pembulatan, persen=True, keterangan=perusahaan)
    rincian = "; ".join(
        f"{nama}: {rumus} = {angka_bulat(nilai, pembulatan)}%"
        for nama, rumus, nilai in per_perusahaan
    )
    nilai_list = [nilai for _, _, nilai in per_perusahaan]
    rata = sum(nilai_list, Decimal(0)) / len(nilai_list)
    return hasil_bulat(
        rata,
        f"{rincian}; rata-rata ({' + '.join(angka_bulat(n, pembulatan) for n in nilai_list)})"
        f" / {len(nilai_list)}",
        pembulatan,
        persen=True,
        keterangan=f"rata-rata {len(nilai_list)} perusahaan",
    )


@dataclass(frozen=True)
class BarisPdn:
    akun: str
    pagu: int
    pdn: int
    tkdn: int = 0
    impor: int = 0


def pangsa_pdn(
    baris: Sequence[BarisPdn],
    *,
    akun_terpilih: frozenset[str] = AKUN_P3DN,
    pembulatan: Pembulatan = BAKU,
) -> Hasil:
    """(PDN + TKDN-certified spending) / pagu × 100 over the agreed budget accounts."""
    dipakai = [b for b in baris if b.akun in akun_terpilih]
    if not dipakai:
        return Hasil.gagal("belum ada belanja pada akun P3DN terpilih")
    pagu = sum(b.pagu for b in dipakai)
    pdn = sum(b.pdn for b in dipakai)
    tkdn = sum(b.tkdn for b in dipakai)
    if pagu == 0:
        return Hasil.gagal("pagu akun P3DN terpilih nol")
    akun = ", ".join(sorted(b.akun for b in dipakai))
    return hasil_bulat(
        Decimal(pdn + tkdn) / Decimal(pagu) * SERATUS,
        f"({angka(pdn)} + {angka(tkdn)}) / {angka(pagu)} × 100%",
        pembulatan,
        persen=True,
        keterangan=f"(realisasi PDN + realisasi TKDN) / pagu, akun {akun}",
    )


# PermenPAN-RB 14/2017: converted score intervals and the service quality they mean.
MUTU_PELAYANAN = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)


def mutu_pelayanan(nilai_konversi: Decimal) -> tuple[str, str]:
    for batas, huruf, kinerja in MUTU_PELAYANAN:
        if nilai_konversi >= batas:
            return huruf, kinerja
    return "D", "Tidak Baik"


def indeks_survei(unsur: Sequence[tuple[str, Decimal]], *, pembulatan: Pembulatan = BAKU) -> Hasil:
    """Satisfaction index (PermenPAN-RB 14/2017): the mean of the service elements' mean
    scores (1..4), with its conversion (× 25) and quality grade."""
    if not unsur:
        return Hasil.gagal("belum ada nilai unsur survei kepuasan")
    nilai = [Decimal(v) for _, v in unsur]
    ikm = sum(nilai, Decimal(0)) / len(nilai)
    hasil = hasil_bulat(
        ikm, f"({' + '.join(angka(v) for v in nilai)}) / {len(nilai)}", pembulatan, persen=False
    )
    konversi = pembulatan.bulatkan(hasil.nilai * 25)
    huruf, kinerja = mutu_pelayanan(konversi)
    return Hasil(
        nilai=hasil.nilai,
        rumus=hasil.rumus,
        desimal=hasil.desimal,
        keterangan=(
            f"nilai konversi {hasil.tampil} × 25 = {angka_bulat(konversi, pembulatan)}; "
            f"mutu pelayanan {huruf} ({kinerja})"
        ),
        tambahan={"konversi": konversi, "mutu": huruf, "kinerja_unit": kinerja},
    )


def rata_rata_total(
    nilai_per_orang: Sequence[tuple[str, Sequence[Decimal]]], *, pembulatan: Pembulatan = BAKU
) -> Hasil:
    """Mean of per-person totals (professionalism index: the four dimension scores summed
    per employee, then averaged)."""
    if not nilai_per_orang:
        return Hasil.gagal("belum ada nilai profesionalitas pegawai")
    total = [sum((Decimal(k) for k in komponen), Decimal(0)) for _, komponen in nilai_per_orang]
    return hasil_bulat(
        sum(total, Decimal(0)) / len(total),
        f"({' + '.join(angka(t) for t in total)}) / {len(total)}",
        pembulatan,
        persen=False,
        keterangan=f"rata-rata nilai total {len(total)} pegawai",
    )


def indeks_tertimbang(
    aspek: Sequence[tuple[str, Decimal, Decimal]], *, pembulatan: Pembulatan = BAKU
) -> Hasil:
    """Weighted index: Σ aspect index × weight (weights in percent, summing to 100)."""
    if not aspek:
        return Hasil.gagal("belum ada penilaian aspek layanan publik")
    bobot = sum((Decimal(b) for _, _, b in aspek), Decimal(0))
    if bobot != SERATUS:
        return Hasil.gagal(f"bobot aspek berjumlah {angka(bobot)}%, seharusnya 100%")
    nilai = sum((Decimal(i) * Decimal(b) / SERATUS for _, i, b in aspek), Decimal(0))
    return hasil_bulat(
        nilai,
        " + ".join(f"{angka(i)} × {angka(b)}%" for _, i, b in aspek),
        pembulatan,
        persen=False,
        keterangan=f"jumlah indeks aspek × bobot, {len(aspek)} aspek",
    )


def rasio_tindak_lanjut(selesai: int, total: int, *, pembulatan: Pembulatan = BAKU) -> Hasil:
    """Recommendations followed up / total recommendations × 100."""
    if total == 0:
        return Hasil.gagal("tidak ada rekomendasi hasil pengawasan")
    return hasil_bulat(
        Decimal(selesai) / Decimal(total) * SERATUS,
        f"{angka(selesai)} / {angka(total)} × 100%",
        pembulatan,
        persen=True,
        keterangan="rekomendasi selesai ditindaklanjuti / seluruh rekomendasi",
    )


def jumlah(nilai: Sequence[int], *, nama: str) -> Hasil:
    """A count: the sum of the counted items (a whole number, never rounded)."""
    total = sum(nilai)
    rumus = " + ".join(angka(n) for n in nilai) if 1 < len(nilai) <= 12 else ""
    return Hasil(
        nilai=Decimal(total),
        rumus=f"{rumus} = {angka(total)}" if rumus else f"{nama} = {angka(total)}",
        desimal=0,
        keterangan=nama,
    )


def nilai_eksternal(
    *,
    komponen: Sequence[tuple[str, Decimal]] = (),
    nilai: Decimal | None = None,
    nama: str,
    predikat: str = "",
    pembulatan: Pembulatan = BAKU,
) -> Hasil:
    """A score received from outside: the sum of its components where they are known,
    otherwise the score as given."""
    akhir = f"; predikat {predikat}" if predikat else ""
    if komponen:
        total = sum((Decimal(v) for _, v in komponen), Decimal(0))
        return hasil_bulat(
            total,
            " + ".join(angka(v) for _, v in komponen),
            pembulatan,
            persen=False,
            keterangan=f"{nama}: " + ", ".join(n for n, _ in komponen) + akhir,
        )
    if nilai is None:
        return Hasil.gagal(f"belum ada {nama}")
    return hasil_bulat(Decimal(nilai), nama, pembulatan, persen=False, keterangan=f"{nama}{akhir}")


def angka_bulat(nilai: Decimal, pembulatan: Pembulatan) -> str:
    return format_angka(pembulatan.bulatkan(nilai), pembulatan.desimal)


def _posisi(teks: str) -> str:
    return f" s.d. {teks}" if teks else ""
