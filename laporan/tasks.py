"""Background tasks of the reports."""

from celery import shared_task


@shared_task(name="laporan.render_laporan")
def render_laporan(berkas_id: int) -> None:
    """Render the requested report `berkas_id` (laporan.services.jalankan)."""
    from laporan.services import jalankan

    jalankan(berkas_id)
