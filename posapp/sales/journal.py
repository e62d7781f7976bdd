"""The keyed, hash-chained journal of completed sales and refunds, one chain per register.

Each entry stores the document's canonical JSON and ``hash = HMAC-SHA256(key, prev_hash ||
payload)`` with the journal key kept outside the database (:func:`posapp.secrets.journal_key`):
someone who can edit the database but not read the key cannot re-hash a rewritten chain. The
register's head row is updated in the same transaction (and locked on PostgreSQL), so the chain
has no forks. :func:`verify` walks every chain and also rebuilds each document from the sales
tables: editing a sale, a line, a payment or a journal row is detected.

Upgrade rule (:func:`upgrade_chains`, run once at the first start after migration
0011_records): a journal written before the key existed is checked link by link with the old
unkeyed rule (``sha256(prev || payload)``); only if every link holds is it re-keyed in place
(each hash recomputed with the key, in order), and an audit event ``journal.rekeyed`` records
each register's old and new head. A chain that does not hold under the old rule is left as it
is and reported by ``verify`` — re-keying it would launder the edit. Once the scheme is marked
in ``store_meta``, no unkeyed link is ever accepted again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from posapp.db.engine import Batch, DatabaseConflict, UnitOfWork
from posapp.db.models import JournalEntry, JournalHead, Register, StoreMeta, utcnow
from posapp.secrets import keyed_link

GENESIS = "0" * 64
SCHEME = "hmac-sha256/1"  # the chain rule in force, kept in store_meta as "chain_scheme"


def canonical(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chain_hash(prev_hash: str, payload: str) -> str:
    """The keyed link: HMAC-SHA256 of the previous hash and this entry's payload."""
    return keyed_link(prev_hash, payload)


def legacy_hash(prev_hash: str, payload: str) -> str:
    """The unkeyed link of journals written before 0011_records (only :func:`upgrade_chains`)."""
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def short_head(seq: int, digest: str) -> str:
    """The head as printed on a Z report: its number and the first 12 hex digits."""
    return f"#{seq} {digest[:12]}"


_heads = JournalHead.__table__
_head_q = (
    select(_heads.c.seq, _heads.c.hash)
    .where(_heads.c.register_id == bindparam("reg"))
    .with_for_update()
)
_upd_head_if = (
    update(_heads)
    .where(
        _heads.c.register_id == bindparam("reg"),
        _heads.c.seq == bindparam("old_seq"),
        _heads.c.hash == bindparam("old_hash"),
    )
    .values(seq=bindparam("seq"), hash=bindparam("hash"))
)
_entry_cols = [c for c in JournalEntry.__table__.c if c.name != "id"]
_ins_entry_at_head = insert(JournalEntry.__table__).from_select(
    [c.name for c in _entry_cols],
    select(*(bindparam(c.name, type_=c.type) for c in _entry_cols)).where(
        _heads.c.register_id == bindparam("register_id"),
        _heads.c.seq == bindparam("seq"),
        _heads.c.hash == bindparam("hash"),
    ),
)
# The head each register's chain had after this process last appended to it, per engine (all
# threads and pooled connections of a process share it). Only a hint: it is checked by the
# conditional update and dropped when wrong.
_HEADS: weakref.WeakKeyDictionary[Engine, dict[str, tuple[int, str]]] = weakref.WeakKeyDictionary()
_ins_entry = insert(JournalEntry.__table__).inline()  # no RETURNING: batchable
_upd_head = (
    update(_heads)
    .where(_heads.c.register_id == bindparam("reg"))
    .values(seq=bindparam("seq"), hash=bindparam("hash"))
)


def ensure_chain(conn: Connection, register_id: str, name: str = "") -> None:
    """Create the register (a till, or the back office's chain) and its journal head if
    missing; safe when tills start together."""
    have = select(_heads.c.register_id).where(_heads.c.register_id == register_id)
    if conn.execute(have).first() is not None:  # its register row too (the foreign key)
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(
        dialect.insert(Register.__table__)
        .values(id=register_id, name=name or register_id, created_at=utcnow())
        .on_conflict_do_nothing()
    )
    conn.execute(
        dialect.insert(_heads)
        .values(register_id=register_id, seq=0, hash=GENESIS)
        .on_conflict_do_nothing()
    )


