"""Late alerts: their text says how long until the start when sent, and a move's notice comes first."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.planning.planner import PlannedAlert
from calendar_daemon.store.db import open_engine
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
    assert "4分钟后开始" in message["message"] and "10分钟后开始" not in message["message"]
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
    assert "已于3分钟前开始" in message["message"] and "迟到的提醒" in message["message"]
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
    assert "迟到的提醒" in hook.messages[2]["message"] and "5分钟后开始" in hook.messages[2]["message"]


def test_the_ledger_hands_out_a_notice_before_the_reminders_of_its_event_to_that_channel(any_db_url: str) -> None:
    """Mechanism: while an event's "moved" notice to a channel is due or being sent, claims skip that
    event's reminders to that channel (others go on), and the next due time ignores them too."""
    store = EventStore(open_engine(any_db_url))
    store.initialise()
    ledger = Ledger(store.engine)
    now = datetime(2026, 12, 3, 13, 0)
    due = now - timedelta(minutes=5)
    ledger.insert_planned([PlannedAlert("nfp", 2, "all", "10m", channel, due, now + timedelta(minutes=5))
                           for channel in ("desk", "other")], now)  # fmt: skip
    ledger.insert_message(kind="moved", channel="desk", event_uid="nfp", event_revision=2, due_at=due,
                          expires_at=now + timedelta(days=1), payload="{}", now=now)  # fmt: skip
    first = ledger.claim("a:1", now, timedelta(seconds=60), 10)
    assert sorted((r.kind, r.channel) for r in first) == [("alert", "other"), ("moved", "desk")]
    assert ledger.claim("a:2", now, timedelta(seconds=60), 10) == []  # the notice is being sent
    assert ledger.next_due(now) is None
    notice = next(r for r in first if r.kind == "moved")
    assert ledger.mark_sent(notice.id or 0, "a:1", now, late=False)
    assert ledger.next_due(now) == due
    [reminder] = ledger.claim("a:3", now, timedelta(seconds=60), 10)
    assert (reminder.kind, reminder.channel) == ("alert", "desk")


def test_a_notice_waiting_for_a_retry_does_not_hold_its_reminders_back(db_url: str) -> None:
    store = EventStore(open_engine(db_url))
    store.initialise()
    ledger = Ledger(store.engine)
    now = datetime(2026, 12, 3, 13, 0)
    ledger.insert_planned([PlannedAlert("nfp", 2, "all", "10m", "desk", now, now + timedelta(minutes=10))], now)
    ledger.insert_message(kind="moved", channel="desk", event_uid="nfp", event_revision=2, due_at=now + timedelta(minutes=1),
                          expires_at=now + timedelta(days=1), payload="{}", now=now)  # fmt: skip
    [reminder] = ledger.claim("a:1", now, timedelta(seconds=60), 10)
    assert reminder.kind == "alert"
