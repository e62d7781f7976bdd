"""Sync with the online platform: the outbox of events, the sync state, online orders and the
stock they reserve."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, BigID, UTCDateTime, utcnow


class OutboxEvent(Base):
    """Transactional outbox: written in the same transaction as the document it reports."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    doc_uuid: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: the till that wrote it sends it (several tills share one PostgreSQL outbox)
    register_id: Mapped[str | None] = mapped_column(String(16))
    #: the platform refused it for good (shown to the manager; never resent on its own)
    rejected_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_outbox_pending", "sent_at", "id"),
        Index("ix_outbox_doc", "doc_uuid"),
    )


class SyncState(Base):
    """Small durable facts of the sync: the server's cursors (never the till's clock)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class OnlineOrder(Base):
    """An order placed on the online platform for pick-up at the store (prepaid online)."""

    __tablename__ = "online_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    order_no: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    customer_name: Mapped[str] = mapped_column(String(80), default="")
    customer_phone: Mapped[str] = mapped_column(String(20), default="")
    total: Mapped[int] = mapped_column(Integer, default=0)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    problem: Mapped[str] = mapped_column(Text, default="")
    placed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    picked_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    picked_up_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class StockReservation(Base):
    """Stock promised but not yet taken (an online order, a class's ingredients).

    Reserved quantity is not a ledger movement: the goods are still on the shelf. Consuming a
    reservation posts the movement; releasing it posts nothing."""

    __tablename__ = "stock_reservations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    source_uuid: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(12), default="active")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_stock_reservations_active", "product_id", "status"),)
