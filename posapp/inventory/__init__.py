"""Inventory services: catalogue lookup (catalog), the stock ledger with lots (ledger, FEFO),
products and their one writer (products), regions and producers (partners), stock changes
(stock, lots, stock_history), counts, purchase orders and receiving (purchasing, receiving),
reservations, labels and printouts (labels, printouts, pdf), the product CSV (csv_format,
csv_io), the checkout's quick-key layout (quick_keys). Each public function takes the
caller's UnitOfWork."""
