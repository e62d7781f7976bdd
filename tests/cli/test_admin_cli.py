"""``posapp-admin`` as scripts call it: its entry point with a real database and exit codes
(in this process), and as a real process where only a process shows it (a file's encoding on
the way in, the exit status of an unreachable server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import admin_cli

ROOT = Path(__file__).resolve().parents[2]
ADMIN = {"POSAPP_USER": "관리자", "POSAPP_PIN": "9999"}  # the demo's admin (posapp.cli_control)


def admin(url: str, *args: str, env: dict[str, str] | None = None) -> admin_cli.Ran:
    """``posapp-admin`` through its entry point in this process (text out)."""
    return admin_cli.run(url, *args, env=env, text=True)


@pytest.mark.slow
def test_init_demo_verify_report_export_import(db_url: str, tmp_path: Path) -> None:
    r = admin(db_url, "init")
    assert r.returncode == 0, r.stderr
    assert "revision" in r.stdout
    r = admin(db_url, "demo", "--days", "2", "--sales-per-day", "25")
    assert r.returncode == 0, r.stderr
    assert "demo data loaded" in r.stdout and "PIN" in r.stdout
    r = admin(db_url, "demo")  # the demo's users exist now: who are you?
    assert r.returncode == 2 and "--user" in r.stderr
    r = admin(db_url, "demo", env=ADMIN)
    assert r.returncode == 0 and "already" in r.stdout
    r = admin(db_url, "verify")
    assert r.returncode == 0, r.stdout + r.stderr
    # the Z report of the first demo day
    from posapp.db.engine import Database

    db = Database(db_url)
    from sqlalchemy import text

    with db.engine.connect() as c:
        day = c.execute(text("SELECT MIN(business_date) FROM shifts")).scalar()
    db.dispose()
    r = admin(db_url, "report", "z", "--register", "R01", "--date", str(day))
    assert r.returncode == 0, r.stderr
    assert "Z 정산 리포트" in r.stdout and "부가세" in r.stdout and "현금 실사" in r.stdout
    r = admin(db_url, "report", "z", "--register", "R09", "--date", str(day))
    assert r.returncode == 1
    out = tmp_path / "products.csv"
    r = admin(db_url, "products", "export", str(out))
    assert r.returncode == 0, r.stderr
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) >= 301
    r = admin(db_url, "products", "import", str(out), env=ADMIN)
    assert r.returncode == 0, r.stderr
    assert "0 created, 0 updated" in r.stdout


def test_bad_import_exits_nonzero_and_lists_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point\n"
        "8801234500012,사과,Apple,영주시,영주농협,과일,ea,12900,exempt,5\n"
        "12345,배,Pear,나주시,나주농협,과일,ea,abc,exempt,5\n",
        encoding="cp949",
    )
    r = admin(url, "init", "--admin", "관리자", env={"POSAPP_NEW_PIN": "9999"})
    assert r.returncode == 0 and "first admin" in r.stdout, r.stderr
    r = admin_cli.process(url, "products", "import", str(bad), env=ADMIN)
    assert r.returncode == 1
    assert "line 3, barcode" in r.stderr and "line 3, price" in r.stderr
    assert "nothing was imported" in r.stderr


def test_verify_fails_on_tampered_stock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    assert admin(url, "demo", "--days", "1", "--sales-per-day", "5").returncode == 0
    import sqlite3

    con = sqlite3.connect(tmp_path / "v.sqlite3")
    con.execute("UPDATE stock_levels SET on_hand = on_hand + 7 WHERE product_id = 1")
    con.commit()
    con.close()
    r = admin(url, "verify")
    assert r.returncode == 1
    assert "product 1" in r.stdout and "FAILED" in r.stderr
    # the level put back, and seven "received" by SQL with a movement to match: the ledger adds
    # up, the journal does not name it — and the start before verify does not journal it
    con = sqlite3.connect(tmp_path / "v.sqlite3")
    con.execute(
        "INSERT INTO stock_movements (uuid, product_id, qty, kind, doc_type, doc_uuid, reason,"
        " created_at) VALUES ('00000000-0000-4000-8000-0000000000cc', 1, 7, 'receipt',"
        " 'receipt', '', '', '2026-12-01 00:00:00')"
    )
    con.commit()
    con.close()
    r = admin(url, "verify")
    assert r.returncode == 1
    assert "0000000000cc" in r.stdout and "has no journal entry" in r.stdout
    assert "product 1:" not in r.stdout  # the ledger itself is consistent


def test_unreachable_database_is_exit_3(tmp_path: Path) -> None:
    r = admin_cli.process("postgresql://nobody@127.0.0.1:1/none", "init")
    assert r.returncode == 3
    assert "cannot open database" in r.stderr or "database error" in r.stderr
