from django.urls import path

from kinerja import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("satker/<int:pk>/", views.SatkerDetailView.as_view(), name="satker-detail"),
]
