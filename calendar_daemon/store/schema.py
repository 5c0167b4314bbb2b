"""Schema versions with Alembic: create a new database, refuse an outdated one, migrate on request.

A database with no tables is created at the newest revision. A database at an older revision makes
every command stop with a message saying to run ``calendar-daemon migrate`` (or ``run --migrate``).
On PostgreSQL an advisory lock keeps replicas that start together from migrating at once.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from calendar_daemon.exceptions import DatabaseError
from calendar_daemon.store.db import where

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ADVISORY_LOCK_ID = 0x6361_6C64  # "cald"
# The newest migration's revision (a test checks it against Alembic's head). Alembic itself (~11 MB
# of a daemon's memory) is imported only to migrate, so a start with an up-to-date schema does without it.
HEAD_REVISION = "0004"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision among the migration scripts, as Alembic reads them."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _stamped_revision(connection)


def _stamped_revision(connection: Connection) -> str | None:
    """The revision Alembic stamped in the database; None for a database it never touched."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one_or_none()
    return None if revision is None else str(revision)


def _has_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) - {VERSION_TABLE})


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})


def ensure_schema(engine: Engine, *, migrate: bool = False) -> str:
    """Bring a new database to the newest schema; refuse (or, with ``migrate``, upgrade) an old one."""
    head = HEAD_REVISION
    try:
        with engine.begin() as connection:
            _lock(connection)
            current = _stamped_revision(connection)
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
            from alembic import command

            command.upgrade(alembic_config(connection), "head")
    except (OperationalError, ProgrammingError) as exc:
        raise DatabaseError(f"cannot prepare database schema of {where(engine)}: {exc.orig}") from None
    return head
