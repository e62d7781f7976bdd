"""Integrity checks run by ``posapp-admin verify``: what the records prove, and what is missing.

Owns the whole check, read-only (it writes nothing, so it runs on a full disk):

- the stock ledger (each level and lot = the sum of its movements, :mod:`posapp.inventory.ledger`);
- the journal's keyed chains, each entry against the tables it was written from (sales, refunds,
  their lines and payments, shifts as opened and as closed, the back office's stock postings
  rebuilt from ``stock_movements``), :func:`posapp.sales.journal.verify`;
- the audit trail's keyed chains (:func:`posapp.audit.verify`);
- completeness both ways: every sale and refund has its journal entry and every entry its
  document; the stock movements of a sale or refund are the ones its document implies; every
  other stock movement is named by one stock posting of the back office's chain and every
  movement it names is in the ledger (:func:`posapp.inventory.stock_journal.check`); receipt
  numbers run without a gap per register, day and series (a gap only with a ``receipt.void``
  audit event for that number) up to the register's counter; each outbox document equals the
  journal's; each sale lies inside its shift on its register; every user's role and every role's
  permissions are what the chained audit events say they became;
- the anchors: the head printed on each Z (kept as the ``shift.close`` audit event) and the
  heads the platform holds (passed in by the caller) are entries of the chain as it is now;
- no full card number (12–19 digits passing Luhn) stored in a tender's free-text fields;
- time and numbers in the chain's order: each step back in journal time per register (more than
  :data:`posapp.sales.clock_guard.TOLERANCE`) with its two times and seq — a *note* when the
  till recorded the episode (``clock.behind`` audit event: the clock was set back and the till
  said so), a problem when nothing did — and each receipt number (online series) that does not
  follow the one before it on its register's chain (a problem: the till never numbers so).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Connection, select

from posapp import audit
from posapp.auth.permissions import DEFAULT_GRANTS
from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import (
    AuditEvent,
    JournalEntry,
    OutboxEvent,
    ReceiptCounter,
    RolePermission,
    Sale,
    SaleLine,
    Shift,
    StockMovement,
    StorePolicy,
    User,
)
from posapp.domain import calendar
from posapp.inventory import ledger, stock_journal
from posapp.sales import card_numbers, clock_guard, journal
from posapp.sales.sale_document import load_document, without_shelf_prices
from posapp.sales.sale_records import untracked_products

Anchor = tuple[int, str]  # (seq, hash) of a register's journal head, as kept elsewhere
_NO = re.compile(r"^(?P<reg>.+)-(?P<day>\d{8})-(?P<series>[A-Z]*)(?P<n>\d+)$")
_USER = re.compile(r"^user (\d+)")
_SALE_KINDS = ("sale", "refund")


@dataclass
class VerifyReport:
    ledger: list[str] = field(default_factory=list)
    journal: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    completeness: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    card_numbers: list[str] = field(default_factory=list)
    clock: list[str] = field(default_factory=list)
    #: findings that are not problems (a clock set back that the till recorded): printed, but
    #: ``ok`` holds with them
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems()

    def problems(self) -> list[str]:
        return [p for _section, p in self.labelled()]

    def labelled(self) -> list[tuple[str, str]]:
        """Every problem with the name of its section, in the order of the fields."""
        return [
            (f.name, p) for f in fields(self) if f.name != "notes" for p in getattr(self, f.name)
        ]


def verify(db: Database, anchors: Mapping[str, Anchor] | None = None) -> VerifyReport:
    """Every check above; ``anchors`` are the heads the platform keeps, per register."""

    def run(uow: UnitOfWork) -> VerifyReport:
        return check(uow, anchors or {})

    return db.read(run)


def check(uow: UnitOfWork, anchors: Mapping[str, Anchor]) -> VerifyReport:
    conn = uow.conn

    unshelved: list[str] = []  # documents journaled before they carried shelf prices
    moves = stock_journal.Ledger(conn)

    def rebuild(doc_type: str, doc_uuid: str, payload: str) -> dict[str, Any] | None:
        if doc_type == stock_journal.DOC_TYPE:
            return moves.rebuild(payload)
        if doc_type in _SALE_KINDS:
            return _as_journaled(load_document(uow, doc_uuid), entries.get(doc_uuid, []), unshelved)
        if doc_type in ("shift_open", "shift_close"):
            t = Shift.__table__
            row = conn.execute(select(t).where(t.c.uuid == doc_uuid)).mappings().first()
            if row is None:
                return None
            return journal.shift_document(row, closed=doc_type == "shift_close")
        return None

    entries = journal_entries(conn)
    episodes = _episodes(conn)
    misnumbered, numbered_back = _receipt_order(conn, entries, episodes)
    return VerifyReport(
        ledger=[str(p) for p in ledger.verify(uow)],
        journal=[str(p) for p in journal.verify(uow, rebuild)],
        audit=[str(p) for p in audit.verify(conn)],
        completeness=[
            *_sales_journaled(conn, entries),
            *_movements_match(uow, entries),
            *stock_journal.check(moves, _stock_entries(entries)),
            *_receipt_numbers(conn),
            *_outbox_matches(conn, entries),
            *_shifts(conn, entries),
            *_roles(conn),
            *_policy(conn),
        ],
        anchors=_anchors(conn, anchors),
        card_numbers=card_numbers.find(uow),
        clock=misnumbered,
        notes=[*_clock_steps(entries, episodes), *numbered_back, *unshelved],
    )


def _as_journaled(
    doc: dict[str, Any] | None, entries: Sequence[_Entry], notes: list[str]
) -> dict[str, Any] | None:
    """The rebuilt document in the form its journal entry was written in: a sale with
    marked-down lines journaled before documents carried ``shelf_price`` (migration 0013_floor
    up to this version) is compared without it, and said in a note (those shelf prices are not
    covered by the chain)."""
    if doc is None or not any("shelf_price" in ln for ln in doc["lines"]):
        return doc
    mine = [e for e in entries if e.doc_type == doc["kind"]]
    try:
        journaled = json.loads(mine[0].payload)["lines"] if mine else None
        shelved = not isinstance(journaled, list) or any("shelf_price" in ln for ln in journaled)
    except (ValueError, TypeError, KeyError):  # not a document: the comparison says so
        shelved = True
    if shelved:
        return doc
    notes.append(
        f"{doc['kind']} {doc['receipt_no']}: journaled before documents carried shelf prices "
        "(its markdowns are not covered by the journal)"
    )
    return without_shelf_prices(doc)


@dataclass(frozen=True, slots=True)
class _Entry:
    register_id: str
    seq: int
    doc_type: str
    payload: str
    hash: str
    created_at: dt.datetime


def journal_entries(conn: Connection) -> dict[str, list[_Entry]]:
    """The journal's entries by document uuid."""
    j = JournalEntry.__table__
    out: dict[str, list[_Entry]] = defaultdict(list)
    q = select(
        j.c.doc_uuid, j.c.register_id, j.c.seq, j.c.doc_type, j.c.payload, j.c.hash, j.c.created_at
    )
    for doc_uuid, *rest in conn.execute(q):
        out[doc_uuid].append(_Entry(*rest))
    return out


