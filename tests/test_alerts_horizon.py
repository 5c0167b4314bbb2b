"""Planning within the horizon, in bounded steps: events entering the horizon, chunked walks that
resume, warm restarts that re-plan only what changed, and the catch-up running before any send."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime, timedelta

import pytest

from calendar_daemon.alerts import scheduler
from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.planning import replan
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import Config
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, RecordingNotifier, add_events, drain, make_config, step

NOW = datetime(2026, 12, 1, 0, 0)
HOOK = [{"name": "hook", "url": "json://127.0.0.1:9/x"}]
RULE = {"name": "r", "channels": ["hook"], "before": ["1d", "1h"]}


def timed(uid: str, start: datetime, title: str | None = None) -> dict[str, object]:
    return {"uid": uid, "title": title or uid, "start": start.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "timezone": "UTC", "precision": "datetime"}  # fmt: skip


def keys(store: EventStore, status: str | None = None) -> Counter[tuple[str, int, str]]:
    return Counter(
        (r.event_uid, r.event_revision, r.lead) for r in Ledger(store.engine).rows(limit=100_000)
        if r.kind == "alert" and (status is None or r.status == status)
    )  # fmt: skip


def service(store: EventStore, clock: FakeClock, config: Config | None = None) -> tuple[AlertService, RecordingNotifier]:
    notifier = RecordingNotifier(clock)
    return AlertService(config or make_config(HOOK, [RULE], horizon_days=10), store, notifier, clock=clock), notifier


@pytest.fixture
def tiny_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plan three events per step and stop after every step, so walks take several ticks."""
    monkeypatch.setattr(replan, "PLAN_CHUNK", 3)
    monkeypatch.setattr(scheduler, "PLAN_BUDGET", 0.0)
    monkeypatch.setattr(scheduler, "QUIET_BUDGET", 0.0)


