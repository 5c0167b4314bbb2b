"""Schema versions with Alembic: create a new database, refuse an outdated one, migrate on request.

A database with no tables is created at the newest revision. A database at an older revision makes
every command stop with a message saying to run ``calendar-daemon migrate`` (or ``run --migrate``).
On PostgreSQL an advisory lock keeps replicas that start together from migrating at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from calendar_daemon.exceptions import DatabaseError

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ADVISORY_LOCK_ID = 0x6361_6C64  # "cald"


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _has_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})


def ensure_schema(engine: Engine, *, migrate: bool = False) -> str:
    """Bring a new database to the newest schema; refuse (or, with ``migrate``, upgrade) an old one."""
    head = head_revision()
    try:
        with engine.begin() as connection:
            _lock(connection)
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return head
            if current is None and _has_tables(connection):
                raise DatabaseError(
                    f"database {engine.url.render_as_string(hide_password=True)} has tables but no schema version; "
                    "it was not made by calendar-daemon"
                )
            if current is not None and not migrate:
                raise DatabaseError(
                    f"database schema is at revision {current}, this version of calendar-daemon needs {head}: "
                    "run `calendar-daemon migrate` (or `calendar-daemon run --migrate`)"
                )
            log = logger.warning if current else logger.info
            log("migrating database schema from %s to %s", current or "empty", head)
            command.upgrade(alembic_config(connection), "head")
    except (OperationalError, ProgrammingError) as exc:
        raise DatabaseError(f"cannot prepare database schema: {exc.orig}") from None
    return head
