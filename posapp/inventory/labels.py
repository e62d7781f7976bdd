"""Shelf labels and product barcode labels on A4 label sheets, as PDF (reportlab).

Owns the label layouts and the sheet formats. A shelf label carries the name, the partner
region, the price (and a marked-down lot's reduced price), the unit price per 100 g for weighed
goods (단위가격) and the barcode; a barcode label carries the barcode and a short name. Sheets
are described by :class:`SheetFormat` (columns × rows, label size, margins, gaps — all in mm);
presets cover the common Korean A4 sheets (Formtec / 애니라벨 3×7 and 4×10, and an 8-up shelf
sheet); any other sheet is a ``SheetFormat`` with its measurements, and ``offset_mm`` corrects a
printer that feeds off-centre. Every barcode is checked by posapp.domain.barcodes before it is
drawn; a label whose code fails shows why in place of the barcode (the sheet still prints).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Lot, LotMarkdown, Product, Region
from posapp.domain.errors import BarcodeError
from posapp.domain.money import format_won, round_half_up_div
from posapp.inventory import catalog
from posapp.inventory.error_codes import InventoryErrorCode, LabelsErrorCode
from posapp.inventory.pdf import barcode_drawing, checked_gtin, register_fonts
from posapp.inventory.stock import InventoryError


@dataclass(frozen=True, slots=True)
class SheetFormat:
    """An A4 label sheet: ``cols`` × ``rows`` labels of ``label_w`` × ``label_h`` mm."""

    name: str
    cols: int
    rows: int
    label_w: float
    label_h: float
    margin_left: float
    margin_top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    def __post_init__(self) -> None:
        width = self.margin_left + self.cols * self.label_w + (self.cols - 1) * self.gap_x
        height = self.margin_top + self.rows * self.label_h + (self.rows - 1) * self.gap_y
        if self.cols < 1 or self.rows < 1 or width > 210.01 or height > 297.01:
            raise InventoryError(
                f"sheet {self.name}: {self.cols}×{self.rows} labels do not fit on A4",
                code=LabelsErrorCode.SHEET,
            )

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows


SHEETS = {
    # Formtec LS-3108 / 애니라벨 21칸: 63.5 × 38.1 mm
    "formtec-3x7": SheetFormat("formtec-3x7", 3, 7, 63.5, 38.1, 7.2, 15.15, 2.5, 0.0),
    # Formtec LS-3640 / 애니라벨 40칸: 48.5 × 25.4 mm
    "formtec-4x10": SheetFormat("formtec-4x10", 4, 10, 48.5, 25.4, 4.25, 21.5, 2.5, 0.0),
    # shelf labels on plain A4 or an 8-up sheet: 99.1 × 67.7 mm
    "shelf-2x4": SheetFormat("shelf-2x4", 2, 4, 99.1, 67.7, 4.65, 13.1, 2.5, 0.0),
}


@dataclass(frozen=True, slots=True)
class LabelItem:
    product_id: int
    name: str
    region: str
    price: int
    unit: str  # ea | kg | 100g
    barcode: str | None
    plu: str | None
    markdown_price: int | None = None

    @property
    def per_100g(self) -> int | None:
        """단위가격: the price per 100 g of a weighed product."""
        if self.unit == "kg":
            return round_half_up_div(self.shown_price, 10)
        if self.unit == "100g":
            return self.shown_price
        return None

    @property
    def shown_price(self) -> int:
        return self.markdown_price if self.markdown_price is not None else self.price


def label_items(
    uow: UnitOfWork, product_ids: Sequence[int], *, lot_ids: Sequence[int] = ()
) -> list[LabelItem]:
    """What the labels of these products (and of these marked-down lots) print, in order."""
    conn = uow.conn
    q = (
        select(
            Product.id,
            Product.name_ko,
            Region.name,
            Product.price,
            Product.unit,
            catalog.primary_barcode,
            Product.plu,
        )
        .outerjoin(Region, Region.id == Product.region_id)
        .where(Product.id.in_(sorted(set(product_ids) | _lot_products(uow, lot_ids))))
    )
    by_id = {
        r[0]: LabelItem(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6]) for r in conn.execute(q)
    }
    missing = [p for p in product_ids if p not in by_id]
    if missing:
        raise InventoryError(f"no product {missing[0]}", code=InventoryErrorCode.UNKNOWN_PRODUCT)
    out = [by_id[p] for p in product_ids]
    for lot_id in lot_ids:
        row = conn.execute(
            select(Lot.product_id, LotMarkdown.price)
            .join(LotMarkdown, LotMarkdown.lot_id == Lot.id)
            .where(Lot.id == lot_id)
            .order_by(LotMarkdown.id.desc())
            .limit(1)
        ).first()
        if row is None:
            raise InventoryError(
                f"lot {lot_id} is not marked down", code=LabelsErrorCode.NO_MARKDOWN
            )
        base = by_id[row[0]]
        out.append(
            LabelItem(
                base.product_id,
                base.name,
                base.region,
                base.price,
                base.unit,
                base.barcode,
                base.plu,
                int(row[1]),
            )
        )
    return out


def _lot_products(uow: UnitOfWork, lot_ids: Sequence[int]) -> set[int]:
    if not lot_ids:
        return set()
    return set(uow.conn.execute(select(Lot.product_id).where(Lot.id.in_(list(lot_ids)))).scalars())


def _unit_ko(unit: str) -> str:
    return {"kg": "1kg", "100g": "100g"}.get(unit, "")


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits ``width`` points."""
    while size > 5 and c.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _cells(
    sheet: SheetFormat, n: int, skip: int, offset_mm: tuple[float, float]
) -> Iterator[tuple[int, float, float]]:
    """(page index, x, y) in points of the lower-left corner of each of ``n`` labels."""
    _, page_h = A4
    dx, dy = offset_mm
    for i in range(skip, skip + n):
        page, k = divmod(i, sheet.per_sheet)
        row, col = divmod(k, sheet.cols)
        x = (sheet.margin_left + dx + col * (sheet.label_w + sheet.gap_x)) * mm
        top = (sheet.margin_top + dy + row * (sheet.label_h + sheet.gap_y)) * mm
        yield page, x, page_h - top - sheet.label_h * mm


