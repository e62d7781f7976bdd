"""Full card numbers where they must never be: a check over what the till already stored.

The tender rules refuse a card number (12–19 digits passing the Luhn check) typed into a free-text
field of a tender (:func:`posapp.sales.tenders.refuse_card_number`), and a masked card showing more
than 6 + 4 digits. Rows written before those rules, or by another program, are found here for
``posapp-admin verify``: which payment of which receipt, which field — never the number itself.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Payment, PendingCardCancel, PendingCashReceipt, Sale
from posapp.sales.tenders import looks_like_card_number

_FREE_TEXT = ("approval_no", "reference", "original_approval_no", "cash_receipt_approval")


def find(uow: UnitOfWork) -> list[str]:
    """Every stored field that holds a full card number, as ``receipt #seq field``."""
    p, s = Payment.__table__, Sale.__table__
    out: list[str] = []
    q = select(
        s.c.receipt_no, p.c.seq, p.c.card_masked, *(p.c[name] for name in _FREE_TEXT)
    ).select_from(p.join(s, s.c.id == p.c.sale_id))
    for row in uow.conn.execute(q).mappings():
        where = f"{row['receipt_no']} #{row['seq']}"
        for name in _FREE_TEXT:
            if looks_like_card_number(row[name]):
                out.append(f"{where} {name}: a full card number is stored")
        masked = row["card_masked"]
        if masked and len(re.sub(r"\D", "", masked)) > 10:
            out.append(f"{where} card_masked: more than the first 6 and last 4 digits")
    for table, label in (
        (PendingCashReceipt.__table__, "pending cash receipt"),
        (PendingCardCancel.__table__, "pending card cancel"),
    ):
        for receipt_no, approval in uow.conn.execute(
            select(table.c.receipt_no, table.c.approval_no)
        ):
            if looks_like_card_number(approval):
                out.append(f"{receipt_no} {label} approval_no: a full card number is stored")
    return out
