"""Card and mobile vouchers (온누리 카드/모바일, 지역사랑 모바일) as the card company, the tax office
and the store's acceptance need them: chosen in the tender dialog by keys and its button,
approved through the card terminal port with their ``voucher_kind`` (a bare fake terminal written
from docs/card-terminal-protocol.md records every request), kept with their own evidence
(선불카드 / 전자지급수단, not cash), on the X report per kind and in the VAT figures' rows,
refunded by a cancel of their approval; a kind the store does not take is refused in Korean
before anything reaches the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from posapp import store_policy
from posapp.config import Settings
from posapp.db.models import Payment, Sale
from posapp.domain import calendar
from posapp.hardware.card_terminal import from_uri
from posapp.hardware.print_queue import PrintQueue
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.reports import vat
from posapp.reports.model import Period
from posapp.sales.register_report import format_report
from posapp.sales.tenders import VoucherKind
from posapp.ui.tasks import SyncRunner
from posapp.ui.tender_dialog import TenderDialog
from posapp.usecases.approvals import Approval
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import ReceiptPrinting
from posapp.usecases.refund import REFUND
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.fake_terminal import FakeTerminal


def _accept(store: Store, kinds: str) -> None:
    store.db.transact(
        lambda uow: store_policy.change(uow, {"accepted_vouchers": kinds}, store.manager)
    )


def _rows(store: Store, receipt_no: str) -> list[dict[str, Any]]:
    def read(uow: Any) -> list[dict[str, Any]]:
        s, p = Sale.__table__, Payment.__table__
        sid = uow.conn.execute(select(s.c.id).where(s.c.receipt_no == receipt_no)).scalar_one()
        q = select(p).where(p.c.sale_id == sid).order_by(p.c.seq)
        return [dict(r) for r in uow.conn.execute(q).mappings()]

    return store.db.read(read)


def _dialog(qtbot: Any, total: int, payments: Payments) -> TenderDialog:
    dialog = TenderDialog(total, payments=payments, runner=SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_mobile_onnuri_voucher_goes_through_the_terminal_with_its_own_evidence(
    qtbot, store: Store, tmp_path: Path, fake: FakeTerminal
) -> None:  # type: ignore[no-untyped-def]
    _accept(store, "onnuri,local,onnuri_mobile")
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)  # ₩8,500 과세
    session.scan(APPLE_CODE)  # ₩12,900 면세 (a scan reads the store policy, its kinds too)
    payments = Payments(session, from_uri(fake.uri))
    dialog = _dialog(qtbot, 21_400, payments)
    qtbot.keyClicks(dialog.amount, "20000")
    dialog.e_voucher_kind.setFocus()
    qtbot.keyClick(dialog.e_voucher_kind, Qt.Key.Key_Down)  # 온누리 카드 → 온누리 모바일
    assert dialog.e_voucher_kind.currentText() == "온누리 모바일"
    qtbot.mouseClick(dialog.e_voucher_btn, Qt.MouseButton.LeftButton)
    (approve,) = fake.of("approve")
    assert approve["voucher_kind"] == "onnuri_mobile"
    assert approve["amount"] == 20_000 and approve["installment_months"] == 0
    parts = ("supply_value", "vat", "tax_free", "service_charge")
    assert sum(approve[k] for k in parts) == 20_000
    (voucher,) = dialog.tenders
    assert "온누리 모바일" in dialog.paid_list.item(0).text()
    qtbot.keyClicks(dialog.amount, "1400")
    qtbot.mouseClick(dialog.cash_btn, Qt.MouseButton.LeftButton)
    sale = payments.pay(dialog.tenders).sale
    rows = _rows(store, sale.receipt_no)
    e = next(r for r in rows if r["voucher_kind"])
    assert (e["method"], e["evidence"], e["amount"]) == ("card", "mobile_voucher", 20_000)
    assert e["approval_no"] == voucher.approval_no
    assert fake.of("cash_receipt") == []  # not cash: no 현금영수증 for it

    x = session.x_report()
    assert [(v.method, v.count, v.amount) for v in x.e_vouchers] == [("onnuri_mobile", 1, 20_000)]
    assert x.vouchers == ()  # not a paper voucher for the bank
    text = format_report(x)
    assert "온누리상품권(모바일) 1건 (승인)" in text and "전자지급수단(모바일 상품권)" in text

    today = calendar.today()
    fig = store.db.read(lambda uow: vat.vat_figures(uow, Period(today, today)))
    assert fig.row("e_payment").total == 20_000  # 직불·선불 전자지급수단
    assert fig.row("other").total == 1_400
    assert not fig.unknown_evidence

    # the refund goes back to the voucher: a cancel of its approval, its evidence kept
    refund = payments.refund(
        sale.receipt_no, None, "반품", Approval(store.manager, "박지민", REFUND)
    )
    (cancel,) = fake.of("cancel")
    assert cancel["approval_no"] == voucher.approval_no and cancel["amount"] == 20_000
    back = next(r for r in _rows(store, refund.receipt_no) if r["method"] == "card")
    assert (back["voucher_kind"], back["evidence"], back["amount"]) == (
        "onnuri_mobile",
        "mobile_voucher",
        -20_000,
    )
    assert back["original_approval_no"] == voucher.approval_no
    x = session.x_report()
    assert [(v.method, v.count, v.amount) for v in x.e_vouchers] == [("onnuri_mobile", 2, 0)]
    fig = store.db.read(lambda uow: vat.vat_figures(uow, Period(today, today)))
    assert fig.row("e_payment").total == 0


def test_the_onnuri_card_is_a_prepaid_card_slip(
    store: Store, tmp_path: Path, fake: FakeTerminal
) -> None:
    _accept(store, "onnuri_card")
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)
    emulator = PrinterEmulator(tmp_path / "paper", port=0, double_byte=True).start()
    queue = PrintQueue(EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?mode=native")))
    printing = ReceiptPrinting(session, queue, Settings(), 80)
    payments = Payments(session, from_uri(fake.uri), printing=printing)
    try:
        voucher = payments.approve_card(8_500, voucher_kind=VoucherKind.ONNURI_CARD)
        sale = payments.pay([voucher]).sale
        assert queue.wait_idle(10)
        (printed,) = emulator.wait_for_receipts(1, timeout=5)
        text = printed.document.text()
    finally:
        queue.close()
        emulator.stop()
    assert "온누리상품권(카드)" in text and f"승인번호 {voucher.approval_no}" in text
    assert "일시불" not in text  # a voucher has no 일시불/할부
    (row,) = _rows(store, sale.receipt_no)
    assert row["evidence"] == "prepaid_card"
    today = calendar.today()
    fig = store.db.read(lambda uow: vat.vat_figures(uow, Period(today, today)))
    assert fig.row("card").total == 8_500  # 신용·직불·선불카드
    assert "선불카드(온누리 카드) 1건" in format_report(session.x_report())


def test_a_kind_the_store_does_not_take_is_refused_before_the_terminal(
    qtbot, store: Store, tmp_path: Path, fake: FakeTerminal
) -> None:  # type: ignore[no-untyped-def]
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)
    payments = Payments(session, from_uri(fake.uri))  # the default policy: paper only
    dialog = _dialog(qtbot, 8_500, payments)
    dialog.e_voucher_kind.setFocus()
    qtbot.keyClick(dialog.e_voucher_kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.e_voucher_kind, Qt.Key.Key_Down)
    assert dialog.e_voucher_kind.currentText().startswith("지역사랑 모바일")
    qtbot.mouseClick(dialog.e_voucher_btn, Qt.MouseButton.LeftButton)
    assert "이 매장은 지역사랑상품권(모바일)을(를) 받지 않습니다" in dialog.message.text()
    assert fake.of("approve") == [] and dialog.tenders == []
    # the use case refuses it too (a dialog is not the only way in), before the terminal
    from posapp.domain.errors import TenderError

    with pytest.raises(TenderError) as caught:
        payments.approve_card(8_500, voucher_kind=VoucherKind.LOCAL_MOBILE)
    assert caught.value.code == "tender.voucher_not_accepted"
    assert fake.of("approve") == []


def test_paper_vouchers_refused_when_the_store_takes_only_mobile_ones(
    qtbot, store: Store, tmp_path: Path, fake: FakeTerminal
) -> None:  # type: ignore[no-untyped-def]
    _accept(store, "local_mobile")
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)
    payments = Payments(session, from_uri(fake.uri))
    dialog = _dialog(qtbot, 8_500, payments)
    qtbot.keyClicks(dialog.amount, "10000")
    qtbot.keyClicks(dialog.voucher_serial, "ON-0001")
    qtbot.mouseClick(dialog.onnuri_btn, Qt.MouseButton.LeftButton)
    assert "이 매장은 온누리상품권(지류)을(를) 받지 않습니다" in dialog.message.text()
    assert dialog.tenders == []


def test_a_card_answered_for_a_voucher_request_is_net_cancelled(
    store: Store, tmp_path: Path, fake: FakeTerminal
) -> None:
    _accept(store, "onnuri_mobile")
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)
    payments = Payments(session, from_uri(fake.uri))
    fake.echo_voucher_kind = False  # a peer that charged a card instead of the voucher
    from posapp.hardware.ports import HardwareError

    with pytest.raises(HardwareError) as caught:
        payments.approve_card(8_500, voucher_kind=VoucherKind.ONNURI_MOBILE)
    assert caught.value.code == "card.protocol"
    assert fake.ops() == ["approve", "net_cancel"]


def _key_in(
    qtbot: Any, dialog: TenderDialog, kind: str, approval: str, seen: dict[str, Any]
) -> None:
    """Press 카드 수기 and, in the dialog it opens, choose ``kind`` by keys, type the standalone
    terminal's approval number and press OK."""
    from PySide6.QtWidgets import QDialogButtonBox

    from posapp.ui.tender_dialog import ManualCardDialog
    from tests.ui.test_office_keys import _when_open

    def act(manual: ManualCardDialog) -> None:
        manual.kind.setFocus()
        while manual.kind.currentText() != kind:
            before = manual.kind.currentIndex()
            qtbot.keyClick(manual.kind, Qt.Key.Key_Down)
            assert manual.kind.currentIndex() != before, f"no {kind!r} to choose"
        qtbot.keyClicks(manual.approval, approval)
        ok = manual.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    _when_open(ManualCardDialog, act, seen)
    qtbot.mouseClick(dialog.manual_btn, Qt.MouseButton.LeftButton)
    if "error" in seen:
        raise seen["error"]


