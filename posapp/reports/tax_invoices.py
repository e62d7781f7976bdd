"""세금계산서 / 계산서 requests: a business buyer's invoice for a sale (a 명절 gift-box order, a
class or meeting-room booking paid at the till), the list the accountant issues from, and its
states (to issue → issued with the NTS approval number, or cancelled).

Owns ``tax_invoices``. One supply gets one kind of evidence (부가가치세법 §33②): a sale with a
card slip (or any electronic payment slip) or a 현금영수증 — issued or still pending — is
refused a tax invoice; paid by transfer or cash it gets one, a 세금계산서 for its 과세 part and a
계산서 for its 면세 part (the figures copied from the sale's own VAT split). The VAT figures
(:mod:`posapp.reports.vat`) then place the sale under 세금계산서 / 계산서 instead of 기타.
The buyer's 사업자등록번호 is checked with its check digit; 상호, 대표자 and the e-mail the
e-tax invoice is sent to are required; 주소, 업태, 종목 are kept when given. The export
(:func:`invoices_report`, through the report CSV / XLSX writers) carries every field the store
has of the e-tax-invoice standard for the accountant's issuing software.

A class or meeting-room booking not paid at the till (a company paying by 계좌이체) is a
supply with no receipt: :func:`request_booking` records its request from the booking's own
figures (:class:`Supply`: the session's day as the day of supply, the fee with its tax class),
keyed by ``booking_uuid``; the VAT figures place it under 세금계산서 / 계산서 in the period of
that day, and :func:`cancel_for_booking` cancels it when the booking is cancelled.

At the till (:mod:`posapp.usecases.tax_invoice`): :func:`check_tenders` refuses a request with a
card or electronic part or a 현금영수증 before anything is charged; :func:`request_deadline` is
the last day a request made after the sale is taken (the 10th of the next month, 부가가치세법
§34③, moved past a weekend); :func:`receipt_lines` is the block the customer's receipt prints
(the number masked as the 현금영수증 identity is) and :func:`slip_lines` the 요청서 slip.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, insert, select, update

from posapp import audit
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import PendingCashReceipt, Sale, SaleLine, TaxInvoice, utcnow
from posapp.domain.errors import TenderError
from posapp.domain.tax import split_vat
from posapp.errors import PosError
from posapp.reports.base import PAY, as_date
from posapp.reports.error_codes import TaxInvoiceErrorCode
from posapp.reports.model import NO_FILTERS, Column, Filters, Period, Report, ReportRow

T = TaxInvoice.__table__
S = Sale.__table__
#: payment evidence that already is the supply's evidence (a slip in the customer's hands)
SLIP_EVIDENCE = {"card": "카드전표", "cash_receipt": "현금영수증", "e_payment": "전자지급 영수증"}
STATE_KO = {"to_issue": "발급 대기", "issued": "발급 완료", "cancelled": "취소"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class TaxInvoiceError(PosError):
    """A tax-invoice request that cannot be made, issued or cancelled."""


@dataclass(frozen=True, slots=True)
class Buyer:
    """The business that buys: 사업자등록번호 (digits, dashes allowed), 상호, 대표자, e-mail;
    주소, 업태, 종목 when known."""

    business_no: str
    name: str
    ceo: str
    email: str
    address: str = ""
    business_type: str = ""
    business_item: str = ""


@dataclass(frozen=True, slots=True)
class TaxInvoiceInfo:
    id: int
    receipt_no: str
    business_date: dt.date
    buyer: Buyer
    supply_value: int
    vat: int
    exempt_total: int
    state: str
    nts_approval_no: str | None
    #: a booking's request (not paid at the till): the booking, and its 품목
    booking_uuid: str | None = None
    item: str = ""

    @property
    def state_ko(self) -> str:
        return STATE_KO.get(self.state, self.state)

    @property
    def business_no_text(self) -> str:
        b = self.buyer.business_no
        return f"{b[:3]}-{b[3:5]}-{b[5:]}"


def check_buyer(buyer: Buyer) -> Buyer:
    """The buyer with its number as 10 digits; raises in words what is missing or wrong."""
    from posapp.sales.tenders import check_business_number

    digits = re.sub(r"[\s-]", "", buyer.business_no)
    try:
        check_business_number(digits)
    except TenderError:
        raise TaxInvoiceError(
            "the business number fails its check", code=TaxInvoiceErrorCode.BUSINESS_NO
        ) from None
    for value, label in ((buyer.name, "상호"), (buyer.ceo, "대표자"), (buyer.email, "이메일")):
        if not value.strip():
            raise TaxInvoiceError("a field is missing", code=TaxInvoiceErrorCode.FIELD, field=label)
    if not _EMAIL.match(buyer.email.strip()):
        raise TaxInvoiceError("not an e-mail address", code=TaxInvoiceErrorCode.EMAIL)
    return Buyer(
        digits,
        buyer.name.strip()[:120],
        buyer.ceo.strip()[:60],
        buyer.email.strip()[:120],
        buyer.address.strip()[:200],
        buyer.business_type.strip()[:60],
        buyer.business_item.strip()[:60],
    )


def check_sale(uow: UnitOfWork, receipt_no: str) -> tuple[str, dt.date, int, int, int, str]:
    """Refuse a request for the sale ``receipt_no`` before the buyer is asked: unknown, a
    refund, a card slip or a 현금영수증 already its evidence (§33②), a request already.
    Returns its uuid, business day, 공급가액, 세액, 면세 and receipt number."""
    conn = uow.conn
    sale = conn.execute(
        select(
            S.c.id, S.c.uuid, S.c.kind, S.c.business_date, S.c.supply_value, S.c.vat,
            S.c.exempt_total, S.c.receipt_no,
        ).where(S.c.receipt_no == receipt_no.strip())
    ).first()  # fmt: skip
    if sale is None:
        raise TaxInvoiceError(
            "no such receipt", code=TaxInvoiceErrorCode.UNKNOWN_SALE, receipt=receipt_no
        )
    sid, uuid, kind, day, supply, vat, exempt, number = sale
    if kind != "sale":
        raise TaxInvoiceError("a refund gets no tax invoice", code=TaxInvoiceErrorCode.NOT_A_SALE)
    slips = [
        e for (e,) in conn.execute(select(PAY.c.evidence).where(PAY.c.sale_id == sid))
        if e in SLIP_EVIDENCE
    ]  # fmt: skip
    pending = conn.execute(
        select(func.count())
        .select_from(PendingCashReceipt.__table__)
        .where(PendingCashReceipt.__table__.c.sale_uuid == uuid)
    ).scalar_one()
    if slips or pending:
        evidence = SLIP_EVIDENCE[slips[0]] if slips else SLIP_EVIDENCE["cash_receipt"]
        raise TaxInvoiceError(
            "the sale already has its evidence (VAT Act §33②)",
            code=TaxInvoiceErrorCode.HAS_SLIP,
            evidence=evidence,
        )
    old = conn.execute(select(T.c.state).where(T.c.sale_uuid == uuid)).scalar()
    if old is not None:
        raise TaxInvoiceError(
            "this sale has a request already",
            code=TaxInvoiceErrorCode.DUPLICATE,
            state=STATE_KO.get(old, old),
        )
    return str(uuid), as_date(day), int(supply), int(vat), int(exempt), str(number)


def request(
    uow: UnitOfWork, receipt_no: str, buyer: Buyer, *, user_id: int | None, note: str = ""
) -> TaxInvoiceInfo:
    """Mark the sale ``receipt_no`` for a 세금계산서 / 계산서 to ``buyer``."""
    checked = check_buyer(buyer)
    uuid, day, supply, vat, exempt, number = check_sale(uow, receipt_no)
    return _record(
        uow,
        checked,
        target=f"sale:{uuid}",
        keys={"sale_uuid": uuid},
        receipt_no=number,
        day=day,
        figures=(supply, vat, exempt),
        note=note,
        user_id=user_id,
    )


def _record(
    uow: UnitOfWork,
    checked: Buyer,
    *,
    target: str,
    keys: dict[str, str],
    receipt_no: str,
    day: dt.date,
    figures: tuple[int, int, int],
    note: str,
    user_id: int | None,
    item: str = "",
) -> TaxInvoiceInfo:
    """Write one request (the one writer of ``tax_invoices`` rows) and its audit event."""
    supply, vat, exempt = figures
    values = dict(
        **keys,
        receipt_no=receipt_no,
        business_date=day,
        buyer_business_no=checked.business_no,
        buyer_name=checked.name,
        buyer_ceo=checked.ceo,
        buyer_email=checked.email,
        buyer_address=checked.address,
        buyer_business_type=checked.business_type,
        buyer_business_item=checked.business_item,
        supply_value=supply,
        vat=vat,
        exempt_total=exempt,
        item=item[:200],
        state="to_issue",
        note=note.strip(),
        created_at=utcnow(),
        created_by=user_id,
    )
    new_id = inserted_id(uow.conn.execute(insert(T).values(**values)))
    audit.record(
        uow.conn,
        "tax_invoice.request",
        user_id,
        None,
        target,
        None,
        {"business_no": checked.business_no, "name": checked.name, "receipt": receipt_no},
    )
    return get(uow, new_id)


@dataclass(frozen=True, slots=True)
class Supply:
    """A supply not sold at the till (a class or meeting-room booking paid by transfer), as
    its request records it: the booking, its reference (``BK…``, shown where a receipt number
    would be), the day of supply (the session's), the 품목, and the VAT-inclusive amount by
    tax class (a cooking class and a room fee are 과세)."""

    booking_uuid: str
    ref: str
    day: dt.date
    item: str
    taxable_total: int
    exempt_total: int = 0


def for_booking(uow: UnitOfWork, booking_uuid: str) -> TaxInvoiceInfo | None:
    """The booking's request that is not cancelled, if any."""
    return _live(uow, T.c.booking_uuid == booking_uuid)


def check_booking(uow: UnitOfWork, booking_uuid: str) -> None:
    """Refuse a second live request for a booking (a cancelled one may be asked again)."""
    old = for_booking(uow, booking_uuid)
    if old is not None:
        raise TaxInvoiceError(
            "this booking has a request already",
            code=TaxInvoiceErrorCode.BOOKING_DUPLICATE,
            state=old.state_ko,
        )


def request_booking(
    uow: UnitOfWork, supply: Supply, buyer: Buyer, *, user_id: int | None, note: str = ""
) -> TaxInvoiceInfo:
    """Mark a booking not paid at the till for a 세금계산서 (과세) / 계산서 (면세) to ``buyer``:
    one live request per booking (a cancelled one may be asked again)."""
    checked = check_buyer(buyer)
    check_booking(uow, supply.booking_uuid)
    split = split_vat(supply.taxable_total, supply.exempt_total)
    return _record(
        uow,
        checked,
        target=f"booking:{supply.booking_uuid}",
        keys={"booking_uuid": supply.booking_uuid},
        receipt_no=supply.ref,
        day=supply.day,
        figures=(split.supply_value, split.vat, split.exempt_total),
        note=note,
        user_id=user_id,
        item=supply.item,
    )


def redate_for_booking(uow: UnitOfWork, booking_uuid: str, *, day: dt.date, item: str) -> int:
    """The booking's class moved: its requests still waiting to be issued take the new day of
    supply (and the 품목 naming it); an issued one stays (the accountant amends it)."""
    done = uow.conn.execute(
        update(T)
        .where(T.c.booking_uuid == booking_uuid, T.c.state == "to_issue")
        .values(business_date=day, item=item[:200])
    )
    return int(done.rowcount)


def cancel_for_booking(
    uow: UnitOfWork, booking_uuid: str, *, user_id: int | None, reason: str = "예약 취소"
) -> list[TaxInvoiceInfo]:
    """The booking was cancelled: its requests still waiting to be issued are cancelled (an
    issued one stays: the accountant amends it with a 수정세금계산서)."""
    ids = uow.conn.execute(
        select(T.c.id).where(T.c.booking_uuid == booking_uuid, T.c.state == "to_issue")
    ).scalars()
    return [cancel(uow, int(i), user_id=user_id, reason=reason) for i in list(ids)]


def _info(row: object) -> TaxInvoiceInfo:
    r = row._mapping  # type: ignore[attr-defined]  # a Row of the table's columns
    return TaxInvoiceInfo(
        int(r["id"]),
        r["receipt_no"],
        as_date(r["business_date"]),
        Buyer(
            r["buyer_business_no"],
            r["buyer_name"],
            r["buyer_ceo"],
            r["buyer_email"],
            r["buyer_address"],
            r["buyer_business_type"],
            r["buyer_business_item"],
        ),
        int(r["supply_value"]),
        int(r["vat"]),
        int(r["exempt_total"]),
        r["state"],
        r["nts_approval_no"],
        r["booking_uuid"],
        r["item"] or "",
    )


def get(uow: UnitOfWork, invoice_id: int) -> TaxInvoiceInfo:
    row = uow.conn.execute(select(T).where(T.c.id == invoice_id)).first()
    if row is None:
        raise TaxInvoiceError(
            "no such request", code=TaxInvoiceErrorCode.UNKNOWN, invoice=invoice_id
        )
    return _info(row)


def list_invoices(
    uow: UnitOfWork, period: Period | None = None, *, state: str | None = None
) -> list[TaxInvoiceInfo]:
    """The requests (of the sales' business days in ``period``), oldest first."""
    q = select(T)
    if period is not None:
        q = q.where(T.c.business_date.between(period.start, period.end))
    if state is not None:
        q = q.where(T.c.state == state)
    return [_info(r) for r in uow.conn.execute(q.order_by(T.c.business_date, T.c.id))]


def _to_issue(uow: UnitOfWork, invoice_id: int) -> TaxInvoiceInfo:
    info = get(uow, invoice_id)
    if info.state != "to_issue":
        raise TaxInvoiceError(
            "not waiting to be issued", code=TaxInvoiceErrorCode.STATE, state=info.state_ko
        )
    return info


def mark_issued(
    uow: UnitOfWork, invoice_id: int, approval_no: str, *, user_id: int | None
) -> TaxInvoiceInfo:
    """Record that the invoice was issued, with the NTS approval number (24 digits)."""
    digits = re.sub(r"[\s-]", "", approval_no)
    if not (len(digits) == 24 and digits.isdigit()):
        raise TaxInvoiceError("not an NTS approval number", code=TaxInvoiceErrorCode.APPROVAL)
    _to_issue(uow, invoice_id)
    number = f"{digits[:8]}-{digits[8:16]}-{digits[16:]}"
    uow.conn.execute(
        update(T)
        .where(T.c.id == invoice_id)
        .values(state="issued", nts_approval_no=number, issued_at=utcnow())
    )
    audit.record(
        uow.conn, "tax_invoice.issued", user_id, None, f"tax_invoice:{invoice_id}", None,
        {"approval": number},
    )  # fmt: skip
    return get(uow, invoice_id)


def cancel(
    uow: UnitOfWork, invoice_id: int, *, user_id: int | None, reason: str = ""
) -> TaxInvoiceInfo:
    """Cancel a request not issued yet (an issued one is amended by a 수정세금계산서 in the
    accountant's software, then recorded by a new request)."""
    _to_issue(uow, invoice_id)
    uow.conn.execute(
        update(T)
        .where(T.c.id == invoice_id)
        .values(state="cancelled", cancelled_at=utcnow(), note=reason.strip())
    )
    audit.record(
        uow.conn, "tax_invoice.cancelled", user_id, None, f"tax_invoice:{invoice_id}", None,
        {"reason": reason},
    )  # fmt: skip
    return get(uow, invoice_id)


def masked_business_no(digits: str) -> str:
    """``1234567890`` → ``123-**-*7890``: the first three and last four digits shown, as the
    receipt shows a 현금영수증 identity (the slip and the list keep the whole number)."""
    d = re.sub(r"\D", "", digits)
    if len(d) != 10:
        return "*" * len(d)
    return f"{d[:3]}-**-*{d[6:]}"


#: the electronic tenders whose slip is the supply's evidence (a card, a card or mobile voucher)
_SLIP_METHODS = {"card": "카드", "card_manual": "카드", "card_pending": "카드"}
_E_VOUCHERS = {"onnuri_card", "onnuri_mobile", "local_mobile"}


def check_tenders(tenders: Sequence[tuple[str, str | None]], *, cash_receipt: bool) -> None:
    """Refuse a tax-invoice request at the till before anything is charged: ``tenders`` as
    (method, voucher kind) — a card part (or a card / mobile voucher: its slip is the evidence)
    or a 현금영수증 asked for excludes a tax invoice (부가가치세법 §33②)."""
    for method, voucher in tenders:
        if method in _SLIP_METHODS or voucher in _E_VOUCHERS:
            ko = "전자상품권" if voucher in _E_VOUCHERS else _SLIP_METHODS.get(method, method)
            en = "e-voucher" if voucher in _E_VOUCHERS else "card"
            raise TaxInvoiceError(
                "a card or e-voucher payment gets no tax invoice (VAT Act §33②)",
                code=TaxInvoiceErrorCode.CARD_TENDER,
                method=en,
                method_ko=ko,
            )
    if cash_receipt:
        raise TaxInvoiceError(
            "a cash receipt excludes a tax invoice (VAT Act §33②)",
            code=TaxInvoiceErrorCode.WITH_CASH_RECEIPT,
        )


def request_deadline(day: dt.date) -> dt.date:
    """The last day a request after the sale of ``day`` is taken: the 10th of the next month
    (부가가치세법 §34③), a Saturday or Sunday moved to the Monday (국세기본법 §5; public
    holidays are not known to the till)."""
    first_next = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = first_next.replace(day=10)
    while last.weekday() >= 5:
        last += dt.timedelta(days=1)
    return last


def check_deadline(day: dt.date, today: dt.date) -> None:
    """Refuse a request on ``today`` for a sale of ``day`` past :func:`request_deadline`."""
    deadline = request_deadline(day)
    if today > deadline:
        raise TaxInvoiceError(
            "past the deadline for a tax invoice",
            code=TaxInvoiceErrorCode.LATE,
            day=day.isoformat(),
            deadline=deadline.isoformat(),
        )


def for_receipt(uow: UnitOfWork, receipt_no: str) -> TaxInvoiceInfo | None:
    """The sale's request that is not cancelled, if any (what its receipt prints)."""
    return _live(uow, T.c.receipt_no == receipt_no)


def _live(uow: UnitOfWork, which: ColumnElement[bool]) -> TaxInvoiceInfo | None:
    """The latest request matching ``which`` that is not cancelled, if any."""
    row = uow.conn.execute(
        select(T).where(which, T.c.state != "cancelled").order_by(T.c.id.desc()).limit(1)
    ).first()
    return None if row is None else _info(row)


def receipt_lines(info: TaxInvoiceInfo) -> tuple[str, ...]:
    """The block the customer's receipt prints for a sale marked for a tax invoice."""
    return (
        "세금계산서 발행 요청",
        f"상호 {info.buyer.name}",
        f"사업자번호 {masked_business_no(info.buyer.business_no)}",
    )


def slip_lines(info: TaxInvoiceInfo) -> list[str]:
    """What the till prints when a sale is marked for a tax invoice (its receipt's companion)."""
    lines = [
        f"영수증 {info.receipt_no}",
        "이 거래는 세금계산서로 증빙합니다.",
        f"상호 {info.buyer.name}",
        f"사업자등록번호 {info.business_no_text}",
        f"대표자 {info.buyer.ceo}",
        f"받는 메일 {info.buyer.email}",
    ]
    if info.supply_value or info.vat:
        lines.append(f"세금계산서 공급가액 {info.supply_value:,} 세액 {info.vat:,}")
    if info.exempt_total:
        lines.append(f"계산서 공급가액 {info.exempt_total:,}")
    lines.append("국세청 전자세금계산서로 이메일 발급됩니다.")
    return lines


INVOICE_COLUMNS = (
    Column("day", "작성일자", "date"),
    Column("kind", "종류"),
    Column("business_no", "공급받는자 등록번호"),
    Column("name", "공급받는자 상호"),
    Column("ceo", "공급받는자 성명"),
    Column("address", "공급받는자 주소"),
    Column("type", "업태"),
    Column("item", "종목"),
    Column("email", "공급받는자 이메일"),
    Column("product", "품목"),
    Column("supply", "공급가액", "krw"),
    Column("vat", "세액", "krw"),
    Column("receipt", "영수증 번호"),
    Column("state", "상태"),
    Column("approval", "승인번호"),
)


def invoices_report(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """The requests of the period as the accountant loads them: one row per document (a
    세금계산서 for the 과세 part, a 계산서 for the 면세 part), every field the store has."""
    invoices = list_invoices(uow, period)
    first: dict[str, str] = {}
    if invoices:
        L = SaleLine.__table__
        q = (
            select(S.c.receipt_no, L.c.name, func.count().over(partition_by=S.c.receipt_no))
            .select_from(L.join(S, S.c.id == L.c.sale_id))
            .where(S.c.receipt_no.in_([i.receipt_no for i in invoices]))
            .order_by(S.c.receipt_no, L.c.line_no)
        )
        for receipt, name, n in uow.conn.execute(q):
            first.setdefault(receipt, name if n == 1 else f"{name} 외 {n - 1}건")
    rows: list[ReportRow] = []
    for i in invoices:
        b = i.buyer
        common = (i.business_no_text, b.name, b.ceo, b.address, b.business_type, b.business_item)
        tail = (i.receipt_no, i.state_ko, i.nts_approval_no or "")
        product = first.get(i.receipt_no, i.item)
        if i.supply_value or i.vat:
            rows.append((i.business_date.isoformat(), "세금계산서", *common, b.email, product,
                         i.supply_value, i.vat, *tail))  # fmt: skip
        if i.exempt_total:
            rows.append((i.business_date.isoformat(), "계산서", *common, b.email, product,
                         i.exempt_total, 0, *tail))  # fmt: skip
    live = [r for r in rows if r[13] != STATE_KO["cancelled"]]
    totals = ("합계", f"{len(live)}건", *([""] * 8), sum(int(r[10]) for r in live),
              sum(int(r[11]) for r in live), "", "", "")  # fmt: skip
    notes = ("취소된 요청은 목록에 남고 합계에서는 빠집니다.",)
    return Report(
        "tax-invoices", "세금계산서·계산서 발급 목록", period, f, INVOICE_COLUMNS, tuple(rows),
        totals, None, notes,
    )  # fmt: skip
