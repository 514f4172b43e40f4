"""The API's pagination (its own module: DRF reads it from the settings while the viewset
bases are being defined)."""

from rest_framework.pagination import PageNumberPagination


class Halaman(PageNumberPagination):
    """Pages of 50 items by default (`page_size` up to 500), with `next` and `previous`."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
