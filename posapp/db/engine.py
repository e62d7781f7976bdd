"""Engines, the unit of work, and retrying transactions on SQLite and PostgreSQL.

Owns how we talk to a database:

* SQLite: the driver's own transaction handling is switched off (``isolation_level=None``) and
  we emit ``BEGIN`` ourselves from a ``begin`` event — ``BEGIN IMMEDIATE`` for every writer, so a
  transaction that reads and then writes waits for the write lock (``busy_timeout``) instead of
  failing at once with "database is locked"; WAL, ``foreign_keys=ON`` and ``synchronous=FULL``
  (a committed sale survives a power cut) are set in a ``connect`` event.
* PostgreSQL: psycopg 3; serialization failures and deadlocks (40001 / 40P01) are retried a
  bounded number of times by :meth:`Database.transact`, never shown to a cashier. A pooled
  connection is pinged only when it comes back after being idle (:data:`PING_AFTER_IDLE_S`):
  a ping on every checkout is one more round trip per sale, a tenth of a busy till's time.
  :class:`Batch` sends the statements whose results are not read in one round trip (psycopg
  pipeline mode); on SQLite it does nothing.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar

from sqlalchemy import Connection, CursorResult, Engine, Row, RowMapping, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session

from posapp.db.error_codes import DbErrorCode
from posapp.domain.errors import AppError

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

T = TypeVar("T")

Record: TypeAlias = Mapping[str, Any] | RowMapping
"""A row read by column name: a dict built in code, or a ``RowMapping`` from ``.mappings()``
(whose keys may also be columns, so it is no ``Mapping[str, Any]``)."""

TableRow: TypeAlias = Row[*tuple[Any, ...]]
"""A row of a select over a ``Table``'s columns (those are untyped: every value is Any)."""

SQLITE_BUSY_TIMEOUT_MS = 10_000
PING_AFTER_IDLE_S = 2.0
RETRYABLE_PG_STATES = {"40001", "40P01"}


class DatabaseError(AppError):
    """Base of db-layer errors; each class carries its code (:mod:`posapp.db.error_codes`)."""

    CODE: ClassVar[DbErrorCode] = DbErrorCode.ERROR

    def __init__(self, message: str, **data: Any) -> None:
        super().__init__(message, code=self.CODE, **data)


class DatabaseBusy(DatabaseError):
    """Another till or worker held the database longer than we could wait."""

    CODE = DbErrorCode.BUSY


class DatabaseUnavailable(DatabaseError):
    """The database server cannot be reached (or refused the connection)."""

    CODE = DbErrorCode.UNAVAILABLE


class DatabaseFull(DatabaseError):
    """The disk under the database is full: nothing of the transaction was kept."""

    CODE = DbErrorCode.DISK_FULL


def _disk_full(exc: DBAPIError) -> bool:
    """SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full, or the OS's ENOSPC in the text."""
    orig = exc.orig
    text = str(orig).lower()
    return (
        getattr(orig, "sqlstate", None) == "53100"
        or getattr(orig, "sqlite_errorname", None) == "SQLITE_FULL"
        or "database or disk is full" in text
        or "no space left on device" in text
    )


class DatabaseConflict(DatabaseError):
    """Another transaction moved a row this one counted on; :meth:`Database.transact` retries."""

    CODE = DbErrorCode.CONFLICT


def store_schema(url: str) -> str | None:
    """The schema a PostgreSQL URL keeps its store in (``options=-csearch_path=NAME``: one
    schema of a shared database), None for the database's own ``public``."""
    from urllib.parse import unquote

    options = make_url(url).query.get("options")
    text_ = unquote(options if isinstance(options, str) else " ".join(options or ()))
    found = re.search(r"-c\s*search_path\s*=\s*([A-Za-z_][A-Za-z0-9_]*)", text_)
    return found[1] if found else None


def application_name(url: str) -> str:
    """What a till's PostgreSQL sessions call themselves: ``posapp`` and the store's schema
    (``posapp:t_1234``) when it keeps its store in one schema of a shared database."""
    schema = store_schema(url)
    return f"posapp:{schema}"[:63] if schema else "posapp"


def normalize_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and pick the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _set_wal(cur: Any, busy_timeout_ms: int) -> Any:
    """Switch a file to WAL. Several processes opening a fresh file at once can get "database
    is locked" here without SQLite's busy handler being called: wait and try again."""
    import sqlite3

    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            return cur.execute("PRAGMA journal_mode = WAL").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02 + random.random() * 0.03)


