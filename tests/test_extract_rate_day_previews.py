"""A rate-decision day's preview: "The decision is due at 7.00am ET." after a sentence about a bank's
meeting, "Thirty minutes later, <another bank> …" (minutes in words), two releases joined by "as well as", and a
statistics office "scheduled to release" figures. Article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-05-08T01:00-04:00")  # a Thursday

PREVIEW = """Thursday, two central banks decide on rates.

Ruritania's central bank ends a two-day meeting and should leave its key rate alone. The decision is due at 7.30am ET.

Thirty minutes later, Freedonia's central bank is tipped to announce its decision to cut.

At 3.00am ET, Freedonia's trade balance as well as industrial production, both for April, are due.

At 2.00am ET, Statistics Canada is scheduled to release its monthly numbers.
"""


def _got() -> list[tuple[str, str]]:
    return sorted((c.start, c.category) for c in extract(PREVIEW, PUBLISHED))


def test_the_decision_due_after_a_banks_meeting_is_the_banks_and_the_next_is_30_minutes_later() -> None:
    got = _got()
    assert ("2031-05-08T07:30-04:00", "central_bank") in got
    assert ("2031-05-08T12:00+00:00", "central_bank") in got  # 8.00 ET, written out in GMT


def test_releases_joined_by_as_well_as_are_two_and_a_statistics_office_release_is_data() -> None:
    got = _got()
    assert got.count(("2031-05-08T03:00-04:00", "macro_data")) == 2
    assert ("2031-05-08T02:00-04:00", "macro_data") in got
