"""The 13 direct edits of issue 19, each made the way an insider with the database would, and
``verify`` finding each one (both backends). Before the keyed journal, 9 of them passed."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import Connection, text

from posapp.db.engine import Database, UnitOfWork
from posapp.inventory import catalog
from posapp.sales import completion, journal, refunds, shifts
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.verify import VerifyReport, verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store, build_store


def _sell(store: Store, code: str = GOCHUJANG_CODE, cash: int = 20_000) -> str:
    line = store.db.read(lambda uow: catalog.scan(uow, code).line)
    t = Ticket()
    t.add(line)
    done = store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(cash)], register_id="R01", user_id=store.cashier
        )
    )
    return str(done.receipt_no)


@pytest.fixture
def shop(db: Database) -> Store:
    store = build_store(db)
    _sell(store, APPLE_CODE)
    _sell(store)
    _sell(store)
    report = verify(db)
    assert report.ok, report.problems()
    return store


def _sql(db: Database, *statements: str, **params: object) -> None:
    def run(uow: UnitOfWork) -> None:
        for s in statements:
            uow.conn.execute(text(s), params)

    db.transact(run)


def _one(db: Database, sql: str, **params: object) -> object:
    return db.read(lambda uow: uow.conn.execute(text(sql), params).scalar())


def _found(report: VerifyReport, *words: str) -> bool:
    return any(all(w in p for w in words) for p in report.problems())


def _rehash_unkeyed(conn: Connection) -> None:
    """What an insider does without the key: recompute every link with plain SHA-256."""
    rows = conn.execute(
        text("SELECT id, register_id, payload FROM journal ORDER BY register_id, seq")
    ).all()
    prev: dict[str, str] = {}
    for id_, reg, payload in rows:
        p = prev.get(reg, journal.GENESIS)
        digest = hashlib.sha256((p + payload).encode()).hexdigest()
        conn.execute(
            text("UPDATE journal SET prev_hash = :p, hash = :h WHERE id = :i"),
            {"p": p, "h": digest, "i": id_},
        )
        prev[reg] = digest
    for reg, digest in prev.items():
        conn.execute(
            text("UPDATE journal_heads SET hash = :h WHERE register_id = :r"),
            {"h": digest, "r": reg},
        )


def test_1_skimming_a_sale_and_rehashing_the_chain(shop: Store) -> None:
    db = shop.db
    no = _one(db, "SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1")

    def skim(uow: UnitOfWork) -> None:
        c = uow.conn
        sid = c.execute(text("SELECT id FROM sales WHERE receipt_no = :n"), {"n": no}).scalar()
        c.execute(
            text(
                "UPDATE sales SET total = total - 1000, gross_total = gross_total - 1000 WHERE id = :i"
            ),
            {"i": sid},
        )
        c.execute(
            text(
                "UPDATE sale_lines SET net = net - 1000, gross = gross - 1000, unit_price = unit_price - 1000 WHERE sale_id = :i"
            ),
            {"i": sid},
        )
        c.execute(text("UPDATE payments SET amount = amount - 1000 WHERE sale_id = :i"), {"i": sid})
        uuid = c.execute(text("SELECT uuid FROM sales WHERE id = :i"), {"i": sid}).scalar()
        payload = c.execute(
            text("SELECT payload FROM journal WHERE doc_uuid = :u"), {"u": uuid}
        ).scalar()
        doc = json.loads(payload)
        doc["total"] -= 1000
        doc["gross_total"] -= 1000
        for ln in doc["lines"]:
            ln["net"] -= 1000
            ln["gross"] -= 1000
            ln["unit_price"] -= 1000
        for p in doc["payments"]:
            p["amount"] -= 1000
        c.execute(
            text("UPDATE journal SET payload = :p WHERE doc_uuid = :u"),
            {"p": journal.canonical(doc), "u": uuid},
        )
        _rehash_unkeyed(c)

    db.transact(skim)
    report = verify(db)
    assert _found(report, "does not match"), report.problems()


def test_2_deleting_the_last_sale_and_moving_the_head_back(shop: Store) -> None:
    db = shop.db
    anchor = db.read(lambda uow: journal.heads(uow.conn)["R01"])  # what the platform was sent
    _delete_last_sale(db, lower_counter=False)
    report = verify(db)
    assert report.journal == []  # the chain itself is consistent now
    assert _found(report, "receipt", "missing"), report.problems()
    # the insider lowers the receipt counter too: the platform's anchor still knows
    _sql(db, "UPDATE receipt_counters SET last_no = last_no - 1")
    assert verify(db).ok
    report = verify(db, anchors={"R01": anchor})
    assert _found(report, "platform", "chain ends before it"), report.problems()


def _delete_last_sale(db: Database, *, lower_counter: bool) -> None:
    def delete(uow: UnitOfWork) -> None:
        c = uow.conn
        sid, uuid = c.execute(text("SELECT id, uuid FROM sales ORDER BY id DESC LIMIT 1")).one()
        for pid, lot, qty in c.execute(
            text("SELECT product_id, lot_id, qty FROM stock_movements WHERE doc_uuid = :u"),
            {"u": uuid},
        ).all():
            c.execute(
                text("UPDATE stock_levels SET on_hand = on_hand - :q WHERE product_id = :p"),
                {"q": qty, "p": pid},
            )
            if lot is not None:
                c.execute(
                    text("UPDATE lots SET qty_on_hand = qty_on_hand - :q WHERE id = :l"),
                    {"q": qty, "l": lot},
                )
        c.execute(text("DELETE FROM stock_movements WHERE doc_uuid = :u"), {"u": uuid})
        c.execute(text("DELETE FROM payments WHERE sale_id = :i"), {"i": sid})
        c.execute(text("DELETE FROM sale_lines WHERE sale_id = :i"), {"i": sid})
        c.execute(text("DELETE FROM outbox WHERE doc_uuid = :u"), {"u": uuid})
        c.execute(text("DELETE FROM sales WHERE id = :i"), {"i": sid})
        seq = c.execute(text("SELECT seq FROM journal WHERE doc_uuid = :u"), {"u": uuid}).scalar()
        c.execute(text("DELETE FROM journal WHERE doc_uuid = :u"), {"u": uuid})
        prev = c.execute(
            text("SELECT hash FROM journal WHERE register_id = 'R01' AND seq = :s"), {"s": seq - 1}
        ).scalar()
        c.execute(
            text("UPDATE journal_heads SET seq = :s, hash = :h WHERE register_id = 'R01'"),
            {"s": seq - 1, "h": prev},
        )
        if lower_counter:
            c.execute(text("UPDATE receipt_counters SET last_no = last_no - 1"))

    db.transact(delete)


def test_2b_the_head_printed_on_a_z_is_an_anchor_too(shop: Store) -> None:
    db = shop.db
    db.transact(
        lambda uow: shifts.close_shift(uow, shop.shift_id, shop.cashier, {10_000: 10, 1_000: 50})
    )
    assert verify(db).ok
    # delete the shift's close and the last sale after it: the Z's audit event still holds the head
    _delete_last_sale(db, lower_counter=True)
    report = verify(db)
    assert _found(report, "the Z") or _found(report, "differs"), report.problems()


def test_3_a_fake_cash_refund_with_no_journal_entry(shop: Store) -> None:
    db = shop.db

    def fake(uow: UnitOfWork) -> None:
        c = uow.conn
        s = c.execute(text("SELECT * FROM sales ORDER BY id LIMIT 1")).mappings().one()
        no = s["receipt_no"][:-4] + "0099"
        c.execute(
            text(
                "INSERT INTO sales (uuid, receipt_no, kind, register_id, shift_id, user_id, business_date,"
                " created_at, original_sale_id, gross_total, line_discount_total, ticket_discount_total, total,"
                " taxable_total, supply_value, vat, exempt_total, reason)"
                " VALUES ('00000000-0000-4000-8000-000000000001', :no, 'refund', 'R01', :sh, :u, :d, :at, :orig,"
                " -17700, 0, 0, -17700, 0, 0, 0, -17700, '')"
            ),
            {
                "no": no,
                "sh": s["shift_id"],
                "u": s["user_id"],
                "d": s["business_date"],
                "at": s["created_at"],
                "orig": s["id"],
            },
        )
        rid = c.execute(text("SELECT id FROM sales WHERE receipt_no = :n"), {"n": no}).scalar()
        c.execute(
            text(
                "INSERT INTO payments (sale_id, seq, method, amount, tendered, change_given, evidence, installment_months) VALUES (:s, 1, 'cash', -17700, 0, 0, 'cash', 0)"
            ),
            {"s": rid},
        )

    db.transact(fake)
    report = verify(db)
    assert _found(report, "refund", "no journal entry"), report.problems()


def test_4_moving_a_sale_to_another_shift(shop: Store) -> None:
    db = shop.db
    db.transact(lambda uow: shifts.close_shift(uow, shop.shift_id, shop.cashier, {10_000: 10}))
    second = db.transact(lambda uow: shifts.open_shift(uow, "R01", shop.cashier, {10_000: 10}))
    _sell(shop)
    assert verify(db).ok
    _sql(db, "UPDATE sales SET shift_id = :s WHERE id = (SELECT min(id) FROM sales)", s=second.id)
    report = verify(db)
    assert _found(report, "outside its shift"), report.problems()


def test_5_deleting_audit_events(shop: Store) -> None:
    db = shop.db
    db.transact(lambda uow: shifts.close_shift(uow, shop.shift_id, shop.cashier, {10_000: 10}))
    assert verify(db).ok
    _sql(db, "DELETE FROM audit_events WHERE action = 'shift.open'")
    report = verify(db)
    assert _found(report, "audit", "missing") or _found(report, "audit", "previous hash"), (
        report.problems()
    )


def test_6_lowering_a_movement_its_level_and_lot_together(shop: Store) -> None:
    db = shop.db
    mid, pid, lot = db.read(
        lambda uow: uow.conn.execute(
            text(
                "SELECT id, product_id, lot_id FROM stock_movements WHERE doc_type = 'sale' ORDER BY id LIMIT 1"
            )
        ).one()
    )
    _sql(
        db,
        "UPDATE stock_movements SET qty = qty + 1 WHERE id = :m",
        "UPDATE stock_levels SET on_hand = on_hand + 1 WHERE product_id = :p",
        "UPDATE lots SET qty_on_hand = qty_on_hand + 1 WHERE id = :l",
        m=mid,
        p=pid,
        l=lot,
    )
    report = verify(db)
    assert report.ledger == []  # the ledger alone is consistent again
    assert _found(report, "moved", "its lines say"), report.problems()


def test_7_editing_the_outbox_copy_the_platform_will_receive(shop: Store) -> None:
    db = shop.db

    def edit(uow: UnitOfWork) -> None:
        c = uow.conn
        oid, payload = c.execute(
            text("SELECT id, payload FROM outbox ORDER BY id DESC LIMIT 1")
        ).one()
        doc = payload if isinstance(payload, dict) else json.loads(payload)
        doc["total"] = 1
        c.execute(
            text("UPDATE outbox SET payload = :p WHERE id = :i"), {"p": json.dumps(doc), "i": oid}
        )

    db.transact(edit)
    report = verify(db)
    assert _found(report, "outbox", "differs"), report.problems()


def test_8_promoting_a_cashier_to_admin(shop: Store) -> None:
    db = shop.db
    _sql(db, "UPDATE users SET role = 'admin' WHERE id = :u", u=shop.cashier)
    report = verify(db)
    assert _found(report, f"user {shop.cashier}", "is admin"), report.problems()
    _sql(db, "UPDATE users SET role = 'cashier' WHERE id = :u", u=shop.cashier)
    _sql(db, "INSERT INTO role_permissions (role, permission) VALUES ('cashier', 'refund')")
    report = verify(db)
    assert _found(report, "role cashier", "refund"), report.problems()


def test_8b_raising_a_limit_in_the_policy_table(shop: Store) -> None:
    """The store's policy as its chained audit events left it: a row written around the
    screen (a copied database, a SQL console) is found, a change through it is not."""
    from posapp import store_policy

    db = shop.db
    db.transact(lambda uow: store_policy.change(uow, {"discount_limit_percent": 20}, shop.manager))
    assert verify(db).ok, verify(db).problems()
    _sql(db, "UPDATE store_policy SET value = '100' WHERE key = 'discount_limit_percent'")
    report = verify(db)
    assert _found(report, "discount_limit_percent", "100", "20"), report.problems()
    _sql(db, "UPDATE store_policy SET value = '20' WHERE key = 'discount_limit_percent'")
    _sql(
        db,
        "INSERT INTO store_policy (key, value, updated_at) VALUES ('cash_rounding_unit', '100', "
        "'2026-12-01 00:00:00')",
    )
    report = verify(db)
    assert _found(report, "cash_rounding_unit", "100", "no recorded change"), report.problems()


def test_9_skipping_receipt_numbers(shop: Store) -> None:
    db = shop.db
    _sql(db, "UPDATE receipt_counters SET last_no = last_no + 3")
    _sell(shop)
    report = verify(db)
    assert _found(report, "receipt", "missing (no void record)"), report.problems()


def test_10_editing_a_line(shop: Store) -> None:
    _sql(shop.db, "UPDATE sale_lines SET net = 1 WHERE id = (SELECT min(id) FROM sale_lines)")
    assert _found(verify(shop.db), "differs from its journal entry")


def test_11_editing_a_payment(shop: Store) -> None:
    _sql(
        shop.db,
        "UPDATE payments SET amount = amount - 500 WHERE id = (SELECT max(id) FROM payments)",
    )
    assert _found(verify(shop.db), "differs from its journal entry")


def test_12_editing_a_journal_row(shop: Store) -> None:
    _sql(
        shop.db,
        "UPDATE journal SET payload = replace(payload, '8500', '8400') WHERE doc_type = 'sale'",
    )
    assert _found(verify(shop.db), "hash does not match")


def test_13_a_stock_level_alone(shop: Store) -> None:
    _sql(shop.db, "UPDATE stock_levels SET on_hand = on_hand + 5")
    assert verify(shop.db).ledger


def test_the_opening_float_is_in_the_journal(shop: Store) -> None:
    _sql(shop.db, "UPDATE shifts SET opening_float = opening_float + 20000")
    assert _found(verify(shop.db), "differs from its journal entry")


def test_a_real_refund_and_a_closed_shift_verify_clean(shop: Store) -> None:
    db = shop.db
    first = _one(db, "SELECT receipt_no FROM sales ORDER BY id LIMIT 1")
    db.transact(
        lambda uow: refunds.refund(
            uow, str(first), register_id="R01", user_id=shop.cashier, approved_by=shop.manager
        )
    )
    z = db.transact(lambda uow: shifts.close_shift(uow, shop.shift_id, shop.cashier, {10_000: 10}))
    assert z.journal_head.startswith("#")
    report = verify(db)
    assert report.ok, report.problems()


def _make_legacy(db: Database) -> None:
    """The database as a version before 0011_records left it: unkeyed links, no audit chain."""

    def run(uow: UnitOfWork) -> None:
        c = uow.conn
        _rehash_unkeyed(c)
        c.execute(
            text("UPDATE audit_events SET chain = NULL, seq = NULL, prev_hash = NULL, hash = NULL")
        )
        c.execute(text("DELETE FROM audit_heads"))
        c.execute(text("DELETE FROM store_meta"))

    db.transact(run)


def test_an_unkeyed_journal_is_rekeyed_once_at_upgrade(shop: Store) -> None:
    db = shop.db
    _make_legacy(db)
    assert not verify(db).ok  # unkeyed links are not accepted as they are
    done = db.transact(journal.upgrade_chains)
    assert any("re-keyed" in line for line in done) and any("audit" in line for line in done)
    report = verify(db)
    assert report.ok, report.problems()
    rekeyed = _one(db, "SELECT count(*) FROM audit_events WHERE action = 'journal.rekeyed'")
    assert rekeyed == 2  # R01's chain and the back office's (the store's receiving)
    # once marked, an unkeyed chain is never re-keyed again: the downgrade attack stays visible
    _rehash_unkeyed_db(db)
    assert db.transact(journal.upgrade_chains) == []
    assert _found(verify(db), "does not match")


def _rehash_unkeyed_db(db: Database) -> None:
    db.transact(lambda uow: _rehash_unkeyed(uow.conn))


def test_a_broken_unkeyed_journal_is_not_laundered_by_the_upgrade(shop: Store) -> None:
    db = shop.db
    _make_legacy(db)
    _sql(
        db, "UPDATE journal SET payload = replace(payload, '8500', '8400') WHERE doc_type = 'sale'"
    )
    done = db.transact(journal.upgrade_chains)
    assert any("not re-keyed" in line for line in done)
    assert _one(db, "SELECT count(*) FROM store_meta WHERE key = 'chain_scheme'") == 0
    assert not verify(db).ok
