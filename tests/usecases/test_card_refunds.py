"""Card refunds as a card company needs them: a refund of a card sale is a cancel of the sale's
own approval on the terminal (original approval number, date and amount; partial for a partial
refund), recorded with the cancel's own approval number and printed as a 취소 영수증.

Against a bare fake terminal (tests/support/fake_terminal.py) that speaks
docs/card-terminal-protocol.md over TCP and records every request, through the real adapter;
the receipts are decoded from the bytes the network printer (the emulator) received."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from posapp.config import Settings
from posapp.db.models import AuditEvent, Payment, Sale
from posapp.domain.errors import TenderError
from posapp.hardware.card_terminal import from_uri
from posapp.hardware.print_queue import PrintQueue
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.sales import card_cancels
from posapp.sales.sale_records import SaleError
from posapp.sales.tenders import Method, Tender
from posapp.usecases.approvals import Approval
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import CardRefundNotMade, PaymentCancelled, Payments
from posapp.usecases.receipts import ReceiptPrinting
from posapp.usecases.refund import REFUND
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.fake_terminal import KST, FakeTerminal


class Till:
    def __init__(self, store: Store, tmp_path: Path, fake: FakeTerminal, emu: PrinterEmulator):
        self.store = store
        self.session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
        self.session.sign_in("1111")
        self.queue = PrintQueue(
            EscposPrinter(parse_uri(f"network://127.0.0.1:{emu.port}?mode=native"))
        )
        self.emu = emu
        self.printed = 0
        printing = ReceiptPrinting(self.session, self.queue, Settings(), 80)
        self.terminal = from_uri(fake.uri)
        self.payments = Payments(self.session, self.terminal, printing=printing)
        self.manager = Approval(store.manager, "박지민", REFUND)

    def sell(self, *codes: str, cash: int = 0, card: int | None = None) -> str:
        for code in codes:
            self.session.scan(code)
        total = self.session.priced().total
        tenders: list[Tender] = []
        card_amount = total - cash if card is None else card
        if card_amount:
            tenders.append(self.payments.approve_card(card_amount))
        if cash:
            tenders.append(Tender.cash(cash))
        result = self.payments.pay(tenders)
        self.last_receipt()
        return result.sale.receipt_no

    def last_receipt(self) -> str:
        assert self.queue.wait_idle(10)
        self.printed += 1
        printed = self.emu.wait_for_receipts(self.printed, timeout=5)
        return printed[-1].document.text()

    def payments_of(self, receipt_no: str) -> list[dict[str, Any]]:
        def read(uow: Any) -> list[dict[str, Any]]:
            s, p = Sale.__table__, Payment.__table__
            sale_id = uow.conn.execute(
                select(s.c.id).where(s.c.receipt_no == receipt_no)
            ).scalar_one()
            q = select(p).where(p.c.sale_id == sale_id).order_by(p.c.seq)
            return [dict(r) for r in uow.conn.execute(q).mappings()]

        return self.store.db.read(read)

    def refunds(self) -> int:
        return self.store.db.read(
            lambda uow: len(uow.conn.execute(select(Sale.id).where(Sale.kind == "refund")).all())
        )


@pytest.fixture
def till(
    store: Store, tmp_path: Path, fake: FakeTerminal, emulator: PrinterEmulator
) -> Iterator[Till]:
    t = Till(store, tmp_path, fake, emulator)
    yield t
    t.queue.close()


def test_a_card_sale_refunded_whole_is_cancelled_on_the_terminal(
    till: Till, fake: FakeTerminal
) -> None:
    receipt = till.sell(APPLE_CODE)  # ₩12,900 by card
    (approve,) = fake.of("approve")
    original = fake.charges[next(iter(fake.charges))]
    refund = till.payments.refund(receipt, None, "고객 변심", till.manager)
    (cancel,) = fake.of("cancel")
    assert cancel["approval_no"] == original.approval_no
    assert cancel["amount"] == 12_900 and approve["amount"] == 12_900
    sent_day = dt.datetime.fromisoformat(cancel["approved_at"]).astimezone(KST).date()
    assert sent_day == original.approved_at.date()
    assert original.refunded == 12_900  # the card company's side: refunded
    (row,) = till.payments_of(refund.receipt_no)
    assert row["method"] == "card" and row["amount"] == -12_900 and row["evidence"] == "card"
    assert row["original_approval_no"] == original.approval_no
    assert row["approval_no"] not in (None, original.approval_no)  # the cancel's own approval
    text = till.last_receipt()
    for words in (
        "환불 영수증",
        "승인취소",
        f"원승인번호 {original.approval_no}",
        f"원거래일자 {original.approved_at:%Y-%m-%d}",
        f"취소승인번호 {row['approval_no']}",
        "12,900",
    ):
        assert words in text, words


def test_a_partial_refund_is_a_partial_cancel(till: Till, fake: FakeTerminal) -> None:
    receipt = till.sell(APPLE_CODE, APPLE_CODE)  # 2 × ₩12,900 = ₩25,800 by card
    first = till.payments.refund(receipt, {1: 1}, "파손", till.manager)
    (cancel,) = fake.of("cancel")
    assert cancel["amount"] == 12_900
    (charge,) = [c for c in fake.charges.values() if not c.cash_receipt and c.amount == 25_800]
    assert charge.refunded == 12_900
    assert till.payments_of(first.receipt_no)[0]["amount"] == -12_900
    till.payments.refund(receipt, {1: 1}, "파손", till.manager)
    assert [c["amount"] for c in fake.of("cancel")] == [12_900, 12_900]
    assert charge.refunded == 25_800


def test_a_split_card_and_cash_sale_refunds_to_the_card_then_cash(
    till: Till, fake: FakeTerminal
) -> None:
    receipt = till.sell(APPLE_CODE, GOCHUJANG_CODE, cash=10_000, card=11_400)  # ₩21,400
    # the tax split to the VAN: 고추장 8,500 taxable (7,727 + 773), 사과 12,900 exempt
    (approve,) = fake.of("approve")
    card_tax = [approve[k] for k in ("supply_value", "vat", "tax_free", "service_charge")]
    assert sum(card_tax) == 11_400 and card_tax[3] == 0
    assert card_tax == [4_116, 412, 6_872, 0]  # 11,400 / 21,400 of each column
    refund = till.payments.refund(receipt, None, "반품", till.manager)
    (cancel,) = fake.of("cancel")
    assert cancel["amount"] == 11_400
    assert [cancel[k] for k in ("supply_value", "vat", "tax_free", "service_charge")] == card_tax
    rows = till.payments_of(refund.receipt_no)
    assert sorted((r["method"], r["amount"]) for r in rows) == [
        ("card", -11_400),
        ("cash", -10_000),
    ]
    assert "취소승인번호" in till.last_receipt()


def test_the_terminal_down_records_nothing_then_queue_then_recovered(
    till: Till, fake: FakeTerminal, store: Store
) -> None:
    receipt = till.sell(APPLE_CODE)
    fake.down()
    with pytest.raises(CardRefundNotMade) as caught:
        till.payments.refund(receipt, None, "반품", till.manager)
    (part,) = caught.value.parts
    assert part.amount == 12_900 and not part.standalone
    assert caught.value.code == "payment.card_refund_not_made"
    assert till.refunds() == 0  # nothing is recorded as paid back
    # the cashier leaves it waiting for the terminal: the goods come back, the card waits
    refund = till.payments.refund(receipt, None, "반품", till.manager, queue_cards=True)
    (row,) = till.payments_of(refund.receipt_no)
    assert row["method"] == "card_pending" and row["approval_no"] is None
    assert "취소승인 대기" in till.last_receipt()
    (waiting,) = store.db.read(lambda uow: card_cancels.pending(uow, "R01"))
    assert waiting.amount == 12_900 and waiting.receipt_no == refund.receipt_no
    # still down: the retry counts a failure and keeps it
    result = card_cancels.retry(store.db, "R01", _cancel(till))
    assert (result.done, result.failed) == (0, 1)
    fake.up()
    result = card_cancels.retry(store.db, "R01", _cancel(till))
    assert (result.done, result.failed) == (1, 0)
    (cancel,) = fake.of("cancel")
    assert cancel["approval_no"] == waiting.original_approval_no and cancel["amount"] == 12_900
    assert (cancel["supply_value"], cancel["vat"], cancel["tax_free"]) == (0, 0, 12_900)
    assert store.db.read(lambda uow: card_cancels.pending(uow, "R01")) == []
    # the refund's document is not rewritten: the cancel's approval is kept with the queue
    from posapp.verify import verify

    assert verify(store.db).ok
    # and it cannot be refunded a second time: nothing is left of that approval
    with pytest.raises(SaleError):
        till.payments.refund(receipt, None, "반품", till.manager)


def _cancel(till: Till) -> Any:
    def cancel(approval_no: str, at: dt.datetime, amount: int, *, tax: Any) -> Any:
        return till.terminal.cancel(approval_no, at, amount, request_id=_rid(), tax=tax)

    return cancel


def _rid() -> str:
    import uuid

    return str(uuid.uuid4())


def test_a_manager_types_the_standalone_terminals_cancel(till: Till, fake: FakeTerminal) -> None:
    receipt = till.sell(APPLE_CODE)
    fake.down()
    with pytest.raises(CardRefundNotMade) as caught:
        till.payments.refund(receipt, None, "반품", till.manager)
    orig = caught.value.parts[0].original_approval_no
    with pytest.raises(SaleError) as old:  # never a card refund under the old approval
        till.payments.refund(receipt, None, "반품", till.manager, typed_cancels={orig: orig})
    assert old.value.code == "refund.old_approval"
    refund = till.payments.refund(
        receipt, None, "반품", till.manager, typed_cancels={orig: "77001234"}
    )
    (row,) = till.payments_of(refund.receipt_no)
    assert (row["method"], row["approval_no"], row["original_approval_no"]) == (
        "card_manual",
        "77001234",
        orig,
    )
    assert "별도 단말기에서 취소" in till.last_receipt()


def test_a_refused_cancel_says_why_and_records_nothing(till: Till, fake: FakeTerminal) -> None:
    receipt = till.sell(APPLE_CODE, APPLE_CODE)
    fake.no_partial = True
    with pytest.raises(CardRefundNotMade) as caught:
        till.payments.refund(receipt, {1: 1}, "반품", till.manager)
    assert "부분취소 불가" in caught.value.parts[0].error
    assert till.refunds() == 0


def test_a_refund_that_fails_after_the_cancel_net_cancels_it(
    till: Till, fake: FakeTerminal
) -> None:
    receipt = till.sell(APPLE_CODE)
    till.session.user = None  # signed out in between: the refund itself is refused
    with pytest.raises(PaymentCancelled) as caught:
        till.payments.refund(receipt, None, "반품", till.manager)
    (undone,) = caught.value.cancelled
    assert undone.ok and undone.kind == "card_refund"
    cancel, net = fake.of("cancel")[0], fake.of("net_cancel")[0]
    assert net["request_id"] == cancel["request_id"]
    (charge,) = fake.charges.values()
    assert charge.refunded == 0  # the card is charged as the till's records say
    assert till.refunds() == 0


def test_cash_instead_of_the_card_needs_a_reason_and_is_recorded(
    till: Till, fake: FakeTerminal, store: Store
) -> None:
    receipt = till.sell(APPLE_CODE)
    with pytest.raises(SaleError) as caught:
        till.payments.refund(receipt, None, "반품", till.manager, cash_instead=True)
    assert caught.value.code == "refund.tender_reason"
    refund = till.payments.refund(
        receipt,
        None,
        "반품",
        till.manager,
        cash_instead=True,
        tender_reason="해외 발급 카드, 취소 불가",
    )
    assert fake.of("cancel") == []
    assert [r["method"] for r in till.payments_of(refund.receipt_no)] == ["cash"]
    after = store.db.read(
        lambda uow: uow.conn.execute(
            select(AuditEvent.after).where(AuditEvent.action == "sale.refund")
        ).scalar_one()
    )
    assert "해외 발급 카드" in str(after)


def test_a_card_refund_under_the_old_approval_is_refused(till: Till, store: Store) -> None:
    from posapp.sales import refunds

    receipt = till.sell(APPLE_CODE)
    (sold,) = till.payments_of(receipt)

    def old_way(uow: Any) -> Any:
        return refunds.refund(
            uow,
            receipt,
            register_id="R01",
            user_id=store.cashier,
            approved_by=store.manager,
            tenders=[
                Tender(
                    Method.CARD,
                    12_900,
                    approval_no=sold["approval_no"],
                    original_approval_no=sold["approval_no"],
                )
            ],
        )

    with pytest.raises(SaleError) as caught:
        store.db.transact(old_way)
    assert caught.value.code == "refund.old_approval"


@pytest.mark.parametrize("field", ["approval_no", "reference"])
def test_a_card_number_typed_into_a_tender_field_is_refused(field: str) -> None:
    with pytest.raises(TenderError) as caught:
        Tender(
            Method.CARD_MANUAL, 12_900, **{"approval_no": "30001234", field: "4111 1111 1111 1111"}
        )
    assert caught.value.code == "tender.card_number_typed"
    # an approval number, or digits that fail the Luhn check, are fine
    Tender(Method.CARD_MANUAL, 12_900, approval_no="30001234", reference="4111111111111112")


def test_verify_flags_a_card_number_stored_before_the_rules(till: Till, store: Store) -> None:
    from sqlalchemy import update

    from posapp.verify import verify

    receipt = till.sell(APPLE_CODE)
    assert verify(store.db).card_numbers == []

    def leak(uow: Any) -> None:  # an older program wrote the customer's card into the note
        uow.conn.execute(update(Payment.__table__).values(reference="4111-1111-1111-1111"))

    store.db.transact(leak)
    report = verify(store.db)
    assert not report.ok
    (problem,) = report.card_numbers
    assert problem.startswith(f"{receipt} #1 reference") and "4111" not in problem
