"""Opening the database: SQLite (embedded default, WAL + busy timeout) or PostgreSQL."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlmodel import create_engine

from calendar_daemon.config.sections import DatabaseConfig
from calendar_daemon.exceptions import DatabaseError
from calendar_daemon.store import models  # noqa: F401  (registers the tables)

logger = logging.getLogger(__name__)

# The password of ``scheme://user:password@host``, also in a URL SQLAlchemy cannot parse.
_PASSWORD = re.compile(r"([/:][^/@:\s]*:)[^@\s]*@")


def hide_password(url: str) -> str:
    """``url`` with any password replaced by ``***``, for messages (works on malformed URLs too)."""
    return _PASSWORD.sub(r"\1***@", url)


def open_engine(url: str, *, busy_timeout_ms: int = 10_000, pool_size: int = 5, sqlite_cache_kib: int = 512) -> Engine:
    """Create an engine for ``url``; SQLite files get WAL mode, a busy timeout and a bounded page cache
    per connection (each pooled connection keeps its own: SQLite's default 2 MB each was most of what a
    100,000-event daemon grew by while planning)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        problem = "its port is not a number" if not isinstance(exc, ArgumentError) else "it cannot be parsed"
        raise DatabaseError(
            f"invalid database URL {hide_password(url)!r}: {problem}; write sqlite:///PATH (or a plain file path) for SQLite, "
            "postgresql+psycopg://USER@HOST/DB for PostgreSQL"
        ) from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            path = Path(database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create database folder {path.parent}: {exc.strerror}") from None
        kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000, "check_same_thread": False}
    else:
        kwargs["pool_size"] = pool_size
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot open database {parsed.render_as_string(hide_password=True)}: {exc}") from None
    if engine.dialect.name == "sqlite":

        @sa_event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy's own transaction handling drive BEGIN; set pragmas once per connection.
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA cache_size=-{int(sqlite_cache_kib)}")
            cursor.close()

    return engine


def open_configured(url: str, database: DatabaseConfig) -> Engine:
    """:func:`open_engine` with the ``[database]`` settings of the configuration."""
    return open_engine(
        url, busy_timeout_ms=database.busy_timeout_ms, pool_size=database.pool_size,
        sqlite_cache_kib=database.sqlite_cache_kib,
    )  # fmt: skip


def describe(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def where(engine: Engine) -> str:
    """The database for an error message: a SQLite file's path, else the URL without its password."""
    database = engine.url.database or ""
    if database.startswith("file:"):  # a URI filename (sqlite:///file:PATH?mode=ro&uri=true)
        database = database.removeprefix("file:").split("?", 1)[0]
    if engine.dialect.name == "sqlite" and database not in ("", ":memory:"):
        return f"SQLite file {Path(database).resolve()}"
    return describe(engine)


_PROBLEMS = (
    ("readonly", "the database is read-only (file permissions, a read-only mount or a mode=ro URL)"),
    ("disk is full", "the disk is full"),
    ("no space left", "the disk is full"),
    ("database is locked", "the database is locked by another writer (busy_timeout_ms passed)"),
    ("unable to open", "the database file cannot be opened"),
    ("disk i/o error", "the disk reported an I/O error"),
)


def database_problem(exc: DBAPIError, engine: Engine | None = None) -> str:
    """A one-line message for a database failure (read-only, disk full, locked, unreachable), naming
    the database when ``engine`` is known; the driver's own words follow, never a password."""
    detail = hide_password(str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__)
    lowered = detail.lower()
    problem = next((text for marker, text in _PROBLEMS if marker in lowered), "the database refused the operation")
    place = f" ({where(engine)})" if engine is not None else ""
    return f"{problem}{place}: {detail}"


def probe_write(engine: Engine) -> None:
    """Take the database's write lock and write one row back unchanged, then roll back: raises the
    driver's error (:class:`DBAPIError`) while the database refuses writes (read-only, locked)."""
    with engine.connect() as conn:
        conn.execute(text("UPDATE state SET value = value WHERE key = 'data_version'"))
        conn.rollback()
