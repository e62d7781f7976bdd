"""Shelf windows and returns to suppliers (issue 20, item 6), on both backends.

순창장류 (직매입) delivers 4 고추장 at ₩5,000 three days ago; 장류 may stay 2 days on the shelf,
so this morning the lot is on the pull list (3 days ≥ 2) while the fixture's lot received today
is not. 3 jars go back (멍든 포장): stock −3, a return slip, and the supplier's settlement for
the period owes 20,000 − 3 × 5,000 = 5,000.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader

from posapp.domain import calendar
from posapp.inventory import partners, receiving, shelf
from posapp.inventory.stock import InventoryError
from posapp.reports import settlement
from posapp.reports.model import Filters, Period
from posapp.verify import verify
from tests.conftest import Store


def test_a_lot_past_its_window_is_pulled_and_returned(store: Store) -> None:
    today = calendar.today()
    three_ago = today - dt.timedelta(days=3)

    def setup(uow):  # type: ignore[no-untyped-def]
        sup = next(p.id for p in partners.list_producers(uow) if p.name == "순창장류")
        cat = next(c.id for c in partners.list_categories(uow) if c.name == "장류")
        receiving.receive(
            uow,
            [receiving.ReceiveLine(store.gochujang, 4, today + dt.timedelta(days=100), 5_000)],
            user_id=store.manager,
            supplier_id=sup,
            now=calendar.local_instant(three_ago, dt.time(9)),
        )
        shelf.set_shelf_days(uow, cat, 2, user_id=store.manager)
        return sup

    supplier = store.db.transact(setup)
    pulled = store.db.read(lambda uow: shelf.pull_list(uow, today=today))
    assert [(p.product, p.days_on_shelf, p.window, p.qty, p.supplier) for p in pulled] == [
        ("순창 전통 고추장 1kg", 3, 2, 4, "순창장류")
    ]
    assert (
        store.db.read(lambda uow: shelf.pull_list(uow, today=three_ago + dt.timedelta(days=1)))
        == []
    )
    lot = pulled[0].lot_id
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: shelf.return_to_supplier(uow, lot, 5, "멍든 포장", user_id=store.manager)
        )
    assert e.value.code == "inventory.lot_short"
    from posapp.auth.service import AuthError

    with pytest.raises(AuthError) as auth:  # a cashier may not, without a manager
        store.db.transact(
            lambda uow: shelf.return_to_supplier(uow, lot, 1, "멍든 포장", user_id=store.cashier)
        )
    assert auth.value.code == "auth.approval_required"
    back = store.db.transact(
        lambda uow: shelf.return_to_supplier(uow, lot, 3, "멍든 포장", user_id=store.manager)
    )
    assert (back.supplier, back.qty, back.unit_cost, back.amount) == ("순창장류", 3, 5_000, 15_000)
    left = store.db.read(lambda uow: shelf.pull_list(uow, today=today))
    assert [p.qty for p in left] == [1]
    assert verify(store.db).ok  # the ledger and the cached levels agree
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(shelf.return_slip_pdf(back))).pages)
    for needle in ("반 품 전 표", "순창장류", "순창 전통 고추장 1kg", "15,000원", "멍든 포장"):
        assert needle in text, needle
    (s,) = store.db.read(
        lambda uow: settlement.settle_suppliers(
            uow, Period(three_ago, today), Filters(producer_id=supplier), with_documents=True
        )
    )
    assert (s.received, s.returned_to_supplier, s.payable) == (20_000, 15_000, 5_000)
    assert [(d.kind, d.count, d.amount) for d in s.documents if d.kind == "supplier_return"] == [
        ("supplier_return", 3, -15_000)
    ]


def test_the_cli_sets_a_window_pulls_and_returns(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.reports.test_exports_cli import admin

    url = store.db.engine.url.render_as_string(hide_password=False)
    done = admin(url, "shelf", "days", "장류", "1", "--user", "박지민")
    assert done.returncode == 0, done.stderr.decode()
    assert "0 lot(s) to pull" in admin(url, "shelf", "pull").stdout.decode()  # received today
    lot = store.db.read(
        lambda uow: uow.conn.exec_driver_sql(
            f"SELECT id FROM lots WHERE product_id = {store.gochujang}"
        ).scalar()
    )
    slip = tmp_path / "slip.pdf"
    back = admin(
        url,
        "shelf",
        "return",
        str(lot),
        "2",
        "--reason",
        "파손",
        "--user",
        "박지민",
        "--slip",
        str(slip),
    )
    assert back.returncode == 0, back.stderr.decode()
    assert "returned 2" in back.stdout.decode() and slip.read_bytes().startswith(b"%PDF")
    refused = admin(url, "shelf", "return", str(lot), "2", "--reason", "파손", "--user", "김하늘")
    assert refused.returncode != 0 and b"Traceback" not in refused.stderr
