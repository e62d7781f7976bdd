"""Prices changed at the till: who may change one, the check at commit, and the audit trail.

A line's price is changed by a cashier whose role holds ``price_override`` or with a
manager's approval in place; when the sale commits, whoever allowed each change must still hold
it (a held ticket may be recalled after a role changed), and every changed line is an audit
event (the catalogue price, the new one, the reason, who allowed it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.auth.service import UserInfo
from posapp.db.engine import UnitOfWork
from posapp.sales.ticket import Ticket


def authorize_price_override(
    uow: UnitOfWork, user_id: int, approved_by: int | None = None
) -> UserInfo:
    """Who allows a line's price to change: the cashier when their role holds
    ``price_override``, else the manager who approved in place (``approved_by``)."""
    return require_permission(
        uow, approved_by or user_id, Permission.PRICE_OVERRIDE, "changing a price"
    )


def check_price_overrides(uow: UnitOfWork, ticket: Ticket) -> bool:
    """Every changed price on the ticket must still be allowed (the user who allowed it holds
    ``price_override`` now: a held ticket may be recalled after a role changed)."""
    by = {ln.price_override.authorized_by for ln in ticket.lines if ln.price_override}
    for user_id in sorted(by):
        require_permission(uow, user_id, Permission.PRICE_OVERRIDE, "changing a price")
    return bool(by)


def audit_price_overrides(
    uow: UnitOfWork,
    lines: Sequence[Mapping[str, Any]],
    register_id: str,
    receipt_no: str,
    cashier: int,
    now: dt.datetime,
) -> None:
    conn = uow.conn
    for r in lines:
        if r["regular_price"] is None:
            continue
        audit.record(
            conn,
            "price.override",
            r["price_override_by"],
            register_id,
            f"{receipt_no} #{r['line_no']}",
            {"unit_price": r["regular_price"]},
            {
                "unit_price": r["unit_price"],
                "reason": r["price_override_reason"],
                "product_id": r["product_id"],
                "qty": r["qty"],
                "cashier": cashier,
            },
            now,
        )
