"""Configuration: TOML file, POSAPP_* overrides, --db, and clear errors for bad values."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from posapp.config import ConfigError, load_settings, redact_url
from posapp.logging_setup import setup_logging


def test_defaults_make_a_fresh_install_work(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "none.toml", environ={})
    assert s.database.resolved_url().startswith("sqlite:///")
    assert s.printer.kind == "preview" and s.scanner.kind == "wedge" and s.platform.url == ""


def test_file_then_environment_then_flag(tmp_path: Path) -> None:
    f = tmp_path / "posapp.toml"
    f.write_text(
        '[database]\nurl = "sqlite:///file.db"\n[printer]\nkind = "network"\nport = 9100\n'
        '[register]\nid = "R03"\n',
        encoding="utf-8",
    )
    s = load_settings(f, environ={"POSAPP_PRINTER__PORT": "9101", "POSAPP_REGISTER": "R04"})
    assert (s.printer.kind, s.printer.port, s.register.id) == ("network", 9101, "R04")
    assert s.database.url == "sqlite:///file.db"
    s = load_settings(f, environ={"POSAPP_DB_URL": "postgresql://a@b/c"}, db_url="sqlite:///x")
    assert s.database.url == "sqlite:///x"


@pytest.mark.parametrize(
    ("text", "env", "needle"),
    [
        ("[printer]\nport = 'abc'\n", {}, "printer.port"),
        ("[printer]\ncolour = 1\n", {}, "printer.colour"),
        ("not toml = = =", {}, "not valid TOML"),
        ("", {"POSAPP_DATABASE__DEMO_ON_FIRST_START": "maybe"}, "true/false"),
    ],
)
def test_bad_configuration_is_named(
    tmp_path: Path, text: str, env: dict[str, str], needle: str
) -> None:
    f = tmp_path / "posapp.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(f, environ=env)
    assert needle in str(err.value)


def test_passwords_are_redacted() -> None:
    assert "secret" not in redact_url("postgresql://pos:secret@db.local/pos")


def test_log_file_rotates_and_redacts(tmp_path: Path) -> None:
    path = setup_logging("INFO", directory=tmp_path)
    logging.getLogger("posapp.test").info("card 9410123456785678 token Bearer abc.def")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "9410123456785678" not in text and "abc.def" not in text and "[card]" in text
