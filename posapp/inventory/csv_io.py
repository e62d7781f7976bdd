"""Product CSV import and export: all-or-nothing, every bad row reported with its line number.

Columns (header row required, English or Korean names):
``barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point`` /
``바코드,상품명,영문명,지역,생산자,분류,단위,판매가,과세구분,재주문점``; optional ``plu``,
``shelf_life_days`` (``유통기한일수``) and ``active`` (``판매``). ``barcode`` may list several codes
separated by ``;`` (the first is the primary); weighed and quick-key items may have none but a
PLU. ``unit`` is ``ea`` / ``kg`` / ``100g`` (``개`` accepted) and ``price`` is per that unit.
Encoding is detected: UTF-8 with or without BOM, else CP949 (what Excel in Korea writes).

An import validates every row before writing anything; rows match existing products by barcode
(else by PLU) and update them, otherwise create them; missing regions, producers and categories
are created by name and reported. An export re-imports unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from posapp.db.models import (
    Category,
    PriceChange,
    Producer,
    Product,
    ProductBarcode,
    Region,
    StockLevel,
    utcnow,
)
from posapp.domain.barcodes import validate_product_barcode
from posapp.domain.cart import parse_unit
from posapp.domain.errors import DomainError
from posapp.domain.tax import parse_tax_class
from posapp.errors import PosError

COLUMNS = (
    "barcode",
    "name_ko",
    "name_en",
    "region",
    "producer",
    "category",
    "unit",
    "price",
    "tax",
    "reorder_point",
)
OPTIONAL = ("plu", "shelf_life_days", "active")
KOREAN = {
    "바코드": "barcode",
    "상품명": "name_ko",
    "영문명": "name_en",
    "지역": "region",
    "생산자": "producer",
    "분류": "category",
    "단위": "unit",
    "판매가": "price",
    "과세구분": "tax",
    "재주문점": "reorder_point",
    "plu": "plu",
    "유통기한일수": "shelf_life_days",
    "판매": "active",
}
_SEP = re.compile(r"[;|]")
_BLANK = dict.fromkeys(OPTIONAL, "")
_WHOLE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of an import: where (line, column), what (English ``message``), and a
    machine ``code`` with its ``data`` so a UI can say it in its own words."""

    line: int
    column: str
    message: str
    code: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ImportRejected(PosError):
    """The file was not imported; ``errors`` lists every bad row."""

    def __init__(self, errors: list[RowError], message: str | None = None) -> None:
        super().__init__(
            message or f"import rejected: {len(errors)} problem(s); nothing was imported",
            code="import.rejected",
        )
        self.errors = errors


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    encoding: str = ""
    new_regions: list[str] = field(default_factory=list)
    new_producers: list[str] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Row:
    line: int
    barcodes: list[str]
    name_ko: str
    name_en: str
    region: str
    producer: str
    category: str
    unit: str
    price: int
    tax: str
    reorder_point: int
    plu: str | None
    shelf_life_days: int | None
    active: bool


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a CSV file's bytes (UTF-8 with/without BOM, else CP949)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [
                RowError(
                    0,
                    "",
                    f"not UTF-8 or CP949 text (byte {exc.start})",
                    "csv.encoding",
                    {"byte": exc.start},
                )
            ],
            "the file is neither UTF-8 nor CP949 text",
        ) from None


def _header(names: list[str]) -> tuple[dict[str, int], list[RowError]]:
    index: dict[str, int] = {}
    errors: list[RowError] = []
    for i, raw in enumerate(names):
        key = raw.strip().lower()
        key = KOREAN.get(raw.strip(), key)
        if key in COLUMNS or key in OPTIONAL:
            if key in index:
                errors.append(RowError(1, raw, "column appears twice", "csv.column_twice"))
            index[key] = i
        elif key:
            errors.append(
                RowError(1, raw, f"unknown column {raw!r}", "csv.unknown_column", {"value": raw})
            )
    for col in COLUMNS:
        if col not in index:
            errors.append(RowError(1, col, "required column is missing", "csv.missing_column"))
    return index, errors


def _int(text: str, line: int, column: str, errors: list[RowError], *, blank: int | None) -> Any:
    t = text.strip()
    if not t:
        if blank is None:
            errors.append(RowError(line, column, "a whole number is required", "csv.required"))
        return blank
    if not _WHOLE.match(t):
        errors.append(
            RowError(line, column, f"{t!r} is not a whole number", "csv.not_whole", {"value": t})
        )
        return blank
    return int(t.replace(",", ""))


Progress = Callable[[int], None]  # percent done, 0–100


