"""The basement rooms' schedule: cooking-class sessions and meeting-space bookings.

Owns ``class_rooms``, ``class_sessions`` and ``class_ingredients``: creating a session or a weekly
series (a room is never double-booked), changing and cancelling one, the calendar listing, and
the ingredients per participant with their stock reservation. The prep list and marking a
session held are :mod:`posapp.classes.prep`'s.

Room double-booking: the room's ``class_rooms`` row is locked (``SELECT ... FOR UPDATE``; on
SQLite every writer already holds the database's write lock from ``BEGIN IMMEDIATE``) before
the room's other sessions are checked for overlap, so two staff members creating overlapping
sessions at once are serialised and the second one is refused.

Ingredients: a session reserves ``qty_per_seat × seats_taken`` of each ingredient under source
``"class"`` and ``source_uuid`` = the session's uuid (posapp.inventory.reservations); every
change of seats re-reserves (release all, reserve the new totals) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update

from posapp.classes.error_codes import ClassErrorCode
from posapp.db.engine import TableRow, UnitOfWork, inserted_id
from posapp.db.models import (
    ClassBooking,
    ClassIngredient,
    ClassRoom,
    ClassSession,
    Product,
    Region,
    utcnow,
)
from posapp.domain import calendar
from posapp.errors import PosError
from posapp.inventory import reservations
from posapp.inventory.ledger import Take

log = logging.getLogger(__name__)

KITCHEN = "kitchen"  # the open kitchen (cooking classes)
MEETING = "meeting"  # the meeting space (network meetings)
ROOMS = (KITCHEN, MEETING)
CLASS = "class"
MEETING_KIND = "meeting"
SCHEDULED, HELD, CANCELLED = "scheduled", "held", "cancelled"
RESERVATION_SOURCE = "class"
MAX_SERIES_WEEKS = 52


class ClassError(PosError):
    """A class session or booking that cannot be made as asked."""


@dataclass(frozen=True, slots=True)
class Ingredient:
    product_id: int
    qty_per_seat: int  # base units: pieces, or grams for weighed products


@dataclass(frozen=True, slots=True)
class SessionSpec:
    """What staff fill in for a session (or a meeting: ``kind="meeting"``, room ``meeting``)."""

    title_ko: str
    date: dt.date
    start: dt.time
    minutes: int
    capacity: int
    room: str = KITCHEN
    fee: int = 0
    title_en: str = ""
    theme: str = ""
    region_id: int | None = None
    instructor: str = ""
    organiser: str = ""
    note: str = ""
    kind: str = CLASS
    ingredients: tuple[Ingredient, ...] = field(default=())

    def starts_at(self) -> dt.datetime:
        return calendar.local_instant(self.date, self.start)


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    uuid: str
    series_uuid: str | None
    kind: str
    room: str
    title_ko: str
    title_en: str
    theme: str
    region_id: int | None
    region_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    seats_taken: int
    fee: int
    instructor: str
    organiser: str
    note: str
    status: str
    ingredients: tuple[Ingredient, ...]

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def local_start(self) -> dt.datetime:
        return calendar.to_local(self.starts_at)

    @property
    def local_end(self) -> dt.datetime:
        return calendar.to_local(self.ends_at)

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    def label(self) -> str:
        """``"순창 고추장 담그기 11/28(토) 14:00"`` — the session on a receipt line."""
        s = self.local_start
        wd = "월화수목금토일"[s.weekday()]
        return f"{self.title_ko} {s:%m/%d}({wd}) {s:%H:%M}"


def _check_spec(spec: SessionSpec) -> None:
    if not spec.title_ko.strip():
        raise ClassError("a session needs a Korean title", code=ClassErrorCode.TITLE)
    if spec.room not in ROOMS:
        raise ClassError(f"no room {spec.room!r}", code=ClassErrorCode.ROOM, room=spec.room)
    if spec.kind not in (CLASS, MEETING_KIND):
        raise ClassError(f"no session kind {spec.kind!r}", code=ClassErrorCode.KIND, kind=spec.kind)
    if not isinstance(spec.minutes, int) or not 15 <= spec.minutes <= 12 * 60:
        raise ClassError(
            f"a session lasts 15 minutes to 12 hours, not {spec.minutes!r} minutes",
            code=ClassErrorCode.LENGTH,
            minutes=spec.minutes,
        )
    if not isinstance(spec.capacity, int) or not 1 <= spec.capacity <= 200:
        raise ClassError(
            f"capacity must be 1 to 200 people, not {spec.capacity!r}",
            code=ClassErrorCode.CAPACITY,
            capacity=spec.capacity,
        )
    if not isinstance(spec.fee, int) or spec.fee < 0:
        raise ClassError(f"a fee of {spec.fee!r} won", code=ClassErrorCode.FEE, fee=spec.fee)
    seen: set[int] = set()
    for ing in spec.ingredients:
        if not isinstance(ing.qty_per_seat, int) or ing.qty_per_seat <= 0:
            raise ClassError(
                "an ingredient quantity per participant must be positive",
                code=ClassErrorCode.INGREDIENT_QTY,
                product_id=ing.product_id,
            )
        if ing.product_id in seen:
            raise ClassError(
                "an ingredient is listed twice",
                code=ClassErrorCode.INGREDIENT_TWICE,
                product_id=ing.product_id,
            )
        seen.add(ing.product_id)


def _lock_room(conn: Connection, room: str) -> None:
    """The room's row lock: serialises creating sessions in one room (PostgreSQL; SQLite's
    ``BEGIN IMMEDIATE`` already serialises every writer)."""
    found = conn.execute(
        select(ClassRoom.code).where(ClassRoom.code == room).with_for_update()
    ).first()
    if found is None:
        raise ClassError(f"no room {room!r}", code=ClassErrorCode.ROOM, room=room)


def _overlapping(
    conn: Connection,
    room: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    exclude_id: int | None = None,
) -> TableRow | None:
    """The first session in ``room`` overlapping the time (id, title_ko, starts_at, ends_at)."""
    t = ClassSession.__table__
    q = select(t.c.id, t.c.title_ko, t.c.starts_at, t.c.ends_at).where(
        t.c.room == room,
        t.c.status != CANCELLED,
        t.c.starts_at < ends_at,
        t.c.ends_at > starts_at,
    )
    if exclude_id is not None:
        q = q.where(t.c.id != exclude_id)
    return conn.execute(q.order_by(t.c.starts_at).limit(1)).first()


def _check_products(conn: Connection, ingredients: Sequence[Ingredient]) -> None:
    ids = {i.product_id for i in ingredients}
    if not ids:
        return
    have = set(conn.execute(select(Product.id).where(Product.id.in_(ids))).scalars())
    for pid in sorted(ids - have):
        raise ClassError(
            f"no product {pid}", code=ClassErrorCode.INGREDIENT_PRODUCT, product_id=pid
        )


def _check_room_free(
    conn: Connection, spec: SessionSpec, exclude_id: int | None = None
) -> tuple[dt.datetime, dt.datetime]:
    """The session's start and end, or ClassError if another session holds the room then
    (call under the room's lock)."""
    starts = spec.starts_at()
    ends = starts + dt.timedelta(minutes=spec.minutes)
    clash = _overlapping(conn, spec.room, starts, ends, exclude_id=exclude_id)
    if clash is not None:
        when = calendar.to_local(clash.starts_at)
        raise ClassError(
            f"the room is already booked then by {clash.title_ko!r} ({when:%Y-%m-%d %H:%M})",
            code=ClassErrorCode.ROOM_TAKEN,
            room=spec.room,
            date=spec.date.isoformat(),
            other=clash.title_ko,
            other_start=f"{when:%m/%d %H:%M}",
        )
    return starts, ends


def _insert_session(
    uow: UnitOfWork, spec: SessionSpec, series_uuid: str | None, user_id: int | None
) -> int:
    conn = uow.conn
    starts, ends = _check_room_free(conn, spec)
    sid = inserted_id(
        conn.execute(
            insert(ClassSession.__table__).values(
                uuid=str(uuidlib.uuid4()),
                series_uuid=series_uuid,
                **_spec_values(spec, starts, ends),
                seats_taken=0,
                status=SCHEDULED,
                created_by=user_id,
                created_at=utcnow(),
                held_at=None,
            )
        )
    )
    _insert_ingredients(conn, int(sid), spec.ingredients)
    return int(sid)


def _spec_values(spec: SessionSpec, starts: dt.datetime, ends: dt.datetime) -> dict[str, Any]:
    """The session columns staff fill in, trimmed to their lengths (new or changed)."""
    return {
        "kind": spec.kind,
        "room": spec.room,
        "title_ko": spec.title_ko.strip()[:120],
        "title_en": spec.title_en.strip()[:120],
        "theme": spec.theme.strip()[:120],
        "region_id": spec.region_id,
        "starts_at": starts,
        "ends_at": ends,
        "capacity": spec.capacity,
        "fee": spec.fee,
        "instructor": spec.instructor.strip()[:80],
        "organiser": spec.organiser.strip()[:80],
        "note": spec.note,
    }


def _insert_ingredients(
    conn: Connection, session_id: int, ingredients: Sequence[Ingredient]
) -> None:
    if ingredients:
        conn.execute(
            insert(ClassIngredient.__table__),
            [
                {
                    "session_id": session_id,
                    "product_id": i.product_id,
                    "qty_per_seat": i.qty_per_seat,
                }
                for i in ingredients
            ],
        )


def create_session(uow: UnitOfWork, spec: SessionSpec, *, user_id: int | None) -> SessionInfo:
    """One session; refused if its room is booked at an overlapping time."""
    _check_spec(spec)
    _check_products(uow.conn, spec.ingredients)
    _lock_room(uow.conn, spec.room)
    sid = _insert_session(uow, spec, None, user_id)
    return session_info(uow, sid)


def create_series(
    uow: UnitOfWork, spec: SessionSpec, *, weeks: int, user_id: int | None
) -> list[SessionInfo]:
    """``weeks`` weekly sessions from ``spec.date`` (one series uuid); all or none are made —
    a clash on any date refuses the whole series and names that date."""
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_SERIES_WEEKS:
        raise ClassError(
            f"a weekly series has 1 to {MAX_SERIES_WEEKS} sessions, not {weeks!r}",
            code=ClassErrorCode.SERIES_WEEKS,
            weeks=weeks,
        )
    _check_spec(spec)
    _check_products(uow.conn, spec.ingredients)
    _lock_room(uow.conn, spec.room)
    series = str(uuidlib.uuid4())
    ids = [
        _insert_session(uow, replace(spec, date=spec.date + dt.timedelta(weeks=w)), series, user_id)
        for w in range(weeks)
    ]
    return [session_info(uow, i) for i in ids]


def update_session(
    uow: UnitOfWork, session_uuid: str, spec: SessionSpec, *, user_id: int | None
) -> SessionInfo:
    """Change a scheduled session; capacity cannot go below the seats already booked."""
    _check_spec(spec)
    _check_products(uow.conn, spec.ingredients)
    conn = uow.conn
    _lock_room(conn, spec.room)
    row = locked_session(uow, session_uuid)
    if row.status != SCHEDULED:
        raise ClassError("only a scheduled session can change", code=ClassErrorCode.NOT_SCHEDULED)
    if spec.capacity < row.seats_taken:
        raise ClassError(
            f"{row.seats_taken} seats are booked; capacity cannot go below that",
            code=ClassErrorCode.CAPACITY_BELOW_BOOKED,
            booked=row.seats_taken,
        )
    starts, ends = _check_room_free(conn, spec, exclude_id=row.id)
    t = ClassSession.__table__
    conn.execute(update(t).where(t.c.id == row.id).values(**_spec_values(spec, starts, ends)))
    conn.execute(delete(ClassIngredient.__table__).where(ClassIngredient.session_id == row.id))
    _insert_ingredients(conn, row.id, spec.ingredients)
    rereserve(uow, row.id)
    return session_info(uow, row.id)


def locked_session(uow: UnitOfWork, session_uuid: str) -> TableRow:
    """The session's row, locked for a change (``class.not_found`` when there is none)."""
    conn = uow.conn
    row = conn.execute(
        select(ClassSession.__table__)
        .where(ClassSession.__table__.c.uuid == session_uuid)
        .with_for_update()
    ).first()
    if row is None:
        raise ClassError("no such session", code=ClassErrorCode.NOT_FOUND, uuid=session_uuid)
    return row


def _ingredients(conn: Connection, session_id: int) -> tuple[Ingredient, ...]:
    return tuple(
        Ingredient(pid, q)
        for pid, q in conn.execute(
            select(ClassIngredient.product_id, ClassIngredient.qty_per_seat)
            .where(ClassIngredient.session_id == session_id)
            .order_by(ClassIngredient.id)
        )
    )


def session_info(uow: UnitOfWork, session_id: int) -> SessionInfo:
    """The session with id ``session_id`` as the calendar shows it."""
    return _infos(uow.conn, [ClassSession.__table__.c.id == session_id])[0]


def _infos(conn: Connection, where: Sequence[ColumnElement[bool]]) -> list[SessionInfo]:
    t = ClassSession.__table__
    rows = conn.execute(
        select(t, Region.name.label("region_name"))
        .select_from(t.outerjoin(Region.__table__, Region.__table__.c.id == t.c.region_id))
        .where(*where)
        .order_by(t.c.starts_at, t.c.room, t.c.id)
    ).mappings()
    out = []
    for r in rows:
        out.append(
            SessionInfo(
                id=r["id"],
                uuid=r["uuid"],
                series_uuid=r["series_uuid"],
                kind=r["kind"],
                room=r["room"],
                title_ko=r["title_ko"],
                title_en=r["title_en"],
                theme=r["theme"],
                region_id=r["region_id"],
                region_name=r["region_name"] or "",
                starts_at=r["starts_at"],
                ends_at=r["ends_at"],
                capacity=r["capacity"],
                seats_taken=r["seats_taken"],
                fee=r["fee"],
                instructor=r["instructor"],
                organiser=r["organiser"],
                note=r["note"],
                status=r["status"],
                ingredients=_ingredients(conn, r["id"]),
            )
        )
    return out


def get_session(uow: UnitOfWork, session_uuid: str) -> SessionInfo:
    found = _infos(uow.conn, [ClassSession.__table__.c.uuid == session_uuid])
    if not found:
        raise ClassError("no such session", code=ClassErrorCode.NOT_FOUND, uuid=session_uuid)
    return found[0]


def list_sessions(
    uow: UnitOfWork,
    first_day: dt.date,
    last_day: dt.date,
    *,
    room: str | None = None,
    include_cancelled: bool = False,
) -> list[SessionInfo]:
    """Sessions starting on the store's calendar days ``first_day``..``last_day`` (the calendar)."""
    t = ClassSession.__table__
    lo = calendar.day_start(first_day)
    hi = dt.datetime.combine(
        last_day + dt.timedelta(days=1), dt.time(0), tzinfo=calendar.store_zone()
    )
    where = [t.c.starts_at >= lo, t.c.starts_at < hi.astimezone(dt.UTC)]
    if room is not None:
        where.append(t.c.room == room)
    if not include_cancelled:
        where.append(t.c.status != CANCELLED)
    return _infos(uow.conn, where)


# --- ingredients -----------------------------------------------------------------------------


def rereserve(uow: UnitOfWork, session_id: int) -> list[reservations.Shortage]:
    """Release the session's ingredient reservation and reserve the totals for its seats now.

    Returns the shortages (what is wanted beyond what is free) — a warning, not a refusal:
    the kitchen can buy or bring stock in before the day."""
    conn = uow.conn
    row = conn.execute(
        select(ClassSession.uuid, ClassSession.seats_taken, ClassSession.status).where(
            ClassSession.id == session_id
        )
    ).one()
    reservations.release(uow, row.uuid)
    if row.status != SCHEDULED or row.seats_taken <= 0:
        return []
    wants = [
        Take(i.product_id, i.qty_per_seat * row.seats_taken) for i in _ingredients(conn, session_id)
    ]
    if not wants:
        return []
    short = reservations.shortages(uow, wants)
    reservations.reserve(uow, wants, source=RESERVATION_SOURCE, source_uuid=row.uuid)
    if short:
        log.info("class session %s short of %s", row.uuid, short)
    return short


def cancel_session(uow: UnitOfWork, session_uuid: str, *, user_id: int | None) -> SessionInfo:
    """Cancel a session with no live bookings (cancel or refund those first); frees the room."""
    conn = uow.conn
    row = locked_session(uow, session_uuid)
    if row.status != SCHEDULED:
        raise ClassError(f"the session is {row.status}", code=ClassErrorCode.NOT_SCHEDULED)
    live = conn.execute(
        select(func.count())
        .select_from(ClassBooking)
        .where(
            ClassBooking.session_id == row.id,
            ClassBooking.status.in_(("held", "confirmed", "waitlist")),
        )
    ).scalar_one()
    if live:
        raise ClassError(
            f"{live} bookings are still live; cancel them first",
            code=ClassErrorCode.HAS_BOOKINGS,
            bookings=int(live),
        )
    t = ClassSession.__table__
    conn.execute(update(t).where(t.c.id == row.id).values(status=CANCELLED))
    reservations.release(uow, session_uuid)
    return session_info(uow, row.id)
