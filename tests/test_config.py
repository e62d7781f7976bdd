"""Configuration: TOML file, POSAPP_* overrides, --db, clear errors for bad values (in Korean and
English, naming the file, the key and the allowed values), the version and its upgrades."""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.config import PRINTER_KINDS, ConfigError, load_settings, redact_url, save_settings
from posapp.config_upgrade import CONFIG_VERSION, UPGRADES, upgrade
from posapp.error_codes import ConfigErrorCode
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
        # the back office's journal chain: a till named so would write its sales onto it
        ("[register]\nid = 'BO'\n", {}, "register.id"),
        ("", {"POSAPP_REGISTER": "bo"}, "재고 기록용"),
        ("[register]\nid = 'R0123456789ABCDEF'\n", {}, "1~16"),
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


def _error(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> ConfigError:
    f = tmp_path / "posapp.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(f, environ=env or {})
    return err.value


def test_a_typo_in_a_value_stops_the_start_naming_file_key_and_allowed_values(
    tmp_path: Path,
) -> None:
    err = _error(tmp_path, '[printer]\nkind = "netwrok"\n')
    ko, en = str(err).splitlines()
    assert err.code == ConfigErrorCode.NOT_ALLOWED and err.key == "printer.kind"
    for words in (ko, en):
        assert str(tmp_path / "posapp.toml") in words and "printer.kind" in words
        assert '"netwrok"' in words
        assert all(f'"{kind}"' in words for kind in PRINTER_KINDS)
    assert "가능한 값" in ko and "Allowed values" in en


@pytest.mark.parametrize(
    ("text", "code", "key", "needles"),
    [
        ('[printr]\nkind = "network"\n', ConfigErrorCode.UNKNOWN_SECTION, "printr", ["printer"]),
        ("[printer]\npaper = 80\n", ConfigErrorCode.UNKNOWN_KEY, "printer.paper", ["paper_mm"]),
        ('lokale = "ko"\n', ConfigErrorCode.UNKNOWN_KEY, "lokale", ["locale"]),
        ("[printer]\nport = true\n", ConfigErrorCode.WRONG_TYPE, "printer.port", ["whole"]),
        ("[sales]\ncustomer_display = 2\n", ConfigErrorCode.WRONG_TYPE, "sales.", ["true/false"]),
        ("printer = 3\n", ConfigErrorCode.WRONG_TYPE, "printer", ["table"]),
        ("[printer]\npaper_mm = 76\n", ConfigErrorCode.NOT_ALLOWED, "printer.paper_mm", ["58, 80"]),
        ('[scale]\nkind = "CAS"\n', ConfigErrorCode.NOT_ALLOWED, "scale.kind", ['"cas"']),
        ('locale = "jp"\n', ConfigErrorCode.NOT_ALLOWED, "locale", ['"ko", "en"']),
        (
            '[card]\nterminal = "10.0.0.5"\n',
            ConfigErrorCode.NOT_ALLOWED,
            "card.terminal",
            ["tcp://"],
        ),
        ('[store]\ntimezone = "Asia/Soeul"\n', ConfigErrorCode.NOT_ALLOWED, "store.", ["IANA"]),
        ("[meta]\nversion = 99\n", ConfigErrorCode.NEWER, "meta.version", ["99"]),
        ("[meta]\nversoin = 2\n", ConfigErrorCode.UNKNOWN_KEY, "meta.versoin", ["version"]),
    ],
)
def test_every_kind_of_typo_is_named(
    tmp_path: Path, text: str, code: str, key: str, needles: list[str]
) -> None:
    err = _error(tmp_path, text)
    assert err.code == code and err.key.startswith(key)
    ko, en = str(err).splitlines()
    assert re.search("[가-힣]", ko) and not re.search("[가-힣]", en)
    for needle in needles:
        assert needle in en


def test_environment_overrides_are_validated_the_same_way(tmp_path: Path) -> None:
    err = _error(tmp_path, "", {"POSAPP_PRINTER__KIND": "netwrok"})
    assert err.code == ConfigErrorCode.NOT_ALLOWED and "POSAPP_PRINTER__KIND" in str(err)
    err = _error(tmp_path, "", {"POSAPP_PRINTER__COLOUR": "red"})
    assert err.code == ConfigErrorCode.UNKNOWN_KEY and "POSAPP_PRINTER__COLOUR" in str(err)
    err = _error(tmp_path, "", {"POSAPP_REGISTER": "R01", "POSAPP_SALES__DRAWER_PIN": "3"})
    assert err.key == "sales.drawer_pin" and "2, 5" in str(err)


def test_the_till_starts_no_card_simulator(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml", environ={}).card.terminal == ""
    err = _error(tmp_path, '[card]\nterminal = "simulator"\n')
    ko, en = str(err).splitlines()
    assert "posapp-card-simulator" in ko and "posapp-card-simulator" in en
    assert "tcp://127.0.0.1:PORT" in en and "never starts a card simulator" in en
    f = tmp_path / "posapp.toml"
    f.write_text('[card]\nterminal = "tcp://127.0.0.1:8111"\n', encoding="utf-8")
    assert load_settings(f, environ={}).card.terminal == "tcp://127.0.0.1:8111"


def test_an_old_file_is_upgraded_at_load_and_written_back_only_on_save(tmp_path: Path) -> None:
    f = tmp_path / "posapp.toml"
    old = '[card]\nterminal = "cardsim://127.0.0.1:8111"\n[register]\nid = "R02"\n'
    f.write_text(old, encoding="utf-8")
    s = load_settings(f, environ={})
    assert s.card.terminal == "tcp://127.0.0.1:8111" and s.register.id == "R02"
    assert f.read_text(encoding="utf-8") == old  # loading writes nothing
    save_settings({"register": {"name": "Till 2"}}, f)
    data = tomllib.loads(f.read_text(encoding="utf-8"))
    assert data["meta"] == {"version": CONFIG_VERSION}
    assert data["card"] == {"terminal": "tcp://127.0.0.1:8111"}
    assert data["register"] == {"id": "R02", "name": "Till 2"}
    assert load_settings(f, environ={}) == replace(s, register=replace(s.register, name="Till 2"))


def test_each_upgrade_step_leads_to_the_current_version() -> None:
    assert sorted(UPGRADES) == list(range(1, CONFIG_VERSION))
    tables = {"card": {"terminal": "cardsim://h:1"}}
    assert upgrade(tables, 1) == {"card": {"terminal": "tcp://h:1"}}
    assert tables == {"card": {"terminal": "cardsim://h:1"}}  # the input is kept
    assert upgrade({"card": {"terminal": "tcp://h:1"}}, CONFIG_VERSION) == {
        "card": {"terminal": "tcp://h:1"}
    }


def test_a_bad_value_is_not_saved(tmp_path: Path) -> None:
    f = tmp_path / "posapp.toml"
    f.write_text('[register]\nid = "R02"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        save_settings({"printer": {"kind": "netwrok"}}, f)
    assert err.value.key == "printer.kind"
    assert f.read_text(encoding="utf-8") == '[register]\nid = "R02"\n'
