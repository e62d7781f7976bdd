"""Building the open ticket: scan a code, search the catalogue, add, change and remove lines,
line and ticket discounts, and a price override. The ticket lives in memory (the session); every
change is snapshotted by the recovery file. Reads go to the spool while the till is offline.

The approvals these actions may need are values bound to them
(:mod:`posapp.usecases.approvals`): a discount above the limit is approved for its percent
(:data:`DISCOUNT_OVER_LIMIT`), a price override for its line and cut (:data:`PRICE_OVERRIDE`),
taking a line off or lowering its quantity — when the store's policy asks for it: once the total
was asked for, or a while after the line was scanned — for that line and how much comes off
(:data:`VOID_LINE`).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from posapp import audit, store_policy
from posapp.auth.permissions import Permission
from posapp.auth.service import UserInfo
from posapp.domain.cart import CartLine, Discount
from posapp.domain.hangul import SearchIndex
from posapp.errors import PosError
from posapp.inventory import catalog
from posapp.inventory.catalog import ProductInfo
from posapp.inventory.error_codes import CatalogErrorCode
from posapp.sales import price_override, receipt_numbers, refunds
from posapp.sales.refunds import SaleSummary
from posapp.sales.ticket import Ticket
from posapp.usecases import expiry
from posapp.usecases.approvals import APPROVAL_REQUIRED, Approval, ApprovalRequest
from posapp.usecases.error_codes import SessionErrorCode
from posapp.usecases.rules import policy
from posapp.usecases.session_error import SessionError

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

DISCOUNT_OVER_LIMIT = "sale.discount_over_limit"
PRICE_OVERRIDE = "line.price_override"
OVER_LIMIT = "ticket.over_limit"  # a quantity beyond the store's sanity limit, approved
VOID_LINE = "ticket.void_line"  # a line taken off (or lowered) when the policy asks a manager
#: beyond these not even a manager approves (what the database's columns hold, with room)
HARD_LIMITS = {"qty": 1_000_000, "amount": 1_000_000_000, "total": 2_000_000_000}

_RECEIPT_NO = re.compile(f"^{receipt_numbers.RECEIPT_NO_PATTERN}$")  # a scanned receipt → refund


@dataclass(frozen=True)
class ScanOutcome:
    kind: str  # "line" | "receipt" | "weigh"
    index: int = -1
    product: ProductInfo | None = None
    sale: SaleSummary | None = None


def load_index(s: CheckoutSession) -> SearchIndex:
    s.index = s.read(lambda uow: catalog.load_search_index(uow))
    return s.index


def within_limits(
    s: CheckoutSession,
    ticket: Ticket,
    approval: Approval | None = None,
    index: int | None = None,
) -> bool:
    """Refuse a ticket beyond the store's sanity limits (store policy: pieces and grams on a
    line, a line's amount, the ticket's total) or with a ₩0 scale label, in Korean words
    (``session.over_limit`` / ``session.zero_price``), before it reaches the database. Line
    ``index`` may go beyond them with a manager's ``approval`` for it (:func:`limit_bound`;
    the error says ``approvable``), never beyond :data:`HARD_LIMITS`. True when the approval
    was needed."""
    if index is not None and 0 <= index < len(ticket.lines):
        bound = limit_bound(ticket, index)
        if any(bound[k] > HARD_LIMITS[k] for k in HARD_LIMITS):
            approval = None
        elif approval is not None and approval.covers(OVER_LIMIT, line=index, **bound):
            return True
    try:
        _check_limits(s, ticket)
    except SessionError as exc:
        if index is not None and exc.code == SessionErrorCode.OVER_LIMIT:
            bound = limit_bound(ticket, index)
            exc.data["approvable"] = all(bound[k] <= HARD_LIMITS[k] for k in HARD_LIMITS)
        raise
    return False


def limit_bound(ticket: Ticket, index: int) -> dict[str, int]:
    """What a manager approves beyond the limits: this line's quantity and amount and the
    ticket's total as they are now."""
    line = ticket.lines[index]
    return {"qty": line.qty, "amount": line.gross, "total": sum(x.gross for x in ticket.lines)}


def over_limit_request(
    s: CheckoutSession, index: int, qty: int, title: str, prompt: str
) -> ApprovalRequest:
    trial = s.ticket.copy()
    trial.set_qty(index, qty)
    return ApprovalRequest(
        action=OVER_LIMIT, title=title, prompt=prompt, line=index, bound=limit_bound(trial, index)
    )


