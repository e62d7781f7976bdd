"""Sales after a register's first one (PostgreSQL: the one-round-trip path of
posapp.sales.fastpath) write exactly what the general path writes, and stale hints are retried.

Run on SQLite too, where every sale takes the general path: the same expectations hold there.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import event, func, select, update

from posapp.db.engine import Database
from posapp.db.models import (
    JournalEntry,
    Lot,
    OutboxEvent,
    Product,
    Register,
    Sale,
    SaleLine,
    StockMovement,
)
from posapp.domain import calendar
from posapp.inventory import catalog, ledger
from posapp.sales import completion, fastpath, sale_records, shifts
from posapp.sales.sale_document import load_document
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store


def _sell(  # type: ignore[no-untyped-def]
    db: Database,
    store: Store,
    codes: list[tuple[str, int]],
    register: str = "R01",
    *,
    final: bool = False,
):
    """``final``: the sale's COMMIT is sent with its statements (fast path, PostgreSQL)."""
    t = Ticket()
    for code, qty in codes:
        t.add(db.read(lambda uow, c=code: catalog.scan(uow, c)).line.with_qty(qty))
    total = t.priced().total
    return db.transact(
        lambda uow: completion.complete_sale(
            uow,
            t,
            [Tender.cash(total)],
            register_id=register,
            user_id=store.cashier,
            final=final,
        )
    )


def _fast(db: Database, register: str = "R01") -> bool:
    day = calendar.business_day(dt.datetime.now(dt.UTC))
    with db.uow() as uow:
        return fastpath.plan(uow, register, day) is not None


def test_fefo_floor_lots_services_and_running_out(store: Store) -> None:
    db = store.db
    today = dt.date.today()

    def prepare(uow):  # type: ignore[no-untyped-def]
        # a store-room lot expiring first: the till must not take from it
        ledger.receive_lot(
            uow,
            store.gochujang,
            50,
            expiry_date=today + dt.timedelta(days=1),
            lot_code="G-room",
            location=ledger.STORE_ROOM,
        )
        # beef becomes a service (like a class fee): sold without stock
        uow.conn.execute(
            update(Product).where(Product.id == store.beef).values(stock_tracked=False)
        )

    db.transact(prepare)
    first = _sell(db, store, [(GOCHUJANG_CODE, 1)])
    assert first.receipt_no.endswith("-0001")
    assert _fast(db) == (db.dialect == "postgresql")
    # 2 apples from A-early (3), salt has no lot, 2 gochujang from the floor lot
    second = _sell(db, store, [(SALT_CODE, 2), (APPLE_CODE, 2), (GOCHUJANG_CODE, 2)], final=True)
    moves = [(m.product_id, m.qty) for m in second.movements]
    lotted = sorted([(store.apple, -2), (store.gochujang, -2)])
    assert moves == [*lotted, (store.salt, -2)]  # lots first (by product), then unlotted
    assert all(m.lot_id is not None for m in second.movements[:2])
    assert second.movements[2].lot_id is None
    # 7 apples: 1 left in A-early, 5 in A-late, 1 unlotted (flagged for a count)
    third = _sell(db, store, [(APPLE_CODE, 7)])
    lot_codes = db.read(lambda uow: dict(uow.conn.execute(select(Lot.id, Lot.lot_code)).all()))
    assert [(lot_codes.get(m.lot_id), m.qty) for m in third.movements] == [
        ("A-early", -1),
        ("A-late", -5),
        (None, -1),
    ]
    assert third.receipt_no.endswith("-0003")
    lots = db.read(lambda uow: dict(uow.conn.execute(select(Lot.lot_code, Lot.qty_on_hand)).all()))
    assert lots["A-early"] == 0 and lots["A-late"] == 0 and lots["G-room"] == 50
    assert db.read(lambda uow: catalog.stock_on_hand(uow, store.apple)) == -1
    # a service line: recorded on the sale, no stock movement, no level change
    beef = db.read(lambda uow: catalog.products_by_id(uow, [store.beef]))[store.beef]
    t = Ticket()
    t.add(beef.line(500))  # 500 g of a product that is now a service
    done = db.transact(
        lambda uow: completion.complete_sale(
            uow,
            t,
            [Tender.cash(t.priced().total)],
            register_id="R01",
            user_id=store.cashier,
        )
    )
    assert done.movements == ()
    beef_moves = db.read(
        lambda uow: uow.conn.execute(
            select(func.count()).where(StockMovement.doc_uuid == done.uuid)
        ).scalar()
    )
    assert beef_moves == 0
    # every document as the tables rebuild it, with its outbox event and register
    with db.uow(write=False) as uow:
        for sale in (first, second, third, done):
            doc = load_document(uow, sale.uuid)
            event = uow.conn.execute(
                select(OutboxEvent.payload, OutboxEvent.register_id).where(
                    OutboxEvent.doc_uuid == sale.uuid
                )
            ).one()
            assert event.payload == doc and event.register_id == "R01"
            n = uow.conn.execute(select(func.count()).where(SaleLine.sale_id == sale.id)).scalar()
            assert n == len(sale.lines)
    report = verify(db)
    assert report.ok, report


