"""Tenders and the evidence each leaves for the VAT return: cash, card, vouchers, cash receipts.

Pure rules: how tenders settle a total (change only from cash), card data the till may keep
(approval number, date, masked number: never a full number, expiry or CVC), and the cash
receipt (현금영수증) request with its identity and purpose, or the NTS self-issue number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from posapp.domain.errors import TenderError
from posapp.sales.error_codes import CashReceiptErrorCode, TenderErrorCode


class Method(StrEnum):
    CASH = "cash"
    CARD = "card"  # approved by the card terminal
    CARD_MANUAL = "card_manual"  # approved by phone/another terminal, keyed in by hand
    VOUCHER = "voucher"  # 온누리상품권 / 지역사랑상품권
    TRANSFER = (
        "transfer"  # 계좌이체 (a business buyer's order; evidence as cash: 기타 / 현금영수증)
    )
    #: a refund's card part the terminal could not cancel yet (it was down): the refund is
    #: recorded, the cancel waits in posapp.sales.card_cancels until the terminal makes it
    CARD_PENDING = "card_pending"
    #: 원단위 절사: the won below the rounding unit of the cash part, not asked of the customer;
    #: recorded like a tender so the receipt's VAT split stays exact and the drawer balances
    ROUNDING = "rounding"
    #: 교환 (an exchange): the value of goods returned on the same ticket, moved from the
    #: refund of the earlier sale to the new sale (``reference``: the exchange id both carry);
    #: no money moves, so neither the drawer nor a card sees it
    EXCHANGE = "exchange"


#: the methods that are a card payment (or its refund) for the VAT return
CARD_METHODS = frozenset({Method.CARD, Method.CARD_MANUAL, Method.CARD_PENDING})


class VoucherKind(StrEnum):
    ONNURI = "onnuri"  # 온누리상품권 (지류): paper, serial kept, redeemed at the bank
    LOCAL = "local"  # 지역사랑상품권 (지류), e.g. 서울사랑
    #: electronic vouchers: approved through the card terminal port like a card (Method.CARD
    #: with this kind), refunded by a cancel of that approval, never cash
    ONNURI_CARD = "onnuri_card"  # 온누리상품권 카드형: a prepaid card (선불카드)
    ONNURI_MOBILE = "onnuri_mobile"  # 온누리상품권 모바일: 선불 전자지급수단
    LOCAL_MOBILE = "local_mobile"  # 지역사랑상품권 모바일 (서울사랑 등): 선불 전자지급수단


#: each kind's name, as the till, the reports and the store policy screen say it
VOUCHER_NAMES: dict[VoucherKind, tuple[str, str]] = {
    VoucherKind.ONNURI: ("온누리상품권(지류)", "Onnuri voucher (paper)"),
    VoucherKind.LOCAL: ("지역사랑상품권(지류)", "local voucher (paper)"),
    VoucherKind.ONNURI_CARD: ("온누리상품권(카드)", "Onnuri voucher (card)"),
    VoucherKind.ONNURI_MOBILE: ("온누리상품권(모바일)", "Onnuri voucher (mobile)"),
    VoucherKind.LOCAL_MOBILE: ("지역사랑상품권(모바일)", "local voucher (mobile)"),
}


def check_accepted(kind: VoucherKind, accepted: frozenset[VoucherKind]) -> None:
    """Refuse a voucher kind the store does not take (its policy ``accepted_vouchers``)."""
    if kind not in accepted:
        ko, en = VOUCHER_NAMES[kind]
        raise TenderError(
            f"this store does not take {kind.value}",
            code=TenderErrorCode.VOUCHER_NOT_ACCEPTED,
            kind_ko=ko,
            kind=en,
        )


#: the paper kinds (Method.VOUCHER) and the electronic ones (Method.CARD through the terminal)
PAPER_VOUCHERS = frozenset({VoucherKind.ONNURI, VoucherKind.LOCAL})
E_VOUCHERS = frozenset(
    {VoucherKind.ONNURI_CARD, VoucherKind.ONNURI_MOBILE, VoucherKind.LOCAL_MOBILE}
)


class Evidence(StrEnum):
    """How a payment shows up in the VAT return (부가세 신고)."""

    CARD = "card"
    CASH_RECEIPT = "cash_receipt"
    CASH = "cash"
    VOUCHER = "voucher"
    #: 온누리 카드형: a 선불카드 slip (the VAT return's 신용·직불·선불카드 row)
    PREPAID_CARD = "prepaid_card"
    #: a mobile voucher: 직불·선불 전자지급수단 (its own row of the 집계표)
    MOBILE_VOUCHER = "mobile_voucher"
    ROUNDING = "rounding"  # 원단위 절사: no money, no evidence
    #: 교환: the refund's part moved to the new sale and the sale's part paid by it; the two
    #: cancel out (the earlier sale's own evidence stays: its card slip was not cancelled)
    EXCHANGE = "exchange"


def e_voucher_evidence(kind: VoucherKind) -> Evidence:
    """The VAT evidence of an electronic voucher: the card kind is a 선불카드, the mobile kinds
    직불·선불 전자지급수단 (조세특례제한법 §126의2 / 부가가치세법 §46 place them so)."""
    return Evidence.PREPAID_CARD if kind is VoucherKind.ONNURI_CARD else Evidence.MOBILE_VOUCHER


class ReceiptPurpose(StrEnum):
    INCOME_DEDUCTION = "income_deduction"  # 소득공제
    EXPENSE_PROOF = "expense_proof"  # 지출증빙


SELF_ISSUE_NUMBER = "0100001234"  # NTS number for a cash receipt the customer did not ask for
MAX_ROUNDING = 100  # a rounding unit is 1 (off), 10 or 100 won


@dataclass(frozen=True, slots=True)
class Tender:
    method: Method
    amount: int  # for cash: the money handed over (change comes back from it)
    approval_no: str | None = None
    approved_at: dt.datetime | None = None
    card_masked: str | None = None
    card_issuer: str | None = None
    installment_months: int = 0
    voucher_kind: VoucherKind | None = None
    reference: str | None = None
    #: a paper voucher worth more than what is left to pay: ``"change"`` — the rest repaid in
    #: cash (the store's rule allows it: 60 % of the face used, 80 % up to ₩10,000) — or
    #: ``"forfeit"`` — too little used, nothing repaid; None: it may not be worth more
    voucher_rest: str | None = None
    #: the card slip: 매입사 and 가맹점번호 as the terminal answered them
    card_acquirer: str | None = None
    merchant_no: str | None = None
    #: a refund's card part: the approval it cancels (``approval_no`` is the cancel's own)
    original_approval_no: str | None = None
    original_approved_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.amount, int) or self.amount <= 0:
            raise TenderError(
                f"a tender amount must be a positive whole number of won, not {self.amount!r}",
                code=TenderErrorCode.AMOUNT,
            )
        for text in (self.approval_no, self.reference, self.original_approval_no):
            refuse_card_number(text)
        if self.method is Method.CARD_PENDING:
            if not self.original_approval_no or self.original_approved_at is None:
                raise TenderError(
                    "a card refund waiting for the terminal needs the approval it cancels",
                    code=TenderErrorCode.APPROVAL,
                )
        elif self.method in (Method.CARD, Method.CARD_MANUAL):
            if not self.approval_no:
                raise TenderError(
                    "a card payment needs its approval number", code=TenderErrorCode.APPROVAL
                )
            if self.card_masked is not None:
                check_masked_card(self.card_masked)
        if self.method is Method.ROUNDING and not self.amount < MAX_ROUNDING:
            raise TenderError(
                f"a rounding adjustment is less than {MAX_ROUNDING} won",
                code=TenderErrorCode.AMOUNT,
            )
        if self.voucher_rest not in (None, "change", "forfeit") or (
            self.voucher_rest is not None and self.method is not Method.VOUCHER
        ):
            raise TenderError("a voucher's rest is change or forfeit", code=TenderErrorCode.AMOUNT)
        if self.method is Method.VOUCHER and self.voucher_kind not in PAPER_VOUCHERS:
            raise TenderError(
                "say which voucher: Onnuri or local", code=TenderErrorCode.VOUCHER_KIND
            )
        if self.voucher_kind is not None and self.method is not Method.VOUCHER:
            if self.method not in CARD_METHODS or self.voucher_kind not in E_VOUCHERS:
                raise TenderError(
                    "an electronic voucher is approved through the card terminal",
                    code=TenderErrorCode.VOUCHER_KIND,
                )
            if self.installment_months:
                raise TenderError(
                    "a voucher is paid in one go", code=TenderErrorCode.VOUCHER_INSTALLMENT
                )

    @classmethod
    def cash(cls, amount: int) -> Tender:
        return cls(Method.CASH, amount)


def check_masked_card(text: str) -> str:
    """Refuse anything that could be a full card number: at most 10 digits may show."""
    digits = re.sub(r"\D", "", text)
    if len(digits) > 10:
        raise TenderError(
            "store only a masked card number (first 6 and last 4 digits at most)",
            code=TenderErrorCode.CARD_UNMASKED,
        )
    return text


def luhn_ok(digits: str) -> bool:
    """The Luhn check digit of a card number (ISO/IEC 7812)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_DIGIT_RUN = re.compile(r"\d(?:[\d -]*\d)?")


