"""Save screenshots of the checkout, tender, refund and customer windows, and a printed
receipt, to docs/screenshots (offscreen, on a 1366×768 screen unless QT_QPA_PLATFORM says
otherwise)."""

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
if "QT_QPA_PLATFORM" not in os.environ:  # offscreen on a till's usual monitor, 1366×768
    from tests.support.layout_probe import screen_config

    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(1366, 768)}"
tmp = Path(tempfile.mkdtemp(prefix="posapp-shots-"))
os.environ["POSAPP_DATA_DIR"] = str(tmp / "data")
os.environ["POSAPP_LOG_DIR"] = str(tmp / "log")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from posapp.app import build
    from posapp.bootstrap import open_database
    from posapp.config import load_settings
    from posapp.demo import load_demo
    from posapp.sales.offline.forwarder import OfflineState
    from posapp.sales.tenders import Method, Tender
    from posapp.sync.worker import SyncStatus
    from posapp.ui.dialogs import RefundDialog
    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.i18n import install_qt_translations
    from posapp.ui.tasks import SyncRunner
    from posapp.ui.tender_dialog import TenderDialog

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setFont(app_font(register_fonts()))
    install_qt_translations(app, "ko")  # Qt's own buttons (확인/취소), as the app does
    settings = load_settings(Path("/nonexistent.toml"), environ={})
    settings = replace(settings, card=replace(settings.card, terminal=""))
    db = open_database(settings)
    load_demo(db, days=1, sales_per_day=20)
    parts = build(db, settings, runner=SyncRunner())
    window, session = parts.window, parts.session
    session.sign_in("1111")
    session.open_shift({50_000: 2, 10_000: 10, 5_000: 6, 1_000: 20, 500: 10, 100: 20})
    for code in ("8801281000190", "8801281000237"):
        session.scan(code)
    beef = next(p for p in session.search("ㅎㅅ ㅎㅇ", 5) if p.unit.is_weighed)
    session.add_product(beef, 437)
    window.refresh()
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
    # the top bar while the store's PostgreSQL cannot be reached (posapp.sales.offline); the
    # state is the one the forwarder publishes — this demo till itself runs on SQLite
    window.set_offline_state(OfflineState(offline=True, queued=3, failed=0))
    app.processEvents()
    window.grab().save(str(out / "checkout-offline.png"))
    window.set_offline_state(OfflineState(offline=False, queued=0, failed=0))
    total = session.priced().total
    tender = TenderDialog(total, payments=None, runner=SyncRunner(), parent=window)
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
    parts.till.printing.print_sale(sale, False)
    parts.queue.wait_idle(10)
    receipts = sorted((tmp / "data" / "receipts").glob("*.png"))
    if receipts:
        shutil.copy(receipts[-1], out / "receipt-80mm.png")
    refund = RefundDialog(session.refund_view(sale.receipt_no), window)
    refund.show()
    app.processEvents()
    refund.grab().save(str(out / "refund.png"))
    refund.close()
    display = parts.display
    display.show()
    app.processEvents()
    display.grab().save(str(out / "customer-sale.png"))
    display._back_to_promotions()
    display.next_promotion()
    app.processEvents()
    display.grab().save(str(out / "customer-promotion.png"))
    online_orders(window, session, db, out)
    inventory_shots(db, out, app)
    classes_shots(db, out, app)
    _audit(db, out, app)
    reports_shots(db, out, app)
    settings_shots(db, out, app)
    parts.shutdown()
    print(f"screenshots in {out}")


