"""Commission rules written by a person (issue 20, item 4): checked in words, exported with the
report CSV writer and imported back (all or nothing), through the CLI, and in the partner tab."""

from __future__ import annotations

import datetime as dt

import pytest

from posapp.inventory import partners
from posapp.inventory.stock import InventoryError
from posapp.reports import catalog, export
from posapp.reports.model import Period
from tests.conftest import Store

TODAY = dt.date(2026, 10, 1)


def names(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    def read(uow):  # type: ignore[no-untyped-def]
        return (
            {p.name: p.id for p in partners.list_producers(uow)},
            {c.name: c.id for c in partners.list_categories(uow)},
        )

    return store.db.read(read)


def test_rules_are_checked_and_round_trip_through_csv(store: Store) -> None:
    producers, cats = names(store)

    def save(**kw):  # type: ignore[no-untyped-def]
        args = {"user_id": store.manager, "effective_from": TODAY, "rate_bp": 1_000, "today": TODAY}
        return store.db.transact(lambda uow: partners.save_commission_rule(uow, **{**args, **kw}))

    for bad, code in (
        ({"rate_bp": 10_001}, "commission_rule.rate"),
        ({"threshold": -1}, "commission_rule.threshold"),
        ({"effective_from": TODAY - dt.timedelta(days=1)}, "commission_rule.past"),
        ({"producer_id": 99_999}, "producer.unknown"),
    ):
        with pytest.raises(InventoryError) as e:
            save(**bad)
        assert e.value.code == code
    assert partners.parse_rate("12.5%") == 1_250 and partners.parse_rate(" 0 ") == 0
    for text in ("12.345", "abc", "101"):
        with pytest.raises(InventoryError):
            partners.parse_rate(text)
    save(producer_id=producers["영주농협"], rate_bp=1_200)
    save(category_id=cats["과일"], threshold=5_000_000, rate_bp=1_000)
    r = store.db.read(lambda uow: catalog.run(uow, "commission-rules", Period(TODAY, TODAY)))
    assert r.rows == (
        ("", "과일", "2026-10-01", 5_000_000, "10"),
        ("영주농협", "", "2026-10-01", 0, "12"),
    )
    data = export.to_csv(r)
    # into a fresh store's rules: the same rows come back
    store.db.transact(lambda uow: uow.conn.exec_driver_sql("DELETE FROM commission_rules"))
    made = store.db.transact(
        lambda uow: partners.import_commission_rules(uow, data, user_id=store.manager, today=TODAY)
    )
    assert len(made) == 2
    again = store.db.read(lambda uow: catalog.run(uow, "commission-rules", Period(TODAY, TODAY)))
    assert again.rows == r.rows
    # a bad row stops the whole file, naming its line
    bad = "공급자,분류,적용일,기준액,수수료율(%)\n영주농협,,2026-11-01,0,8\n없는농장,,2026-11-01,0,8\n"
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: partners.import_commission_rules(
                uow, bad.encode(), user_id=store.manager, today=TODAY
            )
        )
    assert e.value.code == "commission_rule.csv" and e.value.data["line"] == 3
    assert len(store.db.read(partners.list_commission_rules)) == 2  # nothing of the bad file
    # a rule in force stays; a future one can be deleted
    future = save(effective_from=dt.date(2026, 12, 1), rate_bp=500)
    store.db.transact(
        lambda uow: partners.delete_commission_rule(
            uow, future.id, user_id=store.manager, today=TODAY
        )
    )
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: partners.delete_commission_rule(
                uow, made[0].id, user_id=store.manager, today=TODAY
            )
        )
    assert e.value.code == "commission_rule.in_force"


def test_the_cli_adds_imports_and_exports(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.reports.test_exports_cli import admin

    url = store.db.engine.url.render_as_string(hide_password=False)
    start = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    done = admin(
        url,
        "commission",
        "add",
        "--producer",
        "영주농협",
        "--from",
        start,
        "--rate",
        "12",
        "--user",
        "박지민",
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "영주농협" in done.stdout.decode() and "12%" in done.stdout.decode()
    out = tmp_path / "rules.csv"
    exp = admin(
        url, "report", "commission-rules", "--from", start, "--format", "csv", "--out", str(out)
    )
    assert exp.returncode == 0, exp.stderr.decode()
    store.db.transact(lambda uow: uow.conn.exec_driver_sql("DELETE FROM commission_rules"))
    imp = admin(url, "commission", "import", str(out), "--user", "박지민")
    assert imp.returncode == 0 and "1 rule(s) added" in imp.stdout.decode(), imp.stderr.decode()
    listed = admin(url, "commission", "list").stdout.decode()
    assert "영주농협" in listed and start in listed
    bad = admin(url, "commission", "add", "--from", start, "--rate", "200", "--user", "박지민")
    assert bad.returncode != 0 and b"Traceback" not in bad.stderr
