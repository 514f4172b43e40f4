# Two commands for a new machine with Python 3.11:
#   make run    create the virtual environment, install, migrate the SQLite database,
#               load the demo data (and simulated data for the other 22 balai) and serve on
#               http://127.0.0.1:8000
#   make test   install the test dependencies and run the whole suite on a throw-away
#               PostgreSQL (falls back to SQLite, with a message, where PostgreSQL is missing)
# Also: make lint (ruff), make check (lint + tests, what CI runs).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format check install install-test clean

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 diperlukan, ditemukan " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# KINERJA_DEMO_SIMULASI=0 make run: only the two real balai, without the 22 simulated ones.
KINERJA_DEMO_SIMULASI ?= 1

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@if [ "$(KINERJA_DEMO_SIMULASI)" != "0" ]; then \
	  echo "Mengisi 22 balai lain dengan data simulasi (KINERJA_DEMO_SIMULASI=0 untuk tanpa)"; \
	  $(PY) manage.py buat_simulasi --satker 24 --tahun 2023 \
	    || echo "Simulasi dilewati (lihat pesan di atas); aplikasi tetap dijalankan."; \
	fi
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	./scripts/run_tests.sh

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: lint test

clean:
	rm -rf $(VENV) var build *.egg-info .pytest_cache .ruff_cache
