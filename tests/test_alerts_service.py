"""The daemon as a service: SIGTERM with a send in flight, the systemd watchdog, logs, /metrics, /healthz."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import load_config
from calendar_daemon.store.events import EventStore
from tests.alerting import (
    FakeClock,
    RecordingNotifier,
    add_events,
    daemon_config,
    datagrams,
    ledger_rows,
    make_config,
    notify_socket,
    timed_event,
    utcnow,
    wait_until,
)
from tests.helpers import DaemonProcess, cli_env
from tests.receiver import Receiver

HOOK_RULE = [{"name": "soon", "channels": ["hook"], "before": ["1m"]}]


def test_sigterm_releases_a_send_stuck_on_a_slow_receiver_and_a_restart_sends_it(
    tmp_path: Path, store: EventStore, db_url: str
) -> None:
    with Receiver() as slow, Receiver() as fast:
        slow.delay = 30  # answers long after systemd's stop timeout
        config = daemon_config(tmp_path, [{"name": "hook", "url": slow.url}], HOOK_RULE, send_timeout_seconds=30)
        with DaemonProcess(config, db_url) as daemon:
            now = utcnow()
            add_events(store, timed_event("stuck", "Stuck", now + timedelta(seconds=62)),
                       timed_event("later", "Later", now + timedelta(minutes=30)))
            slow.wait_for(1, timeout=20)  # the send is in flight, waiting for the slow answer
            assert [r.status for r in ledger_rows(store) if r.event_uid == "stuck"] == ["sending"]
            # A clean stop while the receiver is still holding the answer (how long it takes: benchmarks/timings.py).
            assert daemon.stop(timeout=slow.delay - 5) == 0
        assert "received SIGTERM" in daemon.log()
        (row,) = [r for r in ledger_rows(store) if r.event_uid == "stuck"]
        assert (row.status, row.claimed_by, row.lease_until) == ("planned", None, None)  # released, not left claimed
        # Restarted, with the channel pointed at a receiver that answers: the released alert goes out.
        config.write_text(config.read_text(encoding="utf-8").replace(slow.url, fast.url), encoding="utf-8")
        with DaemonProcess(config, db_url) as restarted:
            assert [m["title"] for m in fast.wait_for(1, timeout=20)] == ["[提醒] Stuck"]
            wait_until(lambda: [r.status for r in ledger_rows(store) if r.event_uid == "stuck"] == ["sent"])
        assert restarted.returncode == 0
        assert len(fast.messages) == 1
    assert {r.event_uid: r.status for r in ledger_rows(store)} == {"stuck": "sent", "later": "planned"}


def watchdog_pings(tmp_path: Path, db_url: str, channels: list[dict[str, str]], rules: list[dict[str, object]]) -> list[bytes]:
    """Run the daemon under a fake systemd (NOTIFY_SOCKET, WatchdogSec=0.6 s) and collect its datagrams until
    three watchdog pings have come (or 30 s have passed: a busy machine ticks late, not never)."""
    with notify_socket(tmp_path) as server:
        config = daemon_config(tmp_path, channels, rules)
        env = {"NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": "600000"}
        with DaemonProcess(config, db_url, env=env) as daemon:
            received = datagrams(server, 30, until=lambda got: got.count(b"WATCHDOG=1") >= 3)
        assert daemon.returncode == 0
    return received


def test_watchdog_is_fed_from_the_scheduler_loop(tmp_path: Path, db_url: str) -> None:
    with Receiver() as hook:
        received = watchdog_pings(tmp_path, db_url, [{"name": "hook", "url": hook.url}], HOOK_RULE)
    # At most every 0.3 s (half of WatchdogSec), at the scheduler's ticks of 0.2 s.
    assert received.count(b"WATCHDOG=1") >= 3
    assert set(received) <= {b"READY=1", b"WATCHDOG=1"}


def test_watchdog_is_fed_in_feed_only_mode(tmp_path: Path, db_url: str) -> None:
    received = watchdog_pings(tmp_path, db_url, [], [])
    assert received.count(b"WATCHDOG=1") >= 3
    assert set(received) <= {b"READY=1", b"WATCHDOG=1"}


def test_watchdog_stops_when_the_scheduler_loop_stalls(tmp_path: Path, store: EventStore,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """In process: the tick is what feeds the watchdog, so a scheduler that stops ticking gets restarted."""
    with notify_socket(tmp_path) as server:
        monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "notify.sock"))
        monkeypatch.setenv("WATCHDOG_USEC", "100000")
        clock = FakeClock(utcnow())
        config = make_config([{"name": "hook", "url": "json://127.0.0.1:9/x"}], HOOK_RULE)
        service = AlertService(config, store, RecordingNotifier(clock), clock=clock)
        service.startup()
        assert datagrams(server, 0.3) == []  # no tick, no watchdog
        service.tick()
        assert datagrams(server, 0.3) == [b"WATCHDOG=1"]
        time.sleep(0.06)
        service.tick()
        assert datagrams(server, 0.3) == [b"WATCHDOG=1"]


def run_and_stop(tmp_path: Path, db_url: str, env: dict[str, str]) -> tuple[str, str]:
    """Start ``calendar-daemon run`` with separate stdout and stderr, stop it, return both."""
    config = daemon_config(tmp_path, [], [])
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "calendar_daemon", "--config", str(config), "--db", db_url, "run"],
            stdout=stdout, stderr=stderr, env=cli_env(env),
        )  # fmt: skip
        try:
            wait_until(lambda: "serving the feed" in err.read_text(encoding="utf-8"), timeout=30)
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(15) == 0
    return out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")


def test_logs_go_to_stderr_without_timestamps_under_journald(tmp_path: Path, db_url: str) -> None:
    stdout, stderr = run_and_stop(tmp_path, db_url, {"JOURNAL_STREAM": "8:123456"})
    assert stdout == ""
    lines = stderr.splitlines()
    assert "WARNING calendar_daemon.daemon: alerts are off: no [[channels]] in the configuration" in lines
    assert all(re.match(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: ", line) for line in lines), stderr
    # Outside journald each line starts with its time.
    stdout, stderr = run_and_stop(tmp_path, db_url, {})
    assert stdout == ""
    assert all(re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING) ", line) for line in stderr.splitlines()), stderr


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    from prometheus_client.parser import text_string_to_metric_families

    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text) for s in family.samples
    }  # fmt: skip


def test_metrics_and_healthz_after_sent_failed_late_and_missed_alerts(tmp_path: Path, store: EventStore,
                                                                      db_url: str) -> None:
    with Receiver() as hook, Receiver() as down:
        down.failing_until = time.time() + 3600
        down_url = f"json://127.0.0.1:{down.port}/s3cr3t-path"
        rules = [
            {"name": "soon", "categories": ["macro_data"], "channels": ["hook", "down"], "before": ["1m"]},
            {"name": "overdue", "categories": ["bond"], "channels": ["hook"], "before": ["3m"]},
            {"name": "tight", "categories": ["earnings"], "channels": ["hook"], "before": ["5s"]},
        ]
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url}, {"name": "down", "url": down_url}], rules,
                               grace="5m", max_attempts=1)
        # An earlier run planned an alert for an event that begins while the daemon is down: missed.
        now = utcnow()
        add_events(store, {**timed_event("gone", "Gone", now + timedelta(seconds=3)), "category": "earnings"})
        clock = FakeClock(now)
        AlertService(load_config(config), store, RecordingNotifier(clock), clock=clock).startup()
        assert [(r.event_uid, r.status) for r in ledger_rows(store)] == [("gone", "planned")]
        wait_until(lambda: utcnow() > now + timedelta(seconds=3), timeout=5)
        with DaemonProcess(config, db_url) as daemon:
            now = utcnow()
            add_events(store, timed_event("on-time", "On time", now + timedelta(seconds=62)),  # due in 2 s
                       {**timed_event("late", "Late", now + timedelta(seconds=60)), "category": "bond"})  # 2 min ago
            wait_until(lambda: len(hook.messages) == 3 and down.rejected == 1, timeout=30)
            wait_until(lambda: {r.status for r in ledger_rows(store) if r.kind == "alert" and r.channel == "hook"}
                       <= {"sent", "late", "missed"})  # fmt: skip
            # "down" used up its one attempt, but its alert is retried while within grace (5 min): not failed.
            # The receiver counts its refusal before the daemon writes the attempt down: wait for the write.
            wait_until(lambda: [r.attempts for r in ledger_rows(store) if r.channel == "down"] >= [1])
            (retried,) = [r for r in ledger_rows(store) if r.channel == "down"]
            assert retried.status in ("planned", "sending") and retried.attempts >= 1
            for _ in range(3):
                assert daemon.get("/calendar.ics").status_code == 200
            metrics = daemon.get("/metrics")
            health = daemon.get("/healthz")
        assert daemon.returncode == 0
    assert sorted(hook.titles()) == ["[提醒] Late", "[提醒] On time", "停机期间错过的提醒"]
    assert metrics.headers["content-type"].startswith("text/plain")
    values = samples(metrics.text)
    outcomes = {(dict(labels)["channel"], dict(labels)["kind"], dict(labels)["outcome"]): value
                for (name, labels), value in values.items() if name == "calendar_daemon_alerts_total"}
    assert {key: value for key, value in outcomes.items() if value} == {
        ("hook", "alert", "sent"): 1.0, ("hook", "missed_summary", "sent"): 1.0,  # a summary is not an alert
        ("hook", "alert", "late"): 1.0, ("hook", "alert", "missed"): 1.0,
    }
    # Every channel exports every kind from the start: alerts sent/failed/late/missed, other kinds sent/failed.
    assert len(outcomes) == 2 * (4 + 4 * 2) and ("down", "digest", "failed") in outcomes
    by_name = {name: (dict(labels), value) for (name, labels), value in values.items()
               if name in ("calendar_daemon_feed_requests_total", "calendar_daemon_events")}  # fmt: skip
    assert by_name["calendar_daemon_feed_requests_total"][1] == 3.0
    assert by_name["calendar_daemon_events"][1] == 3.0
    assert by_name["calendar_daemon_events"][0]["replica"]  # every series says which replica it came from
    assert health.status_code == 200
    body = health.json()
    assert (body["status"], body["database"], body["alerts"]["scheduler"]) == ("ok", "ok", "ok")
    last = body["alerts"]["last_send"]
    assert last["hook"]["ok"] is True and last["down"]["ok"] is False
    assert f"127.0.0.1:{down.port}" in last["down"]["error"]
    assert "s3cr3t" not in health.text and "s3cr3t" not in daemon.log()
