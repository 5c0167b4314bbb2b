"""Every calendar client must read the same instant: three independent parsers read the served feed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from calendar_daemon.domain.periods import Precision, is_long_span
from calendar_daemon.domain.vocabulary import assumed_minutes
from calendar_daemon.feed.vevent import end_uid
from tests.conftest import FIXTURES
from tests.helpers import DaemonProcess, invoke_cli
from tests.readers.harness import assert_readers_agree, read_with_all, require_reader


def expected_from_store(db: str) -> dict[str, dict[str, Any]]:
    """What the store holds, in the normalised form the readers print (UTC instants, exclusive end dates)."""
    result = invoke_cli("list", "--json", db=db)
    assert result.returncode == 0, result.stderr
    expected = {}
    for event in json.loads(result.stdout):
        if event["precision"] == "datetime":
            def utc(value: str | None) -> str | None:
                if value is None:
                    return None
                return datetime.fromisoformat(value).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

            end = event["end"]
            if end is None:  # the feed draws a slot of the length assumed for its kind (tests/test_feed_durations.py)
                minutes = assumed_minutes(event["category"], event["title"], event["tags"])
                end = (datetime.fromisoformat(event["start"]) + timedelta(minutes=minutes)).isoformat()
            expected[event["uid"]] = {"allday": False, "start": utc(event["start"]), "end": utc(end)}
        elif is_long_span(Precision(event["precision"]), date.fromisoformat(event["start"]), date.fromisoformat(event["end"])):
            # Served as the day it begins, and (day precision) the day it ends: tests/test_feed_long_spans.py.
            first, last = date.fromisoformat(event["start"]), date.fromisoformat(event["end"])
            expected[event["uid"]] = {"allday": True, "start": first.isoformat(), "end": (first + timedelta(days=1)).isoformat()}
            if event["precision"] == "date":
                expected[end_uid(event["uid"])] = {"allday": True, "start": last.isoformat(), "end": (last + timedelta(days=1)).isoformat()}
        else:
            end = date.fromisoformat(event["end"]) + timedelta(days=1)
            expected[event["uid"]] = {"allday": True, "start": event["start"], "end": end.isoformat()}
    return expected


def test_three_parsers_read_the_served_feed_identically(daemon: DaemonProcess, shared_seeds: object) -> None:
    for name in ("icalendar", "icaljs", "libical"):
        require_reader(name)
    seeds_dir = FIXTURES.parent.parent / "seeds"
    assert invoke_cli("seed", "--path", str(seeds_dir), db=daemon.db).returncode == 0
    assert invoke_cli("import", str(FIXTURES / "dst_events.yaml"), db=daemon.db).returncode == 0
    expected = expected_from_store(daemon.db)
    assert len(expected) >= 60

    daemon.signal(0)  # still alive
    daemon.wait_for_feed("escaped@test")  # the last file imported has reached the feed
    response = daemon.get("/calendar.ics", headers={"Cache-Control": "no-cache"})
    readings = read_with_all(response.content)
    assert_readers_agree(readings)
    for reader, events in readings.items():
        got = {e["uid"]: {"allday": e["allday"], "start": e["start"], "end": e["end"]} for e in events}
        assert got == expected, f"{reader} disagrees with the store"

    by_uid = {e["uid"]: e for e in readings["icaljs"]}
    # Spot checks against facts computed by hand: 14:00 EST = 19:00Z, 14:00 EDT = 18:00Z;
    # 14:15 CET = 13:15Z, 14:15 CEST = 12:15Z; 03:00 Beijing is 19:00Z on the previous day.
    assert by_uid["ny-before-spring@test"]["start"] == "2026-03-06T19:00:00Z"
    assert by_uid["ny-after-spring@test"]["start"] == "2026-03-09T18:00:00Z"
    assert by_uid["ny-before-fall@test"]["start"] == "2026-10-30T12:30:00Z"
    assert by_uid["ny-after-fall@test"]["start"] == "2026-11-02T13:30:00Z"
    assert by_uid["ecb-before-spring@test"]["start"] == "2026-03-27T13:15:00Z"
    assert by_uid["ecb-after-spring@test"]["start"] == "2026-03-30T12:15:00Z"
    assert by_uid["ecb-before-fall@test"]["start"] == "2026-10-23T12:15:00Z"
    assert by_uid["ecb-after-fall@test"]["start"] == "2026-10-26T13:15:00Z"
    assert by_uid["sh-early@test"]["start"] == "2026-04-01T19:00:00Z"
    # Official schedules: 14:00 New York is 19:00Z in December and January (EST).
    assert by_uid["fomc-2026-12-statement@reference.calendar-daemon"]["start"] == "2026-12-09T19:00:00Z"
    assert by_uid["fomc-2027-01-statement@reference.calendar-daemon"]["start"] == "2027-01-27T19:00:00Z"
    assert by_uid["fomc-2026-01-statement@reference.calendar-daemon"]["start"] == "2026-01-28T19:00:00Z"
    assert "us-fomc-decision-2026-01@seeds.calendar-daemon" not in by_uid  # merged into the official event
    # Expanded jobless-claims instances (the rolling horizon from today): every one at 08:30 New York.
    claims = [e for uid, e in by_uid.items() if uid.startswith("us-jobless-claims-")]
    if datetime.now(UTC) < datetime(2027, 12, 24, tzinfo=UTC):  # the rule file covers 2026-2027
        assert claims
    for event in claims:
        instant = datetime.fromisoformat(event["start"].replace("Z", "+00:00"))
        local = instant.astimezone(ZoneInfo("America/New_York"))
        assert (local.hour, local.minute) == (8, 30), event


def test_escaping_cannot_inject_properties_or_events(daemon: DaemonProcess) -> None:
    require_reader("icalendar")
    assert invoke_cli("import", str(FIXTURES / "dst_events.yaml"), db=daemon.db).returncode == 0
    body = daemon.wait_for_feed("escaped@test").content
    readings = read_with_all(body, names=("icalendar", "icaljs", "libical"))
    for reader, events in readings.items():
        uids = [e["uid"] for e in events]
        assert "evil" not in uids, reader
        assert len(uids) == 12, reader
        escaped = next(e for e in events if e["uid"] == "escaped@test")
        assert escaped["summary"].startswith("Commas, semicolons; a line"), reader
        assert "END:VEVENT" in escaped["summary"], reader
    text = body.decode()
    # Every physical line is either a property or a folded continuation; no raw CR inside a line.
    for line in text.split("\r\n"):
        assert "\r" not in line and "\n" not in line
    lines = text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 12
    assert not [line for line in lines if line.startswith("UID:evil")]
