"""`buka_tahun` (opening a year for every satker) at 24 and at 1000 satker: seconds, queries,
queries per satker; and the repeated run that makes nothing.

Every satker is given what opening needs, as Pekanbaru has it: a Renstra covering 2024 and a
PK 2023 with its Rencana Aksi (copies of Pekanbaru's, straight into the tables). Run on
PostgreSQL with `scripts/pg_sementara.sh .venv/bin/python benchmarks/tahun.py`, or on SQLite
(var/tahun.sqlite3) without DATABASE_URL."""

from __future__ import annotations

from bersama import siapkan, ukur

siapkan("tahun")

from django.core.management import call_command  # noqa: E402

from kinerja.demo_data import load_demo_data  # noqa: E402
from kinerja.models import (  # noqa: E402
    IndikatorPerjanjian,
    IndikatorRenstra,
    PerjanjianKinerja,
    RencanaAksi,
    Renstra,
    SasaranKegiatan,
    SasaranRenstra,
    TargetRenstra,
)
from kinerja.services.tahun import buka_tahun  # noqa: E402
from satker.models import Satker  # noqa: E402

PEKANBARU = "417912"


def _salin_bentuk(satker_baru: list[Satker]) -> None:
    """Pekanbaru's Renstra 2021-2024 (goals, indicators, targets) and PK 2023 (goals, lines,
    Rencana Aksi) for each satker of `satker_baru` (no history: bench set-up)."""
    asal = Satker.objects.get(kode=PEKANBARU)
    renstra = Renstra.objects.get(satker=asal)
    sasaran = list(SasaranRenstra.objects.filter(renstra=renstra).order_by("pk"))
    indikator = list(IndikatorRenstra.objects.filter(sasaran__renstra=renstra).order_by("pk"))
    target = list(TargetRenstra.objects.filter(indikator__sasaran__renstra=renstra))
    pk = PerjanjianKinerja.objects.get(satker=asal, tahun=2023)
    sk = list(SasaranKegiatan.objects.filter(perjanjian=pk).order_by("pk"))
    lines = list(IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk).order_by("pk"))
    ra = list(RencanaAksi.objects.filter(indikator__sasaran__perjanjian=pk))
    for s in satker_baru:
        r = Renstra._base_manager.create(
            tingkat=renstra.tingkat, satker=s, nama=renstra.nama,
            tahun_awal=renstra.tahun_awal, tahun_akhir=renstra.tahun_akhir,
        )  # fmt: skip
        peta_s = {}
        for x in sasaran:
            peta_s[x.pk] = SasaranRenstra(renstra=r, kode=x.kode, nama=x.nama, urutan=x.urutan)
        SasaranRenstra._base_manager.bulk_create(peta_s.values())
        peta_i = {}
        for x in indikator:
            peta_i[x.pk] = IndikatorRenstra(
                sasaran=peta_s[x.sasaran_id], nomor=x.nomor, nama=x.nama, satuan=x.satuan,
                indikator_id=x.indikator_id,
            )  # fmt: skip
        IndikatorRenstra._base_manager.bulk_create(peta_i.values())
        TargetRenstra._base_manager.bulk_create(
            TargetRenstra(indikator=peta_i[t.indikator_id], tahun=t.tahun, target=t.target)
            for t in target
        )
        p = PerjanjianKinerja._base_manager.create(
            satker=s, tahun=2023, pihak_pertama_nama="Kepala", pihak_pertama_jabatan="Kepala",
            pihak_kedua_nama=pk.pihak_kedua_nama, pihak_kedua_jabatan=pk.pihak_kedua_jabatan,
        )  # fmt: skip
        peta_k = {x.pk: SasaranKegiatan(perjanjian=p, nomor=x.nomor, uraian=x.uraian) for x in sk}
        SasaranKegiatan._base_manager.bulk_create(peta_k.values())
        peta_l = {}
        for x in lines:
            peta_l[x.pk] = IndikatorPerjanjian(
                sasaran=peta_k[x.sasaran_id], nomor=x.nomor, uraian=x.uraian,
                indikator_id=x.indikator_id, target=x.target, satuan=x.satuan,
            )  # fmt: skip
        IndikatorPerjanjian._base_manager.bulk_create(peta_l.values())
        RencanaAksi._base_manager.bulk_create(
            RencanaAksi(
                indikator=peta_l[x.indikator_id],
                triwulan=x.triwulan,
                target_antara=x.target_antara,
                rencana_kegiatan=x.rencana_kegiatan,
            )
            for x in ra
        )


def _tambah_satker(sampai: int) -> list[Satker]:
    contoh = Satker.objects.get(kode=PEKANBARU)
    ada = Satker.objects.count()
    baru = [
        Satker(
            unit_eselon_i=contoh.unit_eselon_i,
            kode=f"{900000 + i}",
            jenis=contoh.jenis,
            nama=f"Balai Uji Skala {i}",
            singkatan=f"BUS{i}",
            kepala_nama=f"Kepala {i}",
            simulasi=True,
        )
        for i in range(ada, sampai)
    ]
    return Satker._base_manager.bulk_create(baru)


def _lapor(label: str, n: int) -> None:
    detik, kueri, run = ukur(lambda: buka_tahun(tahun=2024))
    print(
        f"{label}: {n} satker, {detik:.1f} s, {kueri} queries ({kueri / n:.1f}/satker); "
        f"{run.jumlah_dibuka} opened, {run.jumlah_sudah_ada} had a PK, "
        f"{run.jumlah_dilewati} not opened",
        flush=True,
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    load_demo_data()
    tanpa = list(Satker.objects.exclude(renstra__isnull=False).exclude(kode=PEKANBARU))
    _salin_bentuk([s for s in tanpa if not s.perjanjian_kinerja.filter(tahun=2023).exists()])
    # Manado has its own PK 2023; only the Renstra is missing there.
    n = Satker.objects.count()
    _lapor("24 satker, first run", n)
    _lapor("24 satker, second run", n)
    baru = _tambah_satker(1000)
    _salin_bentuk(baru)
    n = Satker.objects.count()
    _lapor(f"{n} satker, first run ({len(baru)} new)", n)
    _lapor(f"{n} satker, second run", n)


if __name__ == "__main__":
    main()