def known_head(engine: Engine, register_id: str) -> tuple[int, str] | None:
    """The (seq, hash) this process last wrote to the register's chain, if any (a hint)."""
    return _HEADS.get(engine, {}).get(register_id)


def remember_head(engine: Engine, register_id: str, seq: int, digest: str) -> None:
    _HEADS.setdefault(engine, {})[register_id] = (seq, digest)


def forget_head(engine: Engine, register_id: str) -> None:
    _HEADS.get(engine, {}).pop(register_id, None)


# The latest ``created_at`` of each register's chain, per engine: read once from the table
# (:func:`latest_time`), then kept up by every append of this process, so the clock check
# before a sale (posapp.sales.clock_guard) costs no round trip.
_LATEST: weakref.WeakKeyDictionary[Engine, dict[str, dt.datetime]] = weakref.WeakKeyDictionary()
_latest_q = select(func.max(JournalEntry.__table__.c.created_at)).where(
    JournalEntry.__table__.c.register_id == bindparam("reg")
)


def latest_time(conn: Connection, register_id: str) -> dt.datetime | None:
    """The latest time any entry of the register's chain was written at (None: no entry).

    The latest, not the last: entries written while the clock was set back come after later
    ones in the chain, and the clock is behind until it passes the latest again."""
    known = _LATEST.setdefault(conn.engine, {})
    if register_id not in known:
        at = conn.execute(_latest_q, {"reg": register_id}).scalar()
        if at is None:
            return None
        known[register_id] = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return known[register_id]


def known_latest(engine: Engine, register_id: str) -> dt.datetime | None:
    """:func:`latest_time` as this process already knows it (None: never read), no query."""
    return _LATEST.get(engine, {}).get(register_id)


def note_time(engine: Engine, register_id: str, at: dt.datetime) -> None:
    """An entry of the register's chain was written at ``at`` (kept only once read whole)."""
    known = _LATEST.get(engine)
    if known is not None and register_id in known and at > known[register_id]:
        known[register_id] = at


def append(
    uow: UnitOfWork,
    register_id: str,
    doc_type: str,
    doc_uuid: str,
    doc: dict[str, Any],
    at: dt.datetime,
    batch: Batch | None = None,
) -> str:
    """Append a document to the register's chain; returns its hash.

    The head this process last wrote is tried first with a conditional update (it locks the
    head row): if another process or a rolled-back transaction moved the head meanwhile,
    nothing matches and the head is read under a lock instead. With a
    ``batch`` it is opened once the head is advanced: the entry travels with what follows.
    """
    conn = uow.conn
    payload = canonical(doc)
    heads = _HEADS.setdefault(conn.engine, {})
    known = heads.get(register_id)
    if known is not None and batch is not None and batch.pipelined:
        return _append_queued(conn, batch, heads, register_id, doc_type, doc_uuid, payload, at)
    advanced = False
    if known is not None:
        seq, prev = known
        digest = chain_hash(prev, payload)
        params = {"reg": register_id, "old_seq": seq, "old_hash": prev}
        params.update(seq=seq + 1, hash=digest)
        advanced = conn.execute(_upd_head_if, params).rowcount == 1
    if not advanced:
        row = conn.execute(_head_q, {"reg": register_id}).first()
        if row is None:  # a chain's first entry (the back office's: no register row yet)
            ensure_chain(conn, register_id)
            seq, prev = 0, GENESIS
        else:
            seq, prev = row
        digest = chain_hash(prev, payload)
        conn.execute(_upd_head, {"reg": register_id, "seq": seq + 1, "hash": digest})
    if batch is not None:
        batch.open()
    conn.execute(_ins_entry, _entry(register_id, seq + 1, doc_type, doc_uuid, at, payload, prev))
    heads[register_id] = (seq + 1, digest)
    note_time(conn.engine, register_id, at)
    return digest


def _entry(
    register_id: str,
    seq: int,
    doc_type: str,
    doc_uuid: str,
    at: dt.datetime,
    payload: str,
    prev: str,
) -> dict[str, Any]:
    return {
        "register_id": register_id,
        "seq": seq,
        "doc_type": doc_type,
        "doc_uuid": doc_uuid,
        "created_at": at,
        "payload": payload,
        "prev_hash": prev,
        "hash": chain_hash(prev, payload),
    }


