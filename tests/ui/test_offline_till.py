"""A till on PostgreSQL whose line to the server is cut mid-shift (a real TCP proxy): the screen
says 오프라인, the cashier sells on with scans and the tender dialog, the receipts print with
offline numbers and the drawer opens; when the line is mended the sales reach the server and,
through its outbox, the online platform — each exactly once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from posapp.app import build
from posapp.config import PlatformSettings, Settings
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.db.models import Sale, StockMovement
from posapp.hardware.printer import PreviewPrinter
from posapp.sales.tenders import Tender
from posapp.ui.tasks import SyncRunner
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, build_store
from tests.support.platform_server import TOKEN, ThreadedPlatform
from tests.support.tcpproxy import proxy_to_postgres
from tests.ui.test_checkout_flow import Script, burst, sign_in

pytestmark = [pytest.mark.slow, pytest.mark.fault]


def test_cut_line_sell_on_and_catch_up(qtbot, pg_schema_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    direct = Database(pg_schema_url)
    migrate(direct.engine)
    store = build_store(direct)
    proxy = proxy_to_postgres()
    till_db = Database(proxy.url_for(pg_schema_url))
    platform = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    settings = replace(
        Settings(),
        card=replace(Settings().card, terminal=""),
        platform=PlatformSettings(url=platform.url, token=TOKEN),
    )
    printer = PreviewPrinter(tmp_path / "receipts")
    parts = build(till_db, settings, runner=SyncRunner(), printer=printer)
    window, session, forwarder = parts.window, parts.session, parts.forwarder
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    try:
        assert forwarder is not None
        forwarder.probe_s = 0.2
        qtbot.waitUntil(session.spool.ready, timeout=10_000)  # the first snapshot
        assert not window.offline_label.isVisible()
        sign_in(qtbot, window, script)
        burst(qtbot, window.search, APPLE_CODE)
        script.push("tender", ([Tender.cash(20_000)], None))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert "완료" in window.message.text()

        proxy.cut()
        burst(qtbot, window.search, APPLE_CODE)  # answered by the spool
        burst(qtbot, window.search, GOCHUJANG_CODE)
        assert window.model.rowCount() == 2
        qtbot.waitUntil(lambda: window.offline_label.isVisible(), timeout=10_000)
        assert "오프라인" in window.offline_label.text()
        script.push("tender", ([Tender.cash(30_000)], None))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert "완료" in window.message.text(), window.message.text()
        assert session.last_sale.receipt_no.endswith("-O0001")
        burst(qtbot, window.search, GOCHUJANG_CODE)
        script.push("tender", ([Tender.cash(10_000)], None))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert session.last_sale.receipt_no.endswith("-O0002")
        qtbot.waitUntil(lambda: "2건" in window.offline_label.text(), timeout=10_000)
        window.grab().save(str(tmp_path / "offline.png"))
        parts.queue.wait_idle(10)
        assert len(list((tmp_path / "receipts").glob("*.png"))) == 3
        assert len(printer.drawer_opened) == 3
        qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
        assert "오프라인" in window.message.text()  # the X report needs the server: said so

        proxy.mend()
        qtbot.waitUntil(lambda: not session.offline, timeout=15_000)
        qtbot.waitUntil(lambda: not window.offline_label.isVisible(), timeout=10_000)
        count = direct.read(
            lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar()
        )
        assert count == 3
        sold = direct.read(
            lambda uow: uow.conn.execute(
                select(func.sum(StockMovement.qty)).where(
                    StockMovement.product_id == store.apple, StockMovement.kind == "sale"
                )
            ).scalar()
        )
        assert sold == -2  # one apple online, one offline: taken from stock once each
        parts.sync.sync_now()
        qtbot.waitUntil(lambda: platform.store.stats()["documents"] == 3, timeout=15_000)
    finally:
        parts.shutdown()
        platform.stop()
        till_db.dispose()
        direct.dispose()
        proxy.close()


def test_a_till_restarted_during_the_outage_starts_offline(
    qtbot, pg_schema_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from posapp.bootstrap import open_database, start_offline

    direct = Database(pg_schema_url)
    migrate(direct.engine)
    build_store(direct)
    proxy = proxy_to_postgres()
    base = Settings()
    settings = replace(
        base,
        database=replace(base.database, url=proxy.url_for(pg_schema_url)),
        card=replace(base.card, terminal=""),
    )
    printer = PreviewPrinter(tmp_path / "receipts")
    db = open_database(settings)  # the morning: online, the snapshot is taken
    parts = build(db, settings, runner=SyncRunner(), printer=printer)
    qtbot.waitUntil(parts.session.spool.ready, timeout=10_000)
    parts.shutdown()
    db.dispose()

    proxy.cut()
    with pytest.raises(Exception):  # noqa: B017 - whatever the driver raises: it cannot connect
        open_database(settings)
    db = start_offline(settings)
    assert db is not None
    parts = build(db, settings, runner=SyncRunner(), printer=printer)
    window, session = parts.window, parts.session
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    try:
        assert session.offline
        parts.forwarder.probe_s = 0.2
        qtbot.waitUntil(lambda: window.offline_label.isVisible(), timeout=10_000)
        sign_in(qtbot, window, script)  # against the spool's copy of the users
        assert session.shift is not None  # the shift the till had open, from the snapshot
        burst(qtbot, window.search, GOCHUJANG_CODE)
        script.push("tender", ([Tender.cash(10_000)], None))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert session.last_sale.receipt_no.endswith("-O0001"), window.message.text()

        proxy.mend()
        qtbot.waitUntil(lambda: not session.offline, timeout=15_000)
        numbers = direct.read(lambda uow: list(uow.conn.execute(select(Sale.receipt_no)).scalars()))
        assert numbers == [session.last_sale.receipt_no]
    finally:
        parts.shutdown()
        db.dispose()
        direct.dispose()
        proxy.close()
