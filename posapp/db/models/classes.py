"""Cooking classes and basement bookings: rooms, sessions, their ingredients and bookings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, UTCDateTime, utcnow


class ClassRoom(Base):
    """A bookable basement room (open kitchen, meeting space); its row is the lock under which
    a new session is checked against the room's other sessions."""

    __tablename__ = "class_rooms"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), default="")


class ClassSession(Base):
    """One cooking class or meeting in a basement room. ``seats_taken`` is the counter that
    capacity is enforced on (an atomic conditional UPDATE)."""

    __tablename__ = "class_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    series_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(8), default="class")
    room: Mapped[str] = mapped_column(ForeignKey("class_rooms.code"))
    title_ko: Mapped[str] = mapped_column(String(120))
    title_en: Mapped[str] = mapped_column(String(120), default="")
    theme: Mapped[str] = mapped_column(String(120), default="")
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    fee: Mapped[int] = mapped_column(Integer, default=0)
    instructor: Mapped[str] = mapped_column(String(80), default="")
    organiser: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    held_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_class_sessions_room_time", "room", "starts_at"),)


class ClassIngredient(Base):
    """What one participant of a session uses of a product, in base units."""

    __tablename__ = "class_ingredients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("class_sessions.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty_per_seat: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("session_id", "product_id"),)


class ClassBooking(Base):
    """A booking of seats (or of the meeting space): held → confirmed (paid or pay on
    arrival), waitlist → held, and cancelled / expired; paid through a sale's line."""

    __tablename__ = "class_bookings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("class_sessions.id"), index=True)
    customer_name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(20))
    seats: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer, default=0)
    allergies: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    pay_on_arrival: Mapped[bool] = mapped_column(Boolean, default=False)
    hold_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    sale_uuid: Mapped[str | None] = mapped_column(String(36))
    receipt_no: Mapped[str | None] = mapped_column(String(32))
    line_no: Mapped[int | None] = mapped_column(Integer)
    paid_amount: Mapped[int] = mapped_column(Integer, default=0)
    refund_receipt_no: Mapped[str | None] = mapped_column(String(32))
    refunded_amount: Mapped[int] = mapped_column(Integer, default=0)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
