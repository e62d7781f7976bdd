"""Expired lots at the till: when the lot a product would be sold from next (first-expiring
floor lot with stock) is past its expiry date, the till says so in front of the cashier
(store policy ``expired_lots_block`` 0) or refuses it until a manager approves in place
(``expired_lots_block`` 1: :data:`EXPIRED_LOT`, the ``stock_adjustment`` permission, bound
to the product).

Called by the ticket's scan and add (posapp.usecases.ticket) before the line goes on the ticket;
the warning is kept on the session for the screen to show (:func:`take_warning`). Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from posapp.auth.permissions import Permission
from posapp.domain import calendar
from posapp.inventory import catalog
from posapp.inventory.catalog import ProductInfo
from posapp.usecases.approvals import Approval, ApprovalRequest
from posapp.usecases.error_codes import SessionErrorCode
from posapp.usecases.rules import policy
from posapp.usecases.session_error import SessionError

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

#: the approval action of selling a lot past its expiry date
EXPIRED_LOT = "sale.expired_lot"


@dataclass(frozen=True, slots=True)
class ExpiredLot:
    """A product sold (or refused) from a lot past its expiry date."""

    product_id: int
    name: str
    expiry: dt.date
    approved_by: str | None = None  # the manager who let it be sold (block mode)

    @property
    def days_past(self) -> int:
        return (calendar.today() - self.expiry).days


def guard(s: CheckoutSession, product: ProductInfo, approval: Approval | None) -> None:
    """Before ``product`` goes on the ticket: nothing when its next lot is in date; else a
    warning kept on the session, or (block mode, no approval for this product) refused with
    ``session.expired_lot`` carrying the product and the date for the manager's prompt."""
    expiry = s.read(lambda uow: catalog.next_lot_expiry(uow, product.id))
    if expiry is None or expiry >= calendar.today():
        return
    who = None
    if policy(s)["expired_lots_block"]:
        given = approval.for_action(EXPIRED_LOT, line=product.id) if approval else None
        if given is None:
            raise SessionError(
                f"{product.name_ko}: the lot expired on {expiry.isoformat()}",
                code=SessionErrorCode.EXPIRED_LOT,
                name=product.name_ko,
                expiry=expiry.isoformat(),
                product_id=product.id,
            )
        who = given.approver_name
    s.warnings.append(ExpiredLot(product.id, product.name_ko, expiry, who))


def take_warning(s: CheckoutSession) -> ExpiredLot | None:
    """The latest expired-lot warning of the session's last action (then forgotten)."""
    warning = s.warnings[-1] if s.warnings else None
    s.warnings.clear()
    return warning


def expired_request(product_id: int, *, title: str, prompt: str) -> ApprovalRequest:
    """What a manager approves to sell product ``product_id`` from an expired lot."""
    return ApprovalRequest(
        action=EXPIRED_LOT,
        title=title,
        prompt=prompt,
        permission=Permission.STOCK_ADJUSTMENT.value,
        line=product_id,
    )


__all__ = ["EXPIRED_LOT", "ExpiredLot", "expired_request", "guard", "take_warning"]
