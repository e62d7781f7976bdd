"""Product CSV import/export: all or nothing, every bad row named, encodings detected."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from posapp.db.engine import Database
from posapp.db.models import PriceChange, Product, ProductBarcode, Region
from posapp.inventory import csv_format, csv_io

HEADER = "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point\n"
GOOD = (
    HEADER
    + "8801234500012,영주 부사 사과 3kg,Yeongju Apples,영주시,영주농협,과일,ea,12900,exempt,5\n"
    + "8801234500029;8801234500036,순창 고추장 1kg,Sunchang Gochujang,순창군,순창장류,장류,개,8500,과세,3\n"
)


def run_import(db: Database, data: bytes) -> csv_format.ImportResult:
    return db.transact(lambda uow: csv_io.import_products(uow, data))


def products(db: Database) -> int:
    return db.read(lambda uow: uow.session.scalar(select(func.count(Product.id))))


def test_import_creates_products_regions_and_barcodes(db: Database) -> None:
    result = run_import(db, GOOD.encode())
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert sorted(result.new_regions) == ["순창군", "영주시"]
    codes = db.read(lambda uow: uow.session.scalars(select(ProductBarcode.code)).all())
    assert sorted(codes) == ["8801234500012", "8801234500029", "8801234500036"]
    gochu = db.read(
        lambda uow: uow.session.scalars(select(Product).where(Product.price == 8500)).one()
    )
    assert (gochu.unit, gochu.tax_class) == ("ea", "taxable")


def test_bad_rows_reject_the_whole_file_and_name_each_line(db: Database) -> None:
    bad = (
        HEADER
        + "8801234500012,사과,Apple,영주시,영주농협,과일,ea,12900,exempt,5\n"  # ok
        + "8801234500013,배,Pear,나주시,나주농협,과일,ea,9900,exempt,5\n"  # check digit
        + "8801234500029,고추장,Gochujang,순창군,순창장류,장류,ea,8500,vat,3\n"  # tax class
        + "8801234500036,된장,Doenjang,순창군,순창장류,장류,ea,85.5,taxable,3\n"  # price
        + "8801234500012,사과2,Apple2,영주시,영주농협,과일,ea,100,exempt,5\n"  # duplicate
        + "8801234500043,김,Laver,완도군,완도수협,해조류,box,5000,exempt,1\n"  # unit
        + "8801234500050,,NoName,완도군,완도수협,해조류,ea,5000,exempt,1\n"  # no name
        + "8801234500067,멸치,Anchovy,남해군\n"  # short row
    )
    with pytest.raises(csv_format.ImportRejected) as err:
        run_import(db, bad.encode())
    by_line = {e.line: e for e in err.value.errors}
    assert sorted(by_line) == [3, 4, 5, 6, 7, 8, 9]
    assert "check digit" in by_line[3].message
    assert by_line[4].column == "tax"
    assert by_line[5].column == "price" and "whole number" in by_line[5].message
    assert "repeats line 2" in by_line[6].message
    assert by_line[7].column == "unit"
    assert by_line[8].column == "name_ko"
    assert "fields" in by_line[9].message
    assert products(db) == 0  # nothing at all was imported
    assert db.read(lambda uow: uow.session.scalar(select(func.count(Region.id)))) == 0


def test_header_problems_are_reported(db: Database) -> None:
    with pytest.raises(csv_format.ImportRejected) as err:
        run_import(db, b"barcode,name,price\n8801234500012,x,1\n")
    messages = " ".join(str(e) for e in err.value.errors)
    assert "unknown column 'name'" in messages and "name_ko" in messages
    with pytest.raises(csv_format.ImportRejected):
        run_import(db, b"")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_encodings_and_korean_headers(db: Database, encoding: str) -> None:
    korean = (
        "바코드,상품명,영문명,지역,생산자,분류,단위,판매가,과세구분,재주문점\n"
        "8801234500012,보성 녹차 50g,Boseong Green Tea,보성군,보성다원,차,개,15000,과세,2\n"
    )
    result = run_import(db, korean.encode(encoding))
    assert result.created == 1
    assert result.encoding == encoding
    name = db.read(lambda uow: uow.session.scalar(select(Product.name_ko)))
    assert name == "보성 녹차 50g"


def test_export_reimports_unchanged(db: Database, tmp_path: Path) -> None:
    run_import(db, GOOD.encode())
    weighed = (
        HEADER.strip()
        + ",plu\n,횡성 한우 등심,Hanwoo,횡성군,횡성축협,축산물,100g,12800,면세,2000,00101\n"
    )
    run_import(db, weighed.encode())
    out = tmp_path / "export.csv"
    n = db.read(lambda uow: csv_io.export_products(uow, out))
    assert n == 3
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel in Korea opens it
    again = run_import(db, out.read_bytes())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    out2 = tmp_path / "export2.csv"
    db.read(lambda uow: csv_io.export_products(uow, out2))
    assert out2.read_bytes() == out.read_bytes()


def test_reimport_updates_price_with_history(db: Database) -> None:
    run_import(db, GOOD.encode())
    changed = GOOD.replace("12900", "13900")
    result = run_import(db, changed.encode())
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    history = db.read(
        lambda uow: uow.session.execute(
            select(PriceChange.old_price, PriceChange.new_price).order_by(PriceChange.id)
        ).all()
    )
    assert (12900, 13900) in [tuple(r) for r in history]


def test_undecodable_file_is_rejected(db: Database) -> None:
    with pytest.raises(csv_format.ImportRejected) as err:
        run_import(db, HEADER.encode() + b"\xff\xfe\xfa\xff,\x80\x80\n")
    assert "UTF-8" in str(err.value)


def test_import_reports_progress_up_to_100(db: Database) -> None:
    def ean13(n: int) -> str:
        body = f"880999{n:06d}"
        odd_even = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        return body + str((10 - odd_even % 10) % 10)

    lines = [HEADER]
    for i in range(12_000):
        lines.append(
            f"{ean13(i)},상품 {i},Product {i},영주시,영주농협,과일,ea,{1_000 + i},exempt,0\n"
        )
    seen: list[int] = []
    result = db.transact(
        lambda uow: csv_io.import_products(uow, "".join(lines).encode(), progress=seen.append)
    )
    assert result.created == 12_000
    assert seen == sorted(seen) and seen[-1] == 100
    reading = [p for p in seen if p < 45]
    assert len(reading) == 2 and 0 < reading[0] < reading[1] <= 40  # lines 5,000 and 10,000


def test_a_rejected_import_reports_progress_only_for_reading(db: Database) -> None:
    seen: list[int] = []
    bad = HEADER + ",,Nameless,영주시,영주농협,과일,ea,100,exempt,0\n"
    with pytest.raises(csv_format.ImportRejected):
        db.transact(lambda uow: csv_io.import_products(uow, bad.encode(), progress=seen.append))
    assert seen == [45] and products(db) == 0


def test_a_price_changed_by_import_is_audited_with_its_user(db: Database) -> None:
    from posapp.auth.service import Role, create_user
    from posapp.db.models import AuditEvent

    manager = db.transact(lambda uow: create_user(uow, "박지민", Role.MANAGER, "2222").id)
    run_import(db, GOOD.encode())
    changed = GOOD.replace("12900", "13900")
    db.transact(lambda uow: csv_io.import_products(uow, changed.encode(), user_id=manager))
    apple = db.read(
        lambda uow: uow.session.scalar(
            select(Product.id).where(Product.name_en == "Yeongju Apples")
        )
    )
    events = db.read(
        lambda uow: uow.session.execute(
            select(AuditEvent.user_id, AuditEvent.target, AuditEvent.before, AuditEvent.after)
            .where(AuditEvent.action.like("product.%"))
            .order_by(AuditEvent.id)
        ).all()
    )
    priced = [e for e in events if (e.after or {}).get("price") == 13900]
    assert len(priced) == 1
    assert priced[0].user_id == manager
    assert priced[0].target == f"product:{apple}"
    assert priced[0].before["price"] == 12900
    history = db.read(
        lambda uow: uow.session.execute(
            select(PriceChange.user_id, PriceChange.source).where(PriceChange.new_price == 13900)
        ).all()
    )
    assert [tuple(r) for r in history] == [(manager, "import")]
