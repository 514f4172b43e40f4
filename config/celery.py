"""Celery, for the work that should not hold a request: rendering reports. With a broker
(CELERY_BROKER_URL, Redis in production) a worker runs the tasks; without one, the default
for a first run, tasks run in-process, eagerly, so nothing else needs installing."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