def _install_sqlite_events(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = _set_wal(cur, busy_timeout_ms)
        if mode and str(mode[0]).lower() not in {"wal", "memory"}:
            log.warning("SQLite journal_mode is %s, not WAL", mode[0])
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("posapp_readonly"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def _install_idle_ping(engine: Engine, idle_s: float) -> None:
    """Ping a pooled connection on checkout only if it sat idle (the server may have gone)."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["posapp_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("posapp_idle_since")
        if since is None or time.monotonic() - since < idle_s:
            return
        try:
            cur = dbapi_conn.cursor()
            cur.execute("SELECT 1")
            cur.close()
            dbapi_conn.rollback()
        except Exception as exc:  # the pool discards it and connects afresh
            raise DisconnectionError(f"stale connection: {exc}") from exc


def make_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = 5,
    busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
) -> Engine:
    """Build an engine for ``url`` with the SQLite or PostgreSQL settings above."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        )
        _install_sqlite_events(engine, busy_timeout_ms)
        return engine
    if parsed.get_backend_name() == "postgresql":
        engine = create_engine(
            url,
            echo=echo,
            pool_size=pool_size,
            # a server gone silent (cable, switch) must fail a till's query within seconds,
            # not after the kernel's ~15-minute retransmission timeout: the till then sells
            # offline (posapp.sales.offline)
            connect_args={
                "connect_timeout": 3,
                "keepalives": 1,
                "keepalives_idle": 10,
                "keepalives_interval": 3,
                "keepalives_count": 3,
                "tcp_user_timeout": 8000,
                # a restore finds the tills still connected to its store by this name
                "application_name": application_name(url),
            },
        )
        _install_idle_ping(engine, PING_AFTER_IDLE_S)
        return engine
    raise DatabaseError(
        f"unsupported database URL {parsed.render_as_string()}: use sqlite or postgresql"
    )


def _is_retryable(exc: DBAPIError) -> bool:
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or getattr(
        getattr(orig, "diag", None), "sqlstate", None
    )
    if state in RETRYABLE_PG_STATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(orig).lower()


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the row a one-row INSERT made (its ``inserted_primary_key[0]``)."""
    key = result.inserted_primary_key
    if key is None:  # SQLAlchemy gives None only where no row was inserted
        raise RuntimeError("the INSERT made no row")
    pk: int = key[0]
    return pk


def psycopg_connection(conn: Connection) -> psycopg.Connection[Any]:
    """The psycopg connection under a PostgreSQL ``conn`` (pipeline mode, driver cursors)."""
    import psycopg

    driver = conn.connection.driver_connection
    if not isinstance(driver, psycopg.Connection):
        raise TypeError(f"not a psycopg connection: {type(driver).__name__}")
    return driver


class Batch:
    """Statements executed while a batch is open travel to PostgreSQL together (one round trip).

    psycopg's pipeline mode queues each statement instead of waiting for its answer; the queue
    is sent and its results (and any error) received at :meth:`flush` or when the batch
    closes. Only statements whose results are not read may run in it: inserts made with
    ``.inline()`` (no implicit ``RETURNING``), updates and upserts whose row count is not
    checked (a result read inside a batch comes back empty). :meth:`open` starts a batch,
    :meth:`flush` ends it before a statement whose result is needed, and leaving the ``with``
    block flushes what is left. A no-op on SQLite (no network between us and it).
    """

    def __init__(self, conn: Connection) -> None:
        self._driver = psycopg_connection(conn) if conn.dialect.name == "postgresql" else None
        # the pipeline's context manager, and the psycopg Pipeline it entered
        self._pipeline: AbstractContextManager[psycopg.Pipeline] | None = None
        self._pipe: psycopg.Pipeline | None = None
        self._checks: list[Callable[[], None]] = []

    @property
    def pipelined(self) -> bool:
        """True where statements are queued (PostgreSQL), False where they run at once."""
        return self._driver is not None

    def after_flush(self, check: Callable[[], None]) -> None:
        """Run ``check`` once the queued statements' results are in (it may raise)."""
        self._checks.append(check)

    def fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run a query (driver SQL, ``%s`` parameters) inside the open batch and return its
        rows: the queued statements and this query make one round trip. PostgreSQL only."""
        driver, pipe = self._driver, self._pipe
        assert self._pipeline is not None, "fetch() needs an open batch on PostgreSQL"
        assert driver is not None and pipe is not None  # set with _pipeline by open()
        checks, self._checks = self._checks, []
        try:
            with driver.cursor() as cur:
                cur.execute(sql, params)
                pipe.sync()  # one round trip; errors of queued statements surface here
                rows = cur.fetchall()
        except Exception as exc:
            import psycopg

            if isinstance(exc, psycopg.Error):
                raise DBAPIError.instance(sql, params, exc, psycopg.Error) from exc
            raise
        for check in checks:
            check()
        return rows

    def open(self) -> None:
        if self._driver is not None and self._pipeline is None:
            self._pipeline = self._driver.pipeline()
            self._pipe = self._pipeline.__enter__()

    def flush(self, *exc_info: Any) -> None:
        if self._pipeline is None:
            return
        pipeline, self._pipeline = self._pipeline, None
        checks, self._checks = self._checks, []
        try:
            pipeline.__exit__(*(exc_info or (None, None, None)))
        except DBAPIError:
            raise
        except Exception as exc:
            import psycopg

            if isinstance(exc, psycopg.Error):  # an error of a queued statement, at the sync
                raise DBAPIError.instance("(batched statements)", None, exc, psycopg.Error) from exc
            raise
        if not exc_info or exc_info[0] is None:
            for check in checks:
                check()

    def __enter__(self) -> Batch:
        return self  # opened by :meth:`open` where the statements to queue begin

    def __exit__(self, *exc_info: Any) -> None:
        if exc_info[0] is None:
            self.flush()
        else:
            self.flush(*exc_info)


class UnitOfWork:
    """One business action = one transaction. Rolls back unless :meth:`commit` was called.

    ``uow.session`` is an ORM session; ``uow.conn`` is its connection, for the Core statements of
    the hot paths (completing a sale), which skip the ORM's per-object bookkeeping.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._commit_sent = False
        self.conn = self._engine.connect()
        self._tx = self.conn.begin()  # BEGIN IMMEDIATE for writers on SQLite (begin event)
        return self

    @property
    def session(self) -> Session:
        """An ORM session on this unit's connection and transaction (made on first use)."""
        if self._session is None:
            self._session = Session(
                bind=self.conn,
                expire_on_commit=False,
                join_transaction_mode="rollback_only",
            )
        return self._session

    def __exit__(self, *exc: object) -> None:
        try:
            if self._session is not None:
                # detaches loaded objects without expiring them, so a read's results stay usable
                self._session.close()
            if self._tx.is_active:
                self._tx.rollback()
        finally:
            self.conn.close()

    @property
    def dialect(self) -> str:
        return self.conn.dialect.name

    def commit_sent(self) -> None:
        """A service queued this transaction's COMMIT with its last statements (PostgreSQL
        pipeline: one round trip, its row locks released without waiting for us) and the server
        confirmed it. Nothing may run on this unit after that: :meth:`commit` checks."""
        self._commit_sent = True

    def commit(self) -> None:
        if self._session is not None:
            self._session.flush()
        if self._commit_sent:
            # SQLAlchemy still counts a transaction; psycopg's COMMIT is a no-op on an idle
            # connection. Not idle: something ran after the COMMIT — never kept half-done.
            from psycopg.pq import TransactionStatus

            if psycopg_connection(self.conn).info.transaction_status != (TransactionStatus.IDLE):
                self._tx.rollback()
                raise RuntimeError("statements ran after the COMMIT sent with the last batch")
        self._tx.commit()

    def rollback(self) -> None:
        if self._session is not None:
            self._session.expunge_all()
        self._tx.rollback()


class Database:
    """The engine plus its session factories; :meth:`transact` runs a business action."""

    def __init__(
        self, url: str, *, echo: bool = False, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
    ) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url, echo=echo, busy_timeout_ms=busy_timeout_ms)
        self.dialect = self.engine.dialect.name
        self._read_engine = self.engine.execution_options(posapp_readonly=True)

    def uow(self, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self.engine if write else self._read_engine)

    def transact(self, fn: Callable[[UnitOfWork], T], *, retries: int = 5) -> T:
        """Run ``fn(uow)`` in a write transaction and commit; retry serialization failures."""
        attempt = 0
        while True:
            try:
                with self.uow() as uow:
                    try:
                        result = fn(uow)
                    except Exception as exc:
                        # an error whose side effects must stick (a wrong PIN counts towards
                        # the lockout) commits what was written before it is raised
                        if getattr(exc, "keep_changes", False):
                            uow.commit()
                        raise
                    uow.commit()
                    return result
            except DatabaseConflict as exc:
                if attempt >= retries:
                    raise
                attempt += 1
                log.info("retrying transaction after %s (attempt %d)", exc, attempt)
                continue
            except DBAPIError as exc:
                if _is_retryable(exc) and attempt < retries:
                    attempt += 1
                    delay = min(0.5, 0.01 * 2**attempt) * (0.5 + random.random())
                    log.info("retrying transaction after %s (attempt %d)", exc.orig, attempt)
                    time.sleep(delay)
                    continue
                if _disk_full(exc):
                    raise DatabaseFull(f"the disk is full: {exc.orig}") from exc
                if isinstance(exc, OperationalError) and "database is locked" in str(exc.orig):
                    raise DatabaseBusy(
                        "the database is busy (locked by another till or task); try again"
                    ) from exc
                if exc.connection_invalidated or isinstance(exc, OperationalError):
                    raise DatabaseUnavailable(f"cannot reach the database: {exc.orig}") from exc
                raise

    def read(self, fn: Callable[[UnitOfWork], T]) -> T:
        """Run ``fn(uow)`` in a read-only transaction (a plain deferred BEGIN on SQLite).
        A server that cannot be reached raises :class:`DatabaseUnavailable`, as in transact."""
        try:
            with self.uow(write=False) as uow:
                return fn(uow)
        except DBAPIError as exc:
            if exc.connection_invalidated or (
                self.dialect == "postgresql" and isinstance(exc, OperationalError)
            ):
                raise DatabaseUnavailable(f"cannot reach the database: {exc.orig}") from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()
