"""The card simulator's side of the JSON line protocol: requests checked, answers and
refusals encoded, the ledger entry kept per ``request_id``, the knobs a request draws, and the
masks that keep card numbers and identities out of logs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from posapp.domain import calendar

MAX_LINE = 64 * 1024
IDLE_TIMEOUT = 30.0  # a connection that sends nothing for this long is closed

# (first 6 digits, issuer, acquirer): plausible Korean BINs; the rest of each number is random.
CARD_POOL: tuple[tuple[str, str, str], ...] = (
    ("941012", "신한카드", "신한카드"),
    ("536510", "KB국민카드", "KB국민카드"),
    ("451842", "현대카드", "현대카드"),
    ("356091", "삼성카드", "삼성카드"),
    ("943020", "BC카드(우리)", "BC카드"),
    ("467309", "롯데카드", "롯데카드"),
    ("461954", "하나카드", "하나카드"),
    ("552576", "NH농협카드", "NH농협카드"),
)
CHARGING_OPS = ("approve", "cancel", "cash_receipt", "cash_receipt_cancel")
FINAL_REFUSALS = ("declined", "insufficient_funds")  # remembered for the request_id
PURPOSES = ("income_deduction", "expense_proof")
ORIGINAL_OP = {"cancel": "approve", "cash_receipt_cancel": "cash_receipt"}


@dataclass
class LedgerEntry:
    """What the terminal did with one ``request_id``.

    ``state``: ``charged`` (an approval or cash receipt in force; ``refunded`` won of it
    cancelled so far), ``cancelled`` (fully refunded), ``declined``, ``done`` (a cancel that
    went through) or ``net_cancelled`` (undone by 망취소 — or refused because the net-cancel
    came first). ``times_asked`` counts how often the request arrived."""

    request_id: str
    op: str
    amount: int
    state: str
    answer: dict[str, Any]
    approval_no: str = ""
    approved_at: dt.datetime | None = None
    refunded: int = 0
    original: str = ""  # a cancel's original request_id
    times_asked: int = 1
    fingerprint: tuple[Any, ...] = ()


@dataclass
class Knobs:
    decline: list[tuple[str, str]] = field(default_factory=list)
    delay: list[tuple[float, bool]] = field(default_factory=list)
    drop: int = 0
    garble: int = 0
    unmasked: int = 0
    refuse_net_cancel: int = 0
    decline_over: int | None = None


@dataclass
class Plan:
    """The knobs one request drew."""

    decline: tuple[str, str] | None = None
    wait_before: float = 0.0
    wait_after: float = 0.0
    drop: bool = False
    garble: bool = False
    unmasked: bool = False


class BadRequest(Exception):
    pass


def validate(op: str, req: dict[str, Any]) -> dict[str, Any]:
    """The parameters of a money-moving request, checked; BadRequest otherwise."""
    amount = req.get("amount")
    if type(amount) is not int or not 0 < amount <= 100_000_000:
        raise BadRequest("amount: whole won, 1 to 100,000,000")
    params: dict[str, Any] = {"amount": amount, **_tax(req, amount)}
    if op == "approve":
        months = req.get("installment_months", 0)
        if type(months) is not int or months < 0:
            raise BadRequest("installment_months: 0 (일시불) or 2 to 36")
        params["installment_months"] = months
        kind = req.get("voucher_kind")
        if kind is not None:  # an electronic voucher (온누리 카드/모바일, 지역사랑 모바일)
            if kind not in ("onnuri_card", "onnuri_mobile", "local_mobile") or months:
                raise BadRequest("voucher_kind: onnuri_card, onnuri_mobile or local_mobile, 일시불")
            params["voucher_kind"] = kind
    elif op == "cash_receipt":
        identity, purpose = req.get("identity"), req.get("purpose")
        digits = re.sub(r"-", "", identity) if isinstance(identity, str) else ""
        if not re.fullmatch(r"\d{10,19}", digits):
            raise BadRequest("identity: a phone, cash-receipt card or business number")
        if purpose not in PURPOSES:
            raise BadRequest(f"purpose: one of {', '.join(PURPOSES)}")
        params |= {"identity": digits, "purpose": purpose}
    else:
        approval_no, approved_at = req.get("approval_no"), req.get("approved_at")
        if not isinstance(approval_no, str) or not approval_no:
            raise BadRequest("approval_no missing")
        try:
            at = dt.datetime.fromisoformat(str(approved_at))
        except ValueError:
            raise BadRequest("approved_at: ISO-8601") from None
        params |= {
            "approval_no": approval_no,
            "approved_at": at if at.tzinfo else at.replace(tzinfo=calendar.store_zone()),
        }
    return params


TAX_FIELDS = ("supply_value", "vat", "tax_free", "service_charge")


def _tax(req: dict[str, Any], amount: int) -> dict[str, int]:
    """공급가액/부가세/면세금액/봉사료: all four or none; whole won, 0 or more, summing to the
    amount (a till that sends none is an older one: accepted)."""
    given = [k for k in TAX_FIELDS if k in req]
    if not given:
        return {}
    if len(given) != len(TAX_FIELDS):
        raise BadRequest(f"tax split: give all of {', '.join(TAX_FIELDS)}")
    values = {k: req[k] for k in TAX_FIELDS}
    if any(type(v) is not int or v < 0 for v in values.values()):
        raise BadRequest("tax split: whole won, 0 or more")
    if sum(values.values()) != amount:
        raise BadRequest("tax split: supply_value + vat + tax_free + service_charge != amount")
    return values


def refuse(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "v": 1, "code": code, "message": message}


def encode(answer: dict[str, Any]) -> bytes:
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def copy_entry(entry: LedgerEntry) -> LedgerEntry:
    return dataclasses.replace(entry, answer=dict(entry.answer))


def mask_identity(digits: str) -> str:
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def printable(value: str) -> str:
    """Never print more than 10 digits of anything (a leaked card number, say)."""
    return value if len(re.sub(r"\D", "", value)) <= 10 else "[unmasked number withheld]"