def test_two_processes_on_one_register_retry_stale_hints(store: Store) -> None:
    """Another engine (another process) selling on the same register makes this one's hints
    stale: the sale is retried through the general path, nothing is lost, no gap."""
    other = Database(store.db.url)
    try:
        receipts = []
        for k in range(6):
            db = store.db if k % 2 == 0 else other
            receipts.append(_sell(db, store, [(GOCHUJANG_CODE, 1)], final=k % 3 == 0).receipt_no)
            receipts.append(_sell(db, store, [(GOCHUJANG_CODE, 1)], final=k % 3 != 1).receipt_no)
        assert [int(r[-4:]) for r in receipts] == list(range(1, 13))
        assert store.db.read(lambda uow: catalog.stock_on_hand(uow, store.gochujang)) == -2
        report = verify(store.db)
        assert report.ok, report
    finally:
        other.dispose()


@pytest.mark.parametrize("final", [False, True])
def test_no_open_shift_on_the_fast_path_writes_nothing(store: Store, final: bool) -> None:
    db = store.db
    _sell(db, store, [(GOCHUJANG_CODE, 1)], final=final)
    _sell(db, store, [(GOCHUJANG_CODE, 1)], final=final)
    db.transact(lambda uow: shifts.close_shift(uow, store.shift_id, store.cashier, {}))
    with pytest.raises(sale_records.SaleError) as err:
        _sell(db, store, [(GOCHUJANG_CODE, 1)], final=final)
    assert err.value.code == "shift.not_open"
    assert (
        db.read(lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar()) == 2
    )
    assert db.read(lambda uow: catalog.stock_on_hand(uow, store.gochujang)) == 8
    db.transact(lambda uow: shifts.open_shift(uow, "R01", store.cashier, {}))
    assert _sell(db, store, [(GOCHUJANG_CODE, 1)]).receipt_no.endswith("-0003")
    report = verify(db)
    assert report.ok, report


def test_nothing_may_run_after_a_final_sale(store: Store) -> None:
    """A ``final`` sale's COMMIT went with it (PostgreSQL fast path): a write after it in the
    same unit of work is refused at the commit and not kept; the sale is."""
    db = store.db
    _sell(db, store, [(GOCHUJANG_CODE, 1)])
    t = Ticket()
    t.add(db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE)).line)

    def sell_then_write(uow):  # type: ignore[no-untyped-def]
        sale = completion.complete_sale(
            uow,
            t,
            [Tender.cash(t.priced().total)],
            register_id="R01",
            user_id=store.cashier,
            final=True,
        )
        uow.conn.execute(update(Register).where(Register.id == "R01").values(name="written after"))
        return sale

    if db.dialect == "postgresql":
        with pytest.raises(RuntimeError):
            db.transact(sell_then_write)
    else:  # the general path: one transaction as always
        db.transact(sell_then_write)
    sales = db.read(lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar())
    written = db.read(
        lambda uow: uow.conn.execute(
            select(func.count()).select_from(Register).where(Register.name == "written after")
        ).scalar()
    )
    assert sales == 2
    assert written == (0 if db.dialect == "postgresql" else 1)
    report = verify(db)
    assert report.ok, report


