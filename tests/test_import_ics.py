""".ics import: unknown TZIDs stop the import unless the file carries their VTIMEZONE; RRULEs are expanded
over the reference horizon with one event per occurrence (``<uid>-<YYYYMMDD>``), as the reference rules are."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from calendar_daemon.sources.files import read_event_file
from tests.conftest import FIXTURES
from tests.helpers import invoke_cli

ICS = FIXTURES / "ics"


def listed(db: str) -> list[dict[str, object]]:
    result = invoke_cli("list", "--json", "--from", "2000-01-01", "--to", "2999-12-31", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("name", "tzid"), [("unknown_tzid.ics", "Mars/Olympus"), ("path_tzid.ics", "../../../etc/passwd")])
def test_unknown_tzid_stops_the_import(db_url: str, name: str, tzid: str) -> None:
    good = FIXTURES / "events.json"
    result = invoke_cli("import", str(good), str(ICS / name), db=db_url)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{ICS / name}: VEVENT 1 (UID " in result.stderr
    assert f"unknown time zone TZID='{tzid}'" in result.stderr and "no VTIMEZONE" in result.stderr
    assert listed(db_url) == []


def test_a_tzid_with_its_own_vtimezone_is_used(db_url: str) -> None:
    result = invoke_cli("import", str(ICS / "own_vtimezone.ics"), db=db_url)
    assert result.returncode == 0, result.stderr
    [event] = listed(db_url)
    assert event["uid"] == "olympus@example.com"
    # 09:00 at UTC+03:00 (the file's VTIMEZONE), not 09:00 in the default zone (Asia/Shanghai, UTC+08:00)
    start = datetime.fromisoformat(str(event["start"]))
    assert start.astimezone(UTC) == datetime(2027, 3, 10, 6, 0, tzinfo=UTC)
    assert datetime.fromisoformat(str(event["end"])) - start == timedelta(hours=1)


def test_rrule_is_expanded_over_the_window() -> None:
    window = (datetime(2026, 11, 20, tzinfo=UTC), datetime(2027, 1, 10, tzinfo=UTC))
    records = read_event_file(ICS / "recurring.ics", window=window)
    claims = {r.uid: r for r in records if r.uid.startswith("claims-")}
    assert sorted(claims) == [
        "claims-20261125@example.com",  # RDATE
        "claims-20261203@example.com", "claims-20261210@example.com", "claims-20261217@example.com",
        "claims-20261224@example.com", "claims-20261231@example.com", "claims-20270107@example.com",
    ]  # 26 Nov is an EXDATE; 31 Dec is replaced by its RECURRENCE-ID override  # fmt: skip
    # 08:30 New York wall clock in winter: 13:30 UTC
    assert claims["claims-20261203@example.com"].start_at == datetime(2026, 12, 3, 13, 30)
    assert claims["claims-20261203@example.com"].end_at == datetime(2026, 12, 3, 13, 45)
    moved = claims["claims-20261231@example.com"]
    assert moved.title == "US initial jobless claims (moved)" and moved.start_at == datetime(2026, 12, 30, 13, 30)
    month_end = sorted((r.uid, r.start_date) for r in records if r.uid.startswith("month-end-"))
    assert month_end == [("month-end-20261130@example.com", date(2026, 11, 30)),
                         ("month-end-20261231@example.com", date(2026, 12, 31))]  # fmt: skip


def test_rrule_without_a_window_is_an_error() -> None:
    with pytest.raises(Exception, match="RRULE"):
        read_event_file(ICS / "recurring.ics")


def test_import_expands_over_the_reference_horizon(db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "calendar-daemon.toml"
    config.write_text("[reference]\nhorizon_days = 21\n", encoding="utf-8")
    path = tmp_path / "daily.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:daily@example.com\r\nSUMMARY:Daily fixing\r\n"
                    "DTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    before = datetime.now(UTC).date()
    result = invoke_cli("import", str(path), config=config, db=db_url)
    after = datetime.now(UTC).date()
    assert result.returncode == 0, result.stderr
    days = sorted(str(e["start"]) for e in listed(db_url))
    assert len(days) == 21
    assert days[0] in (before.isoformat(), after.isoformat())
    again = invoke_cli("import", str(path), config=config, db=db_url)
    assert "0 new" in again.stdout  # the same occurrences keep their UIDs
