"""Late alerts: their text says how long until the start when sent, and a move's notice comes first."""

from __future__ import annotations

import time
from datetime import timedelta

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, make_config, step
from tests.receiver import Receiver
from tests.test_alerts_delivery import START, nfp, one_hook_service, service_for


def test_a_late_alert_says_how_long_until_the_start_when_it_is_sent(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(days=1))
    with Receiver() as hook:
        service = one_hook_service(store, clock, hook, ["10m"])
        clock.set(START - timedelta(minutes=4))  # 6 minutes late, within the 15-minute grace
        step(service)
        (message,) = hook.wait_for(1, timeout=5)
    assert "4m后开始" in message["message"] and "10m后开始" not in message["message"]
    assert "迟到的提醒" in message["message"]


def test_an_alert_retried_after_its_event_began_says_how_long_ago_it_began(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(days=1))
    with Receiver() as hook:
        config = make_config([{"name": "hook", "url": hook.url}], [{"name": "m", "channels": ["hook"], "before": ["2m"]}],
                             retry_base_seconds=60)
        service = service_for(config, store, clock)
        hook.failing_until = time.time() + 3600
        clock.set(START - timedelta(minutes=2))
        step(service)  # fails; the retry comes after the event began
        assert hook.rejected == 1
        hook.failing_until = 0
        clock.set(START + timedelta(minutes=3))  # 5 minutes after its due time: within the grace period
        step(service)
        (message,) = hook.wait_for(1, timeout=5)
    assert "已于3m前开始" in message["message"] and "迟到的提醒" in message["message"]
    (row,) = Ledger(store.engine).rows()
    assert row.status == "late" and row.attempts == 1


def test_a_move_sends_its_notice_before_the_replanned_late_reminder(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(days=1))
    with Receiver() as hook:
        hook.delay = 0.2  # each send takes a moment: the two would otherwise race
        service = one_hook_service(store, clock, hook, ["1h", "10m"])
        clock.set(START - timedelta(hours=1))
        step(service)
        assert len(hook.wait_for(1, timeout=5)) == 1
        clock.set(START - timedelta(minutes=30))
        nfp(store, start=START - timedelta(minutes=25))  # moved earlier: its new 10 m alert fell due 5 min ago
        step(service)
        for _ in range(3):  # the reminder waits for the notice, then goes out
            clock.advance(seconds=2)
            step(service)
        titles = [m["title"] for m in hook.wait_for(3, timeout=5)]
    assert titles == ["[提醒] US nonfarm payrolls", "[时间变更] US nonfarm payrolls", "[提醒] US nonfarm payrolls"]
    assert "迟到的提醒" in hook.messages[2]["message"] and "5m后开始" in hook.messages[2]["message"]
