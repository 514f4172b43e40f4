"""A satker's Renstra matrix as a workbook, for the secretariat: one row per Renstra indicator
and year (its target and indicative allocation) and one "PAGU" row per year (the Renstra's own
indicative budget). Every cell is read by the matrix page's rules (kinerja.services.renstra
`baca_target`, `baca_alokasi`, `baca_pagu`: the same messages) and the plan is written through
the page's save (`matriks_simpan`), so the history records it as the page does, with source
"impor". A row left out of the file changes nothing."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from kinerja import riwayat, siklus
from kinerja.impor.dasar import MENTAH, Kolom, Lingkup, RencanaImpor, Spec, angka, teks
from kinerja.models import Renstra
from kinerja.services import renstra as layanan
from satker.models import Pengguna

PAGU = "PAGU"


def _ringkas(d: Decimal | None) -> Decimal | None:
    """A stored target without its trailing zeros (12.0000 → 12, 12.5000 → 12,5), as typed."""
    if d is None:
        return None
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def renstra_lingkup(lingkup: Lingkup) -> Renstra:
    """The Renstra a workbook holds: the satker's whose period starts in `lingkup.tahun`
    (one per satker and first year, a database rule)."""
    return Renstra.objects.select_related("satker").get(
        satker=lingkup.satker, tahun_awal=lingkup.tahun
    )


class RenstraSpec(Spec):
    jenis = "renstra"
    judul_lembar = "Renstra"
    nama = "matriks Renstra"
    nama_data = "Renstra"
    field_kunci = ("kode", "tahun")
    field_rupiah = frozenset({"alokasi"})
    kolom = (
        Kolom(
            "kode", "Kode",
            "Kode indikator Renstra (mis. SK1/1), atau PAGU untuk pagu indikatif Renstra; "
            "jangan diubah.",
            10,
        ),
        Kolom("sasaran", "Sasaran", "Sasaran Renstra indikator ini.", 40, info=True),
        Kolom("indikator", "Indikator", "Indikator Renstra.", 50, info=True),
        Kolom("satuan", "Satuan", "Satuan target.", 10, info=True),
        Kolom("tahun", "Tahun", "Tahun dalam periode Renstra; jangan diubah.", 8),
        Kolom(
            "target", "Target",
            "Target indikator tahun itu, lebih dari 0 (mis. 12,5); kosongkan bila tidak "
            "ditetapkan (N/A). Kosong pada baris PAGU.",
            12, jenis=MENTAH,
        ),
        Kolom(
            "alokasi", "Alokasi (Rp)",
            "Indikasi alokasi indikator tahun itu dalam rupiah bulat, tidak negatif; pada baris "
            "PAGU: pagu indikatif Renstra tahun itu. Boleh kosong.",
            18, jenis=MENTAH,
        ),
    )  # fmt: skip
    aturan = (
        "Satu baris per indikator Renstra dan tahun, ditambah satu baris PAGU per tahun "
        "(pagu indikatif Renstra, angka tersendiri, bukan jumlah alokasi indikator).",
        "Baris yang dihapus dari berkas tidak mengubah apa pun. Indikator dan sasaran baru "
        "ditambahkan di halaman kaskade, bukan di berkas ini.",
    )

    def boleh(self, user: Pengguna, lingkup: Lingkup) -> bool:
        """The secretariat's master-data role (and administrators), as on the matrix page."""
        return siklus.boleh_kelola_data_induk(user)

    def judul_lingkup(self, lingkup: Lingkup) -> str:
        """The satker and the Renstra's period (its first year is the scope's year)."""
        r = renstra_lingkup(lingkup)
        return f"{lingkup.satker.nama}, {r.tahun_awal}-{r.tahun_akhir}"

    def judul_templat(self, lingkup: Lingkup) -> str:
        return f"Matriks Renstra — {self.judul_lingkup(lingkup)}"

    def nama_berkas(self, lingkup: Lingkup) -> str:
        r = renstra_lingkup(lingkup)
        return f"renstra-{lingkup.satker.kode or lingkup.satker.pk}-{r.tahun_awal}-{r.tahun_akhir}"

    def siapkan(self, lingkup: Lingkup) -> dict:
        renstra = renstra_lingkup(lingkup)
        indikator = layanan.indikator_matriks(renstra)
        return {"renstra": renstra, "indikator": {ind.kode: ind for ind in indikator}}

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        renstra = renstra_lingkup(lingkup)
        rows = []
        for ind in layanan.indikator_matriks(renstra):
            per_tahun = {t.tahun: t for t in ind.target.all()}
            for tahun in renstra.tahun:
                t = per_tahun.get(tahun)
                rows.append(
                    {
                        "kode": ind.kode,
                        "sasaran": f"{ind.sasaran.kode} {ind.sasaran.nama}",
                        "indikator": ind.nama,
                        "satuan": ind.get_satuan_display() or None,
                        "tahun": tahun,
                        "target": _ringkas(t.target) if t else None,
                        "alokasi": t.alokasi_indikatif if t else None,
                    }
                )
        pagu = {p.tahun: p.pagu for p in renstra.pagu_indikatif.all()}
        for tahun in renstra.tahun:
            rows.append(
                {
                    "kode": PAGU,
                    "indikator": "Pagu indikatif Renstra (Rp)",
                    "tahun": tahun,
                    "alokasi": pagu.get(tahun),
                }
            )
        return rows

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        renstra = konteks["renstra"]
        kode = teks(nilai.get("kode"))
        if not kode:
            raise ValueError("kode kosong")
        if kode.upper() == PAGU:
            kode = PAGU
        elif kode not in konteks["indikator"]:
            raise ValueError(f"kode {kode} bukan indikator {layanan.uraian_renstra(renstra)}")
        tahun = angka(nilai.get("tahun"), "tahun")
        if tahun is None:
            raise ValueError(f"{kode}: tahun kosong")
        if tahun != tahun.to_integral_value() or int(tahun) not in renstra.tahun:
            # The words of TargetRenstra.clean.
            raise ValueError(
                f"{kode}: Tahun {teks(nilai.get('tahun'))} di luar periode Renstra "
                f"{renstra.tahun_awal}-{renstra.tahun_akhir}."
            )
        return (kode, int(tahun))

    def label(self, kunci: Hashable) -> str:
        kode, tahun = kunci
        return f"Pagu indikatif {tahun}" if kode == PAGU else f"{kode} {tahun}"

    def periksa_baris(self, kunci, nilai, lingkup, konteks) -> list[str]:
        galat = []
        pagu = kunci[0] == PAGU
        if pagu:
            if nilai["target"] not in (None, ""):
                galat.append(f"{self.label(kunci)}: baris PAGU tidak memiliki target; kosongkan")
            nilai["target"] = None
        else:
            try:
                nilai["target"] = layanan.baca_target(nilai["target"])
            except ValidationError as exc:
                galat += [f"{self.label(kunci)}: target: {m}" for m in exc.messages]
        try:
            nilai["alokasi"] = (layanan.baca_pagu if pagu else layanan.baca_alokasi)(
                nilai["alokasi"]
            )
        except ValidationError as exc:
            nama = "pagu indikatif" if pagu else "alokasi"
            galat += [f"{self.label(kunci)}: {nama}: {m}" for m in exc.messages]
        return galat

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        renstra = konteks["renstra"]
        hasil: dict[Hashable, dict[str, Any]] = {}
        for kode, ind in konteks["indikator"].items():
            per_tahun = {t.tahun: t for t in ind.target.all()}
            for tahun in renstra.tahun:
                t = per_tahun.get(tahun)
                hasil[(kode, tahun)] = {
                    "target": _ringkas(t.target) if t else None,
                    "alokasi": t.alokasi_indikatif if t else None,
                }
        pagu = {p.tahun: p.pagu for p in renstra.pagu_indikatif.all()}
        for tahun in renstra.tahun:
            hasil[(PAGU, tahun)] = {"target": None, "alokasi": pagu.get(tahun)}
        return hasil

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        """The whole matrix as it stands, with the file's changes, through the page's save."""
        renstra = renstra_lingkup(lingkup)
        indikator = layanan.indikator_matriks(renstra)
        sekarang, _label = layanan.nilai_matriks(renstra, indikator)
        target, alokasi = {}, {}
        for ind in indikator:
            per_tahun = {t.tahun: t for t in ind.target.all()}
            for tahun in renstra.tahun:
                t = per_tahun.get(tahun)
                target[(ind.pk, tahun)] = t.target if t else None
                alokasi[(ind.pk, tahun)] = t.alokasi_indikatif if t else None
        pagu = {p.tahun: p.pagu for p in renstra.pagu_indikatif.all()}
        pagu = {tahun: pagu.get(tahun) for tahun in renstra.tahun}
        per_kode = {ind.kode: ind for ind in indikator}
        for p in rencana.perubahan:
            (kode, tahun), nilai = p.data
            if kode == PAGU:
                pagu[tahun] = nilai["alokasi"]
            else:
                pk = per_kode[kode].pk
                target[(pk, tahun)] = nilai["target"]
                alokasi[(pk, tahun)] = nilai["alokasi"]
        try:
            layanan.matriks_simpan(
                user=lingkup.user,
                renstra=renstra,
                isian=layanan.IsianMatriks(target=target, alokasi=alokasi, pagu=pagu),
                # What was just read: a change made before is caught by the preview's
                # fingerprint (kinerja.views.impor); one saved on the page in between, here.
                tanda=riwayat.tandai(sekarang),
            )
        except riwayat.Bentrok as exc:
            raise ValidationError(exc.pesan) from exc


SPEC = RenstraSpec()
