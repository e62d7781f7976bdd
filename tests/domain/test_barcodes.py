"""Barcodes: our own check-digit verification, UPC-A/EAN-8 normalisation and scale labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.barcodes import (
    DEFAULT_SCALE_LAYOUTS,
    Gtin,
    ScaleCode,
    ScaleLayout,
    gtin_check_digit,
    make_ean8,
    make_ean13,
    make_scale_barcode,
    parse_barcode,
    validate_product_barcode,
)
from posapp.domain.errors import BarcodeError

PRICE = DEFAULT_SCALE_LAYOUTS[0]
WEIGHT = ScaleLayout(prefixes=("28", "29"), value_kind="weight")


def reject(text: str, **kw: object) -> BarcodeError:
    with pytest.raises(BarcodeError) as err:
        parse_barcode(text, **kw)  # type: ignore[arg-type]
    return err.value


# --- check digits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "digit"),
    [
        ("880123456789", 3),  # GS1 Korea
        ("880104500108", 1),
        ("880987654321", 3),
        ("400638133393", 1),  # a well-known EAN-13: 4006381333931
        ("03600029145", 2),  # UPC-A 036000291452
        ("9638507", 4),  # EAN-8 96385074
        ("8801234", 6),
    ],
)
def test_gtin_check_digit(body: str, digit: int) -> None:
    assert gtin_check_digit(body) == digit


def test_make_ean13_and_ean8() -> None:
    assert make_ean13("880123456789") == "8801234567893"
    assert make_ean8("8801234") == "88012346"
    for bad in ("88012345678", "8801234567890", "88012345678x"):
        with pytest.raises(ValueError):
            make_ean13(bad)


# --- parse_barcode --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8801234567893", Gtin("8801234567893", "ean13", True)),
        (" 8801045001081\n", Gtin("8801045001081", "ean13", True)),
        ("880 1234 56789 3", Gtin("8801234567893", "ean13", True)),  # typed from a label
        ("4006381333931", Gtin("4006381333931", "ean13", False)),
        ("036000291452", Gtin("0036000291452", "upca", False)),  # UPC-A -> 13 digits
        ("0036000291452", Gtin("0036000291452", "ean13", False)),
        ("96385074", Gtin("96385074", "ean8", False)),
        ("88012346", Gtin("88012346", "ean8", True)),
    ],
)
def test_parse_gtin(text: str, expected: Gtin) -> None:
    assert parse_barcode(text) == expected


def test_wrong_check_digit_is_rejected_with_the_right_one() -> None:
    err = reject("8801234567890")
    assert err.code == "barcode.check_digit"
    assert "8801234567890" in str(err)
    assert "check digit should be 3" in str(err)
    assert err.data["expected"] == 3 and err.data["got"] == 0
    assert reject("036000291450").code == "barcode.check_digit"  # UPC-A
    assert reject("96385070").code == "barcode.check_digit"  # EAN-8


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "barcode.empty"),
        ("   ", "barcode.empty"),
        ("88012345678ab", "barcode.not_digits"),
        ("880-1234-5678", "barcode.not_digits"),
        ("880123456789３", "barcode.not_digits"),  # a full-width digit is not a scanner's digit
        ("12345", "barcode.length"),
        ("1234567", "barcode.length"),
        ("88012345678931", "barcode.length"),
    ],
)
def test_malformed_codes(text: str, code: str) -> None:
    err = reject(text)
    assert err.code == code
    assert str(err)
    if code == "barcode.length":
        assert text in str(err) and "13" in str(err) and "8" in str(err)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 12))
def test_any_single_digit_error_is_caught(body: str, position: int) -> None:
    code = make_ean13(body)
    parsed = parse_barcode(code, layouts=())
    assert isinstance(parsed, Gtin) and parsed.code == code
    for d in "0123456789":
        if d != code[position]:
            wrong = code[:position] + d + code[position + 1 :]
            assert reject(wrong, layouts=()).code == "barcode.check_digit"


# --- scale labels ---------------------------------------------------------------------


def test_default_layout() -> None:
    (layout,) = DEFAULT_SCALE_LAYOUTS
    assert layout.prefixes == ("20", "21", "22", "23", "24", "25", "26", "27", "28", "29")
    assert (layout.item_digits, layout.value_digits, layout.value_kind) == (5, 5, "price")


def test_price_label_of_12340_decodes_whole() -> None:
    code = make_scale_barcode(PRICE, "21", "00123", 12340)
    assert code == "2100123123407"
    assert parse_barcode(code) == ScaleCode(code, "21", "00123", 12340, None)
    err = reject("2100123123409")  # the scale label's check digit is verified too
    assert err.code == "barcode.check_digit" and "should be 7" in str(err)


def test_weight_label() -> None:
    code = make_scale_barcode(WEIGHT, "28", "4567", 1234)
    assert code == "2804567012340"
    assert parse_barcode(code, [WEIGHT]) == ScaleCode(code, "28", "04567", None, 1234)
    # prefix 21 is not in that layout: a plain EAN-13 then
    other = make_ean13("210012312340")
    assert isinstance(parse_barcode(other, [WEIGHT]), Gtin)


def test_first_matching_layout_wins() -> None:
    code = make_scale_barcode(WEIGHT, "29", "1", 500)
    assert parse_barcode(code, [WEIGHT, PRICE]).weight_g == 500  # type: ignore[union-attr]
    assert parse_barcode(code, [PRICE, WEIGHT]).price == 500  # type: ignore[union-attr]


@given(
    st.sampled_from(PRICE.prefixes),
    st.text(alphabet="0123456789", min_size=1, max_size=5),
    st.integers(0, 99999),
)
def test_scale_roundtrip(prefix: str, item: str, value: int) -> None:
    code = make_scale_barcode(PRICE, prefix, item, value)
    assert len(code) == 13
    assert parse_barcode(code) == ScaleCode(code, prefix, item.zfill(5), value, None)


def test_make_scale_barcode_refuses_what_does_not_fit() -> None:
    with pytest.raises(ValueError):
        make_scale_barcode(PRICE, "30", "1", 100)
    with pytest.raises(ValueError):
        make_scale_barcode(PRICE, "20", "123456", 100)
    with pytest.raises(ValueError):
        make_scale_barcode(PRICE, "20", "12a", 100)
    with pytest.raises(ValueError):
        make_scale_barcode(PRICE, "20", "1", 100000)
    with pytest.raises(ValueError):
        make_scale_barcode(PRICE, "20", "1", -1)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prefixes": ("20",), "item_digits": 5, "value_digits": 6},
        {"prefixes": ("20",), "item_digits": 0, "value_digits": 10},
        {"prefixes": ("2",)},
        {"prefixes": ("2a",)},
        {"prefixes": ()},
        {"prefixes": "20"},
        {"prefixes": ("20",), "value_kind": "qty"},
    ],
)
def test_bad_layouts(kwargs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError):
        ScaleLayout(**kwargs)


def test_layout_prefixes_as_a_list_become_a_tuple() -> None:
    layout = ScaleLayout(["27", "28"])  # type: ignore[arg-type]
    assert layout.prefixes == ("27", "28")
    assert hash(layout) == hash(ScaleLayout(("27", "28")))


def test_layout_from_config() -> None:
    assert ScaleLayout.from_config({"prefixes": "20-29"}) == DEFAULT_SCALE_LAYOUTS[0]
    assert ScaleLayout.from_config({}) == DEFAULT_SCALE_LAYOUTS[0]
    layout = ScaleLayout.from_config(
        {"prefixes": ["27", 28], "item_digits": 4, "value_digits": 6, "value_kind": "weight"}
    )
    assert layout == ScaleLayout(("27", "28"), 4, 6, "weight")
    settings = {
        "scale_prefixes": "20, 22-23",
        "scale_item_digits": 6,
        "scale_value_digits": 4,
        "scale_value_kind": "Price",
    }
    assert ScaleLayout.from_config(settings) == ScaleLayout(("20", "22", "23"), 6, 4, "price")
    for bad in ({"prefixes": "29-20"}, {"prefixes": "2x"}, {"item_digits": 6}, {"prefixes": ""}):
        with pytest.raises(ValueError):
            ScaleLayout.from_config(bad)
    code = make_scale_barcode(layout, "27", "1234", 1500)
    assert parse_barcode(code, [layout]) == ScaleCode(code, "27", "1234", None, 1500)


# --- catalogue barcodes ---------------------------------------------------------------


def test_validate_product_barcode() -> None:
    assert validate_product_barcode(" 8801234567893 ") == "8801234567893"
    assert validate_product_barcode("036000291452") == "0036000291452"
    assert validate_product_barcode("96385074") == "96385074"
    with pytest.raises(BarcodeError) as err:
        validate_product_barcode("8801234567890")
    assert err.value.code == "barcode.check_digit"


def test_validate_product_barcode_rejects_in_store_codes() -> None:
    code = make_scale_barcode(PRICE, "21", "00123", 12340)
    for layouts in (DEFAULT_SCALE_LAYOUTS, ()):  # 20-29 is in-store whatever the scale config
        with pytest.raises(BarcodeError) as err:
            validate_product_barcode(code, layouts)
        assert err.value.code == "barcode.in_store_prefix"
        assert code in str(err.value)
