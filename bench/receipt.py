"""Laying out and encoding a 30-line receipt, native (CP949 text) vs raster (drawn with the
bundled font), with the bytes each sends. Prints ``native: X ms`` and ``raster: X ms``
(goal: raster ≤ 50 ms), plus ``bytes native`` / ``bytes raster``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import ITEMS, REGIONS, pct
from posapp.hardware.escpos_encode import encode
from posapp.hardware.receipt import ItemLine, SaleReceiptData, StoreHeader, TenderLine, layout_sale


def receipt_data(lines: int) -> SaleReceiptData:
    items = tuple(
        ItemLine(
            f"{REGIONS[i % len(REGIONS)][:-1]} {ITEMS[i % len(ITEMS)][0]} 선물세트 {i + 1}호",
            str(1 + i % 3),
            1_000 * (5 + i),
            1_000 * (5 + i) * (1 + i % 3),
            500 if i % 7 == 0 else 0,
            i % 2 == 0,
            f"880{i:09d}0",
        )
        for i in range(lines)
    )
    total = sum(i.amount - i.discount for i in items)
    return SaleReceiptData(
        store=StoreHeader(business_number="101-23-45678", phone="02-734-0000"),
        receipt_no="R01-20261123-0042",
        at=dt.datetime.now(dt.UTC),
        register="R01",
        cashier="김하늘",
        items=items,
        gross_total=sum(i.amount for i in items),
        discount_total=sum(i.discount for i in items),
        total=total,
        supply_value=total // 2,
        vat=total // 22,
        exempt_total=total // 2,
        tenders=(TenderLine("카드", total, ("신한카드 9410-12**-****-5678", "승인 30012345")),),
        promo_title="영주시 · 풍기인삼축제 (10월)",
        promo_lines=("부석사 무량수전과 소수서원",),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lines", type=int, default=30)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--quick", action="store_true", help="5 runs (CI)")
    args = ap.parse_args()
    runs = 5 if args.quick else args.runs
    data = receipt_data(args.lines)
    encode(layout_sale(data), "raster")  # warm the font cache
    results = {}
    for mode in ("native", "raster"):
        samples, size = [], 0
        for _ in range(runs):
            t0 = time.perf_counter()
            size = len(encode(layout_sale(data), mode))  # type: ignore[arg-type]
            samples.append((time.perf_counter() - t0) * 1000)
        results[mode] = (pct(samples, 0.5), size)
    print(f"lines: {args.lines}")
    print(f"bytes native: {results['native'][1]}")
    print(f"bytes raster: {results['raster'][1]}")
    print(f"native: {results['native'][0]:.2f} ms")
    print(f"raster: {results['raster'][0]:.2f} ms")


if __name__ == "__main__":
    main()