def looks_like_card_number(text: str | None) -> bool:
    """True when ``text`` holds a run of 12–19 digits (spaces and dashes allowed between
    them) that passes the Luhn check: a full card number typed where it must not be kept."""
    if not text:
        return False
    for run in _DIGIT_RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        if 12 <= len(digits) <= 19 and luhn_ok(digits):
            return True
    return False


def refuse_card_number(text: str | None) -> str | None:
    """Refuse a full card number in a free-text field of a tender (approval number, reference,
    note, voucher serial): it would be stored in payments, journal, outbox and platform."""
    if looks_like_card_number(text):
        raise TenderError(
            "a card number may not be typed here: type the approval number from the slip",
            code=TenderErrorCode.CARD_NUMBER_TYPED,
        )
    return text


def mask_card(pan: str) -> str:
    """Mask a card number as Korean receipts show it: 123456******1234 → 1234-56**-****-1234."""
    digits = re.sub(r"\D", "", pan)
    if not 12 <= len(digits) <= 19:
        raise TenderError("not a card number", code=TenderErrorCode.CARD_NUMBER)
    shown = digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    return "-".join(shown[i : i + 4] for i in range(0, len(shown), 4))


@dataclass(frozen=True, slots=True)
class CashReceiptRequest:
    """A 현금영수증: phone, cash-receipt card or business number; none means self-issue."""

    identity: str | None = None
    purpose: ReceiptPurpose = ReceiptPurpose.INCOME_DEDUCTION
    #: the approval the card terminal/VAN gave; None while not (yet) issued
    approval_no: str | None = None
    approved_at: dt.datetime | None = None

    def normalized_identity(self) -> str:
        if not self.identity:
            return SELF_ISSUE_NUMBER
        digits = re.sub(r"[\s-]", "", self.identity)
        if not digits.isdigit():
            raise TenderError(
                "a cash-receipt number is digits only (phone, card or business number)",
                code=CashReceiptErrorCode.IDENTITY,
            )
        if self.purpose is ReceiptPurpose.EXPENSE_PROOF:
            if len(digits) == 10 and not digits.startswith("01"):
                check_business_number(digits)
                return digits
            if len(digits) in (10, 11) and digits.startswith("01"):
                return digits
            if 13 <= len(digits) <= 19:
                return digits
            raise TenderError(
                "expense proof needs a business number (10 digits), phone or card",
                code=CashReceiptErrorCode.IDENTITY,
            )
        if len(digits) in (10, 11) and digits.startswith("01"):
            return digits
        if 13 <= len(digits) <= 19:
            return digits
        raise TenderError(
            "income deduction needs a mobile number (010…) or a cash-receipt card number",
            code=CashReceiptErrorCode.IDENTITY,
        )

    def masked_identity(self) -> str:
        ident = self.normalized_identity()
        if ident == SELF_ISSUE_NUMBER:
            return "010-000-1234"
        return ident[:3] + "*" * (len(ident) - 7) + ident[-4:]

    @property
    def self_issued(self) -> bool:
        return not self.identity

    @property
    def purpose_ko(self) -> str:
        """As the receipt prints it: 지출증빙, 소득공제, or 자진발급 (the NTS number: the
        customer gave none, so it is nobody's deduction)."""
        if self.self_issued:
            return "자진발급"
        return "지출증빙" if self.purpose is ReceiptPurpose.EXPENSE_PROOF else "소득공제"


