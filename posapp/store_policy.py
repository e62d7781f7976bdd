"""Store policy: the rules a store sets for every till (discount limit, PIN lockout, sanity
limits, …), kept in the database (``store_policy``), changed by a holder of ``settings`` and
audited. The TOML holds only what belongs to a machine; a policy key in a till's TOML changes
nothing.

One more key is one line in :data:`KEYS`: its name, default, bounds and the words the screen
shows. :func:`load` returns every key (the stored value or the default) as a :class:`Policy`
mapping; :func:`change` is the one writer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from posapp import audit
from posapp.db.engine import UnitOfWork
from posapp.db.models import StorePolicy, utcnow
from posapp.error_codes import PolicyErrorCode
from posapp.errors import PosError


@dataclass(frozen=True)
class PolicyKey:
    """A policy setting: an int between ``low`` and ``high`` (a bool is 0/1), one of
    ``choices`` when it has them."""

    name: str
    default: int
    low: int
    high: int
    label: str  # the settings screen's words (Korean data, shown as is)
    choices: tuple[int, ...] = ()

    def allows(self, value: int) -> bool:
        return self.low <= value <= self.high and (not self.choices or value in self.choices)


#: every store-policy key; add one line for one more
KEYS: tuple[PolicyKey, ...] = (
    PolicyKey("discount_limit_percent", 10, 0, 100, "할인 한도 (%, 넘으면 관리자 승인)"),
    PolicyKey("pin_lock_minutes", 15, 1, 24 * 60, "PIN 10회 오류 시 잠금 (분)"),
    PolicyKey("max_qty", 999, 1, 1_000_000, "한 품목 최대 수량 (넘으면 관리자 승인)"),
    PolicyKey("max_weight_g", 30_000, 1, 1_000_000, "한 품목 최대 무게 (g)"),
    PolicyKey("max_line_total", 5_000_000, 1, 1_000_000_000, "한 품목 최대 금액 (원)"),
    PolicyKey("max_ticket_total", 20_000_000, 1, 2_000_000_000, "거래 최대 금액 (원)"),
    # money rules that were a till's TOML ([sales], [card]) before: a cashier with the config
    # file could round every cash sale down by ₩99, keep a voucher's rest, sell expired lots
    # without a manager or skip the mandatory 현금영수증
    PolicyKey(
        "cash_rounding_unit", 10, 1, 100, "원단위 절사 (현금, 원: 1 = 하지 않음)", (1, 10, 100)
    ),
    PolicyKey("installment_from", 50_000, 50_000, 100_000_000, "할부 가능 금액 (원 이상)"),
    # a paper voucher's rest is repaid in cash once 60 % of its face value is used — never
    # below (cash for a voucher is 환전), and a small one's at 80 % at most (the 상품권 terms);
    # a store may take small ones at 60 % too, or call fewer of them small
    PolicyKey("voucher_change_percent_small", 80, 60, 80, "소액 상품권 잔액 반환: 사용 비율 (%)"),
    PolicyKey("voucher_small_face", 10_000, 0, 10_000, "상품권 소액권 기준 (원 이하)"),
    PolicyKey("cash_receipt_mandatory", 0, 0, 1, "현금영수증 의무발행업종 (1 = 예)"),
    PolicyKey("cash_receipt_mandatory_from", 100_000, 1, 100_000_000, "의무발행 금액 (원 이상)"),
    # taking a line off the open ticket (or lowering it) asks a manager: once the total was
    # asked for, or a while after the line was scanned (0: never) — as store POS systems do
    PolicyKey("void_approval_after_subtotal", 0, 0, 1, "결제 창을 연 뒤 품목 삭제: 관리자 승인"),
    PolicyKey(
        "void_approval_after_s", 0, 0, 3600, "스캔 후 이 시간(초)이 지난 품목 삭제: 관리자 승인"
    ),
    PolicyKey("class_hold_minutes", 30, 1, 24 * 60, "요리 수업 예약: 결제 전 좌석 유지 (분)"),
    PolicyKey("expired_lots_block", 0, 0, 1, "유통기한 지난 로트: 관리자 승인 (1 = 예, 0 = 경고)"),
    # returns without a receipt (posapp.sales.no_receipt): cash only, a manager, these limits
    PolicyKey(
        "no_receipt_refund_limit",
        30_000,
        0,
        10_000_000,
        "영수증 없는 반품: 1회 현금 한도 (원, 0 = 받지 않음)",
    ),
    PolicyKey(
        "no_receipt_shift_count", 0, 0, 1_000, "영수증 없는 반품: 교대당 건수 (0 = 제한 없음)"
    ),
    PolicyKey(
        "no_receipt_shift_total",
        0,
        0,
        100_000_000,
        "영수증 없는 반품: 교대당 합계 (원, 0 = 제한 없음)",
    ),
)
BY_NAME: Mapping[str, PolicyKey] = {k.name: k for k in KEYS}


@dataclass(frozen=True)
class TextKey:
    """A policy setting written as text (checked by ``check``, which raises in words)."""

    name: str
    default: str
    label: str
    check: Callable[[str], object]


def _class_tiers(text: str) -> object:
    from posapp.classes.policy import parse_tiers

    return parse_tiers(text)


#: the voucher kinds a store may take (posapp.sales.tenders.VoucherKind's values)
VOUCHER_KINDS = ("onnuri", "local", "onnuri_card", "onnuri_mobile", "local_mobile")


def voucher_kinds(text: str) -> frozenset[str]:
    """The kinds of ``accepted_vouchers`` written as ``onnuri,local,onnuri_mobile`` (``none``:
    no vouchers at all); :class:`PolicyError` naming what is not a kind."""
    words = [w.strip() for w in text.replace(" ", ",").split(",") if w.strip()]
    if words == ["none"]:
        return frozenset()
    wrong = [w for w in words if w not in VOUCHER_KINDS]
    if wrong or not words:
        raise PolicyError(
            f"unknown voucher kinds {wrong!r}",
            code=PolicyErrorCode.VOUCHER_KINDS,
            key="받는 상품권",
            wrong=", ".join(wrong) or "-",
        )
    return frozenset(words)


#: the store's rules written as text (the cooking classes' refund tiers, the vouchers taken)
TEXT_KEYS: tuple[TextKey, ...] = (
    # a store takes the vouchers it is registered for (가맹점): paper ones by default; the
    # card and mobile kinds once its terminal's VAN handles them
    TextKey(
        "accepted_vouchers",
        "onnuri,local",
        "받는 상품권 (onnuri, local, onnuri_card, onnuri_mobile, local_mobile 또는 none)",
        voucher_kinds,
    ),
    TextKey(
        "class_refund_tiers",
        "3:100,1:50,0:0",
        "요리 수업 취소 환불 (수업 N일 전까지:%, …)",
        _class_tiers,
    ),
)
TEXT_BY_NAME: Mapping[str, TextKey] = {k.name: k for k in TEXT_KEYS}


class PolicyError(PosError):
    pass


@dataclass(frozen=True)
class Policy(Mapping[str, int]):
    """The store's policy as read in one transaction: every key, stored or default."""

    entries: Mapping[str, int]

    def __getitem__(self, key: str) -> int:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def defaults(cls) -> Policy:
        return cls({k.name: k.default for k in KEYS})


