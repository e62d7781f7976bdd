"""Tax classes with effective dates: a product's 과세/면세 scheduled to change from a business day
on (the temporary 면세 of packaged 김치·장류 ending, say), so nobody edits products at midnight.

Owns ``tax_class_changes``. The till sells under the class in force on the business day it
scans a line (:mod:`posapp.inventory.catalog` reads a due change before the product's own
class), so a change is exact at midnight whether or not it has been applied yet;
:func:`apply_due` then writes due changes to ``products.tax_class`` through the one writer of
product changes (audit and all), after which a later edit of the product wins. Every sale line
keeps the class it was sold under (``sale_lines.tax_class``), and every report reads that, so a
change never rewrites a past period's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, insert, select, update

from posapp import audit
from posapp.db.engine import UnitOfWork
from posapp.db.models import Product, TaxClassChange, utcnow
from posapp.domain import calendar
from posapp.domain.tax import TaxClass
from posapp.errors import PosError
from posapp.inventory.error_codes import InventoryErrorCode, TaxScheduleErrorCode
from posapp.inventory.products import ProductChange, write_products

T = TaxClassChange.__table__
P = Product.__table__


class TaxScheduleError(PosError):
    """A tax-class change that cannot be scheduled, cancelled or applied."""


@dataclass(frozen=True, slots=True)
class TaxChangeInfo:
    id: int
    product_id: int
    product: str
    tax_class: str
    effective_from: dt.date
    reason: str
    applied: bool
    cancelled: bool

    @property
    def state_ko(self) -> str:
        return "취소" if self.cancelled else "적용됨" if self.applied else "예약"


def schedule(
    uow: UnitOfWork,
    *,
    tax_class: str,
    effective_from: dt.date,
    user_id: int | None,
    product_ids: list[int] | None = None,
    category_id: int | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> list[TaxChangeInfo]:
    """Schedule ``tax_class`` from ``effective_from`` (today or later) for the given products,
    or every product of ``category_id``; returns the changes made."""
    today = today or calendar.today()
    try:
        cls = TaxClass(tax_class)
    except ValueError:
        raise TaxScheduleError(
            f"tax class is taxable or exempt, not {tax_class!r}", code=InventoryErrorCode.TAX
        ) from None
    if effective_from < today:
        raise TaxScheduleError(
            f"a tax-class change cannot start in the past ({effective_from} < {today})",
            code=TaxScheduleErrorCode.PAST,
            day=effective_from.isoformat(),
            today=today.isoformat(),
        )
    conds: list[ColumnElement[bool]] = []
    if product_ids:
        conds.append(P.c.id.in_(product_ids))
    if category_id is not None:
        conds.append(P.c.category_id == category_id)
    if not conds:
        raise TaxScheduleError("name products or a category", code=TaxScheduleErrorCode.NOTHING)
    found = list(uow.conn.execute(select(P.c.id, P.c.name_ko).where(*conds).order_by(P.c.id)))
    if not found or (product_ids and len(found) != len(set(product_ids))):
        raise TaxScheduleError("no such product or category", code=TaxScheduleErrorCode.NOTHING)
    now = utcnow()
    made: list[int] = []
    for pid, _name in found:
        new_id = uow.conn.execute(
            insert(T)
            .returning(T.c.id)
            .values(
                product_id=pid,
                tax_class=cls.value,
                effective_from=effective_from,
                reason=reason.strip()[:200],
                created_at=now,
                created_by=user_id,
            )
        ).scalar_one()
        made.append(int(new_id))
        audit.record(
            uow.conn,
            "product.tax_class_scheduled",
            user_id,
            None,
            f"product:{pid}",
            None,
            {"tax_class": cls.value, "from": effective_from.isoformat(), "reason": reason},
        )
    return [c for c in list_changes(uow) if c.id in made]


def list_changes(uow: UnitOfWork, *, product_id: int | None = None) -> list[TaxChangeInfo]:
    """Every scheduled, applied or cancelled change, newest date first."""
    q = select(
        T.c.id,
        T.c.product_id,
        P.c.name_ko,
        T.c.tax_class,
        T.c.effective_from,
        T.c.reason,
        T.c.applied_at,
        T.c.cancelled_at,
    ).select_from(T.join(P, P.c.id == T.c.product_id))
    if product_id is not None:
        q = q.where(T.c.product_id == product_id)
    out = []
    for cid, pid, name, cls, day, reason, applied, cancelled in uow.conn.execute(
        q.order_by(T.c.effective_from.desc(), T.c.id.desc())
    ):
        d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
        out.append(
            TaxChangeInfo(
                cid, pid, name, cls, d, reason or "", applied is not None, cancelled is not None
            )
        )
    return out


def cancel(uow: UnitOfWork, change_id: int, *, user_id: int | None) -> None:
    """Cancel a change not applied yet (it is kept, marked cancelled)."""
    row = uow.conn.execute(
        select(T.c.applied_at, T.c.cancelled_at, T.c.product_id).where(T.c.id == change_id)
    ).first()
    if row is None or row[1] is not None:
        raise TaxScheduleError(
            f"no scheduled change {change_id}", code=TaxScheduleErrorCode.UNKNOWN, change=change_id
        )
    if row[0] is not None:
        raise TaxScheduleError(
            f"change {change_id} is applied already", code=TaxScheduleErrorCode.APPLIED
        )
    uow.conn.execute(update(T).where(T.c.id == change_id).values(cancelled_at=utcnow()))
    audit.record(
        uow.conn, "product.tax_class_cancelled", user_id, None, f"product:{row[2]}", None, None
    )


def apply_due(uow: UnitOfWork, *, today: dt.date | None = None, user_id: int | None = None) -> int:
    """Write every change due by ``today`` to its product (the latest per product wins); returns
    how many products changed. Idempotent; the till sells right without it."""
    today = today or calendar.today()
    due = list(
        uow.conn.execute(
            select(T.c.id, T.c.product_id, T.c.tax_class, P.c.tax_class)
            .select_from(T.join(P, P.c.id == T.c.product_id))
            .where(
                T.c.applied_at.is_(None), T.c.cancelled_at.is_(None), T.c.effective_from <= today
            )
            .order_by(T.c.product_id, T.c.effective_from, T.c.id)
        )
    )
    latest: dict[int, tuple[str, str]] = {}
    for _cid, pid, cls, current in due:
        latest[pid] = (cls, current)
    changes = [
        ProductChange(pid, {"tax_class": current}, {"tax_class": cls})
        for pid, (cls, current) in latest.items()
        if cls != current
    ]
    write_products(uow, changes, user_id=user_id)
    if due:
        uow.conn.execute(
            update(T).where(T.c.id.in_([r[0] for r in due])).values(applied_at=utcnow())
        )
    return len(changes)
