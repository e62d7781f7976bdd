"""Reports: sales, settlement per supplier and partner region, stock, and their PDF/CSV exports.

Every report is a query over a period (the store's business days, :mod:`posapp.domain.calendar`)
with filters that returns a plain :class:`posapp.reports.model.Report` (columns, rows, totals,
a chart series); the UI, the CLI and the exporters only ever see that dataclass.
"""
