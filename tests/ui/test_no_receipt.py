"""Returns without a receipt (영수증 없는 반품, issue 18.7): the goods coming back are scanned by
the wedge through the app's own filter, Ctrl+F8 asks the reason and a manager's PIN, and the
money goes back in cash only, up to the store's limit; the 반품 영수증 (decoded from the bytes the
printer got) says so with the reason and the manager, stock comes back, the X report has its own
line and the audit says who and why. Over the limit, without a manager, or pressed twice:
refused in Korean, nothing written twice."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from posapp.db.models import AuditEvent, Payment, Sale
from posapp.inventory import catalog
from posapp.sales import no_receipt
from posapp.ui.void_dialog import VoidReasonDialog
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store
from tests.support.fake_terminal import FakeTerminal
from tests.support.scanning import scan, use_wedge
from tests.ui.test_checkout_flow import sign_in
from tests.ui.test_exchange import printed_texts, till  # noqa: F401  (fixtures)
from tests.ui.test_refund_dialog import RefundScript


class NoReceiptScript(RefundScript):
    def no_receipt_reason(self, reasons: tuple[str, ...], amount: int) -> Any:
        self.reasons, self.amount = reasons, amount
        return self._next("no_receipt_reason")


@pytest.fixture
def counter(till):  # type: ignore[no-untyped-def]  # noqa: F811
    window, _, parts = till
    script = NoReceiptScript()
    window.ask = script
    use_wedge(parts.wedge)
    yield window, script, parts
    use_wedge(None)


def wedge(window: Any, *codes: str) -> None:
    for code in codes:
        scan(code, window.search)


def ctrl_f8(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)


def refunds(store: Store) -> list[tuple[str, int, int | None, str]]:
    return store.db.read(
        lambda uow: [
            tuple(r)
            for r in uow.conn.execute(
                select(Sale.receipt_no, Sale.total, Sale.approved_by, Sale.reason)
                .where(Sale.kind == "refund")
                .order_by(Sale.id)
            )
        ]
    )


def test_a_return_within_the_limit_gives_cash_back_stock_receipt_x_and_audit(
    qtbot,
    counter,
    fake: FakeTerminal,
    emulator: PrinterEmulator,
    store: Store,
) -> None:  # type: ignore[no-untyped-def]
    window, script, parts = counter
    sign_in(qtbot, window, script)
    salt = store.db.read(lambda uow: catalog.stock_on_hand(uow, store.salt))
    wedge(window, SALT_CODE, GOCHUJANG_CODE)  # ₩6,000 + ₩8,500, the prices in force
    assert len(window.session.ticket.lines) == 2
    script.push("no_receipt_reason", ("선물 받음", ""))
    script.push("pin", "2222")
    ctrl_f8(qtbot, window)
    assert script.asked[-2:] == ["no_receipt_reason", "pin"]
    assert (
        script.amount == 14_500 and "영수증 분실" in script.reasons and script.reasons[-1] == "기타"
    )
    assert "영수증 없는 반품" in window.message.text() and "₩14,500" in window.message.text()
    assert window.session.ticket.lines == []  # the ticket is done with
    ((receipt, total, approver, reason),) = refunds(store)
    assert total == -14_500 and approver == store.manager and "선물 받음" in reason
    pays = store.db.read(
        lambda uow: uow.conn.execute(
            select(Payment.method, Payment.amount)
            .join(Sale, Sale.id == Payment.sale_id)
            .where(Sale.receipt_no == receipt)
        ).all()
    )
    assert [tuple(p) for p in pays] == [("cash", -14_500)]  # cash only
    assert fake.of("cancel") == [] and not fake.charges  # no card touched
    assert store.db.read(lambda uow: catalog.stock_on_hand(uow, store.salt)) == salt + 1
    (text,) = printed_texts(parts, emulator, 1)
    for words in (
        "[반품 영수증]",
        "영수증 없는 반품",
        "사유 선물 받음",
        "승인 관리자 박지민",
        receipt,
    ):
        assert words in text, words
    assert "현금영수증" not in text and "원거래" not in text
    (audit,) = store.db.read(
        lambda uow: uow.conn.execute(
            select(AuditEvent.user_id, AuditEvent.after).where(
                AuditEvent.action == "sale.refund_no_receipt"
            )
        ).all()
    )
    assert audit[0] == store.manager and audit[1]["reason"] == "선물 받음"
    assert audit[1]["amount"] == 14_500 and audit[1]["manager"] == "박지민"
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    x = script.texts[-1]
    assert "무영수증 반품 1건" in x and "-₩14,500" in x and "환불 1건" in x


def test_over_the_limit_is_refused_in_words_and_nothing_is_written(
    qtbot, counter, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _ = counter
    sign_in(qtbot, window, script)
    wedge(window, APPLE_CODE, APPLE_CODE, APPLE_CODE)  # ₩38,700 > ₩30,000
    apples = store.db.read(lambda uow: catalog.stock_on_hand(uow, store.apple))
    ctrl_f8(qtbot, window)
    text = window.message.text()
    assert "30,000원까지 현금으로만" in text and "38,700원" in text, text
    assert "no_receipt_reason" not in script.asked and "pin" not in script.asked[1:]
    assert refunds(store) == []
    assert store.db.read(lambda uow: catalog.stock_on_hand(uow, store.apple)) == apples
    assert window.session.ticket.lines[0].qty == 3  # the cashier can take one off


def test_no_manager_means_nothing_is_given_back(qtbot, counter, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _ = counter
    sign_in(qtbot, window, script)
    wedge(window, SALT_CODE)
    script.push("no_receipt_reason", ("기타", "포장 훼손"))
    script.push("pin", "1111")  # the cashier's own PIN
    ctrl_f8(qtbot, window)
    assert "권한" in window.message.text() or "관리자" in window.message.text()
    script.push("no_receipt_reason", ("영수증 분실", ""))
    script.push("pin", None)  # the PIN dialog cancelled
    ctrl_f8(qtbot, window)
    assert refunds(store) == [] and len(window.session.ticket.lines) == 1


def test_a_double_press_is_one_return(qtbot, counter, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _ = counter
    sign_in(qtbot, window, script)
    wedge(window, SALT_CODE)
    script.push("no_receipt_reason", ("영수증 분실", ""), ("영수증 분실", ""))
    script.push("pin", "2222", "2222")
    ctrl_f8(qtbot, window)
    ctrl_f8(qtbot, window)
    assert len(refunds(store)) == 1
    assert "돌려받을 상품을 먼저 스캔하세요" in window.message.text()
    # the same ticket sent twice (a retry, a second till's press): the database refuses it
    ticket = window.session.ticket
    window.session.ticket = type(ticket)(
        uuid=store.db.read(
            lambda uow: uow.conn.execute(
                select(Sale.uuid).where(Sale.kind == "refund")
            ).scalar_one()
        )
    )
    wedge(window, SALT_CODE)
    ctrl_f8(qtbot, window)
    assert "이미 처리되었습니다" in window.message.text()
    count = store.db.read(
        lambda uow: uow.conn.execute(select(func.count()).where(Sale.kind == "refund")).scalar()
    )
    assert count == 1


def test_the_shift_limit_refuses_the_next_one(qtbot, counter, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _ = counter
    from posapp import store_policy

    store.db.transact(
        lambda uow: store_policy.change(uow, {"no_receipt_shift_count": 1}, store.manager)
    )
    sign_in(qtbot, window, script)
    for _ in range(2):
        wedge(window, SALT_CODE)
        script.push("no_receipt_reason", ("영수증 분실", ""))
        script.push("pin", "2222")
        ctrl_f8(qtbot, window)
    assert len(refunds(store)) == 1
    assert "이번 근무의 영수증 없는 반품 한도" in window.message.text()


def test_the_reason_dialog_by_its_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = VoidReasonDialog(no_receipt.REASONS, title="영수증 없는 반품", prompt="현금 ₩6,000 지급")
    qtbot.addWidget(d)
    d.show()
    assert d.windowTitle() == "영수증 없는 반품" and "₩6,000" in d.prompt.text()
    d.ok.click()
    assert d.isVisible() and "사유를 고르세요" in d.error.text()
    d.choices[-1].click()  # 기타 without its text
    d.ok.click()
    assert d.isVisible() and "'기타'는 사유를 적어야" in d.error.text()
    d.choices[0].click()
    d.ok.click()
    assert not d.isVisible() and d.value() == ("영수증 분실", "")


def test_the_refusal_goes_when_the_ticket_changes(qtbot, counter, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Seen on screen: after the over-the-limit refusal, taking lines off (F3) and other
    changes left the red panel and the status line about the old amount in place."""
    window, script, _ = counter
    sign_in(qtbot, window, script)

    def refused() -> None:
        ctrl_f8(qtbot, window)
        assert window.notice.isVisible() and window.notice.kind == "error"
        assert "30,000원까지" in window.notice.plain and "30,000원까지" in window.message.text()

    wedge(window, APPLE_CODE, APPLE_CODE, APPLE_CODE)  # ₩38,700 > ₩30,000
    refused()
    script.push("number", 2)  # F2: two apples, not three (₩25,800)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.session.ticket.lines[0].qty == 2
    assert not window.notice.isVisible() and "30,000원까지" not in window.message.text()
    wedge(window, APPLE_CODE)  # three again: refused again
    refused()
    qtbot.keyClick(window, Qt.Key.Key_F3)  # the apples taken off: the ticket is empty
    assert window.session.ticket.lines == []
    assert not window.notice.isVisible() and window.message.text() == ""
    wedge(window, APPLE_CODE, APPLE_CODE, APPLE_CODE)
    refused()
    wedge(window, SALT_CODE)  # another item scanned
    assert not window.notice.isVisible() and "30,000원까지" not in window.message.text()
    refused()  # ₩44,700 now
    window.refresh()  # nothing changed on the ticket (a sync, the clock): the refusal stays
    assert window.notice.isVisible() and "30,000원까지" in window.message.text()
    script.push("void_reason", ("고객 변심", ""))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the ticket voided: its own word replaces it
    assert window.session.ticket.lines == []
    assert window.notice.kind != "error" and "30,000원까지" not in window.message.text()