def _check_limits(s: CheckoutSession, ticket: Ticket) -> None:
    limits = policy(s)
    for ln in ticket.lines:
        if ln.fixed_amount is not None and ln.fixed_amount <= 0:
            raise SessionError(  # the message in English only: the words say it in Korean
                "a ₩0 scale label", code=SessionErrorCode.ZERO_PRICE, name=ln.name
            )
        weighed = ln.unit.is_weighed
        most = limits["max_weight_g"] if weighed else limits["max_qty"]
        if ln.qty > most:
            unit = "g" if weighed else "개"
            _over(ln.name, "무게" if weighed else "수량", f"{ln.qty:,}{unit}", f"{most:,}{unit}")
        if ln.gross > limits["max_line_total"]:
            limit = limits["max_line_total"]
            _over(ln.name, "금액", f"₩{ln.gross:,}", f"₩{limit:,}")
    gross = sum(ln.gross for ln in ticket.lines)
    if gross > limits["max_ticket_total"]:
        _over("거래", "합계", f"₩{gross:,}", f"₩{limits['max_ticket_total']:,}")


def _over(name: str, what: str, value: str, limit: str) -> None:
    raise SessionError(
        "above the store's sanity limit",
        code=SessionErrorCode.OVER_LIMIT,
        name=name,
        what=what,
        value=value,
        limit=limit,
    )


def _add_checked(
    s: CheckoutSession, line: CartLine, *, merge: bool = True, approval: Approval | None = None
) -> int:
    """Put ``line`` on the ticket within the store's limits; beyond them (a scale label of
    35 kg, a price label of ₩6,000,000) the refusal names the line and what a manager
    approves (``line``, ``bound``), and ``approval`` for exactly that lets it on, on the record."""
    trial = s.ticket.copy()
    index = trial.add(line, merge=merge)
    try:
        approved = within_limits(s, trial, approval, index)
    except SessionError as exc:
        if exc.code == SessionErrorCode.OVER_LIMIT and exc.data.get("approvable"):
            exc.data["line"] = index
            exc.data["bound"] = limit_bound(trial, index)
        raise
    done = s.ticket.add(line, merge=merge, at=time.monotonic())
    if approved and approval is not None:
        given = approval.for_action(OVER_LIMIT, line=index, **limit_bound(trial, index))
        if given is not None:
            after = {"qty": line.qty, "approved_by": given.approver_id, **given.bound}
            _record_edit(s, OVER_LIMIT, done, s.ticket.lines[done], after)
    return done


def scan(s: CheckoutSession, code: str, approval: Approval | None = None) -> ScanOutcome:
    """A scanned code: a product onto the ticket, or a receipt number to refund (an expired
    lot: :func:`posapp.usecases.expiry.guard`, ``approval`` for one in block mode)."""
    code = code.strip()
    if _RECEIPT_NO.match(code):
        s.online_only("a refund")
        sale = s.db.read(lambda uow: refunds.find_sale(uow, code))
        return ScanOutcome("receipt", sale=sale)
    try:
        result = s.read(lambda uow: catalog.scan(uow, code, s.settings.layouts))
    except catalog.CatalogError as exc:
        if exc.code == "catalog.needs_weight":
            pid = int(exc.data["product_id"])
            found = s.read(lambda uow: catalog.products_by_id(uow, [pid]))
            return ScanOutcome("weigh", product=found[pid])
        raise
    expiry.guard(s, result.product, approval)
    index = _add_checked(s, result.line, approval=approval)
    s.save_recovery()
    return ScanOutcome("line", index=index, product=result.product)


def search(s: CheckoutSession, query: str, limit: int = 30) -> list[ProductInfo]:
    index = s.index or load_index(s)
    return s.read(lambda uow: catalog.search(uow, index, query, limit))


def add_product(
    s: CheckoutSession,
    product: ProductInfo,
    grams: int | None = None,
    approval: Approval | None = None,
) -> int:
    if product.unit.is_weighed and not grams:
        raise SessionError(
            f"{product.name_ko}: weigh it or type the grams",
            code=SessionErrorCode.NEEDS_WEIGHT,
            name=product.name_ko,
        )
    if not product.active:
        raise SessionError(
            f"{product.name_ko} is withdrawn", code=CatalogErrorCode.INACTIVE, name=product.name_ko
        )
    qty = grams if product.unit.is_weighed else None
    # picked from the search list or a quick key (read minutes ago): the product as the
    # catalogue has it now — today's price, withdrawn refused — and a scan's markdown
    line = s.read(lambda uow: catalog.current_line(uow, product, qty))
    expiry.guard(s, product, approval)
    index = _add_checked(s, line, approval=approval)
    s.save_recovery()
    return index


def add_line(s: CheckoutSession, line: CartLine) -> int:
    """A line made by another service (a class booking's fee), kept apart from others."""
    index = s.ticket.add(line, merge=False, at=time.monotonic())
    s.save_recovery()
    return index