def _append_queued(
    conn: Connection,
    batch: Batch,
    heads: dict[str, tuple[int, str]],
    register_id: str,
    doc_type: str,
    doc_uuid: str,
    payload: str,
    at: dt.datetime,
) -> str:
    """Advance the head this connection knows and add the entry, both queued in ``batch``.

    The entry is inserted only if the head moved to it, and the head's update is checked once
    the batch is flushed: if another transaction had moved the head, nothing was written and
    :class:`DatabaseConflict` makes :meth:`Database.transact` start again (reading the head).
    """
    seq, prev = heads[register_id]
    digest = chain_hash(prev, payload)
    batch.open()
    moved = conn.execute(
        _upd_head_if,
        {"reg": register_id, "old_seq": seq, "old_hash": prev, "seq": seq + 1, "hash": digest},
    )
    entry = _entry(register_id, seq + 1, doc_type, doc_uuid, at, payload, prev)
    conn.execute(_ins_entry_at_head, entry)
    heads[register_id] = (seq + 1, digest)
    note_time(conn.engine, register_id, at)

    def check() -> None:
        if moved.context.cursor.rowcount != 1:
            heads.pop(register_id, None)
            raise DatabaseConflict(f"journal head of {register_id} moved", register_id=register_id)

    batch.after_flush(check)
    return digest


@dataclass(frozen=True, slots=True)
class JournalProblem:
    register_id: str
    seq: int
    what: str

    def __str__(self) -> str:
        return f"journal {self.register_id} #{self.seq}: {self.what}"


def verify(
    uow: UnitOfWork, rebuild: Callable[[str, str, str], dict[str, Any] | None] | None = None
) -> list[JournalProblem]:
    """Walk each register's keyed chain; with ``rebuild(doc_type, doc_uuid, payload)`` also
    compare each entry with the document rebuilt from the tables (the payload names what a
    document of several parts holds: the movements of one stock posting)."""
    conn = uow.conn
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
            j.c.register_id, j.c.seq, j.c.doc_type, j.c.doc_uuid, j.c.payload, j.c.prev_hash,
            j.c.hash,
        ).order_by(j.c.register_id, j.c.seq)
    )  # fmt: skip
    last: dict[str, tuple[int, str]] = {}
    for reg, seq, doc_type, doc_uuid, payload, prev_hash, digest in rows:
        if reg != current:
            current, prev, expected_seq = reg, GENESIS, 1
        if seq != expected_seq:
            problems.append(JournalProblem(reg, seq, f"sequence gap: expected #{expected_seq}"))
        if prev_hash != prev:
            problems.append(JournalProblem(reg, seq, "previous hash does not match the chain"))
        if chain_hash(prev_hash, payload) != digest:
            problems.append(JournalProblem(reg, seq, "entry hash does not match its contents"))
        if rebuild is not None:
            doc = rebuild(doc_type, doc_uuid, payload)
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


def store_fact(conn: Connection, key: str) -> str | None:
    """A fact kept in ``store_meta`` (the store's identity, the chain scheme), or None."""
    m = StoreMeta.__table__
    value: str | None = conn.execute(select(m.c.value).where(m.c.key == key)).scalar()
    return value


