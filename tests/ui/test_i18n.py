"""UI translations: Korean source strings by default, English from posapp_en.qm when installed.

Widgets are built with the English translator installed, then again after it is removed; the
``english`` fixture always removes it so the other tests stay Korean. The catalogue tests check
that every message is translated with the same placeholders, and that the .ts/.qm are up to date
with the code (skipped when the Qt Linguist tools are not installed).
"""

from __future__ import annotations

import ast
import datetime as dt
import logging
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from posapp.domain.errors import DomainError
from posapp.sales.holds import HeldInfo
from posapp.sales.refunds import RefundableLine, SaleSummary
from posapp.ui import checkout, dialogs, i18n, ticket_view
from posapp.ui.customer_display import CustomerDisplay
from posapp.ui.tasks import SyncRunner
from posapp.ui.tender_dialog import ManualCardDialog, TenderDialog
from posapp.usecases.refund import RefundView

ROOT = Path(__file__).resolve().parents[2]
#: every module of the UI that translates (calls ``tr``): a new dialog is covered the day it is
#: written (a hand-kept list missed the exchange and tax-invoice dialogs for a session)
SOURCES = sorted(
    p
    for p in (ROOT / "posapp" / "ui").glob("*.py")
    if re.search(r"\b(tr|translate)\(", p.read_text(encoding="utf-8"))
)
I18N = Path(str(resources.files("posapp.resources") / "i18n"))
TS = I18N / "posapp_en.ts"
QM = I18N / "posapp_en.qm"
PLACEHOLDER = re.compile(r"\{(\w*)\}")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Korean literals that are data, not UI text (recorded in the database, printed in reports)
NOT_UI = {
    ("checkout.py", "계산대 취소"),
    # Qt's own texts that its Korean catalogue lacks, given in Korean (posapp.ui.i18n)
    ("i18n.py", "찾는 위치(&L):"),
    ("i18n.py", "파일 형식(&T):"),
    # the field names an error's data carries, matched to their boxes (not shown)
    ("tax_invoice_dialog.py", "상호"),
    ("tax_invoice_dialog.py", "대표자"),
    ("tax_invoice_dialog.py", "이메일"),
}


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    assert i18n.install_translator(qapp, "en")
    try:
        yield qapp
    finally:
        i18n.remove_translator(qapp)
    assert i18n.installed_locale(qapp) == "ko"


def _buttons(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text() for b in widget.findChildren(QPushButton)]


def _held() -> list[HeldInfo]:
    at = dt.datetime(2026, 11, 22, 0, 5, tzinfo=dt.UTC)  # 09:05 in Seoul
    return [
        HeldInfo(1, "", at, 12_900, 1, 1),
        HeldInfo(2, "손님 A", at, 34_300, 3, 1),
    ]


def _sale() -> SaleSummary:
    line = RefundableLine(
        line_id=1,
        line_no=1,
        product_id=1,
        name="순창 전통 고추장 1kg",
        unit="ea",
        qty=2,
        refunded_qty=0,
        net=25_800,
        refunded_net=0,
        tax_class="taxable",
    )
    at = dt.datetime(2026, 11, 22, 0, 5, tzinfo=dt.UTC)
    return SaleSummary(1, "u-1", "R01-20261122-0001", "sale", at, 25_800, (line,), ())


def _headers(widget) -> list[str]:  # type: ignore[no-untyped-def]
    table = widget.table
    return [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]


# --- the dialogs and the customer display, in English and back in Korean -------------------


