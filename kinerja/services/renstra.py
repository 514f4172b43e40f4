"""Writes of the cascade and of Renstra: goals linked only to the level right above them
(a balai's SK to BSKJI's SP, an SP to Kemenperin's SS), a satker's Renstra made and its
period changed, and the matrix of yearly targets and indicative budget saved as a whole
against the values the page was opened with. Every change is on the record (kinerja.jejak;
the links between goals, a many-to-many, are recorded here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja import jejak, riwayat
from kinerja.choices import TingkatRenstra
from kinerja.forms import AngkaField
from kinerja.models import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    RiwayatPerubahan,
    SasaranRenstra,
    TargetRenstra,
)
from satker.models import Pengguna, Satker

T = TingkatRenstra
# The level a goal of each level serves; Kemenperin's SS are the top.
TINGKAT_ATAS = {T.SATKER: T.ESELON_I, T.ESELON_I: T.KEMENTERIAN}
SINGKATAN = {T.KEMENTERIAN: "SS", T.ESELON_I: "SP", T.SATKER: "SK"}
NAMA_TINGKAT = {
    T.KEMENTERIAN: "sasaran strategis (SS) Kemenperin",
    T.ESELON_I: "sasaran program (SP) BSKJI",
    T.SATKER: "sasaran kegiatan (SK) balai",
}


def uraian_renstra(renstra: Renstra) -> str:
    """How the history names a Renstra's items: "Renstra BSPJI Pekanbaru 2021-2024"."""
    if renstra.satker_id:
        return f"Renstra {renstra.satker.singkatan} {renstra.tahun_awal}-{renstra.tahun_akhir}"
    return f"Kaskade {SINGKATAN[renstra.tingkat]} {renstra.tahun_awal}-{renstra.tahun_akhir}"


def _bertumpuk(a: Renstra, b: Renstra) -> bool:
    return a.tahun_awal <= b.tahun_akhir and b.tahun_awal <= a.tahun_akhir


def periksa_induk(renstra: Renstra, induk: Iterable[SasaranRenstra]) -> None:
    """Refuse a link that skips or inverts a level, or reaches a plan of other years: a goal
    serves goals of the level right above it whose period meets its own."""
    atas = TINGKAT_ATAS.get(renstra.tingkat)
    for s in induk:
        if atas is None:
            raise ValidationError(
                {
                    "sasaran_induk": "Sasaran strategis (SS) Kemenperin adalah puncak kaskade; "
                    "tidak ada sasaran di atasnya."
                }
            )
        if s.renstra.tingkat != atas:
            raise ValidationError(
                {
                    "sasaran_induk": f"{s.kode} adalah {NAMA_TINGKAT[s.renstra.tingkat]}; "
                    f"{NAMA_TINGKAT[renstra.tingkat]} hanya dapat dikaitkan ke "
                    f"{NAMA_TINGKAT[atas]}, satu tingkat di atasnya."
                }
            )
        if not _bertumpuk(s.renstra, renstra):
            raise ValidationError(
                {
                    "sasaran_induk": f"{s.kode} berada dalam {s.renstra}, yang periodenya tidak "
                    f"bertemu dengan periode {renstra.tahun_awal}-{renstra.tahun_akhir}."
                }
            )


def periksa_indikator_induk(renstra: Renstra, induk: IndikatorRenstra | None) -> None:
    """The same rule for an indicator's parent indicator."""
    if induk is None:
        return
    atas = TINGKAT_ATAS.get(renstra.tingkat)
    if atas is None or induk.sasaran.renstra.tingkat != atas:
        raise ValidationError(
            {
                "indikator_induk": f"Indikator {induk.kode} bukan indikator "
                f"{NAMA_TINGKAT[atas] if atas else 'di atas puncak kaskade'}, satu tingkat "
                f"di atas {NAMA_TINGKAT[renstra.tingkat]}."
            }
        )


def _teks_induk(sasaran: Iterable[SasaranRenstra]) -> str:
    return ", ".join(sorted(s.kode for s in sasaran))


def _catat_induk(
    sasaran: SasaranRenstra, lama: str, baru: str, *, user: Pengguna, uraian: str
) -> None:
    """The links to the goals above are a many-to-many, which the model signals of
    kinerja.jejak do not see: their change is recorded here, as one field."""
    if lama == baru:
        return
    k = jejak.sekarang()
    RiwayatPerubahan.objects.create(
        satker_id=sasaran.renstra.satker_id,
        content_type=ContentType.objects.get_for_model(SasaranRenstra),
        object_id=sasaran.pk,
        uraian_objek=uraian[:300],
        field="sasaran_induk",
        label=str(SasaranRenstra._meta.get_field("sasaran_induk").verbose_name)[:120],
        lama=lama,
        baru=baru,
        oleh=user,
        sumber=k.sumber,
        keterangan=k.keterangan[:300],
    )


SASARAN_FIELDS = ("kode", "nama", "urutan")