@pytest.fixture
def examined(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The UIDs of the events that planning steps reconcile, in order."""
    uids: list[str] = []
    original = replan.Replanner._reconcile

    def recording(self: replan.Replanner, events: list[replan.EventInfo], now: datetime) -> object:
        uids.extend(e.uid for e in events)
        return original(self, events, now)

    monkeypatch.setattr(replan.Replanner, "_reconcile", recording)
    return uids


def test_only_events_in_the_horizon_are_planned_and_later_ones_as_they_enter_it(store: EventStore) -> None:
    add_events(store, timed("near", NOW + timedelta(days=5)), timed("far", NOW + timedelta(days=30)))
    clock = FakeClock(NOW)
    alerts, notifier = service(store, clock)
    alerts.startup()
    assert keys(store) == Counter({("near", 1, "1d"): 1, ("near", 1, "1h"): 1})
    clock.set(NOW + timedelta(days=21))  # "far" (day 30) is now 9 days away: inside the 10-day horizon
    # Sending comes first (here: giving up on near's overdue alerts and sending their missed summary);
    # planning waits while sends are in flight, so how many ticks that takes depends on the send
    # threads: a few, never many.
    far = Counter({("far", 1, "1d"): 1, ("far", 1, "1h"): 1})
    for _ in range(10):
        step(alerts)
        if keys(store, "planned") == far:
            break
    assert keys(store, "planned") == far
    clock.set(NOW + timedelta(days=29))
    step(alerts)
    assert [(channel, title, at) for channel, title, _body, at in notifier.sent] == [
        ("hook", "未能按时发出的提醒", NOW + timedelta(days=21)), ("hook", "[提醒] far", NOW + timedelta(days=29)),
    ]
    assert notifier.sent[0][2].count("near") == 2  # both of near's alerts, listed: none ends silently


def test_a_budgeted_start_plans_nearest_events_first_and_the_ticks_finish_the_walk(store: EventStore, tiny_steps: None) -> None:
    starts = [NOW + timedelta(days=2, hours=h) for h in range(10)]
    add_events(store, *[timed(f"e{i}", start) for i, start in enumerate(starts)])
    add_events(store, *[timed(f"tie{i}", NOW + timedelta(days=3)) for i in range(5)])  # five share one start time
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock)
    alerts.startup(budget=0.0)
    first = {uid for uid, _rev, _lead in keys(store)}
    assert first == {"e0", "e1", "e2"}  # one chunk, nearest first
    for _ in range(10):
        step(alerts)
    expected = {f"e{i}" for i in range(10)} | {f"tie{i}" for i in range(5)}
    planned = keys(store, "planned")
    assert {uid for uid, _rev, _lead in planned} == expected
    assert set(planned.values()) == {1} and len(planned) == 2 * len(expected)


def test_warm_restart_with_nothing_changed_plans_nothing_and_duplicates_nothing(store: EventStore, examined: list[str]) -> None:
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=2 + i)) for i in range(6)])
    clock = FakeClock(NOW)
    first, _ = service(store, clock)
    first.startup()
    before = {(r.id, r.status) for r in Ledger(store.engine).rows(limit=1000)}
    examined.clear()
    clock.advance(minutes=10)
    second, _ = service(store, clock)
    second.startup()
    step(second)
    assert examined == []
    assert {(r.id, r.status) for r in Ledger(store.engine).rows(limit=1000)} == before
    add_events(store, timed("new", NOW + timedelta(days=2)))  # one change: only that event is planned
    clock.advance(minutes=10)
    third, _ = service(store, clock)
    third.startup()
    assert examined == ["new"]
    assert keys(store)[("new", 1, "1d")] == 1 and max(keys(store).values()) == 1


def test_rule_change_on_restart_walks_the_whole_horizon_and_cancels_unwanted_rows(store: EventStore, tiny_steps: None) -> None:
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=1, hours=6 * i)) for i in range(8)])
    clock = FakeClock(NOW)
    first, _ = service(store, clock)
    first.startup()
    assert len(keys(store, "planned")) == 16
    only_hour = make_config(HOOK, [{**RULE, "before": ["1h"]}], horizon_days=10)
    second, _ = service(store, clock, only_hour)
    second.startup(budget=0.0)
    assert len(keys(store, "planned")) > 8  # the walk is not done yet: far events keep their old rows
    for _ in range(5):
        step(second)
    assert set(keys(store, "planned")) == {(f"e{i}", 1, "1h") for i in range(8)}
    assert len(keys(store, "cancelled")) == 8


def test_a_large_change_is_replanned_over_several_ticks_without_losing_any_event(store: EventStore, tiny_steps: None) -> None:
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock)
    alerts.startup()
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=2, minutes=i)) for i in range(10)])
    step(alerts)
    assert 0 < len(keys(store)) < 20  # the first tick planned part of the import
    for _ in range(5):
        step(alerts)
    assert alerts.version == store.data_version()
    assert {uid for uid, _rev, _lead in keys(store, "planned")} == {f"e{i}" for i in range(10)}
    assert max(keys(store).values()) == 1


def test_first_tick_catches_up_before_sending(store: EventStore) -> None:
    """The daemon runs start-up in its first tick: overdue rows are sorted into late and missed first."""
    add_events(store, timed("a", NOW + timedelta(days=1)), timed("b", NOW + timedelta(days=1, hours=5)))
    clock = FakeClock(NOW)
    planner, _ = service(store, clock)
    planner.startup()  # plans, then the daemon "goes down"
    clock.set(NOW + timedelta(hours=5, minutes=12))  # b's 1 d alert 12 min ago (late), a's 5 h ago (missed)
    alerts, notifier = service(store, clock)
    step(alerts)  # first tick: start-up, then dispatch
    step(alerts)
    titles = sorted(title for _channel, title, _body, _at in notifier.sent)
    assert len(titles) == 2 and "[提醒] b" in titles
    statuses = {(r.event_uid, r.lead): r.status for r in Ledger(store.engine).rows() if r.kind == "alert"}
    assert statuses[("a", "1d")] == "missed" and statuses[("b", "1d")] == "late"


class BlockingNotifier(RecordingNotifier):
    """Holds every send until released, so sends stay in flight."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.release = threading.Event()

    def send(self, channel: str, title: str, body: str) -> None:
        self.release.wait(10)
        super().send(channel, title, body)


def test_planning_waits_while_sends_are_in_flight_but_not_for_long(store: EventStore) -> None:
    add_events(store, timed("due", NOW + timedelta(days=1)))
    clock = FakeClock(NOW)
    notifier = BlockingNotifier(clock)
    alerts = AlertService(make_config(HOOK, [RULE], horizon_days=10), store, notifier, clock=clock)
    alerts.startup()
    alerts.tick()  # the 1 d alert of "due" is claimed and its send hangs: planning is put off (1)
    add_events(store, timed("later", NOW + timedelta(days=3)))
    try:
        for _ in range(scheduler.MAX_DEFERRED_TICKS - 1):
            clock.advance(seconds=1)
            alerts.tick()
            assert ("later", 1, "1d") not in keys(store)  # sending first: planning put off
        clock.advance(seconds=1)
        alerts.tick()
        assert keys(store, "planned")[("later", 1, "1d")] == 1  # but not for more than a few ticks
    finally:
        notifier.release.set()
    drain(alerts)
    assert [title for _channel, title, _body, _at in notifier.sent] == ["[提醒] due"]


def test_planning_waits_for_an_alert_about_to_fall_due(store: EventStore) -> None:
    add_events(store, timed("soon", NOW + timedelta(days=1, seconds=1)))
    clock = FakeClock(NOW)
    alerts, notifier = service(store, clock)
    alerts.startup()
    add_events(store, timed("later", NOW + timedelta(days=3)))
    step(alerts)  # "soon" falls due in 1 s: the tick leaves planning for later
    assert ("later", 1, "1d") not in keys(store)
    clock.advance(seconds=1)
    step(alerts)  # sent; nothing due soon any more
    step(alerts)
    assert [title for _channel, title, _body, _at in notifier.sent] == ["[提醒] soon"]
    assert keys(store, "planned")[("later", 1, "1d")] == 1


def test_an_event_changed_behind_a_running_replan_is_replanned_too(store: EventStore, tiny_steps: None) -> None:
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock)
    alerts.startup()
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=2, minutes=i)) for i in range(10)])
    step(alerts)  # the re-plan pass has done its first chunk (e0 … e2)
    assert ("e0", 1, "1d") in keys(store) and ("e9", 1, "1d") not in keys(store)
    add_events(store, timed("e0", NOW + timedelta(days=4)))  # e0 moves: revision 2, behind the cursor
    for _ in range(8):
        step(alerts)
    assert alerts.version == store.data_version()
    assert {(uid, rev) for uid, rev, _lead in keys(store, "planned")} == {("e0", 2)} | {(f"e{i}", 1) for i in range(1, 10)}
    assert set(keys(store, "cancelled")) == {("e0", 1, "1d"), ("e0", 1, "1h")}