def set_qty(s: CheckoutSession, index: int, qty: int, approval: Approval | None = None) -> None:
    """Change a line's quantity; a lower one is an audit event (``ticket.qty``), and needs a
    manager when the store's policy says so (:func:`void_guard`); one beyond the store's
    limits that a manager approved is on the record too (``ticket.over_limit``)."""
    trial = s.ticket.copy()
    trial.set_qty(index, qty)
    approved = within_limits(s, trial, approval, index)
    before = s.ticket.lines[index]
    voider = void_guard(s, index, before.qty - qty, approval) if qty < before.qty else None
    s.ticket.set_qty(index, qty)
    if qty < before.qty:
        _record_edit(s, "ticket.qty", index, before, {"qty": qty, **_by(voider)})
    given = approval.for_action(OVER_LIMIT, line=index) if approved and approval else None
    if given is not None:
        after = {"qty": qty, "approved_by": given.approver_id, **given.bound}
        _record_edit(s, OVER_LIMIT, index, before, after)
    s.save_recovery()


def remove(s: CheckoutSession, index: int, approval: Approval | None = None) -> None:
    """Take a line off the ticket: an audit event with the line as it was (``ticket.remove``),
    a manager's approval first when the store's policy asks for one (:func:`void_guard`)."""
    if not 0 <= index < len(s.ticket.lines):
        raise IndexError(f"no line {index + 1} on the ticket")
    voider = void_guard(s, index, s.ticket.lines[index].qty, approval)
    line = s.ticket.remove(index)
    _record_edit(s, "ticket.remove", index, line, _by(voider) or None)
    s.save_recovery()


def _by(approver: int | None) -> dict[str, Any]:
    return {} if approver is None else {"approved_by": approver}


def void_request(
    s: CheckoutSession, index: int, qty_off: int, title: str, prompt: str
) -> ApprovalRequest:
    """The PIN prompt for taking ``qty_off`` of line ``index`` off the ticket."""
    return ApprovalRequest(
        action=VOID_LINE,
        title=title,
        prompt=prompt,
        permission=Permission.VOID.value,
        line=index,
        bound={"qty": qty_off},
    )


def void_needs_approval(s: CheckoutSession, index: int) -> bool:
    """True when the store's policy wants a manager to take line ``index`` off now: the total
    was asked for (``void_approval_after_subtotal``), or the line has been on the ticket
    longer than ``void_approval_after_s`` seconds (0: never)."""
    rules = policy(s)
    if rules["void_approval_after_subtotal"] and s.ticket.subtotal_at is not None:
        return True
    after = rules["void_approval_after_s"]
    return bool(after) and time.monotonic() - s.ticket.added(index) > after


def void_guard(
    s: CheckoutSession, index: int, qty_off: int, approval: Approval | None
) -> int | None:
    """The approver of taking ``qty_off`` of line ``index`` off (None: none was needed);
    ``auth.approval_required`` when the policy wants one and ``approval`` does not cover it."""
    if not void_needs_approval(s, index):
        return None
    given = approval.for_action(VOID_LINE, line=index, qty=qty_off) if approval else None
    if given is not None:
        return given.approver_id
    line = s.ticket.lines[index]
    raise PosError(
        f"taking {line.name} off the ticket now needs a manager",
        code=APPROVAL_REQUIRED,
        permission=Permission.VOID.value,
        name=line.name,
    )


def mark_subtotal(s: CheckoutSession) -> None:
    """The cashier asked for the total (the payment was opened): from now on the store's
    policy may want a manager to take a line off (no database: the Qt thread calls it)."""
    if s.ticket.subtotal_at is None and s.ticket.lines:
        s.ticket.subtotal_at = time.monotonic()


def _record_edit(
    s: CheckoutSession, action: str, index: int, line: CartLine, after: dict[str, Any] | None
) -> None:
    """A change to the open ticket on the record: who, which ticket and line, before/after
    (on the spool while offline; it reaches the server with the spool's other events)."""
    who = s.user.id if s.user is not None else None
    before = {
        "product_id": line.product_id,
        "name": line.name,
        "qty": line.qty,
        "unit_price": line.unit_price,
        "amount": line.gross,
    }
    target = f"ticket {s.ticket.uuid} #{index + 1}"
    register = s.settings.register_id
    s.transact(lambda uow: audit.record(uow.conn, action, who, register, target, before, after))


def set_line_discount(s: CheckoutSession, index: int, discount: Discount | None) -> bool:
    """Apply a line discount; True when the ticket now needs a manager's approval to complete."""
    s.ticket.set_line_discount(index, discount)
    s.save_recovery()
    return needs_approval(s)


