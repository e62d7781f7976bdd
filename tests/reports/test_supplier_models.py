"""Supplier models and commission rules, hand-computed on both backends (issue 20, items 3–4).

October 2026. 영주농협 supplies 사과 (과일, 면세, 12,900) and 사과즙 (가공식품, 과세, 15,000);
순창장류 supplies 고추장 (장류, 과세, 8,500).
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import insert

from posapp.db.models import CommissionRule
from posapp.inventory import csv_io, partners
from posapp.reports import pdf, settlement, vat
from posapp.reports.model import Filters, Period
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.reports.test_vat_return import card, kst, sell

OCT = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
JUICE_CODE = "8801234500043"


def setup(store: Store, *, yeongju: str, sunchang: str = "purchase", rate: int | None = None):  # type: ignore[no-untyped-def]
    csv_text = (
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
        f"{JUICE_CODE},영주 사과즙 30포,Yeongju Apple Juice,영주시,영주농협,가공식품,ea,15000,taxable,0,\n"
    )

    def go(uow):  # type: ignore[no-untyped-def]
        csv_io.import_products(uow, csv_text.encode())
        ids = {}
        for p in partners.list_producers(uow):
            kind = yeongju if p.name == "영주농협" else sunchang if p.name == "순창장류" else p.kind
            partners.save_producer(
                uow,
                user_id=store.manager,
                producer_id=p.id,
                name=p.name,
                region_id=p.region_id,
                kind=kind,
                commission_rate=rate,
            )
            ids[p.name] = p.id
        cats = dict(uow.conn.exec_driver_sql("SELECT name, id FROM categories").all())
        return ids, cats

    return store.db.transact(go)


def rule(
    store: Store,
    producer: int | None,
    category: int | None,
    day: dt.date,
    bp: int,
    threshold: int = 0,
) -> None:
    store.db.transact(
        lambda uow: uow.conn.execute(
            insert(CommissionRule.__table__).values(
                producer_id=producer,
                category_id=category,
                effective_from=day,
                threshold=threshold,
                rate_bp=bp,
                created_at=dt.datetime.now(dt.UTC),
            )
        )
    )


def settle(store: Store, producer: int) -> settlement.SupplierSettlement:
    (s,) = store.db.read(
        lambda uow: settlement.settle_suppliers(uow, OCT, Filters(producer_id=producer))
    )
    return s


def test_a_consignor_with_a_taxable_and_an_exempt_product_at_12_percent(store: Store) -> None:
    """2 사과 (면세 25,800) + 1 사과즙 (과세 15,000 → 공급가액 13,636 (13,636.36), 부가세 1,364),
    by card: net 40,800. Commission 12 %: 40,800 × 0.12 = 4,896; its VAT 489.6 → 490;
    payable 40,800 − 4,896 − 490 = 35,414."""
    ids, _cats = setup(store, yeongju="consignment")
    rule(store, ids["영주농협"], None, dt.date(2026, 1, 1), 1_200)
    sell(store, [APPLE_CODE, APPLE_CODE, JUICE_CODE], [card(40_800)], kst(12, 11))
    s = settle(store, ids["영주농협"])
    assert (s.kind, s.net, s.commission, s.commission_vat, s.payable) == (
        "consignment",
        40_800,
        4_896,
        490,
        35_414,
    )
    assert s.tax is not None
    groups = [(g.group, g.tax_class, g.net, g.supply, g.vat) for g in s.tax.groups]
    assert groups == [
        ("과일", "exempt", 25_800, 25_800, 0),
        ("가공식품", "taxable", 15_000, 13_636, 1_364),
    ]
    docs = [(d.issuer, d.receiver, d.kind, d.supply, d.vat) for d in s.tax.documents]
    assert docs == [
        (
            "영주농협 (점포가 위탁자 명의로)",
            "고객",
            "세금계산서·카드전표·현금영수증",
            13_636,
            1_364,
        ),
        ("영주농협 (점포가 위탁자 명의로)", "고객", "계산서·카드전표·현금영수증", 25_800, 0),
        ("점포(I·Market·U)", "영주농협", "세금계산서", 4_896, 490),
    ]
    assert s.tax.rates == ("공급자별 전 품목 2026-01-01부터: 40,800원 × 12%",)
    # the statement, read back
    text = "".join(
        p.extract_text()
        for p in PdfReader(BytesIO(pdf.supplier_statement_pdf(s, OCT.label()))).pages
    )
    for needle in (
        "거래 방식: 위탁",
        "수수료 부가세 (10%)",
        "-490",
        "35,414",
        "13,636",
        "1,364",
        "발급할 증빙",
        "판매 수수료",
    ):
        assert needle in text, needle
    # the VAT figures: the card row keeps the receipt; the return takes the consignor's sale out
    r = store.db.read(lambda uow: vat.vat_return(uow, OCT))
    assert r.row("신용·직불·선불카드")[1:] == (1, 40_800, 15_000, 13_636, 1_364, 25_800)
    ret = {
        row[0]: row[1:]
        for row in next(rows for t, _c, rows in r.sections if t.startswith("부가가치세"))
    }
    assert ret["(1) 위탁판매 수수료 세금계산서 (점포의 공급)"] == (4_896, 490)
    assert ret["위탁판매 과세분 차감 (위탁자의 공급)"] == (-13_636, -1_364)
    assert ret["(9) 과세표준 및 매출세액 합계"] == (4_896, 490)
    assert ret["면세 수입금액 (계산서 발급분 포함)"] == (0, None)


def test_a_commission_rule_changing_mid_month(store: Store) -> None:
    """영주농협 10 % from 10-01, 12 % from 10-16: 사과 12,900 on 10-10 → 1,290; 사과 12,900 on
    10-20 → 1,548; commission 2,838, VAT 283.8 → 284, payable 25,800 − 2,838 − 284 = 22,678."""
    ids, _ = setup(store, yeongju="consignment")
    rule(store, ids["영주농협"], None, dt.date(2026, 10, 1), 1_000)
    rule(store, ids["영주농협"], None, dt.date(2026, 10, 16), 1_200)
    sell(store, [APPLE_CODE], [card(12_900)], kst(10, 11))
    sell(store, [APPLE_CODE], [card(12_900)], kst(20, 11))
    s = settle(store, ids["영주농협"])
    assert (s.commission, s.commission_vat, s.payable) == (2_838, 284, 22_678)
    assert s.tax is not None and s.tax.rates == (
        "공급자별 전 품목 2026-10-01부터: 12,900원 × 10%",
        "공급자별 전 품목 2026-10-16부터: 12,900원 × 12%",
    )


def test_a_yearly_threshold_splits_the_sale_that_crosses_it(store: Store) -> None:
    """Every supplier: 과일 at 10 % once its year's sales reach 20,000, 가공식품 at 12 % from
    20,000 (0 % below). 10-05: 2 사과 25,800 (year so far 0): 20,000 at 0 % + 5,800 at 10 % =
    580. 10-06: 사과즙 15,000 (year so far 25,800 ≥ 20,000) at 12 % = 1,800. Commission 2,380."""
    ids, cats = setup(store, yeongju="consignment", rate=30)  # the flat rate is not used
    rule(store, None, cats["과일"], dt.date(2026, 1, 1), 1_000, threshold=20_000)
    rule(store, None, cats["가공식품"], dt.date(2026, 1, 1), 1_200, threshold=20_000)
    sell(store, [APPLE_CODE, APPLE_CODE], [card(25_800)], kst(5, 11))
    sell(store, [JUICE_CODE], [card(15_000)], kst(6, 11))
    s = settle(store, ids["영주농협"])
    assert s.commission == 2_380
    assert s.tax is not None and "기준액 미달 (0%): 20,000원 × 0%" in s.tax.rates


def test_specific_purchase_pays_the_sale_less_the_margin(store: Store) -> None:
    """순창장류 특정매입 at 25 % (its flat rate): 2 고추장 17,000 sold; margin 4,250; the store
    buys them for 12,750: 세금계산서 from 순창장류, 공급가액 11,591 (11,590.9), 세액 1,159. The
    sale stays the store's own in the VAT figures."""
    ids, _ = setup(store, yeongju="purchase", sunchang="specific", rate=25)
    sell(store, [GOCHUJANG_CODE, GOCHUJANG_CODE], [card(17_000)], kst(8, 11))
    s = settle(store, ids["순창장류"])
    assert (s.kind, s.net, s.commission, s.commission_vat, s.payable) == (
        "specific",
        17_000,
        4_250,
        0,
        12_750,
    )
    assert s.tax is not None
    assert [(d.issuer, d.receiver, d.kind, d.supply, d.vat) for d in s.tax.documents] == [
        ("순창장류", "점포(I·Market·U)", "세금계산서", 11_591, 1_159)
    ]
    r = store.db.read(lambda uow: vat.vat_return(uow, OCT))
    ret = {
        row[0]: row[1:]
        for row in next(rows for t, _c, rows in r.sections if t.startswith("부가가치세"))
    }
    assert ret["(9) 과세표준 및 매출세액 합계"] == (15_455, 1_545)


def test_partner_kinds_are_checked(store: Store) -> None:
    from posapp.inventory.stock import InventoryError

    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: partners.save_producer(uow, user_id=store.manager, name="x", kind="rent")
        )
    assert e.value.code == "producer.kind"
