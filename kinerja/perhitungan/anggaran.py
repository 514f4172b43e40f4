"""Budget figures: the roll-up of the RKA-K/L tree, the quarter columns of the PP-39 report,
efficiency per indicator (LAKIP Tabel 38), the deviation of realisation from the disbursement
plan, and PNBP against its target. Pure functions, integer rupiah, Decimal percentages.

Pagu is recorded on the leaves; every node above sums its children. A node's realisation is
its own record when a source reports it at that level, otherwise the sum of its children's.
Physical progress of a node is the mean of its children's progress weighted by their pagu,
divided by the node's own pagu (not by the whole DIPA)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from kinerja.formatting import format_angka
from kinerja.perhitungan.capaian import AMBANG_BAKU, Ambang, Status, status
from kinerja.perhitungan.dasar import BAKU, SERATUS, Hasil, Pembulatan, angka, hasil_bulat


@dataclass(frozen=True)
class Simpul:
    """A node of the code tree, as plain values."""

    id: int
    induk: int | None
    tingkat: str
    kode: str
    uraian: str
    pagu: int | None = None


@dataclass(frozen=True)
class Titik:
    """A node's cumulative progress at the end of month `bulan`, as a source reports it."""

    bulan: int
    rencana_keuangan: Decimal | None = None  # % of pagu
    realisasi_keuangan: Decimal | None = None  # % of pagu
    realisasi_keuangan_rp: int | None = None
    rencana_fisik: Decimal | None = None
    realisasi_fisik: Decimal | None = None
    realisasi_volume: Decimal | None = None


@dataclass(frozen=True)
class Posisi:
    """A node's figures at a month's end: recorded on it ("tercatat") or summed from its
    children ("gabungan"). `realisasi_rp` is also known where a source gave a percentage
    (rebuilt from it, to sum and compare); `realisasi_rp_tercatat` only where every rupiah
    of it was reported as an amount (SAKTI / OM SPAN): the figure a report may print as the
    realisation."""

    rencana_rp: int | None
    realisasi_rp: int | None
    rencana_keuangan: Hasil
    realisasi_keuangan: Hasil
    rencana_fisik: Hasil
    realisasi_fisik: Hasil
    realisasi_volume: Decimal | None
    sumber: str
    realisasi_rp_tercatat: int | None = None


@dataclass(frozen=True)
class HasilSimpul:
    simpul: Simpul
    pagu: int
    rumus_pagu: str
    daun: bool
    posisi: dict[int, Posisi]
    catatan: tuple[str, ...]


KOSONG = Hasil(nilai=None)


def rupiah_dari_persen(pagu: int, persen: Decimal) -> int:
    """Rupiah of a percentage of pagu, to the whole rupiah (half-up)."""
    return int((Decimal(pagu) * Decimal(persen) / SERATUS).quantize(Decimal(1), ROUND_HALF_UP))