def set_ticket_discount(s: CheckoutSession, discount: Discount | None) -> bool:
    s.ticket.set_discount(discount)
    s.ticket.priced()  # raises if it is larger than the ticket
    s.save_recovery()
    return needs_approval(s)


def discount_limit(s: CheckoutSession) -> int:
    """The store policy's discount limit (:mod:`posapp.store_policy`: the database, the same
    for every till; the spool's copy while offline) — never a till's own settings file."""
    return s.read(store_policy.load)["discount_limit_percent"]


def discount_bound(s: CheckoutSession) -> dict[str, int]:
    """What a discount approval must cover on this ticket: its largest percent, the won it
    takes off, and each discount above the limit by itself — ``line.<index>.<product>`` for a
    line's percent, ``ticket`` for the ticket discount's. A line that was not approved, a
    larger percent or more won than approved is not covered (:meth:`Approval.covers`)."""
    limit = discount_limit(s)
    priced = s.ticket.priced()
    bound = {
        "percent": s.ticket.max_discount_percent(priced),
        "amount": priced.discount_total,
    }
    for i, pl in enumerate(priced.lines):
        if pl.line_discount and pl.gross:
            percent = -(-pl.line_discount * 100 // pl.gross)
            if percent > limit:
                bound[f"line.{i}.{s.ticket.lines[i].product_id}"] = percent
    base = priced.gross_total - priced.line_discount_total
    if priced.ticket_discount_total and base:
        percent = -(-priced.ticket_discount_total * 100 // base)
        if percent > limit:
            bound["ticket"] = percent
    return bound


def discount_approver(s: CheckoutSession, approval: Approval | None) -> int | None:
    """The approver of the ticket's discounts when ``approval`` covers every one of them
    (:func:`discount_bound`); None when no approval is needed or it does not cover them."""
    if approval is None or not needs_approval(s):
        return None
    if approval.covers(DISCOUNT_OVER_LIMIT, **discount_bound(s)):
        return approval.approver_id
    return None


def needs_approval(s: CheckoutSession, approval: Approval | None = None) -> bool:
    """The ticket's largest discount is above the limit and ``approval`` does not cover it
    (each discount above the limit, its percent and the won it takes off)."""
    percent = s.ticket.max_discount_percent()
    if percent <= discount_limit(s):
        return False
    return approval is None or not approval.covers(DISCOUNT_OVER_LIMIT, **discount_bound(s))


def discount_request(s: CheckoutSession, title: str, prompt: str) -> ApprovalRequest:
    """What a manager approves for the ticket's discounts: these lines' and the ticket's
    percents, up to the won they take off now (:func:`discount_bound`)."""
    return ApprovalRequest(
        action=DISCOUNT_OVER_LIMIT,
        title=title,
        prompt=prompt,
        permission="discount_over_limit",
        bound=discount_bound(s),
    )


def price_request(
    s: CheckoutSession, index: int, unit_price: int, title: str, prompt: str
) -> ApprovalRequest:
    """What a manager approves for a price override: this line, down to this price."""
    line = s.ticket.lines[index]
    return ApprovalRequest(
        action=PRICE_OVERRIDE,
        title=title,
        prompt=prompt,
        permission="price_override",
        line=index,
        bound={"cut": max(0, line.regular_price - unit_price)},
    )


def override_price(
    s: CheckoutSession,
    index: int,
    unit_price: int,
    reason: str,
    approval: Approval | None = None,
) -> UserInfo:
    """Change a line's unit price (a shelf tag that disagrees, damaged goods): allowed by the
    cashier's own ``price_override`` permission, or by a manager's approval for this line and
    this cut. Returns who allowed it; the sale checks it again when it completes and records
    the change as an audit event."""
    uid = s.who()
    line = s.ticket.lines[index]
    line.with_price(unit_price, reason, uid)  # a bad price or no reason
    cut = max(0, line.regular_price - unit_price)
    approver = None
    if approval is not None and approval.covers(PRICE_OVERRIDE, line=index, cut=cut):
        approver = approval.approver_id

    who = s.transact(
        lambda uow: price_override.authorize_price_override(uow, uid, approver)
    )  # offline: checked against the spool's users
    s.ticket.override_price(index, unit_price, reason, who.id)
    s.save_recovery()
    return who


__all__ = [
    "DISCOUNT_OVER_LIMIT",
    "OVER_LIMIT",
    "PRICE_OVERRIDE",
    "VOID_LINE",
    "ProductInfo",
    "ScanOutcome",
    "discount_approver",
    "discount_bound",
    "discount_limit",
    "discount_request",
    "needs_approval",
    "over_limit_request",
    "price_request",
]
