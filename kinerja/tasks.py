"""Background tasks of the performance cycle."""

from celery import shared_task


# Opening a year for 1,000 satker took about four minutes on a loaded 2-core machine
# (benchmarks/tahun.py): more than the reports' default limit allows for with a margin.
@shared_task(name="kinerja.buka_tahun", time_limit=3600, soft_time_limit=3500)
def buka_tahun(run_id: int) -> None:
    """Open a year for every satker (kinerja.services.tahun.jalankan)."""
    from kinerja.services.tahun import jalankan

    jalankan(run_id)
