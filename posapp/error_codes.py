"""Error codes of the top-level modules: configuration (config.py), till setup (till_setup.py),
backups (backup.py) and secrets (secrets.py).

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/top.py``.
"""

from __future__ import annotations

from enum import StrEnum


class ConfigErrorCode(StrEnum):
    """``config.*`` codes."""

    NOT_TOML = "config.not_toml"
    UNKNOWN_SECTION = "config.unknown_section"
    UNKNOWN_KEY = "config.unknown_key"
    WRONG_TYPE = "config.wrong_type"
    NOT_ALLOWED = "config.not_allowed"
    NEWER = "config.newer"
    SECRET = "config.secret"
    READ_BACK = "config.read_back"


class SetupErrorCode(StrEnum):
    """``setup.*`` codes."""

    REGISTER_ID = "setup.register_id"
    REGISTER_NAME = "setup.register_name"
    PRINTER_KIND = "setup.printer_kind"
    PRINTER_HOST = "setup.printer_host"
    PRINTER_DEVICE = "setup.printer_device"
    PORT = "setup.port"
    PAPER = "setup.paper"
    DRAWER_PIN = "setup.drawer_pin"
    SCANNER_KIND = "setup.scanner_kind"
    SCALE_KIND = "setup.scale_kind"
    PORT_MISSING = "setup.port_missing"
    DATABASE_URL = "setup.database_url"
    DB_CONNECT = "setup.db_connect"
    DB_LOGIN = "setup.db_login"
    DB_MISSING = "setup.db_missing"
    DB_NEWER = "setup.db_newer"
    PLATFORM_URL = "setup.platform_url"
    CARD_TERMINAL = "setup.card_terminal"
    LOCALE = "setup.locale"
    FILE = "setup.file"


class PolicyErrorCode(StrEnum):
    """``policy.*`` codes (store policy, posapp/store_policy.py)."""

    UNKNOWN = "policy.unknown"
    RANGE = "policy.range"
    CHOICE = "policy.choice"
    TEXT = "policy.text"
    VOUCHER_KINDS = "policy.voucher_kinds"


class BackupErrorCode(StrEnum):
    """``backup.*`` codes."""

    BAD_COPY = "backup.bad_copy"
    MEMORY = "backup.memory"
    NO_SOURCE = "backup.no_source"
    NOT_SQLITE = "backup.not_sqlite"
    SAME = "backup.same"
    SQLITE = "backup.sqlite"
    TARGET_MISSING = "backup.target_missing"
    TARGET_NOT_WRITABLE = "backup.target_not_writable"
    TOOL_MISSING = "backup.tool_missing"
    PG_FAILED = "backup.pg_failed"


class RestoreErrorCode(StrEnum):
    """``restore.*`` codes."""

    REFUSED = "restore.refused"
    OTHER_STORE = "restore.other_store"
    ALTERED = "restore.altered"
    OTHERS_CONNECTED = "restore.others_connected"


class SecretErrorCode(StrEnum):
    """``secret.*`` codes."""

    NAME = "secret.name"
    PERMISSIONS = "secret.permissions"