def _draw_pages(
    items: Sequence[LabelItem],
    sheet: SheetFormat,
    draw: Callable[[Canvas, LabelItem, float, float, float, float], None],
    *,
    title: str,
    skip: int,
    offset_mm: tuple[float, float],
    outline: bool,
) -> bytes:
    if not items:
        raise InventoryError("no labels to print", code=LabelsErrorCode.EMPTY)
    if skip < 0 or skip >= sheet.per_sheet:
        raise InventoryError(
            f"skip 0–{sheet.per_sheet - 1} labels (already used on the sheet)",
            code=LabelsErrorCode.SKIP,
        )
    register_fonts()
    buf = BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setTitle(title)
    current = 0
    for item, (page, x, y) in zip(items, _cells(sheet, len(items), skip, offset_mm), strict=True):
        while page > current:
            c.showPage()
            current += 1
        w, h = sheet.label_w * mm, sheet.label_h * mm
        if outline:
            c.setStrokeGray(0.8)
            c.setLineWidth(0.3)
            c.roundRect(x, y, w, h, 2 * mm)
            c.setStrokeGray(0)
        draw(c, item, x, y, w, h)
    c.showPage()
    c.save()
    return buf.getvalue()


def _barcode_or_reason(
    c: Canvas, code: str | None, plu: str | None, x: float, y: float, w: float, bar_h: float
) -> None:
    if code:
        try:
            d = barcode_drawing(code, bar_height=bar_h, width=w)
        except BarcodeError as exc:
            c.setFont("NanumGothic", 6)
            c.drawString(x, y + bar_h / 2, f"바코드 오류: {exc.code}")
            return
        renderPDF.draw(d, c, x, y)
    elif plu:
        c.setFont("NanumGothic", 8)
        c.drawString(x, y + 2, f"PLU {plu} (저울 라벨)")


