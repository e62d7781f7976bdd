"""Inventory PDFs: purchase order, count sheet, shelf labels and barcode label sheets — Korean
text embedded as NanumGothic, barcodes checked before drawing, sheet geometry on A4."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader

from posapp.inventory import counts, labels, lots, purchasing
from posapp.inventory.labels import LabelItem, SheetFormat
from posapp.inventory.printouts import count_sheet_pdf, purchase_order_pdf
from posapp.inventory.purchasing import OrderLine
from posapp.inventory.stock import InventoryError
from tests.conftest import APPLE_CODE, Store


def text_of(pdf: bytes, tmp_path=None) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(pdf)).pages)


def pages(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def test_purchase_order_pdf_in_korean(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def make(uow):  # type: ignore[no-untyped-def]
        from posapp.inventory.products import get_product

        sup = get_product(uow, store.apple).producer_id
        po = purchasing.create_po(
            uow, sup, [OrderLine(store.apple, 12, 9800)], user_id=store.manager, note="오전 납품"
        )
        return purchasing.send_po(uow, po.id)

    po = store.db.transact(make)
    pdf = purchase_order_pdf(po)
    assert pdf.startswith(b"%PDF") and b"NanumGothic" in pdf  # the font is embedded
    text = text_of(pdf, tmp_path)
    for needle in ("발 주 서", po.number, "영주농협", "영주 부사 사과 3kg", "117,600", APPLE_CODE):
        assert needle in text, needle


def test_count_sheet_pdf_blind_by_default(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = store.db.transact(lambda uow: counts.start_count(uow, user_id=store.manager))
    lines = store.db.read(lambda uow: counts.count_lines(uow, c.id))
    blind = text_of(count_sheet_pdf(c, lines), tmp_path)
    assert "재 고 조 사 표" in blind and "횡성 한우 등심" in blind and "전산" not in blind
    shown = text_of(count_sheet_pdf(c, lines, show_expected=True), tmp_path)
    assert "전산" in shown and "5,000g" in shown


def test_shelf_labels_with_unit_price_and_markdown(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    early = next(ln for ln in store.db.read(lambda uow: lots.lots_of(uow, store.apple)))
    store.db.transact(lambda uow: lots.markdown_lot(uow, early.id, 30, user_id=store.manager))
    items = store.db.read(
        lambda uow: labels.label_items(uow, [store.apple, store.beef], lot_ids=[early.id])
    )
    assert items[1].per_100g == 12_800 and items[2].markdown_price == 9_030
    text = text_of(labels.shelf_labels_pdf(items), tmp_path)
    for needle in (
        "영주 부사 사과 3kg",
        "12,900원",
        "영주시",
        "100g당 12,800원",
        "9,030원",
        "정상가",
    ):
        assert needle in text, needle
    assert "PLU 00101" in text  # the beef has no barcode: its PLU for the scale


def test_kg_unit_price_per_100g() -> None:
    it = LabelItem(1, "x", "", 25_900, "kg", None, None)
    assert it.per_100g == 2_590
    assert LabelItem(1, "x", "", 25_900, "ea", None, None).per_100g is None


def test_barcode_sheet_geometry_and_copies(tmp_path) -> None:  # type: ignore[no-untyped-def]
    item = LabelItem(1, "순창 고추장", "순창군", 8_500, "ea", "8801234500029", None)
    one = labels.barcode_labels_pdf([item], labels.SHEETS["formtec-3x7"], copies=21)
    assert pages(one) == 1
    two = labels.barcode_labels_pdf([item], labels.SHEETS["formtec-3x7"], copies=21, skip=1)
    assert pages(two) == 2  # one used label at the top: the 21st spills onto a second sheet
    forty = labels.barcode_labels_pdf([item], labels.SHEETS["formtec-4x10"], copies=40)
    assert pages(forty) == 1
    assert text_of(forty, tmp_path).count("순창 고추장") == 40


def test_barcodes_are_checked_before_drawing() -> None:
    bad = LabelItem(1, "잘못된 바코드", "", 1000, "ea", "8801234500013", None)
    with pytest.raises(InventoryError) as e:
        labels.barcode_labels_pdf([bad])
    assert e.value.code == "labels.bad_barcode"
    # a shelf label still prints, with the reason where the barcode would be
    assert labels.shelf_labels_pdf([bad]).startswith(b"%PDF")
    with pytest.raises(InventoryError):
        labels.barcode_labels_pdf([LabelItem(1, "무", "", 1, "ea", None, "00101")])


def test_custom_sheet_must_fit_a4() -> None:
    SheetFormat("custom", 2, 5, 90, 50, 10, 10, 5, 2)
    with pytest.raises(InventoryError):
        SheetFormat("too-wide", 3, 7, 70, 38.1, 7.2, 15.15, 2.5)
    with pytest.raises(InventoryError):
        labels.shelf_labels_pdf([], labels.SHEETS["shelf-2x4"])


def test_expired_markdown_lots_only(store: Store) -> None:
    lot = store.db.read(lambda uow: lots.lots_of(uow, store.apple))[0]
    with pytest.raises(InventoryError) as e:
        store.db.read(lambda uow: labels.label_items(uow, [], lot_ids=[lot.id]))
    assert e.value.code == "labels.no_markdown"
    assert dt.date.today() < lot.expiry_date  # type: ignore[operator]
