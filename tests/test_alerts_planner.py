"""Planning: leads, day and coarse events, rule matching, DST-correct due instants, bad durations."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.planning.planner import Rule, plan_event
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import AlertRuleConfig
from calendar_daemon.domain.durations import format_duration, parse_duration
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, RecordingNotifier, add_events, make_config, step

HOOK = [{"name": "hook", "url": "json://127.0.0.1:9/x"}]


def test_durations() -> None:
    assert parse_duration("1d") == timedelta(days=1)
    assert parse_duration("1h30m") == timedelta(minutes=90)
    assert format_duration(parse_duration("10m")) == "10m"
    for bad in ("", "1x", "h", "0m", "-1h"):
        with pytest.raises(ValueError, match="duration"):
            parse_duration(bad)


@pytest.mark.parametrize(
    ("local_day", "expected_due_utc"),
    [
        ("2026-03-06", datetime(2026, 3, 6, 18, 0)),  # EST: 14:00 = 19:00Z, 1 h before = 18:00Z
        ("2026-03-09", datetime(2026, 3, 9, 17, 0)),  # EDT after 8 March: 14:00 = 18:00Z
        ("2026-10-30", datetime(2026, 10, 30, 17, 0)),  # EDT before 1 November
        ("2026-11-02", datetime(2026, 11, 2, 18, 0)),  # EST after 1 November
    ],
)
def test_one_hour_before_new_york_event_across_dst(store: EventStore, local_day: str, expected_due_utc: datetime) -> None:
    add_events(store, {"uid": f"ny-{local_day}", "title": "NY 14:00", "start": f"{local_day}T14:00:00",
                       "timezone": "America/New_York", "precision": "datetime"})
    clock = FakeClock(expected_due_utc - timedelta(days=3))
    notifier = RecordingNotifier(clock)
    config = make_config(HOOK, [{"name": "r", "channels": ["hook"], "before": ["1h"]}])
    service = AlertService(config, store, notifier, clock=clock)
    service.startup()
    rows = Ledger(store.engine).rows()
    assert [(r.lead, r.due_at) for r in rows] == [("1h", expected_due_utc)]
    clock.set(expected_due_utc - timedelta(seconds=1))
    step(service)
    assert notifier.sent == []
    clock.set(expected_due_utc)
    step(service)
    assert [(channel, at) for channel, _title, _body, at in notifier.sent] == [("hook", expected_due_utc)]
    assert "NY 14:00" in notifier.sent[0][1] and "14:00" in notifier.sent[0][2]
    step(service)
    assert len(notifier.sent) == 1


def _rule(**kwargs: object) -> Rule:
    return Rule.from_config(AlertRuleConfig.model_validate({"name": "r", "channels": ["a", "b"], **kwargs}))


class E:
    """A minimal plannable event."""

    def __init__(self, **kw: object) -> None:
        self.uid, self.revision, self.category, self.region, self.importance = "u", 1, "ipo", "CN", 2
        self.precision, self.status, self.deleted = "date", "confirmed", False
        self.start_at = None
        self.start_date = None
        self.sort_end = datetime(2027, 1, 1)
        self.__dict__.update(kw)


def test_day_event_days_before_at_local_time_and_coarse_period_start() -> None:
    from datetime import date

    zone = ZoneInfo("Asia/Shanghai")
    now = datetime(2026, 11, 1)
    rule = _rule(days_before=[1, 0], all_day_at="20:00", categories=["ipo"])
    planned = plan_event(E(start_date=date(2026, 12, 10)), [rule], zone, now, timedelta(minutes=15), now + timedelta(days=400))
    assert sorted({(p.lead, p.due_at) for p in planned}) == [
        ("d-0@20:00", datetime(2026, 12, 10, 12, 0)), ("d-1@20:00", datetime(2026, 12, 9, 12, 0)),
    ]
    assert {p.channel for p in planned} == {"a", "b"}
    coarse = plan_event(E(precision="quarter", start_date=date(2027, 1, 1)), [_rule(all_day_at="08:30")], zone, now,
                        timedelta(minutes=15), now + timedelta(days=400))
    assert {(p.lead, p.due_at) for p in coarse} == {("period@08:30", datetime(2027, 1, 1, 0, 30))}
    # Filters: wrong category, too unimportant, cancelled, deleted, beyond the horizon, in the past.
    assert not plan_event(E(start_date=date(2026, 12, 10)), [_rule(days_before=[0], categories=["bond"])], zone, now, timedelta(0), now + timedelta(days=400))
    assert not plan_event(E(start_date=date(2026, 12, 10)), [_rule(days_before=[0], min_importance=3)], zone, now, timedelta(0), now + timedelta(days=400))
    assert not plan_event(E(start_date=date(2026, 12, 10), status="cancelled"), [_rule(days_before=[0])], zone, now, timedelta(0), now + timedelta(days=400))
    assert not plan_event(E(start_date=date(2026, 12, 10), deleted=True), [_rule(days_before=[0])], zone, now, timedelta(0), now + timedelta(days=400))
    assert not plan_event(E(start_date=date(2026, 12, 10)), [_rule(days_before=[0])], zone, now, timedelta(0), now + timedelta(days=10))
    past = E(start_date=date(2026, 10, 10), sort_end=datetime(2026, 10, 11))
    assert not plan_event(past, [_rule(days_before=[0])], zone, now, timedelta(minutes=15), now + timedelta(days=400))


def test_listing_alerts_use_the_exchange_clock() -> None:
    """An HKEX listing alerts at 08:00 Hong Kong time (before the 09:30 open), whatever the display zone."""
    from datetime import date

    london, now, day = ZoneInfo("Europe/London"), datetime(2026, 11, 1), date(2026, 12, 10)
    rule = _rule(days_before=[0], all_day_at="08:00")
    listing = plan_event(E(region="HK", start_date=day), [rule], london, now, timedelta(0), now + timedelta(days=60))
    assert {p.due_at for p in listing} == {datetime(2026, 12, 10, 0, 0)}  # 08:00 HKT = 00:00Z
    macro = plan_event(E(region="HK", category="macro_data", start_date=day), [rule], london, now, timedelta(0),
                       now + timedelta(days=60))  # fmt: skip
    assert {p.due_at for p in macro} == {datetime(2026, 12, 10, 8, 0)}  # 08:00 London (GMT) = 08:00Z
