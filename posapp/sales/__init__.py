"""The sale engine: tickets, tenders, atomic sales, refunds, hold/recall, shifts, X/Z reports.

One module per action: :mod:`.completion` (completing a sale; PostgreSQL's one-round-trip path
in :mod:`.fastpath`), :mod:`.shifts` (registers, opening and closing a shift), :mod:`.refunds`,
:mod:`.holds`, :mod:`.voids`, :mod:`.drawer` (drawer openings and reprints),
:mod:`.price_override`, :mod:`.register_report` (the register's X/Z report),
:mod:`.cash_receipts` (현금영수증 the terminal has not issued yet) and :mod:`.offline` (selling
while the shared database is unreachable). Shared by them: :mod:`.sale_records` (the error, the
rows written and the typed results; the business day is :mod:`posapp.domain.calendar`'s),
:mod:`.receipt_numbers`, :mod:`.sale_document` (the canonical document journaled and sent),
:mod:`.journal` (the hash chain), :mod:`.ticket` and :mod:`.tenders`.
"""
