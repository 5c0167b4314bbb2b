"""The whole daemon as a subprocess, sending through apprise ``json://`` to a loopback receiver.

Alerts fall due on the real clock: an event starting a minute and a few seconds from now, under a
``before = ["1m"]`` rule, has an alert due a few seconds from now.
"""

from __future__ import annotations

import json
import signal
import threading
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from calendar_daemon.store.events import EventStore
from tests.alerting import (
    add_events,
    daemon_config,
    datagrams,
    ledger_rows,
    notify_socket,
    timed_event,
    utcnow,
    wait_until,
    waiting_datagrams,
)
from tests.helpers import DaemonProcess, invoke_cli
from tests.receiver import Receiver


def test_sigkill_while_alerts_fall_due_then_restart_delivers_every_alert_once(tmp_path: Path, store: EventStore,
                                                                               db_url: str) -> None:
    with Receiver() as hook:
        hook.delay = 0.2  # sends stay in flight for a moment, so the kill lands inside some of them
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url}],
                               [{"name": "soon", "channels": ["hook"], "before": ["1m"]}], lease_seconds=2,
                               send_timeout_seconds=1)
        with DaemonProcess(config, db_url) as daemon:
            now = utcnow()
            # 24 alerts falling due two a second, from 2 s to 13 s from now.
            events = [timed_event(f"crash-{i:02d}", f"Crash {i:02d}", now + timedelta(seconds=62 + i // 2))
                      for i in range(24)]
            add_events(store, *events)  # another process writes; the daemon notices and plans
            wait_until(lambda: len(hook.messages) >= 6, timeout=30)
            daemon.kill()  # SIGKILL: no clean-up at all
        claimed_at_kill = {r.event_uid for r in ledger_rows(store) if r.status == "sending"}
        sent_before = len(hook.messages)
        assert sent_before < 24, "the kill came too late to test anything"
        with DaemonProcess(config, db_url) as restarted:
            wait_until(lambda: len(set(hook.titles())) >= 24, timeout=30)
            wait_until(lambda: all(r.status in ("sent", "late") for r in ledger_rows(store)), timeout=10)
        assert restarted.returncode == 0
        counts = Counter(hook.titles())
    assert set(counts) == {f"[提醒] Crash {i:02d}" for i in range(24)}
    # At most the documented window: only an alert claimed (sent, perhaps) but not yet recorded
    # when the process died may arrive twice; every other alert arrives exactly once.
    twice = {title for title, n in counts.items() if n > 1}
    assert all(counts[t] == 2 for t in twice)
    assert {t.removeprefix("[提醒] Crash ") for t in twice} <= {uid.removeprefix("crash-") for uid in claimed_at_kill}
    rows = ledger_rows(store)
    assert len(rows) == 24 and {r.status for r in rows} <= {"sent", "late"}
    assert all(r.attempts == 0 and r.claimed_by is not None for r in rows)


def alerts_json(config: Path, db_url: str, *args: str) -> list[dict[str, Any]]:
    result = invoke_cli("alerts", "--json", *args, config=config, db=db_url)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_sighup_reloads_rules_and_replans(tmp_path: Path, store: EventStore, db_url: str) -> None:
    now = utcnow()
    add_events(store, timed_event("later", "Later", now + timedelta(hours=2)),
               timed_event("soon", "Soon", now + timedelta(seconds=70)))
    with Receiver() as hook:
        channels = [{"name": "hook", "url": hook.url}]
        config = daemon_config(tmp_path, channels, [{"name": "macro", "channels": ["hook"], "before": ["1h"]}])
        with DaemonProcess(config, db_url) as daemon:
            # "Soon" is 70 s away: its 1 h alert is long past and never planned.
            rows = alerts_json(config, db_url)
            assert [(r["event_uid"], r["lead"], r["status"]) for r in rows] == [("later", "1h", "planned")]
            # A bad edit is refused and the running rules stay.
            text = config.read_text(encoding="utf-8")
            config.write_text(text.replace('before = ["1h"]', 'before = ["1 hour"]'), encoding="utf-8")
            daemon.signal(signal.SIGHUP)
            wait_until(lambda: "configuration not reloaded" in daemon.log(), timeout=10)
            assert "bad duration '1 hour'" in daemon.log()
            # The real edit: 30 min and 1 min before.
            config.write_text(text.replace('before = ["1h"]', 'before = ["30m", "1m"]'), encoding="utf-8")
            daemon.signal(signal.SIGHUP)
            wait_until(lambda: "configuration reloaded" in daemon.log(), timeout=10)
            replanned = [("later", "1h", "cancelled"), ("later", "1m", "planned"), ("later", "30m", "planned")]

            def later_rows() -> list[tuple[str, str, str]]:
                return sorted((r["event_uid"], r["lead"], r["status"]) for r in alerts_json(config, db_url) if r["event_uid"] == "later")

            # The reload re-plans the events in progress at once and the horizon over the next ticks.
            wait_until(lambda: later_rows() == replanned, timeout=30)
            rows = alerts_json(config, db_url)
            assert sorted((r["event_uid"], r["lead"], r["status"]) for r in rows if r["event_uid"] == "later") == replanned
            # "Soon" now has a 1 min alert, due a few seconds from now (on a busy machine, already sent).
            assert [(r["lead"], r["status"] in ("planned", "sending", "sent")) for r in rows if r["event_uid"] == "soon"] == [
                ("1m", True)
            ]
            arrived = hook.wait_for(1, timeout=30)  # "Soon" 1 min before: due about 10 s after the start
            assert [m["title"] for m in arrived] == ["[提醒] Soon"] and "1分钟后开始" in arrived[0]["message"]
            assert daemon.get("/healthz").json()["alerts"]["scheduler"] == "ok"
        assert daemon.returncode == 0
    assert [m["title"] for m in hook.messages] == ["[提醒] Soon"]


def test_first_start_on_the_seed_calendar_sends_nothing_already_past(tmp_path: Path, store: EventStore, db_url: str) -> None:
    with Receiver() as hook:
        rule = {"name": "everything", "channels": ["hook"], "categories": ["*"], "before": ["1d", "1h", "10m"],
                "days_before": [1, 0], "coarse": True}
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url, "digest_daily": False}], [rule], seeds=True)
        # Each scheduler tick (0.2 s) feeds the fake systemd watchdog (at most every 0.2 s): pings count ticks.
        env = {"NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": "400000"}
        started = utcnow()
        with notify_socket(tmp_path) as systemd, DaemonProcess(config, db_url, env=env) as daemon:
            # The bundled calendar: the founding events, all in the past, and the reference schedules ahead.
            assert store.count() >= 50
            # Planning runs in the scheduler's first tick, which may come after /healthz first answers.
            wait_until(lambda: "planned alerts for" in daemon.log(), timeout=30)
            waiting_datagrams(systemd)  # pings from before the check above
            ticks = datagrams(systemd, 60, until=lambda got: got.count(b"WATCHDOG=1") >= 5)
            assert ticks.count(b"WATCHDOG=1") >= 5  # several scheduler ticks after planning
            assert daemon.get("/healthz").json()["alerts"]["scheduler"] == "ok"
            rows = alerts_json(config, db_url)
            now = utcnow()
        assert daemon.returncode == 0
    # Nothing that fell due before the start was planned or sent, except what the catch-up promises
    # (alerts.grace, 15 min): an alert due at most that long before the start whose event had not begun (a
    # release at 10:00 whose 09:30 day-of alert falls due ten minutes before the first start is still sent,
    # late; which such alerts exist depends on the time of day the test runs). A reference release can make an
    # alert fall due during the test itself: it is sent then, as it should be, and counted here.
    due_at = [(datetime.fromisoformat(r["due_at"]).replace(tzinfo=None), r["status"]) for r in rows]
    early = [r for r in rows if datetime.fromisoformat(r["due_at"]).replace(tzinfo=None) < started]
    assert [(r["event_uid"], r["due_at"]) for r in early
            if started - datetime.fromisoformat(r["due_at"]).replace(tzinfo=None) > timedelta(minutes=15)
            or datetime.fromisoformat(r["expires_at"]).replace(tzinfo=None) <= started] == []
    during = [status for d, status in due_at if d <= now]
    assert all(status == "planned" for d, status in due_at if d > now)
    assert len(hook.messages) == during.count("sent") and hook.rejected == 0


