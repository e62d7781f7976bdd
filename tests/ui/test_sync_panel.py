"""The till with a real platform on 127.0.0.1: status in the top bar, sync now, online pick-up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from posapp.app import build
from posapp.config import PlatformSettings, Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.sales.tenders import Tender
from posapp.ui.sync_panel import OnlineOrdersDialog
from posapp.ui.tasks import SyncRunner
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.platform_server import TOKEN, ThreadedPlatform


def till(qtbot, store: Store, tmp_path: Path, url: str, token: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    settings = replace(
        Settings(),
        card=replace(Settings().card, terminal=""),
        platform=PlatformSettings(url=url, token=token),
    )
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path / "r"))
    qtbot.addWidget(parts.window)
    parts.window.show()
    return parts


def test_sales_reach_the_platform_and_orders_are_picked_up(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    platform = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    parts = till(qtbot, store, tmp_path, platform.url, TOKEN)
    window, session, worker = parts.window, parts.session, parts.sync
    try:
        session.sign_in("1111")
        window.on_scanned(APPLE_CODE)
        session.complete([Tender.cash(20_000)])
        worker.sync_now()
        qtbot.waitUntil(lambda: platform.store.stats()["documents"] == 1, timeout=10_000)
        qtbot.waitUntil(lambda: "동기화 완료" in window.sync_btn.text(), timeout=10_000)
        assert window.sync_btn.isVisible()

        placed = platform.store.place_order(
            [{"sku": GOCHUJANG_CODE, "name": "순창 고추장", "qty": 2, "unit_price": 8_500}],
            {"name": "이영희", "phone": "010-2345-6789"},
        )
        worker.sync_now()
        qtbot.waitUntil(lambda: bool(session.online_orders()), timeout=10_000)
        dialog = OnlineOrdersDialog(
            lambda: window.runner.db(session.online_orders),
            lambda ident: window.runner.db(lambda: session.pick_up(ident)),
            worker.sync_now,
            window.sync_btn.status,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.orders.count() == 1 and "이영희" in dialog.orders.item(0).text()
        dialog.grab().save(str(tmp_path / "orders.png"))
        dialog.hand_over()
        assert [o.order_no for o in dialog.handed] == [placed["order_no"]]
        assert "픽업 완료" in dialog.message.text() and not dialog.hand_btn.isEnabled()
        worker.sync_now()
        qtbot.waitUntil(
            lambda: platform.store.order(placed["uuid"])["store_status"] == "picked_up",
            timeout=10_000,
        )
    finally:
        parts.shutdown()
        platform.stop()


def test_a_wrong_token_shows_in_words_and_the_till_still_sells(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    platform = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    parts = till(qtbot, store, tmp_path, platform.url, "not-the-token")
    window, session = parts.window, parts.session
    try:
        qtbot.waitUntil(lambda: "오류" in window.sync_btn.text(), timeout=10_000)
        assert "token" in window.sync_btn.toolTip()
        session.sign_in("1111")
        window.on_scanned(APPLE_CODE)
        sale = session.complete([Tender.cash(20_000)])
        assert sale.receipt_no  # selling never waits for the platform
        parts.sync.sync_now()
        qtbot.waitUntil(lambda: "대기 1건" in window.sync_btn.text(), timeout=10_000)
    finally:
        parts.shutdown()
        platform.stop()


def test_sync_is_off_without_a_platform_url(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parts = till(qtbot, store, tmp_path, "", "")
    try:
        assert parts.sync is None and not parts.window.sync_btn.isVisible()
    finally:
        parts.shutdown()
