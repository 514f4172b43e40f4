"""The figures of one PK line for a quarter or a year, from plain inputs.

Supporting data carry a position date (posisi per tanggal), so the realisasi "s.d. triwulan"
is the computation method applied to the data as of the quarter's last day; the whole year is
the position of 31 December. Where the data for the position are missing, the value the satker
reported is used (quarter values combined by the indicator's rule) and the line says so."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kinerja.formatting import format_tanggal, romawi
from kinerja.perhitungan import catatan as flags
from kinerja.perhitungan.agregasi import TERAKHIR, agregasi
from kinerja.perhitungan.capaian import (
    MAKSIMASI,
    SELISIH,
    Ambang,
    Status,
    capaian,
    capaian_antara,
    status,
)
from kinerja.perhitungan.dasar import BAKU, Hasil, Pembulatan, angka
from kinerja.perhitungan.metode import (
    AKUN_P3DN,
    BarisPdn,
    Pengukuran,
    indeks_survei,
    indeks_tertimbang,
    jumlah,
    nilai_eksternal,
    pangsa_pdn,
    pertumbuhan,
    produktivitas_efisiensi,
    rasio_tindak_lanjut,
    rata_rata_total,
)

# Supporting-data sources (the values of kinerja.choices.DataDukung).
PNBP_LAYANAN = "pnbp_layanan"
HASIL_LAYANAN = "hasil_layanan"
ORDER_LAYANAN = "order_layanan"
PENGUKURAN_PERUSAHAAN = "pengukuran_perusahaan"
BUTIR_CAPAIAN = "butir_capaian"
BELANJA_PDN = "belanja_pdn"
SURVEI_KEPUASAN = "survei_kepuasan"
PROFESIONALITAS_ASN = "profesionalitas_asn"
LAYANAN_PUBLIK = "layanan_publik"
REKOMENDASI_AUDIT = "rekomendasi_audit"
NILAI_SAKIP = "nilai_sakip"
NILAI_LAPORAN_KEUANGAN = "nilai_laporan_keuangan"

NAMA_DATA = {
    PNBP_LAYANAN: "PNBP layanan jasa",
    HASIL_LAYANAN: "hasil layanan jasa",
    ORDER_LAYANAN: "SPK/order layanan jasa",
    PENGUKURAN_PERUSAHAAN: "pengukuran perusahaan",
    BUTIR_CAPAIAN: "daftar capaian",
    BELANJA_PDN: "belanja PDN per akun",
    SURVEI_KEPUASAN: "survei kepuasan masyarakat",
    PROFESIONALITAS_ASN: "nilai profesionalitas pegawai",
    LAYANAN_PUBLIK: "penilaian indeks layanan publik",
    REKOMENDASI_AUDIT: "rekomendasi hasil pengawasan",
    NILAI_SAKIP: "nilai evaluasi SAKIP",
    NILAI_LAPORAN_KEUANGAN: "nilai laporan keuangan",
}


@dataclass(frozen=True)
class Konfigurasi:
    pembulatan: Pembulatan = BAKU
    ambang: Ambang = field(default_factory=Ambang)
    batas_capaian_tinggi: Decimal = Decimal(150)
    akun_p3dn: frozenset[str] = AKUN_P3DN


def akhir_triwulan(tahun: int, triwulan: int) -> datetime.date:
    """The position date of a quarter: its last day."""
    if triwulan not in (1, 2, 3, 4):
        raise ValueError(f"triwulan di luar 1..4: {triwulan}")
    bulan = triwulan * 3
    hari = 31 if bulan in (3, 12) else 30
    return datetime.date(tahun, bulan, hari)


def triwulan_bulan(bulan: int) -> int:
    """The quarter a month (1-12) falls in."""
    return (bulan + 2) // 3


def tanggal_tahun_lalu(tanggal: datetime.date) -> datetime.date:
    """The same position one year earlier (29 February → 28 February)."""
    if tanggal.month == 2 and tanggal.day == 29:
        return datetime.date(tanggal.year - 1, 2, 28)
    return tanggal.replace(year=tanggal.year - 1)


# --- plain supporting data --------------------------------------------------------------


@dataclass(frozen=True)
class Posisi:
    """An amount at a position date: PNBP receipts or service results to date."""

    tanggal: datetime.date
    jumlah: int
    dihitung: bool = True  # a service fee (PNBP) / a service result of the counted kind


@dataclass(frozen=True)
class PengukuranBertanggal:
    tanggal: datetime.date
    pengukuran: Pengukuran


@dataclass(frozen=True)
class Butir:
    tanggal: datetime.date
    uraian: str
    jumlah: int = 1


@dataclass(frozen=True)
class PdnBertanggal:
    tanggal: datetime.date
    baris: BarisPdn


@dataclass(frozen=True)
class Survei:
    tanggal: datetime.date
    unsur: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class NilaiPegawai:
    tanggal: datetime.date
    pegawai: str
    komponen: tuple[Decimal, ...]


@dataclass(frozen=True)
class PenilaianAspek:
    tanggal: datetime.date
    aspek: tuple[tuple[str, Decimal, Decimal], ...]


@dataclass(frozen=True)
class Rekomendasi:
    tahun_audit: int
    selesai: bool
    tanggal_selesai: datetime.date | None = None


@dataclass(frozen=True)
class Skor:
    """An external score: its components where known, else its value; the printed total."""

    tanggal: datetime.date
    nilai: Decimal | None = None
    komponen: tuple[tuple[str, Decimal], ...] = ()
    total_tercetak: Decimal | None = None
    predikat: str = ""


@dataclass(frozen=True)
class DataDukung:
    """Every supporting record that can bear on a line (the satker's year and the previous
    year; the line's own measurements and items)."""

    pnbp: tuple[Posisi, ...] = ()
    hasil_layanan: tuple[Posisi, ...] = ()
    order_layanan: tuple[Posisi, ...] = ()
    pengukuran: tuple[PengukuranBertanggal, ...] = ()
    butir: tuple[Butir, ...] = ()
    pdn: tuple[PdnBertanggal, ...] = ()
    survei: tuple[Survei, ...] = ()
    profesionalitas: tuple[NilaiPegawai, ...] = ()
    layanan_publik: tuple[PenilaianAspek, ...] = ()
    rekomendasi: tuple[Rekomendasi, ...] = ()
    sakip: tuple[Skor, ...] = ()
    laporan_keuangan: tuple[Skor, ...] = ()


@dataclass(frozen=True)
class MasukanBaris:
    """Everything needed to compute one PK line, as plain values."""

    kode: str
    sasaran: str
    indikator: str
    satuan: str
    target: Decimal
    tahun: int
    klasifikasi: str = MAKSIMASI
    rumus_minimasi: str = SELISIH
    data_dukung: str = ""
    agregasi_triwulan: str = TERAKHIR
    target_antara: tuple[Decimal | None, ...] = (None, None, None, None)
    realisasi_antara: tuple[Decimal | None, ...] = (None, None, None, None)
    dilaporkan: tuple[Decimal | None, ...] = (None, None, None, None)
    target_renstra: Decimal | None = None
    data: DataDukung = field(default_factory=DataDukung)
    satker: str = ""
    # The manual's version the line is computed with (the year it applies from), and its own
    # status thresholds where it sets them (None: the configuration's).
    versi: int | None = None
    ambang: Ambang | None = None


@dataclass(frozen=True)
class HasilBaris:
    satker: str
    kode: str
    sasaran: str
    indikator: str
    satuan: str
    target: Decimal
    tahun: int
    triwulan: int | None
    realisasi: Hasil
    sumber_realisasi: str  # "data_dukung", "dilaporkan" or "" (none)
    capaian: Hasil
    target_antara: Decimal | None
    realisasi_antara: Decimal | None
    capaian_antara: Hasil | None
    status: Status  # the line's status: the quarter's progress, or the year's capaian
    catatan: tuple[str, ...]
    # Shown apart on the quarter page: progress against the quarter's target antara (None for
    # the year) and capaian against the yearly target.
    status_progres: Status | None = None
    status_capaian: Status = Status.TIDAK_DAPAT_DINILAI
    versi: int | None = None  # the manual's version used: the year it applies from
    ambang: Ambang | None = None  # the version's own thresholds (None: the configuration's)

    @property
    def label_versi(self) -> str:
        """Which definition the working used: "Pedoman versi berlaku mulai 2024"."""
        return "" if self.versi is None else f"Pedoman versi berlaku mulai {self.versi}"

    @property
    def rumus(self) -> str:
        """The working of the line: realisasi, then capaian."""
        bagian = []
        if self.realisasi.rumus:
            bagian.append(f"Realisasi: {self.realisasi.rumus}")
        if self.capaian.rumus:
            bagian.append(f"Capaian: {self.capaian.rumus}")
        if self.capaian_antara is not None and self.capaian_antara.rumus:
            bagian.append(f"Capaian antara: {self.capaian_antara.rumus}")
        return ". ".join(bagian)


def perlu_penjelasan(h: HasilBaris, ambang: Ambang) -> bool:
    """Behind its target antara this quarter, or, in the last quarter, short of its target
    (capaian below the threshold for reached): the line must say what hindered it and what
    follows. The line's own thresholds (its manual version's) win over `ambang`."""
    kurang = (Status.PERLU_PERHATIAN, Status.TIDAK_TERCAPAI)
    if h.status in kurang:
        return True
    return h.triwulan == 4 and status(h.capaian.nilai, h.ambang or ambang) in kurang


# --- the computation --------------------------------------------------------------------


def hitung_baris(
    masukan: MasukanBaris, triwulan: int | None = None, konfigurasi: Konfigurasi | None = None
) -> HasilBaris:
    """Realisasi, capaian, progress, status and review flags of one line for quarter
    `triwulan` (1..4, cumulative "s.d. triwulan") or for the whole year (None)."""
    if triwulan is not None and triwulan not in (1, 2, 3, 4):
        raise ValueError(f"triwulan di luar 1..4: {triwulan!r}")
    k = konfigurasi or Konfigurasi()
    tw = triwulan or 4
    posisi = akhir_triwulan(masukan.tahun, tw)
    catatan: list[str] = []

    realisasi, sumber, catatan_data = _realisasi(masukan, tw, posisi, k)
    catatan.extend(catatan_data)
    if realisasi.alasan:
        catatan.append(f"Realisasi {realisasi.alasan}.")

    hasil_capaian = capaian(
        realisasi.nilai,
        masukan.target,
        klasifikasi=masukan.klasifikasi,
        rumus_minimasi=masukan.rumus_minimasi,
        pembulatan=k.pembulatan,
    )
    if hasil_capaian.alasan and realisasi.dapat_dihitung:
        catatan.append(f"Capaian {hasil_capaian.alasan}.")
    if flag := flags.capaian_jauh_di_atas(hasil_capaian.nilai, k.batas_capaian_tinggi):
        catatan.append(flag)

    target_antara = realisasi_antara = None
    hasil_antara = None
    if triwulan is not None:
        target_antara = masukan.target_antara[tw - 1]
        realisasi_antara = masukan.realisasi_antara[tw - 1]
        hasil_antara = capaian_antara(realisasi_antara, target_antara, pembulatan=k.pembulatan)
    catatan.extend(flags.target_antara_tidak_wajar(masukan.target_antara))
    catatan.extend(
        flags.kumulatif_menurun(
            list(enumerate(masukan.realisasi_antara[:tw], start=1)), "Realisasi antara"
        )
    )
    if flag := flags.target_berbeda_renstra(masukan.target, masukan.target_renstra, masukan.tahun):
        catatan.append(flag)

    # A quarter is judged by its progress against the Rencana Aksi; the year by its capaian,
    # each against the thresholds of the manual's version (else the configuration's).
    ambang = masukan.ambang or k.ambang
    status_capaian = status(hasil_capaian.nilai, ambang)
    # The progress is judged alone, as the PP-39 does (Manado's Tabel 5 counts a line on plan
    # as reached before its value is measured); the page shows it labelled as progress,
    # beside the capaian status, which is never reached while the realisasi is missing.
    status_progres = None
    if hasil_antara is not None:
        status_progres = status(hasil_antara.nilai, ambang)
    return HasilBaris(
        satker=masukan.satker,
        kode=masukan.kode,
        sasaran=masukan.sasaran,
        indikator=masukan.indikator,
        satuan=masukan.satuan,
        target=masukan.target,
        tahun=masukan.tahun,
        triwulan=triwulan,
        realisasi=realisasi,
        sumber_realisasi=sumber,
        capaian=hasil_capaian,
        target_antara=target_antara,
        realisasi_antara=realisasi_antara,
        capaian_antara=hasil_antara,
        status=status_progres if status_progres is not None else status_capaian,
        catatan=tuple(dict.fromkeys(catatan)),
        status_progres=status_progres,
        status_capaian=status_capaian,
        versi=masukan.versi,
        ambang=masukan.ambang,
    )


def _realisasi(
    m: MasukanBaris, tw: int, posisi: datetime.date, k: Konfigurasi
) -> tuple[Hasil, str, list[str]]:
    """The realisasi s.d. quarter `tw`: from the supporting data as of `posisi` when they
    exist, otherwise from the reported values; and the flags this choice raises."""
    catatan: list[str] = []
    dilaporkan = _dilaporkan(m, tw)
    dari_data = None
    if m.data_dukung:
        dari_data, catatan = _dari_data_dukung(m, posisi, k)
    if dari_data is not None:
        if dari_data.dapat_dihitung and dilaporkan is not None:
            flag = flags.dilaporkan_berbeda(dilaporkan, dari_data.nilai, dari_data.desimal)
            if flag:
                catatan.append(flag)
        return dari_data, "data_dukung", catatan
    if dilaporkan is not None:
        if m.data_dukung:
            catatan.append(flags.tanpa_data_dukung(NAMA_DATA[m.data_dukung]))
        terakhir = max((i for i, v in enumerate(m.dilaporkan[:tw], 1) if v is not None))
        if m.agregasi_triwulan == TERAKHIR and terakhir < tw:
            catatan.append(f"Nilai terakhir yang dilaporkan adalah posisi TW {romawi(terakhir)}.")
        bulat = k.pembulatan.bulatkan(dilaporkan)
        return (
            Hasil(
                nilai=bulat,
                rumus=f"dilaporkan s.d. TW {romawi(tw)} = {angka(bulat)}",
                desimal=k.pembulatan.desimal,
                keterangan="nilai yang dilaporkan satker",
            ),
            "dilaporkan",
            catatan,
        )
    if m.data_dukung:
        alasan = f"belum ada {NAMA_DATA[m.data_dukung]} s.d. {format_tanggal(posisi)}"
    else:
        alasan = f"realisasi s.d. TW {romawi(tw)} belum dilaporkan"
    return Hasil.gagal(alasan), "", catatan


def _dilaporkan(m: MasukanBaris, tw: int) -> Decimal | None:
    """The reported values of quarters 1..tw combined by the indicator's rule."""
    return agregasi(m.agregasi_triwulan, m.dilaporkan[:tw])


def _dari_data_dukung(
    m: MasukanBaris, posisi: datetime.date, k: Konfigurasi
) -> tuple[Hasil | None, list[str]]:
    """The realisasi computed from the supporting data as of `posisi`, or None when there
    are no such data at that position."""
    d, p, tahun = m.data, k.pembulatan, m.tahun

    def dalam_tahun(items: Sequence) -> list:
        return [i for i in items if i.tanggal.year == tahun and i.tanggal <= posisi]

    def terbaru(items: Sequence) -> list:
        if not items:
            return []
        tanggal = max(i.tanggal for i in items)
        return [i for i in items if i.tanggal == tanggal]

    sumber = m.data_dukung
    if sumber in (PNBP_LAYANAN, HASIL_LAYANAN):
        semua = d.pnbp if sumber == PNBP_LAYANAN else d.hasil_layanan
        kini = terbaru(dalam_tahun(semua))
        if not kini:
            return None, []
        tanggal_b = kini[0].tanggal
        tanggal_a = tanggal_tahun_lalu(tanggal_b)
        lalu = [x for x in semua if x.tanggal == tanggal_a]
        return (
            pertumbuhan(
                sum(x.jumlah for x in kini if x.dihitung),
                sum(x.jumlah for x in lalu if x.dihitung) if lalu else None,
                nama=NAMA_DATA[sumber],
                posisi_b=format_tanggal(tanggal_b),
                posisi_a=format_tanggal(tanggal_a),
                pembulatan=p,
            ),
            [],
        )
    if sumber == ORDER_LAYANAN:
        kini = terbaru(dalam_tahun(d.order_layanan))
        if not kini:
            return None, []
        nama = f"SPK/order s.d. {format_tanggal(kini[0].tanggal)}"
        return jumlah([sum(x.jumlah for x in kini)], nama=nama), []
    if sumber == PENGUKURAN_PERUSAHAAN:
        ukur = dalam_tahun(d.pengukuran)
        if not ukur:
            return None, []
        return produktivitas_efisiensi([u.pengukuran for u in ukur], pembulatan=p), []
    if sumber == BUTIR_CAPAIAN:
        if not [b for b in d.butir if b.tanggal.year == tahun]:
            return None, []
        butir = dalam_tahun(d.butir)
        nama = f"jumlah {m.satuan.lower()} s.d. {format_tanggal(posisi)}"
        hasil = jumlah([b.jumlah for b in butir], nama=nama)
        if butir:
            hasil = replace(
                hasil, keterangan=f"{hasil.keterangan}: " + "; ".join(b.uraian for b in butir)
            )
        return hasil, []
    if sumber == BELANJA_PDN:
        kini = terbaru(dalam_tahun(d.pdn))
        if not kini:
            return None, []
        hasil = pangsa_pdn([x.baris for x in kini], akun_terpilih=k.akun_p3dn, pembulatan=p)
        melebihi = [
            x.baris.akun for x in kini if x.baris.pdn + x.baris.tkdn + x.baris.impor > x.baris.pagu
        ]
        catatan = [f"Realisasi akun {', '.join(melebihi)} melebihi pagu."] if melebihi else []
        return hasil, catatan
    if sumber == SURVEI_KEPUASAN:
        kini = terbaru(dalam_tahun(d.survei))
        if not kini:
            return None, []
        return indeks_survei(kini[0].unsur, pembulatan=p), []
    if sumber == PROFESIONALITAS_ASN:
        kini = terbaru(dalam_tahun(d.profesionalitas))
        if not kini:
            return None, []
        return rata_rata_total([(x.pegawai, x.komponen) for x in kini], pembulatan=p), []
    if sumber == LAYANAN_PUBLIK:
        kini = terbaru(dalam_tahun(d.layanan_publik))
        if not kini:
            return None, []
        return indeks_tertimbang(kini[0].aspek, pembulatan=p), []
    if sumber == REKOMENDASI_AUDIT:
        return _rasio_rekomendasi(d.rekomendasi, tahun, posisi, p)
    if sumber in (NILAI_SAKIP, NILAI_LAPORAN_KEUANGAN):
        semua = d.sakip if sumber == NILAI_SAKIP else d.laporan_keuangan
        kini = terbaru(dalam_tahun(semua))
        if not kini:
            return None, []
        skor = kini[0]
        hasil = nilai_eksternal(
            komponen=skor.komponen,
            nilai=skor.nilai,
            nama=NAMA_DATA[sumber],
            predikat=skor.predikat,
            pembulatan=p,
        )
        catatan = []
        if skor.total_tercetak is not None and hasil.dapat_dihitung:
            flag = flags.total_tidak_sesuai(NAMA_DATA[sumber], skor.total_tercetak, hasil.nilai)
            if flag:
                catatan.append(flag)
        return hasil, catatan
    raise ValueError(f"sumber data dukung tidak dikenal: {sumber}")


def _rasio_rekomendasi(
    rekomendasi: Sequence[Rekomendasi], tahun: int, posisi: datetime.date, p: Pembulatan
) -> tuple[Hasil | None, list[str]]:
    """Follow-up ratio of the latest audit up to `tahun`: the manual lets a satker that was
    not audited this year use the previous audit."""
    tahun_audit = [r.tahun_audit for r in rekomendasi if r.tahun_audit <= tahun]
    if not tahun_audit:
        return None, []
    terakhir = max(tahun_audit)
    daftar = [r for r in rekomendasi if r.tahun_audit == terakhir]
    selesai = sum(
        1
        for r in daftar
        if r.selesai and (r.tanggal_selesai is None or r.tanggal_selesai <= posisi)
    )
    catatan = []
    if terakhir < tahun:
        catatan.append(
            f"Tidak ada pengawasan tahun {tahun}; dipakai hasil pengawasan tahun {terakhir}."
        )
    return rasio_tindak_lanjut(selesai, len(daftar), pembulatan=p), catatan
