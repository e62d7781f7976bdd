"""Product CSV import and export: all-or-nothing, every bad row reported with its line number.

The file format (columns, encodings, the checks of each row) is posapp.inventory.csv_format.
An import validates every row before writing anything; rows match existing products by barcode
(else by PLU) and update them — through the one product writer,
:func:`posapp.inventory.products.write_products`, so a changed price has its price history row
and every changed product its audit event with the importing user — otherwise create them;
missing regions, producers and categories are created by name and reported. An export
re-imports unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select

from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import (
    Category,
    Producer,
    Product,
    ProductBarcode,
    Region,
    StockLevel,
    utcnow,
)
from posapp.domain.csv_cells import safe_writer
from posapp.inventory.csv_format import (
    COLUMNS,
    OPTIONAL,
    ImportRejected,
    ImportResult,
    ParsedRow,
    Prepared,
    Progress,
    RowError,
    decode,
    parse,
    read_file,
)
from posapp.inventory.products import PriceSource, ProductChange, write_products


def _names(conn: Connection, model: Any) -> dict[str, int]:
    return {n: i for i, n in conn.execute(select(model.id, model.name))}


def import_products(
    uow: UnitOfWork,
    data: bytes,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a product CSV in the caller's transaction; raises ImportRejected on any bad row.

    ``progress(percent)`` is called as the work advances (from the caller's thread: a UI posts
    it to its own thread): reading 0–40, checks 50, regions etc. 60, writing 60–100."""
    text, encoding = decode(data)
    rows, errors = parse(text, progress)
    return import_prepared(
        uow, Prepared(rows, errors, encoding), user_id=user_id, progress=progress
    )


def import_prepared(
    uow: UnitOfWork,
    prepared: Prepared,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Write a file already read and checked (:func:`posapp.inventory.csv_format.read_file`,
    done before the transaction, so the write lock is held only for the writing)."""
    conn = uow.conn
    say = progress or (lambda _percent: None)
    rows, errors, encoding = prepared.rows, list(prepared.errors), prepared.encoding
    say(45)
    new_regions: list[str] = []
    new_producers: list[str] = []
    new_categories: list[str] = []
    by_code = dict(conn.execute(select(ProductBarcode.code, ProductBarcode.product_id)).all())
    by_plu = dict(
        conn.execute(select(Product.plu, Product.id).where(Product.plu.is_not(None))).all()
    )
    targets: list[int | None] = []
    for r in rows:
        ids = {by_code[c] for c in r.barcodes if c in by_code}
        if r.plu and r.plu in by_plu:
            if not ids:
                ids = {by_plu[r.plu]}
            elif by_plu[r.plu] not in ids:
                errors.append(
                    RowError(
                        r.line,
                        "plu",
                        f"PLU {r.plu} belongs to another product",
                        "csv.plu_other_product",
                        {"plu": r.plu},
                    )
                )
        if len(ids) > 1:
            errors.append(
                RowError(
                    r.line,
                    "barcode",
                    "its barcodes belong to different existing products",
                    "csv.barcodes_split",
                )
            )
            targets.append(None)
            continue
        target = next(iter(ids), None)
        targets.append(target)
        if target is None and r.plu and r.plu in by_plu:
            errors.append(
                RowError(
                    r.line,
                    "plu",
                    f"PLU {r.plu} is already in use",
                    "csv.plu_in_use",
                    {"plu": r.plu},
                )
            )
    if errors:
        errors.sort(key=lambda e: e.line)
        raise ImportRejected(errors)
    say(50)

    regions = _names(conn, Region)
    producers = _names(conn, Producer)
    categories = _names(conn, Category)
    for r in rows:
        if r.region and r.region not in regions:
            rid = inserted_id(
                conn.execute(
                    insert(Region.__table__).values(
                        code=r.region,
                        name=r.region,
                        name_en="",
                        province="",
                        signature="",
                        festival="",
                        tourism="",
                        season="",
                        promo="",
                        active=True,
                    )
                )
            )
            regions[r.region] = rid
            new_regions.append(r.region)
        if r.category and r.category not in categories:
            categories[r.category] = inserted_id(
                conn.execute(insert(Category.__table__).values(name=r.category, name_en=""))
            )
            new_categories.append(r.category)
        if r.producer and r.producer not in producers:
            producers[r.producer] = inserted_id(
                conn.execute(
                    insert(Producer.__table__).values(
                        name=r.producer,
                        region_id=regions.get(r.region),
                        contact="",
                        phone="",
                        kind="purchase",
                        commission_rate=None,
                        active=True,
                    )
                )
            )
            new_producers.append(r.producer)

    say(60)
    now = utcnow()

    def values(r: ParsedRow) -> dict[str, Any]:
        return {
            "name_ko": r.name_ko,
            "name_en": r.name_en,
            "unit": r.unit,
            "price": r.price,
            "tax_class": r.tax,
            "region_id": regions.get(r.region) if r.region else None,
            "producer_id": producers.get(r.producer) if r.producer else None,
            "category_id": categories.get(r.category) if r.category else None,
            "plu": r.plu,
            "reorder_point": r.reorder_point,
            "shelf_life_days": r.shelf_life_days,
            "active": r.active,
        }

    new_rows = [r for r, t in zip(rows, targets, strict=True) if t is None]
    if new_rows:
        new_ids = _insert_products(
            conn, [{**values(r), "created_at": now, "updated_at": now} for r in new_rows]
        )
        barcode_rows = [
            {"product_id": pid, "code": c, "is_primary": i == 0}
            for pid, r in zip(new_ids, new_rows, strict=True)
            for i, c in enumerate(r.barcodes)
        ]
        if barcode_rows:
            conn.execute(insert(ProductBarcode.__table__), barcode_rows)
        conn.execute(
            insert(StockLevel.__table__),
            [{"product_id": pid, "on_hand": 0, "needs_count": False} for pid in new_ids],
        )
    say(85)

    existing = [(r, t) for r, t in zip(rows, targets, strict=True) if t is not None]
    if existing:
        updated, unchanged = _update_existing(uow, existing, values, now, user_id)
    else:
        updated = unchanged = 0
    say(100)
    return ImportResult(
        rows=len(rows),
        created=len(new_rows),
        updated=updated,
        unchanged=unchanged,
        encoding=encoding,
        new_regions=tuple(new_regions),
        new_producers=tuple(new_producers),
        new_categories=tuple(new_categories),
    )


def _insert_products(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert products with ids assigned here, in one executemany.

    RETURNING with ordered rows makes SQLite insert one row per statement (100k round trips);
    explicit ids keep the bulk path. The table is locked against concurrent inserts on
    PostgreSQL for the rest of the transaction (SQLite's BEGIN IMMEDIATE already is), and the
    id sequence is moved past what we used.
    """
    table = Product.__table__
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE")
    start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    ids = list(range(start, start + len(rows)))
    conn.execute(insert(table), [{"id": i, **r} for i, r in zip(ids, rows, strict=True)])
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('products', 'id'),"
            " (SELECT max(id) FROM products))"
        )
    return ids