def cash_receipt_amount(total: int, tenders: list[Tender] | tuple[Tender, ...]) -> int:
    """What a cash receipt covers: everything not paid by card (cash net of change, vouchers)."""
    settlement = settle(total, tenders)
    return sum(
        applied
        for t, applied in zip(tenders, settlement.applied, strict=True)
        # an exchange's credit is the goods returned, not money paid now
        if t.method not in CARD_METHODS and t.method not in (Method.ROUNDING, Method.EXCHANGE)
    )


def cash_rounding(total: int, tenders: list[Tender] | tuple[Tender, ...], unit: int) -> int:
    """원단위 절사: how many won of the cash part of ``total`` are not asked of the customer —
    what is due in cash after the card and voucher parts, below a multiple of ``unit``. 0 when
    rounding is off (``unit`` 1), when nothing is paid in cash, or when the tenders already
    carry the adjustment. Card and electronic parts are never rounded."""
    if unit <= 1 or any(t.method is Method.ROUNDING for t in tenders):
        return 0
    if not any(t.method is Method.CASH for t in tenders):
        return 0
    non_cash = sum(t.amount for t in tenders if t.method is not Method.CASH)
    return max(0, total - non_cash) % unit


def with_cash_rounding(
    total: int, tenders: list[Tender] | tuple[Tender, ...], unit: int
) -> list[Tender]:
    """The tenders with their 원단위 절사 adjustment, when the cash handed over covers the
    rounded cash part (a cash part too short for it stays short: nothing is rounded)."""
    out = list(tenders)
    r = cash_rounding(total, out, unit)
    if r:
        out.append(Tender(Method.ROUNDING, r))
    return out


