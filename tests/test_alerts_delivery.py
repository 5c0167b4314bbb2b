"""Delivery through real apprise to loopback receivers (HTTP json:// and SMTP), with a fake clock."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from email import message_from_bytes
from typing import Any

import pytest

from calendar_daemon.alerts.delivery.notifier import AppriseNotifier, resolve_channels
from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import Config
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, add_events, drain, make_config, step
from tests.helpers import free_port
from tests.receiver import Receiver

START = datetime(2026, 12, 3, 13, 30)  # 08:30 New York


def service_for(config: Config, store: EventStore, clock: FakeClock) -> AlertService:
    notifier = AppriseNotifier(resolve_channels(config), timeout=5)
    service = AlertService(config, store, notifier, clock=clock)
    service.startup()
    return service


def one_hook_service(store: EventStore, clock: FakeClock, hook: Receiver, before: list[str]) -> AlertService:
    """An alert service with one rule for every event and one channel to ``hook``."""
    return service_for(make_config([{"name": "hook", "url": hook.url}], [{"name": "all", "channels": ["hook"], "before": before}]), store, clock)


def nfp(store: EventStore, uid: str = "nfp", start: datetime = START) -> None:
    add_events(store, {"uid": uid, "title": "US nonfarm payrolls", "start": start.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                       "timezone": "America/New_York", "precision": "datetime",
                       "sources": [{"outlet": "BLS", "headline": "Schedule", "published": "2026-11-01T08:00:00+08:00"}]})


def test_each_alert_arrives_once_with_the_right_text(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(days=2))
    with Receiver() as hook:
        config = make_config([{"name": "hook", "url": hook.url}], [{"name": "macro", "channels": ["hook"], "before": ["1d", "1h", "10m"]}])
        service = service_for(config, store, clock)
        for lead in (timedelta(days=1), timedelta(hours=1), timedelta(minutes=10)):
            clock.set(START - lead)
            step(service)
            step(service)
        messages = hook.wait_for(3, timeout=5)
    assert len(messages) == 3
    first = messages[0]
    assert first["title"] == "[提醒] US nonfarm payrolls"
    assert "1天后开始" in first["message"]
    assert "2026-12-03 08:30 EST (America/New_York)" in first["message"]
    assert "2026-12-03 21:30 CST (Asia/Shanghai)" in first["message"]
    assert "宏观数据" in first["message"] and "BLS · Schedule" in first["message"] and "★★★" in first["message"]
    assert ["1小时后开始" in messages[1]["message"], "10分钟后开始" in messages[2]["message"]] == [True, True]
    assert {r.status for r in Ledger(store.engine).rows()} == {"sent"}


def test_outage_retries_until_delivered_and_a_healthy_channel_is_not_delayed(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(hours=2))
    with Receiver() as broken, Receiver() as healthy:
        config = make_config(
            [{"name": "broken", "url": broken.url}, {"name": "healthy", "url": healthy.url}],
            [{"name": "macro", "channels": ["broken", "healthy"], "before": ["1h"]}],
            retry_base_seconds=2, max_attempts=10,
        )
        service = service_for(config, store, clock)
        broken.failing_until = time.time() + 3600
        clock.set(START - timedelta(hours=1))
        step(service)
        assert len(healthy.wait_for(1, timeout=5)) == 1  # at once, while the other channel fails
        assert broken.messages == [] and broken.rejected >= 1
        for _ in range(3):  # backoff 2 s, 4 s, 8 s: still failing
            clock.advance(seconds=30)
            step(service)
        row = next(r for r in Ledger(store.engine).rows() if r.channel == "broken")
        assert row.status == "planned" and row.attempts == 4 and "127.0.0.1" in row.last_error
        broken.failing_until = 0
        clock.advance(seconds=60)
        step(service)
        assert len(broken.wait_for(1, timeout=5)) == 1
        clock.advance(minutes=10)
        step(service)
        assert len(broken.messages) == 1 and len(healthy.messages) == 1
    statuses = {r.channel: r.status for r in Ledger(store.engine).rows()}
    assert statuses == {"broken": "late", "healthy": "sent"}  # delivered 2.5 min after its due time
    assert "迟到的提醒" in broken.messages[0]["message"]


def test_an_alert_is_retried_past_max_attempts_while_worth_sending_then_missed_never_failed(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(hours=2))
    with Receiver() as broken:
        broken.failing_until = time.time() + 3600
        config = make_config([{"name": "b", "url": broken.url}], [{"name": "m", "channels": ["b"], "before": ["1h"]}],
                             max_attempts=3, retry_base_seconds=1, grace="15m")
        service = service_for(config, store, clock)
        clock.set(START - timedelta(hours=1))
        for _ in range(5):
            step(service)
            clock.advance(seconds=10)
        assert broken.rejected == 5  # two past max_attempts: the event begins in an hour
        (row,) = Ledger(store.engine).rows()
        assert row.status == "planned" and row.attempts == 5
        clock.set(START + timedelta(minutes=1))  # its grace (15 min after the due time) is over
        step(service)
        step(service)
    rows = {r.kind: r for r in Ledger(store.engine).rows()}
    assert rows["alert"].status == "missed"  # listed in the channel's missed summary, which keeps trying
    assert rows["missed_summary"].status in ("planned", "sending")


def test_moved_event_replans_and_notifies_channels_that_had_an_alert(store: EventStore) -> None:
    nfp(store)
    clock = FakeClock(START - timedelta(days=2))
    with Receiver() as hook:
        service = one_hook_service(store, clock, hook, ["1d", "1h"])
        clock.set(START - timedelta(days=1))
        step(service)
        assert len(hook.wait_for(1)) == 1
        nfp(store, start=START + timedelta(days=1))  # the release moves a day later
        clock.advance(seconds=1)
        step(service)
        messages = hook.wait_for(2)
        assert messages[1]["title"] == "[时间变更] US nonfarm payrolls"
        assert "2026-12-03 08:30" in messages[1]["message"] and "2026-12-04 08:30" in messages[1]["message"]
        clock.set(START - timedelta(hours=1))  # old 1 h alert: cancelled, must not come
        step(service)
        clock.set(START + timedelta(hours=23))  # new 1 h alert; the new 1 d alert (due at START) was missed
        step(service)
        assert [m["title"].split()[0] for m in hook.wait_for(3)] == ["[提醒]", "[时间变更]", "[提醒]"]
        store.set_status("nfp", "cancelled")
        clock.advance(seconds=1)
        step(service)
        # The missed 1 d alert is listed in a summary (the tick after it was set aside), with the notice.
        assert {m["title"] for m in hook.wait_for(5)[3:]} == {"未能按时发出的提醒", "[已取消] US nonfarm payrolls"}


def test_news_event_moved_by_the_official_schedule_keeps_its_uid_and_gets_a_moved_notice(store: EventStore) -> None:
    """A channel alerted for a news-dated event hears that it moved when the official schedule
    arrives; it is never told the event was cancelled, and each lead still arrives once."""
    news_start = START + timedelta(hours=13)  # the article's (wrong) time
    fed = {"title": "Fed rate decision", "category": "central_bank", "entities": ["Federal Reserve"],
           "timezone": "America/New_York", "precision": "datetime"}  # fmt: skip
    add_events(store, {**fed, "uid": "fed-news", "start": news_start.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                       "sources": [{"outlet": "Daily Paper", "headline": "Week ahead",
                                    "published": "2026-11-30T08:00:00+08:00", "authority": "news"}]})  # fmt: skip
    clock = FakeClock(START - timedelta(days=2))
    with Receiver() as hook:
        service = one_hook_service(store, clock, hook, ["1d", "1h"])
        clock.set(news_start - timedelta(days=1))
        step(service)
        assert [m["title"] for m in hook.wait_for(1)] == ["[提醒] Fed rate decision"]
        add_events(store, {**fed, "uid": "fed-official", "start": START.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                           "sources": [{"outlet": "Federal Reserve", "headline": "FOMC calendar",
                                        "published": "2026-06-01T00:00:00+00:00", "authority": "official"}]})  # fmt: skip
        assert store.get("fed-official") is None and store.get("fed-news").start_at == START  # type: ignore[union-attr]
        clock.advance(seconds=1)
        step(service)
        step(service)
        messages = hook.wait_for(2)
        assert messages[1]["title"] == "[时间变更] Fed rate decision"
        clock.set(START - timedelta(hours=1))
        step(service)
        clock.set(news_start - timedelta(hours=1))  # the news time's 1 h alert was cancelled with the move
        step(service)
        drain(service)
        titles = [m["title"] for m in hook.wait_for(3)]
    assert titles == ["[提醒] Fed rate decision", "[时间变更] Fed rate decision", "[提醒] Fed rate decision"]
    assert not any("取消" in t for t in titles)


def test_catch_up_after_downtime_late_and_missed_summary(store: EventStore) -> None:
    nfp(store, "a", START)
    nfp(store, "b", START + timedelta(hours=5))
    clock = FakeClock(START - timedelta(days=2))
    with Receiver() as hook:
        config = make_config([{"name": "hook", "url": hook.url}], [{"name": "m", "channels": ["hook"], "before": ["1d", "10m"]}])
        service_for(config, store, clock)  # plans, then "goes down"
        # Back up 12 minutes after b's 1 d alert and long after a's 1 d alert: a's is missed, b's is late.
        clock.set(START + timedelta(hours=5) - timedelta(days=1) + timedelta(minutes=12))
        service = service_for(config, store, clock)
        step(service)
        step(service)
        titles = hook.titles()
    assert sorted(titles) == sorted(["[提醒] US nonfarm payrolls", "停机期间错过的提醒"])
    late = next(m for m in hook.messages if m["title"].startswith("[提醒]"))
    assert "迟到的提醒" in late["message"]
    statuses = sorted((r.event_uid, r.lead, r.status) for r in Ledger(store.engine).rows() if r.kind == "alert")
    assert statuses == [("a", "10m", "planned"), ("a", "1d", "missed"), ("b", "10m", "planned"), ("b", "1d", "late")]


@pytest.fixture
def smtp_server() -> Any:
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")

    class Handler:
        def __init__(self) -> None:
            self.messages: list[bytes] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            self.messages.append(envelope.content)
            return "250 OK"

    handler = Handler()
    controller = aiosmtpd.Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


def test_email_through_a_local_smtp_server(store: EventStore, smtp_server: Any) -> None:
    controller, handler = smtp_server
    nfp(store)
    clock = FakeClock(START - timedelta(hours=2))
    url = f"mailto://127.0.0.1:{controller.port}?from=bot@example.com&to=ops@example.com&mode=insecure"
    config = make_config([{"name": "mail", "url": url}], [{"name": "m", "channels": ["mail"], "before": ["1h"]}],
                         **{})
    config = config.model_copy(update={"display": config.display.model_copy(update={"locale": "en"})})
    service = service_for(config, store, clock)
    clock.set(START - timedelta(hours=1))
    step(service)
    drain(service)
    deadline = time.time() + 10
    while not handler.messages and time.time() < deadline:
        time.sleep(0.05)
    step(service)
    assert len(handler.messages) == 1
    mail = message_from_bytes(handler.messages[0])
    assert "Reminder" in str(mail["Subject"]) or "Reminder" in mail.as_string()
    body = mail.get_payload(decode=True) if not mail.is_multipart() else mail.get_payload(0).get_payload(decode=True)
    assert b"starts in 1 hour" in body and b"Macro data" in body