def _stock_entries(entries: Mapping[str, list[_Entry]]) -> list[tuple[str, int, str, str]]:
    return [
        (e.register_id, e.seq, e.doc_type, e.payload)
        for es in entries.values()
        for e in es
        if e.doc_type == stock_journal.DOC_TYPE
    ]


def _sales_journaled(conn: Connection, entries: Mapping[str, list[_Entry]]) -> list[str]:
    s = Sale.__table__
    problems = []
    for uuid, kind, no, reg in conn.execute(
        select(s.c.uuid, s.c.kind, s.c.receipt_no, s.c.register_id)
    ):
        mine = [e for e in entries.get(uuid, []) if e.doc_type in _SALE_KINDS]
        if not mine:
            problems.append(f"{kind} {no} has no journal entry")
        elif len(mine) > 1:
            problems.append(f"{kind} {no} has {len(mine)} journal entries")
        elif mine[0].doc_type != kind or mine[0].register_id != reg:
            problems.append(
                f"{kind} {no} is journaled as a {mine[0].doc_type} of {mine[0].register_id}"
            )
    return problems


def _movements_match(uow: UnitOfWork, entries: Mapping[str, list[_Entry]]) -> list[str]:
    """The movements of each sale and refund are what its lines say (or none for a refund
    without restocking), and no movement names a sale or refund the journal does not hold."""
    conn = uow.conn
    m = StockMovement.__table__
    moved: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for doc_uuid, pid, qty in conn.execute(
        select(m.c.doc_uuid, m.c.product_id, m.c.qty).where(m.c.doc_type.in_(_SALE_KINDS))
    ):
        moved[doc_uuid][pid] += qty
    s, sl = Sale.__table__, SaleLine.__table__
    wanted: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    kinds: dict[str, tuple[str, str]] = {}
    for uuid, kind, no, pid, qty in conn.execute(
        select(s.c.uuid, s.c.kind, s.c.receipt_no, sl.c.product_id, sl.c.qty).join(
            sl, sl.c.sale_id == s.c.id
        )
    ):
        wanted[uuid][pid] -= qty
        kinds[uuid] = (kind, no)
    untracked = untracked_products(uow, sorted({p for w in wanted.values() for p in w}))
    problems = []
    for doc_uuid in moved.keys() - wanted.keys():
        if not any(e.doc_type in _SALE_KINDS for e in entries.get(doc_uuid, [])):
            problems.append(f"stock movements name {doc_uuid}, which the journal does not hold")
    for uuid, want in wanted.items():
        kind, no = kinds[uuid]
        got = moved.get(uuid, {})
        tracked = {p: q for p, q in want.items() if p not in untracked}
        if kind == "refund" and not any(got.values()):
            continue  # refunded without restocking
        for pid, q in tracked.items():
            if got.get(pid, 0) != q:
                problems.append(
                    f"{kind} {no}: product {pid} moved {got.get(pid, 0)}, its lines say {q}"
                )
        for pid in got.keys() - want.keys():
            problems.append(f"{kind} {no}: product {pid} moved but is not on the receipt")
    return problems


