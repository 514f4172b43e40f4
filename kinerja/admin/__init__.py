"""The Django admin of kinerja, one module per area; importing them registers the admins."""

from kinerja.admin import anggaran, data_dukung, hasil, lampiran, rencana, siklus  # noqa: F401
