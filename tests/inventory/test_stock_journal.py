"""Non-sale stock movements in the journal (issue 19 item 1): each posting of receiving, waste,
a count, a transfer or a supplier return is one entry on the back office's chain, and ``verify``
proves it both ways — the edits an insider with the database would make, each found (both
backends), in the manner of tests/test_verify_tamper.py."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from posapp.db.engine import Database, UnitOfWork
from posapp.domain import calendar
from posapp.inventory import counts, receiving, shelf, stock, stock_journal
from posapp.inventory.receiving import ReceiveLine
from posapp.sales import journal
from posapp.verify import VerifyReport, verify
from tests.conftest import Store, build_store
from tests.test_verify_tamper import _rehash_unkeyed


def _sql(db: Database, *statements: str, **params: object) -> None:
    def run(uow: UnitOfWork) -> None:
        for s in statements:
            uow.conn.execute(text(s), params)

    db.transact(run)


def _rows(db: Database, sql: str, **params: object) -> list[tuple[object, ...]]:
    return db.read(lambda uow: [tuple(r) for r in uow.conn.execute(text(sql), params)])


def _found(report: VerifyReport, *words: str) -> bool:
    return any(all(w in p for w in words) for p in report.problems())


def _stock_entries(db: Database) -> list[tuple[object, ...]]:
    return _rows(
        db,
        "SELECT register_id, seq, doc_uuid, payload FROM journal WHERE doc_type = 'stock'"
        " ORDER BY seq",
    )


@pytest.fixture
def office(db: Database) -> Store:
    """The test store (four receipts on the back office's chain) plus one of each posting."""
    store = build_store(db)
    today = calendar.today()

    def work(uow: UnitOfWork) -> None:
        receiving.receive(
            uow,
            [
                ReceiveLine(store.gochujang, 6, today + dt.timedelta(days=200), 5_000, "G-2"),
                ReceiveLine(store.salt, 4, None, 3_000, "S-1"),
            ],
            user_id=store.manager,
        )
        stock.record_waste(uow, store.apple, 1, "spoiled", user_id=store.manager)
        stock.transfer(
            uow,
            store.gochujang,
            2,
            from_location="floor",
            to_location="store_room",
            user_id=store.manager,
        )
        lot = uow.conn.execute(text("SELECT id FROM lots WHERE lot_code = 'S-1'")).scalar_one()
        shelf.return_to_supplier(uow, lot, 1, "포장 불량", user_id=store.manager)
        c = counts.start_count(uow, user_id=store.manager, product_ids=[store.apple, store.beef])
        counts.record_count(uow, c.id, store.apple, 9)  # 7 on hand: +2
        counts.record_count(uow, c.id, store.beef, 4_500)  # 5,000 g on hand: −500
        counts.post_count(uow, c.id, user_id=store.manager)

    db.transact(work)
    return store


def test_every_non_sale_posting_is_one_entry_on_the_back_office_chain(office: Store) -> None:
    db = office.db
    report = verify(db)
    assert report.ok, report.problems()
    entries = _stock_entries(db)
    assert {e[0] for e in entries} == {"BO"}
    assert [e[1] for e in entries] == list(range(1, len(entries) + 1))
    kinds = [json.loads(str(e[3]))["doc_type"] for e in entries]
    # build_store's four lots; the goods receipt of two lines (one posting); waste, transfer,
    # supplier return; the count: its gain posted by the ledger, its loss taken first-expiring
    # first
    assert kinds[:4] == ["receipt"] * 4
    assert sorted(kinds[4:]) == ["count", "count", "receipt", "return", "transfer", "waste"]
    received = [json.loads(str(e[3])) for e in entries[4:] if '"receipt"' in str(e[3])]
    assert len(received[0]["moves"]) == 2
    # every movement not of a sale is named exactly once, with its product, lot and quantity
    named = {}
    for e in entries:
        for uuid, pid, lot, qty in json.loads(str(e[3]))["moves"]:
            assert uuid not in named
            named[uuid] = (pid, lot, qty)
    ledger = {
        str(u): (p, lot, q)
        for u, p, lot, q in _rows(
            db,
            "SELECT uuid, product_id, lot_id, qty FROM stock_movements"
            " WHERE doc_type NOT IN ('sale', 'refund')",
        )
    }
    assert named == ledger
    # the transfer (out of one lot, into one of the store room) is one entry
    transfer = [json.loads(str(e[3])) for e in entries if '"transfer"' in str(e[3])]
    assert len(transfer) == 1 and len(transfer[0]["moves"]) == 2
    assert _rows(db, "SELECT name FROM registers WHERE id = 'BO'") == [("BO",)]


def test_a_movement_inserted_around_the_ledger_has_no_journal_entry(office: Store) -> None:
    """Five boxes of apples "received" by SQL, level and lot raised to match: the ledger adds
    up, the journal does not name the movement."""
    db = office.db
    lot = _rows(db, "SELECT id FROM lots WHERE product_id = :p LIMIT 1", p=office.apple)[0][0]
    _sql(
        db,
        "INSERT INTO stock_movements (uuid, product_id, lot_id, qty, kind, doc_type, doc_uuid,"
        " reason, created_at) VALUES ('00000000-0000-4000-8000-0000000000aa', :p, :l, 5,"
        " 'receipt', 'receipt', '', '', '2026-12-01 00:00:00')",
        "UPDATE stock_levels SET on_hand = on_hand + 5 WHERE product_id = :p",
        "UPDATE lots SET qty_on_hand = qty_on_hand + 5 WHERE id = :l",
        p=office.apple,
        l=lot,
    )
    report = verify(db)
    assert report.ledger == []
    assert _found(report, "00000000-0000-4000-8000-0000000000aa", "has no journal entry"), (
        report.problems()
    )


def test_a_deleted_movement_leaves_its_entry_naming_nothing(office: Store) -> None:
    """The waste written off is deleted (and the level and lot put back): the entry still
    names it."""
    db = office.db
    uuid, pid, lot, qty = _rows(
        db,
        "SELECT uuid, product_id, lot_id, qty FROM stock_movements WHERE doc_type = 'waste'",
    )[0]
    _sql(
        db,
        "DELETE FROM stock_movements WHERE uuid = :u",
        "UPDATE stock_levels SET on_hand = on_hand - :q WHERE product_id = :p",
        "UPDATE lots SET qty_on_hand = qty_on_hand - :q WHERE id = :l",
        u=uuid,
        q=qty,
        p=pid,
        l=lot,
    )
    report = verify(db)
    assert report.ledger == []
    assert _found(report, str(uuid), "which the ledger does not hold"), report.problems()
    assert _found(report, "journal BO", "is missing"), report.problems()


def _move_by(db: Database, mid: object, pid: object, lot: object, delta: int) -> None:
    """A movement's quantity changed with its level and lot, so the ledger still adds up."""
    _sql(
        db,
        "UPDATE stock_movements SET qty = qty + :d WHERE id = :m",
        "UPDATE stock_levels SET on_hand = on_hand + :d WHERE product_id = :p",
        "UPDATE lots SET qty_on_hand = qty_on_hand + :d WHERE id = :l",
        d=delta,
        m=mid,
        p=pid,
        l=lot,
    )


def test_an_edited_quantity_or_lot_differs_from_its_entry(office: Store) -> None:
    db = office.db
    mid, pid, lot = _rows(
        db,
        "SELECT id, product_id, lot_id FROM stock_movements WHERE doc_type = 'receipt'"
        " AND product_id = :p ORDER BY id DESC LIMIT 1",
        p=office.gochujang,
    )[0]
    # fewer received than were: one jar taken home, level and lot lowered with it
    _move_by(db, mid, pid, lot, -1)
    report = verify(db)
    assert report.ledger == []
    assert _found(report, "journal BO", "differs from its journal entry"), report.problems()
    _move_by(db, mid, pid, lot, +1)
    assert verify(db).ok
    # the same units moved to the other lot of the product (its expiry "fresher")
    other = _rows(
        db,
        "SELECT id FROM lots WHERE product_id = :p AND id <> :l ORDER BY id LIMIT 1",
        p=pid,
        l=lot,
    )[0][0]
    _sql(
        db,
        "UPDATE lots SET qty_on_hand = qty_on_hand - (SELECT qty FROM stock_movements"
        " WHERE id = :m) WHERE id = :l",
        "UPDATE lots SET qty_on_hand = qty_on_hand + (SELECT qty FROM stock_movements"
        " WHERE id = :m) WHERE id = :o",
        "UPDATE stock_movements SET lot_id = :o WHERE id = :m",
        m=mid,
        l=lot,
        o=other,
    )
    report = verify(db)
    assert report.ledger == []
    assert _found(report, "journal BO", "differs from its journal entry"), report.problems()


def test_a_waste_reason_rewritten_differs(office: Store) -> None:
    _sql(office.db, "UPDATE stock_movements SET reason = 'sample' WHERE doc_type = 'waste'")
    assert _found(verify(office.db), "journal BO", "differs from its journal entry")


def test_the_entry_rewritten_and_rehashed_without_the_key(office: Store) -> None:
    """The insider lowers the journaled quantity with the movement, then re-hashes the chain
    with plain SHA-256 (no key): the links no longer hold."""
    db = office.db

    def edit(uow: UnitOfWork) -> None:
        c = uow.conn
        eid, payload = c.execute(
            text("SELECT id, payload FROM journal WHERE payload LIKE '%\"waste\"%'")
        ).one()
        doc = json.loads(payload)
        doc["moves"][0][3] += 1  # −1 → 0 written off
        edits = {
            "UPDATE stock_movements SET qty = :q WHERE uuid = :u": {
                "q": doc["moves"][0][3],
                "u": doc["moves"][0][0],
            },
            "UPDATE journal SET payload = :p WHERE id = :i": {
                "p": journal.canonical(doc),
                "i": eid,
            },
        }
        for sql, params in edits.items():
            c.execute(text(sql), params)
        _rehash_unkeyed(c)

    db.transact(edit)
    report = verify(db)
    assert _found(report, "journal BO", "does not match"), report.problems()


def test_a_count_of_many_lines_is_one_entry(db: Database) -> None:
    store = build_store(db)
    before = len(_stock_entries(db))

    def work(uow: UnitOfWork) -> None:
        c = counts.start_count(uow, user_id=store.manager)
        for pid in (store.apple, store.gochujang, store.salt):
            counts.record_count(uow, c.id, pid, 20)  # all gains: one posting
        counts.post_count(uow, c.id, user_id=store.manager)

    db.transact(work)
    entries = _stock_entries(db)[before:]
    assert len(entries) == 1
    assert len(json.loads(str(entries[0][3]))["moves"]) == 3
    assert verify(db).ok


def _as_before_this_version(db: Database) -> None:
    """The database as a version without stock postings in the journal left it."""
    _sql(
        db,
        "DELETE FROM journal WHERE register_id = 'BO'",
        "DELETE FROM journal_heads WHERE register_id = 'BO'",
        "DELETE FROM store_meta WHERE key = 'stock_journal'",
    )
    for engine_heads in journal._HEADS.values():
        engine_heads.pop("BO", None)


def test_the_upgrade_journals_earlier_movements_once(office: Store) -> None:
    db = office.db
    movements = len(
        _rows(db, "SELECT id FROM stock_movements WHERE doc_type NOT IN ('sale','refund')")
    )
    _as_before_this_version(db)
    assert _found(verify(db), "has no journal entry")
    done = db.transact(stock_journal.upgrade)
    assert done and f"{movements} earlier stock movements journaled" in done[0]
    report = verify(db)
    assert report.ok, report.problems()
    assert _rows(db, "SELECT count(*) FROM audit_events WHERE action = 'stock.journaled'") == [(1,)]
    # once done, a movement written around the ledger later is never journaled after the fact
    _sql(
        db,
        "INSERT INTO stock_movements (uuid, product_id, lot_id, qty, kind, doc_type, doc_uuid,"
        " reason, created_at) VALUES ('00000000-0000-4000-8000-0000000000bb', :p, NULL, 3,"
        " 'adjust', 'waste', '', '', '2026-12-01 00:00:00')",
        "UPDATE stock_levels SET on_hand = on_hand + 3 WHERE product_id = :p",
        p=office.salt,
    )
    assert db.transact(stock_journal.upgrade) == []
    # nor when the mark is deleted: only movements older than the chain's first are taken
    _sql(db, "DELETE FROM store_meta WHERE key = 'stock_journal'")
    assert db.transact(stock_journal.upgrade) == []
    assert _found(verify(db), "0000000000bb", "has no journal entry")


def test_the_z_anchors_the_back_office_chain_too(office: Store) -> None:
    """The last stock posting deleted with its movements, the stock put back to match and the
    back office's head wound back: the chain alone is consistent again, but the Z closed after
    the posting printed (and its keyed audit event keeps) the back office's head — verify finds
    the chain ending before it."""
    from posapp.sales import register_report, shifts

    db = office.db
    z = db.transact(
        lambda uow: shifts.close_shift(uow, office.shift_id, office.cashier, {10_000: 10})
    )
    seq, digest = _rows(db, "SELECT seq, hash FROM journal_heads WHERE register_id = 'BO'")[0]
    assert z.stock_head == journal.short_head(int(str(seq)), str(digest))
    paper = register_report.format_report(z, 42)
    assert f"재고 기록 검증값 {z.stock_head}" in " ".join(paper.split())
    assert verify(db).ok
    delete_last_posting(db)
    report = verify(db)
    assert _found(report, "journal BO", "the Z"), report.problems()


def delete_last_posting(db: Database) -> None:
    """An insider's edit: the back office's last stock posting deleted with its movements,
    stock levels and lots put back to match, the chain's head wound back one entry."""
    ((seq,),) = _rows(db, "SELECT seq FROM journal_heads WHERE register_id = 'BO'")
    (doc_uuid,) = _rows(
        db, "SELECT doc_uuid FROM journal WHERE register_id = 'BO' AND seq = :s", s=seq
    )[0]
    moves = _rows(
        db,
        "SELECT product_id, lot_id, qty FROM stock_movements WHERE doc_uuid = :u",
        u=doc_uuid,
    )
    for pid, lot, qty in moves:
        _sql(
            db, "UPDATE stock_levels SET on_hand = on_hand - :q WHERE product_id = :p", q=qty, p=pid
        )
        if lot is not None:
            _sql(db, "UPDATE lots SET qty_on_hand = qty_on_hand - :q WHERE id = :l", q=qty, l=lot)
    (prev,) = _rows(
        db, "SELECT hash FROM journal WHERE register_id = 'BO' AND seq = :s", s=int(str(seq)) - 1
    )[0]
    _sql(
        db,
        "DELETE FROM stock_movements WHERE doc_uuid = :u",
        "DELETE FROM journal WHERE doc_uuid = :u AND register_id = 'BO'",
        u=doc_uuid,
    )
    _sql(
        db,
        "UPDATE journal_heads SET seq = :s, hash = :h WHERE register_id = 'BO'",
        s=int(str(seq)) - 1,
        h=prev,
    )
    for engine_heads in journal._HEADS.values():
        engine_heads.pop("BO", None)