def _receipt_numbers(conn: Connection) -> list[str]:
    s = Sale.__table__
    numbers: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for (no,) in conn.execute(select(s.c.receipt_no)):
        match = _NO.match(no)
        if match is None:
            continue
        numbers[(match["reg"], match["day"], match["series"])].add(int(match["n"]))
    a = AuditEvent.__table__
    voided = set(conn.execute(select(a.c.target).where(a.c.action == "receipt.void")).scalars())
    rc = ReceiptCounter.__table__
    counters = {
        (reg, day.strftime("%Y%m%d")): last
        for reg, day, last in conn.execute(
            select(rc.c.register_id, rc.c.business_date, rc.c.last_no)
        )
    }
    problems = []
    keys = set(numbers) | {(reg, day, "") for reg, day in counters}
    for reg, day, series in sorted(keys):
        have = numbers.get((reg, day, series), set())
        top = max(have, default=0)
        if not series:
            top = max(top, counters.get((reg, day), 0))
        for n in range(1, top + 1):
            if n not in have and f"{reg}-{day}-{series}{n:04d}" not in voided:
                problems.append(f"receipt {reg}-{day}-{series}{n:04d} is missing (no void record)")
        if not series and counters.get((reg, day), 0) < max(have, default=0):
            problems.append(f"receipt counter of {reg} on {day} is behind its receipts")
    return problems