def sasaran_simpan(
    *,
    user: Pengguna,
    sasaran: SasaranRenstra,
    data: Mapping[str, object],
    induk: list[SasaranRenstra],
    awal: Mapping[str, str] | None,
) -> SasaranRenstra:
    """Create or change a goal and its links to the goals above (checked first: nothing
    changes when a link is refused). `awal`: the fingerprints the form was opened with
    (riwayat.tandai), to refuse overwriting someone else's change; None when the caller
    checked the whole page."""
    with transaction.atomic():
        if sasaran.pk:
            sasaran = SasaranRenstra.objects.select_for_update().get(pk=sasaran.pk)
        renstra = sasaran.renstra
        periksa_induk(renstra, induk)
        uraian = f"{uraian_renstra(renstra)}: sasaran {data.get('kode') or sasaran.kode}"
        lama = _teks_induk(sasaran.sasaran_induk.all()) if sasaran.pk else ""
        riwayat.simpan(
            sasaran, dict(data), user=user, satker=renstra.satker, uraian=uraian, awal=awal
        )
        sasaran.sasaran_induk.set(induk)
        _catat_induk(sasaran, lama, _teks_induk(induk), user=user, uraian=uraian)
    return sasaran


# --- a satker's Renstra ------------------------------------------------------------------------


def _periksa_tumpuk(renstra: Renstra) -> None:
    lain = Renstra.objects.filter(satker=renstra.satker, tingkat=renstra.tingkat).exclude(
        pk=renstra.pk
    )
    if renstra.satker_id is None:
        lain = lain.filter(satker__isnull=True)
    for r in lain:
        if _bertumpuk(r, renstra):
            raise ValidationError(
                {
                    "tahun_awal": f"Periode {renstra.tahun_awal}-{renstra.tahun_akhir} "
                    f"bertumpuk dengan {r}; satu tahun hanya boleh dicakup satu Renstra."
                }
            )


def renstra_buat(
    *,
    user: Pengguna,
    satker: Satker | None,
    tingkat: str = T.SATKER,
    nama: str,
    tahun_awal: int,
    tahun_akhir: int,
) -> Renstra:
    """A new Renstra: of a satker (`satker`), or of Kemenperin / BSKJI (`tingkat`)."""
    renstra = Renstra(
        tingkat=tingkat, satker=satker, nama=nama, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir
    )
    with transaction.atomic():
        renstra.full_clean()
        _periksa_tumpuk(renstra)
        with jejak.konteks(user=user, uraian=f"{uraian_renstra(renstra)}: Renstra"):
            renstra.save()
    return renstra


RENSTRA_FIELDS = ("nama", "tahun_awal", "tahun_akhir")


def renstra_ubah(
    *, user: Pengguna, renstra: Renstra, data: Mapping[str, object], awal: Mapping[str, str]
) -> Renstra:
    """Change a Renstra's name or period (extend it, or move it); a year that already holds a
    target, an allocation or a total may not fall outside the new period."""
    with transaction.atomic():
        renstra = (
            Renstra.objects.select_for_update(of=("self",))
            .select_related("satker")
            .get(pk=renstra.pk)
        )
        awal_baru, akhir_baru = data["tahun_awal"], data["tahun_akhir"]
        terisi = sorted(
            {
                *TargetRenstra.objects.filter(indikator__sasaran__renstra=renstra)
                .exclude(target=None, realisasi=None, alokasi_indikatif=None)
                .values_list("tahun", flat=True),
                *renstra.pagu_indikatif.values_list("tahun", flat=True),
            }
        )
        luar = [t for t in terisi if not awal_baru <= t <= akhir_baru]
        if luar:
            raise ValidationError(
                {
                    "tahun_awal": "Tahun "
                    + ", ".join(str(t) for t in luar)
                    + " sudah berisi target atau pagu; kosongkan dulu di matriks sebelum "
                    "mengeluarkannya dari periode."
                }
            )
        for f, v in data.items():
            setattr(renstra, f, v)
        renstra.full_clean()
        _periksa_tumpuk(renstra)
        renstra.refresh_from_db()
        riwayat.simpan(
            renstra,
            dict(data),
            user=user,
            satker=renstra.satker,
            uraian=f"{uraian_renstra(renstra)}: Renstra",
            awal=awal,
        )
    return renstra


# --- the matrix ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IsianMatriks:
    """What a matrix page submits: per (Renstra indicator id, year) the target and the
    indicative allocation, per year the Renstra's own total (None: empty)."""

    target: dict[tuple[int, int], Decimal | None]
    alokasi: dict[tuple[int, int], int | None]
    pagu: dict[int, int | None]


_target = AngkaField.untuk(TargetRenstra._meta.get_field("target"), required=False)
_alokasi = AngkaField.untuk(
    TargetRenstra._meta.get_field("alokasi_indikatif"), required=False, decimal_places=0
)
_pagu = AngkaField.untuk(
    PaguIndikatifRenstra._meta.get_field("pagu"), required=False, decimal_places=0
)


