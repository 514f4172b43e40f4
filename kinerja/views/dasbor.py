"""The page each role starts the day with: the secretariat's dashboard of every balai, and a
satker user's own dashboard (kinerja/views/dasbor_satker.py). The home page sends each user to
theirs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kinerja import selectors
from kinerja.formatting import format_angka, format_tanggal, romawi
from kinerja.models.hasil import SETAHUN
from kinerja.perhitungan.ringkasan import METODE_PENYERAPAN, METODE_TERCAPAI
from kinerja.selectors import dasbor as sd
from kinerja.selectors import dasbor_tren as st
from kinerja.views.parameter import TAHUN_VALID, int_param
from laporan.dokumen import Grafik, Seri
from laporan.render import grafik
from satker.choices import JenisSatker

PER_HALAMAN = 50


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """The secretariat lands on the dashboard of all balai, a satker user on their own."""
    if request.user.melihat_semua_satker:
        return redirect("dasbor")
    if request.user.satker_id:
        return redirect("satker-dasbor", request.user.satker_id)
    return render(request, "kinerja/tanpa_satker.html", status=403)


def saringan(request: HttpRequest) -> sd.Saringan:
    """The dashboard's filters from the query string; a bad value falls back to the default."""
    tahun = int_param(
        request,
        "tahun",
        selectors.tahun_pk_terakhir(request.user, timezone.localdate().year),
        TAHUN_VALID,
    )
    triwulan = int_param(
        request, "triwulan", sd.triwulan_terakhir(request.user, tahun), range(SETAHUN, 5)
    )
    jenis = request.GET.get("jenis", "")
    provinsi = request.GET.get("provinsi", "")
    return sd.Saringan(
        tahun=tahun,
        triwulan=triwulan,
        jenis=jenis if jenis in JenisSatker.values else "",
        provinsi=provinsi[:100],
    )


@login_required
def dasbor(request: HttpRequest) -> HttpResponse:
    """Every balai side by side for a year and quarter: ranking, heat map of the manual's
    indicators, submission board, budget, trends and the year-end forecast; each table also
    as Excel (`?ekspor=xlsx[&tabel=...]`)."""
    if not request.user.melihat_semua_satker:
        raise PermissionDenied("Dasbor seluruh satker hanya untuk Sekretariat BSKJI.")
    s = saringan(request)
    hari_ini = timezone.localdate()
    urut = request.GET.get("urut", "nama")
    urut = urut if urut in sd.URUTAN else "nama"
    berurut = sd.satker_berurut(request.user, s, urut)
    r = st.rekap(request.user, s)
    kolom = st.kolom_peta(r, s)
    tren = st.tren_triwulan(request.user, s, r)

    if request.GET.get("ekspor") == "xlsx":
        return _ekspor(
            request, sd.baris_halaman(request.user, s, list(berurut), hari_ini), kolom, tren, s
        )

    # A page of the sorted satker is read, never all of them.
    halaman = Paginator(berurut, PER_HALAMAN).get_page(request.GET.get("halaman"))
    halaman.object_list = sd.baris_halaman(request.user, s, halaman.object_list, hari_ini)
    ids = [b.satker.pk for b in halaman]
    tren_satker = st.tren_satker(ids, s.tahun)
    tw_detail = s.triwulan or 4  # the PK page shows a quarter; the year is its fourth
    for b in halaman:
        b.url_dasbor = f"{reverse('satker-dasbor', args=[b.satker.pk])}?tahun={s.tahun}"
        b.url_detail = (
            f"{reverse('satker-detail', args=[b.satker.pk])}?tahun={s.tahun}&triwulan={tw_detail}"
        )
        b.tren = tren_satker.get(b.satker.pk, [None] * 4)
        b.status_pilih = b.status_triwulan(s.triwulan)
        b.garis = mark_safe(
            grafik.garis_kecil(b.tren, judul=f"Indikator tercapai per triwulan, {b.satker}")
        )
    sel = st.peta_panas(ids, s)
    for b in halaman:
        b.sel_peta = _sel_peta(b, [sel.get((b.satker.pk, k.kode)) for k in kolom])
        b.sel_papan = _sel_papan(b, s)
    context = {
        "s": s,
        "bagian": "dasbor",
        "halaman": halaman,
        "urut": urut,
        "urutan": sd.URUTAN,
        "kolom_peta": kolom,
        "ringkas": sd.ringkas(request.user, s, hari_ini),
        "tren": tren,
        "tren_indikator": _tren_indikator(r, kolom),
        "tren_tahun": st.tren_tahun(request.user, s),
        "grafik_tren": mark_safe(grafik.svg(_grafik_tren(tren), lebar=560, tinggi=260)),
        "pilihan_triwulan": [(0, "Setahun"), *((t, f"TW {romawi(t)}") for t in (1, 2, 3, 4))],
        "pilihan_jenis": JenisSatker.choices,
        "pilihan_provinsi": sd.pilihan_provinsi(request.user),
        "metode_tercapai": METODE_TERCAPAI,
        "metode_penyerapan": METODE_PENYERAPAN,
        "tabel_ekspor": _tabel_ekspor(),
        "hari_ini": hari_ini,
    }
    return render(request, "kinerja/dasbor.html", context)


