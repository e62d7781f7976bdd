"""Shared start-up for the Qt app and the admin CLI: settings → database migrated to head."""

from __future__ import annotations

import logging

from posapp.config import Settings, redact_url
from posapp.db.engine import Database
from posapp.db.migrate import migrate

log = logging.getLogger(__name__)


def open_database(settings: Settings, *, migrate_to_head: bool = True) -> Database:
    from posapp.secrets import database_url_with_password

    url = database_url_with_password(settings.database.resolved_url())
    db = Database(url)
    if migrate_to_head:
        migrate(db.engine)
    log.info("database %s (%s)", redact_url(db.url), db.dialect)
    return db