def baca_target(v: object) -> Decimal | None:
    """A target as typed on the matrix page or in its workbook ("12,5", a number), None when
    empty (N/A); ValidationError with the page's words (a target is more than 0)."""
    d = _target.clean("" if v is None else v)
    if d is not None and d <= 0:
        raise ValidationError("Target harus lebih dari 0.")
    return d


def baca_alokasi(v: object) -> int | None:
    """An indicator's indicative allocation in whole rupiah, not below 0 (kinerja.batas)."""
    d = _alokasi.clean("" if v is None else v)
    return None if d is None else int(d)


def baca_pagu(v: object) -> int | None:
    """The Renstra's own indicative budget of a year in whole rupiah, not below 0."""
    d = _pagu.clean("" if v is None else v)
    return None if d is None else int(d)


def kunci_target(indikator_id: int, tahun: int) -> str:
    """The name of a target's input, stable for scripts and tests: target-<id>-<year>."""
    return f"target-{indikator_id}-{tahun}"


def kunci_alokasi(indikator_id: int, tahun: int) -> str:
    return f"alokasi-{indikator_id}-{tahun}"


def kunci_pagu(tahun: int) -> str:
    return f"pagu-{tahun}"


def indikator_matriks(renstra: Renstra) -> list[IndikatorRenstra]:
    """The Renstra's indicators in the matrix's order, with their targets (two queries)."""
    return list(
        IndikatorRenstra.objects.filter(sasaran__renstra=renstra)
        .select_related("sasaran", "indikator")
        .prefetch_related("target")
        .order_by("sasaran__urutan", "sasaran__kode", "nomor")
    )


def nilai_matriks(
    renstra: Renstra, indikator: list[IndikatorRenstra]
) -> tuple[dict[str, str], dict[str, str]]:
    """The matrix's values as they are now, as comparable text by input name, and the label
    of each, for the stale-save check."""
    nilai, label = {}, {}
    for ind in indikator:
        per_tahun = {t.tahun: t for t in ind.target.all()}
        for tahun in renstra.tahun:
            t = per_tahun.get(tahun)
            kt, ka = kunci_target(ind.pk, tahun), kunci_alokasi(ind.pk, tahun)
            nilai[kt] = riwayat.teks(t.target if t else None)
            nilai[ka] = riwayat.teks(t.alokasi_indikatif if t else None)
            label[kt] = f"target {ind.kode} {tahun}"
            label[ka] = f"indikasi alokasi {ind.kode} {tahun}"
    pagu = {p.tahun: p.pagu for p in renstra.pagu_indikatif.all()}
    for tahun in renstra.tahun:
        nilai[kunci_pagu(tahun)] = riwayat.teks(pagu.get(tahun))
        label[kunci_pagu(tahun)] = f"pagu indikatif {tahun}"
    return nilai, label


def matriks_simpan(
    *, user: Pengguna, renstra: Renstra, isian: IsianMatriks, tanda: str | None
) -> int:
    """Save the whole matrix unless any of its values changed since the page was opened
    (riwayat.Bentrok, nothing saved); returns the number of cells changed."""
    with transaction.atomic():
        renstra = (
            Renstra.objects.select_for_update(of=("self",))
            .select_related("satker")
            .get(pk=renstra.pk)
        )
        indikator = indikator_matriks(renstra)
        sekarang, label = nilai_matriks(renstra, indikator)
        riwayat.periksa_halaman(riwayat.awal_dari(tanda), sekarang, label)
        awalan = uraian_renstra(renstra)
        diubah = 0
        for ind in indikator:
            per_tahun = {t.tahun: t for t in ind.target.all()}
            for tahun in renstra.tahun:
                target = isian.target.get((ind.pk, tahun))
                alokasi = isian.alokasi.get((ind.pk, tahun))
                t = per_tahun.get(tahun)
                if t is None:
                    if target is None and alokasi is None:
                        continue
                    t = TargetRenstra(indikator=ind, tahun=tahun)
                elif t.target == target and t.alokasi_indikatif == alokasi:
                    continue
                t.target, t.alokasi_indikatif = target, alokasi
                t.full_clean()
                with jejak.konteks(user=user, uraian=f"{awalan}: {ind.kode} tahun {tahun}"):
                    t.save()
                diubah += 1
        ada = {p.tahun: p for p in renstra.pagu_indikatif.all()}
        for tahun in renstra.tahun:
            pagu, p = isian.pagu.get(tahun), ada.get(tahun)
            with jejak.konteks(user=user, uraian=f"{awalan}: pagu indikatif {tahun}"):
                if pagu is None and p is not None:
                    p.delete()
                elif pagu is not None and (p is None or p.pagu != pagu):
                    p = p or PaguIndikatifRenstra(renstra=renstra, tahun=tahun)
                    p.pagu = pagu
                    p.full_clean()
                    p.save()
                else:
                    continue
            diubah += 1
    return diubah
