"""Shared fixtures: a real database per test — SQLite in a temp dir, and PostgreSQL (a fresh
schema per test) when POSAPP_TEST_DATABASE_URL is set — plus a small catalogue and users."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from posapp.db.engine import Database, normalize_url
from posapp.db.migrate import migrate
from posapp.domain import calendar

if TYPE_CHECKING:
    from posapp_devtools.printer_emulator import PrinterEmulator
    from tests.support.fake_terminal import FakeTerminal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("POSAPP_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["pg"] if PG_URL else [])


def _with_search_path(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{normalize_url(url)}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("posapp-home")
    monkeypatch.setenv("POSAPP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("POSAPP_LOG_DIR", str(base / "log"))


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("POSAPP_TEST_DATABASE_URL not set")
    with new_pg_schema() as url:
        yield url


@contextlib.contextmanager
def new_pg_schema() -> Iterator[str]:
    """A new schema of the test database (its URL), dropped afterwards: a store of its own."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalize_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _with_search_path(PG_URL, schema)
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    else:
        yield request.getfixturevalue("pg_schema_url")


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The schema at head, made once per test process: a migrated SQLite file to copy, and
    (with PostgreSQL) the SQL of a migrated schema to replay. Running the migrations for every
    test cost 0.2 s (SQLite) and 0.75 s (PostgreSQL) of each test's time; a copy costs ~0.01 s
    and a replay ~0.2 s. What the migrations make is what every test gets (the template *is*
    made by them); the one random thing they write, the store's id, is made anew per copy."""
    made: dict[str, str] = {}
    path = tmp_path_factory.mktemp("template") / "pos.sqlite3"
    template = Database(f"sqlite:///{path}")
    migrate(template.engine)
    template.dispose()
    made["sqlite"] = str(path)
    if PG_URL and shutil.which("pg_dump"):
        schema = f"tmpl_{uuid.uuid4().hex[:12]}"
        admin = create_engine(normalize_url(PG_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            pg = Database(_with_search_path(PG_URL, schema))
            migrate(pg.engine)
            pg.dispose()
            url = make_url(normalize_url(PG_URL))
            where = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432)]
            who = ["-U", url.username or "postgres", "-d", url.database or "test"]
            dump = subprocess.run(
                [
                    "pg_dump",
                    "--schema",
                    schema,
                    "--inserts",
                    "--no-owner",
                    "--no-privileges",
                    *where,
                    *who,
                ],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PGPASSWORD": url.password or ""},
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            dump = ""
        finally:
            with admin.connect() as c:
                c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
        lines = [
            line
            for line in dump.splitlines()
            # psql's own commands (\\restrict) and the schema the test already has
            if not line.startswith("\\") and line != f"CREATE SCHEMA {schema};"
        ]
        if dump:
            made["pg"] = "\n".join(lines).replace(schema, "{schema}")
    return made


@pytest.fixture
def db(db_url: str, _migrated_template: dict[str, str]) -> Iterator[Database]:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database:
        shutil.copy(_migrated_template["sqlite"], url.database)
    elif "pg" in _migrated_template and "search_path%3D" in db_url:
        schema = db_url.rsplit("search_path%3D", 1)[1].split("&", 1)[0]
        admin = create_engine(normalize_url(PG_URL), poolclass=NullPool)
        raw = admin.raw_connection()
        try:
            raw.cursor().execute(_migrated_template["pg"].replace("{schema}", schema))
            raw.commit()
        finally:
            raw.close()
            admin.dispose()
    database = Database(db_url)
    migrate(database.engine)  # at head already: a no-op (or the migrations, with no template)
    with database.engine.begin() as conn:
        conn.execute(
            text("UPDATE store_meta SET value = :v WHERE key = 'store_id'"),
            {"v": str(uuid.uuid4())},
        )
    yield database
    database.dispose()


@dataclass
class Store:
    """A small catalogue with stock, one user per role and an open shift on R01."""

    db: Database
    cashier: int
    manager: int
    shift_id: int
    apple: int  # taxable? no: fresh fruit, exempt, 12,900 per box
    gochujang: int  # taxable, 8,500
    beef: int  # weighed, per 100 g, exempt, 12,800
    salt: int  # exempt, 6,000, no lots (sells below zero)
    register: str = "R01"


APPLE_CODE = "8801234500012"
GOCHUJANG_CODE = "8801234500029"
SALT_CODE = "8801234500036"


def build_store(db: Database) -> Store:
    from posapp.auth.service import Role, create_user
    from posapp.inventory import csv_io, ledger
    from posapp.sales import shifts

    csv_text = (
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
        f"{APPLE_CODE},영주 부사 사과 3kg,Yeongju Fuji Apples 3kg,영주시,영주농협,과일,ea,12900,exempt,5,\n"
        f"{GOCHUJANG_CODE},순창 전통 고추장 1kg,Sunchang Gochujang 1kg,순창군,순창장류,장류,ea,8500,taxable,5,\n"
        ",횡성 한우 등심,Hoengseong Hanwoo Sirloin,횡성군,횡성축협,축산물,100g,12800,exempt,2000,00101\n"
        f"{SALT_CODE},신안 천일염 3kg,Sinan Sea Salt 3kg,신안군,신안염전,소금,ea,6000,exempt,3,\n"
    )

    def setup(uow):  # type: ignore[no-untyped-def]
        csv_io.import_products(uow, csv_text.encode())
        ids = dict(uow.conn.execute(text("SELECT name_en, id FROM products")).all())
        cashier = create_user(uow, "김하늘", Role.CASHIER, "1111").id
        manager = create_user(uow, "박지민", Role.MANAGER, "2222").id
        # the store's day is its zone's, Asia/Seoul in the tests (expiry days, business dates):
        # after 15:00 UTC the UTC date is a day behind it
        today = calendar.today()
        apple = ids["Yeongju Fuji Apples 3kg"]
        ledger.receive_lot(
            uow, apple, 5, expiry_date=today + dt.timedelta(days=20), lot_code="A-late"
        )
        ledger.receive_lot(
            uow, apple, 3, expiry_date=today + dt.timedelta(days=5), lot_code="A-early"
        )
        gochu = ids["Sunchang Gochujang 1kg"]
        ledger.receive_lot(uow, gochu, 10, expiry_date=today + dt.timedelta(days=300))
        beef = ids["Hoengseong Hanwoo Sirloin"]
        ledger.receive_lot(uow, beef, 5000, expiry_date=today + dt.timedelta(days=4))
        shift = shifts.open_shift(uow, "R01", cashier, {10_000: 10, 1_000: 50})
        return Store(db, cashier, manager, shift.id, apple, gochu, beef, ids["Sinan Sea Salt 3kg"])

    return db.transact(setup)


@pytest.fixture
def store(db: Database) -> Store:
    return build_store(db)


@pytest.fixture
def fake() -> Iterator[FakeTerminal]:
    """A card terminal in the test: speaks the documented protocol, records every request."""
    from tests.support.fake_terminal import FakeTerminal

    t = FakeTerminal().start()
    yield t
    t.down()


@pytest.fixture
def emulator(tmp_path) -> Iterator[PrinterEmulator]:  # type: ignore[no-untyped-def]
    """A receipt printer on the network (ESC/POS, double-byte Korean): what it got is decoded."""
    from posapp_devtools.printer_emulator import PrinterEmulator

    emu = PrinterEmulator(tmp_path / "paper", port=0, double_byte=True).start()
    yield emu
    emu.stop()


def cli_admin(store: Store) -> dict[str, str]:
    """An admin (관리자, PIN 9999) for posapp-admin's writing commands, and the environment a
    script gives them (posapp.cli_control: POSAPP_USER, POSAPP_PIN)."""
    from posapp.auth.service import Role, create_user
    from posapp.db.models import User

    def make(uow):  # type: ignore[no-untyped-def]
        from sqlalchemy import select

        if uow.session.scalar(select(User.id).where(User.name == "관리자")) is None:
            create_user(uow, "관리자", Role.ADMIN, "9999")

    store.db.transact(make)
    return {"POSAPP_USER": "관리자", "POSAPP_PIN": "9999"}
