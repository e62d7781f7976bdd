"""Error codes of the checkout session: signed-in cashier, open ticket, selling while the store
database is offline, and payment (approvals cancelled when the sale could not be committed).

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/session.py``.
"""

from __future__ import annotations

from enum import StrEnum


class SessionErrorCode(StrEnum):
    """``session.*`` codes."""

    SIGNED_OUT = "session.signed_out"
    NEEDS_WEIGHT = "session.needs_weight"
    TICKET_OPEN = "session.ticket_open"
    OVER_LIMIT = "session.over_limit"
    ZERO_PRICE = "session.zero_price"
    VOID_REASON = "session.void_reason"
    EXPIRED_LOT = "session.expired_lot"  # selling an expired lot needs a manager (block mode)


class OfflineErrorCode(StrEnum):
    """``offline.*`` codes."""

    NEEDS_SERVER = "offline.needs_server"
    UNSENT = "offline.unsent"


class PaymentErrorCode(StrEnum):
    """``payment.*`` codes."""

    CANCELLED = "payment.cancelled"
    CARD_REFUND_NOT_MADE = "payment.card_refund_not_made"
