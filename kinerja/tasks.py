"""Background tasks of the performance cycle."""

from celery import shared_task


@shared_task(name="kinerja.buka_tahun")
def buka_tahun(run_id: int) -> None:
    """Open a year for every satker (kinerja.services.tahun.jalankan)."""
    from kinerja.services.tahun import jalankan

    jalankan(run_id)
