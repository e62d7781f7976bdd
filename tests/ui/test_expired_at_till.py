"""Expired lots at the checkout (issue 18, item 6), scanned with the wedge as a cashier does:
a warning in front of the cashier (the default), or refused until a manager's PIN approves it in
place (store policy ``expired_lots_block`` 1; the TOML's ``[sales] expired_lots`` is ignored).

Seen at the till: expired lots sold without a word (the demo has 92 past expiry; live abalone
5 days past).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.app import build
from posapp.config import Settings
from posapp.domain import calendar
from posapp.hardware.printer import PreviewPrinter
from posapp.inventory import ledger
from posapp.ui.tasks import SyncRunner
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.ui import test_checkout_flow as flow

till = flow.till


def expire_gochujang(store: Store, days: int = 5) -> dt.date:
    """A lot of gochujang past its date, on the floor: the one the till sells next (FEFO)."""
    expiry = calendar.today() - dt.timedelta(days=days)
    store.db.transact(
        lambda uow: ledger.receive_lot(uow, store.gochujang, 4, expiry_date=expiry, lot_code="OLD")
    )
    return expiry


def test_an_expired_lot_is_sold_with_a_warning_in_words(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    expiry = expire_gochujang(store)
    flow.sign_in(qtbot, window, script)
    flow.burst(qtbot, window.search, APPLE_CODE)  # in date: no word
    assert "유통기한" not in window.message.text()
    flow.burst(qtbot, window.search, GOCHUJANG_CODE)
    assert len(window.session.ticket.lines) == 2
    assert window.message.text() == (
        f"유통기한 지난 상품: 순창 전통 고추장 1kg (기한 {expiry.isoformat()}, 5일 지남)"
    )


@pytest.fixture
def blocking_till(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = Settings()
    settings = replace(
        settings,
        card=replace(settings.card, terminal=""),
        # a till's TOML saying "warn" changes nothing: the store's policy blocks
        sales=replace(settings.sales, expired_lots="warn", customer_display=False),
    )
    from posapp import store_policy

    store.db.transact(
        lambda uow: store_policy.change(uow, {"expired_lots_block": 1}, store.manager)
    )
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = flow.Script()
    window.ask = script  # type: ignore[assignment]
    yield window, script
    parts.shutdown()


def test_an_expired_lot_needs_a_manager_when_the_store_blocks_it(
    qtbot,  # type: ignore[no-untyped-def]
    blocking_till,
    store: Store,
) -> None:
    window, script = blocking_till
    expiry = expire_gochujang(store)
    flow.sign_in(qtbot, window, script)
    script.push("pin", None)  # the cashier calls a manager, who is not there: cancelled
    flow.burst(qtbot, window.search, GOCHUJANG_CODE)
    assert window.session.ticket.lines == []
    assert "유통기한이 지난 상품입니다: 순창 전통 고추장 1kg" in window.message.text()
    script.push("pin", "1111")  # a cashier's PIN does not approve it
    flow.burst(qtbot, window.search, GOCHUJANG_CODE)
    assert window.session.ticket.lines == []
    script.push("pin", "2222")  # the manager, in place
    flow.burst(qtbot, window.search, GOCHUJANG_CODE)
    assert [ln.product_id for ln in window.session.ticket.lines] == [store.gochujang]
    assert window.message.text() == (
        f"유통기한 지난 상품: 순창 전통 고추장 1kg (기한 {expiry.isoformat()}) — 박지민 승인"
    )
    assert script.asked.count("pin") == 4  # sign-in, then one question per refused scan
