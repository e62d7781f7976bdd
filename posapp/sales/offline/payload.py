"""The JSON form of what replaying an offline sale needs: its tenders and 현금영수증 request."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from posapp.sales.tenders import CashReceiptRequest, Method, ReceiptPurpose, Tender, VoucherKind


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def tender_json(t: Tender) -> dict[str, Any]:
    return {f.name: _plain(getattr(t, f.name)) for f in dataclasses.fields(t)}


def tender_from(d: dict[str, Any]) -> Tender:
    return Tender(
        method=Method(d["method"]),
        amount=int(d["amount"]),
        approval_no=d.get("approval_no"),
        approved_at=_when(d.get("approved_at")),
        card_masked=d.get("card_masked"),
        card_issuer=d.get("card_issuer"),
        installment_months=int(d.get("installment_months") or 0),
        voucher_kind=VoucherKind(d["voucher_kind"]) if d.get("voucher_kind") else None,
        reference=d.get("reference"),
    )


def cash_receipt_json(c: CashReceiptRequest | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {f.name: _plain(getattr(c, f.name)) for f in dataclasses.fields(c)}


def cash_receipt_from(d: dict[str, Any] | None) -> CashReceiptRequest | None:
    if d is None:
        return None
    return CashReceiptRequest(
        identity=d.get("identity"),
        purpose=ReceiptPurpose(d["purpose"]),
        approval_no=d.get("approval_no"),
        approved_at=_when(d.get("approved_at")),
    )


def _when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None
