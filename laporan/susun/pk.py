"""The Perjanjian Kinerja document on its own: the agreement text, the signature of both
parties, and the annexed target table with the year's budget. A kept version (a revision)
is printed from its snapshot, whatever the PK became since."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.choices import Satuan
from kinerja.formatting import format_rupiah, format_tanggal, romawi, terbilang
from kinerja.models import RevisiPerjanjian
from laporan import dokumen as d
from laporan.susun.umum import Konteks, LaporanTidakAda, kumpulkan, tabel_pk, tanda_satker
from satker.models import Satker


def susun(satker: Satker, tahun: int, revisi: int | None = None) -> d.Laporan:
    """The PK of the year as it stands, or (`revisi`) the version kept with that number."""
    k: Konteks | _KonteksRevisi = (
        kumpulkan(satker, tahun, None, "pk")
        if revisi is None
        else _dari_snapshot(satker, tahun, revisi)
    )
    judul_revisi = f" (revisi {k.pk.revisi})" if k.pk.revisi else ""
    # A draft (opened for the year, not signed yet) is never mistaken for the signed PK.
    draf = "DRAF — belum ditandatangani" if getattr(k.pk, "draf", False) else ""
    return d.Laporan(
        jenis="pk",
        judul=f"Perjanjian Kinerja {tahun}{judul_revisi}",
        satker=satker.singkatan,
        periode=f"Tahun {tahun}",
        tanda=" · ".join(x for x in (draf, tanda_satker(satker)) if x),
        bab=bagian_pk(k),
        daftar_isi=False,
    ).nomori()


def bagian_pk(k: Konteks | _KonteksRevisi) -> list[d.Bagian]:
    """The agreement with its signatures, and its annexed target table with the budget."""
    pk, satker, tahun = k.pk, k.satker, k.tahun
    pihak_pertama = d.Penandatangan(pk.pihak_pertama_jabatan, pk.pihak_pertama_nama)
    pihak_kedua = d.Penandatangan(pk.pihak_kedua_jabatan, pk.pihak_kedua_nama)
    tempat_tanggal = ", ".join(
        x for x in (pk.tempat, format_tanggal(pk.tanggal) if pk.tanggal else "") if x
    )
    perjanjian = d.Bagian(
        f"PERJANJIAN KINERJA TAHUN {tahun}",
        isi=[
            d.Paragraf(satker.nama.upper(), "tengah"),
            d.Paragraf(
                "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
                "akuntabel serta berorientasi pada hasil, yang bertanda tangan di bawah ini:"
            ),
            d.Rincian([("Nama", pk.pihak_pertama_nama), ("Jabatan", pk.pihak_pertama_jabatan)]),
            d.Paragraf("Selanjutnya disebut pihak pertama."),
            d.Rincian([("Nama", pk.pihak_kedua_nama), ("Jabatan", pk.pihak_kedua_jabatan)]),
            d.Paragraf("Selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
            d.Paragraf(
                "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
                "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah "
                "seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
                "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
            ),
            d.Paragraf(
                "Pihak kedua akan memberikan supervisi yang diperlukan serta akan melakukan "
                "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan "
                "yang diperlukan dalam rangka pemberian penghargaan dan sanksi."
            ),
            d.TandaTangan(
                [
                    d.Penandatangan(pihak_kedua.jabatan, pihak_kedua.nama, sebutan="Pihak Kedua"),
                    d.Penandatangan(
                        pihak_pertama.jabatan, pihak_pertama.nama, sebutan="Pihak Pertama"
                    ),
                ],
                tempat_tanggal,
            ),
        ],
    )
    lampiran = d.Bagian(
        f"PERJANJIAN KINERJA TAHUN {tahun} {satker.nama.upper()}",
        nomor="Lampiran",
        isi=[tabel_pk(k, f"Perjanjian Kinerja {satker.singkatan} Tahun {tahun}"), *_anggaran(k)],
    )
    lampiran.isi.append(
        d.TandaTangan(
            [
                d.Penandatangan(pihak_kedua.jabatan, pihak_kedua.nama),
                d.Penandatangan(pihak_pertama.jabatan, pihak_pertama.nama),
            ],
            tempat_tanggal,
        )
    )
    return [perjanjian, lampiran]


def _anggaran(k: Konteks | _KonteksRevisi) -> list[d.Blok]:
    total = k.pk.total_anggaran
    if total is None:
        return [d.Paragraf("Total anggaran belum dicatat pada Perjanjian Kinerja ini.", "kosong")]
    return [
        d.Paragraf(f"Total Anggaran Tahun {k.tahun}: {format_rupiah(total)},-"),
        d.Paragraf(f"({terbilang(total).capitalize()} rupiah)"),
    ]


# --- a kept version, from its snapshot ----------------------------------------------------


class _Daftar(list):
    def all(self) -> list:
        return self


@dataclass
class _Baris:
    kode: str
    uraian: str
    target: Decimal
    satuan: str

    def get_satuan_display(self) -> str:
        return Satuan(self.satuan).label if self.satuan in Satuan.values else self.satuan


@dataclass
class _Sasaran:
    nomor: int
    uraian: str
    indikator: _Daftar = field(default_factory=_Daftar)


@dataclass
class _PK:
    revisi: int
    tempat: str
    tanggal: datetime.date | None
    pihak_pertama_nama: str
    pihak_pertama_jabatan: str
    pihak_kedua_nama: str
    pihak_kedua_jabatan: str
    total_anggaran: int | None


@dataclass
class _KonteksRevisi:
    """What the PK's sections read (as Konteks), from a kept version's snapshot."""

    satker: Satker
    tahun: int
    pk: _PK
    sasaran: list[_Sasaran]


def _dari_snapshot(satker: Satker, tahun: int, nomor: int) -> _KonteksRevisi:
    r = RevisiPerjanjian.objects.filter(
        perjanjian__satker=satker, perjanjian__tahun=tahun, nomor=nomor
    ).first()
    if r is None:
        raise LaporanTidakAda(
            f"{satker.singkatan} tidak memiliki revisi {nomor} Perjanjian Kinerja tahun {tahun}."
        )
    data = r.data
    tanggal = r.tanggal or (
        datetime.date.fromisoformat(data["tanggal"]) if data.get("tanggal") else None
    )
    pk = _PK(
        revisi=nomor,
        tempat=r.tempat or data.get("tempat", ""),
        tanggal=tanggal,
        pihak_pertama_nama=data["pihak_pertama_nama"],
        pihak_pertama_jabatan=data["pihak_pertama_jabatan"],
        pihak_kedua_nama=data["pihak_kedua_nama"],
        pihak_kedua_jabatan=data["pihak_kedua_jabatan"],
        total_anggaran=data.get("total_anggaran"),
    )
    sasaran = []
    for s in data["sasaran"]:
        obj = _Sasaran(s["nomor"], s["uraian"])
        kode_sasaran = romawi(s["nomor"])
        for line in s["indikator"]:
            obj.indikator.append(
                _Baris(
                    f"{kode_sasaran}.{line['nomor']}",
                    line["uraian"],
                    Decimal(line["target"]),
                    line["satuan"],
                )
            )
        sasaran.append(obj)
    return _KonteksRevisi(satker=satker, tahun=tahun, pk=pk, sasaran=sasaran)
