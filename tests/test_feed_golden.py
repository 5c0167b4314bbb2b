"""The feed and the export of the founding calendar, byte for byte.

The bundled seeds and reference schedules are loaded as of a fixed instant (2026-12-01 08:00 UTC)
into a fresh SQLite file; the served feed and the round-trip export must equal the files under
``tests/fixtures/`` exactly. A refactoring must not change a byte a subscriber reads. A deliberate
change to the feed (or to the seed files, or the version in PRODID) regenerates them with
``CALENDAR_DAEMON_REGENERATE_GOLDEN=1 python -m pytest tests/test_feed_golden.py`` and says why in
its commit.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

import pytest

from calendar_daemon.domain.filters import EventFilter
from calendar_daemon.feed.cache import FeedCache, FeedQuery
from calendar_daemon.feed.render import render_calendar
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import Event
from tests.helpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def founding_store(tmp_path: Path) -> EventStore:
    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'founding.db'}"), clock=lambda: AS_OF)
    store.initialise()
    load_seeds(store, now=AS_OF)
    return store


def _check(actual: bytes, name: str) -> None:
    path = FIXTURES / name
    if os.environ.get("CALENDAR_DAEMON_REGENERATE_GOLDEN") == "1":
        path.write_bytes(actual)
    expected = path.read_bytes()
    assert actual.count(b"BEGIN:VEVENT") == expected.count(b"BEGIN:VEVENT")
    if actual != expected:  # name the first differing line, not 170 KB of diff
        for number, (got, want) in enumerate(zip(actual.splitlines(), expected.splitlines(), strict=False), 1):
            assert got == want, f"{name} line {number} differs"
    assert actual == expected


def test_served_feed_of_the_founding_calendar_is_unchanged(founding_store: EventStore) -> None:
    _check(FeedCache(founding_store).get(FeedQuery()).read(), "founding-feed.ics")


def test_export_of_the_founding_calendar_is_unchanged(founding_store: EventStore) -> None:
    _check(FeedCache(founding_store, roundtrip=True).get(FeedQuery()).read(), "founding-export.ics")


def test_render_calendar_makes_the_same_feed_and_export(founding_store: EventStore) -> None:
    def events() -> Iterator[Event]:
        return chain.from_iterable(founding_store.iter_events(EventFilter(), chunk=7))

    _check(b"".join(render_calendar(events())), "founding-feed.ics")
    _check(b"".join(render_calendar(events(), roundtrip=True)), "founding-export.ics")


def test_export_command_writes_the_founding_export(founding_store: EventStore, tmp_path: Path) -> None:
    output = tmp_path / "export.ics"
    result = run_cli("export", "-o", str(output), db=str(founding_store.engine.url))
    assert result.returncode == 0, result.stderr
    _check(output.read_bytes(), "founding-export.ics")
