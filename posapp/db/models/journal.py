"""Integrity: the tamper-evident sales journal and its head, and the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, BigID, UTCDateTime, utcnow


class JournalEntry(Base):
    """The hash chain of completed documents, one chain per register."""

    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"))
    seq: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[str] = mapped_column(String(16))
    doc_uuid: Mapped[str] = mapped_column(String(36))  # not indexed: nothing looks it up
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("register_id", "seq"),)


class JournalHead(Base):
    """The last journal entry per register, updated atomically to serialise its chain."""

    __tablename__ = "journal_heads"
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    register_id: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(120), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the keyed chain (migration 0011_records): one chain per register ("" for none); NULL on
    # rows written before it until the upgrade chains them (posapp.audit.upgrade_chains)
    chain: Mapped[str | None] = mapped_column(String(16))
    seq: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("chain", "seq"),)


class AuditHead(Base):
    """The last chained audit event per chain (a register, or "" for events of no register)."""

    __tablename__ = "audit_heads"
    chain: Mapped[str] = mapped_column(String(16), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class StoreMeta(Base):
    """Facts about this store's database: its identity, the chain scheme in force."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
