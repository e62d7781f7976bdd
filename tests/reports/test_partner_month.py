"""Each partner's month (issue 20, item 7): 순창군's October from the hand-computed October of
test_vat_return, plus one 고추장 sold in September to compare.

고추장 in October: sold 1 (A) + 2 (B) + 1 (D) + 1 (F) = 5 = 42,500, one refunded (R, −8,500):
net 34,000 against September's 8,500 (+25,500, +300.0 %). Stock: 10 received − 5 − 1 (September)
+ 1 back = 5 jars.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from pypdf import PdfReader

from posapp.reports import catalog, pdf
from posapp.reports.model import Filters, Period
from posapp.sales.tenders import Tender
from tests.conftest import GOCHUJANG_CODE, Store
from tests.reports.test_vat_return import OCT, kst, october, sell  # noqa: F401  (the fixture)


def test_sunchang_october_against_september(october: Store) -> None:  # noqa: F811
    store = october
    sell(store, [GOCHUJANG_CODE], [Tender.cash(8_500)], kst(20, 10, month=9))
    region = store.db.read(
        lambda uow: uow.conn.exec_driver_sql(
            "SELECT id FROM regions WHERE name = '순창군'"
        ).scalar()
    )
    r = store.db.read(lambda uow: catalog.run(uow, "region-month", OCT, Filters(region_id=region)))
    assert r.title == "순창군 월간 실적"
    assert r.rows == (("순창 전통 고추장 1kg", "개", 5, 1, 34_000, 8_500, 25_500),)
    assert r.totals == ("합계", "", None, None, 34_000, 8_500, 25_500)
    sections = {title: rows for title, _cols, rows in r.sections}
    assert sections["생산자별"] == (("순창장류", 4, 34_000),)
    assert sections["베스트셀러"] == ((1, "순창 전통 고추장 1kg", 34_000),)
    assert sections["재고 현황"] == (("순창 전통 고추장 1kg", "개", 5),)
    assert sections["고객 반품 (환불)"] == (("순창 전통 고추장 1kg", 1, -8_500),)
    assert "2026-09-01 ~ 2026-09-30" in r.notes[0] and "+300.0%" in r.notes[0]
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.report_pdf(r))).pages)
    for needle in ("순창군 월간 실적", "34,000", "8,500", "25,500", "베스트셀러", "재고 현황"):
        assert needle in text, needle
    whole = store.db.read(lambda uow: catalog.run(uow, "region-month", OCT, Filters()))
    assert whole.title == "전체 지역 월간 실적" and whole.total("net") == 78_700
    assert Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == OCT
