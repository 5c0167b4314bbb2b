"""Every calendar parser must read the same instants from the same .ics.

The fixture ``tests/fixtures/dst_edges.ics`` is hand-written: timed events in UTC and in
America/New_York, Europe/Berlin and Asia/Shanghai (with VTIMEZONE blocks) on both sides of
the 2026 US (8 Mar, 1 Nov) and EU (29 Mar, 25 Oct) switches, plus all-day spans and an
escaped title. Expected instants are computed here from the wall-clock values with
``zoneinfo``, independently of every reader under test.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.readers import harness
from tests.readers.harness import (
    READERS,
    ReaderFailed,
    ReaderUnavailable,
    assert_readers_agree,
    diff_readings,
    read_with_all,
    require_reader,
    skip_or_fail,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dst_edges.ics"
SUFFIX = "@fixtures.calendar-daemon"
UTC = dt.UTC
NY = "America/New_York"
BERLIN = "Europe/Berlin"
SHANGHAI = "Asia/Shanghai"


def utc_text(moment: dt.datetime) -> str:
    assert moment.tzinfo is not None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def wall(
    zone: str, year: int, month: int, day_: int, hour: int = 0, minute: int = 0
) -> str:
    """The UTC instant of a wall-clock time in an IANA zone, per zoneinfo."""
    return utc_text(dt.datetime(year, month, day_, hour, minute, tzinfo=ZoneInfo(zone)))


def utc(year: int, month: int, day_: int, hour: int = 0, minute: int = 0) -> str:
    return utc_text(dt.datetime(year, month, day_, hour, minute, tzinfo=UTC))


def day(year: int, month: int, day_: int) -> str:
    return dt.date(year, month, day_).isoformat()


ESCAPED_TITLE = "Fed, ECB; BoJ: rate decision week\nsecond line, with a back\\slash"

# uid -> (allday, start, end); wall-clock values are the fixture's, instants come from zoneinfo.
EXPECTED: dict[str, tuple[bool, str, str | None]] = {
    "utc-fomc-2026-01-28": (False, utc(2026, 1, 28, 19), utc(2026, 1, 28, 20)),
    "utc-after-us-spring-2026-03-08": (
        False,
        utc(2026, 3, 8, 7),
        utc(2026, 3, 8, 7, 30),
    ),
    "ny-before-spring-2026-03-06": (
        False,
        wall(NY, 2026, 3, 6, 14),
        wall(NY, 2026, 3, 6, 15),
    ),
    "ny-across-spring-2026-03-08": (
        False,
        wall(NY, 2026, 3, 8, 0),
        wall(NY, 2026, 3, 8, 4),
    ),
    "ny-after-spring-2026-03-09": (
        False,
        wall(NY, 2026, 3, 9, 14),
        wall(NY, 2026, 3, 9, 15),
    ),
    "ny-gap-weeks-2026-03-20": (
        False,
        wall(NY, 2026, 3, 20, 9),
        wall(NY, 2026, 3, 20, 10),
    ),
    "berlin-gap-weeks-2026-03-20": (
        False,
        wall(BERLIN, 2026, 3, 20, 14),
        wall(BERLIN, 2026, 3, 20, 15),
    ),
    "berlin-before-spring-2026-03-27": (
        False,
        wall(BERLIN, 2026, 3, 27, 10),
        wall(BERLIN, 2026, 3, 27, 11),
    ),
    "berlin-after-spring-2026-03-30": (
        False,
        wall(BERLIN, 2026, 3, 30, 10),
        wall(BERLIN, 2026, 3, 30, 11),
    ),
    "berlin-before-autumn-2026-10-23": (
        False,
        wall(BERLIN, 2026, 10, 23, 14),
        wall(BERLIN, 2026, 10, 23, 15),
    ),
    "berlin-after-autumn-2026-10-26": (
        False,
        wall(BERLIN, 2026, 10, 26, 14),
        wall(BERLIN, 2026, 10, 26, 15),
    ),
    "ny-before-autumn-2026-10-30": (
        False,
        wall(NY, 2026, 10, 30, 9, 30),
        wall(NY, 2026, 10, 30, 16),
    ),
    "ny-after-autumn-2026-11-02": (
        False,
        wall(NY, 2026, 11, 2, 9, 30),
        wall(NY, 2026, 11, 2, 16),
    ),
    "shanghai-morning-2026-01-28": (
        False,
        wall(SHANGHAI, 2026, 1, 28, 10),
        wall(SHANGHAI, 2026, 1, 28, 10, 30),
    ),
    "shanghai-early-crosses-utc-date-2026-02-01": (
        False,
        wall(SHANGHAI, 2026, 2, 1, 6),
        wall(SHANGHAI, 2026, 2, 1, 7),
    ),
    "shanghai-summer-2026-07-15": (
        False,
        wall(SHANGHAI, 2026, 7, 15, 9, 30),
        wall(SHANGHAI, 2026, 7, 15, 11, 30),
    ),
    "utc-duration-2026-06-10": (
        False,
        utc(2026, 6, 10, 12, 30),
        utc_text(
            dt.datetime(2026, 6, 10, 12, 30, tzinfo=UTC)
            + dt.timedelta(hours=1, minutes=30)
        ),
    ),
    "utc-no-end-2026-04-01": (False, utc(2026, 4, 1, 8, 30), None),
    "allday-single-2026-01-26": (True, day(2026, 1, 26), day(2026, 1, 27)),
    "allday-week-2026-01-26": (True, day(2026, 1, 26), day(2026, 2, 2)),
    "allday-across-us-spring-2026-03-07": (True, day(2026, 3, 7), day(2026, 3, 10)),
    "allday-across-eu-autumn-2026-10-24": (True, day(2026, 10, 24), day(2026, 10, 27)),
    "allday-no-end-2026-11-01": (True, day(2026, 11, 1), None),
    "allday-year-end-2026-12-31": (True, day(2026, 12, 31), day(2027, 1, 1)),
}

SUMMARIES = {
    "allday-single-2026-01-26": ESCAPED_TITLE,
    "shanghai-morning-2026-01-28": "国家统计局公布1月官方制造业PMI",
}


@pytest.fixture(scope="module")
def fixture_bytes() -> bytes:
    return FIXTURE.read_bytes()


def by_uid(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {str(e["uid"]).removesuffix(SUFFIX): e for e in events}
    assert len(out) == len(events), "duplicate UIDs in reader output"
    return out


def test_zoneinfo_knows_the_2026_switches() -> None:
    # Anchors the expectations: these are the facts the fixture is built around.
    assert wall(NY, 2026, 3, 6, 14) == "2026-03-06T19:00:00Z"
    assert wall(NY, 2026, 3, 9, 14) == "2026-03-09T18:00:00Z"
    assert wall(BERLIN, 2026, 3, 27, 10) == "2026-03-27T09:00:00Z"
    assert wall(BERLIN, 2026, 3, 30, 10) == "2026-03-30T08:00:00Z"
    assert wall(BERLIN, 2026, 10, 23, 14) == "2026-10-23T12:00:00Z"
    assert wall(BERLIN, 2026, 10, 26, 14) == "2026-10-26T13:00:00Z"
    assert wall(NY, 2026, 10, 30, 9, 30) == "2026-10-30T13:30:00Z"
    assert wall(NY, 2026, 11, 2, 9, 30) == "2026-11-02T14:30:00Z"
    assert wall(SHANGHAI, 2026, 2, 1, 6) == "2026-01-31T22:00:00Z"


@pytest.mark.parametrize("name", list(READERS))
def test_reader_reads_known_instants(name: str, fixture_bytes: bytes) -> None:
    reader = require_reader(name)
    events = reader(fixture_bytes)
    got = by_uid(events)
    assert sorted(got) == sorted(EXPECTED)
    for uid, (allday, start, end) in EXPECTED.items():
        event = got[uid]
        assert (event["allday"], event["start"], event["end"]) == (
            allday,
            start,
            end,
        ), uid
    for uid, title in SUMMARIES.items():
        assert got[uid]["summary"] == title


@pytest.mark.parametrize("name", list(READERS))
def test_reader_sees_dst_effects(name: str, fixture_bytes: bytes) -> None:
    got = by_uid(require_reader(name)(fixture_bytes))

    def instant(uid: str, field: str = "start") -> dt.datetime:
        return dt.datetime.fromisoformat(str(got[uid][field]))

    # The same 14:00 New York wall clock moves one hour earlier in UTC after 8 March.
    shift = (
        instant("ny-after-spring-2026-03-09") - instant("ny-before-spring-2026-03-06")
    ) - (dt.timedelta(days=3))
    assert shift == dt.timedelta(hours=-1)
    # 00:00 -> 04:00 on the spring-forward night lasts three real hours.
    across = "ny-across-spring-2026-03-08"
    assert instant(across, "end") - instant(across) == dt.timedelta(hours=3)
    # Between the US and EU switches New York is only five hours behind Berlin.
    assert instant("ny-gap-weeks-2026-03-20") == instant("berlin-gap-weeks-2026-03-20")


def test_all_readers_agree_event_by_event(fixture_bytes: bytes) -> None:
    readings = read_with_all(fixture_bytes)
    assert set(readings) == {"icalendar", "icaljs", "libical"}
    assert_readers_agree(readings)
    assert len(readings["icalendar"]) == len(EXPECTED)


CUSTOM_ZONE_ICS = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calendar-daemon//tests//EN\r\n"
    b"BEGIN:VTIMEZONE\r\nTZID:Custom/Plus0330\r\n"
    b"BEGIN:STANDARD\r\nTZOFFSETFROM:+0330\r\nTZOFFSETTO:+0330\r\nTZNAME:X\r\n"
    b"DTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    b"BEGIN:VEVENT\r\nUID:custom\r\nDTSTAMP:20260101T000000Z\r\n"
    b"DTSTART;TZID=Custom/Plus0330:20260309T140000\r\n"
    b"DTEND;TZID=Custom/Plus0330:20260309T150000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.parametrize("name", list(READERS))
def test_reader_uses_the_calendars_own_vtimezone(name: str) -> None:
    # A TZID that no zone database knows can only be resolved from the VTIMEZONE block.
    plus_0330 = dt.timezone(dt.timedelta(hours=3, minutes=30))
    [event] = require_reader(name)(CUSTOM_ZONE_ICS)
    assert event["start"] == utc_text(dt.datetime(2026, 3, 9, 14, tzinfo=plus_0330))
    assert event["end"] == utc_text(dt.datetime(2026, 3, 9, 15, tzinfo=plus_0330))


NO_VTIMEZONE_ICS = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calendar-daemon//tests//EN\r\n"
    b"BEGIN:VEVENT\r\nUID:imported\r\nDTSTAMP:20260101T000000Z\r\n"
    b"DTSTART;TZID=America/New_York:20260309T140000\r\n"
    b"DTEND;TZID=Europe/Berlin:20260330T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.parametrize("name", ["icalendar", "libical"])
def test_zone_database_readers_resolve_tzid_without_vtimezone(name: str) -> None:
    [event] = require_reader(name)(NO_VTIMEZONE_ICS)
    assert event["start"] == wall(NY, 2026, 3, 9, 14)
    assert event["end"] == wall(BERLIN, 2026, 3, 30, 10)


def test_icaljs_refuses_tzid_without_vtimezone() -> None:
    # ical.js ships no zone database: it must fail loudly, not fall back to floating time.
    reader = require_reader("icaljs")
    with pytest.raises(ReaderFailed, match="TZID=America/New_York"):
        reader(NO_VTIMEZONE_ICS)


UNKNOWN_TZID_ICS = NO_VTIMEZONE_ICS.replace(b"America/New_York", b"Nowhere/Atlantis")


@pytest.mark.parametrize("name", list(READERS))
def test_reader_rejects_unknown_tzid(name: str) -> None:
    reader = require_reader(name)
    with pytest.raises(ReaderFailed, match="Nowhere/Atlantis"):
        reader(UNKNOWN_TZID_ICS)


@pytest.mark.parametrize("name", list(READERS))
@pytest.mark.parametrize("payload", [b"not a calendar", b""])
def test_reader_rejects_garbage(name: str, payload: bytes) -> None:
    reader = require_reader(name)
    with pytest.raises(ReaderFailed):
        reader(payload)


def test_icaljs_script_reads_a_path_like_stdin(fixture_bytes: bytes) -> None:
    require_reader("icaljs")
    node = harness._check_icaljs()
    proc = subprocess.run(
        [node, str(harness.ICALJS_SCRIPT), str(FIXTURE)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert json.loads(proc.stdout) == harness.read_with_icaljs(fixture_bytes)


def test_libical_script_reads_a_path_like_stdin(fixture_bytes: bytes) -> None:
    require_reader("libical")
    proc = subprocess.run(
        [harness._system_python(), "-I", str(harness.LIBICAL_SCRIPT), str(FIXTURE)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert json.loads(proc.stdout) == harness.read_with_libical(fixture_bytes)


def test_diff_readings_reports_a_shifted_instant(fixture_bytes: bytes) -> None:
    base = harness.read_with_icalendar(fixture_bytes)
    shifted = [dict(e) for e in base]
    shifted[2]["start"] = "2026-03-06T20:00:00Z"
    problems = diff_readings({"icalendar": base, "other": shifted})
    assert len(problems) == 1
    assert "ny-before-spring-2026-03-06" in problems[0]
    assert "start" in problems[0]
    with pytest.raises(AssertionError, match="readers disagree"):
        assert_readers_agree({"icalendar": base, "other": shifted})
    assert diff_readings({"a": base, "b": [dict(e) for e in base]}) == []


def test_missing_node_is_reported_with_npm_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(harness.NODE_ENV, str(tmp_path / "no-such-node"))
    with pytest.raises(ReaderUnavailable, match="npm ci --prefix tests/readers/icaljs"):
        harness.read_with_icaljs(b"")
    assert "icaljs" not in harness.available_readers()


def test_missing_node_modules_is_reported_with_npm_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(harness, "ICALJS_DIR", tmp_path)
    with pytest.raises(ReaderUnavailable, match="npm ci --prefix tests/readers/icaljs"):
        harness.read_with_icaljs(b"")


def test_missing_system_python_is_reported_with_apt_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(harness.SYSTEM_PYTHON_ENV, str(tmp_path / "no-such-python"))
    with pytest.raises(
        ReaderUnavailable, match=r"apt-get install gir1\.2-ical-3\.0 python3-gi"
    ):
        harness.read_with_libical(b"")


@pytest.mark.skipif(
    importlib.util.find_spec("gi") is not None, reason="this interpreter has gi itself"
)
def test_python_without_gi_is_reported_with_apt_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(harness.SYSTEM_PYTHON_ENV, sys.executable)
    with pytest.raises(
        ReaderUnavailable, match=r"apt-get install gir1\.2-ical-3\.0 python3-gi"
    ):
        harness.read_with_libical(b"")


def test_missing_reader_skips_locally_and_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exc = ReaderUnavailable("icaljs", "node not found")
    monkeypatch.delenv("CI", raising=False)
    assert not harness.in_ci()
    with pytest.raises(pytest.skip.Exception, match="node not found"):
        skip_or_fail(exc)
    monkeypatch.setenv("CI", "true")
    assert harness.in_ci()
    with pytest.raises(pytest.fail.Exception, match="node not found"):
        skip_or_fail(exc)
