"""A simulated budget: the DIPA (and its revisions, which move no pagu), the RKA-K/L code
tree of the two real DIPA (programs EC and WA, kegiatan 6077 and 6042, their KRO, RO and
komponen) with pagu on the leaves only, and the cumulative progress of every RO at the end
of each reported quarter: plan and realisation, financial and physical, never falling,
never above pagu. Some satker absorb their budget slower than planned."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from kinerja.choices import KewenanganRevisi, SumberDana, TingkatAnggaran
from kinerja.models import Dipa, IndikatorPerjanjian, ItemAnggaran, ProgresAnggaran, RevisiDipa
from kinerja.simulasi.acak import acak_desimal, batasi, bulat, rupiah, tanggal_acak
from kinerja.simulasi.konteks import KonteksSatker

D = Decimal
T = TingkatAnggaran

PERKANTORAN, OPERASIONAL, TEKNIS, MODAL = "perkantoran", "operasional", "teknis", "modal"

PROGRAM = (
    ("EC", "Program Nilai Tambah dan Daya Saing Industri"),
    ("WA", "Program Dukungan Manajemen"),
)
KEGIATAN = {
    "6077": ("EC", "Pengembangan dan Penyelenggaraan Jasa Industri"),
    "6042": (
        "WA",
        "Pengelolaan Manajemen Kesekretariatan Bidang Standardisasi dan Kebijakan Jasa Industri",
    ),
}
# KRO: name, output indicator, unit, volume range.
KRO = {
    "6077.AEF": ("Sosialisasi dan Diseminasi",
                 "Jumlah peserta promosi, publikasi, temu pelanggan, sosialisasi dan diseminasi",
                 "Orang", (20, 60)),
    "6077.BAD": ("Pelayanan Publik kepada industri",
                 "Jumlah industri yang mendapatkan layanan jasa", "Industri", (100, 800)),
    "6077.BDI": ("Fasilitasi dan Pembinaan Industri",
                 "Jumlah perusahaan industri yang difasilitasi dan dibina", "Perusahaan", (2, 10)),
    "6077.CAH": ("Sarana Bidang Industri dan Perdagangan",
                 "Jumlah sarana peralatan dan mesin untuk menunjang workshop/layanan/lab",
                 "Unit", (1, 3)),
    "6077.QDI": ("Fasilitasi dan Pembinaan Industri",
                 "Jumlah perusahaan industri yang difasilitasi melalui jasa konsultansi",
                 "Industri", (1, 4)),
    "6042.EBA": ("Layanan Dukungan Manajemen Internal",
                 "Terselenggaranya layanan manajemen internal satker", "Layanan", (3, 3)),
    "6042.EBB": ("Layanan Sarana dan Prasarana Internal",
                 "Tersedianya layanan sarana dan prasarana internal", "Unit", (1, 3)),
    "6042.EBC": ("Layanan Manajemen SDM Internal",
                 "Jumlah SDM yang ditingkatkan kompetensinya", "Orang", (5, 30)),
    "6042.EBD": ("Layanan Manajemen Kinerja Internal",
                 "Terselenggaranya layanan manajemen kinerja internal", "Dokumen", (4, 6)),
}  # fmt: skip


@dataclass(frozen=True)
class Komponen:
    kode: str
    uraian: str
    bobot: tuple[int, int]  # share of the satker's pagu, per mille
    sub: tuple[str, ...] = ()  # sub-komponen a satker may split the komponen into
    peluang: float = 1.0


@dataclass(frozen=True)
class Ro:
    kode: str
    uraian: str
    profil: str
    peluang: float
    komponen: tuple[Komponen, ...]


K = Komponen
RO = (
    Ro("6077.AEF.001", "Promosi/Publikasi/Temu Pelanggan/Sosialisasi/Diseminasi Standardisasi, "
       "Pemanfaatan Teknologi dan Layanan Jasa Teknis", TEKNIS, 0.9,
       (K("051", "Promosi/Publikasi/Temu Pelanggan/Diseminasi Standardisasi dan Layanan Teknis",
          (4, 8)),)),
    Ro("6077.BAD.001", "Jasa pelayanan teknis pengujian", TEKNIS, 1.0,
       (K("051", "Jasa Pelayanan Teknis Pengujian", (25, 50),
          ("Manajemen Laboratorium Pengujian sesuai SNI ISO/IEC 17025:2017",
           "Pengujian Parameter Lingkungan")),)),
    Ro("6077.BAD.024", "Jasa pelayanan teknis kalibrasi", TEKNIS, 0.7,
       (K("051", "Terselenggaranya jasa pelayanan teknis kalibrasi", (5, 12)),)),
    Ro("6077.BAD.036", "Jasa pelayanan teknis sertifikasi", TEKNIS, 0.6,
       (K("051", "Jasa Pelayanan Teknis Sertifikasi", (3, 8)),)),
    Ro("6077.BAD.058", "Jasa Pelayanan Bimbingan dan Pendampingan Teknis Industri", TEKNIS, 0.5,
       (K("051", "Jasa Pelayanan Bimbingan dan Pendampingan Teknis Industri", (3, 6)),)),
    Ro("6077.BAD.075", "Jasa Pelayanan Pemeriksa dan Pengujian Produk Halal", TEKNIS, 0.3,
       (K("051", "Penyelenggaraan Lembaga Pemeriksa Halal", (3, 7)),)),
    Ro("6077.BDI.006", "Pemanfaatan Teknologi Industri", TEKNIS, 0.9,
       (K("052", "Penerapan Pemanfaatan Teknologi oleh Balai", (4, 10),
          ("Analisis Prospek dan Kendala Pengembangan Produk IKM",
           "Identifikasi dan Analisis Kebutuhan Teknologi IKM",
           "Penerapan Industri 4.0 dan Penerapan serta Pengawasan Standardisasi Industri")),)),
    Ro("6077.CAH.021", "Peralatan fasilitas laboratorium/workshop/layanan", MODAL, 0.7,
       (K("051", "Peralatan fasilitas laboratorium/workshop/layanan", (20, 80)),)),
    Ro("6077.QDI.002", "Percepatan Pemanfaatan Teknologi Industri melalui Jasa Konsultasi",
       TEKNIS, 0.6, (K("053", "Jasa konsultasi program DAPATI", (5, 12)),)),
    Ro("6042.EBA.958", "Layanan Hubungan Masyarakat", OPERASIONAL, 1.0,
       (K("051", "Pengelolaan Data dan Informasi", (3, 10),
          ("Pemasaran Kompetensi dan Layanan Jasa Teknis",
           "Pengelolaan Unit Pelayanan Publik (UPP) dan PPID",
           "Survei Indeks Kepuasan Masyarakat dan Persepsi Korupsi")),)),
    Ro("6042.EBA.962", "Layanan Umum", OPERASIONAL, 0.6,
       (K("051", "Pelayanan Tata Usaha dan Rumah Tangga", (1, 3)),)),
    Ro("6042.EBA.994", "Layanan Perkantoran", PERKANTORAN, 1.0,
       (K("001", "Gaji dan Tunjangan", (450, 600)),
        K("002", "Operasional dan Pemeliharaan Kantor", (200, 280),
          ("Penambah Daya Tahan Tubuh", "Perawatan Gedung Kantor", "Perbaikan Peralatan Kantor",
           "Perawatan Kendaraan Bermotor Roda 4", "Langganan Daya dan Jasa",
           "Operasional Perkantoran dan Pimpinan")))),
    Ro("6042.EBB.951", "Layanan Sarana Internal", MODAL, 0.8,
       (K("051", "Pengadaan Kendaraan Bermotor Operasional", (10, 40), peluang=0.3),
        K("052", "Pengadaan perangkat pengolah data dan komunikasi", (3, 8)),
        K("053", "Pengadaan peralatan inventaris perkantoran", (5, 30), peluang=0.5))),
    Ro("6042.EBC.996", "Layanan Pendidikan dan Pelatihan", OPERASIONAL, 1.0,
       (K("051", "Peningkatan dan Pengembangan Kompetensi SDM", (8, 25),
          ("Peningkatan Kompetensi SDM", "Peningkatan Disiplin Pegawai")),)),
    Ro("6042.EBD.952", "Layanan Perencanaan dan Penganggaran", OPERASIONAL, 1.0,
       (K("051", "Penyusunan Rencana Program dan Anggaran", (2, 5)),)),
    Ro("6042.EBD.953", "Layanan Pemantauan dan Evaluasi", OPERASIONAL, 0.7,
       (K("051", "Pelaksanaan Pemantauan dan Evaluasi", (2, 5)),)),
    Ro("6042.EBD.955", "Layanan Manajemen Keuangan", OPERASIONAL, 0.6,
       (K("051", "Pengelolaan Keuangan dan Perbendaharaan", (2, 5)),)),
    Ro("6042.EBD.961", "Layanan Reformasi Kinerja", OPERASIONAL, 1.0,
       (K("051", "Pelaksanaan Reformasi Birokrasi/Zona Integritas/SPIP", (2, 6)),)),
    Ro("6042.EBD.965", "Layanan Audit Internal", OPERASIONAL, 0.9,
       (K("051", "Akreditasi/Surveilans/Reakreditasi dan Pengembangan Kelembagaan", (8, 35)),)),
)  # fmt: skip

# Budget nodes that support each PK line (LAKIP Tabel 30), by RO code.
RO_PENDUKUNG = {
    "T3/SP1/c": ("6077.BDI.006", "6077.AEF.001"),
    "T1/SP2/b": ("6077.BDI.006",),
    "T1/SP2/d": ("6077.BDI.006", "6077.BAD.058"),
    "T1/SP3/c": ("6077.QDI.002",),
    "T1/SP3/e": ("6077.BAD.001", "6077.BAD.024", "6077.BAD.036", "6077.BAD.075"),
    "T1/SP3/f": ("6077.BAD.001", "6077.BAD.024", "6077.BAD.036"),
    "T1/SP3/d": ("6077.CAH.021", "6042.EBB.951"),
    "T4/SP6/b": ("6042.EBD.961",),
    "T2/SP5/b": ("6042.EBA.958",),
    "T4/SP7/a": ("6042.EBC.996",),
    "T4/SP8/c": ("6042.EBA.958", "6042.EBA.962"),
    "T4/SP9/a": ("6042.EBD.952", "6042.EBD.953"),
    "T4/SP9/b": ("6042.EBD.955",),
}

# Cumulative financial plan (% of pagu) at the end of quarter I..III by kind of RO.
RENCANA = {
    PERKANTORAN: (("23", "25"), ("48", "50"), ("73", "75")),
    OPERASIONAL: (("15", "25"), ("40", "50"), ("65", "75")),
    TEKNIS: (("5", "20"), ("30", "45"), ("60", "75")),
    MODAL: (("0", "5"), ("10", "35"), ("50", "75")),
}


@dataclass(frozen=True)
class ProfilAnggaran:
    """A satker's budget: its pagu and how fast it spends against its plan."""

    pagu: int
    faktor: tuple[D, ...]  # realisation / plan at the end of quarter I..IV (non-salary)
    serapan: tuple[D, ...]  # share of the non-salary budget realised, quarter I..IV

    @property
    def lambat(self) -> bool:
        return self.faktor[1] < D("0.85")


