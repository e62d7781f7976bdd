"""Save screenshots of the checkout, tender, refund and customer windows, and a printed
receipt, to docs/screenshots (offscreen; run with QT_QPA_PLATFORM=offscreen)."""

from __future__ import annotations

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
    _audit(db, out, app)
    parts["shutdown"]()
    print(f"screenshots in {out}")


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


if __name__ == "__main__":
    main()