def hitung_pohon(
    simpul: Sequence[Simpul],
    progres: Mapping[int, Sequence[Titik]],
    bulan: Sequence[int] = (),
    *,
    pembulatan: Pembulatan = BAKU,
) -> dict[int, HasilSimpul]:
    """Pagu of every node rolled up from the leaves, and its figures at each month of
    `bulan` (recorded on the node, else summed from its children)."""
    anak: dict[int | None, list[Simpul]] = defaultdict(list)
    for s in simpul:
        anak[s.induk].append(s)
    per_bulan = {s.id: {t.bulan: t for t in progres.get(s.id, ())} for s in simpul}

    hasil: dict[int, HasilSimpul] = {}

    def kunjungi(s: Simpul) -> HasilSimpul:
        kids = [kunjungi(k) for k in anak.get(s.id, [])]
        catatan: list[str] = []
        if kids:
            pagu = sum(k.pagu for k in kids)
            rumus_pagu = " + ".join(format_angka(k.pagu) for k in kids) + f" = {format_angka(pagu)}"
            if s.pagu is not None and s.pagu != pagu:
                catatan.append(
                    f"Pagu {format_angka(s.pagu)} tercatat pada {s.kode} yang memiliki rincian; "
                    f"dipakai jumlah rinciannya {format_angka(pagu)}."
                )
        else:
            pagu = s.pagu or 0
            rumus_pagu = f"pagu {format_angka(pagu)}"
            if s.pagu is None:
                catatan.append(f"Rincian terbawah {s.kode} belum memiliki pagu.")
        posisi = {}
        sebelumnya: tuple[int, int] | None = None
        for b in sorted(bulan):
            p = _posisi(
                pagu, per_bulan[s.id].get(b), [(k, k.posisi.get(b)) for k in kids], pembulatan
            )
            posisi[b] = p
            if p.realisasi_rp is None:
                continue
            if p.realisasi_rp > pagu:
                catatan.append(
                    f"Realisasi s.d. bulan {b} ({format_angka(p.realisasi_rp)}) melebihi pagu "
                    f"{s.kode} ({format_angka(pagu)})."
                )
            if sebelumnya is not None and p.realisasi_rp < sebelumnya[1]:
                catatan.append(
                    f"Realisasi kumulatif {s.kode} menurun dari {format_angka(sebelumnya[1])} "
                    f"(s.d. bulan {sebelumnya[0]}) ke {format_angka(p.realisasi_rp)} "
                    f"(s.d. bulan {b})."
                )
            sebelumnya = (b, p.realisasi_rp)
        h = HasilSimpul(s, pagu, rumus_pagu, not kids, posisi, tuple(dict.fromkeys(catatan)))
        hasil[s.id] = h
        return h

    for akar in anak.get(None, []):
        kunjungi(akar)
    return hasil


def _posisi(
    pagu: int,
    titik: Titik | None,
    anak: list[tuple[HasilSimpul, Posisi | None]],
    p: Pembulatan,
) -> Posisi:
    gabungan = _gabungan(pagu, anak, p)
    if titik is None:
        return gabungan
    sendiri = _dari_titik(pagu, titik, p)
    if not gabungan.sumber:
        return sendiri
    # A source reporting at this level (the SAKTI total of a program, say) gives what it
    # reports; what it leaves out still comes from the children.
    ada_realisasi = titik.realisasi_keuangan_rp is not None or titik.realisasi_keuangan is not None
    realisasi = sendiri if ada_realisasi else gabungan
    rencana = sendiri if titik.rencana_keuangan is not None else gabungan
    return Posisi(
        rencana_rp=rencana.rencana_rp,
        realisasi_rp=realisasi.realisasi_rp,
        rencana_keuangan=rencana.rencana_keuangan,
        realisasi_keuangan=realisasi.realisasi_keuangan,
        rencana_fisik=(sendiri if titik.rencana_fisik is not None else gabungan).rencana_fisik,
        realisasi_fisik=(
            sendiri if titik.realisasi_fisik is not None else gabungan
        ).realisasi_fisik,
        realisasi_volume=sendiri.realisasi_volume,
        sumber="tercatat",
        realisasi_rp_tercatat=realisasi.realisasi_rp_tercatat,
    )


def _gabungan(pagu: int, anak: list[tuple[HasilSimpul, Posisi | None]], p: Pembulatan) -> Posisi:
    """A node's figures summed from its children: rupiah added, percentages of its own
    pagu, physical progress weighted by the children's pagu; nothing while a child with
    pagu has no figures."""
    if not anak:
        return Posisi(None, None, KOSONG, KOSONG, KOSONG, KOSONG, None, "")
    berpagu = [(k, pos) for k, pos in anak if k.pagu > 0]
    lengkap = berpagu and all(pos is not None and pos.sumber for _, pos in berpagu)
    if not lengkap:
        return Posisi(None, None, KOSONG, KOSONG, KOSONG, KOSONG, None, "")

    def jumlah_rp(attr: str) -> int | None:
        nilai = [getattr(pos, attr) for _, pos in berpagu]
        return None if any(v is None for v in nilai) else sum(nilai)

    rencana_rp, realisasi_rp = jumlah_rp("rencana_rp"), jumlah_rp("realisasi_rp")
    return Posisi(
        rencana_rp=rencana_rp,
        realisasi_rp=realisasi_rp,
        rencana_keuangan=_persen_dari_rp(rencana_rp, pagu, p),
        realisasi_keuangan=_persen_dari_rp(realisasi_rp, pagu, p),
        rencana_fisik=_rata_tertimbang(
            [(k.pagu, pos.rencana_fisik) for k, pos in berpagu], pagu, p
        ),
        realisasi_fisik=_rata_tertimbang(
            [(k.pagu, pos.realisasi_fisik) for k, pos in berpagu], pagu, p
        ),
        realisasi_volume=None,
        sumber="gabungan",
        realisasi_rp_tercatat=jumlah_rp("realisasi_rp_tercatat"),
    )


