"""Receipt numbers: register + business day + a per-register, per-day sequence.

Owns the one atomic counter upsert every sale and refund takes its number from, the printed
form (``R01-20261123-0042`` online, ``R01-20261123-O0003`` offline: the offline series is
counted in a till's own spool, :mod:`posapp.sales.offline`, so it can never take an online
number) and the pattern a scanned receipt is recognised by.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from posapp.db.engine import UnitOfWork
from posapp.db.models import ReceiptCounter
from posapp.sales import fastpath
from posapp.sales.error_codes import ShiftErrorCode
from posapp.sales.sale_records import SaleError

#: receipt numbers as printed: ``R01-20261123-0042`` (online) or ``R01-20261123-O0003`` (offline)
RECEIPT_NO_PATTERN = r"[A-Za-z0-9]{1,16}-\d{8}-O?\d{4,}"


def _counter_upsert(dialect: Any) -> Any:
    table = ReceiptCounter.__table__
    return (
        dialect.insert(table)
        .values(register_id=bindparam("reg"), business_date=bindparam("day"), last_no=1)
        .on_conflict_do_update(
            index_elements=[table.c.register_id, table.c.business_date],
            set_={"last_no": table.c.last_no + 1},
        )
        .returning(table.c.last_no)
    )


_COUNTER_UPSERT = {"postgresql": _counter_upsert(postgresql), "sqlite": _counter_upsert(sqlite)}


def next_receipt_no(uow: UnitOfWork, register_id: str, day: dt.date, series: str = "") -> str:
    """Atomic per-register, per-day sequence (one upsert; safe with several tills).
    ``series`` prefixes the number: ``"O"`` for sales a till made while offline, counted in
    its own local spool (posapp.sales.offline), so they can never take an online number."""
    conn = uow.conn
    stmt = _COUNTER_UPSERT[conn.dialect.name]
    try:
        seq = conn.execute(stmt, {"reg": register_id, "day": day}).scalar_one()
    except IntegrityError as exc:  # the only foreign key: an unknown register
        raise SaleError(
            f"register {register_id} is not set up: open a shift on it before selling",
            code=ShiftErrorCode.NOT_OPEN,
        ) from exc
    if not series:
        fastpath.remember_receipt(conn.engine, register_id, day, seq)
    return format_receipt_no(register_id, day, seq, series)


def receipt_day(receipt_no: str) -> dt.date | None:
    """The business day a printed number says (``R01-20261123-O0003`` → 2026-11-23), or None."""
    parts = receipt_no.rsplit("-", 2)
    if len(parts) != 3 or len(parts[1]) != 8 or not parts[1].isdigit():
        return None
    try:
        return dt.date(int(parts[1][:4]), int(parts[1][4:6]), int(parts[1][6:]))
    except ValueError:
        return None


def format_receipt_no(register_id: str, day: dt.date, seq: int, series: str = "") -> str:
    """The printed number of the ``seq``-th receipt of a register's day."""
    return f"{register_id}-{day:%Y%m%d}-{series}{seq:04d}"