def test_a_changed_import_is_replanned_nearest_alert_first_whatever_order_it_arrives_in(
    store: EventStore, tiny_steps: None
) -> None:
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock)
    alerts.startup()
    # One import, written latest-first: the events' ids run against their due order.
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=2, minutes=i)) for i in reversed(range(10))])
    step(alerts)  # one planning step of three events
    assert {uid for uid, _rev, _lead in keys(store)} == {"e0", "e1", "e2"}
    for _ in range(5):
        step(alerts)
    assert {uid for uid, _rev, _lead in keys(store, "planned")} == {f"e{i}" for i in range(10)}


def test_changed_events_are_ordered_by_their_earliest_alert_not_their_start(store: EventStore, tiny_steps: None) -> None:
    rules = [{"name": "r", "channels": ["hook"], "before": ["1h"]}, {"name": "early", "channels": ["hook"], "before": ["2d"], "categories": ["earnings"]}]
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock, make_config(HOOK, rules, horizon_days=10))
    alerts.startup()
    # Starts in 3 days but alerted 2 days before, i.e. in 1 day: before the others' 1 h alerts.
    late_start = {**timed("earnings", NOW + timedelta(days=3)), "category": "earnings"}
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=2, minutes=i)) for i in range(5)], late_start)
    step(alerts)
    assert ("earnings", 1, "2d") in keys(store)


