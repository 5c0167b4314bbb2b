"""Daily digests and weekly previews through apprise to a loopback receiver, on an injected clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from prometheus_client.parser import text_string_to_metric_families

from calendar_daemon.alerts.delivery.notifier import AppriseNotifier, resolve_channels
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import Config
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, add_events, make_config, step
from tests.receiver import Receiver

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    """A wall-clock time in Shanghai as naive UTC (the clock's form)."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def week_of_events(store: EventStore) -> None:
    def timed(uid: str, title: str, when: str) -> dict[str, str]:
        return {"uid": uid, "title": title, "start": when, "timezone": "Asia/Shanghai", "precision": "datetime"}

    add_events(
        store,
        timed("sun", "Sunday night", "2026-12-06T21:00:00"),  # before the week previewed
        timed("lpr", "China LPR", "2026-12-07T09:30:00"),
        timed("cpi", "China CPI", "2026-12-09T09:30:00"),
        {"uid": "ipo", "title": "Big IPO listing", "start": "2026-12-09", "timezone": "Asia/Shanghai",
         "precision": "date", "category": "ipo", "importance": 2, "region": "CN"},
        timed("fomc", "FOMC decision", "2026-12-10T03:00:00"),  # Wednesday 14:00 in New York
        timed("gone", "Cancelled meeting", "2026-12-08T10:00:00"),
        timed("next", "Next week", "2026-12-14T09:30:00"),  # after the week previewed
    )
    store.set_status("gone", "cancelled")


def service(config: Config, store: EventStore, clock: FakeClock) -> AlertService:
    alerts = AlertService(config, store, AppriseNotifier(resolve_channels(config), timeout=5), clock=clock)
    alerts.startup()
    return alerts


def test_daily_digest_and_weekly_preview_arrive_once_per_period_grouped_by_day(store: EventStore) -> None:
    week_of_events(store)
    clock = FakeClock(local("2026-12-06T19:59:00"))
    with Receiver() as hook, Receiver() as quiet:
        config = make_config(
            [{"name": "desk", "url": hook.url, "digest_daily": True, "digest_weekly": True},
             {"name": "quiet", "url": quiet.url}],  # no digests
            [],
        )
        alerts = service(config, store, clock)
        step(alerts)
        assert hook.messages == []
        for at in ("2026-12-06T20:00:00", "2026-12-06T20:00:01", "2026-12-06T20:05:00"):
            clock.set(local(at))
            step(alerts)
        clock.set(local("2026-12-06T20:06:00"))
        step(service(config, store, clock))  # a restart inside the slot's grace period sends nothing again
        assert [m["title"] for m in hook.wait_for(1)] == ["下周预览 2026-12-07 – 2026-12-13"]
        assert hook.messages[0]["message"].splitlines() == [
            "2026-12-07 周一",
            "  09:30 China LPR [宏观数据] ★★★",
            "2026-12-09 周三",
            "  全天 Big IPO listing [新股]",
            "  09:30 China CPI [宏观数据] ★★★",
            "2026-12-10 周四",
            "  03:00 FOMC decision [宏观数据] ★★★",
        ]
        # Monday 08:00: today's events; a second tick and a later one send nothing more.
        for at in ("2026-12-07T07:59:59", "2026-12-07T08:00:00", "2026-12-07T08:00:30", "2026-12-07T08:14:00"):
            clock.set(local(at))
            step(alerts)
        # Tuesday: the daemon was down from 07:50 to 08:30, past the 15 min grace: no stale digest.
        clock.set(local("2026-12-08T08:30:00"))
        step(service(config, store, clock))
        # Wednesday 08:00.
        clock.set(local("2026-12-09T08:01:00"))
        step(alerts)
        messages = hook.wait_for(3)
        assert quiet.messages == []
    # The metric tells digests from alerts (this instance sent the preview and both daily digests).
    sent = {(sample.labels["kind"], sample.labels["channel"]): sample.value
            for family in text_string_to_metric_families(alerts.metrics.render().decode())
            for sample in family.samples if sample.name == "calendar_daemon_alerts_total" and sample.labels["outcome"] == "sent"}  # fmt: skip
    assert sent == {("digest", "desk"): 3.0} and alerts.digests_sent == 3
    assert [(m["title"], m["message"]) for m in messages[1:]] == [
        ("每日日程 2026-12-07", "09:30 China LPR [宏观数据] ★★★"),
        ("每日日程 2026-12-09", "全天 Big IPO listing [新股]\n09:30 China CPI [宏观数据] ★★★"),
    ]


def test_digest_in_english_with_custom_times(store: EventStore) -> None:
    week_of_events(store)
    clock = FakeClock(local("2026-12-05T17:59:00"))  # Saturday
    with Receiver() as hook:
        config = make_config(
            [{"name": "desk", "url": hook.url, "digest_daily": True, "digest_daily_at": "07:15",
              "digest_weekly": True, "digest_weekly_at": "SAT 18:00"}],
            [],
        )
        config = config.model_copy(update={"display": config.display.model_copy(update={"locale": "en"})})
        alerts = service(config, store, clock)
        for at in ("2026-12-05T18:00:00", "2026-12-07T07:14:00", "2026-12-07T07:15:00", "2026-12-07T07:16:00"):
            clock.set(local(at))
            step(alerts)
        messages = hook.wait_for(2)
    assert [m["title"] for m in messages] == ["Next week 2026-12-07 – 2026-12-13", "Today's events 2026-12-07"]
    assert messages[0]["message"].splitlines()[:2] == ["2026-12-07 Mon", "  09:30 China LPR [Macro data] ★★★"]
    assert messages[1]["message"] == "09:30 China LPR [Macro data] ★★★"


def test_a_monday_morning_preview_covers_the_week_starting_that_day(store: EventStore) -> None:
    week_of_events(store)
    clock = FakeClock(local("2026-12-07T06:59:00"))
    with Receiver() as hook:
        config = make_config([{"name": "desk", "url": hook.url, "digest_weekly": True, "digest_weekly_at": "MON 07:00"}], [])
        alerts = service(config, store, clock)
        clock.set(local("2026-12-07T07:00:00"))
        step(alerts)
        (message,) = hook.wait_for(1)
    assert message["title"] == "下周预览 2026-12-07 – 2026-12-13"
    assert message["message"].splitlines()[:2] == ["2026-12-07 周一", "  09:30 China LPR [宏观数据] ★★★"]
