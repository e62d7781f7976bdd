"""Shared helpers for the benchmarks: synthetic catalogues, percentiles, cached data files."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
from pathlib import Path

REGIONS = [
    "영주시",
    "완도군",
    "보성군",
    "성주군",
    "청송군",
    "의성군",
    "서산시",
    "금산군",
    "고창군",
    "순창군",
    "하동군",
    "남해군",
    "영광군",
    "신안군",
    "횡성군",
    "평창군",
    "정선군",
    "상주시",
    "논산시",
    "나주시",
    "이천시",
    "여주시",
    "울진군",
    "영덕군",
    "담양군",
    "임실군",
    "서귀포시",
    "괴산군",
    "충주시",
]
ITEMS = [
    ("사과", "Apple"),
    ("전복", "Abalone"),
    ("녹차", "Green Tea"),
    ("참외", "Korean Melon"),
    ("마늘", "Garlic"),
    ("인삼", "Ginseng"),
    ("복분자", "Black Raspberry"),
    ("고추장", "Gochujang"),
    ("재첩국", "Clam Soup"),
    ("멸치", "Anchovy"),
    ("굴비", "Dried Croaker"),
    ("천일염", "Sea Salt"),
    ("한우 등심", "Hanwoo Sirloin"),
    ("감자", "Potato"),
    ("곤드레나물", "Gondre Greens"),
    ("곶감", "Dried Persimmon"),
    ("딸기", "Strawberry"),
    ("배", "Pear"),
    ("쌀", "Rice"),
    ("고구마", "Sweet Potato"),
    ("대게", "Snow Crab"),
    ("죽순", "Bamboo Shoot"),
    ("치즈", "Cheese"),
    ("감귤", "Tangerine"),
    ("절임배추", "Salted Cabbage"),
    ("김", "Laver"),
    ("미역", "Seaweed"),
    ("된장", "Doenjang"),
    ("홍삼정", "Red Ginseng Extract"),
    ("유과", "Yugwa"),
]
SIZES = ["300g", "500g", "1kg", "2kg", "3kg", "5kg", "선물세트", "10입", "소포장", "특품"]


def ean13(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def catalogue_csv(n: int, seed: int = 1) -> str:
    """A valid product CSV of ``n`` rows with unique 880 barcodes."""
    rng = random.Random(seed)
    lines = ["barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point"]
    for i in range(n):
        region = REGIONS[i % len(REGIONS)]
        ko, en = ITEMS[(i // len(REGIONS)) % len(ITEMS)]
        size = SIZES[(i // (len(REGIONS) * len(ITEMS))) % len(SIZES)]
        grade = i // (len(REGIONS) * len(ITEMS) * len(SIZES))
        name = f"{region[:-1]} {ko} {size}" + (f" {grade}호" if grade else "")
        price = rng.randrange(1000, 150_000, 100)
        tax = "taxable" if ko in ("고추장", "된장", "홍삼정", "유과", "치즈") else "exempt"
        lines.append(
            f"{ean13(f'880{i:09d}')},{name},{region} {en} {size},{region},{region}농협,"
            f"분류{i % 12},ea,{price},{tax},{rng.randint(0, 20)}"
        )
    return "\n".join(lines) + "\n"


def _schema_key() -> str:
    """A digest of the migrations: cached databases are per schema (other branches and
    worktrees share the temp directory and may be at another revision)."""
    import hashlib

    from posapp.db.migrate import MIGRATIONS

    h = hashlib.sha256()
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    base = Path(os.environ.get("POSAPP_BENCH_CACHE", Path(tempfile.gettempdir()) / "posapp-bench"))
    d = base / _schema_key()
    d.mkdir(parents=True, exist_ok=True)
    return d


def new_catalogue_db(path: Path, products: int) -> None:
    """Replace the SQLite file at ``path`` with a migrated one holding a synthetic catalogue of
    ``products`` (the starting point of the cached benchmark databases)."""
    from posapp.db.engine import Database
    from posapp.db.migrate import migrate
    from posapp.inventory import csv_io

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    data = catalogue_csv(products).encode()
    db.transact(lambda uow: csv_io.import_products(uow, data), retries=0)
    db.dispose()


def pct(samples: list[float], q: float) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=1000, method="inclusive")[int(q * 1000) - 1]
