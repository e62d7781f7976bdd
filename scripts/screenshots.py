"""Save screenshots of the checkout, tender, refund and customer windows, and a printed
receipt, to docs/screenshots (offscreen; run with QT_QPA_PLATFORM=offscreen)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
tmp = Path(tempfile.mkdtemp(prefix="posapp-shots-"))
os.environ["POSAPP_DATA_DIR"] = str(tmp / "data")
os.environ["POSAPP_LOG_DIR"] = str(tmp / "log")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from posapp.app import build
    from posapp.bootstrap import open_database
    from posapp.config import load_settings
    from posapp.demo import load_demo
    from posapp.sales.tenders import Method, Tender
    from posapp.sync.worker import SyncStatus
    from posapp.ui.dialogs import RefundDialog, TenderDialog
    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.tasks import SyncRunner

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setFont(app_font(register_fonts()))
    settings = load_settings(Path("/nonexistent.toml"), environ={})
    settings = replace(settings, card=replace(settings.card, terminal=""))
    db = open_database(settings)
    load_demo(db, days=1, sales_per_day=20)
    parts = build(db, settings, runner=SyncRunner())
    window, session = parts["window"], parts["session"]
    session.sign_in("1111")
    session.open_shift({50_000: 2, 10_000: 10, 5_000: 6, 1_000: 20, 500: 10, 100: 20})
    for code in ("8801281000190", "8801281000237"):
        session.scan(code)
    beef = next(p for p in session.search("ㅎㅅ ㅎㅇ", 5) if p.unit.is_weighed)
    session.add_product(beef, 437)
    window._refresh()
    window.show()
    window.set_sync_status(
        SyncStatus(enabled=True, online=True, sent=20, last_success=dt.datetime.now(dt.UTC))
    )
    window.search.setText("ㅇㅈ ㅅㄱ")
    window._on_search_text("ㅇㅈ ㅅㄱ")
    app.processEvents()
    window.grab().save(str(out / "checkout.png"))
    window.search.clear()
    window.results.hide()
    total = session.priced().total
    tender = TenderDialog(total, card_approve=None, parent=window)
    tender.tenders.append(
        Tender(
            Method.CARD_MANUAL, 100_000, approval_no="30012345", card_masked="9410-12**-****-5678"
        )
    )
    tender.paid_list.addItem("카드(수기) ₩100,000 9410-12**-****-5678 승인 30012345")
    tender.amount.setText("100000")
    tender.due_label.setText(f"받을 금액 ₩{total:,} · 남은 금액 ₩{total - 100_000:,}")
    tender.show()
    app.processEvents()
    tender.grab().save(str(out / "tender.png"))
    tender.close()
    sale = session.complete(
        [
            Tender(
                Method.CARD_MANUAL,
                100_000,
                approval_no="30012345",
                card_masked="9410-12**-****-5678",
            ),
            Tender.cash(-(-(total - 100_000) // 10_000) * 10_000),
        ]
    )
    window.sale_completed.emit(sale)
    window.devices.print_sale(sale, False)
    parts["queue"].wait_idle(10)
    receipts = sorted((tmp / "data" / "receipts").glob("*.png"))
    if receipts:
        shutil.copy(receipts[-1], out / "receipt-80mm.png")
    refund = RefundDialog(session.find_sale(sale.receipt_no), window)
    refund.show()
    app.processEvents()
    refund.grab().save(str(out / "refund.png"))
    refund.close()
    display = parts["display"]
    display.show()
    app.processEvents()
    display.grab().save(str(out / "customer-sale.png"))
    display._back_to_promotions()
    display.next_promotion()
    app.processEvents()
    display.grab().save(str(out / "customer-promotion.png"))
    online_orders(window, session, db, out)
    inventory_shots(db, out, app)
    reports_shots(db, out, app)
    parts["shutdown"]()
    print(f"screenshots in {out}")


def online_orders(window, session, db, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Two online orders pulled from the reference platform, waiting for pick-up."""
    from PySide6.QtWidgets import QApplication

    from posapp.sync.client import PlatformClient
    from posapp.sync.worker import SyncWorker
    from posapp.ui.sync_panel import OnlineOrdersDialog
    from tests.sync.platform import TOKEN, ThreadedPlatform

    platform = ThreadedPlatform(tmp / "platform.sqlite3").start()
    try:
        platform.store.place_order(
            [
                {"sku": "8801281000190", "name": "영주 사과 3kg", "qty": 1, "unit_price": 29_000},
                {"sku": "8801281000237", "name": "순창 고추장 1kg", "qty": 2, "unit_price": 12_500},
            ],
            {"name": "이영희", "phone": "010-2345-6789"},
        )
        platform.store.place_order(
            [{"sku": "8801281000190", "name": "영주 사과 3kg", "qty": 2, "unit_price": 29_000}],
            {"name": "Kim Minjun", "phone": "010-9876-5432"},
        )
        with PlatformClient(platform.url, TOKEN) as client:
            SyncWorker(db, lambda: client, "R01").pull(client)
        dialog = OnlineOrdersDialog(
            lambda: window.runner.db(session.online_orders),
            lambda ident: window.runner.db(lambda: session.pick_up(ident)),
            lambda: None,
            window.sync_btn.status,
            window,
        )
        dialog.show()
        QApplication.processEvents()
        dialog.grab().save(str(out / "online-orders.png"))
        dialog.close()
    finally:
        platform.stop()


def inventory_shots(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The manager's inventory window: products (low stock), expiring lots, a count."""
    from posapp.auth.service import list_users
    from posapp.inventory import counts
    from posapp.inventory.catalog import product_by_barcode
    from posapp.ui.inventory import InventoryWindow
    from posapp.ui.tasks import SyncRunner

    manager = next(u for u in db.read(list_users) if u.role == "manager")
    inv = InventoryWindow(db, SyncRunner(), user_id=manager.id, user_name=manager.name)
    inv.show()
    app.processEvents()
    inv.grab().save(str(out / "inventory-products.png"))
    inv.tabs.setCurrentIndex(1)
    app.processEvents()
    inv.grab().save(str(out / "inventory-expiring.png"))
    inv.tabs.setCurrentIndex(3)
    inv.start_count()
    c = inv.current_count
    for code, n in (("8801281000190", 3), ("8801281000237", 5)):
        p = db.read(lambda uow, code=code: product_by_barcode(uow.conn, code))
        if p is not None and c is not None:
            db.transact(lambda uow, p=p, n=n: counts.record_count(uow, c.id, p.id, n))
    inv._count_refresh()
    app.processEvents()
    inv.grab().save(str(out / "inventory-count.png"))
    inv.close()


def reports_shots(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The reports window: the dashboard, and the sales by region of the demo days."""
    from PySide6.QtCore import QDate

    from posapp.ui.reports import ReportsWindow
    from posapp.ui.tasks import SyncRunner

    rep = ReportsWindow(db, SyncRunner(), register_id="R01", user_name="박지민")
    rep.show()
    app.processEvents()
    rep.grab().save(str(out / "reports-dashboard.png"))
    rep.tabs.setCurrentIndex(1)
    rep.kind.setCurrentIndex(rep.kind.findData("region"))
    today = rep._today()
    rep.start.setDate(QDate(today.year, today.month, today.day).addDays(-7))
    rep.run_report()
    app.processEvents()
    rep.grab().save(str(out / "reports-region.png"))
    rep.kind.setCurrentIndex(rep.kind.findData("hourly"))
    rep.run_report()
    app.processEvents()
    rep.grab().save(str(out / "reports-hourly.png"))
    rep.close()


if __name__ == "__main__":
    main()
