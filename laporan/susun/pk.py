"""The Perjanjian Kinerja document on its own: the agreement text, the signature of both
parties, and the annexed target table with the year's budget."""

from __future__ import annotations

from kinerja.formatting import format_rupiah, format_tanggal, terbilang
from laporan import dokumen as d
from laporan.susun.umum import Konteks, kumpulkan, tabel_pk, tanda_satker
from satker.models import Satker


def susun(satker: Satker, tahun: int) -> d.Laporan:
    k = kumpulkan(satker, tahun, None, "pk")
    revisi = f" (revisi {k.pk.revisi})" if k.pk.revisi else ""
    return d.Laporan(
        jenis="pk",
        judul=f"Perjanjian Kinerja {tahun}{revisi}",
        satker=satker.singkatan,
        periode=f"Tahun {tahun}",
        tanda=tanda_satker(satker),
        bab=bagian_pk(k),
        daftar_isi=False,
    ).nomori()


def bagian_pk(k: Konteks) -> list[d.Bagian]:
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


def _anggaran(k: Konteks) -> list[d.Blok]:
    total = k.pk.total_anggaran
    if total is None:
        return [d.Paragraf("Total anggaran belum dicatat pada Perjanjian Kinerja ini.", "kosong")]
    return [
        d.Paragraf(f"Total Anggaran Tahun {k.tahun}: {format_rupiah(total)},-"),
        d.Paragraf(f"({terbilang(total).capitalize()} rupiah)"),
    ]