def test_dialogs_in_english(english: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    tender = TenderDialog(12_900, payments=None, runner=SyncRunner())
    qtbot.addWidget(tender)
    assert tender.windowTitle() == "Payment"
    assert tender.cash_btn.text() == "Cash (F10)"
    assert tender.card_btn.text() == "Card (F11)"
    assert tender.manual_btn.text() == "Manual card"
    assert tender.receipt_btn.text() == "Cash receipt"
    assert tender.due_label.text() == "Amount due ₩12,900 · remaining ₩12,900"
    tender.pay_card()  # no terminal configured
    assert tender.message.text() == "No card terminal is set up: use 'Manual card'."
    tender.amount.setText("abc")
    tender.pay_cash()
    assert tender.message.text() == "Enter the amount as a number: 'abc'"

    pin = dialogs.PinDialog(
        tr("CheckoutWindow", "로그인"), tr("CheckoutWindow", "PIN을 입력하세요")
    )
    qtbot.addWidget(pin)
    assert pin.windowTitle() == "Sign in"
    assert pin.prompt.text() == "Enter your PIN"
    assert {"Clear", "OK", "0", "9"} <= set(_buttons(pin))

    count = dialogs.CountDialog(tr("CheckoutWindow", "근무 마감: 현금 세기"), expected=10_000)
    qtbot.addWidget(count)
    assert count.windowTitle() == "Close shift: count the cash"
    count.spins[10_000].setValue(1)
    count.spins[500].setValue(1)
    assert count.total.text() == "Total ₩10,500"
    assert count.diff.text() == "Expected ₩10,000 · over ₩500"

    discount = dialogs.DiscountDialog(tr("CheckoutWindow", "품목 할인"))
    qtbot.addWidget(discount)
    assert discount.windowTitle() == "Item discount"
    assert discount.won.text() == "₩"
    discount.value.setText("x")
    with pytest.raises(DomainError, match="Enter the discount as a number"):
        discount.discount()

    held = dialogs.HeldDialog(_held())
    qtbot.addWidget(held)
    assert held.windowTitle() == "Held tickets"
    assert [held.list.item(i).text() for i in range(2)] == [
        "09:05  Held  1 line  ₩12,900",
        "09:05  손님 A  3 lines  ₩34,300",
    ]

    refund = dialogs.RefundDialog(RefundView(_sale(), {}))
    qtbot.addWidget(refund)
    assert refund.windowTitle() == "Refund · R01-20261122-0001"
    assert _headers(refund) == ["Product", "Qty / weight", "Amount", "Refundable", "Refund"]
    assert refund.reason.placeholderText() == "Reason for the refund"

    manual = ManualCardDialog()
    qtbot.addWidget(manual)
    assert manual.windowTitle() == "Manual card entry"
    assert manual.approval.placeholderText() == "Approval number"

    text = dialogs.TextDialog(tr("CheckoutWindow", "X 리포트"), "X 리포트 본문", lambda: None)
    qtbot.addWidget(text)
    assert text.windowTitle() == "X report"
    assert "Print" in _buttons(text)

    display = CustomerDisplay([])
    qtbot.addWidget(display)
    assert display.windowTitle() == "I·Market·U — Customer display"
    assert display.promo_text.text() == "Welcome"

    model = ticket_view.TicketModel()
    headers = [
        model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for i in range(6)
    ]
    assert headers == ["#", "Product", "Qty", "Unit price", "Discount", "Amount"]
    assert checkout.explain(RuntimeError("boom")) == (
        "Something unexpected stopped this. Try again; if it goes on, tell the manager "
        "(the details are in the log)."
    )


def test_dialogs_back_in_korean(qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install_translator(qapp, "en")
    english = TenderDialog(12_900, payments=None, runner=SyncRunner())
    qtbot.addWidget(english)
    assert english.cash_btn.text() == "Cash (F10)"
    assert i18n.remove_translator(qapp)

    tender = TenderDialog(12_900, payments=None, runner=SyncRunner())
    qtbot.addWidget(tender)
    assert tender.windowTitle() == "결제"
    assert tender.cash_btn.text() == "현금 (F10)"
    assert tender.due_label.text() == "받을 금액 ₩12,900 · 남은 금액 ₩12,900"

    pin = dialogs.PinDialog("로그인", "PIN을 입력하세요")
    qtbot.addWidget(pin)
    assert {"지움", "확인"} <= set(_buttons(pin))

    count = dialogs.CountDialog("근무 마감: 현금 세기", expected=10_000)
    qtbot.addWidget(count)
    labels = [w.text() for w in count.findChildren(dialogs.QLabel)]
    assert "50,000원 지폐" in labels and "500원 동전" in labels
    assert count.diff.text() == "예상 ₩10,000 · 부족 -₩10,000"

    held = dialogs.HeldDialog(_held())
    qtbot.addWidget(held)
    assert held.list.item(0).text() == "09:05  보류  1건  ₩12,900"
    assert held.list.item(1).text() == "09:05  손님 A  3건  ₩34,300"

    refund = dialogs.RefundDialog(RefundView(_sale(), {}))
    qtbot.addWidget(refund)
    assert _headers(refund) == ["상품", "수량·중량", "금액", "환불 가능", "환불"]

    display = CustomerDisplay([])
    qtbot.addWidget(display)
    assert display.promo_text.text() == "어서 오세요"
    model = ticket_view.TicketModel()
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "상품명"


def test_checkout_window_in_english(english: QApplication, qtbot, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from posapp.app import build
    from posapp.config import Settings
    from posapp.hardware.printer import PreviewPrinter
    from posapp.ui.tasks import SyncRunner

    parts = build(store.db, Settings(), runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    try:
        window = parts.window
        qtbot.addWidget(window)
        assert window.sign_btn.text() == "Sign in (F1)"
        assert window.buttons["F2"].text() == "Quantity (F2)"
        assert window.buttons["F12"].text() == "Pay (F12)"
        assert window.buttons["Ctrl+D"].text() == "Open drawer (Ctrl+D)"
        assert "Not signed in" in window.who.text() and window.who.text().startswith("Register ")
        assert window.due.text() == "Amount due ₩0"
        assert window.totals.text().splitlines()[0] == "Items 0  Pieces 0"
        assert window.search.placeholderText().startswith("Scan or search")
        window.show_print_failure("paper out", lambda: None)
        assert window.banner_text.text() == "Printing failed: paper out — the sale has been saved."
    finally:
        parts.shutdown()


# --- the install function ----------------------------------------------------------------


def test_korean_installs_nothing(qapp: QApplication) -> None:
    assert i18n.install_translator(qapp, "ko")
    assert i18n.installed_locale(qapp) == "ko"
    assert not i18n.remove_translator(qapp)
    assert i18n.available_locales()[0] == "ko" and "en" in i18n.available_locales()


def test_locale_spellings(qapp: QApplication) -> None:
    try:
        for spelling in ("en", "en_US", "en-US", "EN"):
            assert i18n.install_translator(qapp, spelling)
            assert i18n.installed_locale(qapp) == "en"
        assert i18n.install_translator(qapp, "ko_KR")  # back to Korean: the translator goes
        assert i18n.installed_locale(qapp) == "ko"
    finally:
        i18n.remove_translator(qapp)


def test_unknown_locale_keeps_korean(qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="posapp.ui.i18n"):
        assert not i18n.install_translator(qapp, "fr")
    assert "unknown UI locale 'fr'" in caplog.text
    assert i18n.installed_locale(qapp) == "ko"
    assert tr("TenderDialog", "현금 (F10)") == "현금 (F10)"


def test_missing_catalogue_keeps_korean(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shutil.copy(TS, tmp_path / TS.name)  # the source is there, the compiled catalogue is not
    monkeypatch.setattr(i18n, "_catalogue_dir", lambda: tmp_path)
    assert i18n.available_locales() == ["ko"]
    with caplog.at_level(logging.WARNING, logger="posapp.ui.i18n"):
        assert not i18n.install_translator(qapp, "en")
    assert "posapp_en.qm is missing" in caplog.text
    assert i18n.installed_locale(qapp) == "ko"

    (tmp_path / QM.name).write_bytes(b"not a catalogue")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="posapp.ui.i18n"):
        assert not i18n.install_translator(qapp, "en")
    assert "cannot read catalogue" in caplog.text
    assert i18n.installed_locale(qapp) == "ko"


# --- the catalogue -----------------------------------------------------------------------


def _messages(ts: Path) -> dict[tuple[str, str], list[str] | None]:
    """(context, source) → translations (one, or one per plural form); None if unfinished."""
    out: dict[tuple[str, str], list[str] | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                texts = [f.text or "" for f in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            done = kind != "unfinished" and all(t.strip() for t in texts)
            out[(name, message.findtext("source") or "")] = texts if done else None
    return out


def test_every_message_translated_with_the_same_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    unfinished = [key for key, texts in messages.items() if texts is None]
    assert not unfinished, f"untranslated in {TS.name}: {unfinished}"
    for (context, source), texts in messages.items():
        assert texts is not None
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in texts:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (context, source, text)
            assert ("%n" in text) == ("%n" in source), (context, source, text)


def test_no_hard_coded_korean_in_the_ui() -> None:
    """Every Korean literal is the text of a tr()/translate()/QT_TRANSLATE_NOOP() call."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrapped: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if name in ("tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"):
                    wrapped.update(id(a) for a in node.args)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                wrapped.add(id(node.value))  # docstrings
            elif isinstance(node, ast.JoinedStr):
                wrapped.update(id(v) for v in node.values)  # reported with their f-string
            elif (
                isinstance(node, ast.AnnAssign)
                and getattr(node.target, "id", "") == "KO"
                and isinstance(node.value, ast.Dict)
            ):
                # a KO table holds the Korean side of the error words (posapp/ui/error_words/)
                wrapped.update(id(v) for v in node.value.values)
        for node in ast.walk(tree):
            text = None
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            elif isinstance(node, ast.JoinedStr):
                text = ast.unparse(node)
            unwrapped = text and id(node) not in wrapped and (path.name, text) not in NOT_UI
            if unwrapped and HANGUL.search(text):
                found.append((path.name, node.lineno, text))
    assert not found, f"hard-coded Korean (wrap it in self.tr): {found}"


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} not installed")
    return exe


def test_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """What pyside6-lupdate would extract now is exactly what the committed .ts holds."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            *map(str, SOURCES),
            "-source-language",
            "ko_KR",
            "-target-language",
            "en_US",
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        check=True,
    )
    committed, fresh = _messages(TS), _messages(copy)
    assert set(fresh) == set(committed), (
        f"run pyside6-lupdate (see {I18N / 'README.md'}): "
        f"new {sorted(set(fresh) - set(committed))}, gone {sorted(set(committed) - set(fresh))}"
    )


def test_qm_is_up_to_date_with_the_ts(tmp_path: Path) -> None:
    out = tmp_path / QM.name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see README.md)"