def check_business_number(digits: str) -> str:
    """Korean business registration number (사업자등록번호) checksum."""
    if len(digits) != 10 or not digits.isdigit():
        raise TenderError("a business number has 10 digits", code=CashReceiptErrorCode.BUSINESS_NO)
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    total = sum(int(d) * w for d, w in zip(digits[:9], weights, strict=True))
    total += int(digits[8]) * 5 // 10
    if (10 - total % 10) % 10 != int(digits[9]):
        raise TenderError(
            f"business number {digits[:3]}-{digits[3:5]}-{digits[5:]} fails its check digit",
            code=CashReceiptErrorCode.BUSINESS_NO,
        )
    return digits


@dataclass(frozen=True, slots=True)
class VoucherRule:
    """When the rest of a paper voucher is repaid in cash: at least ``percent`` of its face
    value used (``small_percent`` for a face value of ``small_face`` won or less)."""

    percent: int = 60
    small_percent: int = 80
    small_face: int = 10_000

    def repays(self, face: int, used: int) -> bool:
        need = self.small_percent if face <= self.small_face else self.percent
        return used * 100 >= need * face


#: the most lenient rule a store may configure (상품권 표준약관: 60 % of the face value)
VOUCHER_CHANGE_FLOOR = 60


def voucher_tender(
    face: int, left: int, kind: VoucherKind, serial: str | None, rule: VoucherRule
) -> Tender:
    """A paper voucher of ``face`` won handed over when ``left`` won are still to pay: worth
    more than that, its rest is repaid in cash when the rule allows it, else forfeited."""
    rest = None
    if face > left:
        rest = "change" if rule.repays(face, left) else "forfeit"
    return Tender(Method.VOUCHER, face, voucher_kind=kind, reference=serial, voucher_rest=rest)


