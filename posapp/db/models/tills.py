"""People and tills: registers, users, shifts and their cash movements (paid in, paid out,
pickups), receipt numbers and the permissions of each role."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, UTCDateTime, utcnow


class Register(Base):
    __tablename__ = "registers"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    """A cashier, manager, class staff member or admin; the PIN is stored as an Argon2id hash."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Shift(Base):
    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    business_date: Mapped[dt.date] = mapped_column(Date)
    opening_float: Mapped[int] = mapped_column(Integer, default=0)
    opening_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closing_counts: Mapped[dict[str, int] | None] = mapped_column(JSON)
    counted_cash: Mapped[int | None] = mapped_column(Integer)
    expected_cash: Mapped[int | None] = mapped_column(Integer)
    z_number: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8), default="open")


class CashMovement(Base):
    """Cash in or out of a shift's drawer that is not a sale: 입금 (paid in: change from the
    bank), 출금 (paid out: a delivery paid from the till), 중간 입금 (a pickup to the safe)."""

    __tablename__ = "cash_movements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"))
    kind: Mapped[str] = mapped_column(String(12))  # paid_in | paid_out | pickup
    amount: Mapped[int] = mapped_column(Integer)  # always > 0; the kind says which way
    reason: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReceiptCounter(Base):
    """Per register and business day, the last receipt sequence handed out."""

    __tablename__ = "receipt_counters"
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), primary_key=True)
    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


# One open shift per register, kept by the database itself: two tills racing to open a shift on
# the same register cannot both succeed, whatever the service layer does.
Index(
    "uq_shifts_one_open_per_register",
    Shift.register_id,
    unique=True,
    sqlite_where=Shift.status == "open",
    postgresql_where=Shift.status == "open",
)


class RolePermission(Base):
    """A permission (posapp.auth.permissions.Permission) granted to a role; edited by an admin."""

    __tablename__ = "role_permissions"
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)
