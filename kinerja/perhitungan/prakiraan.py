"""The year-end forecast: from the quarters so far and the shape of the Rencana Aksi, where a
line (or a budget) is expected to stand in December, and whether it will miss its target.
Every forecast carries the method used and the working, as every other figure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja.perhitungan.capaian import MAKSIMASI, SELISIH, Ambang, capaian
from kinerja.perhitungan.dasar import BAKU, SERATUS, Hasil, Pembulatan, angka, hasil_bulat

# The methods, as printed beside a forecast.
AKHIR_TAHUN = "realisasi akhir tahun (bukan prakiraan)"
PROPORSI_RENCANA_AKSI = (
    "realisasi kumulatif dibagi target antara Rencana Aksi triwulan ini (bagian target tahunan "
    "yang direncanakan tercapai), lalu dibandingkan dengan target tahunan"
)
PROPORSI_WAKTU = (
    "realisasi kumulatif dibagi bagian tahun yang telah berjalan (target antara tidak "
    "ditetapkan), lalu dibandingkan dengan target tahunan"
)
BERTAHAN = (
    "nilai terakhir dianggap bertahan sampai akhir tahun (indikator berupa indeks, persentase "
    "atau nilai posisi, bukan jumlah)"
)
PROGRES = "capaian antara (realisasi antara / target antara) sebagai capaian akhir tahun"
PENYERAPAN = (
    "realisasi anggaran s.d. triwulan ini dibagi rencana penarikan s.d. triwulan ini, dikali "
    "rencana penarikan s.d. Desember"
)


@dataclass(frozen=True)
class Prakiraan:
    """A forecast: the expected realisasi and capaian at the end of the year, the method, and
    whether the line is expected to miss (capaian below the threshold for reached; None when
    nothing can be forecast)."""

    realisasi: Hasil
    capaian: Hasil
    metode: str
    meleset: bool | None


def prakiraan_baris(
    *,
    triwulan: int | None,
    bertambah: bool,
    realisasi: Decimal | None,
    target: Decimal | None,
    target_antara: Decimal | None,
    capaian_antara: Decimal | None,
    klasifikasi: str = MAKSIMASI,
    rumus_minimasi: str = SELISIH,
    pembulatan: Pembulatan = BAKU,
    ambang: Ambang | None = None,
) -> Prakiraan:
    """The year-end forecast of a PK line seen at the end of `triwulan` (None: the year).

    A count that grows over the year (`bertambah`: the manual sums it over the quarters or
    over the years) grows as the Rencana Aksi planned: its realisasi so far is the share
    `target_antara` % of the year's, so the year reaches realisasi × 100 / target antara
    (without a target antara, the share of the year elapsed, 25% a quarter). An index, a
    percentage or a score is expected to stay where it is. Without a realisasi, the progress
    against the plan (capaian antara) stands for the year's capaian. In the fourth quarter
    and for the year the forecast is the result itself."""
    ambang = ambang or Ambang()

    def selesai(real: Hasil, metode: str, hasil_capaian: Hasil | None = None) -> Prakiraan:
        c = hasil_capaian or capaian(
            real.nilai,
            target,
            klasifikasi=klasifikasi,
            rumus_minimasi=rumus_minimasi,
            pembulatan=pembulatan,
        )
        meleset = None if c.nilai is None else c.nilai < ambang.tercapai
        return Prakiraan(realisasi=real, capaian=c, metode=metode, meleset=meleset)

    tw = triwulan or 4
    if realisasi is None:
        if tw < 4 and capaian_antara is not None:
            c = Hasil(nilai=capaian_antara, rumus=f"capaian antara {angka(capaian_antara)}%")
            return selesai(Hasil.gagal("realisasi belum ada"), PROGRES, c)
        return selesai(Hasil.gagal("realisasi belum ada"), AKHIR_TAHUN if tw == 4 else PROGRES)
    if tw == 4:
        return selesai(Hasil(nilai=realisasi, rumus=angka(realisasi)), AKHIR_TAHUN)
    if not bertambah:
        return selesai(Hasil(nilai=realisasi, rumus=f"tetap {angka(realisasi)}"), BERTAHAN)
    if target_antara is not None and target_antara > 0:
        bagian, metode = Decimal(target_antara), PROPORSI_RENCANA_AKSI
    else:
        bagian, metode = Decimal(25 * tw), PROPORSI_WAKTU
    real = hasil_bulat(
        Decimal(realisasi) * SERATUS / bagian,
        f"{angka(realisasi)} × 100 / {angka(bagian)}",
        pembulatan,
        persen=False,
    )
    return selesai(real, metode)


def prakiraan_penyerapan(
    *,
    persen_realisasi: Decimal | None,
    persen_rencana: Decimal | None,
    persen_rencana_akhir: Decimal | None,
    batas: Decimal,
    pembulatan: Pembulatan = BAKU,
) -> Prakiraan:
    """The expected budget absorption in December (percent of pagu): the realisation so far
    against the disbursement plan so far, carried to the plan for December. Expected to miss
    below `batas` percent."""
    if persen_realisasi is None:
        gagal = Hasil.gagal("realisasi anggaran belum ada")
        return Prakiraan(realisasi=gagal, capaian=gagal, metode=PENYERAPAN, meleset=None)
    if not persen_rencana or persen_rencana_akhir is None:
        gagal = Hasil.gagal("rencana penarikan dana belum ada")
        return Prakiraan(realisasi=gagal, capaian=gagal, metode=PENYERAPAN, meleset=None)
    akhir = hasil_bulat(
        Decimal(persen_realisasi) / Decimal(persen_rencana) * Decimal(persen_rencana_akhir),
        f"{angka(persen_realisasi)}% / {angka(persen_rencana)}% × {angka(persen_rencana_akhir)}%",
        pembulatan,
        persen=True,
    )
    return Prakiraan(realisasi=akhir, capaian=akhir, metode=PENYERAPAN, meleset=akhir.nilai < batas)
