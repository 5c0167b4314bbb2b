"""Replicas on one PostgreSQL database with different alert configurations are noticed: each logs a
WARNING and reports the peers that differ in /healthz, while replicas with the same configuration
(whatever order Python's hashing gives their rule sets) agree."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from calendar_daemon.alerts.peers import HEARTBEAT, STALE
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import parse_config
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, RecordingNotifier, daemon_config, wait_until
from tests.helpers import DaemonProcess

NOW = datetime(2026, 12, 1, 9, 0)
HOOK = [{"name": "hook", "url": "json://127.0.0.1:9/x"}]
RULE = {"name": "macro", "channels": ["hook"], "before": ["1h"], "categories": ["macro_data", "earnings", "ipo", "central_bank"]}


def replica(pg_url: str, clock: FakeClock, name: str, rules: list[dict[str, object]]) -> AlertService:
    store = EventStore(open_engine(pg_url))  # its own engine, as a separate process would have
    store.initialise()
    config = parse_config({"server": {"replica_id": name}, "channels": HOOK, "alert_rules": rules}, "test.toml")
    alerts = AlertService(config, store, RecordingNotifier(clock), clock=clock)
    alerts.startup()
    return alerts


def test_a_replica_with_other_rules_is_reported_by_every_peer_until_it_stops(
    pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(NOW)
    a = replica(pg_url, clock, "a", [RULE])
    b = replica(pg_url, clock, "b", [{**RULE, "before": ["1h", "10m"]}])
    c = replica(pg_url, clock, "c", [RULE])
    with caplog.at_level(logging.WARNING, logger="calendar_daemon.alerts.peers"):
        for alerts in (a, b, c):
            alerts.tick()
    fingerprint = a.health()["config"]["fingerprint"]
    assert c.health()["config"]["fingerprint"] == fingerprint != b.health()["config"]["fingerprint"]
    assert b.health()["config"]["differing"] == {"a": fingerprint}  # c had not beaten yet when b looked
    assert c.health()["config"] == {"fingerprint": fingerprint, "agree": False, "differing": {"b": b.peers.fingerprint}}
    assert a.health()["config"]["agree"]  # a looked first: it sees b at its next heartbeat
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2 and all("different alert configurations" in w for w in warnings)
    assert "this replica c has" in warnings[1] and f"b has {b.peers.fingerprint}" in warnings[1]

    clock.advance(seconds=HEARTBEAT.total_seconds())
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="calendar_daemon.alerts.peers"):
        for alerts in (a, b, c):
            alerts.tick()
    assert a.health()["config"]["differing"] == {"b": b.peers.fingerprint}
    assert b.health()["config"]["differing"] == {"a": fingerprint, "c": fingerprint}
    assert c.health()["config"]["differing"] == {"b": b.peers.fingerprint}
    logged = {r.getMessage().split(" has ")[0].rsplit(" ", 1)[1] for r in caplog.records if r.levelno == logging.WARNING}
    assert logged == {"a", "b"}  # c's differing peers are the same as before: not logged again

    b.stop(timeout=1)  # a clean stop removes b's heartbeat
    clock.advance(seconds=HEARTBEAT.total_seconds())
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="calendar_daemon.alerts.peers"):
        a.tick()
    assert a.health()["config"] == {"fingerprint": fingerprint, "agree": True, "differing": {}}
    assert any("agree on the alert configuration again" in r.getMessage() for r in caplog.records)
    for alerts in (a, c):
        alerts.stop(timeout=1)


def test_a_killed_replica_with_other_rules_stops_counting_once_its_heartbeat_is_stale(pg_url: str) -> None:
    clock = FakeClock(NOW)
    a = replica(pg_url, clock, "a", [RULE])
    killed = replica(pg_url, clock, "killed", [{**RULE, "min_importance": 3}])
    killed.tick()  # it beats once, then dies without removing its heartbeat
    a.tick()
    assert a.health()["config"]["differing"] == {"killed": killed.peers.fingerprint}
    clock.advance(seconds=STALE.total_seconds() + HEARTBEAT.total_seconds())
    a.tick()
    assert a.health()["config"]["agree"]
    a.stop(timeout=1)


def test_the_fingerprint_is_the_same_in_every_process_for_the_same_config() -> None:
    """Rule categories are sets: their repr changes order with PYTHONHASHSEED, the fingerprint must not."""
    code = (
        "from calendar_daemon.alerts.planning.planner import Rule\n"
        "from calendar_daemon.alerts.peers import config_fingerprint\n"
        "from tests.alerting import make_config\n"
        f"config = make_config({HOOK!r}, [{RULE!r}, {{**{RULE!r}, 'name': 'r2', 'regions': ['US', 'HK', 'CN']}}])\n"
        "print(config_fingerprint([Rule.from_config(r) for r in config.alert_rules], 'UTC', 400, ['hook']))\n"
    )
    root = Path(__file__).resolve().parents[1]
    prints = set()
    for seed in ("1", "2", "3", "4"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})  # fmt: skip
        prints.add(out.stdout.strip())
    assert len(prints) == 1 and len(next(iter(prints))) == 16


def test_daemons_with_different_rules_report_it_in_healthz_and_the_log(tmp_path: Path, pg_url: str) -> None:
    first = DaemonProcess(daemon_config(tmp_path, HOOK, [RULE], name="first.toml"), pg_url)
    second = DaemonProcess(daemon_config(tmp_path, HOOK, [{**RULE, "before": ["2h"]}], name="second.toml"), pg_url)
    with first, second:

        def disagreeing() -> dict[str, Any] | None:
            body: dict[str, Any] = second.get("/healthz").json()
            return None if body["alerts"]["config"]["agree"] else body

        health = wait_until(disagreeing)
        assert second.get("/healthz").status_code == 200  # this replica works; its peers plan other alerts
        assert health["status"] == "warning"
        first_id = first.get("/healthz").json()["replica"]["id"]
        assert list(health["alerts"]["config"]["differing"]) == [first_id]
        wait_until(lambda: "different alert configurations" in second.log())
        assert "WARNING" in next(line for line in second.log().splitlines() if "different alert configurations" in line)
        assert "json://" not in second.log()  # fingerprints and names only, never channel URLs