def _outbox_matches(conn: Connection, entries: Mapping[str, list[_Entry]]) -> list[str]:
    o = OutboxEvent.__table__
    problems = []
    seen: set[str] = set()
    for doc_uuid, kind, payload in conn.execute(
        select(o.c.doc_uuid, o.c.kind, o.c.payload).where(o.c.kind.in_(_SALE_KINDS))
    ):
        seen.add(doc_uuid)
        mine = [e for e in entries.get(doc_uuid, []) if e.doc_type == kind]
        if not mine:
            problems.append(f"outbox {kind} {doc_uuid} has no journal entry")
        elif journal.canonical(payload) != mine[0].payload:
            problems.append(f"outbox {kind} {doc_uuid} differs from its journal entry")
    for doc_uuid, es in entries.items():
        if any(e.doc_type in _SALE_KINDS for e in es) and doc_uuid not in seen:
            problems.append(f"journal document {doc_uuid} has no outbox event")
    return problems


def _shifts(conn: Connection, entries: Mapping[str, list[_Entry]]) -> list[str]:
    """Each shift journaled as opened (and closed), and each sale's entry between its shift's
    opening and closing entries on its register's chain: the journal's order, not the clock
    (a clock set back cannot make an honest sale look misplaced, nor hide a moved one)."""
    t = Shift.__table__
    shifts = {r["id"]: r for r in conn.execute(select(t)).mappings()}
    problems = []
    bounds: dict[int, tuple[int, float]] = {}
    for sh in shifts.values():
        mine = {
            e.doc_type: e for e in entries.get(sh["uuid"], []) if e.register_id == sh["register_id"]
        }
        opened, closed = mine.get("shift_open"), mine.get("shift_close")
        if opened is None:
            problems.append(f"shift {sh['id']} ({sh['register_id']}) has no journal entry")
        if sh["status"] == "closed" and closed is None:
            problems.append(f"shift {sh['id']} was closed without a journal entry")
        if opened is not None:
            bounds[sh["id"]] = (opened.seq, closed.seq if closed is not None else float("inf"))
    s = Sale.__table__
    for uuid, no, reg, shift_id in conn.execute(
        select(s.c.uuid, s.c.receipt_no, s.c.register_id, s.c.shift_id)
    ):
        of = shifts.get(shift_id)
        if of is None or of["register_id"] != reg:
            problems.append(f"{no} names shift {shift_id}, not one of register {reg}")
            continue
        entry = next((e for e in entries.get(uuid, []) if e.doc_type in _SALE_KINDS), None)
        if entry is None or shift_id not in bounds:
            continue  # said above (no journal entry)
        low, high = bounds[shift_id]
        if not low < entry.seq < high:
            problems.append(f"{no} was sold outside its shift {shift_id} (journal #{entry.seq})")
    return problems


def _roles(conn: Connection) -> list[str]:
    """Each user's role and each role's permissions as the chained audit events left them."""
    a = AuditEvent.__table__
    role_of: dict[int, str] = {}
    perms_of: dict[str, set[str]] = {
        r.value: {p.value for p in ps} for r, ps in DEFAULT_GRANTS.items()
    }
    q = (
        select(a.c.action, a.c.target, a.c.after)
        .where(a.c.action.in_(("user.add", "user.role", "perm.grant", "perm.revoke")))
        .order_by(a.c.at, a.c.id)
    )
    for action, target, after in conn.execute(q):
        if action.startswith("user."):
            match = _USER.match(target)
            if match and isinstance(after, dict) and "role" in after:
                role_of[int(match[1])] = str(after["role"])
        elif isinstance(after, dict) and target.startswith("role "):
            role = target[5:].split(":", 1)[0]
            perms_of[role] = set(after.get("permissions", []))
    problems = []
    u = User.__table__
    for uid, name, role in conn.execute(select(u.c.id, u.c.name, u.c.role)):
        if role_of.get(uid) != role:
            problems.append(
                f"user {uid} ({name}) is {role}, the audit trail says {role_of.get(uid, 'nothing')}"
            )
    rp = RolePermission.__table__
    held: dict[str, set[str]] = defaultdict(set)
    for role, perm in conn.execute(select(rp.c.role, rp.c.permission)):
        held[role].add(perm)
    for role in sorted(set(held) | set(perms_of)):
        if held.get(role, set()) != perms_of.get(role, set()):
            extra = sorted(held.get(role, set()) - perms_of.get(role, set()))
            gone = sorted(perms_of.get(role, set()) - held.get(role, set()))
            problems.append(f"role {role}: permissions changed unrecorded (+{extra} -{gone})")
    return problems


