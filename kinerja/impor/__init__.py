"""Excel round-trips: one mechanism (dasar) and one module per workbook kind."""
