"""Exchanges (교환): goods of an earlier sale returned and new goods sold on one ticket, settled
once — in ONE transaction.

An exchange is two documents that share an exchange id, not a third kind of document:

- the **refund** of the returned lines, made by :func:`posapp.sales.refunds.refund` (the one
  refund path: its guard against refunding a line twice, its restocking, its journal entry,
  outbox event and audit event), of which ``credit`` won pay for the new goods (an ``exchange``
  tender carrying the id) and only the rest, when the new goods cost less, is given back the
  way the earlier sale was paid (a partial card cancel, cash);
- the **sale** of the new goods, made by :func:`posapp.sales.completion.complete_sale`, paid
  by the same ``credit`` (an ``exchange`` tender with the same id) and, when the new goods
  cost more, by what the customer pays on top.

The platform, the journal, the X/Z and the VAT report already know sales and refunds; the two
``exchange`` payments cancel out (the earlier sale's evidence stays, its card slip was not
cancelled for the part the customer took goods for).
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from posapp.db.engine import UnitOfWork
from posapp.sales import completion, refunds
from posapp.sales.error_codes import RefundErrorCode
from posapp.sales.sale_records import CompletedSale, SaleError
from posapp.sales.tenders import CashReceiptRequest, Method, Tender
from posapp.sales.ticket import Ticket


@dataclass(frozen=True, slots=True)
class ExchangeTerms:
    """What an exchange moves: ``returned`` (the refund's total), ``new`` (the ticket's
    total), ``credit`` = the smaller of the two; ``to_pay`` the customer pays on top,
    ``to_give`` the till gives back (one of them is 0)."""

    returned: int
    new: int

    @property
    def credit(self) -> int:
        return min(self.returned, self.new)

    @property
    def to_pay(self) -> int:
        return max(0, self.new - self.returned)

    @property
    def to_give(self) -> int:
        return max(0, self.returned - self.new)


@dataclass(frozen=True, slots=True)
class CompletedExchange:
    """The exchange as written: its id, the refund and the sale."""

    exchange_id: str
    refund: CompletedSale
    sale: CompletedSale

    @property
    def terms(self) -> ExchangeTerms:
        return ExchangeTerms(-self.refund.total, self.sale.total)


def new_exchange_id() -> str:
    return str(uuidlib.uuid4())


def credit_tender(exchange_id: str, amount: int) -> Tender:
    """The ``exchange`` tender both documents carry."""
    return Tender(Method.EXCHANGE, amount, reference=exchange_id)


def exchange(
    uow: UnitOfWork,
    ticket: Ticket,
    receipt_no: str,
    lines: Mapping[int, int],
    *,
    exchange_id: str,
    register_id: str,
    user_id: int,
    approved_by: int | None,
    give_back: Sequence[Tender] | None = None,
    pay: Sequence[Tender] = (),
    reason: str = "",
    tender_reason: str = "",
    cash_receipt_cancel: str | None = None,
    discount_approved_by: int | None = None,
    approved_bound: Mapping[str, int] | None = None,
    cash_receipt: CashReceiptRequest | None = None,
    now: dt.datetime | None = None,
) -> CompletedExchange:
    """Refund ``lines`` {line_no: qty} of ``receipt_no`` and sell ``ticket`` in one go.

    ``give_back``: how the refund's rest (new goods cheaper) is given back — None: the earlier
    sale's own way (:func:`posapp.sales.refunds.default_tenders`); ``pay``: what the customer
    pays on top (new goods dearer), card parts already approved; ``cash_receipt``: a
    현금영수증 asked for what is paid on top in cash (it covers that part only: the credit is
    goods returned, not money). The manager's approval (``approved_by``) is the refund's."""
    if not ticket.lines:
        raise SaleError("an exchange needs new goods", code=RefundErrorCode.EXCHANGE_EMPTY)
    refunds.lock_sale(uow, receipt_no)
    quote = refunds.quote(uow, receipt_no, dict(lines))
    terms = ExchangeTerms(quote.total, ticket.priced().total)
    credit = credit_tender(exchange_id, terms.credit)
    refund_tenders = None if give_back is None else [credit, *give_back]
    refund = refunds.refund(
        uow,
        receipt_no,
        register_id=register_id,
        user_id=user_id,
        approved_by=approved_by,
        lines=dict(lines),
        tenders=refund_tenders,
        reason=reason,
        tender_reason=tender_reason,
        cash_receipt_cancel=cash_receipt_cancel,
        exchange_credit=terms.credit,
        exchange_id=exchange_id,
        now=now,
    )
    sale = completion.complete_sale(
        uow,
        ticket,
        [credit, *pay],
        register_id=register_id,
        user_id=user_id,
        approved_by=discount_approved_by,
        approved_bound=approved_bound,
        cash_receipt=cash_receipt,
        now=refund.created_at,
        exchange_id=exchange_id,
    )
    return CompletedExchange(exchange_id, refund, sale)


__all__ = [
    "CompletedExchange",
    "ExchangeTerms",
    "credit_tender",
    "exchange",
    "new_exchange_id",
]
