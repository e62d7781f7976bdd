"""Non-sale stock movements in the keyed journal: one entry per posting, on the back office's chain.

A sale's or refund's movements are proven by its own journal document (``posapp.verify``
rebuilds them from its lines). Every other movement — receiving, waste (폐기), count
adjustments, transfers, supplier returns, class use, online orders — is written by
:func:`posapp.inventory.ledger.post` or :func:`~posapp.inventory.ledger.take_fefo`, and each
such call appends **one** entry here (an import or a count of N lines costs one entry, not N):
``doc_type`` ``"stock"``, ``doc_uuid`` the posting's document uuid, and the payload
:func:`document` of its movement rows (their uuids, products, lots and quantities, and what
they share: kind, document, reason, user, register, time). The chain is the register
:data:`BACK_OFFICE` (``BO``; its ``registers`` row and head are made with its first entry).

:func:`check` proves it both ways: each entry's document is rebuilt from ``stock_movements``
(an edited quantity, lot, product, reason or time differs; a deleted movement is missing), and
each movement not of a sale or refund is named by exactly one entry (an inserted one is not).

Upgrade (:func:`upgrade`, once, at the first start of this version): movements written before it
are journaled as they are, one entry per posting they came from, and an audit event
``stock.journaled`` records how many; ``store_meta.stock_journal`` then marks it done, so later
movements written around the ledger are never journaled after the fact (that would launder them).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from posapp import audit
from posapp.db.engine import UnitOfWork
from posapp.db.models import JournalEntry, StockMovement, utcnow
from posapp.sales import journal

BACK_OFFICE = "BO"  # the back office's journal chain (a register id)
DOC_TYPE = "stock"
#: movements of these documents are proven by the sale's or refund's own journal entry
COVERED = ("sale", "refund")
UPGRADED = "stock_journal"  # store_meta key: the movements from before this version journaled
_SHARED = ("kind", "doc_type", "doc_uuid", "reason", "user_id", "register_id", "at")


@dataclass(frozen=True, slots=True)
class Move:
    """One stock movement row as the journal sees it."""

    uuid: str
    product_id: int
    lot_id: int | None
    qty: int
    kind: str
    doc_type: str
    doc_uuid: str
    reason: str
    user_id: int | None
    register_id: str | None
    at: dt.datetime

    def shared(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "doc_type": self.doc_type,
            "doc_uuid": self.doc_uuid,
            "reason": self.reason,
            "user_id": self.user_id,
            "register_id": self.register_id,
            "at": self.at.astimezone(dt.UTC).isoformat(),
        }


def document(moves: Sequence[Move]) -> dict[str, Any]:
    """The journal document of one posting: what its rows share, once, and each row.

    A row that does not share it (only ever a rebuilt one, after an edit) carries its own
    values, so the rebuilt document differs from the journaled one."""
    head = moves[0].shared()
    rows: list[list[Any]] = []
    for m in moves:
        row: list[Any] = [m.uuid, m.product_id, m.lot_id, m.qty]
        own = m.shared()
        if own != head:
            row.append(own)
        rows.append(row)
    return {**head, "moves": rows}


def journaled(doc_type: str) -> bool:
    """Whether movements of this document type get an entry of their own here."""
    return doc_type not in COVERED


def record(uow: UnitOfWork, moves: Sequence[Move]) -> None:
    """Append the posting's entry to the back office's chain (in the caller's transaction)."""
    if not moves:
        return
    m = moves[0]
    journal.append(uow, BACK_OFFICE, DOC_TYPE, m.doc_uuid, document(moves), utcnow())


_m = StockMovement.__table__
_MOVE_COLS = (
    _m.c.uuid, _m.c.product_id, _m.c.lot_id, _m.c.qty, _m.c.kind, _m.c.doc_type, _m.c.doc_uuid,
    _m.c.reason, _m.c.user_id, _m.c.register_id, _m.c.created_at,
)  # fmt: skip


def _moves(conn: Connection, where: Any = None) -> dict[str, Move]:
    """Every movement not of a sale or refund, by uuid (in id order)."""
    q = select(*_MOVE_COLS).where(_m.c.doc_type.not_in(COVERED)).order_by(_m.c.id)
    if where is not None:
        q = q.where(where)
    return {r[0]: Move(*r) for r in conn.execute(q)}


class Ledger:
    """The movements a check rebuilds from, read once (verify reads them for every entry)."""

    def __init__(self, conn: Connection) -> None:
        self.moves = _moves(conn)

    def rebuild(self, payload: str) -> dict[str, Any] | None:
        """The document of the entry ``payload`` rebuilt from the movements it names (None:
        none of them is in the ledger any more)."""
        try:
            named = [str(row[0]) for row in json.loads(payload)["moves"]]
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        found = [self.moves[u] for u in named if u in self.moves]
        return document(found) if found else None


def check(ledger: Ledger, entries: Iterable[tuple[str, int, str, str]]) -> list[str]:
    """Both ways: each movement named by one entry of the back office's chain, each named
    movement in the ledger. ``entries``: (register, seq, doc_type, payload) of the journal."""
    problems: list[str] = []
    named: dict[str, int] = {}
    for reg, seq, doc_type, payload in entries:
        if doc_type != DOC_TYPE:
            continue
        if reg != BACK_OFFICE:
            problems.append(f"journal {reg} #{seq}: a stock posting on a till's chain")
        try:
            uuids = [str(row[0]) for row in json.loads(payload)["moves"]]
        except (ValueError, KeyError, TypeError, IndexError):
            problems.append(f"journal {reg} #{seq}: not a stock posting")
            continue
        for u in uuids:
            if u in named:
                problems.append(f"stock movement {u} is journaled twice (#{named[u]}, #{seq})")
            named[u] = seq
            if u not in ledger.moves:
                problems.append(
                    f"journal {reg} #{seq} names stock movement {u}, which the ledger does not hold"
                )
    for u, m in ledger.moves.items():
        if u not in named:
            problems.append(
                f"stock movement {u} ({m.kind} {m.doc_type or '-'} {m.doc_uuid or '-'}, "
                f"product {m.product_id}, qty {m.qty}) has no journal entry"
            )
    return problems


def _postings(moves: Iterable[Move]) -> list[list[Move]]:
    """Movements grouped as the postings that wrote them (same document, kind, reason, user,
    register and time), in the order of each posting's first movement."""
    groups: dict[tuple[Any, ...], list[Move]] = {}
    for m in moves:
        key = tuple(m.shared()[k] for k in _SHARED)
        groups.setdefault(key, []).append(m)
    return list(groups.values())


def upgrade(uow: UnitOfWork) -> list[str]:
    """Journal the movements written before this version, once (rule in the module docstring).

    Only movements older than the first one the chain already names are taken (a database
    that ran this version before the mark was lost cannot have newer ones laundered)."""
    conn = uow.conn
    if journal.store_fact(conn, UPGRADED) is not None:
        return []
    j = JournalEntry.__table__
    named: set[str] = set()
    for (payload,) in conn.execute(
        select(j.c.payload).where(j.c.register_id == BACK_OFFICE, j.c.doc_type == DOC_TYPE)
    ):
        named.update(str(row[0]) for row in json.loads(payload)["moves"])
    ids = dict(conn.execute(select(_m.c.uuid, _m.c.id).where(_m.c.doc_type.not_in(COVERED))).all())
    first = min((ids[u] for u in named if u in ids), default=None)
    older = _moves(conn, None if first is None else _m.c.id < first)
    late = [m for u, m in older.items() if u not in named]
    postings = _postings(late)
    for moves in postings:
        record(uow, moves)
    done: list[str] = []
    if late:
        audit.record(
            conn,
            "stock.journaled",
            None,
            None,
            f"journal {BACK_OFFICE}",
            None,
            {"movements": len(late), "entries": len(postings)},
        )
        done.append(f"{len(late)} earlier stock movements journaled in {len(postings)} entries")
    journal.set_store_fact(conn, UPGRADED, "1")
    return done


def moves_of(rows: Iterable[Mapping[str, Any]]) -> list[Move]:
    """:class:`Move` from the rows :func:`posapp.inventory.ledger` inserts."""
    return [
        Move(
            r["uuid"], r["product_id"], r["lot_id"], r["qty"], r["kind"], r["doc_type"],
            r["doc_uuid"], r["reason"], r["user_id"], r["register_id"], r["created_at"],
        )
        for r in rows
    ]  # fmt: skip
