"""Inventory: catalogue lookup, the stock ledger with lots (FEFO), CSV import/export, demo data."""