def _update_existing(
    uow: UnitOfWork,
    pairs: list[tuple[ParsedRow, int]],
    values: Callable[[ParsedRow], dict[str, Any]],
    now: dt.datetime,
    user_id: int | None,
) -> tuple[int, int]:
    """Update the products the file matched; (updated, unchanged)."""
    conn = uow.conn
    table = Product.__table__
    ids = [t for _, t in pairs]
    current = {
        row["id"]: row for row in conn.execute(select(table).where(table.c.id.in_(ids))).mappings()
    }
    codes: dict[int, list[tuple[str, bool]]] = {}
    for pid, code, primary in conn.execute(
        select(ProductBarcode.product_id, ProductBarcode.code, ProductBarcode.is_primary)
        .where(ProductBarcode.product_id.in_(ids))
        .order_by(ProductBarcode.product_id, ProductBarcode.is_primary.desc(), ProductBarcode.id)
    ):
        codes.setdefault(pid, []).append((code, bool(primary)))
    changes: list[ProductChange] = []
    updated = unchanged = 0
    for r, pid in pairs:
        change = ProductChange.of(pid, current[pid], values(r))
        have = [c for c, _ in codes.get(pid, [])]
        # barcodes listed in the file are added; existing ones are kept (history on receipts)
        add = [c for c in r.barcodes if c not in have]
        if add:
            conn.execute(
                insert(ProductBarcode.__table__),
                [
                    {"product_id": pid, "code": c, "is_primary": not have and i == 0}
                    for i, c in enumerate(add)
                ],
            )
        if not change.after and not add:
            unchanged += 1
            continue
        updated += 1
        if change.after:
            changes.append(change)
    # the one product writer: columns, price history and an audit event with the user
    write_products(uow, changes, user_id=user_id, source=PriceSource.IMPORT, at=now)
    return updated, unchanged


def import_file(
    uow: UnitOfWork,
    path: Path,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    prepared = read_file(path, progress)
    return import_prepared(uow, prepared, user_id=user_id, progress=progress)


EXPORT_COLUMNS = (*COLUMNS, *OPTIONAL)


def export_rows(uow: UnitOfWork) -> Iterable[list[str]]:
    conn = uow.conn
    regions = {i: n for n, i in _names(conn, Region).items()}
    producers = {i: n for n, i in _names(conn, Producer).items()}
    categories = {i: n for n, i in _names(conn, Category).items()}
    codes: dict[int, list[str]] = {}
    for pid, code in conn.execute(
        select(ProductBarcode.product_id, ProductBarcode.code).order_by(
            ProductBarcode.product_id, ProductBarcode.is_primary.desc(), ProductBarcode.id
        )
    ):
        codes.setdefault(pid, []).append(code)
    yield list(EXPORT_COLUMNS)
    for p in conn.execute(select(Product.__table__).order_by(Product.id)).mappings():
        yield [
            ";".join(codes.get(p["id"], [])),
            p["name_ko"],
            p["name_en"] or "",
            regions.get(p["region_id"], ""),
            producers.get(p["producer_id"], ""),
            categories.get(p["category_id"], ""),
            p["unit"],
            str(p["price"]),
            p["tax_class"],
            str(p["reorder_point"]),
            p["plu"] or "",
            "" if p["shelf_life_days"] is None else str(p["shelf_life_days"]),
            "yes" if p["active"] else "no",
        ]


def export_products(uow: UnitOfWork, path: Path) -> int:
    """Write every product as CSV (UTF-8 with BOM, so Korean Excel opens it); returns rows."""
    n = -1
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = safe_writer(f)  # formula-like cells neutralised (posapp.domain.csv_cells)
        for row in export_rows(uow):
            writer.writerow(row)
            n += 1
    return n
