"""The pages of the performance data, one module per area: beranda (the satker list and a
satker's PK), siklus (the quarter's entry and submission), reviu (the secretariat's review),
rencana (PK and Rencana Aksi), isian (the year's entry hub and budget realisation),
data_dukung, narasi, anggaran (the budget); akses and parameter hold what they share."""
