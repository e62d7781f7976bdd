"""Issue 17 at the till, the way a person meets it: an approval covers what was approved and
nothing else (another percent, another line, the next ticket); keys through the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from posapp.db.models import AuditEvent
from posapp.domain.cart import Discount
from posapp.sales.tenders import Tender
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.ui.test_checkout_flow import burst, sign_in
from tests.ui.test_checkout_flow import till as till


def _pay_cash(script) -> None:  # type: ignore[no-untyped-def]
    script.push("tender", lambda total: ([Tender.cash(total)], None))


def test_15_percent_approved_then_90_percent_asks_again(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(15))
    script.push("pin", "2222")  # the manager approves 15 %
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert "승인" in window.message.text()
    window.table.selectRow(0)
    script.push("discount", Discount.percent(90))
    script.push("pin", "2222")  # the 90 % is asked for again, right away
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert script.asked.count("pin") == 3, script.asked  # sign-in, 15 %, 90 %
    _pay_cash(script)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and sale.total == 1_290
    assert script.asked.count("pin") == 3  # the 90 % approval covered the sale
    event = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "discount.approve")
        ).one()
    )
    assert event.user_id == store.manager
    assert event.after["approved"]["percent"] == 90
    assert event.after["discount"] == 11_610 and event.after["cashier"] == store.cashier


def test_90_percent_after_15_approved_is_not_sold_without_a_new_pin(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(15))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F4)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(90))
    script.push("pin", None)  # the manager walked away: 90 % not approved
    qtbot.keyClick(window, Qt.Key.Key_F4)
    script.push("pin", None)  # F12: asked again, refused
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.session.last_sale is None
    assert "tender" not in script.asked


def test_an_approved_line_discount_does_not_cover_another_line(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(15))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F4)
    window.table.selectRow(1)
    script.push("discount", Discount.percent(15))
    script.push("pin", None)  # the same 15 % on another line: asked again, not approved
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert script.asked.count("pin") == 3, script.asked
    script.push("pin", None)  # F12: line 1's approval does not cover line 2
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert script.asked.count("pin") == 4, script.asked
    assert window.session.last_sale is None and "tender" not in script.asked


def test_an_approval_is_not_carried_to_the_next_ticket(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(15))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F4)
    _pay_cash(script)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.session.last_sale is not None
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(15))
    script.push("pin", None)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert script.asked.count("pin") == 3
    script.push("pin", None)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert script.asked.count("tender") == 1  # only the first ticket was paid


def test_a_price_override_on_line_1_does_not_cover_line_2(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("price", (7_000, "파손·흠집 상품"))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.ticket.lines[0].unit_price == 7_000
    window.table.selectRow(1)
    script.push("price", (10_000, "파손·흠집 상품"))
    script.push("pin", None)
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.ticket.lines[1].unit_price == 12_900
    assert script.asked.count("pin") == 3


def test_f1_sign_in_brute_force_is_locked_in_words(qtbot, till, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from posapp.auth import lockout

    window, script, _parts, _ = till
    at = [dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)]
    monkeypatch.setattr(lockout, "now", lambda: at[0])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    messages = []
    for n in range(12):
        script.push("pin", f"{n + 3000:04d}")
        qtbot.keyClick(window, Qt.Key.Key_F1)
        messages.append(window.message.text())
        at[0] += dt.timedelta(seconds=60)  # the cashier waits out each delay
    assert messages[0] == "PIN이 틀렸습니다."
    assert messages[9].startswith("PIN을 여러 번 틀려 잠겼습니다")  # the tenth locks
    assert messages[8] == "PIN이 틀렸습니다."
    assert messages[11] == messages[10] == messages[9]  # no more PINs are checked
    script.push("pin", "1111")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.session.user is None and "잠겼습니다" in window.message.text()
    assert "auth" not in window.message.text() and "Error" not in window.message.text()


def test_a_toml_that_raises_the_discount_limit_changes_nothing(
    qtbot, store: Store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from posapp import store_policy
    from posapp.app import build
    from posapp.config import Settings
    from posapp.hardware.printer import PreviewPrinter
    from posapp.ui.tasks import SyncRunner
    from tests.ui.test_checkout_flow import Script

    settings = Settings()
    settings = replace(
        settings,
        card=replace(settings.card, terminal=""),
        sales=replace(settings.sales, discount_limit_percent=100),  # the local TOML's edit
    )
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    try:
        sign_in(qtbot, window, script)
        burst(qtbot, window.search, APPLE_CODE)
        window.table.selectRow(0)
        script.push("discount", Discount.percent(100))
        script.push("pin", None)  # still the store's 10 %: a manager is asked
        qtbot.keyClick(window, Qt.Key.Key_F4)
        assert script.asked.count("pin") == 2
        script.push("pin", None)
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert window.session.last_sale is None and "tender" not in script.asked
        # the store's policy, changed by a holder of settings, is what counts (every till)
        store.db.transact(
            lambda uow: store_policy.change(uow, {"discount_limit_percent": 20}, store.manager)
        )
        window.table.selectRow(0)
        script.push("discount", Discount.percent(15))
        qtbot.keyClick(window, Qt.Key.Key_F4)
        _pay_cash(script)
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert window.session.last_sale is not None and window.session.last_sale.total == 10_965
        assert script.asked.count("pin") == 3
    finally:
        parts.shutdown()


def test_an_edited_recovery_file_is_priced_again(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    import json
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from posapp.app import build
    from posapp.config import Settings
    from posapp.ui.tasks import SyncRunner
    from tests.ui.test_checkout_flow import Script

    window, script, parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, GOCHUJANG_CODE)  # ₩8,500
    burst(qtbot, window.search, APPLE_CODE)  # ₩12,900
    window.session.flush_recovery()
    path = window.session.recovery.path
    assert path is not None
    # a dishonest insider edits the file while the till is down: ₩20 a box, a forged override
    data = json.loads(path.read_text(encoding="utf-8"))
    data["lines"][0]["unit_price"] = 20
    data["lines"][1]["unit_price"] = 20
    data["lines"][1]["price_override"] = {
        "regular_price": 12_900,
        "reason": "x",
        "by": store.manager,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    again = build(store.db, settings, runner=SyncRunner(), printer=parts.printer)
    qtbot.addWidget(again.window)
    s2 = Script()
    s2.push("confirm", True)
    again.window.ask = s2
    again.offer_recovery()
    lines = again.window.session.ticket.lines
    assert [(ln.unit_price, ln.price_override) for ln in lines] == [(8_500, None), (12_900, None)]
    assert "₩21,400" in again.window.due.text()
    again.shutdown()
    QApplication.processEvents()


@pytest.mark.parametrize("qty", [10**9, 10**15])
def test_huge_quantities_are_refused_in_korean(qtbot, till, store: Store, qty: int) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("number", qty)
    qtbot.keyClick(window, Qt.Key.Key_F2)  # 수량
    text = window.message.text()
    assert "매장 한도" in text and "999개" in text, text
    assert "Error" not in text and "psycopg" not in text
    assert window.session.ticket.lines[0].qty == 1  # nothing changed
    _pay_cash(script)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.session.last_sale is not None and window.session.last_sale.total == 12_900


def test_a_zero_price_label_and_a_99999_g_label_are_refused(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    from posapp.domain.barcodes import gtin_check_digit

    window, script, _parts, _ = till
    sign_in(qtbot, window, script)

    def label(value: int) -> str:  # the in-store price label of 횡성 한우 (PLU 00101)
        body = f"20{101:05d}{value:05d}"
        return body + str(gtin_check_digit(body))

    burst(qtbot, window.search, label(0))
    assert "0원 라벨" in window.message.text(), window.message.text()
    assert window.model.rowCount() == 0
    burst(qtbot, window.search, label(5_120))
    assert window.model.rowCount() == 1


def test_removing_a_line_and_lowering_a_quantity_are_on_the_record(
    qtbot, till, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    burst(qtbot, window.search, APPLE_CODE)
    burst(qtbot, window.search, APPLE_CODE)  # 2 boxes
    window.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_F3)  # 삭제: the gochujang
    assert window.model.rowCount() == 1
    window.table.selectRow(0)
    script.push("number", 1)
    qtbot.keyClick(window, Qt.Key.Key_F2)  # 2 → 1
    assert window.session.ticket.lines[0].qty == 1
    events = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("ticket.%")).order_by(AuditEvent.id)
        ).all()
    )
    assert [(e.action, e.user_id, e.register_id) for e in events] == [
        ("ticket.remove", store.cashier, "R01"),
        ("ticket.qty", store.cashier, "R01"),
    ]
    assert (
        events[0].before["name"] == "순창 전통 고추장 1kg" and events[0].before["amount"] == 8_500
    )
    assert (events[1].before["qty"], events[1].after) == (2, {"qty": 1})
    assert window.session.ticket.uuid in events[0].target


def test_the_store_policy_screen_changes_every_tills_rule(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    from posapp import store_policy
    from posapp.auth.service import Role, create_user

    window, script, _parts, _ = till
    admin = store.db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999")).id
    sign_in(qtbot, window, script)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    script.push("pin", "2222")  # a manager does not hold settings
    qtbot.keyClick(window, Qt.Key.Key_L, mods)
    assert getattr(window, "_policy_dialog", None) is None
    script.push("pin", "9999")
    qtbot.keyClick(window, Qt.Key.Key_L, mods)
    dialog = window._policy_dialog
    qtbot.addWidget(dialog)
    spin = dialog.spins["discount_limit_percent"]
    assert spin.value() == 10
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "25", delay=120)  # typed by a person (not a scanner burst)
    assert spin.value() == 25
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "저장했습니다" in dialog.message.text()
    assert store.db.read(store_policy.load)["discount_limit_percent"] == 25
    event = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "policy.change")
        ).one()
    )
    assert (event.user_id, event.before, event.after) == (
        admin,
        {"discount_limit_percent": 10},
        {"discount_limit_percent": 25},
    )
    # the till's 20 % discount now needs no manager
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("discount", Discount.percent(20))
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert script.asked.count("pin") == 3


def test_a_quantity_beyond_the_limit_needs_a_manager_for_that_line(
    qtbot, till, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    window.table.selectRow(0)
    script.push("number", 1_500)  # above the store's 999 pieces
    script.push("pin", None)  # no manager: nothing changes
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.session.ticket.lines[0].qty == 1
    assert script.asked.count("pin") == 2
    window.table.selectRow(0)
    script.push("number", 1_500)
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.session.ticket.lines[0].qty == 1_500
    event = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "ticket.over_limit")
        ).one()
    )
    assert event.after["approved_by"] == store.manager and event.after["qty"] == 1_500
    window.table.selectRow(0)
    script.push("number", 1_600)  # more than approved: asked again
    script.push("pin", None)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.session.ticket.lines[0].qty == 1_500
    assert script.asked.count("pin") == 4


def test_no_two_keys_of_the_checkout_open_different_things(till) -> None:  # type: ignore[no-untyped-def]
    """Two shortcuts on one key make Qt fire neither (the store policy and the receipt finder
    were both Ctrl+Shift+P after a merge): every shortcut of the checkout has its own key."""
    from PySide6.QtGui import QShortcut

    window = till[0]
    keys = [s.key().toString() for s in window.findChildren(QShortcut) if s.isEnabled()]
    assert keys and not {k for k in keys if keys.count(k) > 1}, sorted(keys)


def test_the_money_rules_are_on_the_policy_screen_not_in_the_toml(
    qtbot, till, store: Store
) -> None:  # type: ignore[no-untyped-def]
    """원단위 절사 and the expired-lot rule, changed on 매장 정책 by a click and the arrow keys:
    the tender dialog's rounding follows, and the screen fits the till's 768 px."""
    from posapp import store_policy

    window, script, parts, _ = till
    dialog = open_policy_screen(qtbot, window, script, store)
    rounding = dialog.lists["cash_rounding_unit"]
    block = dialog.checks["expired_lots_block"]
    assert rounding.currentData() == 10 and not block.isChecked()
    assert "cash_receipt_mandatory" in dialog.checks and "installment_from" in dialog.spins
    assert dialog.sizeHint().height() <= 768 - 40  # under the till's title bar
    rounding.setFocus()
    qtbot.keyClick(rounding, Qt.Key.Key_Up)  # 10 → 1: off
    assert rounding.currentData() == 1
    box = block.rect()  # the box and its word 예, at the left of the row
    qtbot.mouseClick(block, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert block.isChecked()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "저장했습니다" in dialog.message.text()
    policy = store.db.read(store_policy.load)
    assert (policy["cash_rounding_unit"], policy["expired_lots_block"]) == (1, 1)
    dialog.close()
    parts.session.policy_read = None  # a till reads it again within 30 s
    burst(qtbot, window.search, APPLE_CODE)
    assert parts.till.payments.cash_rounding_unit == 1


def test_f3_after_the_total_asks_a_manager_for_that_line(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    """The store asks a manager to take lines off once the customer saw the total: F12, the
    payment closed, F3 on the line — the PIN is asked for that line; cancelled, the line stays;
    a cashier's PIN is refused; the manager's takes it off, on the record with who approved."""
    from posapp import store_policy

    window, script, _parts, _ = till
    store.db.transact(
        lambda uow: store_policy.change(uow, {"void_approval_after_subtotal": 1}, store.manager)
    )
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    window.table.selectRow(1)
    qtbot.keyClick(window, Qt.Key.Key_F3)  # before the total: off at once, no PIN
    assert len(window.session.ticket.lines) == 1 and script.asked.count("pin") == 1
    script.push("tender", None)  # F12 shows the total; the customer hesitates: closed
    qtbot.keyClick(window, Qt.Key.Key_F12)
    window.table.selectRow(0)
    script.push("pin", None)  # cancelled: the line stays, the reason is said
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert len(window.session.ticket.lines) == 1
    assert "관리자 승인" in window.message.text(), window.message.text()
    script.push("pin", "1111")  # the cashier's own PIN: refused
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert len(window.session.ticket.lines) == 1
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.session.ticket.lines == []
    after = store.db.read(
        lambda uow: [
            e.after
            for e in uow.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == "ticket.remove")
                .order_by(AuditEvent.id)
            )
        ]
    )
    assert after == [None, {"approved_by": store.manager}]


def test_a_label_beyond_the_line_limit_is_approved_in_place(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    """A scale label above the store's line limit: refused in words and a manager's PIN asked
    for that line at that amount; cancelled, nothing is added; approved, the scan lands, on the
    record with the approver. The next such label asks again."""
    from posapp import store_policy
    from posapp.domain.barcodes import gtin_check_digit

    window, script, _parts, _ = till
    store.db.transact(
        lambda uow: store_policy.change(uow, {"max_line_total": 10_000}, store.manager)
    )
    sign_in(qtbot, window, script)

    def label(value: int) -> str:  # the in-store price label of 횡성 한우 (PLU 00101)
        body = f"20{101:05d}{value:05d}"
        return body + str(gtin_check_digit(body))

    script.push("pin", None)  # the manager is not there: nothing goes on the ticket
    burst(qtbot, window.search, label(51_200))
    assert window.model.rowCount() == 0
    assert "한도" in window.message.text(), window.message.text()
    script.push("pin", "2222")
    burst(qtbot, window.search, label(51_200))
    assert window.model.rowCount() == 1 and window.session.priced().total == 51_200
    script.push("pin", None)
    burst(qtbot, window.search, label(64_000))  # another label: its own approval
    assert window.model.rowCount() == 1
    assert script.asked.count("pin") == 4  # sign-in and the three labels
    after = store.db.read(
        lambda uow: [
            e.after
            for e in uow.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "ticket.over_limit")
            )
        ]
    )
    assert len(after) == 1 and after[0]["approved_by"] == store.manager
    assert after[0]["amount"] == 51_200


def test_the_class_refund_tiers_are_typed_on_the_policy_screen(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    """A text key: typed in its field; a tier that is not days:percent is refused in words and
    nothing is saved; a good one is saved for every till."""
    from posapp import store_policy

    window, script, _parts, _ = till
    dialog = open_policy_screen(qtbot, window, script, store)
    tiers = dialog.texts["class_refund_tiers"]
    assert tiers.text() == "3:100,1:50,0:0"
    tiers.setFocus()
    tiers.selectAll()
    qtbot.keyClicks(tiers, "7:100,x", delay=120)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "저장했습니다" not in dialog.message.text()
    assert "환불" in dialog.message.text(), dialog.message.text()  # said in Korean, where it is
    assert store.db.read(store_policy.load_text)["class_refund_tiers"] == "3:100,1:50,0:0"
    tiers.selectAll()
    qtbot.keyClicks(tiers, "7:100,2:50,0:0", delay=120)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "저장했습니다" in dialog.message.text(), dialog.message.text()
    assert store.db.read(store_policy.load_text)["class_refund_tiers"] == "7:100,2:50,0:0"


def test_the_accepted_vouchers_are_typed_on_the_policy_screen(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    """The voucher kinds a store takes: paper ones by default; a kind that is not one is
    refused in Korean and nothing is saved; a good list is saved for every till."""
    from posapp import store_policy

    window, script, _parts, _ = till
    dialog = open_policy_screen(qtbot, window, script, store)
    kinds = dialog.texts["accepted_vouchers"]
    assert kinds.text() == "onnuri,local"
    kinds.setFocus()
    kinds.selectAll()
    qtbot.keyClicks(kinds, "onnuri,zeropay", delay=60)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "모르는 상품권 종류입니다 (zeropay)" in dialog.message.text(), dialog.message.text()
    assert store.db.read(store_policy.load_text)["accepted_vouchers"] == "onnuri,local"
    kinds.selectAll()
    qtbot.keyClicks(kinds, "onnuri,local,onnuri_mobile", delay=60)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "저장했습니다" in dialog.message.text(), dialog.message.text()
    assert (
        store.db.read(store_policy.load_text)["accepted_vouchers"] == "onnuri,local,onnuri_mobile"
    )


def open_policy_screen(qtbot, window, script, store: Store):  # type: ignore[no-untyped-def]
    """An admin (최관리, 9999) signs in a cashier's till and opens 매장 정책 (Ctrl+Shift+L)."""
    from posapp.auth.service import Role, create_user

    store.db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999"))
    sign_in(qtbot, window, script)
    script.push("pin", "9999")
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, mods)
    dialog = window._policy_dialog
    qtbot.addWidget(dialog)
    return dialog