def _statements(db: Database, sell):  # type: ignore[no-untyped-def]
    """``sell()`` and the statements it sent through SQLAlchemy (the fast path sends its sale
    on the driver's own pipeline: none of its writes are counted)."""
    sent: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        return sell(), sent
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_a_marked_down_line_keeps_its_shelf_price_and_takes_the_fast_path(
    store: Store,
) -> None:
    """A marked-down ticket is written whole — ``shelf_price`` on its line, in its journal
    and outbox document — and on PostgreSQL in the one trip of an ordinary sale (the document
    carries the shelf price, the statement writes the lines from it)."""
    from posapp.inventory import lots

    db = store.db
    early = db.read(
        lambda uow: uow.conn.execute(select(Lot.id).where(Lot.lot_code == "A-early")).scalar_one()
    )
    first = _sell(db, store, [(GOCHUJANG_CODE, 1)])
    assert _fast(db) == (db.dialect == "postgresql")  # the register's state is known
    db.transact(lambda uow: lots.markdown_lot(uow, early, 30, user_id=store.manager))
    marked, marked_sql = _statements(
        db, lambda: _sell(db, store, [(APPLE_CODE, 2), (GOCHUJANG_CODE, 1)], final=True)
    )
    assert marked.total == 2 * 9_030 + 8_500
    assert [(ln.unit_price, ln.shelf_price) for ln in marked.lines] == [
        (9_030, 12_900),
        (8_500, None),
    ]
    assert _fast(db) == (db.dialect == "postgresql")  # still: its hints were kept up to date
    plain, plain_sql = _statements(db, lambda: _sell(db, store, [(GOCHUJANG_CODE, 2)], final=True))
    assert [s.receipt_no[-4:] for s in (first, marked, plain)] == ["0001", "0002", "0003"]
    if db.dialect == "postgresql":  # no write through SQLAlchemy: the one trip, as the plain sale
        for sql in (marked_sql, plain_sql):
            writes = [q for q in sql if q.lstrip().upper().startswith(("INSERT", "UPDATE"))]
            assert writes == [], writes
    rows = db.read(
        lambda uow: uow.conn.execute(
            select(
                SaleLine.sale_id, SaleLine.unit_price, SaleLine.shelf_price, SaleLine.gross
            ).order_by(SaleLine.sale_id, SaleLine.line_no)
        ).all()
    )
    assert [tuple(r) for r in rows] == [
        (first.id, 8_500, None, 8_500),
        (marked.id, 9_030, 12_900, 18_060),
        (marked.id, 8_500, None, 8_500),
        (plain.id, 8_500, None, 17_000),
    ]
    with db.uow(write=False) as uow:
        for sale in (first, marked, plain):
            sent = uow.conn.execute(
                select(OutboxEvent.payload).where(OutboxEvent.doc_uuid == sale.uuid)
            ).scalar_one()
            assert sent == load_document(uow, sale.uuid)
            journaled = uow.conn.execute(
                select(JournalEntry.payload).where(JournalEntry.doc_uuid == sale.uuid)
            ).scalar_one()
            assert json.loads(journaled) == sent
        assert [ln.get("shelf_price") for ln in load_document(uow, marked.uuid)["lines"]] == [
            12_900,
            None,
        ]
    report = verify(db)
    assert report.ok, report


def test_verify_covers_a_shelf_price_and_reads_a_sale_journaled_before_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shelf price is in the journaled document: an edited ``sale_lines.shelf_price``
    (a markdown made up on a reprint) is found. A sale written by the version before documents
    carried it (no ``shelf_price`` key in its journal entry) still verifies, with a note."""
    from posapp.inventory import lots
    from posapp.sales import sale_document

    db = store.db
    early = db.read(
        lambda uow: uow.conn.execute(select(Lot.id).where(Lot.lot_code == "A-early")).scalar_one()
    )
    db.transact(lambda uow: lots.markdown_lot(uow, early, 30, user_id=store.manager))
    with monkeypatch.context() as m:  # the previous version: no shelf price in the document
        m.setattr(sale_document, "_shelf", lambda line: {})
        old = _sell(db, store, [(APPLE_CODE, 1)])
    new = _sell(db, store, [(APPLE_CODE, 1)])
    report = verify(db)
    assert report.ok, report.problems()
    assert [n for n in report.notes if "shelf prices" in n] == [
        f"sale {old.receipt_no}: journaled before documents carried shelf prices "
        "(its markdowns are not covered by the journal)"
    ]

    db.transact(
        lambda uow: uow.conn.execute(
            update(SaleLine).where(SaleLine.sale_id == new.id).values(shelf_price=15_000)
        )
    )
    report = verify(db)
    assert any(new.uuid in p and "differs from its journal entry" in p for p in report.journal), (
        report.problems()
    )
