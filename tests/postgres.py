"""A fresh PostgreSQL database per test on the machine's server (127.0.0.1:5432, trust auth).

Without a reachable server the tests skip with the reason; under CI (CI=true) they fail instead,
because CI must run them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ADMIN_URL = os.environ.get("CALENDAR_DAEMON_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _admin_connect():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)


def postgres_unavailable() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    try:
        with _admin_connect():
            return None
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        return f"no PostgreSQL server at {ADMIN_URL}: {exc}"


def require_postgres() -> None:
    reason = postgres_unavailable()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


@contextmanager
def temporary_database() -> Iterator[str]:
    """Create a database, yield its SQLAlchemy URL, drop it afterwards."""
    require_postgres()
    name = f"cd_test_{uuid.uuid4().hex[:12]}"
    with _admin_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with _admin_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
