"""Money as whole Korean won (``int``), never float: rounding, formatting, proration, allocation.

Owns the one rounding rule of the app, round half away from zero on exact integers
(:func:`round_half_up_div`), and largest-remainder allocation (:func:`allocate`) so that parts
always add back up to the whole.
"""

from __future__ import annotations

from collections.abc import Sequence


def _require_int(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int (won, never float), got {value!r}")


def round_half_up_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest int, halves away from zero.

    Exact (integer arithmetic only) and symmetric: ``f(-n, d) == -f(n, d)``.
    ``denominator`` must be positive.
    """
    _require_int("numerator", numerator)
    _require_int("denominator", denominator)
    if denominator <= 0:
        raise ValueError(f"denominator must be positive, got {denominator}")
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return -q if numerator < 0 else q


def format_krw(amount: int) -> str:
    """``12300`` -> ``"₩12,300"``; ``-1000`` -> ``"-₩1,000"``."""
    _require_int("amount", amount)
    return f"-₩{-amount:,}" if amount < 0 else f"₩{amount:,}"


def format_amount(amount: int) -> str:
    """``12900`` -> ``"12,900"``: won without a sign, for a table column or a field whose
    heading already says 원 (the inventory lists)."""
    _require_int("amount", amount)
    return f"{amount:,}"


def format_won(amount: int) -> str:
    """``12900`` -> ``"12,900원"``: the Korean form printed on shelf labels and purchase
    orders."""
    return f"{format_amount(amount)}원"


def prorate(amount: int, part: int, whole: int) -> int:
    """``amount × part / whole`` rounded half up: the share of ``amount`` for ``part`` of ``whole``.

    Used for partial refunds (refunding 2 of 3 pieces refunds ``prorate(net, 2, 3)``).
    """
    _require_int("amount", amount)
    _require_int("part", part)
    return round_half_up_div(amount * part, whole)


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """Split ``amount`` in proportion to ``weights`` so that the parts sum exactly to ``amount``.

    Largest-remainder method: every part gets its floor share, then the won left over go one
    each to the largest remainders, ties to the earlier index. ``amount`` may be negative or
    zero (the result is then the negation of allocating ``-amount``). Weights are non-negative
    ints; if they are all 0 the amount is split evenly. A part with weight 0 gets 0 unless all
    weights are 0. Deterministic.
    """
    _require_int("amount", amount)
    ws = list(weights)
    for w in ws:
        _require_int("weight", w)
        if w < 0:
            raise ValueError(f"allocation weights must be 0 or more, got {w}")
    if not ws:
        if amount == 0:
            return []
        raise ValueError(f"cannot allocate {amount} over no parts")
    if not any(ws):
        ws = [1] * len(ws)
    total_weight = sum(ws)
    magnitude = abs(amount)
    parts: list[int] = []
    remainders: list[int] = []
    for w in ws:
        q, r = divmod(magnitude * w, total_weight)
        parts.append(q)
        remainders.append(r)
    left = magnitude - sum(parts)
    if left:
        order = sorted(range(len(ws)), key=lambda i: (-remainders[i], i))
        for i in order[:left]:
            parts[i] += 1
    return [-p for p in parts] if amount < 0 else parts
