"""The store behaves the same on SQLite and PostgreSQL: every command, versions, migrations."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from calendar_daemon.exceptions import DatabaseError
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.schema import HEAD_REVISION, current_revision, ensure_schema, head_revision
from tests.conftest import FIXTURES
from tests.helpers import REPO_ROOT, cli_env, invoke_cli


def test_cli_commands_work_on_both_backends(any_db_url: str, tmp_path: Path) -> None:
    seeds = REPO_ROOT / "seeds"
    first = invoke_cli("seed", "--path", str(seeds), db=any_db_url)
    assert first.returncode == 0, first.stderr
    assert "0 new, 0 updated" in invoke_cli("seed", "--path", str(seeds), db=any_db_url).stdout
    result = invoke_cli("import", str(FIXTURES / "week_ahead.ics"), str(FIXTURES / "events.csv"), db=any_db_url)
    assert result.returncode == 0, result.stderr
    bad = invoke_cli("import", str(FIXTURES / "events.json"), str(FIXTURES / "bad" / "malformed.yaml"), db=any_db_url)
    assert bad.returncode == 1
    events = {e["uid"]: e for e in json.loads(invoke_cli("list", "--json", db=any_db_url).stdout)}
    assert "json-ipo@example.com" not in events  # the failed batch stored nothing
    assert events["desk-fomc-march-2026@example.com"]["start"] == "2026-03-18T14:00:00-04:00"
    us = json.loads(invoke_cli("list", "--json", "--region", "US", "--min-importance", "3", db=any_db_url).stdout)
    assert us and all(e["region"] == "US" and e["importance"] == 3 for e in us)
    exported = tmp_path / "out.ics"
    assert invoke_cli("export", "-o", str(exported), db=any_db_url).returncode == 0
    assert exported.read_text(encoding="utf-8").count("BEGIN:VEVENT") == len(events)


def test_data_version_and_revisions(any_db_url: str) -> None:
    from calendar_daemon.sources.files import read_event_files

    store = EventStore(open_engine(any_db_url))
    store.initialise()
    start = store.data_version()
    records = read_event_files([FIXTURES / "events.json"])
    store.upsert(records, origin="import")
    assert store.data_version() == start + 1
    store.upsert(read_event_files([FIXTURES / "events.json"]), origin="import")
    assert store.data_version() == start + 1  # nothing changed, no new version
    changed = [event for chunk in store.iter_changed_since(start) for event in chunk]
    assert {e.uid for e in changed} == {r.uid for r in records}
    store.set_status("json-ipo@example.com", "cancelled")
    [[cancelled]] = store.iter_changed_since(start + 1)
    assert cancelled.uid == "json-ipo@example.com" and cancelled.revision == 2
    store.delete("json-ipo@example.com")
    assert store.get("json-ipo@example.com") is None
    assert store.get("json-ipo@example.com", include_deleted=True) is not None


def test_existing_sqlite_file_from_this_release_opens_and_upgrades(tmp_path: Path) -> None:
    """A database made by an earlier release keeps its data through `migrate`."""
    copy = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-0001.db", copy)
    url = f"sqlite:///{copy}"
    engine = open_engine(url)
    made_at = current_revision(engine)
    assert made_at is not None
    with sqlite3.connect(copy) as conn:
        before = conn.execute("SELECT uid, title, start_at, start_date, revision FROM events ORDER BY uid").fetchall()
    if made_at != head_revision():
        with pytest.raises(DatabaseError, match="calendar-daemon migrate"):
            ensure_schema(engine)
        refused = invoke_cli("list", db=url)
        assert refused.returncode == 1 and "calendar-daemon migrate" in refused.stderr
    result = invoke_cli("migrate", db=url)
    assert result.returncode == 0, result.stderr
    assert current_revision(engine) == head_revision()
    with sqlite3.connect(copy) as conn:
        after = conn.execute("SELECT uid, title, start_at, start_date, revision FROM events ORDER BY uid").fetchall()
    assert after == before and len(before) == 58
    assert "schema already at" in invoke_cli("migrate", db=url).stdout


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    result = invoke_cli("list", db=f"sqlite:///{path}")
    assert result.returncode == 1 and "not made by calendar-daemon" in result.stderr


def test_postgresql_database_at_the_first_schema_upgrades_with_its_data(pg_url: str, tmp_path: Path) -> None:
    """The first schema (revision 0001) on PostgreSQL, filled with the fixture's 58 events, refuses to
    run until `migrate`, then upgrades to the newest schema without changing a row."""
    from alembic import command
    from sqlalchemy import select, text

    from calendar_daemon.store.models import Event, State
    from calendar_daemon.store.schema import alembic_config

    shutil.copy(FIXTURES / "schema-0001.db", tmp_path / "old.db")  # opening a file sets WAL: use a copy
    old = open_engine(f"sqlite:///{tmp_path / 'old.db'}")
    engine = open_engine(pg_url)
    tables = [Event.__table__, State.__table__]  # type: ignore[attr-defined]
    with old.connect() as source, engine.begin() as target:
        command.upgrade(alembic_config(target), "0001")
        for table in tables:
            target.execute(table.insert(), [dict(row._mapping) for row in source.execute(select(table))])
        # The rows came with their ids: move the id sequence past them, as a real 0001 database has it.
        target.execute(text("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))"))
    old.dispose()
    assert current_revision(engine) == "0001" != head_revision()

    def snapshot() -> list[tuple[object, ...]]:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(select(Event.__table__).order_by(Event.uid))]  # type: ignore[attr-defined]

    before = snapshot()
    assert len(before) == 58
    refused = invoke_cli("list", db=pg_url)
    assert refused.returncode == 1 and "calendar-daemon migrate" in refused.stderr
    result = invoke_cli("migrate", db=pg_url)
    assert result.returncode == 0, result.stderr
    assert current_revision(engine) == head_revision()
    assert snapshot() == before
    listed = json.loads(invoke_cli("list", "--json", db=pg_url).stdout)
    assert len(listed) == len([row for row in before if not row[Event.__table__.c.keys().index("deleted")]])  # type: ignore[attr-defined]
    store = EventStore(engine)
    version = store.data_version()
    store.upsert(read_first_events(), origin="import")  # the upgraded database takes writes
    assert store.data_version() == version + 1
    engine.dispose()


def read_first_events() -> list[object]:
    from calendar_daemon.sources.files import read_event_files

    return list(read_event_files([FIXTURES / "events.json"]))


def test_the_schema_revision_checked_at_start_is_alembics_head() -> None:
    """Start-up compares the database with HEAD_REVISION without loading Alembic: it must be the head."""
    assert head_revision() == HEAD_REVISION


def test_starting_on_an_up_to_date_database_loads_neither_alembic_nor_holiday_data(tmp_path: Path) -> None:
    """Alembic (~11 MB) and the holiday libraries (~3 MB) stay out of a daemon that needs neither."""
    url = f"sqlite:///{tmp_path / 'calendar.db'}"
    EventStore(open_engine(url)).initialise()  # created (and stamped) by Alembic, in this process
    probe = (
        "import sys\n"
        "from calendar_daemon.cli.main import main\n"
        "from calendar_daemon.store.db import open_engine\n"
        "from calendar_daemon.store.events import EventStore\n"
        f"EventStore(open_engine({url!r})).initialise()\n"
        "print(sorted(m for m in ('alembic', 'holidays', 'chinese_calendar') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=cli_env(), timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert current_revision(open_engine(url)) == HEAD_REVISION


def test_sqlite_connections_get_wal_a_busy_timeout_and_the_configured_page_cache(tmp_path: Path) -> None:
    """Every pooled SQLite connection is set up the same way; its page cache is bounded by
    ``[database] sqlite_cache_kib`` (SQLite's own default of 2 MB per connection made a daemon with
    100,000 events grow by ~15 MB while planning)."""

    engine = open_engine(f"sqlite:///{tmp_path / 'pragmas.db'}", busy_timeout_ms=1234, sqlite_cache_kib=300)
    with engine.connect() as first, engine.connect() as second:  # two pooled connections
        for conn in (first, second):
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 1234
            assert conn.execute(text("PRAGMA cache_size")).scalar() == -300
    engine.dispose()
    default = open_engine(f"sqlite:///{tmp_path / 'default.db'}")
    with default.connect() as conn:
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -512
    default.dispose()
