"""Configuration: one TOML file in the user config directory plus ``POSAPP_*`` overrides.

Owns the typed settings object — every option declared once, with its default and, where the
choice is closed, its allowed values (:func:`option`; the printer, scanner, scale and display
kinds below are the only lists of them) — where its file lives, how the environment overrides
it, and the checks a value must pass. Precedence (last wins): built-in defaults < TOML file <
``POSAPP_*`` environment < CLI flags. Environment keys flatten the TOML sections with a double
underscore, e.g. ``POSAPP_DATABASE__URL``, ``POSAPP_PRINTER__KIND``; the common ones also have a
short alias (``POSAPP_DB_URL``, ``POSAPP_REGISTER``).

Validated at load: an unknown section or key, a value of the wrong type or one that is not
allowed (``kind = "netwrok"``) stops the start with :class:`~posapp.config_errors.ConfigError`,
whose message names the file (or the variable), the key and the allowed values in Korean and
English; nothing silently falls back to a default. The file carries ``[meta] version``; an
older file is upgraded in memory by the steps of :mod:`posapp.config_upgrade` and written back
only when the settings screen saves. :func:`save_settings` writes changed keys back to the
file: validated first, every other key kept, written atomically with tomli-w, and read back.
Comments in the file are not kept (tomli-w writes plain TOML).
"""

from __future__ import annotations

import logging
import os
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar, get_args
from urllib.parse import urlparse

import platformdirs
import tomli_w

from posapp.config_errors import ConfigError, Words
from posapp.config_upgrade import CONFIG_VERSION, upgrade
from posapp.domain.calendar import TimeZoneError, zone_named
from posapp.error_codes import ConfigErrorCode

log = logging.getLogger(__name__)

T = TypeVar("T")

APP_NAME = "posapp"
APP_AUTHOR = "imarketu"


