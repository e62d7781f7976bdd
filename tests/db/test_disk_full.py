"""A full disk said in Korean as a full disk (issue 19, item 10), nothing half written, and
``verify`` still working on it (it only reads)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from posapp.db.engine import Database, DatabaseFull
from posapp.db.migrate import migrate
from posapp.db.models import Sale
from posapp.inventory import catalog
from posapp.sales import completion
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.ui.messages import describe
from posapp.verify import verify
from tests.conftest import GOCHUJANG_CODE, build_store


def test_a_full_disk_is_said_as_a_full_disk_and_verify_still_runs(tmp_path: Path) -> None:
    path = tmp_path / "pos.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    store = build_store(db)
    line = db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE).line)
    pages = db.read(lambda uow: uow.conn.exec_driver_sql("PRAGMA page_count").scalar())
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def full(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL

    def sell_many() -> None:
        for _ in range(200):
            t = Ticket()
            t.add(line)
            db.transact(
                lambda uow, t=t: completion.complete_sale(
                    uow, t, [Tender.cash(10_000)], register_id="R01", user_id=store.cashier
                )
            )

    with pytest.raises(DatabaseFull) as caught:
        sell_many()
    said = describe(caught.value, "ko") or ""
    assert "디스크가 가득" in said and "database" not in said.lower()
    sold = db.read(lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar())
    report = verify(db)  # reads only: works while nothing more can be written
    assert report.ok, report.problems()
    assert sold is not None and sold < 200
    db.dispose()