def _policy(conn: Connection) -> list[str]:
    """Each store-policy row as the chained ``policy.change`` events left it (a row written
    around posapp.store_policy.change — a SQL console, a copied database — has none)."""
    a = AuditEvent.__table__
    recorded: dict[str, Any] = {}
    q = select(a.c.target, a.c.after).where(a.c.action == "policy.change").order_by(a.c.at, a.c.id)
    for target, after in conn.execute(q):
        if isinstance(after, dict) and target in after:
            recorded[target] = after[target]
    problems = []
    sp = StorePolicy.__table__
    for key, value in conn.execute(select(sp.c.key, sp.c.value).order_by(sp.c.key)):
        if key not in recorded:
            problems.append(f"store policy {key} is {value} with no recorded change")
        elif str(recorded[key]) != str(value):
            problems.append(f"store policy {key} is {value}, the audit trail says {recorded[key]}")
    return problems


def _anchors(conn: Connection, platform: Mapping[str, Anchor]) -> list[str]:
    j = JournalEntry.__table__
    heads = journal.heads(conn)
    a = AuditEvent.__table__
    kept: list[tuple[str, str, int, str]] = []
    for reg, after in conn.execute(
        select(a.c.register_id, a.c.after).where(a.c.action == "shift.close")
    ):
        if not isinstance(after, dict) or not reg:
            continue
        head = after.get("journal_head")
        if isinstance(head, dict):
            kept.append(("the Z", reg, int(head["seq"]), str(head["hash"])))
        stock = after.get("stock_head")  # the back office's chain, anchored on the same Z
        if isinstance(stock, dict):
            kept.append(("the Z", stock_journal.BACK_OFFICE, int(stock["seq"]), str(stock["hash"])))
    kept += [("the platform", reg, seq, digest) for reg, (seq, digest) in platform.items()]
    problems = []
    for where, reg, seq, digest in kept:
        if seq == 0:
            continue
        at = conn.execute(select(j.c.hash).where(j.c.register_id == reg, j.c.seq == seq)).scalar()
        if at is None or heads.get(reg, (0, ""))[0] < seq:
            problems.append(f"journal {reg}: {where} holds head #{seq}, the chain ends before it")
        elif at != digest:
            problems.append(f"journal {reg} #{seq}: differs from the head {where} holds")
    return problems


def _wall(at: dt.datetime) -> str:
    return calendar.to_local(at).strftime("%Y-%m-%d %H:%M:%S %Z")


def _by_register(entries: Mapping[str, list[_Entry]]) -> dict[str, list[tuple[str, _Entry]]]:
    """Each register's entries (with their document uuid) in the chain's order."""
    chains: dict[str, list[tuple[str, _Entry]]] = defaultdict(list)
    for doc_uuid, es in entries.items():
        for e in es:
            chains[e.register_id].append((doc_uuid, e))
    for chain in chains.values():
        chain.sort(key=lambda item: item[1].seq)
    return chains