def shelf_labels_pdf(
    items: Sequence[LabelItem],
    sheet: SheetFormat = SHEETS["shelf-2x4"],
    *,
    skip: int = 0,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    outline: bool = True,
) -> bytes:
    """Shelf labels: name, region, price (marked-down price struck through), 100 g unit price."""

    def draw(c: Canvas, it: LabelItem, x: float, y: float, w: float, h: float) -> None:
        pad = min(3 * mm, w * 0.05)
        inner = w - 2 * pad
        big = h > 45 * mm
        name_size = _fit(c, it.name, "NanumGothic-Bold", 15 if big else 10, inner)
        c.setFont("NanumGothic-Bold", name_size)
        c.drawString(x + pad, y + h - pad - name_size, it.name)
        c.setFont("NanumGothic", 9 if big else 7)
        c.setFillGray(0.35)
        c.drawString(x + pad, y + h - pad - name_size - (13 if big else 10), it.region)
        c.setFillGray(0)
        price = format_won(it.shown_price)
        psize = _fit(c, price, "NanumGothic-Bold", 30 if big else 16, inner * 0.62)
        py = y + h * 0.42
        if it.markdown_price is not None:
            c.setFillColorRGB(0.8, 0, 0)
        c.setFont("NanumGothic-Bold", psize)
        c.drawRightString(x + w - pad, py, price)
        c.setFillGray(0)
        info = []
        if _unit_ko(it.unit):
            info.append(f"{_unit_ko(it.unit)} 기준")
        if it.per_100g is not None:
            info.append(f"100g당 {format_won(it.per_100g)}")
        c.setFont("NanumGothic", 8 if big else 6)
        if it.markdown_price is not None:
            regular = f"정상가 {format_won(it.price)}"
            tw = c.stringWidth(regular, "NanumGothic", 8 if big else 6)
            c.drawRightString(x + w - pad, py + psize + 1, regular)
            c.line(x + w - pad - tw, py + psize + 3.5, x + w - pad, py + psize + 3.5)
            c.setFillColorRGB(0.8, 0, 0)
            c.drawString(x + pad, py + psize + 1, "유통기한 임박 할인")
            c.setFillGray(0)
        if info:
            c.drawRightString(x + w - pad, py - (15 if big else 9), " · ".join(info))
        bar_h = h * 0.18
        _barcode_or_reason(c, it.barcode, it.plu, x + pad, y + pad, inner * 0.55, bar_h)

    return _draw_pages(
        items, sheet, draw, title="가격표", skip=skip, offset_mm=offset_mm, outline=outline
    )


def barcode_labels_pdf(
    items: Sequence[LabelItem],
    sheet: SheetFormat = SHEETS["formtec-3x7"],
    *,
    copies: int = 1,
    skip: int = 0,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    outline: bool = False,
) -> bytes:
    """Product barcode labels (barcode, short name, price), ``copies`` of each, on a sheet.

    Products whose barcode fails its check are refused before anything is drawn."""
    if copies < 1:
        raise InventoryError("at least one copy", code=LabelsErrorCode.COPIES)
    for it in items:
        if not it.barcode:
            # names stay out of the messages (data only): see posapp.ui.messages.korean
            raise InventoryError(
                f"product {it.product_id} has no barcode",
                code=LabelsErrorCode.NO_BARCODE,
                name=it.name,
            )
        try:
            checked_gtin(it.barcode)
        except BarcodeError as exc:
            raise InventoryError(
                f"product {it.product_id}: barcode {it.barcode}: {exc}",
                code=LabelsErrorCode.BAD_BARCODE,
                name=it.name,
                barcode=it.barcode,
            ) from exc
    many = [it for it in items for _ in range(copies)]

    def draw(c: Canvas, it: LabelItem, x: float, y: float, w: float, h: float) -> None:
        pad = 2 * mm
        inner = w - 2 * pad
        size = _fit(c, it.name, "NanumGothic-Bold", 9, inner)
        c.setFont("NanumGothic-Bold", size)
        c.drawString(x + pad, y + h - pad - size, it.name)
        c.setFont("NanumGothic", 7)
        c.drawRightString(x + w - pad, y + h - pad - size - 9, format_won(it.shown_price))
        bar_h = h * 0.42
        _barcode_or_reason(c, it.barcode, None, x + pad, y + pad, inner, bar_h)

    return _draw_pages(
        many, sheet, draw, title="바코드 라벨", skip=skip, offset_mm=offset_mm, outline=outline
    )