def _dari_titik(pagu: int, t: Titik, p: Pembulatan) -> Posisi:
    def tercatat(nilai: Decimal | None) -> Hasil:
        return KOSONG if nilai is None else Hasil(nilai=Decimal(nilai), rumus="tercatat")

    if t.realisasi_keuangan_rp is not None:
        realisasi_rp = t.realisasi_keuangan_rp
        realisasi = _persen_dari_rp(realisasi_rp, pagu, p)
    elif t.realisasi_keuangan is not None:
        realisasi_rp = rupiah_dari_persen(pagu, t.realisasi_keuangan)
        realisasi = tercatat(t.realisasi_keuangan)
    else:
        realisasi_rp, realisasi = None, KOSONG
    rencana_rp = (
        None if t.rencana_keuangan is None else rupiah_dari_persen(pagu, t.rencana_keuangan)
    )
    return Posisi(
        rencana_rp=rencana_rp,
        realisasi_rp=realisasi_rp,
        rencana_keuangan=tercatat(t.rencana_keuangan),
        realisasi_keuangan=realisasi,
        rencana_fisik=tercatat(t.rencana_fisik),
        realisasi_fisik=tercatat(t.realisasi_fisik),
        realisasi_volume=t.realisasi_volume,
        sumber="tercatat",
        realisasi_rp_tercatat=t.realisasi_keuangan_rp,
    )


def _persen_dari_rp(rp: int | None, pagu: int, p: Pembulatan) -> Hasil:
    if rp is None:
        return KOSONG
    if pagu == 0:
        return Hasil.gagal("pagu nol")
    return hasil_bulat(
        Decimal(rp) / Decimal(pagu) * SERATUS,
        f"{format_angka(rp)} / {format_angka(pagu)} × 100%",
        p,
        persen=True,
    )


def _rata_tertimbang(nilai: list[tuple[int, Hasil]], pagu: int, p: Pembulatan) -> Hasil:
    """Σ pagu_i × progress_i / pagu: the children's progress weighted by their pagu. The
    children are those with pagu (`_posisi`), so the parent's pagu, their sum, is above 0."""
    if any(not h.dapat_dihitung for _, h in nilai):
        return KOSONG
    total = sum((Decimal(w) * h.nilai for w, h in nilai), Decimal(0))
    suku = " + ".join(f"{format_angka(w)} × {angka(h.nilai)}" for w, h in nilai)
    return hasil_bulat(total / Decimal(pagu), f"({suku}) / {format_angka(pagu)}", p, persen=True)


def posisi_dipa(
    akar: Sequence[HasilSimpul],
    bulan: int,
    *,
    realisasi_rp: int | None = None,
    pembulatan: Pembulatan = BAKU,
) -> tuple[int, Posisi]:
    """The whole DIPA at the end of `bulan`: its pagu, and its programs (the roots of the
    tree) combined as any parent combines its children (rupiah summed, percentages of the
    DIPA's pagu, physical progress weighted by each program's pagu). `realisasi_rp`, the
    satker's spending as the treasury reports it (SAKTI / OM SPAN), is its realisation
    where given."""
    pagu = sum(a.pagu for a in akar)
    titik = None if realisasi_rp is None else Titik(bulan, realisasi_keuangan_rp=realisasi_rp)
    return pagu, _posisi(pagu, titik, [(a, a.posisi.get(bulan)) for a in akar], pembulatan)