def _episodes(conn: Connection) -> dict[str, list[tuple[int, float]]]:
    """Each register's recorded clock episodes as chain positions: ``clock.behind`` at head #k
    until ``clock.ok`` at head #m covers entries k+1..m (an open one: to the end)."""
    a = AuditEvent.__table__
    episodes: dict[str, list[tuple[int, float]]] = defaultdict(list)
    opened: dict[str, int] = {}
    q = (
        select(a.c.register_id, a.c.action, a.c.after)
        .where(a.c.action.in_((clock_guard.BEHIND, clock_guard.CAUGHT_UP)))
        .order_by(a.c.chain, a.c.seq, a.c.id)
    )
    for reg, action, after in conn.execute(q):
        seq = after.get("seq") if isinstance(after, dict) else None
        if not reg or not isinstance(seq, int):
            continue
        if action == clock_guard.BEHIND:
            opened.setdefault(reg, seq)
        elif reg in opened:
            episodes[reg].append((opened.pop(reg), seq))
    for reg, seq in opened.items():
        episodes[reg].append((seq, float("inf")))
    return episodes


def _inside(episodes: Mapping[str, list[tuple[int, float]]], reg: str, seq: int) -> bool:
    """Entry #seq of the register's chain was written during a recorded clock episode."""
    return any(k < seq <= m for k, m in episodes.get(reg, []))


def _clock_steps(
    entries: Mapping[str, list[_Entry]], episodes: Mapping[str, list[tuple[int, float]]]
) -> list[str]:
    """Each step back in journal time per register, as notes: inside a recorded episode the
    clock was set back; outside one it is a write with an earlier time of its own (a back-dated
    import, a script) — the chain's hashes still hold, so neither is a problem by itself."""
    notes = []
    for reg, chain in sorted(_by_register(entries).items()):
        for (_u, before), (_v, entry) in itertools.pairwise(chain):
            if entry.created_at >= before.created_at - clock_guard.TOLERANCE:
                continue
            said = (
                f"journal {reg} #{entry.seq} at {_wall(entry.created_at)} is earlier than "
                f"#{before.seq} at {_wall(before.created_at)}"
            )
            if _inside(episodes, reg, entry.seq):
                notes.append(f"{said} (the clock was set back; the till recorded it)")
            else:
                notes.append(f"{said}; no clock.behind event records it (written back-dated)")
    return notes


def _receipt_order(
    conn: Connection,
    entries: Mapping[str, list[_Entry]],
    episodes: Mapping[str, list[tuple[int, float]]],
) -> tuple[list[str], list[str]]:
    """Receipt numbers of each register's online series along its chain: (problems, notes).

    Within one day's series a number never repeats or goes back (a problem otherwise). A
    number of an earlier day than one already given on the chain is a problem while a recorded
    clock episode is open (the till numbers on the later day then, posapp.sales.clock_guard),
    and a note outside one (a back-dated write keeps the day it names)."""
    s = Sale.__table__
    numbers: dict[str, str] = {u: n for u, n in conn.execute(select(s.c.uuid, s.c.receipt_no))}
    problems, notes = [], []
    for reg, chain in sorted(_by_register(entries).items()):
        last_of_day: dict[str, tuple[int, str]] = {}
        latest: tuple[str, str] | None = None  # (day, number) of the latest day numbered
        for doc_uuid, entry in chain:
            no = numbers.get(doc_uuid) if entry.doc_type in _SALE_KINDS else None
            match = _NO.match(no) if no else None
            if no is None or match is None or match["series"] or match["reg"] != reg:
                continue
            day, n = match["day"], int(match["n"])
            before = last_of_day.get(day)
            if before is not None and n <= before[0]:
                problems.append(
                    f"receipt {no} (journal {reg} #{entry.seq}) does not follow {before[1]}: "
                    "receipt numbers out of order"
                )
            elif latest is not None and day < latest[0]:
                said = f"receipt {no} (journal {reg} #{entry.seq}) comes after {latest[1]}"
                if _inside(episodes, reg, entry.seq):
                    problems.append(f"{said} while the clock was behind: numbered on a past day")
                else:
                    notes.append(f"{said}: an earlier day's number (written back-dated)")
            if before is None or n > before[0]:
                last_of_day[day] = (n, no)
            if latest is None or day > latest[0]:
                latest = (day, no)
    return problems, notes