def profil_anggaran(rng: random.Random, besar: bool) -> ProfilAnggaran:
    """Pagu of a Balai 5-15 billion rupiah, of a Balai Besar 15-60 billion (whole thousands);
    a quarter of the satker spend clearly behind their plan."""
    ribu = rng.randint(15_000_000, 60_000_000) if besar else rng.randint(5_000_000, 15_000_000)
    jenis = rng.random()
    if jenis < 0.25:
        batas = (("0.40", "0.70"), ("0.50", "0.75"), ("0.65", "0.88"), ("0.90", "0.96"))
    elif jenis < 0.85:
        batas = (("0.88", "1.00"), ("0.90", "1.02"), ("0.92", "1.02"), ("0.96", "0.995"))
    else:
        batas = (("1.00", "1.15"), ("1.00", "1.10"), ("1.00", "1.05"), ("0.98", "0.999"))
    faktor = tuple(acak_desimal(rng, lo, hi, 3) for lo, hi in batas)
    rencana = (D("0.20"), D("0.45"), D("0.70"), D(1))
    serapan = tuple(batasi(r * f, 0, 1) for r, f in zip(rencana, faktor, strict=True))
    return ProfilAnggaran(pagu=ribu * 1000, faktor=faktor, serapan=serapan)


def buat_dipa(ctx: KonteksSatker, p: ProfilAnggaran, target_pnbp: int) -> Dipa:
    """The DIPA of 30 November of the previous year; revisions open the blocked amount or
    move money between komponen, so the pagu stays that of the tree's leaves."""
    rng, tahun, satker = ctx.rng, ctx.tahun, ctx.satker
    revisi = []
    if rng.random() < 0.6:
        revisi.append(("Pembukaan blokir anggaran", KewenanganRevisi.KANWIL_DJPB, (2, 1), (4, 30)))
    if rng.random() < 0.4:
        revisi.append(
            ("Revisi POK: pergeseran anggaran antarkomponen dalam satu keluaran",
             KewenanganRevisi.KPA, (6, 1), (9, 30))
        )  # fmt: skip
    blokir = rupiah(p.pagu * acak_desimal(rng, "0.02", "0.05")) // 1000 * 1000 if revisi else 0
    kode = satker.kode or f"(simulasi {satker.singkatan})"
    dipa = ctx.bundel.tambah(
        Dipa(
            satker=satker,
            tahun=tahun,
            nomor=f"SP DIPA-019.07.2.{kode}/{tahun}",
            tanggal=datetime.date(tahun - 1, 11, 30),
            pagu_awal=p.pagu,
            blokir_awal=blokir,
            target_pnbp=target_pnbp,
            catatan="Data simulasi (manage.py buat_simulasi).",
        )
    )
    for nomor, (uraian, kewenangan, awal, akhir) in enumerate(revisi, start=1):
        ctx.bundel.tambah(
            RevisiDipa(
                dipa=dipa,
                nomor=nomor,
                tanggal=tanggal_acak(
                    rng, datetime.date(tahun, *awal), datetime.date(tahun, *akhir)
                ),
                kewenangan=kewenangan,
                uraian=uraian,
                pagu=p.pagu,
                blokir=0,
                target_pnbp=target_pnbp,
            )
        )
    return dipa


