"""The payment use case without Qt: approvals given, the commit refused, every approval
cancelled — and a cancel the terminal refuses is reported, not swallowed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from posapp.hardware.ports import CardApproval, CashReceiptApproval, HardwareError
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import PaymentCancelled, Payments, Tender
from tests.conftest import APPLE_CODE, Store

AT = dt.datetime(2026, 11, 23, 15, 30, tzinfo=dt.UTC)


class Terminal:
    """A card terminal port in memory: approves, and cancels unless told to refuse."""

    def __init__(self, *, refuse_cancel: bool = False) -> None:
        self.calls: list[tuple[str, str, int]] = []
        self.refuse_cancel = refuse_cancel

    def approve(
        self,
        amount: int,
        *,
        installment_months: int = 0,
        request_id: str,
        timeout: float = 60.0,
        tax: object = None,
    ) -> CardApproval:
        self.calls.append(("approve", "", amount))
        return CardApproval("30000001", AT, amount, "9410-12**-****-5678", "신한카드")

    def cancel(
        self,
        approval_no: str,
        approved_at: dt.datetime,
        amount: int,
        *,
        request_id: str,
        tax: object = None,
    ) -> CardApproval:
        self.calls.append(("cancel", approval_no, amount))
        if self.refuse_cancel:
            raise HardwareError("단말기 응답 없음", code="card.timeout")
        return CardApproval("40000001", AT, amount, "9410-12**-****-5678")

    def net_cancel(self, request_id: str) -> None:
        self.calls.append(("net_cancel", request_id, 0))

    def issue_cash_receipt(
        self, amount: int, identity: str, purpose: str, *, request_id: str, tax: object = None
    ) -> CashReceiptApproval:
        raise NotImplementedError

    def cancel_cash_receipt(
        self,
        approval_no: str,
        approved_at: dt.datetime,
        amount: int,
        *,
        request_id: str,
        tax: object = None,
    ) -> CashReceiptApproval:
        raise NotImplementedError


@pytest.fixture
def session(store: Store, tmp_path: Path) -> CheckoutSession:
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    s.scan(APPLE_CODE)  # ₩12,900
    return s


def test_a_refused_commit_cancels_the_card(session: CheckoutSession) -> None:
    terminal = Terminal()
    payments = Payments(session, terminal)
    card = payments.approve_card(12_900)
    session.user = None  # signed out in between: the sale refuses a till nobody is signed in to
    with pytest.raises(PaymentCancelled) as caught:
        payments.pay([card])
    assert terminal.calls[-1] == ("cancel", "30000001", 12_900)
    (cancelled,) = caught.value.cancelled
    assert cancelled.ok and cancelled.approval_no == "30000001" and cancelled.kind == "card"
    assert caught.value.code == "payment.cancelled"
    assert session.ticket.lines  # nothing sold: the ticket is still there


def test_a_cancel_the_terminal_refuses_is_reported(session: CheckoutSession) -> None:
    terminal = Terminal(refuse_cancel=True)
    payments = Payments(session, terminal)
    card = payments.approve_card(12_900)
    session.user = None
    with pytest.raises(PaymentCancelled) as caught:
        payments.pay([card])
    (cancelled,) = caught.value.cancelled
    assert not cancelled.ok and "응답 없음" in cancelled.error


def test_a_failure_without_approvals_is_the_failure_itself(session: CheckoutSession) -> None:
    payments = Payments(session, Terminal())
    session.user = None
    with pytest.raises(Exception) as caught:
        payments.pay([Tender.cash(20_000)])
    assert not isinstance(caught.value, PaymentCancelled)
    assert getattr(caught.value, "code", "") == "session.signed_out"


def test_a_paid_sale_cancels_nothing(session: CheckoutSession) -> None:
    terminal = Terminal()
    payments = Payments(session, terminal)
    card = payments.approve_card(12_900)
    result = payments.pay([card])
    assert result.sale.total == 12_900 and [c[0] for c in terminal.calls] == ["approve"]