def online_orders(window, session, db, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Two online orders pulled from the reference platform, waiting for pick-up."""
    from PySide6.QtWidgets import QApplication

    from posapp.sync.client import PlatformClient
    from posapp.sync.worker import SyncWorker
    from posapp.ui.sync_panel import OnlineOrdersDialog
    from tests.support.platform_server import TOKEN, ThreadedPlatform

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
    from posapp.ui.inventory_window import InventoryWindow
    from posapp.ui.tasks import SyncRunner
    from posapp.usecases.inventory import InventoryUseCases

    manager = next(u for u in db.read(list_users) if u.role == "manager")
    inv = InventoryWindow(
        InventoryUseCases.build(db),
        SyncRunner(),
        user_id=manager.id,
        user_name=manager.name,
        documents_dir=tmp / "documents",  # the PDFs made on the way (purchase order, labels)
        open_file=lambda path: None,
    )
    inv.show()
    app.processEvents()
    inv.grab().save(str(out / "inventory-products.png"))
    inv.table.selectRow(0)
    inv.history_selected()
    app.processEvents()
    inv.history_dialog.grab().save(str(out / "inventory-history.png"))
    inv.history_dialog.close()
    inv.tabs.setCurrentIndex(1)
    app.processEvents()
    inv.grab().save(str(out / "inventory-expiring.png"))
    inv.tabs.setCurrentIndex(3)
    inv.start_count()
    c = inv.current_count
    for code, n in (("8801281000190", 3), ("8801281000237", 5)):
        p = db.read(lambda uow, code=code: product_by_barcode(uow, code))
        if p is not None and c is not None:
            db.transact(lambda uow, p=p, n=n: counts.record_count(uow, c.id, p.id, n))
    inv._count_refresh()
    app.processEvents()
    inv.grab().save(str(out / "inventory-count.png"))
    inventory_dialog_shots(inv, out, app)
    inv.close()


def classes_shots(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The classes window: the week calendar with a session chosen, and the month view; the
    roster PDF of that session."""
    from posapp.classes import bookings as bk
    from posapp.classes.policy import ClassPolicy
    from posapp.classes.rosters import roster_pdf
    from posapp.ui.classes import ClassesWindow
    from posapp.ui.tasks import SyncRunner
    from posapp.usecases.classes import Classes

    first = db.read(
        lambda uow: __import__("posapp.classes.schedule", fromlist=["x"]).list_sessions(
            uow, dt.date.today(), dt.date.today() + dt.timedelta(days=30)
        )
    )[0]
    win = ClassesWindow(
        Classes(db, ClassPolicy(), register_id=None),
        SyncRunner(),
        user_id=None,
        today=first.local_start.date(),
    )
    win.show()
    win.select(first)
    win.table.selectRow(0)
    app.processEvents()
    win.grab().save(str(out / "classes-week.png"))
    shots = {}

    def shoot_edit(dlg):  # type: ignore[no-untyped-def]
        dlg.show()
        app.processEvents()
        shots["edit"] = dlg.grab()
        return 0  # cancelled: nothing changes

    win.exec_dialog = shoot_edit  # type: ignore[method-assign]
    win.edit_session()
    if "edit" in shots:
        shots["edit"].save(str(out / "classes-edit.png"))
    win.toggle_view()
    app.processEvents()
    win.grab().save(str(out / "classes-month.png"))
    rows = db.read(lambda uow: bk.list_bookings(uow, first.uuid))
    (out / "class-roster.pdf").write_bytes(roster_pdf(first, rows))
    win.close()


def _audit(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The audit log browser over the demo's events (and a permission change)."""
    from posapp import audit
    from posapp.auth import permissions
    from posapp.auth.service import user_by_name
    from posapp.ui.audit import AuditBrowser
    from posapp.ui.tasks import SyncRunner

    admin = db.read(lambda uow: user_by_name(uow, "관리자")).id  # the demo's admin
    db.transact(lambda uow: permissions.grant(uow, admin, "cashier", "void", register_id="R01"))
    browser = AuditBrowser(
        lambda flt: db.read(lambda uow: audit.list_events(uow, flt)),
        SyncRunner(),
        actions=db.read(audit.actions),
    )
    browser.resize(1024, 600)
    browser.show()
    browser.refresh()
    app.processEvents()
    browser.grab().save(str(out / "audit.png"))
    browser.close()


def inventory_dialog_shots(inv, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The product edit dialog (with a price change in its history) and 산지·생산자."""
    from posapp.usecases.inventory_products import ProductEdit

    inv.tabs.setCurrentIndex(0)
    inv.search.setText("고추장")
    inv.apply_filter()
    app.processEvents()
    inv.table.selectRow(0)
    p = inv.selected_product()
    if p is not None:
        inv.inventory.products.save(p.id, ProductEdit(price=p.price + 500), user_id=inv.user_id)
        inv.edit_selected()
        d = inv.product_dialog
        d.show()
        app.processEvents()
        d.grab().save(str(out / "inventory-product-edit.png"))
        d.close()
    inv.search.clear()
    inv.apply_filter()
    inv.tabs.setCurrentWidget(inv.partners)
    app.processEvents()
    inv.partners.region_table.selectRow(0)
    inv.grab().save(str(out / "inventory-partners.png"))
    inv.partners.edit_region()
    inv.partners.dialog.show()
    app.processEvents()
    inv.partners.dialog.grab().save(str(out / "inventory-region-edit.png"))
    inv.partners.dialog.close()
    order_shots(inv, out, app)


def order_shots(inv, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """발주: a draft with suggested quantities for the supplier with the most, then sent (PDF
    saved in the temporary documents folder)."""
    tab = inv.orders
    inv.tabs.setCurrentWidget(tab)
    app.processEvents()
    orders = inv.inventory.orders
    best = max(orders.order_list().suppliers, key=lambda s: len(orders.suggestions(s.id)))
    tab.supplier.setCurrentIndex(tab.supplier.findData(best.id))
    tab.new_order()
    for row in range(tab.lines.rowCount()):
        tab.lines.item(row, 4).setText(f"{(row + 3) * 1_150:,}")
    tab.save_lines()
    app.processEvents()
    inv.grab().save(str(out / "inventory-order-draft.png"))
    tab.send()
    app.processEvents()
    inv.grab().save(str(out / "inventory-order-sent.png"))
    stock_shots(inv, out, app)


def stock_shots(inv, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The floor ↔ store room transfer and a lot markdown (its label PDF is saved)."""
    inv.tabs.setCurrentIndex(0)
    inv.table.selectRow(0)
    inv.transfer_selected()
    inv.transfer_dialog.qty.setValue(6)
    inv.transfer_dialog.show()
    app.processEvents()
    inv.transfer_dialog.grab().save(str(out / "inventory-transfer.png"))
    inv.transfer_dialog.close()
    inv.tabs.setCurrentIndex(1)
    inv.lots.selectRow(0)
    inv.markdown_selected()
    d = inv.markdown_dialog
    d.percent.setValue(40)
    d.show()
    app.processEvents()
    d.grab().save(str(out / "inventory-markdown.png"))
    d.buttons.accepted.emit()
    app.processEvents()
    inv.grab().save(str(out / "inventory-expiring-markdown.png"))
    label_shots(inv, out, app)


def label_shots(inv, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The label dialog: barcode labels for three products, five labels of the sheet used."""
    inv.tabs.setCurrentIndex(0)
    inv.table.clearSelection()
    inv.table.selectRow(0)
    inv.print_labels()
    d = inv.label_dialog
    for row in (1, 2):
        r = inv.model.rows[row]
        d.entries.append(type(d.entries[0])(r.id, r.name_ko, r.barcode, 2))
    d.set_entries(d.entries)
    d.kind.setCurrentIndex(d.kind.findData("barcode"))
    d.skip.setValue(5)
    d.show()
    app.processEvents()
    d.grab().save(str(out / "inventory-labels.png"))
    d.buttons.accepted.emit()
    app.processEvents()
    import_shots(inv, out, app)


def import_shots(inv, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The CSV import refused with its per-row report (nothing imported)."""
    bad = tmp / "products-bad.csv"
    bad.write_text(
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point\n"
        "8801234500067,고창 복분자주 375ml,,고창군,고창복분자,주류,병,15000,과세,3\n"
        "8801234500074,,,고창군,고창복분자,주류,ea,1.5,과세,3\n"
        "8801234500075,고창 수박 1통,,고창군,고창수박,과일,ea,25000,면세,2\n",
        encoding="utf-8",
    )
    inv.import_export()
    d = inv.import_dialog
    d.start(bad)
    d.show()
    app.processEvents()
    d.grab().save(str(out / "inventory-import-errors.png"))
    d.close()


def inventory_only() -> None:
    """``screenshots.py inventory``: only the inventory window and its dialogs (faster)."""
    from PySide6.QtWidgets import QApplication

    from posapp.bootstrap import open_database
    from posapp.config import load_settings
    from posapp.demo import load_demo
    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.i18n import install_qt_translations

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setFont(app_font(register_fonts()))
    install_qt_translations(app, "ko")  # Qt's own buttons (확인/취소), as the app does
    db = open_database(load_settings(Path("/nonexistent.toml"), environ={}))
    load_demo(db, days=1, sales_per_day=20)
    inventory_shots(db, out, app)
    print(f"screenshots in {out}, documents in {tmp / 'documents'}")


def reports_shots(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The reports window: the dashboard, and the sales by region of the demo days."""
    from PySide6.QtCore import QDate

    from posapp.ui.reports import ReportsWindow
    from posapp.ui.tasks import SyncRunner
    from posapp.usecases.reports import Reports

    rep = ReportsWindow(Reports(db, register_id="R01"), SyncRunner(), user_name="박지민")
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


def settings_shots(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The settings screen after a connection test of this database, and the price change."""
    from posapp import till_setup
    from posapp.ui.dialogs import PriceDialog
    from posapp.ui.settings import SettingsDialog
    from posapp.ui.tasks import SyncRunner
    from posapp.usecases.settings import TillSettings, TillSetup

    runner = SyncRunner()
    setup = till_setup.from_settings(load_settings_for_shots())
    setup = replace(
        setup,
        register_id="R02",
        register_name="2번 계산대 (입구)",
        printer_kind="network",
        printer_host="192.168.0.50",
        scanner_kind="serial",
        scanner_device="/dev/ttyACM0",
        database_url=db.url,
        platform_url="https://platform.imarketu.kr",
    )

    class Shown(TillSettings):  # the setup above, never saved
        def read(self) -> TillSetup:
            return setup

        def token_where(self) -> str:
            return "파일 (0600)"

    d = SettingsDialog(Shown(db, Path("posapp.toml"), locales=("ko", "en")), runner, actor_id=0)
    d.show()
    d.test_connection()
    app.processEvents()
    d.grab().save(str(out / "settings.png"))
    d.close()
    price = PriceDialog("순창 찹쌀고추장 1kg", 8_500, 8_500)
    price.price.setText("7,000")
    price.reason.setCurrentIndex(1)
    price.show()
    app.processEvents()
    price.grab().save(str(out / "price-override.png"))
    price.close()
    staff_shots(db, out, app)


def staff_shots(db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """The staff screen (Ctrl+Shift+U): the people, and the grid of what each role may do."""
    from posapp.auth.service import user_by_name
    from posapp.ui.staff import StaffDialog
    from posapp.ui.tasks import SyncRunner
    from posapp.usecases.staff import StaffAdmin

    admin = db.read(lambda uow: user_by_name(uow, "관리자"))
    d = StaffDialog(StaffAdmin(db, register_id="R01"), SyncRunner(), actor_id=admin.id)
    d.refresh()
    d.show()
    d.table.selectRow(0)
    app.processEvents()
    d.grab().save(str(out / "staff.png"))
    d.tabs.setCurrentIndex(1)
    app.processEvents()
    d.grab().save(str(out / "staff-permissions.png"))
    d.close()


def load_settings_for_shots():  # type: ignore[no-untyped-def]
    from posapp.config import load_settings

    return load_settings(Path("/nonexistent.toml"), environ={})


def settings_only() -> None:
    """``screenshots.py settings``: only the settings, price change and staff screens (faster)."""
    from PySide6.QtWidgets import QApplication

    from posapp.bootstrap import open_database
    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.i18n import install_qt_translations

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setFont(app_font(register_fonts()))
    install_qt_translations(app, "ko")  # Qt's own buttons (확인/취소), as the app does
    db = open_database(load_settings_for_shots())
    from posapp.demo import has_data, load_demo

    if not has_data(db):  # the staff screen shows the demo's people
        load_demo(db, days=1, sales_per_day=5)
    settings_shots(db, out, app)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    only = {"inventory": inventory_only, "settings": settings_only}
    only.get(sys.argv[1] if sys.argv[1:] else "", main)()
