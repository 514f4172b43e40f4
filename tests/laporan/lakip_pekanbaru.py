"""The figures of the LAKIP 2023 of BSPJI Pekanbaru (satker 417912) that several of its
tables print, worked out by hand from fixtures/ and the definitions, for test_isi_lakip_*.py:
each PK line's identity and its year's target, realisasi and capaian."""

from __future__ import annotations

from decimal import Decimal as D

IND = {
    "I.1": "I.1 Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi",
    "II.1": "II.1 Perusahaan yang terfasilitasi di bidang standardisasi industri",
    "III.1": "III.1 Produktivitas/efisiensi perusahaan industri yang memanfaatkan teknologi "
    "industri melalui jasa konsultasi",
    "III.2": "III.2 Meningkatnya PNBP layanan jasa industri",
    "III.3": "III.3 Meningkatnya jumlah hasil layanan jasa industri yang digunakan oleh pelanggan",
    "III.4": "III.4 Persentase nilai capaian penggunaan produk dalam negeri dalam pengadaan "
    "barang dan jasa",
    "IV.1": "IV.1 Rekomendasi hasil pengawasan internal telah ditindaklanjuti oleh satker",
    "V.1": "V.1 Indeks Kepuasan Masyarakat terhadap layanan jasa industri",
    "VI.1": "VI.1 Rata-rata indeks profesionalitas ASN",
    "VII.1": "VII.1 Nilai minimal indeks layanan publik",
    "VIII.1": "VIII.1 Nilai minimal akuntabilitas kinerja",
    "VIII.2": "VIII.2 Nilai minimal laporan keuangan",
}


def uraian(kode: str) -> str:
    return IND[kode].split(" ", 1)[1]


SASARAN = {
    1: "Meningkatnya Daya Saing Industri Pengolahan Nonmigas",
    2: "Penguatan Implementasi Making Indonesia 4.0",
    3: "Meningkatnya kemampuan industri barang dan jasa dalam negeri",
    4: "Tercapainya Pengawasan Internal yang Efektif dan Efisien",
    5: "Terselenggaranya Urusan Pemerintahan di Bidang Perindustrian yang Berkelanjutan",
    6: "Terwujudnya ASN BSKJI yang Profesional",
    7: "Penguatan Layanan Publik",
    8: "Penguatan Akuntabilitas Organisasi",
}

# --- the year's figures of every PK line, worked by hand ----------------------------------

# kode: (target, satuan, realisasi, capaian, printed target, printed realisasi, printed
# capaian). Targets as the PK writes them (pk_2023.yaml). Realisasi from the raw figures
# (data_dukung.yaml, nilai_eksternal_2023.yaml) by the manual's method; capaian = realisasi
# (rounded) / target × 100 (all maksimasi). The same working is in
# tests/kinerja/test_capaian_demo.py (PEKANBARU_2023).
HASIL = {
    # IKM Mustang 400 → 500 kg/bulan: (500 − 400) / 400 × 100 = 25,00; 25,00 / 10 = 250,00%.
    "I.1": (D("10"), "Persen", D("25.00"), D("250.00"), "10", "25,00", "250,00%"),
    # One company (CV Wawa Group), a count: 1; 1 / 1 × 100 = 100,00%.
    "II.1": (D("1"), "Perusahaan", D("1"), D("100.00"), "1", "1", "100,00%"),
    # IKM ROQI 100 → 160 kg/bulan: 60,00; 60,00 / 12 = 500,00% (the LAKIP prints 400%).
    "III.1": (D("12"), "Persen", D("60.00"), D("500.00"), "12", "60,00", "500,00%"),
    # Service PNBP 2023 38.400.000 + 199.172.250 + 10.560.000 + 228.000.000 + 78.550.000
    # + 2.100.000 = 556.782.250; 2022 9.000.000 + 109.563.000 + 484.000 + 1.000.000 =
    # 120.047.000; (556.782.250 − 120.047.000) / 120.047.000 × 100 = 363,803… → 363,80;
    # 363,80 / 5 × 100 = 7.276,00% (the LAKIP prints 363 and 7.260%).
    "III.2": (D("5"), "Persen", D("363.80"), D("7276.00"), "5", "363,80", "7.276,00%"),
    # Results 2023 15 + 211 + 14 + 9 + 6 = 255; 2022 6 + 155 + 2 + 2 = 165;
    # (255 − 165) / 165 × 100 = 54,545… → 54,55; 54,55 / 5 = 1.091,00%.
    "III.3": (D("5"), "Persen", D("54.55"), D("1091.00"), "5", "54,55", "1.091,00%"),
    # P3DN accounts 2023: (PDN 2.076.232.600 + TKDN 60.907.400) / pagu 2.534.721.000 × 100
    # = 84,3146… → 84,31; 84,31 / 45 = 187,355… → 187,36%.
    "III.4": (D("45"), "Persen", D("84.31"), D("187.36"), "45", "84,31", "187,36%"),
    # 9 of 9 recommendations followed up: 100,00; 100 / 92,5 = 108,108… → 108,11%.
    "IV.1": (D("92.5"), "Persen", D("100.00"), D("108.11"), "92,5", "100,00", "108,11%"),
    # (3,86 + 3,81 + 3,69 + 3,73 + 3,81 + 3,87 + 3,91 + 3,81 + 3,85) / 9 = 34,34 / 9
    # = 3,8155… → 3,82; 3,82 / 3,5 = 109,142… → 109,14% (the LAKIP prints 3,81).
    "V.1": (D("3.5"), "Indeks", D("3.82"), D("109.14"), "3,5", "3,82", "109,14%"),
    # 16 per-employee totals sum to 1402 (see the Profesionalitas table): 1402 / 16 = 87,625
    # → 87,63 (half-up); 87,63 / 73 = 120,041… → 120,04%.
    "VI.1": (D("73"), "Indeks", D("87.63"), D("120.04"), "73", "87,63", "120,04%"),
    # 4,66 × 24% + 4,80 × 25% + 4,33 × 18% + 3,75 × 11% + 4,75 × 10% + 2,00 × 12% = 4,2253
    # → 4,23; 4,23 / 3,53 = 119,830… → 119,83%.
    "VII.1": (D("3.53"), "Indeks", D("4.23"), D("119.83"), "3,53", "4,23", "119,83%"),
    # SAKIP 23,10 + 22,50 + 11,55 + 18,00 = 75,15; 75,15 / 75 = 100,20%.
    "VIII.1": (D("75"), "Nilai", D("75.15"), D("100.20"), "75", "75,15", "100,20%"),
    # Financial-report score 90,75; 90,75 / 90 = 100,833… → 100,83%.
    "VIII.2": (D("90"), "Nilai", D("90.75"), D("100.83"), "90", "90,75", "100,83%"),
}
# Every capaian is ≥ 100, so every line is "Tercapai" (threshold 100, DESIGN.md 4).
STATUS = "Tercapai"
# The first line of each sasaran (its number), the others follow without the sasaran cells.
PERTAMA = {"I.1": 1, "II.1": 2, "III.1": 3, "IV.1": 4, "V.1": 5, "VI.1": 6, "VII.1": 7, "VIII.1": 8}
