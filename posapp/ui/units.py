"""Quantities and unit prices as screens show them, one way everywhere: weights in kg with
three decimals (stock, reorder points) — the grams they are kept in are never shown under a
"kg" heading — and a price per weight with its unit (₩7,900/kg, ₩6,900/100g)."""

from __future__ import annotations

from posapp.domain.money import format_krw

WEIGHED = ("kg", "100g")


def weight_kg(grams: int) -> str:
    """Grams as kg with three decimals and thousands separators: 29350 → "29.350kg"."""
    sign = "-" if grams < 0 else ""
    g = abs(grams)
    return f"{sign}{g // 1000:,}.{g % 1000:03d}kg"


def stock_text(unit: str, qty: int) -> str:
    """A stock level or reorder point: pieces as a count, weighed goods in kg."""
    return weight_kg(qty) if unit in WEIGHED else f"{qty:,}"


def unit_price_text(unit: str, price: int) -> str:
    """A unit price with its unit where it is not a piece: ₩6,900/100g, ₩32,000/kg."""
    return format_krw(price) if unit == "ea" else f"{format_krw(price)}/{unit}"
