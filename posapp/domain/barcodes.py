"""Barcodes: GTIN check digits (EAN-13, EAN-8, UPC-A) and in-store scale labels (prefixes 20–29).

Owns parsing and validating every code a scanner or a cashier gives us. We verify check digits
ourselves because the barcode drawing libraries silently "fix" a wrong one. A 13-digit code whose
first two digits are a configured scale prefix is a scale label carrying an item code and a
price (or weight); its layout is configurable (:class:`ScaleLayout`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from posapp.domain.error_codes import BarcodeErrorCode
from posapp.domain.errors import BarcodeError

GS1_KOREA_PREFIX = "880"
IN_STORE_FIRST_DIGIT = "2"  # GS1 prefixes 20–29: restricted to in-store use


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def gtin_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit of ``body`` (the code without its check digit).

    Weights 3, 1, 3, … from the rightmost body digit.
    """
    if not _digits(body):
        raise BarcodeError(
            f"{body!r} is not a barcode body: digits only",
            code=BarcodeErrorCode.NOT_DIGITS,
            barcode=body,
        )
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def make_ean13(body12: str) -> str:
    """``body12`` (12 digits) with its check digit appended."""
    if len(body12) != 12 or not _digits(body12):
        raise ValueError(f"an EAN-13 body is 12 digits, got {body12!r}")
    return body12 + str(gtin_check_digit(body12))


def make_ean8(body7: str) -> str:
    """``body7`` (7 digits) with its check digit appended."""
    if len(body7) != 7 or not _digits(body7):
        raise ValueError(f"an EAN-8 body is 7 digits, got {body7!r}")
    return body7 + str(gtin_check_digit(body7))


@dataclass(frozen=True, slots=True)
class Gtin:
    """A product barcode. ``code`` is 13 digits (EAN-13, UPC-A with a leading 0) or 8 (EAN-8)."""

    code: str
    kind: Literal["ean13", "ean8", "upca"]
    korean: bool  # GS1 Korea prefix 880


ValueKind = Literal["price", "weight"]


def _value_kind(text: str) -> ValueKind:
    """``text`` as a scale label's value kind; anything but ``price`` or ``weight`` is refused."""
    if text == "price":
        return "price"
    if text == "weight":
        return "weight"
    raise ValueError(f"scale value_kind is 'price' or 'weight', got {text!r}")


@dataclass(frozen=True, slots=True)
class ScaleLayout:
    """How a scale prints its 13-digit labels: prefix (2) + item code + value + check digit (1).

    ``value_kind`` says whether the value is the price in won or the weight in grams.
    """

    prefixes: tuple[str, ...]
    item_digits: int = 5
    value_digits: int = 5
    value_kind: ValueKind = "price"

    def __post_init__(self) -> None:
        if isinstance(self.prefixes, str):
            raise ValueError(
                f"scale prefixes are a tuple such as ('20', '21'), got {self.prefixes!r} "
                "(ScaleLayout.from_config reads a range such as '20-29')"
            )
        if not isinstance(self.prefixes, tuple):  # a list from code or settings
            object.__setattr__(self, "prefixes", tuple(self.prefixes))
        if not self.prefixes:
            raise ValueError("a scale layout needs at least one prefix")
        for p in self.prefixes:
            if not isinstance(p, str) or len(p) != 2 or not _digits(p):
                raise ValueError(f"a scale prefix is two digits such as '20', got {p!r}")
        for name in ("item_digits", "value_digits"):
            n = getattr(self, name)
            if not isinstance(n, int) or isinstance(n, bool) or n < 1:
                raise ValueError(f"scale {name} must be a whole number of 1 or more, got {n!r}")
        if 2 + self.item_digits + self.value_digits + 1 != 13:
            raise ValueError(
                "a scale label is 13 digits: 2 prefix + item + value + 1 check digit, but "
                f"item_digits={self.item_digits} and value_digits={self.value_digits} "
                f"make {2 + self.item_digits + self.value_digits + 1}"
            )
        if self.value_kind not in ("price", "weight"):
            raise ValueError(f"scale value_kind is 'price' or 'weight', got {self.value_kind!r}")

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ScaleLayout:
        """A layout from settings: ``prefixes`` (a list, or a string such as ``"20-29"`` or
        ``"20,21,25-27"``), ``item_digits``, ``value_digits``, ``value_kind``.

        The settings-file names ``scale_prefixes``, ``scale_item_digits``, … are accepted too.
        """

        def get(key: str, default: Any) -> Any:
            if key in config:
                return config[key]
            return config.get(f"scale_{key}", default)

        return cls(
            prefixes=parse_prefixes(get("prefixes", "20-29")),
            item_digits=int(get("item_digits", 5)),
            value_digits=int(get("value_digits", 5)),
            value_kind=_value_kind(str(get("value_kind", "price")).strip().lower()),
        )

    def value_of(self, code: str) -> int:
        """The price or weight digits of a 13-digit label of this layout."""
        start = 2 + self.item_digits
        return int(code[start : start + self.value_digits])