@dataclass(frozen=True, slots=True)
class Settlement:
    """How tenders settle a total: the amount applied per tender and the change due (all of it
    handed back in cash; ``changes`` says how much of it each tender gave)."""

    applied: tuple[int, ...]
    change: int
    changes: tuple[int, ...] = ()


def settle(total: int, tenders: list[Tender] | tuple[Tender, ...]) -> Settlement:
    """Apply tenders to ``total``. Cash may exceed what is due (the rest is change); so may a
    paper voucher marked for it (its rest repaid in cash, or forfeited)."""
    cash = sum(t.amount for t in tenders if t.method is Method.CASH)
    if any(t.method is Method.ROUNDING for t in tenders) and not cash:
        raise TenderError("only the cash part of a payment is rounded", code=TenderErrorCode.AMOUNT)
    fixed = sum(t.amount for t in tenders if t.method is not Method.CASH and t.voucher_rest is None)
    non_cash = sum(t.amount for t in tenders if t.method is not Method.CASH)
    if fixed > total:
        raise TenderError(
            f"card and voucher payments ({non_cash:,} won) exceed the amount due ({total:,} won)",
            code=TenderErrorCode.OVERPAID,
            paid=non_cash,
            due=total,
            over=non_cash - total,
        )
    left = total - fixed
    voucher_used: dict[int, int] = {}
    voucher_change: dict[int, int] = {}
    for i, t in enumerate(tenders):
        if t.voucher_rest is None:
            continue
        used = min(t.amount, left)
        if used <= 0 or used == t.amount:
            raise TenderError(
                f"card and voucher payments ({non_cash:,} won) exceed the amount due "
                f"({total:,} won)",
                code=TenderErrorCode.OVERPAID,
                paid=non_cash,
                due=total,
                over=non_cash - total,
            )
        left -= used
        voucher_used[i] = used
        if t.voucher_rest == "change":
            if used * 100 < VOUCHER_CHANGE_FLOOR * t.amount:
                raise TenderError(
                    f"a voucher's rest is repaid only when {VOUCHER_CHANGE_FLOOR} % of it is used",
                    code=TenderErrorCode.VOUCHER_CHANGE,
                    percent=VOUCHER_CHANGE_FLOOR,
                )
            voucher_change[i] = t.amount - used
    due_in_cash = left
    if cash < due_in_cash:
        raise TenderError(
            f"{due_in_cash - cash:,} won still to pay",
            code=TenderErrorCode.SHORT,
            remaining=due_in_cash - cash,
            short=due_in_cash - cash,
        )
    cash_change = cash - due_in_cash
    applied: list[int] = []
    changes: list[int] = []
    left_change = cash_change
    for i, t in enumerate(tenders):
        if t.method is Method.CASH:
            give = min(left_change, t.amount)
            left_change -= give
            applied.append(t.amount - give)
            changes.append(give)
        elif i in voucher_used:
            applied.append(voucher_used[i])
            changes.append(voucher_change.get(i, 0))
        else:
            applied.append(t.amount)
            changes.append(0)
    return Settlement(tuple(applied), cash_change + sum(voucher_change.values()), tuple(changes))
