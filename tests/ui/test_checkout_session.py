"""The cashier's session without widgets: sign in, sell, approve, hold, refund, recover."""

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.auth.service import AuthError
from posapp.domain.cart import Discount
from posapp.sales.tenders import Tender
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals
from posapp.usecases.checkout import CheckoutSession, SessionError, SessionSettings
from posapp.usecases.holds import VOID
from posapp.usecases.refund import REFUND
from posapp.usecases.ticket import DISCOUNT_OVER_LIMIT, discount_bound
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def approve(s: CheckoutSession, pin: str, action: str, **bound: int) -> Approval:
    """A manager's PIN typed in place, bound to ``action`` (posapp.usecases.approvals)."""
    request = ApprovalRequest(action=action, title="", prompt="", bound=bound)
    return Approvals(s).verify(pin, request)


@pytest.fixture
def session(store: Store, tmp_path: Path) -> CheckoutSession:
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    return s


def test_sign_in_finds_the_open_shift(session: CheckoutSession, store: Store) -> None:
    assert session.user is not None and session.user.name == "김하늘"
    assert session.shift is not None and session.shift.id == store.shift_id
    with pytest.raises(AuthError):
        session.sign_in("0000")


def test_scan_sell_and_receipt_scan_opens_refund(session: CheckoutSession) -> None:
    assert session.scan(APPLE_CODE).kind == "line"
    session.scan(APPLE_CODE)
    assert session.ticket.lines[0].qty == 2
    sale = session.complete([Tender.cash(30_000)])
    assert sale.change == 30_000 - 25_800 and not session.ticket.lines
    found = session.scan(sale.receipt_no)
    assert found.kind == "receipt" and found.sale is not None and found.sale.total == 25_800


def test_weighed_scan_asks_for_a_weight(session: CheckoutSession) -> None:
    out = session.scan("00101")
    assert out.kind == "weigh" and out.product is not None
    session.add_product(out.product, grams=250)
    assert session.priced().total == 32_000


def test_discount_above_limit_is_approved_in_place(session: CheckoutSession) -> None:
    session.scan(APPLE_CODE)
    assert session.set_ticket_discount(Discount.percent(20))
    with pytest.raises(AuthError):
        approve(session, "1111", DISCOUNT_OVER_LIMIT, percent=20)  # the cashier's PIN: no
    # what the manager approves: this ticket discount, 20 %, ₩2,580 off
    assert discount_bound(session) == {"percent": 20, "amount": 2_580, "ticket": 20}
    approval = approve(session, "2222", DISCOUNT_OVER_LIMIT, **discount_bound(session))
    assert not session.needs_approval(approval)
    assert session.needs_approval(approve(session, "2222", DISCOUNT_OVER_LIMIT, percent=20))
    smaller = {"percent": 10, "amount": 1_290, "ticket": 10}
    assert session.needs_approval(approve(session, "2222", DISCOUNT_OVER_LIMIT, **smaller))
    assert session.needs_approval(approve(session, "2222", VOID))  # another action: no
    assert session.complete([Tender.cash(20_000)], approval=approval).total == 10_320


def test_hold_recall_and_crash_recovery(
    session: CheckoutSession, store: Store, tmp_path: Path
) -> None:
    session.scan(GOCHUJANG_CODE)
    session.flush_recovery()  # the snapshot is written by a background writer within ms
    # a crash now: a new session on the same till offers the ticket back
    again = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    recovered = again.recoverable()
    assert recovered is not None and recovered.lines[0].name == "순창 전통 고추장 1kg"
    held = session.hold("손님 A")
    session.flush_recovery()
    assert again.recoverable() is None
    session.scan(APPLE_CODE)
    with pytest.raises(SessionError):
        session.recall(held.id)
    session.void("고객 취소", approve(session, "2222", VOID))
    session.recall(held.id)
    assert [ln.name for ln in session.ticket.lines] == ["순창 전통 고추장 1kg"]


def test_refund_and_close_shift(session: CheckoutSession) -> None:
    session.scan(APPLE_CODE)
    sale = session.complete([Tender.cash(12_900)])
    refund = session.refund(sale.receipt_no, {1: 1}, "단순 변심", approve(session, "2222", REFUND))
    assert refund.total == -12_900
    x = session.x_report()
    assert x.net_total == 0
    z = session.close_shift({10_000: 15})
    assert z.counted_cash == 150_000 and z.over_short == 0 and session.shift is None