def set_store_fact(conn: Connection, key: str, value: str) -> None:
    m = StoreMeta.__table__
    if conn.execute(update(m).where(m.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(insert(m).values(key=key, value=value))


def heads(conn: Connection) -> dict[str, tuple[int, str]]:
    """Every register's journal head as (seq, hash)."""
    h = JournalHead.__table__
    return {r: (s, d) for r, s, d in conn.execute(select(h.c.register_id, h.c.seq, h.c.hash))}


def upgrade_chains(uow: UnitOfWork) -> list[str]:
    """Re-key a journal written before the key existed, once (the rule is in the docstring).

    Returns what it did or refused, one line per register. A no-op once ``chain_scheme`` is set.
    """
    from posapp import audit

    conn = uow.conn
    if store_fact(conn, "chain_scheme") == SCHEME:
        return []
    j = JournalEntry.__table__
    done: list[str] = []
    refused = False
    rows = conn.execute(
        select(j.c.id, j.c.register_id, j.c.seq, j.c.payload, j.c.prev_hash, j.c.hash).order_by(
            j.c.register_id, j.c.seq
        )
    ).all()
    by_reg: dict[str, list[Any]] = {}
    for r in rows:
        by_reg.setdefault(r.register_id, []).append(r)
    done.extend(audit.upgrade_chains(conn))
    journaled = set(conn.execute(select(j.c.doc_uuid).where(j.c.doc_type.like("shift%"))).scalars())
    for reg, entries in by_reg.items():
        if _broken_at(entries, chain_hash) is None:
            continue  # keyed already (an upgrade cut short after this register)
        broken = _broken_at(entries, legacy_hash)
        if broken is not None:
            refused = True
            done.append(f"{reg}: not re-keyed, the unkeyed chain is broken at #{broken}")
            continue
        old_head = entries[-1].hash
        prev = GENESIS
        for e in entries:
            digest = chain_hash(prev, e.payload)
            conn.execute(update(j).where(j.c.id == e.id).values(prev_hash=prev, hash=digest))
            prev = digest
        conn.execute(
            update(_heads).where(_heads.c.register_id == reg).values(seq=entries[-1].seq, hash=prev)
        )
        forget_head(conn.engine, reg)
        audit.record(
            conn,
            "journal.rekeyed",
            None,
            reg,
            f"journal {reg}",
            {"seq": entries[-1].seq, "hash": old_head},
            {"seq": entries[-1].seq, "hash": prev},
        )
        done.append(f"{reg}: {len(entries)} entries re-keyed")
    if refused:
        return done
    # shifts from before their journal entries: journaled now, as they are, at the chain's end
    from posapp.db.models import Shift

    t = Shift.__table__
    shifts = conn.execute(select(t).order_by(t.c.id)).mappings().all()
    late = [sh for sh in shifts if sh["uuid"] not in journaled]
    for sh in late:
        at = sh["opened_at"]
        append(
            uow, sh["register_id"], "shift_open", sh["uuid"], shift_document(sh, closed=False), at
        )
        if sh["status"] == "closed":
            doc = shift_document(sh, closed=True)
            append(uow, sh["register_id"], "shift_close", sh["uuid"], doc, sh["closed_at"])
    if late:
        done.append(f"{len(late)} earlier shifts journaled")
    set_store_fact(conn, "chain_scheme", SCHEME)
    return done


def _broken_at(entries: list[Any], link: Callable[[str, str], str]) -> int | None:
    """The seq of the first entry whose link does not hold under ``link``, or None."""
    prev = GENESIS
    for e in entries:
        if e.prev_hash != prev or link(e.prev_hash, e.payload) != e.hash:
            return int(e.seq)
        prev = e.hash
    return None


SHIFT_OPEN_KEYS = (
    "uuid", "register_id", "opened_by", "opened_at", "business_date", "opening_float",
    "opening_counts",
)  # fmt: skip
SHIFT_CLOSE_KEYS = (
    *SHIFT_OPEN_KEYS, "closed_by", "closed_at", "closing_counts", "counted_cash",
    "expected_cash", "z_number",
)  # fmt: skip


def shift_document(shift: Any, *, closed: bool | None = None) -> dict[str, Any]:
    """A shift's journal document: as opened, or as closed (its count and Z).

    ``shift`` is a :class:`posapp.db.models.Shift` or a row mapping of ``shifts``; ``closed``
    says which document (by default: as the shift is now)."""

    def get(k: str) -> Any:
        return shift[k] if isinstance(shift, Mapping) else getattr(shift, k)

    if closed is None:
        closed = get("status") == "closed"
    keys = SHIFT_CLOSE_KEYS if closed else SHIFT_OPEN_KEYS
    doc: dict[str, Any] = {}
    for k in keys:
        v = get(k)
        if isinstance(v, dt.datetime):
            v = v.astimezone(dt.UTC).isoformat()
        elif isinstance(v, dt.date):
            v = v.isoformat()
        doc[k] = v
    return doc