def _sel_peta(b: sd.BarisSatker, sel: list) -> str:
    """A row of the heat map's cells: the figure coloured by its status, its working as the
    title, a link to the line. Built here rather than in the template: 50 rows × 18
    indicators are many template lookups."""
    bagian = []
    for c in sel:
        if c is None:
            bagian.append('<td class="kosong"></td>')
            continue
        nilai = "–" if c.nilai is None else format_angka(c.nilai)
        bagian.append(
            f'<td class="num status-{escape(c.status)}"><a href="{escape(b.url_detail)}'
            f'#baris-{c.indikator_id}" title="{escape(c.label_status)}: {escape(c.rumus)}">'
            f"{nilai}</a></td>"
        )
    return mark_safe("".join(bagian))


def _sel_papan(b: sd.BarisSatker, s: sd.Saringan) -> str:
    """A row of the submission board: each quarter's status, deadline and days late."""
    bagian = []
    for lap in b.pelaporan:
        kelas = ' class="sel"' if lap.triwulan == s.triwulan else ""
        isi = f'<span class="badge lap-{lap.status}">{escape(lap.label)}</span>'
        if lap.batas:
            isi += f'<div class="muted small">batas {format_tanggal(lap.batas)}</div>'
        if lap.terlambat:
            isi += f'<div class="badge bad">terlambat {lap.hari_terlambat} hari</div>'
        bagian.append(f"<td{kelas}>{isi}</td>")
    return mark_safe("".join(bagian))


def _grafik_tren(tren: list[st.TrenTriwulan]) -> Grafik:
    return Grafik(
        judul="Indikator tercapai dan penyerapan anggaran per triwulan",
        kategori=[f"TW {romawi(t.triwulan)}" for t in tren],
        seri=[
            Seri("Indikator tercapai (%)", [t.tercapai.nilai for t in tren]),
            Seri("Rencana penarikan (%)", [t.rencana.nilai for t in tren]),
            Seri("Realisasi anggaran (%)", [t.penyerapan.nilai for t in tren]),
        ],
        satuan="%",
        jenis="garis",
    )


def _tren_indikator(r: st.Rekap, kolom) -> list:
    per_kode = st.tren_indikator(r)
    return [(k, per_kode.get(k.kode)) for k in kolom if per_kode.get(k.kode)]


def _tabel_ekspor() -> list[tuple[str, str]]:
    from laporan.susun.dasbor import TABEL

    nama = {
        "peringkat": "Peringkat",
        "peta": "Peta capaian",
        "pelaporan": "Papan pelaporan",
        "anggaran": "Anggaran",
        "tren": "Tren",
    }
    return [(t, nama[t]) for t in TABEL]


def _ekspor(request: HttpRequest, semua, kolom, tren, s: sd.Saringan) -> HttpResponse:
    """The dashboard's tables (or one of them) for every selected satker, as a workbook."""
    from laporan.render import xlsx
    from laporan.susun import dasbor as susun

    tabel = request.GET.get("tabel")
    sel = st.peta_panas([b.satker.pk for b in semua], s) if tabel in (None, "", "peta") else {}
    laporan = susun.susun(baris=semua, kolom_peta=kolom, sel=sel, tren=tren, s=s, tabel=tabel)
    nama = f"dasbor-{s.tahun}-{'tahun' if not s.triwulan else f'tw{s.triwulan}'}"
    if tabel in susun.TABEL:
        nama += f"-{tabel}"
    response = HttpResponse(
        xlsx.render(laporan),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response
