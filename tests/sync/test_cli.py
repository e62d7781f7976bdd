"""``posapp-admin sync`` as a real process against the real platform on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.cli import main as admin_cli
from tests.cli.test_admin_cli import admin
from tests.conftest import APPLE_CODE, Store, cli_admin
from tests.support import backlog
from tests.support.platform_server import TOKEN, ThreadedPlatform


@pytest.mark.slow
def test_sync_status_run_and_errors(store: Store, db_url: str, tmp_path: Path) -> None:
    backlog.real_documents(store.db, [APPLE_CODE], store.cashier, store.manager)
    platform = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    env = {"POSAPP_PLATFORM_URL": platform.url, "POSAPP_PLATFORM_TOKEN": TOKEN, **cli_admin(store)}
    try:
        r = admin(db_url, "sync", "status", env=env)
        assert r.returncode == 0 and "2 pending" in r.stdout, r.stdout + r.stderr
        r = admin(db_url, "sync", "run", env={**env, "POSAPP_PLATFORM_TOKEN": "wrong"})
        assert r.returncode == 1 and "sync.auth" in r.stderr and "token" in r.stderr
        r = admin(db_url, "sync", "run", env=env)
        assert r.returncode == 0 and "sent 2 document(s); 0 pending" in r.stdout, r.stderr
        assert platform.store.stats()["documents"] == 2
        r = admin(db_url, "sync", "run", env={**cli_admin(store), "POSAPP_PLATFORM_URL": ""})
        assert r.returncode == 2 and "sync is off" in r.stderr
    finally:
        platform.stop()


def test_sync_run_returns_zero_in_process(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``main()`` returns 0 after a good ``sync run`` (it used to fall off the end: None)."""
    backlog.real_documents(store.db, [APPLE_CODE], store.cashier, store.manager)
    platform = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    monkeypatch.setenv("POSAPP_PLATFORM_URL", platform.url)
    monkeypatch.setenv("POSAPP_PLATFORM_TOKEN", TOKEN)
    for name, value in cli_admin(store).items():
        monkeypatch.setenv(name, value)
    try:
        assert admin_cli(["--db", store.db.url, "sync", "run"]) == 0
    finally:
        platform.stop()
