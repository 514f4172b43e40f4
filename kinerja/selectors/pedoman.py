"""Reading the manual: the version of each indicator's definition that applies to a year (the
one source every computation, page, API answer and report reads), and the manual's pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from kinerja.models import IndikatorKinerja, IndikatorPerjanjian, VersiIndikator
from kinerja.perhitungan import Ambang


def definisi_per_tahun(indikator_ids: Iterable[int], tahun: int) -> dict[int, VersiIndikator]:
    """The version of each indicator that applies to `tahun`: the latest one starting in or
    before it (the first version for an earlier year). One query."""
    return {i: v for (i, _), v in definisi_tahun_tahun(indikator_ids, {tahun}).items()}


def definisi_tahun_tahun(
    indikator_ids: Iterable[int], tahun: Iterable[int]
) -> dict[tuple[int, int], VersiIndikator]:
    """`definisi_per_tahun` for several years at once, by (indicator id, year). One query:
    every version of the indicators up to the latest year asked, the earliest ones included."""
    ids, tahun = set(indikator_ids), set(tahun)
    if not ids or not tahun:
        return {}
    per_indikator: dict[int, list[VersiIndikator]] = {}
    for v in VersiIndikator.objects.filter(indikator_id__in=ids).order_by(
        "indikator_id", "berlaku_mulai"
    ):
        per_indikator.setdefault(v.indikator_id, []).append(v)
    hasil = {}
    for i, versi in per_indikator.items():
        for t in tahun:
            berlaku = [v for v in versi if v.berlaku_mulai <= t]
            hasil[(i, t)] = berlaku[-1] if berlaku else versi[0]
    return hasil


def definisi_baris(lines: Sequence[IndikatorPerjanjian]) -> dict[int, VersiIndikator]:
    """The version each PK line is computed with (its PK's year), by line id. One query;
    `lines` have `sasaran__perjanjian` selected."""
    versi = definisi_tahun_tahun(
        {line.indikator_id for line in lines}, {line.sasaran.perjanjian.tahun for line in lines}
    )
    return {
        line.pk: versi[(line.indikator_id, line.sasaran.perjanjian.tahun)]
        for line in lines
        if (line.indikator_id, line.sasaran.perjanjian.tahun) in versi
    }


def ambang_versi(versi: VersiIndikator | None, umum: Ambang) -> Ambang:
    """The status thresholds of a version: its own where it sets them, else the settings'."""
    if versi is None or (versi.ambang_tercapai is None and versi.ambang_perlu_perhatian is None):
        return umum
    return Ambang(
        tercapai=umum.tercapai if versi.ambang_tercapai is None else versi.ambang_tercapai,
        perlu_perhatian=(
            umum.perlu_perhatian
            if versi.ambang_perlu_perhatian is None
            else versi.ambang_perlu_perhatian
        ),
    )


def daftar_pedoman(
    *, q: str = "", satuan: str = "", iku: str = "", sasaran_program: str = ""
) -> QuerySet[IndikatorKinerja]:
    """The manual's list page: every indicator with its number of versions and of PK lines,
    filtered by text (kode, nama, definisi), unit, IKU and programme goal."""
    qs = (
        IndikatorKinerja.objects.select_related("sasaran_program")
        .annotate(
            jumlah_versi=Count("versi", distinct=True),
            jumlah_baris=Count("indikator_perjanjian", distinct=True),
        )
        .order_by("kode")
    )
    if q:
        qs = qs.filter(Q(kode__icontains=q) | Q(nama__icontains=q) | Q(definisi__icontains=q))
    if satuan:
        qs = qs.filter(satuan=satuan)
    if iku in ("1", "0"):
        qs = qs.filter(iku=iku == "1")
    if sasaran_program.isdigit():
        qs = qs.filter(sasaran_program_id=int(sasaran_program))
    return qs


def versi_dengan_rentang(indikator: IndikatorKinerja) -> list[tuple[VersiIndikator, str]]:
    """The versions of an indicator, oldest first, each with the years it applies to:
    "2020–2023", "2024 dan seterusnya"."""
    versi = list(indikator.versi.order_by("berlaku_mulai"))
    hasil = []
    for i, v in enumerate(versi):
        if i + 1 < len(versi):
            akhir = versi[i + 1].berlaku_mulai - 1
            rentang = (
                str(v.berlaku_mulai) if akhir == v.berlaku_mulai else f"{v.berlaku_mulai}–{akhir}"
            )
        else:
            rentang = f"{v.berlaku_mulai} dan seterusnya"
        if i == 0:
            rentang += " (juga tahun sebelumnya)"
        hasil.append((v, rentang))
    return hasil


def kolom_versi(kolom: str, indikator: str, tahun: str) -> Coalesce:
    """A column of the version that applies, for annotating a queryset whose rows name a
    manual indicator (`indikator`) and a year (`tahun`), both as field paths: the same
    choice as `definisi_per_tahun` (the latest version from or before the year, else the
    first), inside the row's own query."""
    versi = VersiIndikator.objects.filter(indikator=OuterRef(indikator))
    berlaku = versi.filter(berlaku_mulai__lte=OuterRef(tahun)).order_by("-berlaku_mulai")
    return Coalesce(
        Subquery(berlaku.values(kolom)[:1]),
        Subquery(versi.order_by("berlaku_mulai").values(kolom)[:1]),
    )
