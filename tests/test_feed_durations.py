"""Timed events without an end are drawn as a slot of a length that fits their kind, and say so;
an export re-imports with the end still unknown."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from calendar_daemon.domain.records import normalize
from calendar_daemon.feed.cache import FeedCache, FeedQuery
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.events import EventStore
from tests.helpers import invoke_cli

START = "2027-01-27T14:00:00-05:00"
EVENTS: list[dict[str, Any]] = [
    {"uid": "cpi@t", "title": "US CPI", "category": "macro_data", "region": "US", "start": START},
    {"uid": "fomc@t", "title": "FOMC statement", "category": "central_bank", "region": "US", "start": START},
    {"uid": "presser@t", "title": "FOMC press conference", "category": "central_bank", "region": "US", "start": START},
    {"uid": "minutes@t", "title": "ECB account", "category": "central_bank", "region": "EU", "tags": ["minutes"], "start": START},
    {"uid": "call@t", "title": "Apple earnings call", "category": "earnings", "region": "US", "start": START},
    {"uid": "listing@t", "title": "Listing", "category": "corporate", "region": "US", "start": START},
    {"uid": "hearing@t", "title": "Hearing", "category": "legal", "region": "US", "start": START,
     "end": "2027-01-27T17:00:00-05:00"},
    {"uid": "day@t", "title": "Bond repayment", "category": "bond", "region": "CN", "start": "2027-01-27"},
]  # fmt: skip
EXPECTED_MINUTES = {"cpi@t": 15, "fomc@t": 30, "presser@t": 60, "minutes@t": 15, "call@t": 60, "listing@t": 30, "hearing@t": 180}


def _vevents(body: bytes) -> dict[str, Any]:
    return {str(c["uid"]): c for c in Calendar.from_ical(body).walk("VEVENT")}


def test_a_timed_event_without_an_end_gets_a_slot_of_its_kind(store: EventStore) -> None:
    submit(store, [normalize(e) for e in EVENTS], origin="import")
    events = _vevents(FeedCache(store).get(FeedQuery()).read())
    start = datetime(2027, 1, 27, 19, 0, tzinfo=UTC)
    for uid, minutes in EXPECTED_MINUTES.items():
        event = events[uid]
        assert event.decoded("dtstart") == start
        assert event.decoded("dtend") == start + timedelta(minutes=minutes), uid
        said = "Length: not given by the source; shown as" in str(event["description"])
        assert said == (uid != "hearing@t"), uid  # a source's own end is not "assumed"
    day = events["day@t"]
    assert day.decoded("dtend") == day.decoded("dtstart") + timedelta(days=1)  # all-day events are untouched


def test_an_export_reimports_with_the_end_still_unknown(tmp_path: Path) -> None:
    source = tmp_path / "events.json"
    source.write_text(json.dumps(EVENTS), encoding="utf-8")
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    assert invoke_cli("import", str(source), db=first).returncode == 0
    exported = tmp_path / "all.ics"
    assert invoke_cli("export", "-o", str(exported), db=first).returncode == 0
    assert invoke_cli("import", str(exported), db=second).returncode == 0
    listed = {e["uid"]: e for e in json.loads(invoke_cli("list", "--json", db=second).stdout)}
    assert listed["cpi@t"]["end"] is None and listed["presser@t"]["end"] is None
    assert listed["hearing@t"]["end"] is not None
    # and a third-party reader of the same file sees the slot
    assert _vevents(exported.read_bytes())["cpi@t"].decoded("dtend") == datetime(2027, 1, 27, 19, 15, tzinfo=UTC)
