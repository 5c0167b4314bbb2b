"""No alert ends silently: a crash (kill -9) mid-burst, on SQLite and PostgreSQL.

The daemon runs as a real process sending through apprise ``json://`` to a loopback receiver, on
the real clock (a channel outage is tested on an injected clock in ``test_alerts_outage.py``). The
lease stays at its default (60 s), so an alert delivered in these tests after a kill was taken back
by the restarted daemon at once, not after its lease ran out.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

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