def test_an_import_falling_due_within_minutes_is_planned_at_once_even_while_sends_are_in_flight(
    store: EventStore, tiny_steps: None
) -> None:
    add_events(store, timed("due", NOW + timedelta(days=1)))
    clock = FakeClock(NOW)
    notifier = BlockingNotifier(clock)
    alerts = AlertService(make_config(HOOK, [RULE], horizon_days=10), store, notifier, clock=clock)
    alerts.startup()
    alerts.tick()  # the 1 d alert of "due" is claimed and its send hangs
    assert alerts._inflight == 1
    soon = [timed(f"soon{i}", NOW + timedelta(hours=1, minutes=5 + i)) for i in reversed(range(9))]
    add_events(store, timed("later", NOW + timedelta(days=3)), *soon)  # 1 h alerts due in 5-13 min: three steps
    try:
        clock.advance(seconds=1)
        alerts.tick()
        planned = {uid for uid, _rev, _lead in keys(store, "planned")}
        assert {f"soon{i}" for i in range(9)} <= planned  # the whole urgent part, in one tick
        assert "later" not in planned  # the rest still waits for the sends in flight
    finally:
        notifier.release.set()
    drain(alerts)


def test_a_replica_replanning_a_change_already_planned_by_another_writes_nothing(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(NOW)
    first, _ = service(store, clock)
    second, _ = service(store, clock)
    first.startup()
    second.startup()
    add_events(store, *[timed(f"e{i}", NOW + timedelta(days=2, minutes=i)) for i in range(4)])
    step(first)
    assert len(keys(store, "planned")) == 8
    written: list[int] = []
    original = Ledger.insert_planned

    def recording(self: Ledger, alerts: list[object], now: datetime) -> int:
        written.append(len(alerts))
        return original(self, alerts, now)  # type: ignore[arg-type]

    monkeypatch.setattr(Ledger, "insert_planned", recording)
    step(second)
    assert second.version == store.data_version()
    assert written and sum(written) == 0
    assert len(keys(store, "planned")) == 8


def test_events_already_over_are_replanned_after_those_that_can_still_be_alerted(
    store: EventStore, tiny_steps: None, examined: list[str]
) -> None:
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock)
    alerts.startup()
    past = [timed(f"past{i}", NOW - timedelta(days=30, hours=i)) for i in range(6)]  # a backfill of history
    add_events(store, *past, timed("next", NOW + timedelta(days=2)))
    step(alerts)  # a budgeted step of three events: neither urgent nor first, the history waits
    assert set(examined) == {"next", "past0", "past1"}  # the first chunk
    for _ in range(3):
        step(alerts)
    assert alerts.version == store.data_version()
    assert sorted(examined) == sorted(["next", *(f"past{i}" for i in range(6))])
    assert set(keys(store)) == {("next", 1, "1d"), ("next", 1, "1h")}


class SteppingTime:
    """``time`` whose monotonic clock moves 0.1 s each time it is read: a planning step "takes" a
    fixed time, so how many steps fit in a tick's budget does not depend on the machine."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        self.now += 0.1
        return self.now


@pytest.mark.parametrize("due_soon", [False, True], ids=["quiet", "alert-due-in-5s"])
def test_the_walk_gets_a_longer_budget_only_while_nothing_is_due(
    store: EventStore, monkeypatch: pytest.MonkeyPatch, due_soon: bool
) -> None:
    monkeypatch.setattr(replan, "PLAN_CHUNK", 3)
    add_events(store, *[timed(f"e{i:02d}", NOW + timedelta(days=2, minutes=i)) for i in range(60)])
    if due_soon:  # its "1h before" alert falls due 5 s from now: planning goes on, at the short budget
        add_events(store, timed("near", NOW + timedelta(hours=1, seconds=5)))
    clock = FakeClock(NOW)
    alerts, _ = service(store, clock)
    alerts.startup(budget=0.0)  # the first chunk only
    before = len({uid for uid, _rev, _lead in keys(store)})
    monkeypatch.setattr(scheduler, "time_module", SteppingTime())
    monkeypatch.setattr(replan, "time", scheduler.time_module)
    alerts.tick()
    chunks = (len({uid for uid, _rev, _lead in keys(store)}) - before) / 3
    if due_soon:
        assert 1 <= chunks <= 2, chunks  # PLAN_BUDGET (0.3 s): the step that passes it ends the tick's walk
    else:
        assert chunks >= 5, chunks  # QUIET_BUDGET (0.8 s)
    assert keys(store, "planned").total() == 2 * len({uid for uid, _rev, _lead in keys(store)}) - (1 if due_soon else 0)
