"""The budget's two workbooks on the import mechanism (kinerja.impor.dasar): the code tree
with pagu on its leaves ("struktur"), and the cumulative financial and physical progress per
node and month ("realisasi")."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from kinerja import batas, hasil, perubahan
from kinerja.choices import URUTAN_TINGKAT, SumberDana, TingkatAnggaran
from kinerja.formatting import romawi
from kinerja.impor.dasar import (
    BULAT,
    RUPIAH,
    BerkasTidakSah,
    Kolom,
    Lingkup,
    Perubahan,
    RencanaImpor,
    Spec,
    angka_teks,
    periksa,
    seperti_diketik,
    teks,
)
from kinerja.impor.dasar import baca as _baca
from kinerja.impor.dasar import templat as _templat
from kinerja.kode_anggaran import (
    KodeTidakSah,
    kode_induk,
    kunci_urut,
    segmen_terakhir,
    tingkat_kode,
)
from kinerja.models import ItemAnggaran, ProgresAnggaran, StatusPelaporan
from kinerja.perhitungan import triwulan_bulan
from kinerja.siklus import triwulan_terkunci
from satker.models import Satker

__all__ = ["BerkasTidakSah", "RencanaImpor", "baca", "templat"]

STRUKTUR = "struktur"
REALISASI = "realisasi"
RUPIAH_MAKS = 10**15  # a thousand trillion: beyond any satker's DIPA
# What the volume columns hold (kinerja.batas: the same bound as the pages and the admin).
VOLUME_MAKS = batas.rentang(ItemAnggaran._meta.get_field("volume")).atas
SERATUS = Decimal(100)


def _panjang(f: str) -> int:
    return ItemAnggaran._meta.get_field(f).max_length


def _persen(nama: str, judul: str, penjelasan: str, label: str, lebar: int = 14) -> Kolom:
    return Kolom(nama, judul, penjelasan, lebar, jenis="angka", maks=SERATUS, label=label)


def _keadaan(status: str) -> str:
    return "diverifikasi" if status == StatusPelaporan.DIVERIFIKASI else "diajukan"


class Struktur(Spec):
    """The code tree: rows depend on each other (a node's parent must be in the file, pagu
    only on leaves), so it checks the file as a whole after each row's cells."""

    jenis = STRUKTUR
    judul_lembar = "Struktur"
    nama = "struktur dan pagu anggaran"
    hapus_yang_hilang = True
    field_rupiah = frozenset({"pagu"})
    judul_lain = {"induk": "Induk"}
    uraian_riwayat = "Impor anggaran"
    nama_data = "anggaran"
    kolom = (
        Kolom(
            "kode", "Kode",
            "Kode lengkap: EC (program), 6077 (kegiatan), 6077.BAD (KRO), "
            "6077.BAD.012 (RO), 6077.BAD.012.051 (komponen), 6077.BAD.012.051.A "
            "(sub-komponen), lalu akun 6 angka.",
            24,
        ),
        Kolom("program", "Program", "Hanya untuk baris kegiatan: kode programnya (mis. EC).", 10),
        Kolom(
            "uraian", "Uraian", "Nama program/kegiatan/output/komponen.", 60,
            panjang=_panjang("uraian"), label="Uraian",
        ),
        Kolom(
            "pagu", "Pagu (Rp)",
            "Rupiah bulat, HANYA pada rincian terbawah. Total di atasnya "
            "dihitung aplikasi; jangan diisi.",
            18, jenis=RUPIAH, maks=Decimal(RUPIAH_MAKS), label="pagu",
        ),
        Kolom("sumber_dana", "Sumber dana", "RM atau PNBP (rincian terbawah); boleh kosong.", 12),
        Kolom(
            "indikator_keluaran", "Indikator keluaran", "Indikator output (KRO/RO), boleh kosong.",
            40, panjang=_panjang("indikator_keluaran"), label="Indikator keluaran",
        ),
        Kolom(
            "volume", "Volume", "Volume output, angka; boleh kosong.", 10,
            jenis="angka", maks=VOLUME_MAKS, label="volume",
        ),
        Kolom(
            "satuan", "Satuan", "Satuan volume (Orang, Industri, Unit, ...).", 12,
            panjang=_panjang("satuan"), label="Satuan",
        ),
        Kolom(
            "lokasi", "Lokasi", "Lokasi kegiatan; boleh kosong.", 18,
            panjang=_panjang("lokasi"), label="Lokasi",
        ),
    )  # fmt: skip
    aturan = (
        "Induk harus ada: 6077.BAD.012 memerlukan 6077.BAD; kegiatan memerlukan programnya.",
        "Baris yang tidak ada lagi di berkas akan dihapus beserta realisasinya dan "
        "tautannya ke indikator PK.",
    )
    FIELD = (
        "uraian", "pagu", "sumber_dana", "indikator_keluaran", "volume", "satuan", "lokasi",
    )  # fmt: skip

    def judul_templat(self, lingkup: Lingkup) -> str:
        return f"Struktur dan pagu anggaran — {lingkup.satker.nama}, TA {lingkup.tahun}"

    def nama_berkas(self, lingkup: Lingkup) -> str:
        return f"anggaran-{STRUKTUR}-{lingkup.satker.kode or lingkup.satker.pk}-{lingkup.tahun}"

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        items = ItemAnggaran.objects.filter(
            satker=lingkup.satker, tahun=lingkup.tahun
        ).select_related("induk")
        return [
            {
                "kode": i.kode_lengkap,
                "program": i.induk.kode_lengkap if i.tingkat == TingkatAnggaran.KEGIATAN else None,
                "uraian": i.uraian,
                "pagu": i.pagu,
                "sumber_dana": i.sumber_dana or None,
                "indikator_keluaran": i.indikator_keluaran or None,
                "volume": i.volume,
                "satuan": i.satuan or None,
                "lokasi": i.lokasi or None,
            }
            for i in items.order_by("urutan")
        ]

    def rencana(self, rows: list[tuple[int, dict]], lingkup: Lingkup) -> RencanaImpor:
        satker, tahun = lingkup.satker, lingkup.tahun
        rencana = RencanaImpor(STRUKTUR)
        k = rencana.kesalahan
        kolom = {c.nama: c for c in self.kolom}
        pertama: dict[str, int] = {}
        baru: list[dict[str, Any]] = []
        for n, r in rows:
            kode = teks(r.get("kode"))
            if not kode:
                k.append((n, "kode kosong"))
                continue
            try:
                tingkat = tingkat_kode(kode)
            except KodeTidakSah as exc:
                k.append((n, str(exc)))
                continue
            if kode in pertama:
                k.append((n, f"kode {kode} ganda (juga di baris {pertama[kode]})"))
                continue
            pertama[kode] = n
            if not teks(r.get("uraian")):
                k.append((n, f"uraian {kode} kosong"))
            nilai = {
                f: periksa(k, n, lambda f=f, r=r: kolom[f].baca(r.get(f)))
                for f in ("uraian", "pagu", "indikator_keluaran", "volume", "satuan", "lokasi")
            }
            sumber = teks(r.get("sumber_dana")).upper()
            if sumber and sumber not in SumberDana.values:
                k.append(
                    (n, f"sumber dana harus RM atau PNBP, bukan {teks(r.get('sumber_dana'))!r}")
                )
            baru.append(
                {
                    "baris": n,
                    "kode": kode,
                    "tingkat": tingkat,
                    "program": teks(r.get("program")).upper(),
                    **{
                        f: v if v is not None or f in ("pagu", "volume") else ""
                        for f, v in nilai.items()
                    },
                    "sumber_dana": sumber if sumber in SumberDana.values else "",
                }
            )
        kode_ada = {b["kode"] for b in baru}
        induk: dict[str, str] = {}
        for b in baru:
            if b["tingkat"] == TingkatAnggaran.PROGRAM:
                continue
            if b["tingkat"] == TingkatAnggaran.KEGIATAN:
                if not b["program"]:
                    k.append((b["baris"], f"kegiatan {b['kode']} tanpa kode program"))
                    continue
                parent = b["program"]
            else:
                parent = kode_induk(b["kode"])
            if parent not in kode_ada:
                k.append((b["baris"], f"induk {parent} dari {b['kode']} tidak ada dalam berkas"))
            induk[b["kode"]] = parent
        punya_anak = set(induk.values())
        sudah_salah = {n for n, _ in k}
        for b in baru:
            if b["kode"] in punya_anak and b["pagu"] is not None:
                k.append(
                    (
                        b["baris"],
                        f"pagu hanya diisi pada rincian terbawah; {b['kode']} memiliki rincian",
                    )
                )
            elif (
                b["kode"] not in punya_anak and b["pagu"] is None and b["baris"] not in sudah_salah
            ):
                k.append((b["baris"], f"rincian terbawah {b['kode']} belum diberi pagu"))
        k.sort(key=lambda x: x[0])
        if k:
            return rencana
        rencana.baris = sorted(baru, key=lambda b: b["baris"])
        for urutan, b in enumerate(rencana.baris, start=1):
            b["induk"] = induk.get(b["kode"])
            b["urutan"] = urutan
        lama = {
            i.kode_lengkap: i
            for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun).select_related("induk")
        }
        for b in rencana.baris:
            item = lama.get(b["kode"])
            if item is None:
                rencana.perubahan.append(
                    Perubahan(
                        "baru", b["kode"], tuple((f, None, b[f]) for f in self.FIELD if b[f]),
                        b["baris"], b, self,
                    )
                )  # fmt: skip
                continue
            lama_nilai = _nilai_item(item)
            beda = tuple(
                (f, lama_nilai[f], b[f]) for f in (*self.FIELD, "induk") if lama_nilai[f] != b[f]
            )
            if beda:
                rencana.perubahan.append(Perubahan("ubah", b["kode"], beda, b["baris"], b, self))
        dihapus = sorted(set(lama) - kode_ada, key=kunci_urut)
        for kode in dihapus:
            rencana.perubahan.append(
                Perubahan("hapus", kode, (("uraian", lama[kode].uraian, None),), 0, None, self)
            )
        self._tolak_terkunci(rencana, satker, tahun)
        # Removing a node removes its progress: not that of a quarter submitted or verified.
        progres = ProgresAnggaran.objects.filter(item__in=[lama[kode] for kode in dihapus])
        _tolak_triwulan_terkunci(
            rencana,
            [
                (0, f"{kode} s.d. bulan {bulan}", bulan)
                for kode, bulan in progres.values_list("item__kode_lengkap", "bulan")
            ],
            satker,
            tahun,
            "realisasinya tidak dapat dihapus",
        )
        return rencana

    def _tolak_terkunci(self, rencana: RencanaImpor, satker: Satker, tahun: int) -> None:
        """Refuse every change of the tree (a node added, changed or removed: its pagu, its
        place) while a quarter of the year is submitted or verified: each quarter's report
        rolls up the whole tree, so a changed pagu would change what was verified (a pagu of
        48.488.000 becoming 49.488.000 behind a verified Triwulan II)."""
        terkunci = triwulan_terkunci(satker, tahun)
        if not terkunci:
            return
        tw = min(terkunci)
        for p in rencana.perubahan:
            rincian = "; ".join(
                f"{self.judul_field(f)} {self.tampil(f, lama)} → {self.tampil(f, baru)}"
                for f, lama, baru in p.nilai
                if p.jenis == "ubah"
            )
            rencana.kesalahan.append(
                (
                    p.baris,
                    f"{p.kunci} ({p.label_jenis.lower()}{': ' + rincian if rincian else ''}): "
                    f"Triwulan {romawi(tw)} {tahun} sudah {_keadaan(terkunci[tw])}; struktur dan "
                    "pagu anggaran yang dilaporkannya tidak dapat diubah sampai reviewer "
                    "membukanya kembali",
                )
            )
        rencana.kesalahan.sort(key=lambda x: x[0])

    FIELD_ITEM = (*FIELD, "urutan")

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        """Remove, create and change the nodes of the plan in a handful of queries: the lines
        the plan does not touch are not written."""
        satker, tahun = lingkup.satker, lingkup.tahun
        lama = {i.kode_lengkap: i for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun)}
        dihapus = {p.kunci for p in rencana.perubahan if p.jenis == "hapus"}
        if dihapus:
            ItemAnggaran.objects.filter(pk__in=[lama[k].pk for k in dihapus]).delete()
        simpan = {k: item for k, item in lama.items() if k not in dihapus}
        diubah: list[ItemAnggaran] = []
        # Level by level, so that a new node's parent has its id; the rows' order is kept in
        # `urutan`, whatever order parents and children were typed in.
        for tingkat in URUTAN_TINGKAT:
            baru: list[ItemAnggaran] = []
            for b in rencana.baris:
                if b["tingkat"] != tingkat:
                    continue
                induk = simpan[b["induk"]] if b["induk"] else None
                nilai = {f: b[f] for f in self.FIELD_ITEM}
                item = simpan.get(b["kode"])
                if item is None:
                    item = ItemAnggaran(
                        satker=satker, tahun=tahun, tingkat=tingkat, kode=segmen_terakhir(b["kode"])
                    )
                    baru.append(item)
                elif item.induk_id == (induk.pk if induk else None) and all(
                    getattr(item, f) == v for f, v in nilai.items()
                ):
                    continue
                else:
                    diubah.append(item)
                item.induk = induk
                for f, v in nilai.items():
                    setattr(item, f, v)
                item.clean_fields(exclude=["satker", "induk"])
                item.clean()  # checks the parent's level and sets kode_lengkap
                simpan[b["kode"]] = item
            ItemAnggaran.objects.bulk_create(baru)
        ItemAnggaran.objects.bulk_update(diubah, [*self.FIELD_ITEM, "induk"])
        # Written in bulk, without signals: the budget summary is refreshed here.
        hasil.tandai({(perubahan.ANGGARAN, satker.pk, tahun)})


