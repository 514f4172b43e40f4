"""A satker's PK page: sasaran, indicators, targets, Rencana Aksi and measurements."""

from __future__ import annotations

from django.utils import timezone
from django.views.generic import DetailView

from kinerja import selectors
from kinerja.choices import Triwulan
from kinerja.views.parameter import TAHUN_VALID, int_param
from satker.mixins import RestrictedQuerysetMixin
from satker.models import Satker


class SatkerDetailView(RestrictedQuerysetMixin, DetailView):
    """A satker and its PK of the selected year: sasaran, indicators, targets, Rencana Aksi
    and the measurement of the selected quarter."""

    model = Satker
    queryset = Satker.objects.select_related("unit_eselon_i")
    template_name = "kinerja/satker_detail.html"
    context_object_name = "satker"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        satker = self.object
        daftar_tahun = selectors.tahun_pk_satker(satker)
        tahun = int_param(
            self.request,
            "tahun",
            daftar_tahun[0] if daftar_tahun else timezone.localdate().year,
            TAHUN_VALID,
        )
        pk = selectors.perjanjian_lengkap(self.request.user, satker, tahun)
        triwulan = int_param(self.request, "triwulan", self._triwulan_terakhir(pk), range(1, 5))
        lines = [i for s in pk.sasaran.all() for i in s.indikator.all()] if pk else []
        hasil = {h.kode: h for h in selectors.hitung_capaian(lines, triwulan)}
        context.update(
            {
                "tahun": tahun,
                "daftar_tahun": daftar_tahun,
                "perjanjian": pk,
                "triwulan": triwulan,
                "daftar_triwulan": Triwulan.choices,
                "baris": self._baris(pk, triwulan, hasil) if pk else [],
                "laporan_terakhir": self._laporan_terakhir(satker, tahun),
            }
        )
        return context

    @staticmethod
    def _laporan_terakhir(satker: Satker, tahun: int) -> list:
        """The last rendered file of each report of the year, for download."""
        from laporan.choices import StatusBerkas
        from laporan.models import BerkasLaporan

        terakhir = {}
        for b in BerkasLaporan.objects.filter(
            satker=satker, tahun=tahun, status=StatusBerkas.SELESAI
        ):
            terakhir.setdefault((b.jenis, b.triwulan, b.format), b)
        return sorted(terakhir.values(), key=lambda b: (b.jenis, b.triwulan or 0, b.format))

    @staticmethod
    def _triwulan_terakhir(pk) -> int:
        """The latest quarter with a measurement, so the page opens on the newest data."""
        if pk is None:
            return 1
        quarters = [
            r.triwulan
            for s in pk.sasaran.all()
            for i in s.indikator.all()
            for r in i.realisasi.all()
        ]
        return max(quarters, default=1)

    @staticmethod
    def _baris(pk, triwulan: int, hasil: dict) -> list[dict]:
        """One row per PK line: the line, its target antara per quarter, the measurement of
        the selected quarter and the figures computed for it."""
        rows = []
        for sasaran in pk.sasaran.all():
            lines = list(sasaran.indikator.all())
            for n, line in enumerate(lines):
                ra = {r.triwulan: r for r in line.rencana_aksi.all()}
                realisasi = {r.triwulan: r for r in line.realisasi.all()}
                rows.append(
                    {
                        "sasaran": sasaran,
                        "rowspan": len(lines) if n == 0 else 0,
                        "indikator": line,
                        "target_antara": [ra.get(t) for t in range(1, 5)],
                        "rencana": ra.get(triwulan),
                        "realisasi": realisasi.get(triwulan),
                        "hasil": hasil[line.kode],
                    }
                )
        return rows