def load(uow: UnitOfWork) -> Policy:
    stored: dict[str, Any] = {
        k: v for k, v in uow.conn.execute(select(StorePolicy.key, StorePolicy.value))
    }
    values: dict[str, int] = {}
    for key in KEYS:
        raw: Any = stored.get(key.name, key.default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = key.default
        values[key.name] = value if key.allows(value) else key.default
    return Policy(values)


def load_text(uow: UnitOfWork) -> dict[str, str]:
    """Every text key: the stored text when it still passes its check, else the default."""
    names = [k.name for k in TEXT_KEYS]
    stored: dict[str, Any] = dict(
        uow.conn.execute(
            select(StorePolicy.key, StorePolicy.value).where(StorePolicy.key.in_(names))
        ).all()
    )
    out: dict[str, str] = {}
    for key in TEXT_KEYS:
        raw = stored.get(key.name)
        try:
            if not isinstance(raw, str):
                raise ValueError(raw)
            key.check(raw)
            out[key.name] = raw
        except Exception:  # a row written around change(): the default, and verify says so
            out[key.name] = key.default
    return out


def validate(name: str, value: object) -> int | str:
    text_key = TEXT_BY_NAME.get(name)
    if text_key is not None:
        if not isinstance(value, str) or not value.strip():
            raise PolicyError(f"{name} must be text", code=PolicyErrorCode.TEXT, key=text_key.label)
        text_key.check(value.strip())  # raises in the words of its own error code
        return value.strip()
    key = BY_NAME.get(name)
    if key is None:
        raise PolicyError(f"no policy key {name!r}", code=PolicyErrorCode.UNKNOWN, key=name)
    if isinstance(value, bool):
        value = int(value)
    if not isinstance(value, int) or not key.allows(value):
        if key.choices:
            raise PolicyError(
                f"{name} must be one of {key.choices}",
                code=PolicyErrorCode.CHOICE,
                key=key.label,
                choices=", ".join(str(c) for c in key.choices),
            )
        raise PolicyError(
            f"{name} must be {key.low}..{key.high}",
            code=PolicyErrorCode.RANGE,
            key=key.label,
            low=key.low,
            high=key.high,
        )
    return value


def change(
    uow: UnitOfWork,
    changes: Mapping[str, object],
    actor_id: int,
    *,
    register_id: str | None = None,
    at: dt.datetime | None = None,
) -> Policy:
    """Store ``changes`` (checked first, all or none), an audit event per changed key with
    the value before and after and who changed it. ``actor_id`` is checked by the caller
    (the ``settings`` permission)."""
    checked = {name: validate(name, value) for name, value in changes.items()}
    before: dict[str, int | str] = {**load(uow), **load_text(uow)}
    at = at or utcnow()
    for name, value in checked.items():
        if before[name] == value:
            continue
        row = uow.session.get(StorePolicy, name)
        if row is None:
            uow.session.add(StorePolicy(key=name, value=value, updated_at=at, updated_by=actor_id))
        else:
            row.value, row.updated_at, row.updated_by = value, at, actor_id
        audit.record(
            uow.conn,
            "policy.change",
            actor_id,
            register_id,
            name,
            {name: before[name]},
            {name: value},
            at,
        )
    uow.session.flush()
    return load(uow)


__all__ = [
    "BY_NAME",
    "KEYS",
    "TEXT_BY_NAME",
    "TEXT_KEYS",
    "Policy",
    "PolicyError",
    "PolicyKey",
    "TextKey",
    "change",
    "load",
    "load_text",
    "validate",
]
