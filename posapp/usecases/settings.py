"""The till's settings, as the settings screen uses them: read the config file, check a
database URL or a card terminal (a real connection: call it on the I/O pool), save (validated,
secrets moved out of the file, the till registered, an audit event) under the ``settings``
permission.

The work is :mod:`posapp.till_setup`'s; the types the screen needs are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from posapp import secrets, till_setup
from posapp.backup_pg import BackupStatus, backup_status
from posapp.config import (
    DRAWER_PINS,
    PAPER_WIDTHS,
    PRINTER_KINDS,
    SCALE_KINDS,
    SCANNER_KINDS,
    BackupSettings,
)
from posapp.db.engine import Database
from posapp.error_codes import SetupErrorCode
from posapp.till_setup import (
    DbCheck,
    Saved,
    SetupError,
    TillSetup,
)


@dataclass(frozen=True)
class CardCheck:
    """A card terminal that answered its status request: where, and what it says it is."""

    uri: str
    terminal: str  # "simulator" for the card simulator; "" when it does not say

    @property
    def simulator(self) -> bool:
        return self.terminal == "simulator"


@dataclass(frozen=True)
class BackupView:
    """The scheduled backups as the settings screen shows them: the folder, whether this till
    makes them (SQLite: every till; PostgreSQL: the one set as back office) and the last
    backup and failure recorded (PostgreSQL: the store's, whichever till made it)."""

    folder: str
    makes_backups: bool
    postgres: bool
    status: BackupStatus
    # the folder is on the database's own disk (PostgreSQL: a server on this machine only)
    same_disk: bool = False

    @property
    def failing(self) -> bool:
        """A failure recorded after the last backup (the next run has not mended it yet)."""
        s = self.status
        return bool(s.failed_at) and (not s.at or s.failed_at >= s.at)


class TillSettings:
    """The settings of the till whose config file is ``path``, saved into ``db``'s register
    list; ``locales`` are the UI languages a setup may choose; ``backup`` the backup settings
    this till runs with."""

    def __init__(
        self,
        db: Database,
        path: Path,
        *,
        locales: tuple[str, ...] = (),
        backup: BackupSettings | None = None,
    ) -> None:
        self._db = db
        self.path = path
        self.locales = locales
        self.backup = backup or BackupSettings()

    def backup_view(self) -> BackupView:
        """The last scheduled backup and failure, read from the database."""
        b, postgres = self.backup, self._db.dialect != "sqlite"
        return BackupView(
            str(b.resolved_dir()),
            b.enabled and (b.back_office or not postgres),
            postgres,
            backup_status(self._db),
            self._same_disk(b.resolved_dir(), postgres),
        )

    def _same_disk(self, folder: Path, postgres: bool) -> bool:
        url = self._db.engine.url.render_as_string(hide_password=False)
        if postgres:
            from posapp.restore_pg import pg_same_disk

            return pg_same_disk(url, folder)
        from posapp.backup import sqlite_path
        from posapp.backup_pg import same_disk_warning

        try:
            return same_disk_warning(folder, sqlite_path(url)) is not None
        except Exception:  # an in-memory database: no disk to share
            return False

    def read(self) -> TillSetup:
        """The setup as the config file holds it now."""
        return till_setup.read(self.path)

    def check(self, url: str) -> DbCheck:
        """Connect to ``url`` and read its schema revision (seconds for a dead server)."""
        return till_setup.check_database(url)

    def check_card_terminal(self, uri: str) -> CardCheck:
        """Ask the card terminal at ``uri`` for its status (a few seconds when it is down):
        what it says it is — a simulator answers ``terminal: "simulator"``."""
        from posapp.hardware.card_terminal import from_uri

        uri = uri.strip()
        if not uri or not till_setup._card_terminal_ok(uri):
            raise SetupError(
                "not a card terminal address", code=SetupErrorCode.CARD_TERMINAL, value=uri
            )
        answer = from_uri(uri).status(timeout=3.0)
        kind = answer.get("terminal")
        return CardCheck(uri, str(kind) if isinstance(kind, str) else "")

    def save(self, new: TillSetup, *, actor_id: int, token: str = "") -> Saved:
        """Validate and save ``new`` (a typed platform ``token`` into the secret store)."""
        return till_setup.save(
            self._db, self.path, new, actor_id=actor_id, token=token, locales=self.locales
        )

    def token_where(self) -> str:
        """Where the platform token is kept (shown beside its field)."""
        return secrets.describe(secrets.PLATFORM_TOKEN)


__all__ = [
    "DRAWER_PINS",
    "PAPER_WIDTHS",
    "PRINTER_KINDS",
    "SCALE_KINDS",
    "SCANNER_KINDS",
    "BackupStatus",
    "BackupView",
    "CardCheck",
    "DbCheck",
    "Saved",
    "SetupError",
    "TillSettings",
    "TillSetup",
]
