"""The Django admin of kinerja, one module per area; importing them registers the admins."""

from kinerja.admin import (  # noqa: F401
    anggaran,
    data_dukung,
    hasil,
    lampiran,
    rencana,
    siklus,
    tabel_sumber,
)
