"""The 현금영수증 side of a refund, as the tax office needs it: the refunded part of an issued
현금영수증 is cancelled on the terminal (its original approval and date), the refund's cash
stays 현금영수증 evidence so the X report's 현금영수증 total falls by it, and a 현금영수증
still pending (the terminal was down at the sale) is reduced before it is ever issued.

Against the bare protocol fake of tests/support/fake_terminal.py, through the real adapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.config import Settings
from posapp.hardware.card_terminal import from_uri
from posapp.hardware.receipt import layout_sale
from posapp.sales import card_cancels, cash_receipts
from posapp.sales.register_report import format_report
from posapp.sales.tenders import CashReceiptRequest, Tender
from posapp.usecases.approvals import Approval
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import sale_receipt
from posapp.usecases.refund import REFUND
from tests.conftest import APPLE_CODE, SALT_CODE, Store
from tests.support.fake_terminal import KST, FakeTerminal


@pytest.fixture
def till(store: Store, tmp_path: Path, fake: FakeTerminal) -> tuple[CheckoutSession, Payments]:
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    return session, Payments(session, from_uri(fake.uri))


def sell_54_900(session: CheckoutSession, payments: Payments, identity: str | None) -> str:
    session.scan(APPLE_CODE)  # 12,900
    for _ in range(7):
        session.scan(SALT_CODE)  # 7 × 6,000 (one line of 7)
    assert session.priced().total == 54_900
    return payments.pay([Tender.cash(60_000)], CashReceiptRequest(identity)).sale.receipt_no


def evidence(session: CheckoutSession) -> dict[str, int]:
    return {e.method: e.amount for e in session.x_report().evidence}


def test_an_issued_cash_receipt_is_cancelled_by_the_refunded_part(
    till: tuple[CheckoutSession, Payments], fake: FakeTerminal, store: Store
) -> None:
    session, payments = till
    receipt = sell_54_900(session, payments, "010-1234-5678")
    (issued,) = fake.of("cash_receipt")
    assert issued["amount"] == 54_900
    # 사과 and 천일염 are exempt: the VAN is told so, not VAT on 54,900
    assert (issued["supply_value"], issued["vat"], issued["tax_free"]) == (0, 0, 54_900)
    assert evidence(session) == {"cash_receipt": 54_900}
    manager = Approval(store.manager, "박지민", REFUND)
    refund = payments.refund(receipt, {1: 1, 2: 2}, "반품", manager)  # 12,900 + 2 × 6,000
    assert refund.total == -24_900
    (cancel,) = fake.of("cash_receipt_cancel")
    original = next(c for c in fake.charges.values() if c.cash_receipt)
    assert cancel["approval_no"] == original.approval_no and cancel["amount"] == 24_900
    assert (cancel["supply_value"], cancel["vat"], cancel["tax_free"]) == (0, 0, 24_900)
    assert cancel["approved_at"][:10] == original.approved_at.astimezone(KST).date().isoformat()
    assert all(p.evidence == "cash_receipt" for p in refund.payments)
    assert evidence(session) == {"cash_receipt": 30_000}  # 54,900 − 24,900, no 증빙없음 line
    report = format_report(session.x_report())
    assert "현금(증빙없음)" not in report and "30,000" in report
    text = layout_sale(sale_receipt(refund, Settings(), cashier="김하늘")).text()
    assert "취소승인" in text and "010****5678" in text


def test_a_cancel_the_terminal_cannot_make_waits_and_is_made_later(
    till: tuple[CheckoutSession, Payments], fake: FakeTerminal, store: Store
) -> None:
    session, payments = till
    receipt = sell_54_900(session, payments, "010-1234-5678")
    fake.refuse("cash_receipt_cancel", "busy", "사용 중")
    manager = Approval(store.manager, "박지민", REFUND)
    refund = payments.refund(receipt, {1: 1}, "반품", manager)  # the cash goes back anyway
    text = layout_sale(sale_receipt(refund, Settings(), cashier="김하늘")).text()
    assert "취소 대기" in text
    (waiting,) = store.db.read(lambda uow: card_cancels.pending(uow, "R01"))
    assert (waiting.kind, waiting.amount) == ("cash_receipt", 12_900)
    terminal = payments.terminal
    assert terminal is not None
    result = card_cancels.retry(
        store.db,
        "R01",
        lambda *a: pytest.fail("no card cancel here"),
        lambda no, at, amount, tax: terminal.cancel_cash_receipt(
            no, at, amount, request_id=_rid(), tax=tax
        ),
    )
    assert result.done == 1
    made = fake.of("cash_receipt_cancel")[-1]
    assert made["amount"] == 12_900 and made["tax_free"] == 12_900 and made["vat"] == 0
    assert store.db.read(lambda uow: card_cancels.pending(uow, "R01")) == []


def _rid() -> str:
    import uuid

    return str(uuid.uuid4())


def test_a_pending_cash_receipt_is_reduced_before_it_is_issued(
    till: tuple[CheckoutSession, Payments], fake: FakeTerminal, store: Store
) -> None:
    session, payments = till
    fake.down()
    receipt = sell_54_900(session, payments, "010-1234-5678")
    (pending,) = store.db.read(lambda uow: cash_receipts.pending(uow, "R01"))
    assert pending.amount == 54_900
    fake.up()
    manager = Approval(store.manager, "박지민", REFUND)
    refund = payments.refund(receipt, {2: 3}, "반품", manager)  # 3 × 6,000
    assert refund.total == -18_000
    assert fake.of("cash_receipt_cancel") == []  # nothing was issued: nothing to cancel
    (pending,) = store.db.read(lambda uow: cash_receipts.pending(uow, "R01"))
    assert pending.amount == 36_900
    terminal = payments.terminal
    assert terminal is not None
    cash_receipts.retry(
        store.db,
        "R01",
        lambda amount, identity, purpose, tax: terminal.issue_cash_receipt(
            amount, identity, purpose, request_id=_rid(), tax=tax
        ),
    )
    (issued,) = fake.of("cash_receipt")
    assert issued["amount"] == 36_900  # issued for what the customer kept
    assert (issued["supply_value"], issued["vat"], issued["tax_free"]) == (0, 0, 36_900)
    text = layout_sale(sale_receipt(refund, Settings(), cashier="김하늘")).text()
    assert "발급 전 감액" in text


def test_a_pending_cash_receipt_refunded_whole_is_never_issued(
    till: tuple[CheckoutSession, Payments], fake: FakeTerminal, store: Store
) -> None:
    session, payments = till
    fake.down()
    receipt = sell_54_900(session, payments, None)  # 자진발급
    fake.up()
    payments.refund(receipt, None, "반품", Approval(store.manager, "박지민", REFUND))
    assert store.db.read(lambda uow: cash_receipts.pending(uow, "R01")) == []


def test_a_self_issued_cash_receipt_prints_as_such(
    till: tuple[CheckoutSession, Payments], fake: FakeTerminal
) -> None:
    session, payments = till
    session.scan(APPLE_CODE)
    sale = payments.pay([Tender.cash(20_000)], CashReceiptRequest(None)).sale
    text = layout_sale(sale_receipt(sale, Settings(), cashier="김하늘")).text()
    assert "010-000-1234 자진발급" in text and "소득공제" not in text
