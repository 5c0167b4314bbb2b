"""No alert ends silently: a crash (kill -9) mid-burst and a channel outage, on SQLite and PostgreSQL.

The daemon runs as a real process sending through apprise ``json://`` to a loopback receiver, on
the real clock. The lease stays at its default (60 s), so an alert delivered in these tests after
a kill was taken back by the restarted daemon at once, not after its lease ran out.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.alerting import add_events, daemon_config, ledger_rows, timed_event, utcnow, wait_until
from tests.helpers import DaemonProcess
from tests.receiver import Receiver

COUNT = 16


def _store(url: str) -> EventStore:
    store = EventStore(open_engine(url))
    store.initialise()
    return store


@pytest.mark.parametrize("lead", [1, 3])
def test_kill_9_mid_burst_then_restart_sends_every_alert_at_once(tmp_path: Path, any_db_url: str, lead: int) -> None:
    store = _store(any_db_url)
    with Receiver() as hook:
        hook.delay = 0.3  # sends stay in flight for a moment, so the kill lands inside some of them
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url}],
                               [{"name": "soon", "channels": ["hook"], "before": [f"{lead}m"]}], send_workers=2)
        with DaemonProcess(config, any_db_url) as daemon:
            now = utcnow()
            # 16 alerts falling due four a second, from 3 s from now.
            add_events(store, *[timed_event(f"crash-{i:02d}", f"Crash {i:02d}", now + timedelta(minutes=lead, seconds=3 + i // 4))
                                for i in range(COUNT)])  # fmt: skip
            wait_until(lambda: len(hook.messages) >= 4, timeout=30)
            daemon.kill()  # SIGKILL: no clean-up at all
        claimed_at_kill = {r.event_uid for r in ledger_rows(store) if r.status == "sending"}
        assert claimed_at_kill, "the kill landed where nothing was claimed"
        assert len(set(hook.titles())) < COUNT, "the kill came too late to test anything"
        with DaemonProcess(config, any_db_url) as restarted:
            # Well inside the 60 s lease: the restarted daemon took its predecessor's claims back at once.
            wait_until(lambda: len(set(hook.titles())) >= COUNT, timeout=20)
            wait_until(lambda: all(r.status in ("sent", "late") for r in ledger_rows(store)), timeout=10)
        assert restarted.returncode == 0
        counts = Counter(hook.titles())
    assert set(counts) == {f"[提醒] Crash {i:02d}" for i in range(COUNT)}  # no missed summary: nothing was missed
    # Only an alert that was being sent at the kill may arrive twice; every other arrives exactly once.
    twice = {title for title, n in counts.items() if n > 1}
    assert all(counts[t] == 2 for t in twice)
    assert {t.removeprefix("[提醒] Crash ") for t in twice} <= {uid.removeprefix("crash-") for uid in claimed_at_kill}
    rows = ledger_rows(store)
    assert len(rows) == COUNT and {r.status for r in rows} <= {"sent", "late"}
    taken_back = [r for r in rows if r.event_uid in claimed_at_kill]
    assert taken_back and all(r.last_error.startswith("interrupted") for r in taken_back)
    assert "took back" in restarted.log()


@dataclass
class Outage:
    """What one outage run left: the ledger rows by (event, kind), the messages received, the 503s
    answered and the daemon's log."""

    rows: dict[tuple[str, str], Any]
    messages: list[dict[str, Any]]
    rejected: int
    log: str

    def titles(self) -> list[str]:
        return [m["title"] for m in self.messages]


def _outage(tmp_path: Path, db_url: str, *, fail_for: float, later_in: float, **alerts: Any) -> Outage:
    """A daemon alerting 5 s before two events ("Early" in 7 s, "Later" in ``later_in`` s) through a
    receiver that answers 503 for ``fail_for`` seconds; runs until "Later" and the missed summary
    arrived and every alert row has ended."""
    store = _store(db_url)
    with Receiver() as hook:
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url}],
                               [{"name": "soon", "channels": ["hook"], "before": ["5s"]}],
                               grace="10s", retry_base_seconds=1, **alerts)
        with DaemonProcess(config, db_url) as daemon:
            now = utcnow()
            hook.failing_until = time.time() + fail_for
            add_events(store, timed_event("early", "Early", now + timedelta(seconds=7)),
                       timed_event("later", "Later", now + timedelta(seconds=later_in)))
            wait_until(lambda: {"[提醒] Later", "未能按时发出的提醒"} <= set(hook.titles()), timeout=40)
            wait_until(lambda: {r.status for r in ledger_rows(store)} <= {"sent", "late", "missed"}, timeout=10)
        assert daemon.returncode == 0
        rows = {(r.event_uid, r.kind): r for r in ledger_rows(store)}
        return Outage(rows, list(hook.messages), hook.rejected, daemon.log())


def test_an_outage_longer_than_the_retries_sends_late_within_grace_and_summarises_the_rest(
    tmp_path: Path, any_db_url: str,
) -> None:  # fmt: skip
    # 503s until 10 s after the first alert's due time.
    # "Early" is due in 2 s: tries at +0, +1, +3, +7 s fail; the next (+15 s) is past its 10 s grace.
    # "Later" is due in 8 s: tries at +0, +1, +3 s fail, +7 s succeeds, after its event began (+5 s).
    run = _outage(tmp_path, any_db_url, fail_for=12, later_in=13)
    assert run.rejected >= 6
    assert run.titles().count("[提醒] Later") == 1 and "[提醒] Early" not in run.titles()
    (summary,) = [m for m in run.messages if m["title"] == "未能按时发出的提醒"]
    assert "Early" in summary["message"] and "Later" not in summary["message"]
    later = next(m for m in run.messages if m["title"] == "[提醒] Later")
    assert "已于" in later["message"] or "后开始" in later["message"]
    statuses = {key: row.status for key, row in run.rows.items()}
    assert statuses == {("early", "alert"): "missed", ("later", "alert"): "sent", ("", "missed_summary"): "sent"}
    assert "can no longer be sent in time" in run.log


def test_an_alert_that_runs_out_of_attempts_within_grace_keeps_trying_and_never_ends_failed(
    tmp_path: Path, any_db_url: str,
) -> None:  # fmt: skip
    # 503s for 14 s. Both use up their two attempts within a second of their due time. "Early" (due +2 s)
    # then keeps trying, at the latest at the end of its grace (+12 s), fails, and is summarised;
    # "Later" (due +9 s) keeps trying at +12 s and gets through at +16 s, within its grace.
    run = _outage(tmp_path, any_db_url, fail_for=14, later_in=14, max_attempts=2)
    rows = run.rows
    assert rows[("early", "alert")].status == "missed" and rows[("early", "alert")].attempts > 2
    assert rows[("later", "alert")].status == "sent" and rows[("later", "alert")].attempts > 2
    # The summary, failing twice too while the outage lasted, kept trying until it got through.
    assert rows[("", "missed_summary")].status == "sent" and rows[("", "missed_summary")].attempts >= 2
    assert run.titles().count("[提醒] Later") == 1 and "[提醒] Early" not in run.titles()
    (summary,) = [m for m in run.messages if m["title"] == "未能按时发出的提醒"]
    assert "Early" in summary["message"] and "Later" not in summary["message"]
    assert "no longer be sent in time" in run.log
