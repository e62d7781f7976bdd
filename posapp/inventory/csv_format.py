"""The product CSV file format and the checks of every row (no database here: the import and
export are posapp.inventory.csv_io).

Columns (header row required, English or Korean names):
``barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point`` /
``바코드,상품명,영문명,지역,생산자,분류,단위,판매가,과세구분,재주문점``; optional ``plu``,
``shelf_life_days`` (``유통기한일수``) and ``active`` (``판매``). ``barcode`` may list several codes
separated by ``;`` (the first is the primary); weighed and quick-key items may have none but a
PLU. ``unit`` is ``ea`` / ``kg`` / ``100g`` (``개`` accepted) and ``price`` is per that unit.
Encoding is detected: UTF-8 with or without BOM, else CP949 (what Excel in Korea writes).
:func:`parse` reports each problem as a :class:`RowError` (line, column, code); a refused file
is an :class:`ImportRejected`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from posapp.db.models import Category, Producer, Product, Region
from posapp.domain.barcodes import validate_product_barcode
from posapp.domain.cart import parse_unit
from posapp.domain.csv_cells import unneutralise
from posapp.domain.errors import DomainError
from posapp.domain.tax import parse_tax_class
from posapp.errors import PosError
from posapp.inventory.error_codes import ImportErrorCode

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
INT_MAX = 2**31 - 1  # PostgreSQL's integer; SQLite would take more and PostgreSQL refuse it
SHELF_LIFE_MAX = 3650  # days: ten years; more cannot be a food's shelf life (and overflows dates)
# characters no name may hold: NUL and the other controls, and the bidirectional overrides and
# isolates that make a name read differently on screen than it is stored (U+202A–U+202E,
# U+2066–U+2069, the marks U+200E/U+200F/U+061C)
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _length(column: Any) -> int:
    return int(column.type.length)


# the database's own limits for each text column (the models say them)
TEXT_LIMITS = {
    "name_ko": _length(Product.__table__.c.name_ko),
    "name_en": _length(Product.__table__.c.name_en),
    "region": _length(Region.__table__.c.name),
    "producer": _length(Producer.__table__.c.name),
    "category": _length(Category.__table__.c.name),
}
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
            code=ImportErrorCode.REJECTED,
        )
        self.errors = errors


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: rows read, products created / updated / unchanged, the encoding
    found, and the regions, producers and categories it created by name."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    encoding: str = ""
    new_regions: tuple[str, ...] = ()
    new_producers: tuple[str, ...] = ()
    new_categories: tuple[str, ...] = ()


@dataclass(slots=True)
class ParsedRow:
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
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if body is not data else "utf-8"
    except UnicodeDecodeError:
        pass
    try:  # a BOM in front of CP949 text (an editor added one): the text is still CP949
        return body.decode("cp949"), "cp949"
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
    # far past any limit: never turned into a huge int
    value = INT_MAX + 1 if len(t) > 13 else int(t.replace(",", ""))
    top = SHELF_LIFE_MAX if column == "shelf_life_days" else INT_MAX
    if value > top:
        errors.append(
            RowError(
                line,
                column,
                f"{t} is more than {top:,}",
                "csv.too_large",
                {"value": t[:20], "max": f"{top:,}"},
            )
        )
        return blank
    return value


def _text_problem(line: int, column: str, value: str) -> RowError | None:
    """A name's problem against the database's limits: too long, or a forbidden character."""
    limit = TEXT_LIMITS.get(column)
    if limit is not None and len(value) > limit:
        return RowError(
            line,
            column,
            f"longer than {limit} characters",
            "csv.text_long",
            {"limit": limit, "length": len(value)},
        )
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        return RowError(
            line,
            column,
            f"holds the control character U+{ord(bad.group()):04X}",
            "csv.control_char",
            {"char": f"U+{ord(bad.group()):04X}"},
        )
    return None


Progress = Callable[[int], None]  # percent done, 0–100


def parse(text: str, progress: Progress | None = None) -> tuple[list[ParsedRow], list[RowError]]:
    """Validate every row; returns good rows and every error (nothing touches the database).
    ``progress`` hears 0–40 % while reading (estimated from the text read so far)."""
    buf = io.StringIO(text)
    return parse_stream(buf, buf.tell, max(1, len(text)), progress)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file read, decoded and checked, before any database work: its good rows, every error
    and the encoding found."""

    rows: list[ParsedRow]
    errors: list[RowError]
    encoding: str


def read_file(path: Path, progress: Progress | None = None) -> Prepared:
    """Decode and check a CSV file as a stream (the file is never held whole in memory).

    UTF-8 (a BOM allowed) is tried first; if a byte is not UTF-8 the file is read again as
    CP949 (with or without a BOM in front). Raises :class:`ImportRejected` when it cannot be
    read or is neither."""
    try:
        raw = path.open("rb")
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
    with raw:
        size = max(1, path.stat().st_size)
        bom = raw.read(3) == b"\xef\xbb\xbf"
        for encoding in ("utf-8", "cp949"):
            raw.seek(3 if bom else 0)
            stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
            try:
                rows, errors = parse_stream(stream, raw.tell, size, progress)
            except UnicodeDecodeError:
                continue
            finally:
                stream.detach()
            name = "utf-8-sig" if bom and encoding == "utf-8" else encoding
            return Prepared(rows, errors, name)
    raise ImportRejected(
        [RowError(0, "", "not UTF-8 or CP949 text", "csv.encoding", {"byte": 0})],
        "the file is neither UTF-8 nor CP949 text",
    )


def parse_stream(
    stream: Iterable[str],
    where: Callable[[], int],
    size: int,
    progress: Progress | None = None,
) -> tuple[list[ParsedRow], list[RowError]]:
    """:func:`parse` over lines read as they come; ``where()`` tells how far (of ``size``)."""
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        return [], [RowError(1, "", "the file is empty", "csv.empty")]
    except csv.Error as exc:
        return [], [RowError(1, "", f"unreadable CSV: {exc}", "csv.unreadable")]
    index, errors = _header(header)
    if errors:
        return [], errors
    rows: list[ParsedRow] = []
    seen_codes: dict[str, int] = {}
    seen_plu: dict[str, int] = {}
    width = len(header)
    line = 1
    while True:
        if progress is not None and line % 5000 == 0:
            progress(min(40, 40 * where() // size))  # how far the reader has read
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
            values[col] = unneutralise(fields[i].strip())
        get = values.__getitem__

        n_err = len(errors)
        for col in TEXT_LIMITS:
            problem = _text_problem(line, col, get(col)) if col in values else None
            if problem is not None:
                errors.append(problem)
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
            ParsedRow(
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