def test_no_channels_serves_the_feed_and_says_alerts_are_off(tmp_path: Path, db_url: str) -> None:
    config = daemon_config(tmp_path, [], [])
    with DaemonProcess(config, db_url) as daemon:
        assert daemon.get("/calendar.ics").status_code == 200
        health = daemon.get("/healthz").json()
        assert health["alerts"] == "off" and health["database"] == "ok"
    assert daemon.returncode == 0
    assert "alerts are off: no [[channels]] in the configuration" in daemon.log()


def test_sighup_while_starting_is_applied_once_the_daemon_can_reload(tmp_path: Path, store: EventStore, db_url: str) -> None:
    """A reload request that arrives before the SIGHUP handler exists is remembered, not fatal."""
    add_events(store, timed_event("later", "Later", utcnow() + timedelta(hours=2)))
    with Receiver() as hook:
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url}],
                               [{"name": "macro", "channels": ["hook"], "before": ["1h"]}])  # fmt: skip
        daemon = DaemonProcess(config, db_url)
        starting = threading.Thread(target=daemon.start)  # returns once /healthz answers
        starting.start()
        try:
            # The store is open; the alert service (and its SIGHUP handler) is still to come.
            wait_until(lambda: "database: " in daemon.log(), timeout=30, interval=0.005)
            config.write_text(config.read_text(encoding="utf-8").replace('before = ["1h"]', 'before = ["30m"]'), encoding="utf-8")
            daemon.signal(signal.SIGHUP)
            starting.join(40)
            assert daemon.process is not None and daemon.process.poll() is None, daemon.log()  # alive, not killed
            wait_until(lambda: "configuration reloaded" in daemon.log(), timeout=15)
            # Started with the 1 h rule it had read; the reload put 30 min in its place.
            wait_until(lambda: [r["lead"] for r in alerts_json(config, db_url) if r["status"] == "planned"] == ["30m"])
            assert "SIGHUP arrived while starting" in daemon.log()
            assert daemon.get("/healthz").json()["alerts"]["scheduler"] == "ok"
        finally:
            starting.join(40)
            assert daemon.stop() == 0
