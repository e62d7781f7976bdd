"""The cash drawer and the paper: every opening of the drawer and every reprinted receipt
(재발행) is an audit event; opening the drawer without a sale needs a manager's approval."""

from __future__ import annotations

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork


def record_drawer_open(
    uow: UnitOfWork,
    *,
    register_id: str,
    user_id: int,
    receipt_no: str | None = None,
    approved_by: int | None = None,
    reason: str = "",
) -> None:
    """Every opening of the cash drawer is an audit event; without a sale a manager approves."""
    if receipt_no is None:
        require_permission(
            uow, approved_by, Permission.NO_SALE_DRAWER, "opening the drawer without a sale"
        )
    audit.record(
        uow.conn,
        "drawer.open",
        approved_by or user_id,
        register_id,
        receipt_no or "no sale",
        None,
        {"cashier": user_id, "reason": reason},
    )


def record_reprint(uow: UnitOfWork, *, register_id: str, user_id: int, receipt_no: str) -> None:
    """A reprinted receipt (재발행) is journaled as an audit event."""
    audit.record(uow.conn, "receipt.reprint", user_id, register_id, receipt_no, None, None)