# --- the quarter columns of the PP-39 report ----------------------------------------------


@dataclass(frozen=True)
class KolomTriwulan:
    """ "s.d. triwulan lalu", "triwulan ini" and "s.d. triwulan ini" of one measure, all from
    the one cumulative series: the quarter's own value is the difference of the reported
    cumulative values, so the three columns always add up."""

    sd_lalu: Decimal | None
    ini: Decimal | None
    sd_ini: Decimal | None


def kolom_triwulan(sd_lalu: Decimal | None, sd_ini: Decimal | None) -> KolomTriwulan:
    if sd_ini is None:
        return KolomTriwulan(sd_lalu, None, None)
    lalu = Decimal(0) if sd_lalu is None else Decimal(sd_lalu)
    return KolomTriwulan(sd_lalu, Decimal(sd_ini) - lalu, Decimal(sd_ini))


# --- efficiency per indicator (LAKIP Tabel 38) --------------------------------------------


@dataclass(frozen=True)
class HasilEfisiensi:
    ibt: Hasil  # indeks biaya target: budget target / performance target (Rp per unit)
    ibr: Hasil  # indeks biaya realisasi: budget realised / performance realised
    efisiensi: Hasil  # (IBT − IBR) / IBT × 100
    efektif: bool | None  # capaian reached (status tercapai)
    efisien: bool | None  # efisiensi ≥ 0


def efisiensi_anggaran(
    *,
    target_kinerja: Decimal,
    realisasi_kinerja: Decimal | None,
    pagu: int,
    realisasi_anggaran: int | None,
    capaian: Decimal | None,
    pembulatan: Pembulatan = BAKU,
    ambang: Ambang = AMBANG_BAKU,
) -> HasilEfisiensi:
    """Cost per unit of performance planned (IBT) and achieved (IBR), in whole rupiah as
    reported, and the efficiency between them. Effective when the capaian is reached by the
    status thresholds (100% by default)."""
    efektif = None if capaian is None else status(capaian, ambang) is Status.TERCAPAI
    if pagu <= 0:
        gagal = Hasil.gagal("tidak ada anggaran yang mendukung indikator ini")
        return HasilEfisiensi(gagal, gagal, gagal, efektif, None)
    if target_kinerja == 0:
        ibt = Hasil.gagal("target kinerja nol")
    else:
        ibt = hasil_bulat(
            Decimal(pagu) / Decimal(target_kinerja),
            f"{format_angka(pagu)} / {angka(target_kinerja)}",
            pembulatan,
            persen=False,
            desimal=0,
        )
    if realisasi_kinerja is None or realisasi_anggaran is None:
        ibr = Hasil.gagal("realisasi kinerja atau anggaran belum ada")
    elif realisasi_kinerja == 0:
        ibr = Hasil.gagal("realisasi kinerja nol")
    else:
        ibr = hasil_bulat(
            Decimal(realisasi_anggaran) / Decimal(realisasi_kinerja),
            f"{format_angka(realisasi_anggaran)} / {angka(realisasi_kinerja)}",
            pembulatan,
            persen=False,
            desimal=0,
        )
    if not (ibt.dapat_dihitung and ibr.dapat_dihitung):
        # The reason of the index that could not be computed, said once.
        efisiensi = Hasil(nilai=None, alasan=ibt.alasan or ibr.alasan)
    else:
        t, r = format_angka(ibt.nilai), format_angka(ibr.nilai)
        efisiensi = hasil_bulat(
            (ibt.nilai - ibr.nilai) / ibt.nilai * SERATUS,
            f"({t} − {r}) / {t} × 100%",
            pembulatan,
            persen=True,
        )
    efisien = None if not efisiensi.dapat_dihitung else efisiensi.nilai >= 0
    return HasilEfisiensi(ibt, ibr, efisiensi, efektif, efisien)


