"""Every string drawn into every PDF the app makes is covered by the embedded font (issue 20,
item 8): the settlement statement printed "순매출  판매 수수료" because U+2212 (−) is not in
NanumGothic. Each PDF is made from real data whose names carry characters the font lacks
(U+2212, an emoji, a no-break space), read back with pypdf, and every character checked against
the font's own character map: none may be the empty glyph (read back as NUL) or missing."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from posapp.classes import bookings as bk
from posapp.classes import prep as cp
from posapp.classes import schedule as cs
from posapp.classes.rosters import prep_sheet_pdf, roster_pdf
from posapp.inventory import counts, labels, purchasing
from posapp.inventory.pdf import FONT, FONT_BOLD, covered, register_fonts
from posapp.inventory.printouts import count_sheet_pdf, purchase_order_pdf
from posapp.inventory.purchasing import OrderLine
from posapp.reports import catalog, pdf, settlement, vat
from posapp.reports.model import Filters, Period
from tests.classes.test_class_services import NOW, POLICY, spec
from tests.conftest import Store
from tests.support.report_week import build_week

ODD = "사과\u2212특품 🍎\u00a03kg"


def font_chars() -> set[int]:
    register_fonts()
    regular = pdfmetrics.getFont(FONT).face.charToGlyph  # type: ignore[attr-defined]
    bold = pdfmetrics.getFont(FONT_BOLD).face.charToGlyph  # type: ignore[attr-defined]
    return set(regular) & set(bold)


def uncovered(data: bytes) -> set[str]:
    chars = font_chars()
    text = "".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)
    assert text.strip(), "no text read back"
    return {ch for ch in text if ch == "\x00" or (not ch.isspace() and ord(ch) not in chars)}


def test_the_font_lacks_the_minus_and_covered_replaces_it() -> None:
    assert ord("\u2212") not in font_chars()  # the defect's cause
    assert covered("순매출 \u2212 판매 수수료") == "순매출 - 판매 수수료"
    assert covered("㎏ ₩ ※ · …") == "㎏ ₩ ※ · …"  # kept: the font has them
    assert covered("🍎") == "?"


@pytest.fixture
def odd_store(store: Store) -> Store:
    store.week = build_week(store)  # type: ignore[attr-defined]

    def rename(uow):  # type: ignore[no-untyped-def]
        uow.conn.exec_driver_sql(
            "UPDATE products SET name_ko = ? WHERE id = ?"
            if uow.conn.dialect.name == "sqlite"
            else "UPDATE products SET name_ko = %s WHERE id = %s",
            (ODD, store.apple),
        )
        uow.conn.exec_driver_sql(
            "UPDATE producers SET name = '영주농협\u2212특화' WHERE name = '영주농협'"
        )

    store.db.transact(rename)
    return store


def test_the_settlement_statement_shows_its_minus(odd_store: Store) -> None:
    week = odd_store.week  # type: ignore[attr-defined]
    period = Period(week.d1, week.d2)
    sups = odd_store.db.read(lambda uow: settlement.settle_suppliers(uow, period))
    consignment = next(s for s in sups if s.kind == "consignment")
    data = pdf.supplier_statement_pdf(consignment, period.label())
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    assert "순매출 - 판매 수수료" in text and "사과-특품 ? 3kg" in text
    assert uncovered(data) == set()


def test_every_pdf_is_covered_by_the_font(odd_store: Store) -> None:
    store = odd_store
    week = store.week  # type: ignore[attr-defined]
    period = Period(week.d1, week.today)
    made: dict[str, bytes] = {}
    for name in catalog.REPORTS:
        r = store.db.read(lambda uow, n=name: catalog.run(uow, n, period, Filters()))
        made[name] = pdf.region_summary_pdf(r) if name == "region-settlement" else pdf.report_pdf(r)
    made["vat-q"] = pdf.report_pdf(
        store.db.read(lambda uow: vat.vat_return(uow, vat.quarter(period.end.year, 4)))
    )
    for s in store.db.read(
        lambda uow: settlement.settle_suppliers(uow, period, with_documents=True)
    ):
        made[f"statement {s.name}"] = pdf.supplier_statement_pdf(s, period.label())

    def order(uow):  # type: ignore[no-untyped-def]
        from posapp.inventory.products import get_product

        sup = get_product(uow, store.apple).producer_id
        po = purchasing.create_po(
            uow,
            sup,
            [OrderLine(store.apple, 2, 9_800)],
            user_id=store.manager,
            note="오전\u2212납품",
        )
        return purchasing.send_po(uow, po.id)

    made["purchase order"] = purchase_order_pdf(store.db.transact(order))
    c = store.db.transact(lambda uow: counts.start_count(uow, user_id=store.manager))
    lines = store.db.read(lambda uow: counts.count_lines(uow, c.id))
    made["count sheet"] = count_sheet_pdf(c, lines, show_expected=True)
    items = store.db.read(lambda uow: labels.label_items(uow, [store.apple, store.gochujang]))
    made["shelf labels"] = labels.shelf_labels_pdf(items)
    made["barcode labels"] = labels.barcode_labels_pdf([i for i in items if i.barcode])
    s = store.db.transact(
        lambda uow: cs.create_session(
            uow,
            spec(capacity=3, ingredients=(cs.Ingredient(store.apple, 1),)),
            user_id=None,
        )
    )
    r = bk.BookingRequest("김\u2212영희 🙂", "010-1234-5678", 1, allergies="갑각류\u00a0")
    store.db.transact(lambda uow: bk.book(uow, s.uuid, r, policy=POLICY, user_id=None, now=NOW))
    info = store.db.read(lambda uow: cs.get_session(uow, s.uuid))
    made["roster"] = roster_pdf(info, store.db.read(lambda uow: bk.list_bookings(uow, s.uuid)))
    made["prep sheet"] = prep_sheet_pdf(store.db.read(lambda uow: cp.prep_list(uow, s.uuid)))
    bad = {name: uncovered(data) for name, data in made.items()}
    assert {k: v for k, v in bad.items() if v} == {}
    assert len(made) >= len(catalog.REPORTS) + 8
