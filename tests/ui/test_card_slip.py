"""The card slip a card company accepts: 일시불 or 할부 asked only from ₩50,000 (the tender
dialog's choice, sent to the terminal), and 카드사, 매입사, 가맹점번호, 승인일시 and the masked
number on the receipt, decoded from the bytes the network printer received."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from posapp.config import Settings
from posapp.hardware.card_terminal import from_uri
from posapp.hardware.print_queue import PrintQueue
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.inventory import catalog
from posapp.ui.tasks import SyncRunner
from posapp.ui.tender_dialog import TenderDialog
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import ReceiptPrinting
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, Store
from tests.support.fake_terminal import FakeTerminal


def test_instalments_from_50_000_and_the_slip_fields_on_paper(
    qtbot, store: Store, tmp_path: Path, fake: FakeTerminal, emulator: PrinterEmulator
) -> None:  # type: ignore[no-untyped-def]
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    beef = store.db.read(lambda uow: catalog.product_by_plu(uow, "00101"))
    assert beef is not None
    session.add_product(beef, grams=437)  # ₩55,936
    queue = PrintQueue(EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?mode=native")))
    printing = ReceiptPrinting(session, queue, Settings(), 80)
    payments = Payments(session, from_uri(fake.uri), printing=printing, installment_from=50_000)
    dialog = TenderDialog(55_936, payments=payments, runner=SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.amount, "30000")
    assert not dialog.installment.isEnabled()  # under ₩50,000: 일시불 only, not asked
    dialog.amount.clear()
    assert dialog.installment.isEnabled()  # the whole ₩55,936 by card: 할부 may be chosen
    dialog.installment.setFocus()
    qtbot.keyClick(dialog.installment, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.installment, Qt.Key.Key_Down)
    assert dialog.installment.currentText() == "3개월"
    qtbot.mouseClick(dialog.card_btn, Qt.MouseButton.LeftButton)
    (approve,) = fake.of("approve")
    assert approve["installment_months"] == 3
    (card,) = dialog.tenders
    sale = payments.pay([card]).sale
    try:
        assert queue.wait_idle(10)
        (printed,) = emulator.wait_for_receipts(1, timeout=5)
        text = printed.document.text()
    finally:
        queue.close()
    for words in (
        "9410-12**-****-5678",
        "카드사 신한카드",
        "매입사 BC카드",
        "가맹점번호 123456789",
        "승인일시 ",
        "할부 3개월",
        f"승인번호 {card.approval_no}",
    ):
        assert words in text, words
    assert sale.payments[0].merchant_no == "123456789"


def test_a_small_card_payment_is_always_lump_sum(
    qtbot, store: Store, tmp_path: Path, fake: FakeTerminal
) -> None:  # type: ignore[no-untyped-def]
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    session.scan(APPLE_CODE)
    payments = Payments(session, from_uri(fake.uri))
    with pytest.raises(Exception) as caught:
        payments.approve_card(12_900, 3)
    assert getattr(caught.value, "code", "") == "tender.installment"
    assert fake.of("approve") == []  # refused before anything reached the terminal
