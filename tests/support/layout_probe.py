"""Open every window and dialog of the till on a screen of a given size and say what does not
fit: run in its own process, because the offscreen platform's screen size is fixed when the
QApplication starts (``QT_QPA_PLATFORM=offscreen:configfile=…``, Qt 6.5+).

    python -m tests.support.layout_probe WIDTH HEIGHT OUT.json [SHOTS_DIR]

Each window is shown as the app shows it (its own size, fitted to the screen), then checked:
its minimum size fits the screen (less a title bar), its frame lies on the screen, and every
visible control (buttons, fields, lists, tables, tab bars, labels) lies inside the window
(:func:`posapp.ui.screen_fit.outside`). The result is a JSON object: window name → list of
problems (empty: fits). ``SHOTS_DIR`` also saves a PNG of each window.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any


def screen_config(width: int, height: int) -> str:
    path = Path(tempfile.mkdtemp(prefix="posapp-screen-")) / "screen.json"
    path.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": True,
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": "till",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    return str(path)


class _Answers:
    """The checkout's questions answered as an admin would (every screen opens)."""

    def pin(self, title: str, prompt: str) -> str:
        return "9999"

    def __getattr__(self, name: str) -> Any:
        return lambda *a, **k: None


def _backup_news(db: Any) -> None:
    """A scheduled backup made, then one failed (a USB drive unplugged, a long path): the
    settings screen's 백업 group at its tallest."""
    import datetime as dt

    from posapp.backup import BackupError, sqlite_path
    from posapp.backup_pg import run_scheduled_sqlite

    source, at = sqlite_path(db.url), dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
    folder = Path(tempfile.mkdtemp(prefix="posapp-backups-"))
    run_scheduled_sqlite(db, source, folder, register="R01", every_hours=24, keep_days=14, now=at)
    gone = Path("/media/posapp/USB 드라이브 (매장 백오피스 백업용)/posapp-backups/아이마켓유 안국")
    with contextlib.suppress(BackupError):
        run_scheduled_sqlite(
            db, source, gone, register="R01", every_hours=24, keep_days=14,
            now=at + dt.timedelta(days=1),
        )  # fmt: skip


def _pull_list(db: Any) -> None:
    """Produce of the demo received three days ago with a one-day window for its category: the
    inventory window's 진열기한·반품 tab has lines to show (a long name, its supplier)."""
    import datetime as dt

    from posapp.domain import calendar
    from posapp.inventory import receiving, shelf

    def run(uow: Any) -> None:
        row = uow.conn.exec_driver_sql(
            "SELECT p.id, p.category_id, p.producer_id FROM products p "
            "WHERE p.category_id IS NOT NULL AND p.producer_id IS NOT NULL "
            "ORDER BY length(p.name_ko) DESC, p.id LIMIT 1"
        ).first()
        if row is None:
            return
        day = calendar.today() - dt.timedelta(days=3)
        admin = uow.conn.exec_driver_sql("SELECT id FROM users ORDER BY id LIMIT 1").scalar()
        receiving.receive(
            uow,
            [receiving.ReceiveLine(row[0], 12, calendar.today() + dt.timedelta(days=30), 1_500)],
            user_id=admin,
            supplier_id=row[2],
            now=calendar.local_instant(day, dt.time(9)),
        )
        shelf.set_shelf_days(uow, row[1], 1, user_id=admin)

    db.transact(run)


TOUCH_DIALOGS = {"no-receipt-reason", "manual-card", "tender", "tender-tax-invoice"}
TOUCH_DIALOGS |= {"tax-invoice-buyer", "classes-tax-invoice", "quick-keys"}
TOUCH_DIALOGS |= {"refund", "exchange", "receipt-number", "count", "price-check"}
"""Dialogs also checked as a finger and an eye meet them (:func:`too_small`)."""

