"""The bundled demo data (resources/demo) is consistent: standard library and pytest only."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
HEADER = [
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
    "plu",
    "shelf_life_days",
]
WEIGHED_UNITS = {"kg", "100g"}


def gs1_check_digit(body: str) -> int:
    """GS1 mod-10: weights 1, 3, 1, 3, ... from the left over the first 12 digits."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return (10 - total % 10) % 10


def _json(name: str) -> Any:
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


@cache
def regions() -> list[dict[str, Any]]:
    return _json("regions.json")


@cache
def producers() -> list[dict[str, Any]]:
    return _json("producers.json")


@cache
def categories() -> list[dict[str, Any]]:
    return _json("categories.json")


@cache
def raw_csv() -> bytes:
    return (DEMO / "products.csv").read_bytes()


@cache
def rows() -> list[dict[str, str]]:
    text = raw_csv().decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == HEADER
    out = list(reader)
    for line, row in enumerate(out, start=2):
        assert None not in row and None not in row.values(), f"line {line}: wrong field count"
    return out


def test_csv_is_utf8_without_bom_and_has_the_exact_header() -> None:
    data = raw_csv()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8").splitlines()[0] == ",".join(HEADER)
    assert len(rows()) >= 300


def test_barcodes_are_unique_korean_ean13_with_correct_check_digits() -> None:
    codes = [r["barcode"] for r in rows() if r["barcode"]]
    assert codes, "no barcoded products"
    assert [c for c, n in Counter(codes).items() if n > 1] == []
    for code in codes:
        assert len(code) == 13 and code.isdigit(), code
        assert code.startswith("880"), code
        assert int(code[12]) == gs1_check_digit(code[:12]), code
        # a second, independent form: the weighted sum over all 13 digits is a multiple of 10
        assert sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code)) % 10 == 0, code


def test_check_digit_helper_on_known_codes() -> None:
    assert gs1_check_digit("880123450001") == 2
    assert gs1_check_digit("400638133393") == 1  # 4006381333931, the classic GS1 example


def test_plus_are_unique_five_digit_codes() -> None:
    plus = [r["plu"] for r in rows() if r["plu"]]
    assert [p for p, n in Counter(plus).items() if n > 1] == []
    for plu in plus:
        assert len(plu) == 5 and plu.isdigit(), plu


def test_every_product_has_a_barcode_or_a_plu() -> None:
    for r in rows():
        assert r["barcode"] or r["plu"], r["name_ko"]


def test_weighed_rows_have_a_plu_and_no_barcode() -> None:
    weighed = [r for r in rows() if r["unit"] in WEIGHED_UNITS]
    assert 25 <= len(weighed) <= 35
    for r in weighed:
        assert r["plu"] and not r["barcode"], r["name_ko"]
    for r in rows():
        assert r["unit"] in WEIGHED_UNITS | {"ea"}, (r["name_ko"], r["unit"])


def test_prices_reorder_points_and_shelf_life_are_whole_numbers() -> None:
    for r in rows():
        assert r["price"].isdigit() and int(r["price"]) > 0, (r["name_ko"], r["price"])
        assert r["reorder_point"].isdigit(), (r["name_ko"], r["reorder_point"])
        assert r["shelf_life_days"].isdigit() and int(r["shelf_life_days"]) > 0, r["name_ko"]
        assert r["tax"] in ("taxable", "exempt"), (r["name_ko"], r["tax"])
        assert r["name_ko"] and r["name_en"], r


def test_names_are_unique() -> None:
    names = [r["name_ko"] for r in rows()]
    assert [n for n, c in Counter(names).items() if c > 1] == []


def test_regions() -> None:
    regs = regions()
    assert len(regs) >= 25
    keys = {"name", "province", "name_en", "code", "signature", "festival", "tourism"}
    for r in regs:
        assert keys <= r.keys(), r.get("name")
        assert r["name"].endswith(("시", "군")), r["name"]
        assert r["code"].isascii() and r["code"].islower(), r["code"]
        assert len(r.get("promo", "")) <= 40, r["name"]
    assert len({r["name"] for r in regs}) == len(regs)
    assert len({r["code"] for r in regs}) == len(regs)


def test_producers() -> None:
    region_names = {r["name"] for r in regions()}
    prods = producers()
    assert 40 <= len(prods) <= 60
    assert len({p["name"] for p in prods}) == len(prods)
    for p in prods:
        assert p["region"] in region_names, p
        assert p["kind"] in ("consignment", "purchase"), p
        if p["kind"] == "consignment":
            assert isinstance(p["commission_rate"], int) and 0 < p["commission_rate"] < 100, p
        else:
            assert p["commission_rate"] is None, p


@pytest.mark.parametrize("column", ["region", "producer", "category"])
def test_every_reference_exists(column: str) -> None:
    known = {
        "region": {r["name"] for r in regions()},
        "producer": {p["name"] for p in producers()},
        "category": {c["name"] for c in categories()},
    }[column]
    missing = sorted({r[column] for r in rows()} - known)
    assert missing == []


def test_producer_belongs_to_the_products_region() -> None:
    region_of = {p["name"]: p["region"] for p in producers()}
    for r in rows():
        assert region_of[r["producer"]] == r["region"], (r["name_ko"], r["producer"])


def test_every_region_sells_something() -> None:
    assert {r["name"] for r in regions()} <= {r["region"] for r in rows()}


def test_classes_refer_to_known_regions() -> None:
    region_names = {r["name"] for r in regions()}
    classes = _json("classes.json")
    assert len(classes) >= 6
    for c in classes:
        assert c["region"] in region_names, c
        assert isinstance(c["fee"], int) and c["fee"] > 0
        assert isinstance(c["capacity"], int) and c["capacity"] > 0
        assert isinstance(c["minutes"], int) and c["minutes"] > 0
