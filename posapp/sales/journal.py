"""The hash-chained journal of completed sales and refunds, one chain per register.

Each entry stores the document's canonical JSON and ``hash = sha256(prev_hash || payload)``;
the register's head row is updated in the same transaction (and locked on PostgreSQL), so the
chain has no forks. :func:`verify` walks every chain and also rebuilds each document from the
sales tables: editing a sale, a line, a payment or a journal row is detected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from posapp.db.models import JournalEntry, JournalHead

GENESIS = "0" * 64


def canonical(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chain_hash(prev_hash: str, payload: str) -> str:
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


_heads = JournalHead.__table__
_head_q = (
    select(_heads.c.seq, _heads.c.hash)
    .where(_heads.c.register_id == bindparam("reg"))
    .with_for_update()
)
_ins_entry = insert(JournalEntry.__table__)
_upd_head = (
    update(_heads)
    .where(_heads.c.register_id == bindparam("reg"))
    .values(seq=bindparam("seq"), hash=bindparam("hash"))
)


def append(
    conn: Connection,
    register_id: str,
    doc_type: str,
    doc_uuid: str,
    doc: dict[str, Any],
    at: dt.datetime,
) -> str:
    """Append a document to the register's chain; returns its hash."""
    row = conn.execute(_head_q, {"reg": register_id}).first()
    if row is None:
        conn.execute(insert(_heads).values(register_id=register_id, seq=0, hash=GENESIS))
        seq, prev = 0, GENESIS
    else:
        seq, prev = row
    payload = canonical(doc)
    digest = chain_hash(prev, payload)
    conn.execute(
        _ins_entry,
        {
            "register_id": register_id,
            "seq": seq + 1,
            "doc_type": doc_type,
            "doc_uuid": doc_uuid,
            "created_at": at,
            "payload": payload,
            "prev_hash": prev,
            "hash": digest,
        },
    )
    conn.execute(_upd_head, {"reg": register_id, "seq": seq + 1, "hash": digest})
    return digest


@dataclass(frozen=True, slots=True)
class JournalProblem:
    register_id: str
    seq: int
    what: str

    def __str__(self) -> str:
        return f"journal {self.register_id} #{self.seq}: {self.what}"


def verify(
    conn: Connection, rebuild: Callable[[str], dict[str, Any] | None] | None = None
) -> list[JournalProblem]:
    """Walk each register's chain; with ``rebuild(doc_uuid)`` also compare against the tables."""
    problems: list[JournalProblem] = []
    j = JournalEntry.__table__
    heads = dict(
        (r, (s, h))
        for r, s, h in conn.execute(
            select(JournalHead.register_id, JournalHead.seq, JournalHead.hash)
        )
    )
    current: str | None = None
    prev, expected_seq = GENESIS, 1
    rows = conn.execute(
        select(
            j.c.register_id, j.c.seq, j.c.doc_uuid, j.c.payload, j.c.prev_hash, j.c.hash
        ).order_by(j.c.register_id, j.c.seq)
    )
    last: dict[str, tuple[int, str]] = {}
    for reg, seq, doc_uuid, payload, prev_hash, digest in rows:
        if reg != current:
            current, prev, expected_seq = reg, GENESIS, 1
        if seq != expected_seq:
            problems.append(JournalProblem(reg, seq, f"sequence gap: expected #{expected_seq}"))
        if prev_hash != prev:
            problems.append(JournalProblem(reg, seq, "previous hash does not match the chain"))
        if chain_hash(prev_hash, payload) != digest:
            problems.append(JournalProblem(reg, seq, "entry hash does not match its contents"))
        if rebuild is not None:
            doc = rebuild(doc_uuid)
            if doc is None:
                problems.append(JournalProblem(reg, seq, f"document {doc_uuid} is missing"))
            elif canonical(doc) != payload:
                problems.append(
                    JournalProblem(reg, seq, f"document {doc_uuid} differs from its journal entry")
                )
        prev, expected_seq = digest, seq + 1
        last[reg] = (seq, digest)
    for reg, (seq, digest) in heads.items():
        if last.get(reg, (0, GENESIS)) != (seq, digest):
            problems.append(JournalProblem(reg, seq, "head does not match the last entry"))
    return problems
