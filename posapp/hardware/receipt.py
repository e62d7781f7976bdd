"""What goes on paper, apart from how it gets there: the receipt document and its layouts.

A :class:`Receipt` is a list of rows (left text, optional right-aligned text, style), rules,
barcodes and feeds. The layouts here turn plain receipt data (a sale, a refund, an X/Z report,
a booking slip) into rows for a paper width in columns (80 mm: 48, 58 mm: 32); Hangul and other
wide glyphs count two columns. The encoders (native ESC/POS text or raster) and the preview
render the same document, so what the cashier sees is what prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from posapp.domain import calendar
from posapp.domain.money import format_krw
from posapp.domain.text import CharWidth, char_width, display_width, fit, pad_between, wrap

COLUMNS = {80: 48, 58: 32}


@dataclass(frozen=True, slots=True)
class Row:
    left: str
    right: str = ""
    align: Literal["left", "center", "right"] = "left"
    bold: bool = False
    double: bool = False  # double width and height


@dataclass(frozen=True, slots=True)
class Cols:
    """Cells of fixed column widths (summing to the paper's columns): (text, width, align)."""

    cells: tuple[tuple[str, int, Literal["left", "right"]], ...]

    def text(self, cw: CharWidth = char_width) -> str:
        out = ""
        for text, width, align in self.cells:
            t = fit(text, width, cw)
            pad = " " * (width - display_width(t, cw))
            out += t + pad if align == "left" else pad + t
        return out


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class Barcode:
    data: str
    symbology: Literal["CODE128", "EAN13"] = "CODE128"
    height: int = 60


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


Element = Row | Cols | Rule | Barcode | Feed


@dataclass
class Receipt:
    elements: list[Element] = field(default_factory=list)
    columns: int = 48
    open_drawer: bool = False
    title: str = ""

    def add(self, *elements: Element) -> Receipt:
        self.elements.extend(elements)
        return self

    def text(self) -> str:
        """The receipt as plain text in ``columns`` display columns (native mode's view)."""
        out: list[str] = []
        for el in self.elements:
            if isinstance(el, Row):
                out.extend(row_text(el, self.columns))
            elif isinstance(el, Cols):
                out.append(el.text())
            elif isinstance(el, Rule):
                out.append(el.char * self.columns)
            elif isinstance(el, Barcode):
                out.append(f"[{el.symbology} {el.data}]".center(self.columns))
            else:
                out.extend([""] * el.lines)
        return "\n".join(out)


def row_text(row: Row, columns: int, cw: CharWidth = char_width) -> list[str]:
    """A row laid out in ``columns`` (double rows count twice as wide)."""
    width = columns // 2 if row.double else columns
    if row.right:
        gap = width - display_width(row.left, cw) - display_width(row.right, cw)
        if gap >= 1:
            return [pad_between(row.left, row.right, width, cw)]
        lines = wrap(row.left, width, cw)
        return [*lines, " " * (width - display_width(row.right, cw)) + row.right]
    fits = display_width(row.left, cw) <= width
    lines = [row.left] if fits else wrap(row.left, width, cw)
    if row.align == "center":
        return [" " * ((width - display_width(s, cw)) // 2) + s for s in lines]
    if row.align == "right":
        return [" " * (width - display_width(s, cw)) + s for s in lines]
    return lines


def won(amount: int) -> str:
    """An amount as the receipt's columns print it: the domain's won formatting
    (:func:`posapp.domain.money.format_krw`) without the ₩, which only the total carries."""
    return format_krw(amount).replace("₩", "", 1)


# --- data handed to the layouts (plain, filled by the caller from the services) --------------


@dataclass(frozen=True)
class StoreHeader:
    name: str = "I·Market·U"
    name_ko: str = "아이마켓유"
    address: str = "서울 종로구 율곡로 39 안국빌딩 신관"
    business_number: str = ""
    representative: str = ""
    phone: str = ""
    #: the card terminal is a simulator (the demo): every document says no money moved
    practice: bool = False


PRACTICE_MODE = "연습 모드 — 실제 결제 아님"


@dataclass(frozen=True)
class ItemLine:
    name: str
    qty_text: str  # "2" or "437g"
    unit_price: int
    amount: int  # gross of the line
    discount: int = 0  # won off (line + share of the ticket discount)
    exempt: bool = False
    code: str = ""
    regular_price: int | None = None  # the catalogue price when the till changed it
    shelf_price: int | None = None  # the shelf price a lot's markdown (마감할인) lowered it from
    markdown: int = 0  # won off by that markdown (``amount`` is after it)


@dataclass(frozen=True)
class TenderLine:
    label: str  # 현금, 카드, 온누리상품권 ...
    amount: int
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaleReceiptData:
    store: StoreHeader
    receipt_no: str
    at: dt.datetime
    register: str
    cashier: str
    items: tuple[ItemLine, ...]
    gross_total: int  # Σ item amounts (after markdowns)
    discount_total: int
    total: int
    supply_value: int
    vat: int
    exempt_total: int
    tenders: tuple[TenderLine, ...]
    change: int = 0
    kind: Literal["sale", "refund"] = "sale"
    original_receipt_no: str | None = None
    cash_receipt: str | None = None
    copy: bool = False  # 재발행 (reprint)
    promo_title: str = ""
    promo_lines: tuple[str, ...] = ()
    open_drawer: bool = False
    #: 세금계산서 발행 요청: its title, then the buyer's 상호 and masked number (a block apart)
    tax_invoice: tuple[str, ...] = ()
    #: a return without a receipt (영수증 없는 반품): its reason and approving manager
    no_receipt: tuple[str, ...] = ()
    markdown_total: int = 0  # Σ item markdowns: 합계 prints the shelf prices' total


def _header(r: Receipt, store: StoreHeader, paper: int) -> None:
    r.add(Row(store.name, align="center", bold=True, double=paper == 80))
    r.add(Row(store.name_ko, align="center"))
    r.add(Row(store.address, align="center"))
    info = "  ".join(
        x
        for x in (
            f"사업자 {store.business_number}" if store.business_number else "",
            f"대표 {store.representative}" if store.representative else "",
        )
        if x
    )
    if info:
        r.add(Row(info, align="center"))
    if store.phone:
        r.add(Row(f"TEL {store.phone}", align="center"))
    if store.practice:
        r.add(Row(f"*** {PRACTICE_MODE} ***", align="center", bold=True))


def layout_sale(data: SaleReceiptData, paper_mm: int = 80) -> Receipt:
    """The customer's receipt for a sale or a refund, Korean style, VAT-inclusive prices."""
    cols = COLUMNS.get(paper_mm, 48)
    r = Receipt(columns=cols, open_drawer=data.open_drawer, title=data.receipt_no)
    _header(r, data.store, paper_mm)
    r.add(Rule("="))
    title = "환불 영수증" if data.kind == "refund" else "영수증"
    if data.no_receipt:
        title = "반품 영수증"
    if data.copy:
        title += " (재발행)"
    r.add(Row(f"[{title}]", align="center", bold=True))
    if data.no_receipt:
        r.add(Row("영수증 없는 반품", align="center", bold=True))
        for line in data.no_receipt:
            r.add(Row(line))
    local = calendar.to_local(data.at)
    r.add(Row("영수증번호", data.receipt_no))
    if data.original_receipt_no:
        r.add(Row("원거래", data.original_receipt_no))
    r.add(Row("일시", local.strftime("%Y-%m-%d %H:%M:%S")))
    r.add(Row(f"계산대 {data.register}", f"계산원 {data.cashier}"))
    r.add(Rule())
    qty_w, price_w, amount_w = (6, 9, 10) if cols >= 48 else (5, 0, 9)
    # the quantity column is as wide as its widest quantity ("12.345kg"), and a space before it:
    # a weighed quantity is never cut to "1.500k"; the name's column gives the room
    qty_w = max(qty_w, 1 + max((display_width(i.qty_text) for i in data.items), default=0))
    r.add(_columns("상품명", "수량", "단가", "금액", cols, qty_w, price_w, amount_w))
    r.add(Rule())
    for item in data.items:
        mark = "*" if item.exempt else " "
        name = f"{mark}{item.name}"
        r.add(Row(name))
        # a marked-down line prints at its shelf price, the markdown on its own line below
        marked = item.markdown != 0 and item.shelf_price is not None
        r.add(
            _columns(
                f"  {item.code}" if item.code and cols >= 48 else "",
                item.qty_text,
                won(item.shelf_price if marked and item.shelf_price else item.unit_price),
                won(item.amount + item.markdown if marked else item.amount),
                cols,
                qty_w,
                price_w,
                amount_w,
            )
        )
        if marked:
            r.add(Row("   마감할인", f"-{won(item.markdown)}"))
        if item.regular_price is not None:
            r.add(Row("   가격변경", f"{won(item.regular_price)} → {won(item.unit_price)}"))
        if item.discount:
            r.add(Row("   할인", f"-{won(item.discount)}"))
    r.add(Rule())
    r.add(Row("합계", won(data.gross_total + data.markdown_total)))
    if data.markdown_total:
        r.add(Row("마감할인 합계", f"-{won(data.markdown_total)}"))
    if data.discount_total:
        r.add(Row("할인 합계", f"-{won(data.discount_total)}"))
    r.add(Row("과세 물품가액", won(data.supply_value)))
    r.add(Row("부가세", won(data.vat)))
    r.add(Row("면세 물품가액", won(data.exempt_total)))
    r.add(Rule("="))
    label = "환불 금액" if data.kind == "refund" else "받을 금액"
    r.add(Row(label, f"₩{won(data.total)}", bold=True, double=paper_mm == 80))
    r.add(Rule())
    for t in data.tenders:
        r.add(Row(t.label, won(t.amount)))
        for d in t.details:
            r.add(Row(f"  {d}"))
    if data.change:
        r.add(Row("거스름돈", won(data.change), bold=True))
    if data.cash_receipt:
        r.add(Rule())
        r.add(Row("현금영수증", data.cash_receipt))
    if data.tax_invoice:
        r.add(Rule())
        r.add(Row(data.tax_invoice[0], align="center", bold=True))
        for line in data.tax_invoice[1:]:
            r.add(Row(line))
    r.add(Rule())
    r.add(Row("* 표시는 면세 물품입니다", align="left"))
    r.add(Barcode(data.receipt_no))
    r.add(Row(data.receipt_no, align="center"))
    if data.promo_title or data.promo_lines:
        r.add(Rule())
        if data.promo_title:
            r.add(Row(data.promo_title, align="center", bold=True))
        for line in data.promo_lines:
            r.add(Row(line, align="center"))
    r.add(Rule())
    r.add(Row("교환·환불은 영수증을 지참하여 7일 이내", align="center"))
    r.add(Row("감사합니다. 또 오세요!", align="center"))
    r.add(Feed(2))
    return r


def _columns(
    name: str, qty: str, price: str, amount: str, cols: int, qty_w: int, price_w: int, amount_w: int
) -> Cols:
    """One item row: name (cut to fit) then qty, unit price and amount right-aligned."""
    cells: list[tuple[str, int, Literal["left", "right"]]] = [
        (name, cols - qty_w - price_w - amount_w, "left"),
        (qty, qty_w, "right"),
    ]
    if price_w:
        cells.append((price, price_w, "right"))
    cells.append((amount, amount_w, "right"))
    return Cols(tuple(cells))


def layout_text(title: str, lines: list[str], store: StoreHeader, paper_mm: int = 80) -> Receipt:
    """A text document (X/Z report, booking slip) under the store header."""
    r = Receipt(columns=COLUMNS.get(paper_mm, 48), title=title)
    _header(r, store, paper_mm)
    r.add(Rule("="))
    for line in lines:
        r.add(Row(line))
    r.add(Feed(2))
    return r


def layout_test_page(store: StoreHeader, paper_mm: int, mode: str) -> Receipt:
    """The printer test page: Hangul, the ₩ sign, alignment, sizes and a barcode."""
    r = Receipt(columns=COLUMNS.get(paper_mm, 48), title="test")
    _header(r, store, paper_mm)
    r.add(Rule("="))
    r.add(Row(f"프린터 시험 인쇄 ({mode})", align="center", bold=True))
    r.add(Row("한글 출력: 가나다라마바사 아자차카타파하"))
    r.add(Row("영주 부사 사과 3kg", "₩12,900"))
    r.add(Row("큰 글씨", double=True))
    r.add(Row("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"))
    r.add(Barcode("TEST-0001"))
    r.add(Row("이 글자가 보이면 한글 인쇄가 됩니다.", align="center"))
    r.add(Feed(2))
    return r