def test_a_voucher_approved_on_a_standalone_terminal_is_keyed_in_with_its_kind(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The till's terminal is down (or there is none): the customer's mobile 온누리 is charged on
    the standalone terminal, and the cashier keys it in as that voucher — its own evidence
    (전자지급수단), its X line and VAT row — not as a plain card."""
    _accept(store, "onnuri,onnuri_mobile")
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)
    session.scan(APPLE_CODE)
    payments = Payments(session, None)  # no terminal at this till
    dialog = _dialog(qtbot, 21_400, payments)
    qtbot.keyClicks(dialog.amount, "20000")
    seen: dict[str, Any] = {}
    _key_in(qtbot, dialog, "온누리 모바일", "30012345", seen)
    (voucher,) = dialog.tenders
    assert (voucher.method.value, voucher.voucher_kind, voucher.amount) == (
        "card_manual",
        VoucherKind.ONNURI_MOBILE,
        20_000,
    )
    assert voucher.approval_no == "30012345"
    assert "온누리 모바일" in dialog.paid_list.item(0).text()
    assert "수기" in dialog.paid_list.item(0).text()
    qtbot.keyClicks(dialog.amount, "1400")
    qtbot.mouseClick(dialog.cash_btn, Qt.MouseButton.LeftButton)
    sale = payments.pay(dialog.tenders).sale
    e = next(r for r in _rows(store, sale.receipt_no) if r["voucher_kind"])
    assert (e["method"], e["evidence"], e["amount"]) == ("card_manual", "mobile_voucher", 20_000)
    x = session.x_report()
    assert [(v.method, v.count, v.amount) for v in x.e_vouchers] == [("onnuri_mobile", 1, 20_000)]
    today = calendar.today()
    fig = store.db.read(lambda uow: vat.vat_figures(uow, Period(today, today)))
    assert fig.row("e_payment").total == 20_000

    # its refund is cancelled on the standalone terminal too: the cancel's number typed, the
    # voucher's kind and evidence kept
    refund = payments.refund(
        sale.receipt_no,
        None,
        "반품",
        Approval(store.manager, "박지민", REFUND),
        typed_cancels={"30012345": "30099999"},
    )
    back = next(r for r in _rows(store, refund.receipt_no) if r["voucher_kind"])
    assert (back["method"], back["evidence"], back["amount"]) == (
        "card_manual",
        "mobile_voucher",
        -20_000,
    )
    assert (back["approval_no"], back["original_approval_no"]) == ("30099999", "30012345")


def test_a_keyed_in_voucher_the_store_does_not_take_or_worth_more_than_due_is_refused(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _accept(store, "onnuri_mobile")
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(GOCHUJANG_CODE)
    payments = Payments(session, None)
    dialog = _dialog(qtbot, 8_500, payments)
    seen: dict[str, Any] = {}
    _key_in(qtbot, dialog, "지역사랑 모바일 (서울사랑 등)", "30012345", seen)
    assert "이 매장은 지역사랑상품권(모바일)을(를) 받지 않습니다" in dialog.message.text()
    assert dialog.tenders == []
    # a card keyed in for more than is due: refused (a card gives no change), nothing kept
    qtbot.keyClicks(dialog.amount, "9000")
    qtbot.mouseClick(dialog.manual_btn, Qt.MouseButton.LeftButton)  # refused before it opens
    assert "카드는 남은 금액까지만 결제할 수 있습니다" in dialog.message.text()
    assert dialog.tenders == []
