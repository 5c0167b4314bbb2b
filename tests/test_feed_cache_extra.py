"""The feed cache on a real SQLite store: work grows with what changed, validators follow the content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from calendar_daemon.domain.records import normalize
from calendar_daemon.feed.cache import FeedBody, FeedCache, FeedQuery
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore

ALL = FeedQuery()


@dataclass
class Clock:
    """A settable clock, used both as the store's wall clock and the cache's monotonic clock."""

    now: datetime = datetime(2026, 1, 25, 12, 0, 0)
    mono: float = 1000.0

    def wall(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono


def record(index: int, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uid": f"cache-{index:03d}@test",
        "title": f"Event number {index}" if index % 2 else f"事件{index}号",
        "category": ("central_bank", "macro_data", "ipo", "earnings")[index % 4],
        "region": ("US", "CN", "EU")[index % 3],
        "importance": 1 + index % 3,
        "timezone": "America/New_York" if index % 2 else "Asia/Shanghai",
        "start": f"2026-03-{1 + index % 28:02d}T{8 + index % 10:02d}:30:00",
        "sources": [{"outlet": "Test wire", "headline": "Week ahead", "published": "2026-01-25T20:41:00+08:00"}],
    }
    data.update(changes)
    return data


def write(store: EventStore, *records: dict[str, Any]) -> None:
    submit(store, [normalize(r) for r in records], origin="test")


def uids_in(body: FeedBody) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(body.body).walk("VEVENT")}


def titles_in(body: FeedBody) -> dict[str, str]:
    return {str(e["UID"]): str(e["SUMMARY"]) for e in Calendar.from_ical(body.body).walk("VEVENT")}


def make(tmp_path: Path, clock: Clock, count: int = 40) -> tuple[EventStore, FeedCache]:
    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'calendar.db'}"), clock=clock.wall)
    store.initialise()
    write(store, *(record(i) for i in range(count)))
    cache = FeedCache(store, poll_seconds=1.0, monotonic=clock.monotonic)
    return store, cache


def later(clock: Clock, seconds: int = 5) -> None:
    """Let the wall clock and the poll interval move on."""
    clock.now += timedelta(seconds=seconds)
    clock.mono += seconds


def test_unchanged_feed_does_no_rendering(tmp_path: Path) -> None:
    clock = Clock()
    _store, cache = make(tmp_path, clock, count=40)
    first = cache.get(ALL)
    assert cache.renders == 40 and first.event_count == 40
    filtered = cache.get(FeedQuery(categories=("ipo",)))
    assert cache.renders == 40 and filtered.event_count == 10
    for _ in range(5):
        later(clock)  # past poll_seconds: the cache asks the database each time
        again = cache.get(ALL)
        assert again.body == first.body and again.etag == first.etag
        assert again.last_modified == first.last_modified
        assert cache.get(FeedQuery(categories=("ipo",))).etag == filtered.etag
    assert cache.renders == 40


def test_editing_one_event_renders_exactly_one(tmp_path: Path) -> None:
    clock = Clock()
    store, cache = make(tmp_path, clock, count=40)
    first = cache.get(ALL)
    later(clock)
    write(store, record(7, title="Rescheduled: event number 7"))
    edited = cache.get(ALL)
    assert cache.renders == 41
    assert edited.etag != first.etag
    assert titles_in(edited)["cache-007@test"] == "Rescheduled: event number 7"
    before, after = titles_in(first), titles_in(edited)
    assert {uid for uid in after if after[uid] != before[uid]} == {"cache-007@test"}
    later(clock)
    write(store, record(7, title="Rescheduled: event number 7"))  # same content: not a change
    assert cache.get(ALL).etag == edited.etag and cache.renders == 41


def test_moving_an_event_in_time_reorders_without_rendering_others(tmp_path: Path) -> None:
    clock = Clock()
    store, cache = make(tmp_path, clock, count=20)
    cache.get(ALL)
    later(clock)
    write(store, record(3, start="2027-01-04T09:00:00"))
    body = cache.get(ALL)
    assert cache.renders == 21
    order = [str(e["UID"]) for e in Calendar.from_ical(body.body).walk("VEVENT")]
    assert order[-1] == "cache-003@test" and len(order) == 20


def test_change_by_another_writer_is_seen_after_poll_interval(tmp_path: Path) -> None:
    clock = Clock()
    _store, cache = make(tmp_path, clock, count=10)
    first = cache.get(ALL)
    other = EventStore(open_engine(f"sqlite:///{tmp_path / 'calendar.db'}"), clock=clock.wall)
    write(other, record(2, title="Changed elsewhere"))
    clock.mono += 0.5  # within poll_seconds: the cache does not look yet
    assert cache.get(ALL).etag == first.etag and cache.renders == 10
    clock.mono += 0.6
    seen = cache.get(ALL)
    assert seen.etag != first.etag and titles_in(seen)["cache-002@test"] == "Changed elsewhere"
    assert cache.renders == 11


def test_last_modified_never_goes_backwards(tmp_path: Path) -> None:
    clock = Clock()
    store, cache = make(tmp_path, clock, count=10)
    previous = cache.get(ALL)
    assert previous.last_modified == clock.now
    later(clock, 60)
    write(store, record(1, title="Moved forward"))
    forward = cache.get(ALL)
    assert forward.last_modified == clock.now > previous.last_modified
    clock.now -= timedelta(hours=1)  # a writer whose clock is an hour behind
    clock.mono += 5
    write(store, record(2, title="Written by a slow clock"))
    behind = cache.get(ALL)
    assert behind.etag != forward.etag
    assert behind.last_modified > forward.last_modified
    clock.mono += 5
    store.delete("cache-003@test")
    deleted = cache.get(ALL)
    assert deleted.last_modified > behind.last_modified


def test_deleting_an_event_removes_it_and_changes_etag(tmp_path: Path) -> None:
    clock = Clock()
    store, cache = make(tmp_path, clock, count=12)
    first = cache.get(ALL)
    ipo_first = cache.get(FeedQuery(categories=("ipo",)))
    banks_first = cache.get(FeedQuery(categories=("central_bank",)))
    assert "cache-002@test" in uids_in(first) and "cache-002@test" in uids_in(ipo_first)
    later(clock)
    store.delete("cache-002@test")  # an ipo event
    gone = cache.get(ALL)
    assert "cache-002@test" not in uids_in(gone) and gone.event_count == 11
    assert gone.etag != first.etag and gone.last_modified > first.last_modified
    ipo_gone = cache.get(FeedQuery(categories=("ipo",)))
    assert "cache-002@test" not in uids_in(ipo_gone) and ipo_gone.etag != ipo_first.etag
    assert cache.renders == 12  # a deletion renders nothing
    banks = cache.get(FeedQuery(categories=("central_bank",)))  # never held the event
    assert banks.etag == banks_first.etag and banks.body == banks_first.body


def test_feed_built_after_a_deletion_still_dates_it(tmp_path: Path) -> None:
    clock = Clock()
    store, _ = make(tmp_path, clock, count=6)
    later(clock, 600)
    store.delete("cache-001@test")
    fresh = FeedCache(store, poll_seconds=1.0, monotonic=clock.monotonic)  # e.g. after a daemon restart
    body = fresh.get(ALL)
    assert "cache-001@test" not in uids_in(body)
    assert body.last_modified == clock.now  # the deletion is the newest change
    assert fresh.renders == 5