def parse(text: str, progress: Progress | None = None) -> tuple[list[_Row], list[RowError]]:
    """Validate every row; returns good rows and every error (nothing touches the database).
    ``progress`` hears 0–40 % while reading (estimated from the text read so far)."""
    buf = io.StringIO(text)
    reader = csv.reader(buf)
    try:
        header = next(reader)
    except StopIteration:
        return [], [RowError(1, "", "the file is empty", "csv.empty")]
    except csv.Error as exc:
        return [], [RowError(1, "", f"unreadable CSV: {exc}", "csv.unreadable")]
    index, errors = _header(header)
    if errors:
        return [], errors
    rows: list[_Row] = []
    seen_codes: dict[str, int] = {}
    seen_plu: dict[str, int] = {}
    width = len(header)
    line = 1
    size = max(1, len(text))
    while True:
        if progress is not None and line % 5000 == 0:
            progress(min(40, 40 * buf.tell() // size))  # how far the reader has read
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(reader.line_num, "", f"unreadable CSV: {exc}", "csv.unreadable"))
            break
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != width:
            errors.append(
                RowError(
                    line,
                    "",
                    f"has {len(fields)} fields, the header has {width}",
                    "csv.field_count",
                    {"fields": len(fields), "width": width},
                )
            )
            continue

        values = dict(_BLANK)
        for col, i in index.items():
            values[col] = fields[i].strip()
        get = values.__getitem__

        n_err = len(errors)
        codes: list[str] = []
        barcode_field = get("barcode")
        for raw in (
            _SEP.split(barcode_field)
            if (";" in barcode_field or "|" in barcode_field)
            else [barcode_field]
        ):
            raw = raw.strip()
            if not raw:
                continue
            try:
                code = validate_product_barcode(raw)
            except DomainError as exc:
                errors.append(RowError(line, "barcode", str(exc), exc.code, dict(exc.data or {})))
                continue
            if code in seen_codes:
                errors.append(
                    RowError(
                        line,
                        "barcode",
                        f"{code} repeats line {seen_codes[code]}",
                        "csv.barcode_repeats",
                        {"barcode": code, "other": seen_codes[code]},
                    )
                )
            elif code in codes:
                errors.append(
                    RowError(
                        line,
                        "barcode",
                        f"{code} is listed twice",
                        "csv.barcode_twice",
                        {"barcode": code},
                    )
                )
            else:
                seen_codes[code] = line
                codes.append(code)
        plu = get("plu") or None
        if plu is not None:
            if not (plu.isdigit() and 4 <= len(plu) <= 6):
                errors.append(
                    RowError(
                        line,
                        "plu",
                        f"{plu!r}: a PLU is 4 to 6 digits",
                        "csv.plu_format",
                        {"value": plu},
                    )
                )
            elif plu in seen_plu:
                errors.append(
                    RowError(
                        line,
                        "plu",
                        f"PLU {plu} repeats line {seen_plu[plu]}",
                        "csv.plu_repeats",
                        {"plu": plu, "other": seen_plu[plu]},
                    )
                )
            else:
                seen_plu[plu] = line
        name_ko = get("name_ko")
        if not name_ko:
            errors.append(RowError(line, "name_ko", "a Korean name is required", "csv.name"))
        elif len(name_ko) > 200:
            errors.append(RowError(line, "name_ko", "longer than 200 characters", "csv.name_long"))
        unit = ""
        try:
            unit = parse_unit(get("unit")).value
        except DomainError:
            errors.append(
                RowError(
                    line,
                    "unit",
                    f"{get('unit')!r}: use ea, kg or 100g",
                    "csv.unit",
                    {"value": get("unit")},
                )
            )
        tax = ""
        try:
            tax = parse_tax_class(get("tax")).value
        except DomainError:
            errors.append(
                RowError(
                    line,
                    "tax",
                    f"{get('tax')!r}: use taxable/exempt (과세/면세)",
                    "csv.tax",
                    {"value": get("tax")},
                )
            )
        price = _int(get("price"), line, "price", errors, blank=None)
        reorder = _int(get("reorder_point"), line, "reorder_point", errors, blank=0)
        shelf = (
            _int(get("shelf_life_days"), line, "shelf_life_days", errors, blank=None)
            if get("shelf_life_days")
            else None
        )
        active_text = get("active").lower()
        if active_text in ("", "1", "true", "yes", "y", "판매", "o"):
            active = True
        elif active_text in ("0", "false", "no", "n", "중지", "x"):
            active = False
        else:
            errors.append(
                RowError(
                    line,
                    "active",
                    f"{active_text!r}: use yes or no",
                    "csv.active",
                    {"value": active_text},
                )
            )
            active = True
        if not codes and plu is None and len(errors) == n_err:
            errors.append(
                RowError(line, "barcode", "a product needs a barcode or a PLU", "csv.no_code")
            )
        if len(errors) != n_err:
            continue
        rows.append(
            _Row(
                line=line,
                barcodes=codes,
                name_ko=name_ko,
                name_en=get("name_en"),
                region=get("region"),
                producer=get("producer"),
                category=get("category"),
                unit=unit,
                price=price,
                tax=tax,
                reorder_point=reorder,
                plu=plu,
                shelf_life_days=shelf,
                active=active,
            )
        )
    return rows, errors


def _names(conn: Connection, model: Any) -> dict[str, int]:
    return {n: i for i, n in conn.execute(select(model.id, model.name))}


def import_products(
    conn: Connection,
    data: bytes,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a product CSV in the caller's transaction; raises ImportRejected on any bad row.

    ``progress(percent)`` is called as the work advances (from the caller's thread: a UI posts
    it to its own thread): reading 0–40, checks 50, regions etc. 60, writing 60–100."""
    say = progress or (lambda _percent: None)
    text, encoding = decode(data)
    rows, errors = parse(text, progress)
    say(45)
    result = ImportResult(rows=len(rows), encoding=encoding)
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
            rid = conn.execute(
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
            ).inserted_primary_key[0]
            regions[r.region] = rid
            result.new_regions.append(r.region)
        if r.category and r.category not in categories:
            categories[r.category] = conn.execute(
                insert(Category.__table__).values(name=r.category, name_en="")
            ).inserted_primary_key[0]
            result.new_categories.append(r.category)
        if r.producer and r.producer not in producers:
            producers[r.producer] = conn.execute(
                insert(Producer.__table__).values(
                    name=r.producer,
                    region_id=regions.get(r.region),
                    contact="",
                    phone="",
                    kind="purchase",
                    commission_rate=None,
                    active=True,
                )
            ).inserted_primary_key[0]
            result.new_producers.append(r.producer)

    say(60)
    now = utcnow()

    def values(r: _Row) -> dict[str, Any]:
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
        ids = _insert_products(
            conn, [{**values(r), "created_at": now, "updated_at": now} for r in new_rows]
        )
        barcode_rows = [
            {"product_id": pid, "code": c, "is_primary": i == 0}
            for pid, r in zip(ids, new_rows, strict=True)
            for i, c in enumerate(r.barcodes)
        ]
        if barcode_rows:
            conn.execute(insert(ProductBarcode.__table__), barcode_rows)
        conn.execute(
            insert(StockLevel.__table__),
            [{"product_id": pid, "on_hand": 0, "needs_count": False} for pid in ids],
        )
        result.created = len(new_rows)
    say(85)

    existing = [(r, t) for r, t in zip(rows, targets, strict=True) if t is not None]
    if existing:
        _update_existing(conn, existing, values, result, now, user_id)
    say(100)
    return result


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
    conn: Connection,
    pairs: list[tuple[_Row, int | None]],
    values: Any,
    result: ImportResult,
    now: Any,
    user_id: int | None,
) -> None:
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
    updates: list[dict[str, Any]] = []
    price_changes: list[dict[str, Any]] = []
    for r, pid in pairs:
        assert pid is not None
        new = values(r)
        old = current[pid]
        changed = {k: v for k, v in new.items() if old[k] != v}
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
        if not changed and not add:
            result.unchanged += 1
            continue
        result.updated += 1
        if changed:
            updates.append({"pid": pid, **new, "updated_at": now})
            if "price" in changed:
                price_changes.append(
                    {
                        "product_id": pid,
                        "old_price": old["price"],
                        "new_price": new["price"],
                        "changed_at": now,
                        "user_id": user_id,
                        "source": "import",
                    }
                )
    if updates:
        cols = [k for k in updates[0] if k != "pid"]
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("pid"))
            .values({k: bindparam(k) for k in cols}),
            updates,
        )
    if price_changes:
        conn.execute(insert(PriceChange.__table__), price_changes)


def import_file(
    conn: Connection,
    path: Path,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(
            [
                RowError(
                    0,
                    "",
                    f"cannot read {path}: {exc.strerror}",
                    "csv.unreadable_file",
                    {"path": str(path), "error": exc.strerror},
                )
            ]
        ) from exc
    return import_products(conn, data, user_id=user_id, progress=progress)


EXPORT_COLUMNS = (*COLUMNS, *OPTIONAL)


def export_rows(conn: Connection) -> Iterable[list[str]]:
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


def export_products(conn: Connection, path: Path) -> int:
    """Write every product as CSV (UTF-8 with BOM, so Korean Excel opens it); returns rows."""
    n = -1
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        for row in export_rows(conn):
            writer.writerow(row)
            n += 1
    return n