TOUCH_PARTS: dict[str, Any] = {
    "settings": lambda w: [w.save_btn, w.close_btn],
    "classes": lambda w: [
        *(w.prev_btn, w.today_btn, w.next_btn, w.room, w.view_btn, w.new_btn, w.edit_btn)
    ],
}
"""Large windows whose named controls are checked so (the rest is a back-office form)."""


def too_small(window: Any, only: list[Any] | None = None) -> list[str]:
    """What a person at the till cannot use in ``window`` (or in just the controls ``only``):
    a button, choice, number box or field under 40 px high (a finger's), a field whose hint
    (placeholder) is cut off, two of the window's own controls on top of each other (a layout
    squeezed below its minimum, as a wrapped label does to a dialog sized for it unwrapped)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QWidget,
    )

    def within(kind: Any) -> list[Any]:
        if only is None:
            return list(window.findChildren(kind))
        return [w for w in only if isinstance(w, kind)]

    found = []
    for w in within(QAbstractButton) + within(QComboBox) + within(QAbstractSpinBox):
        if isinstance(w.parentWidget(), QAbstractItemView):  # a table's select-all corner
            continue
        if w.isVisible() and w.height() < 40:
            found.append(
                f"{type(w).__name__}({w.text() if hasattr(w, 'text') else ''!r}) only {w.height()} px high"
            )
    if only is None:
        own = [
            w
            for w in window.findChildren(QWidget)
            if w.parentWidget() is window and w.isVisible() and not w.isWindow()
        ]
        for i, a in enumerate(own):
            for b in own[i + 1 :]:
                if a.geometry().intersects(b.geometry()):
                    found.append(f"{type(a).__name__} and {type(b).__name__} overlap")
    for e in within(QLineEdit):
        if not e.isVisible() or isinstance(e.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        parent = e.parentWidget()
        if parent is not None and not parent.rect().contains(e.geometry()):
            found.append(
                f"field {e.placeholderText()[:20]!r} cut off by its parent"
                f" ({e.geometry().getRect()} in {parent.rect().getRect()})"
            )
        if e.height() < 40:
            found.append(f"field {e.placeholderText()[:20]!r} only {e.height()} px high")
        hint = e.fontMetrics().horizontalAdvance(e.placeholderText())
        if hint > e.width() - 12:  # the frame and the text margins
            found.append(
                f"field hint {e.placeholderText()[:20]!r} cut off ({hint} > {e.width() - 12} px)"
            )
    return found


def probe(width: int, height: int, shots: Path | None) -> dict[str, list[str]]:
    from PySide6.QtWidgets import QApplication, QTableView, QWidget

    from posapp.app import build
    from posapp.bootstrap import open_database
    from posapp.config import load_settings
    from posapp.demo import load_demo
    from posapp.ui import dialogs
    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.i18n import install_qt_translations
    from posapp.ui.office_dialogs import CashMoveDialog, PriceCheckDialog
    from posapp.ui.screen_fit import FRAME_H, available, outside, show_fitted
    from posapp.ui.tasks import SyncRunner
    from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
    from posapp.ui.tender_dialog import ManualCardDialog, TenderDialog
    from posapp.usecases.payment import VoucherKind
    from posapp.usecases.tax_invoice import Buyer

    app = QApplication.instance() or QApplication([])
    app.setFont(app_font(register_fonts()))
    install_qt_translations(app, "ko")
    settings = load_settings(Path("/nonexistent.toml"), environ={})
    settings = replace(
        settings,
        card=replace(settings.card, terminal=""),
        sales=replace(settings.sales, customer_display=False),
    )
    db = open_database(settings)
    load_demo(db, days=1, sales_per_day=5)
    _backup_news(db)
    _pull_list(db)
    parts = build(db, settings, runner=SyncRunner())
    window, session = parts.window, parts.session
    window.ask = _Answers()  # type: ignore[assignment]
    session.sign_in("9999")
    session.open_shift({10_000: 10})
    for p in session.search("ㅅㄱ", 6):
        if not p.unit.is_weighed:
            session.add_product(p, None)
    window.refresh()
    show_fitted(window)
    app.processEvents()
    room = available(window)
    problems: dict[str, list[str]] = {}

    def check(name: str, w: QWidget) -> None:
        app.processEvents()
        found: list[str] = []
        hint = w.minimumSizeHint()
        if hint.width() > room.width() or hint.height() > room.height() - FRAME_H:
            found.append(f"minimum size {hint.width()}x{hint.height()} > screen")
        frame = w.frameGeometry()
        if not room.contains(frame):
            found.append(f"frame {frame.getRect()} not on screen {room.getRect()}")
        found.extend(outside(w))
        problems[name] = found
        if shots is not None:
            w.grab().save(str(shots / f"{name}-{width}x{height}.png"))

    check("checkout", window)
    table = window.table  # the ticket: 단가, 할인, 금액 in view, no sideways scrolling
    if table.horizontalScrollBar().maximum() > 0:
        problems["checkout"].append("ticket columns hidden (scrolls sideways)")
    name_width = table.columnWidth(1)
    if name_width < 150:
        problems["checkout"].append(f"product name column only {name_width} px")
    total = session.priced().total
    parts.screens.open_inventory()
    parts.screens.open_classes()
    parts.screens.open_reports()
    window.open_settings()
    window.open_staff()
    app.processEvents()
    names = {
        "InventoryWindow": "inventory",
        "ClassesWindow": "classes",
        "ReportsWindow": "reports",
        "SettingsDialog": "settings",
        "StaffDialog": "staff",
    }
    for w in QApplication.topLevelWidgets():
        name = names.get(type(w).__name__)
        if name and w.isVisible():
            check(name, w)
            if name in TOUCH_PARTS:
                problems[name].extend(too_small(w, TOUCH_PARTS[name](w)))
            if name == "inventory":
                tabs = w.tabs  # type: ignore[attr-defined]
                for i in range(1, tabs.count()):
                    tabs.setCurrentIndex(i)
                    check(f"inventory-tab{i}", w)
            if name == "classes":  # a session's roster: every column in view
                booked = [s for s in w.sessions if s.seats_taken]  # type: ignore[attr-defined]
                if booked:
                    w.select(booked[0])  # type: ignore[attr-defined]
                    check("classes-roster", w)
                    roster = w.table  # type: ignore[attr-defined]
                    app.processEvents()
                    if roster.horizontalScrollBar().maximum() > 0:
                        problems["classes-roster"].append("roster scrolls sideways")
    small: list[tuple[str, QWidget]] = [
        ("tender", TenderDialog(total, payments=None, runner=SyncRunner(), parent=window)),
        ("pin", dialogs.PinDialog("관리자 승인", "PIN", window)),
        ("count", dialogs.CountDialog("근무 마감: 현금 세기", 150_000, window)),
        ("discount", dialogs.DiscountDialog("품목 할인", window)),
        ("price", dialogs.PriceDialog("영주 사과 3kg", 29_000, 29_000, window)),
        (
            "text",
            dialogs.TextDialog("X 리포트", "\n".join(["X 리포트"] * 60), lambda: None, window),
        ),
        ("held", dialogs.HeldDialog([], window)),
        ("cash-move", CashMoveDialog(parent=window)),
    ]
    prices, sync = window.prices, SyncRunner()
    price_check = PriceCheckDialog(
        lambda code: sync.db(lambda: prices.look(code)),
        lambda text: sync.db(lambda: prices.search(text, 30)),
        lambda product: sync.db(lambda: prices.of(product)),
        window,
    )
    code = db.read(
        lambda uow: uow.conn.exec_driver_sql(
            "SELECT code FROM product_barcodes ORDER BY id LIMIT 1"
        ).scalar()
    )
    if code:
        price_check.take_scan(str(code))  # an answer shown: name, price, stock, lots
    small.append(("price-check", price_check))
    receipt_no = db.read(
        lambda uow: uow.conn.exec_driver_sql(
            "SELECT receipt_no FROM sales WHERE kind = 'sale' ORDER BY id LIMIT 1"
        ).scalar()
    )
    if receipt_no:
        small.append(("refund", dialogs.RefundDialog(session.refund_view(receipt_no), window)))
        small.append(
            (
                "exchange",
                dialogs.RefundDialog(session.refund_view(receipt_no), window, exchange=True),
            )
        )
    small.append(("receipt-number", dialogs.ReceiptNumberDialog(window)))
    invoiced = TenderDialog(total, payments=None, runner=SyncRunner(), parent=window)
    invoiced.set_tax_invoice(
        Buyer("2208112341", "한결상사 주식회사 선물사업부", "김한결", "a@b.kr")
    )
    small.append(("tender-tax-invoice", invoiced))
    buyer = TaxInvoiceBuyerDialog(
        window,
        receipt_no=str(receipt_no or "R01-20261203-0001"),
        note="2026-12-03 판매: 2027-01-11까지 요청할 수 있습니다 (다음 달 10일).",
    )
    buyer.message.setText("사업자등록번호가 올바르지 않습니다 (10자리, 검증번호 확인).")
    small.append(("tax-invoice-buyer", buyer))
    from posapp.ui.void_dialog import VoidReasonDialog
    from posapp.usecases import no_receipt as no_receipt_uc

    small.append(
        (
            "no-receipt-reason",
            VoidReasonDialog(
                no_receipt_uc.REASONS,
                window,
                title="영수증 없는 반품",
                prompt="반품 사유를 고르세요 · 현금 ₩27,000 지급",
            ),
        )
    )
    kinds = invoiced.e_voucher_kind  # the tender dialog's card / mobile vouchers, as 카드 수기
    small.append(
        (
            "manual-card",
            ManualCardDialog(
                window,
                [(kinds.itemText(i), VoucherKind(kinds.itemData(i))) for i in range(kinds.count())],
            ),
        )
    )
    small.append(
        (
            "classes-tax-invoice",
            TaxInvoiceBuyerDialog(
                window,
                receipt_no="",
                note="예약 BK000001 · 김서연 · 45,000원 (과세) — 계산대 결제 없이 계좌이체로 받습니다",
            ),
        )
    )
    window.edit_quick_keys()  # 관리 → 퀵키 편집, for the signed-in admin
    editor = getattr(window, "_quick_keys_editor", None)
    if editor is not None:
        small.append(("quick-keys", editor))
    window.find_receipt()
    if window.receipt_finder is not None:
        small.append(("receipt-finder", window.receipt_finder))
    for name, d in small:
        show_fitted(d)
        check(name, d)
        for t in d.findChildren(QTableView):  # every column in view: none scrolls sideways
            if t.isVisible() and t.horizontalScrollBar().maximum() > 0:
                problems[name].append(
                    f"table {t.objectName() or type(t).__name__} scrolls sideways"
                )
            rows = t.model().rowCount() if t.model() is not None else 0
            if (
                t.isVisible()
                and 0 < rows <= 4
                and t.verticalHeader().length() > t.viewport().height()
            ):
                problems[name].append(  # a refund's few lines: every one in view
                    f"table {t.objectName() or type(t).__name__} hides some of its {rows} lines"
                )
        if name in TOUCH_DIALOGS:
            problems[name].extend(too_small(d))
        d.close()
    parts.shutdown()
    return problems


def main(argv: list[str]) -> int:
    width, height, out = int(argv[0]), int(argv[1]), Path(argv[2])
    shots = Path(argv[3]) if len(argv) > 3 else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    if os.environ.get("POSAPP_PROBE_CHILD") != "1":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(width, height)}"
        os.environ["POSAPP_PROBE_CHILD"] = "1"
    tmp = Path(tempfile.mkdtemp(prefix="posapp-probe-"))
    os.environ["POSAPP_DATA_DIR"] = str(tmp / "data")
    os.environ["POSAPP_LOG_DIR"] = str(tmp / "log")
    os.environ["POSAPP_CONFIG_DIR"] = str(tmp / "config")
    out.write_text(json.dumps(probe(width, height, shots), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