def _nilai_item(item: ItemAnggaran) -> dict[str, Any]:
    return {
        "uraian": item.uraian,
        "pagu": item.pagu,
        "sumber_dana": item.sumber_dana,
        "indikator_keluaran": item.indikator_keluaran,
        "volume": item.volume,
        "satuan": item.satuan,
        "lokasi": item.lokasi,
        "induk": item.induk.kode_lengkap if item.induk_id else None,
    }


def _bulan(v: Any) -> int:
    try:
        d = Decimal(angka_teks(v))
        bulan = int(d)
    except (ArithmeticError, ValueError):
        raise ValueError(f"bulan bukan angka 1-12: {teks(v)!r}") from None
    if not 1 <= bulan <= 12 or d != bulan:
        raise ValueError(f"bulan harus 1-12, bukan {seperti_diketik(v)}")
    return bulan


class Realisasi(Spec):
    """The cumulative progress of each budget node per month: keyed by code and month; rows
    missing from the file are removed."""

    jenis = REALISASI
    judul_lembar = "Realisasi"
    nama = "realisasi keuangan dan fisik"
    hapus_yang_hilang = True
    field_kunci = ("kode", "bulan")
    field_rupiah = frozenset({"realisasi_keuangan_rp"})
    uraian_riwayat = "Impor anggaran"
    nama_data = "anggaran"
    kolom = (
        Kolom("kode", "Kode", "Kode lengkap item anggaran yang sudah ada di struktur.", 24),
        Kolom(
            "bulan", "S.d. bulan",
            "Posisi kumulatif s.d. akhir bulan 1-12 (triwulan: 3, 6, 9, 12).", 10, jenis=BULAT,
        ),
        _persen(
            "rencana_keuangan", "Rencana keuangan (%)",
            "Rencana penyerapan kumulatif, % dari pagu (0-100).", "rencana keuangan",
        ),
        Kolom(
            "realisasi_keuangan_rp", "Realisasi keuangan (Rp)",
            "Realisasi kumulatif dalam rupiah bulat; ATAU isi kolom persen berikutnya, "
            "tidak keduanya.",
            18, jenis=RUPIAH, maks=Decimal(RUPIAH_MAKS), label="realisasi keuangan (Rp)",
        ),
        _persen(
            "realisasi_keuangan", "Realisasi keuangan (%)",
            "Realisasi kumulatif, % dari pagu; bila rupiah tidak diketahui.",
            "realisasi keuangan (%)",
        ),
        _persen(
            "rencana_fisik", "Rencana fisik (%)", "Rencana kemajuan fisik kumulatif (0-100).",
            "rencana fisik", 12,
        ),
        _persen(
            "realisasi_fisik", "Realisasi fisik (%)", "Kemajuan fisik kumulatif (0-100).",
            "realisasi fisik", 12,
        ),
        Kolom(
            "realisasi_volume", "Realisasi volume", "Volume output tercapai; boleh kosong.", 12,
            jenis="angka", maks=VOLUME_MAKS, label="realisasi volume",
        ),
    )  # fmt: skip
    aturan = (
        "Kode harus sudah ada di struktur anggaran (unggah struktur lebih dahulu).",
        "Satu baris per kode dan bulan; baris yang tidak ada lagi di berkas akan dihapus.",
    )

    def judul_templat(self, lingkup: Lingkup) -> str:
        return f"Realisasi keuangan dan fisik — {lingkup.satker.nama}, TA {lingkup.tahun}"

    def nama_berkas(self, lingkup: Lingkup) -> str:
        return f"anggaran-{REALISASI}-{lingkup.satker.kode or lingkup.satker.pk}-{lingkup.tahun}"

    def _progres(self, lingkup: Lingkup):
        return ProgresAnggaran.objects.filter(
            item__satker=lingkup.satker, item__tahun=lingkup.tahun
        ).select_related("item")

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        return [
            {
                "kode": p.item.kode_lengkap,
                "bulan": p.bulan,
                **{f: getattr(p, f) for f in self.field_nilai},
            }
            for p in self._progres(lingkup).order_by("item__urutan", "bulan")
        ]

    def siapkan(self, lingkup: Lingkup) -> dict:
        return {
            "items": {
                i.kode_lengkap: i
                for i in ItemAnggaran.objects.filter(satker=lingkup.satker, tahun=lingkup.tahun)
            }
        }

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        kode = teks(nilai.get("kode"))
        if not kode:
            raise ValueError("kode kosong")
        if kode not in konteks["items"]:
            raise ValueError(f"kode {kode} tidak dikenal dalam struktur anggaran {lingkup.tahun}")
        return (kode, _bulan(nilai.get("bulan")))

    def label(self, kunci: Hashable) -> str:
        return f"{kunci[0]} s.d. bulan {kunci[1]}"

    def periksa_baris(self, kunci, nilai, lingkup, konteks) -> list[str]:
        if nilai["realisasi_keuangan_rp"] is not None and nilai["realisasi_keuangan"] is not None:
            return ["isi realisasi keuangan dalam rupiah atau persen, tidak keduanya"]
        return []

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        return {
            (p.item.kode_lengkap, p.bulan): {f: getattr(p, f) for f in self.field_nilai}
            for p in self._progres(lingkup)
        }

    def periksa_rencana(self, rencana: RencanaImpor, lingkup: Lingkup, konteks: dict) -> None:
        _tolak_triwulan_terkunci(
            rencana,
            [(p.baris, p.kunci, p.data[0][1]) for p in rencana.perubahan],
            lingkup.satker,
            lingkup.tahun,
            "realisasinya tidak dapat diubah",
        )

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        items = {
            i.kode_lengkap: i
            for i in ItemAnggaran.objects.filter(satker=lingkup.satker, tahun=lingkup.tahun)
        }
        lama = {(p.item.kode_lengkap, p.bulan): p for p in self._progres(lingkup)}
        baru: list[ProgresAnggaran] = []
        diubah: list[ProgresAnggaran] = []
        for b in rencana.baris:
            nilai = {f: b[f] for f in self.field_nilai}
            p = lama.get(b["kunci"])
            if p is None:
                p = ProgresAnggaran(item=items[b["kode"]], bulan=b["bulan"])
                baru.append(p)
            elif all(getattr(p, f) == v for f, v in nilai.items()):
                continue
            else:
                diubah.append(p)
            for f, v in nilai.items():
                setattr(p, f, v)
            p.clean_fields(exclude=["item"])
        tetap = {b["kunci"] for b in rencana.baris}
        ProgresAnggaran.objects.filter(
            pk__in=[p.pk for kunci, p in lama.items() if kunci not in tetap]
        ).delete()
        ProgresAnggaran.objects.bulk_create(baru)
        ProgresAnggaran.objects.bulk_update(diubah, list(self.field_nilai))
        hasil.tandai({(perubahan.ANGGARAN, lingkup.satker.pk, lingkup.tahun)})


