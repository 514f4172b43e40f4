#!/usr/bin/env bash
# Mutation testing with mutmut: how much wrong code does the suite refuse?
#
#   scripts/mutasi.sh [sasaran ...]       sasaran: perhitungan (default), siklus, akses, semua
#
# For each target, mutmut makes small mistakes one at a time in its modules (a < for a <=, a
# dropped argument, another constant...) and runs the tests that reach the mutated function;
# a mutant is killed when a test fails. This is a benchmark, not part of CI: it takes minutes
# (perhitungan) to tens of minutes (siklus, akses: their tests use the database).
#
# Each target runs in its own copy of the working tree under var/mutasi/<sasaran>/ (the tree
# itself is never changed; uncommitted files are included). Targets whose tests use the
# database run on a throw-away PostgreSQL (scripts/pg_sementara.sh) whose test database is
# made once and reused by every mutant (--reuse-db); the computation needs none.
# It prints mutmut's progress line, then the score per module and every surviving mutant as a
# diff; both are kept in var/mutasi/<sasaran>/ringkasan.txt. Environment: MUTASI_PROSES (parallel
# mutants, default the number of cores), PY (the Python of the virtual environment).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PY=${PY:-$root/.venv/bin/python}
MUTMUT_VERSI=3.8.1

if [ ! -x "$PY" ]; then
  echo "Lingkungan Python belum ada: jalankan 'make install-test' lebih dahulu." >&2
  exit 1
fi
if ! "$PY" -m pip show mutmut 2>/dev/null | grep -q "^Version: $MUTMUT_VERSI$"; then
  echo "Memasang mutmut $MUTMUT_VERSI ..."
  "$PY" -m pip install --quiet ".[mutasi]"
fi
mutmut="$(dirname "$PY")/mutmut"
proses=${MUTASI_PROSES:-$(nproc)}

# target → "modules to mutate | tests that may kill them" (globs relative to the tree).
declare -A MODUL UJI BASIS_DATA
MODUL[perhitungan]="kinerja/perhitungan/*"
UJI[perhitungan]="tests/kinerja/perhitungan"
BASIS_DATA[siklus]=1 BASIS_DATA[akses]=1
MODUL[siklus]="kinerja/siklus.py"
UJI[siklus]="tests/kinerja/test_siklus.py tests/kinerja/test_siklus_tabel.py tests/kinerja/test_siklus_kelengkapan.py tests/kinerja/test_siklus_snapshot.py tests/kinerja/test_isian.py"
MODUL[akses]="kinerja/views/akses.py satker/querysets.py"
UJI[akses]="tests/kinerja/test_akses_satker.py tests/kinerja/test_siklus_tabel.py tests/test_url_permissions.py tests/satker"

sasaran=("$@")
[ ${#sasaran[@]} -gt 0 ] || sasaran=(perhitungan)
[ "${sasaran[0]}" != "semua" ] || sasaran=(perhitungan siklus akses)

for s in "${sasaran[@]}"; do
  if [ -z "${MODUL[$s]:-}" ]; then
    echo "Sasaran tidak dikenal: $s (pilih: ${!MODUL[*]} semua)" >&2
    exit 2
  fi
done

for s in "${sasaran[@]}"; do
  kerja="$root/var/mutasi/$s"
  echo "== Mutasi $s: ${MODUL[$s]} (uji: ${UJI[$s]}), $proses proses, di $kerja"
  rm -rf "$kerja"
  mkdir -p "$kerja"
  # The tree as it is now, committed or not, without what git ignores (var/, .venv/ ...).
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$kerja"
  {
    echo "[mutmut]"
    echo "source_paths="
    for d in kinerja satker; do echo "    $d"; done
    echo "only_mutate="
    for m in ${MODUL[$s]}; do echo "    $m"; done
    echo "also_copy="
    for d in config laporan templates static fixtures manage.py; do echo "    $d"; done
    echo "pytest_add_cli_args_test_selection="
    for t in ${UJI[$s]}; do [ -e "$kerja/$t" ] && echo "    $t"; done
    echo "pytest_add_cli_args="
    echo "    -p no:cacheprovider"
    echo "    -p no:randomly"
    [ -z "${BASIS_DATA[$s]:-}" ] || echo "    --reuse-db"
  } > "$kerja/setup.cfg"
  (
    cd "$kerja"
    export PYTHONDONTWRITEBYTECODE=1 PY
    mkdir -p var
    mulai=$(date +%s)
    if [ -n "${BASIS_DATA[$s]:-}" ]; then
      "$root/scripts/pg_sementara.sh" "$mutmut" run --max-children "$proses" || true
    else
      DATABASE_URL="sqlite:///$kerja/var/mutasi.sqlite3" "$mutmut" run --max-children "$proses" \
        || true
    fi
    echo
    detik=$(( $(date +%s) - mulai ))
    "$mutmut" results --all true > var/hasil.txt 2>&1 || true
    "$PY" "$root/scripts/mutasi_ringkas.py" --sasaran "$s" --detik "$detik" \
      --setara "$root/scripts/mutasi_setara.txt" --mutmut "$mutmut" var/hasil.txt \
      | tee ringkasan.txt
  )
done