@dataclass(frozen=True)
class RoPohon:
    item: ItemAnggaran
    pagu: int  # the sum of its leaves
    profil: str
    pagu_gaji: int  # salaries: paid every month as planned, whatever the satker's pace


@dataclass
class Pohon:
    """The satker's tree: its RO nodes, and the leaves under each RO code."""

    ro: list[RoPohon]
    daun_per_ro: dict[str, list[ItemAnggaran]]


def buat_pohon(ctx: KonteksSatker, p: ProfilAnggaran) -> Pohon:
    rng, satker, tahun = ctx.rng, ctx.satker, ctx.tahun
    ro_dipilih = [ro for ro in RO if rng.random() < ro.peluang]
    pnbp = rng.random() < 0.6  # a satker that spends its own PNBP on its services
    # Leaves: (RO, komponen, sub-komponen name or None, weight).
    daun: list[tuple[Ro, Komponen, str | None, D]] = []
    for ro in ro_dipilih:
        for k in ro.komponen:
            if rng.random() >= k.peluang:
                continue
            bobot = acak_desimal(rng, str(k.bobot[0]), str(k.bobot[1]), 1)
            if k.sub and rng.random() < 0.5:
                bagian = rng.sample(range(len(k.sub)), rng.randint(2, len(k.sub)))
                porsi = [acak_desimal(rng, "1", "3") for _ in bagian]
                for i, w in zip(sorted(bagian), porsi, strict=True):
                    daun.append((ro, k, k.sub[i], bobot * w / sum(porsi)))
            else:
                daun.append((ro, k, None, bobot))
    total_bobot = sum(w for *_, w in daun)
    pagu_daun = [rupiah(p.pagu * w / total_bobot) // 1000 * 1000 for *_, w in daun]
    gaji = next(i for i, (_, k, *_) in enumerate(daun) if k.uraian == "Gaji dan Tunjangan")
    pagu_daun[gaji] += p.pagu - sum(pagu_daun)

    urutan = iter(range(1, 10_000))
    simpul: dict[str, ItemAnggaran] = {}

    def node(kode_lengkap: str, induk: ItemAnggaran | None, tingkat: str, uraian: str, **lain):
        if kode_lengkap not in simpul:
            simpul[kode_lengkap] = ctx.bundel.tambah(
                ItemAnggaran(
                    satker=satker,
                    tahun=tahun,
                    induk=induk,
                    tingkat=tingkat,
                    kode=kode_lengkap.split(".")[-1],
                    kode_lengkap=kode_lengkap,
                    uraian=uraian,
                    urutan=next(urutan),
                    **lain,
                )
            )
        return simpul[kode_lengkap]

    pagu_ro: dict[str, int] = {}
    pagu_gaji: dict[str, int] = {}
    daun_per_ro: dict[str, list[ItemAnggaran]] = {}
    kode_sub = {}
    for (ro, k, sub, _), pagu in zip(daun, pagu_daun, strict=True):
        kegiatan = ro.kode[:4]
        program = KEGIATAN[kegiatan][0]
        prog = node(program, None, T.PROGRAM, dict(PROGRAM)[program])
        keg = node(kegiatan, prog, T.KEGIATAN, KEGIATAN[kegiatan][1])
        nama_kro, indikator, satuan, volume = KRO[ro.kode[:8]]
        kro = node(
            ro.kode[:8], keg, T.KRO, nama_kro, indikator_keluaran=indikator,
            volume=D(rng.randint(*volume)), satuan=satuan, lokasi=satker.provinsi.upper(),
        )  # fmt: skip
        ro_node = node(ro.kode, kro, T.RO, ro.uraian)
        kode_k = f"{ro.kode}.{k.kode}"
        sumber = SumberDana.PNBP if pnbp and ro.kode.startswith("6077.BAD") else SumberDana.RM
        if sub is None:
            leaf = node(kode_k, ro_node, T.KOMPONEN, k.uraian, pagu=pagu, sumber_dana=sumber)
        else:
            komp = node(kode_k, ro_node, T.KOMPONEN, k.uraian)
            huruf = kode_sub.setdefault(kode_k, iter("ABCDEFGHIJ"))
            leaf = node(
                f"{kode_k}.{next(huruf)}", komp, T.SUB_KOMPONEN, sub, pagu=pagu,
                sumber_dana=sumber,
            )  # fmt: skip
        pagu_ro[ro.kode] = pagu_ro.get(ro.kode, 0) + pagu
        if k.uraian == "Gaji dan Tunjangan":
            pagu_gaji[ro.kode] = pagu
        daun_per_ro.setdefault(ro.kode, []).append(leaf)
    ro_list = [
        RoPohon(simpul[ro.kode], pagu_ro[ro.kode], ro.profil, pagu_gaji.get(ro.kode, 0))
        for ro in ro_dipilih
        if ro.kode in pagu_ro
    ]
    return Pohon(ro=ro_list, daun_per_ro=daun_per_ro)


def buat_progres(ctx: KonteksSatker, pohon: Pohon, p: ProfilAnggaran, triwulan: list[int]) -> None:
    """Each RO's cumulative progress at the end of the reported quarters (months 3, 6, 9,
    12): plan and realisation in rupiah (the %, derived, is not stored twice), physical plan
    and realisation. Salaries follow their plan; the rest follow the satker's pace."""
    rng = ctx.rng
    for ro in pohon.ro:
        item, pagu = ro.item, ro.pagu
        rencana = [acak_desimal(rng, lo, hi) for lo, hi in RENCANA[ro.profil]] + [D(100)]
        gaji = D(ro.pagu_gaji) / pagu if pagu else D(0)
        realisasi_lalu, fisik_lalu, rencana_fisik_lalu = 0, D(0), D(0)
        for q in (1, 2, 3, 4):
            # Realisation / plan: the satker's pace, a little different for each RO.
            sebaran = ("0.98", "1.00") if q == 4 else ("0.95", "1.05")
            laju = p.faktor[q - 1] * acak_desimal(rng, *sebaran, 3)
            laju_gaji = acak_desimal(rng, "0.97", "1.00", 3)
            persen = rencana[q - 1] * (gaji * laju_gaji + (1 - gaji) * laju)
            realisasi = max(realisasi_lalu, min(pagu, rupiah(pagu * batasi(persen, 0, 100) / 100)))
            persen_nyata = D(realisasi) * 100 / pagu if pagu else D(0)
            rencana_fisik = max(
                rencana_fisik_lalu, batasi(rencana[q - 1] + acak_desimal(rng, "0", "5"), 0, 100)
            )
            if q == 4:
                rencana_fisik = D(100)
            fisik = max(
                fisik_lalu, batasi(bulat(persen_nyata + acak_desimal(rng, "0", "8")), 0, 100)
            )
            realisasi_lalu, fisik_lalu, rencana_fisik_lalu = realisasi, fisik, rencana_fisik
            if q not in triwulan:
                continue
            ctx.bundel.tambah(
                ProgresAnggaran(
                    item=item,
                    bulan=3 * q,
                    rencana_keuangan=rencana[q - 1],
                    realisasi_keuangan_rp=realisasi,
                    rencana_fisik=rencana_fisik,
                    realisasi_fisik=fisik,
                )
            )


def tautkan_indikator(
    ctx: KonteksSatker, pohon: Pohon, baris: list[tuple[str, IndikatorPerjanjian]]
) -> None:
    """Link each PK line to the leaves of the ROs that fund it (LAKIP Tabel 30)."""
    for kode, indikator in baris:
        for ro in RO_PENDUKUNG.get(kode, ()):
            for daun in pohon.daun_per_ro.get(ro, []):
                ctx.bundel.tautkan(indikator, daun)