def parse_prefixes(spec: str | int | Sequence[str | int]) -> tuple[str, ...]:
    """``"20-29"``, ``"20,21,25-27"``, ``["20", "21"]`` or ``[20, 21]`` -> ``("20", "21", …)``."""
    parts: list[str | int]
    if isinstance(spec, bool):  # an int to Python, but no prefix
        raise TypeError(f"scale prefixes are a range or a list such as '20-29', got {spec!r}")
    if isinstance(spec, int):
        parts = [spec]
    elif isinstance(spec, str):
        parts = [p for p in spec.replace(";", ",").split(",") if p.strip()]
    else:
        parts = list(spec)
    out: list[str] = []
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            items = [f"{part:02d}"]
        else:
            text = str(part).strip()
            if "-" in text:
                lo_text, _, hi_text = text.partition("-")
                lo_text, hi_text = lo_text.strip(), hi_text.strip()
                if not (_digits(lo_text) and _digits(hi_text)) or int(lo_text) > int(hi_text):
                    raise ValueError(f"bad scale prefix range {text!r}: use e.g. '20-29'")
                items = [f"{n:02d}" for n in range(int(lo_text), int(hi_text) + 1)]
            else:
                items = [text]
        for p in items:
            if len(p) != 2 or not _digits(p):
                raise ValueError(f"a scale prefix is two digits such as '20', got {p!r}")
            if p not in out:
                out.append(p)
    if not out:
        raise ValueError(f"no scale prefixes in {spec!r}")
    return tuple(out)


DEFAULT_SCALE_LAYOUTS: tuple[ScaleLayout, ...] = (
    ScaleLayout(prefixes=tuple(str(n) for n in range(20, 30))),
)


@dataclass(frozen=True, slots=True)
class ScaleCode:
    """A decoded in-store scale label: exactly one of ``price`` (won) and ``weight_g`` is set."""

    code: str
    prefix: str
    item_code: str
    price: int | None
    weight_g: int | None


def _error(code: str, message: str, text: str, **data: Any) -> BarcodeError:
    return BarcodeError(message, code=code, barcode=text, **data)


def parse_barcode(
    text: str, layouts: Sequence[ScaleLayout] = DEFAULT_SCALE_LAYOUTS
) -> Gtin | ScaleCode:
    """A scanned or typed code as a :class:`Gtin` or a :class:`ScaleCode`, check digit verified.

    Whitespace anywhere is ignored. Accepts EAN-13, EAN-8 and UPC-A (12 digits, normalised to
    13 with a leading 0). A 13-digit code with a layout's prefix is a scale label. Raises
    :class:`BarcodeError` with code ``barcode.empty``, ``barcode.not_digits``,
    ``barcode.length`` or ``barcode.check_digit``.
    """
    raw = "" if text is None else str(text)
    code = "".join(raw.split())
    if not code:
        raise _error("barcode.empty", "no barcode given (the code is empty)", raw)
    if not _digits(code):
        bad = next(c for c in code if not (c.isascii() and c.isdigit()))
        raise _error(
            "barcode.not_digits",
            f"barcode {code!r} has {bad!r} in it: a barcode is digits only",
            code,
            char=bad,
        )
    if len(code) not in (8, 12, 13):
        raise _error(
            "barcode.length",
            f"barcode {code} has {len(code)} digits: expected 13 (EAN-13), 12 (UPC-A) or 8 (EAN-8)",
            code,
            length=len(code),
        )
    expected = gtin_check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise _error(
            "barcode.check_digit",
            f"barcode {code}: check digit should be {expected}, not {code[-1]} "
            "(mistyped or misread code)",
            code,
            expected=expected,
            got=int(code[-1]),
        )
    if len(code) == 8:
        return Gtin(code, "ean8", code.startswith(GS1_KOREA_PREFIX))
    if len(code) == 12:
        return Gtin("0" + code, "upca", False)
    prefix = code[:2]
    for layout in layouts:
        if prefix in layout.prefixes:
            item = code[2 : 2 + layout.item_digits]
            value = layout.value_of(code)
            if layout.value_kind == "weight":
                return ScaleCode(code, prefix, item, None, value)
            return ScaleCode(code, prefix, item, value, None)
    return Gtin(code, "ean13", code.startswith(GS1_KOREA_PREFIX))


def validate_product_barcode(
    text: str, layouts: Sequence[ScaleLayout] = DEFAULT_SCALE_LAYOUTS
) -> str:
    """The normalised GTIN for a catalogue barcode (product form, CSV import), or BarcodeError.

    Rejects everything :func:`parse_barcode` rejects, and in-store codes (prefixes 20–29 or a
    configured scale prefix, code ``barcode.in_store_prefix``): the scale prints those on the
    spot, they are never a product's barcode.
    """
    parsed = parse_barcode(text, layouts)
    if isinstance(parsed, ScaleCode) or (
        parsed.kind == "ean13" and parsed.code.startswith(IN_STORE_FIRST_DIGIT)
    ):
        code = parsed.code
        raise _error(
            "barcode.in_store_prefix",
            f"barcode {code} starts with {code[:2]}, an in-store prefix (20–29) printed by the "
            "scale: it cannot be a product's catalogue barcode",
            code,
            prefix=code[:2],
        )
    return parsed.code


def make_scale_barcode(layout: ScaleLayout, prefix: str, item_code: str, value: int) -> str:
    """A valid 13-digit scale label: ``prefix`` + item code (zero-padded) + value + check digit.

    ``value`` is the price in won or the weight in grams, as ``layout.value_kind`` says.
    Raises ValueError if something does not fit the layout.
    """
    if prefix not in layout.prefixes:
        raise ValueError(f"prefix {prefix!r} is not one of the layout's {layout.prefixes}")
    item = str(item_code)
    if not _digits(item) or len(item) > layout.item_digits:
        raise ValueError(f"item code {item_code!r} is not up to {layout.item_digits} digits")
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"a scale label value is a whole number, 0 or more, got {value!r}")
    if value >= 10**layout.value_digits:
        raise ValueError(f"{value} does not fit in {layout.value_digits} digits")
    body = f"{prefix}{item.zfill(layout.item_digits)}{value:0{layout.value_digits}d}"
    return body + str(gtin_check_digit(body))
