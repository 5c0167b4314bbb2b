"""An alert's outcome is recorded even while another writer holds the SQLite file.

A large `import`, a backup or a `sqlite3` shell can hold SQLite's write lock longer than the daemon's
`busy_timeout_ms`. If the outcome of a send that already went out were dropped then, the claim's
lease would run out and the alert be sent a second time. The ledger waits the lock out instead.
Real SQLite file, a second real connection holding `BEGIN IMMEDIATE`; the ledger's pause is injected
so the test releases the lock at the first pause rather than sleeping.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.planning.planner import PlannedAlert
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore

NOW = datetime(2026, 12, 3, 13, 0)


def _claimed(path: Path, pauses: list[float], blocker: sqlite3.Connection) -> tuple[Ledger, int]:
    engine = open_engine(f"sqlite:///{path}", busy_timeout_ms=50)
    EventStore(engine).initialise()

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if blocker.in_transaction:
            blocker.commit()  # the other writer finishes while the ledger waits

    ledger = Ledger(engine, sleep=pause)
    ledger.insert_planned([PlannedAlert("nfp", 1, "all", "10m", "desk", NOW, NOW + timedelta(minutes=10))], NOW)
    [row] = ledger.claim("a:1", NOW, timedelta(seconds=60), 10)
    return ledger, row.id or 0


def test_a_sent_alert_is_recorded_after_another_writer_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "calendar.db"
    pauses: list[float] = []
    blocker = sqlite3.connect(path, timeout=0, isolation_level=None)
    ledger, row_id = _claimed(path, pauses, blocker)
    blocker.execute("BEGIN IMMEDIATE")  # holds the write lock past the ledger's 50 ms busy timeout
    assert ledger.mark_sent(row_id, "a:1", NOW, late=False)
    assert pauses, "the ledger never met the lock"
    [row] = ledger.rows()
    assert (row.status, row.lease_until, row.sent_at) == ("sent", None, NOW)
    assert ledger.claim("a:2", NOW + timedelta(minutes=5), timedelta(seconds=60), 10) == []  # not sent again


def test_a_failed_attempt_is_recorded_too_and_other_database_errors_are_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "calendar.db"
    pauses: list[float] = []
    blocker = sqlite3.connect(path, timeout=0, isolation_level=None)
    ledger, row_id = _claimed(path, pauses, blocker)
    [claimed] = ledger.rows()
    blocker.execute("BEGIN IMMEDIATE")
    outcome = ledger.mark_failure(claimed, "a:1", "HTTP 503", NOW, max_attempts=5, base_seconds=1)
    assert outcome == "planned" and pauses
    [row] = ledger.rows()
    assert (row.status, row.attempts, row.last_error) == ("planned", 1, "HTTP 503")
    # A missing table is no lock: it is raised at once, not waited on.
    blocker.execute("DROP TABLE alert_ledger")
    before = len(pauses)
    with pytest.raises(OperationalError):
        ledger.mark_sent(row_id, "a:1", NOW, late=False)
    assert len(pauses) == before



def test_a_long_lock_is_waited_out_with_growing_pauses_and_a_warning_about_once_a_minute(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "calendar.db"
    engine = open_engine(f"sqlite:///{path}", busy_timeout_ms=50)
    EventStore(engine).initialise()
    blocker = sqlite3.connect(path, timeout=0, isolation_level=None)
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 35:  # the other writer lets go after about a minute and ten seconds
            blocker.commit()

    ledger = Ledger(engine, sleep=pause)
    ledger.insert_planned([PlannedAlert("nfp", 1, "all", "10m", "desk", NOW, NOW + timedelta(minutes=10))], NOW)
    [row] = ledger.claim("a:1", NOW, timedelta(seconds=60), 10)
    blocker.execute("BEGIN IMMEDIATE")
    with caplog.at_level("WARNING", logger="calendar_daemon.alerts.ledger"):
        assert ledger.mark_sent(row.id or 0, "a:1", NOW, late=False)
    assert pauses[:4] == [0.2, 0.5, 1.0, 2.0] and set(pauses[4:]) == {2.0} and len(pauses) == 35
    warnings = [r.getMessage() for r in caplog.records if "locked by another writer" in r.getMessage()]
    assert [w.rsplit("(", 1)[1] for w in warnings] == ["0 s so far)", "56 s so far)"]  # 0.2 + 0.5 + 1 + 27 × 2
    [stored] = ledger.rows()
    assert stored.status == "sent"
