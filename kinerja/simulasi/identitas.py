"""Who a simulated satker is: its name and number, a satker code from the reserved range
9xxxxx, its kind, its seat (a city of an Indonesian province) and its head. Names and codes
depend on the number only; the rest on the seed."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from kinerja.simulasi.acak import rng_identitas
from satker.choices import JenisSatker

# Satker codes 900000-999999 are reserved for simulated satker: no DIPA of the ministry uses
# them, so a simulated unit can never be mistaken for a real one by its code.
KODE_AWAL = 900000
RENTANG_KODE = 100000
NOMOR_MAKS = 9999  # "Satker Simulasi 0001" .. "Satker Simulasi 9999"
POLA_NAMA = re.compile(r"^Satker Simulasi (\d{4})$")

# Of the 24 BSKJI units 11 are Balai Besar (LAKIP Tabel 27).
PELUANG_BALAI_BESAR = 11 / 24

# A seat in every province (ibu kota provinsi and a few industrial cities).
KOTA_PROVINSI = (
    ("Banda Aceh", "Aceh"), ("Lhokseumawe", "Aceh"), ("Medan", "Sumatera Utara"),
    ("Pematangsiantar", "Sumatera Utara"), ("Padang", "Sumatera Barat"),
    ("Bukittinggi", "Sumatera Barat"), ("Pekanbaru", "Riau"), ("Dumai", "Riau"),
    ("Jambi", "Jambi"), ("Palembang", "Sumatera Selatan"), ("Bengkulu", "Bengkulu"),
    ("Bandar Lampung", "Lampung"), ("Pangkalpinang", "Kepulauan Bangka Belitung"),
    ("Batam", "Kepulauan Riau"), ("Tanjungpinang", "Kepulauan Riau"),
    ("Jakarta", "DKI Jakarta"), ("Bandung", "Jawa Barat"), ("Bogor", "Jawa Barat"),
    ("Bekasi", "Jawa Barat"), ("Cirebon", "Jawa Barat"), ("Semarang", "Jawa Tengah"),
    ("Surakarta", "Jawa Tengah"), ("Pekalongan", "Jawa Tengah"),
    ("Yogyakarta", "DI Yogyakarta"), ("Surabaya", "Jawa Timur"), ("Malang", "Jawa Timur"),
    ("Kediri", "Jawa Timur"), ("Serang", "Banten"), ("Cilegon", "Banten"),
    ("Denpasar", "Bali"), ("Mataram", "Nusa Tenggara Barat"),
    ("Kupang", "Nusa Tenggara Timur"), ("Pontianak", "Kalimantan Barat"),
    ("Palangka Raya", "Kalimantan Tengah"), ("Banjarbaru", "Kalimantan Selatan"),
    ("Banjarmasin", "Kalimantan Selatan"), ("Samarinda", "Kalimantan Timur"),
    ("Balikpapan", "Kalimantan Timur"), ("Tanjung Selor", "Kalimantan Utara"),
    ("Manado", "Sulawesi Utara"), ("Bitung", "Sulawesi Utara"), ("Palu", "Sulawesi Tengah"),
    ("Makassar", "Sulawesi Selatan"), ("Parepare", "Sulawesi Selatan"),
    ("Kendari", "Sulawesi Tenggara"), ("Gorontalo", "Gorontalo"),
    ("Mamuju", "Sulawesi Barat"), ("Ambon", "Maluku"), ("Sofifi", "Maluku Utara"),
    ("Ternate", "Maluku Utara"), ("Jayapura", "Papua"), ("Manokwari", "Papua Barat"),
    ("Sorong", "Papua Barat Daya"), ("Merauke", "Papua Selatan"), ("Nabire", "Papua Tengah"),
    ("Wamena", "Papua Pegunungan"),
)  # fmt: skip

NAMA_DEPAN = (
    "Agus", "Ahmad", "Andi", "Arief", "Bambang", "Budi", "Dedi", "Dewi", "Dian", "Eko",
    "Endang", "Fajar", "Fitri", "Hendra", "Herlina", "Ika", "Indah", "Irwan", "Joko", "Kurnia",
    "Lestari", "Made", "Muhammad", "Nanang", "Nur", "Putu", "Rahmat", "Ratna", "Rina", "Rudi",
    "Sari", "Siti", "Sri", "Taufik", "Teguh", "Wahyu", "Wayan", "Yanti", "Yudi", "Yusuf",
)  # fmt: skip
NAMA_BELAKANG = (
    "Hidayat", "Kurniawan", "Lubis", "Nasution", "Pratama", "Purnomo", "Rahman", "Santoso",
    "Saputra", "Setiawan", "Simanjuntak", "Siregar", "Sitompul", "Sulistyo", "Susanto",
    "Syahputra", "Tambunan", "Wibowo", "Wijaya", "Yulianto", "Pangemanan", "Rumondor",
    "Mokodompit", "Latuconsina", "Pattiasina", "Daeng Matona", "Harahap", "Gunawan",
)  # fmt: skip
GELAR = (
    ("Ir. ", ", M.T."), ("Dr. ", ", M.Si."), ("", ", S.T., M.T."), ("", ", S.Si., M.Si."),
    ("", ", S.T., M.M."), ("Ir. ", ", M.Sc."), ("Dr. Ir. ", ", M.Eng."), ("", ", S.TP., M.P."),
)  # fmt: skip


@dataclass(frozen=True)
class IdentitasBaru:
    nomor: int
    nama: str
    singkatan: str
    kode: str
    jenis: str
    kota: str
    provinsi: str
    alamat: str
    kepala_nama: str
    kepala_jabatan: str


def nama_simulasi(nomor: int) -> str:
    return f"Satker Simulasi {nomor:04d}"


def singkatan_simulasi(nomor: int) -> str:
    return f"Simulasi {nomor:04d}"


def kode_simulasi(nomor: int) -> str:
    """A 6-digit code of the reserved range 9xxxxx. 7919 is prime to 100000, so every number
    gets its own code, spread over the range as real codes are (247246, 417912)."""
    if not 1 <= nomor <= NOMOR_MAKS:
        raise ValueError(f"nomor satker simulasi di luar 1..{NOMOR_MAKS}: {nomor}")
    return f"{KODE_AWAL + (nomor * 7919 + 4241) % RENTANG_KODE:06d}"


def nomor_dari_nama(nama: str) -> int | None:
    """The number of a simulated satker's name ("Satker Simulasi 0042" → 42), else None."""
    cocok = POLA_NAMA.match(nama)
    return int(cocok.group(1)) if cocok else None


def nama_kepala(rng: random.Random) -> str:
    depan, belakang = rng.choice(GELAR)
    return f"{depan}{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}{belakang}"


def identitas_baru(seed: int, nomor: int) -> IdentitasBaru:
    """The identity of new simulated satker number `nomor`."""
    rng = rng_identitas(seed, nomor)
    jenis = JenisSatker.BALAI_BESAR if rng.random() < PELUANG_BALAI_BESAR else JenisSatker.BALAI
    kota, provinsi = rng.choice(KOTA_PROVINSI)
    nama = nama_simulasi(nomor)
    return IdentitasBaru(
        nomor=nomor,
        nama=nama,
        singkatan=singkatan_simulasi(nomor),
        kode=kode_simulasi(nomor),
        jenis=str(jenis),
        kota=kota,
        provinsi=provinsi,
        alamat=f"Jl. Industri No. {rng.randint(1, 120)}, {kota}",
        kepala_nama=nama_kepala(rng),
        kepala_jabatan=f"Kepala {nama}",
    )