def _tolak_triwulan_terkunci(
    rencana: RencanaImpor,
    berubah: list[tuple[int, str, int]],
    satker: Satker,
    tahun: int,
    akibat: str,
) -> None:
    """Refuse, by row, each change (row, label, month) that touches a month of a quarter
    submitted or verified: its figures are those the secretariat reviews or has verified."""
    terkunci = triwulan_terkunci(satker, tahun)
    for baris, label, bulan in berubah:
        tw = triwulan_bulan(bulan)
        if tw in terkunci:
            rencana.kesalahan.append(
                (
                    baris,
                    f"{label}: Triwulan {romawi(tw)} {tahun} sudah {_keadaan(terkunci[tw])}; "
                    f"{akibat}",
                )
            )
    rencana.kesalahan.sort(key=lambda x: x[0])


SPEC: dict[str, Spec] = {STRUKTUR: Struktur(), REALISASI: Realisasi()}
KOLOM = {jenis: s.kolom for jenis, s in SPEC.items()}
JUDUL_LEMBAR = {jenis: s.judul_lembar for jenis, s in SPEC.items()}
NAMA_JENIS = {jenis: s.nama for jenis, s in SPEC.items()}


def templat(jenis: str, satker: Satker, tahun: int) -> bytes:
    """The budget workbook of `jenis`, pre-filled with the satker's current data."""
    return _templat(SPEC[jenis], Lingkup(satker, tahun))


def baca(jenis: str, isi: bytes, satker: Satker, tahun: int) -> RencanaImpor:
    """Validate every row of an uploaded budget workbook and work out its changes."""
    return _baca(SPEC[jenis], isi, Lingkup(satker, tahun))