def rata_rata(nilai: Sequence[Hasil], *, pembulatan: Pembulatan = BAKU) -> Hasil:
    """Mean of reported figures (those that could be computed)."""
    ada = [h.nilai for h in nilai if h.dapat_dihitung]
    if not ada:
        return Hasil.gagal("tidak ada nilai")
    return hasil_bulat(
        sum(ada, Decimal(0)) / len(ada),
        f"({' + '.join(angka(v) for v in ada)}) / {len(ada)}",
        pembulatan,
        persen=True,
    )


# --- deviation from the disbursement plan (Halaman III DIPA) ------------------------------


@dataclass(frozen=True)
class DeviasiPeriode:
    label: str
    rencana: int
    realisasi: int
    deviasi: Hasil


@dataclass(frozen=True)
class HasilDeviasi:
    periode: tuple[DeviasiPeriode, ...]
    rata_rata: Hasil
    nilai: Hasil  # 100 − mean deviation, at least 0 (IKPA, Kementerian Keuangan)
    catatan: tuple[str, ...] = field(default=())


def deviasi_rpd(
    rencana_kumulatif: Sequence[tuple[str, int | None]],
    realisasi_kumulatif: Sequence[tuple[str, int | None]],
    *,
    pembulatan: Pembulatan = BAKU,
) -> HasilDeviasi:
    """Deviation of realisation from the disbursement plan per period (month or quarter), as
    the Ministry of Finance scores it in the IKPA: each period's deviation is
    |realisation − plan| / plan × 100 on the period's own amounts, at most 100 (100 when
    nothing was planned but something spent); the score is 100 minus their mean."""
    periode = []
    lalu: tuple[int, int] | None = (0, 0)  # the previous cumulative plan and realisation
    catatan = []
    for (label, rencana), (_, realisasi) in zip(
        rencana_kumulatif, realisasi_kumulatif, strict=True
    ):
        if rencana is None or realisasi is None:
            catatan.append(f"{label}: rencana atau realisasi belum ada.")
            lalu = None
            continue
        if lalu is None:
            # The period's own amounts are the difference from the previous period's, which
            # is missing.
            catatan.append(f"{label}: tidak dihitung karena periode sebelumnya belum ada.")
            lalu = (rencana, realisasi)
            continue
        p, r = rencana - lalu[0], realisasi - lalu[1]
        lalu = (rencana, realisasi)
        if p == 0:
            dev = Hasil(
                nilai=Decimal(0) if r == 0 else SERATUS,
                rumus="tidak ada rencana pada periode ini",
            )
        else:
            mentah = abs(Decimal(r - p)) / Decimal(p) * SERATUS
            dev = hasil_bulat(
                min(mentah, SERATUS),
                f"|{format_angka(r)} − {format_angka(p)}| / {format_angka(p)} × 100%"
                + (" (dibatasi 100%)" if mentah > SERATUS else ""),
                pembulatan,
                persen=True,
            )
        periode.append(DeviasiPeriode(label, p, r, dev))
    rata = rata_rata([d.deviasi for d in periode], pembulatan=pembulatan)
    nilai = (
        hasil_bulat(
            max(SERATUS - rata.nilai, Decimal(0)),
            f"100 − {format_angka(rata.nilai, rata.desimal)}",
            pembulatan,
            persen=False,
        )
        if rata.dapat_dihitung
        else rata
    )
    return HasilDeviasi(tuple(periode), rata, nilai, tuple(catatan))


def persen_terhadap(
    nilai: int | None, basis: int | None, *, pembulatan: Pembulatan = BAKU
) -> Hasil:
    """A rupiah amount as a percentage of another (PNBP received against its target)."""
    if nilai is None:
        return Hasil.gagal("jumlah belum ada")
    if not basis:
        return Hasil.gagal("target belum ditetapkan")
    return hasil_bulat(
        Decimal(nilai) / Decimal(basis) * SERATUS,
        f"{format_angka(nilai)} / {format_angka(basis)} × 100%",
        pembulatan,
        persen=True,
    )