def data_dir() -> Path:
    """The user data directory (database, receipt previews); POSAPP_DATA_DIR overrides it."""
    override = os.environ.get("POSAPP_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get("POSAPP_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    override = os.environ.get("POSAPP_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_config_path() -> Path:
    return Path(os.environ.get("POSAPP_CONFIG") or config_dir() / "posapp.toml")


# --- the closed choices: declared here once; the printer adapter and the setup screen use these

PrinterKind = Literal["preview", "network", "usb", "serial", "file"]
PRINTER_KINDS: tuple[PrinterKind, ...] = get_args(PrinterKind)
PRINTER_PROFILES = ("raster", "korean")  # korean: FS & with CP949
SCANNER_KINDS = ("wedge", "serial")
SCANNER_SUFFIXES = ("enter", "tab", "enter_or_tab")  # the key a wedge scanner ends a code with
SCALE_KINDS = ("", "cas", "generic")  # "" none (grams typed) | CAS PD-II | generic
DISPLAY_KINDS = ("", "cd5220")  # "" none | 2x20 pole display on a serial port
PAPER_WIDTHS = (58, 80)
DRAWER_PINS = (2, 5)
SCALE_VALUE_KINDS = ("price", "weight")
EXPIRED_LOT_RULES = ("warn", "block")  # [sales] expired_lots
LOCALES = ("ko", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
CARD_TERMINAL_SCHEMES = ("tcp", "cardsim")


class Rule(NamedTuple):
    """A check an option's value must pass, shown as ``allowed`` when it fails."""

    ok: Callable[[Any], bool]
    allowed: Words
    hint: Words = Words("", "")


def option(default: T, *, allowed: tuple[T, ...] = (), rule: Rule | None = None) -> T:
    """A setting with its default and, for a closed choice, its allowed values (or a rule)."""
    return field(default=default, metadata={"allowed": allowed, "rule": rule})


def _card_terminal_ok(value: str) -> bool:
    if not value:
        return True
    u = urlparse(value)
    try:
        port = u.port
    except ValueError:
        return False
    return u.scheme in CARD_TERMINAL_SCHEMES and bool(u.hostname) and bool(port)


def _time_zone_ok(value: str) -> bool:
    try:
        zone_named(value)
    except TimeZoneError:
        return False
    return True


TIME_ZONE = Rule(
    _time_zone_ok,
    Words('IANA 시간대 이름(예: "Asia/Seoul")', 'an IANA time zone name (e.g. "Asia/Seoul")'),
)

CARD_TERMINAL = Rule(
    _card_terminal_ok,
    Words(
        '""(단말기 없음: 카드는 직접 입력), "tcp://HOST:PORT"',
        '"" (no terminal: cards keyed in by hand), "tcp://HOST:PORT"',
    ),
    Words(
        " — 계산대는 카드 단말기 시뮬레이터를 띄우지 않습니다. 개발 도구의 "
        'posapp-card-simulator를 실행하고 [card] terminal = "tcp://127.0.0.1:PORT"로 '
        "가리키세요.",
        " — the till never starts a card simulator: run posapp-card-simulator from the dev "
        'tools and point [card] terminal = "tcp://127.0.0.1:PORT" at it.',
    ),
)


REGISTER_ID = Rule(
    # "BO" is the back office's journal chain (stock postings): a till named so would write its
    # sales onto it
    lambda v: isinstance(v, str) and 1 <= len(v.strip()) <= 16 and v.strip().upper() != "BO",
    Words(
        '1~16글자 계산대 번호(예: "R01"; "BO"는 재고 기록용이라 쓸 수 없음)',
        '1 to 16 characters (e.g. "R01"; "BO" is the stock journal\'s and cannot be used)',
    ),
)

SCAN_GAP = Rule(
    lambda v: isinstance(v, int) and 5 <= v <= 200,
    Words("5에서 200 사이의 밀리초", "milliseconds from 5 to 200"),
)
SCAN_LENGTH = Rule(
    lambda v: isinstance(v, int) and 1 <= v <= 64,
    Words("1에서 64 사이의 글자 수", "a number of characters from 1 to 64"),
)
SCAN_PREFIX = Rule(
    lambda v: isinstance(v, str) and len(v) <= 4,
    Words("4글자 이하 (비우면 없음)", "at most 4 characters (empty: none)"),
)


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = ""  # empty: SQLite file in the data directory
    demo_on_first_start: bool = True

    def resolved_url(self) -> str:
        if self.url:
            return self.url
        return f"sqlite:///{data_dir() / 'posapp.sqlite3'}"


@dataclass(frozen=True)
class StoreSettings:
    name: str = "I·Market·U"
    name_ko: str = "아이마켓유"
    address: str = "서울 종로구 율곡로 39 안국빌딩 신관"
    business_number: str = "000-00-00000"
    representative: str = ""
    phone: str = "02-000-0000"
    timezone: str = option("Asia/Seoul", rule=TIME_ZONE)


@dataclass(frozen=True)
class RegisterSettings:
    id: str = option("R01", rule=REGISTER_ID)
    name: str = "1번 계산대"  # shown in the settings screen and the reports: Korean


@dataclass(frozen=True)
class PrinterSettings:
    kind: PrinterKind = option("preview", allowed=PRINTER_KINDS)  # noqa: RUF009 (a field())
    host: str = ""
    port: int = 9100
    device: str = ""
    baudrate: int = 19200
    usb_vendor: int = 0
    usb_product: int = 0
    profile: str = option("raster", allowed=PRINTER_PROFILES)
    paper_mm: int = option(80, allowed=PAPER_WIDTHS)


@dataclass(frozen=True)
class ScannerSettings:
    kind: str = option("wedge", allowed=SCANNER_KINDS)
    device: str = ""
    baudrate: int = 9600
    # keyboard wedge: a burst of keys at most max_gap_ms apart, min_length characters at least,
    # ending in the suffix key; prefix: a character the scanner is set to send first ("" none)
    prefix: str = option("", rule=SCAN_PREFIX)
    suffix: str = option("enter", allowed=SCANNER_SUFFIXES)
    max_gap_ms: int = option(35, rule=SCAN_GAP)
    min_length: int = option(4, rule=SCAN_LENGTH)


@dataclass(frozen=True)
class ScaleSettings:
    kind: str = option("", allowed=SCALE_KINDS)
    device: str = ""
    baudrate: int = 9600
    request: str = "W\\r\\n"  # generic: bytes to ask for a weight
    pattern: str = ""  # generic: regex with named groups weight, unit, stable, sign


@dataclass(frozen=True)
class DisplaySettings:
    kind: str = option("", allowed=DISPLAY_KINDS)
    device: str = ""
    baudrate: int = 9600


@dataclass(frozen=True)
class SalesSettings:
    # ignored: the discount limit is store policy in the database (posapp.store_policy)
    discount_limit_percent: int = 10
    cash_receipt_prompt_from: int = 100_000
    scale_prefixes: str = "20-29"
    scale_item_digits: int = 5
    scale_value_digits: int = 5
    scale_value_kind: str = option("price", allowed=SCALE_VALUE_KINDS)
    customer_display: bool = True  # the second window for the customer
    # with one monitor the customer window stays closed (it would cover the checkout); true
    # opens it all the same (a demo, a till whose second screen is mirrored)
    customer_display_on_one_screen: bool = False
    customer_display_english: bool = True  # English names under the Korean ones (visitors)
    # a till on PostgreSQL keeps selling when the server cannot be reached (a local spool)
    offline_spool: bool = True
    drawer_pin: int = option(2, allowed=DRAWER_PINS)
    idle_signout_minutes: int = 10  # 0: never sign out by itself
    # ignored, as discount_limit_percent: the money rules are store policy in the database
    # (posapp.store_policy: cash_rounding_unit, voucher_change_percent_small,
    # voucher_small_face, cash_receipt_mandatory(_from), expired_lots_block), the same for
    # every till and changed only by a holder of ``settings``; an old TOML still loads
    cash_rounding_unit: int = option(10, allowed=(1, 10, 100))
    voucher_change_percent: int = 60
    voucher_change_percent_small: int = 80
    voucher_small_face: int = 10_000
    cash_receipt_mandatory: bool = False
    cash_receipt_mandatory_from: int = 100_000
    expired_lots: str = option("warn", allowed=EXPIRED_LOT_RULES)


@dataclass(frozen=True)
class CardSettings:
    # "" = no terminal (cards keyed in by hand); "tcp://HOST:PORT" (a terminal's bridge, or
    # posapp-card-simulator from the dev tools). The till never starts a simulator itself.
    terminal: str = option("", rule=CARD_TERMINAL)
    timeout_s: int = 60
    # 연습 모드: the terminal is the card simulator (the demo sets this). The till then says
    # "연습 모드 — 실제 결제 아님" in its top bar and on every receipt: no money moves.
    practice: bool = False
    # ignored: 할부's floor is store policy (posapp.store_policy installment_from)
    installment_from: int = 50_000


@dataclass(frozen=True)
class PlatformSettings:
    url: str = ""  # empty: sync off
    token: str = ""


@dataclass(frozen=True)
class ClassSettings:
    """Ignored, as the other money rules: the hold time and the refund tiers of cooking-class
    bookings are store policy (posapp.store_policy ``class_hold_minutes``,
    ``class_refund_tiers``); an old TOML still loads."""

    hold_minutes: int = 30
    refund_tiers: str = "3:100,1:50,0:0"


@dataclass(frozen=True)
class BackupSettings:
    enabled: bool = True  # scheduled backups (SQLite: every till; PostgreSQL: see back_office)
    dir: str = ""  # empty: "backups" in the data directory; a folder named here is never created
    # PostgreSQL: this till makes the store's scheduled pg_dump (two set: still one per interval)
    back_office: bool = False
    every_hours: int = 24
    keep_days: int = 14

    def resolved_dir(self) -> Path:
        return Path(self.dir).expanduser() if self.dir else data_dir() / "backups"


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    register: RegisterSettings = field(default_factory=RegisterSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    sales: SalesSettings = field(default_factory=SalesSettings)
    platform: PlatformSettings = field(default_factory=PlatformSettings)
    card: CardSettings = field(default_factory=CardSettings)
    scale: ScaleSettings = field(default_factory=ScaleSettings)
    pole_display: DisplaySettings = field(default_factory=DisplaySettings)
    classes: ClassSettings = field(default_factory=ClassSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    locale: str = option("ko", allowed=LOCALES)
    log_level: str = option("INFO", allowed=LOG_LEVELS)


_ALIASES = {
    "POSAPP_DB_URL": ("database", "url"),
    "POSAPP_DATABASE_URL": ("database", "url"),
    "POSAPP_REGISTER": ("register", "id"),
    "POSAPP_PLATFORM_URL": ("platform", "url"),
    "POSAPP_PLATFORM_TOKEN": ("platform", "token"),
}
_NOT_SETTINGS = {
    "POSAPP_DATA_DIR",
    "POSAPP_CONFIG_DIR",
    "POSAPP_LOG_DIR",
    "POSAPP_CONFIG",
    "POSAPP_NEW_PIN",  # posapp-admin user add
    "POSAPP_ADMIN_PIN",  # posapp-admin perm grant/revoke
    "POSAPP_USER",  # posapp-admin: who runs a command that writes (posapp.cli_control)
    "POSAPP_PIN",  # posapp-admin: that user's PIN, for scripts
    "POSAPP_NO_KEYRING",  # posapp.secrets: use the 0600 file even where a keyring exists
}


def _shown(value: Any) -> str:
    """A value as TOML would write it (``"netwrok"``, ``9100``, ``true``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    return str(value)


def _wrong(kind: str, value: Any, key: str, source: str) -> ConfigError:
    return ConfigError(
        ConfigErrorCode.WRONG_TYPE, file=source, key=key, value=_shown(value), expected=kind
    )


def _coerce(value: Any, current: Any, key: str, source: str) -> Any:
    if isinstance(current, bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower() if isinstance(value, str | int) else ""
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise _wrong("bool", value, key, source)
    if isinstance(current, int):
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise _wrong("int", value, key, source)
        try:
            return int(value)
        except (TypeError, ValueError):
            raise _wrong("int", value, key, source) from None
    if isinstance(current, str):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise _wrong("str", value, key, source)
        return str(value)
    return value


def _check(spec: Any, value: Any, key: str, source: str) -> None:
    """Raise when ``value`` is not one the option allows (its allowed values or its rule)."""
    allowed: tuple[Any, ...] = spec.metadata.get("allowed", ())
    rule: Rule | None = spec.metadata.get("rule")
    if allowed and value not in allowed:
        shown = ", ".join(_shown(a) for a in allowed)
        raise ConfigError(
            ConfigErrorCode.NOT_ALLOWED, file=source, key=key, value=_shown(value), allowed=shown
        )
    if rule is not None and not rule.ok(value):
        raise ConfigError(
            ConfigErrorCode.NOT_ALLOWED,
            file=source,
            key=key,
            value=_shown(value),
            allowed=rule.allowed.en,
            allowed_ko=rule.allowed.ko,
            hint=rule.hint.en,
            hint_ko=rule.hint.ko,
        )


def _merge(obj: Any, data: Mapping[str, Any], prefix: str, source: str) -> Any:
    """``obj`` with ``data`` applied, every key known, of the right type and allowed."""
    specs = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        name = prefix + key
        if key not in specs:
            section = not prefix and isinstance(value, dict)
            known = [n for n, f in specs.items() if is_dataclass(getattr(obj, n)) == section]
            code = ConfigErrorCode.UNKNOWN_SECTION if section else ConfigErrorCode.UNKNOWN_KEY
            raise ConfigError(code, file=source, key=name, allowed=", ".join(known))
        current = getattr(obj, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise _wrong("table", value, name, source)
            changes[key] = _merge(current, value, f"{name}.", source)
        else:
            changes[key] = _coerce(value, current, name, source)
            _check(specs[key], changes[key], name, source)
    return replace(obj, **changes)


def _env_overrides(environ: Mapping[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """Each ``POSAPP_*`` setting variable with the nested table it sets."""
    out: list[tuple[str, dict[str, Any]]] = []
    for name, value in sorted(environ.items()):
        if not name.startswith("POSAPP_") or name in _NOT_SETTINGS:
            continue
        if name.startswith(("POSAPP_TEST", "POSAPP_SECRET_")):  # secrets: posapp.secrets
            continue
        if name in _ALIASES:
            path: tuple[str, ...] = _ALIASES[name]
        else:
            path = tuple(part.lower() for part in name[len("POSAPP_") :].split("__"))
        node: dict[str, Any] = {}
        out.append((name, node))
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return out


def _upgraded(data: dict[str, Any], source: str) -> dict[str, Any]:
    """The file's tables brought to :data:`CONFIG_VERSION` (in memory), without ``[meta]``."""
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise _wrong("table", meta, "meta", source)
    unknown = sorted(set(meta) - {"version"})
    if unknown:
        raise ConfigError(
            ConfigErrorCode.UNKNOWN_KEY, file=source, key=f"meta.{unknown[0]}", allowed="version"
        )
    version = meta.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _wrong("int", version, "meta.version", source)
    if version > CONFIG_VERSION:
        raise ConfigError(
            ConfigErrorCode.NEWER,
            file=source,
            key="meta.version",
            value=version,
            allowed=CONFIG_VERSION,
        )
    tables = {k: v for k, v in data.items() if k != "meta"}
    return upgrade(tables, version)


def _from_file(data: dict[str, Any], source: str) -> Settings:
    settings: Settings = _merge(Settings(), _upgraded(data, source), "", source)
    return settings


def load_settings(
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    db_url: str | None = None,
) -> Settings:
    """Read defaults, then the TOML file (if present), then ``POSAPP_*`` and the --db flag.

    Raises :class:`ConfigError` for anything in the file or the environment that is not a
    known key with a value of its type and among its allowed values."""
    settings = Settings()
    file = path or default_config_path()
    if file.exists():
        settings = _from_file(_read_toml(file), str(file))
        log.debug("configuration read from %s", file)
    env = os.environ if environ is None else environ
    for name, override in _env_overrides(env):
        settings = _merge(settings, override, "", f"{name} (environment)")
    if db_url:
        settings = replace(settings, database=replace(settings.database, url=db_url))
    return settings


def redact_url(url: str) -> str:
    """A database URL with any password replaced, for logs and screens."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable url>"


# keys that are secrets: kept by posapp.secrets, never written to the file
SECRET_KEYS = frozenset({("platform", "token")})


def _read_toml(file: Path) -> dict[str, Any]:
    if not file.exists():
        return {}
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(ConfigErrorCode.NOT_TOML, file=str(file), problem=str(exc)) from exc
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 at byte {exc.start}"
        raise ConfigError(ConfigErrorCode.NOT_TOML, file=str(file), problem=problem) from exc


def save_settings(
    changes: Mapping[str, Any], path: Path | None = None, *, drop: tuple[str, ...] = ()
) -> Settings:
    """Write ``changes`` ({"section": {"key": value}} or {"key": value} for top-level keys)
    into the TOML file, keeping every key it does not name; ``drop`` ("section.key") removes
    keys. Validated first (an unknown key or a wrong type writes nothing and raises
    :class:`ConfigError`); written atomically (a temporary file in the same folder, fsynced,
    then renamed over the old one, whose mode is kept); read back with :func:`load_settings`
    (no environment) and compared. Returns the settings the file now gives."""
    file = path or default_config_path()
    source = str(file)
    data = _upgraded(_read_toml(file), source)
    for name in drop:
        section, _, key = name.rpartition(".")
        node = data.get(section) if section else data
        if isinstance(node, dict):
            node.pop(key, None)
            if section and not node:
                data.pop(section)
    for key, value in changes.items():
        if isinstance(value, Mapping):
            for sub in value:
                if (key, sub) in SECRET_KEYS:
                    raise ConfigError(ConfigErrorCode.SECRET, file=source, key=f"{key}.{sub}")
            data.setdefault(key, {}).update(value)
        else:
            data[key] = value
    settings = _merge(Settings(), data, "", source)  # raises for an unknown key, type or value
    # what is written is the coerced value ("9100" typed becomes 9100)
    for key, value in changes.items():
        if isinstance(value, Mapping):
            section = getattr(settings, key)
            data[key] = {**data[key], **{k: getattr(section, k) for k in value}}
        else:
            data[key] = getattr(settings, key)
    text = tomli_w.dumps({"meta": {"version": CONFIG_VERSION}, **data})
    _write_atomically(file, text.encode("utf-8"))
    back = load_settings(file, environ={})
    if back != settings:
        raise ConfigError(ConfigErrorCode.READ_BACK, file=source)
    log.info("configuration written to %s", file)
    return back


def _write_atomically(file: Path, data: bytes) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    mode = file.stat().st_mode & 0o777 if file.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # the rename itself survives a power cut once the folder is synced
        dfd = os.open(file.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
