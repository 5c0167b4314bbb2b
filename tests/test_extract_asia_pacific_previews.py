"""Australian previews: a "THE WEEK AHEAD" title in capitals under a logo line, a decision "due at 1430
AEST", and a business diary whose item carries its own clock but not its day ("(1430 AEST)"). And a
morning preview's linked releases: "releases GDP, industrial output and orders for the quarter" is two
releases; "survey results" are data, not company results; a commission's economic forecast is data.
Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

WEEK = """SomePortal

THE WEEK AHEAD

The Reserve Bank will decide on the cash rate, while a big bank reports its half-year earnings.

Tuesday will see the board meet in Sydney. The cash rate decision is due at 1430 AEST on Tuesday.

On Friday the Reserve Bank is due to put out its quarterly policy statement.
"""


def test_a_capitalised_week_ahead_title_and_an_aest_clock() -> None:
    got = sorted((c.start, c.category) for c in extract(WEEK, datetime.fromisoformat("2031-05-02T09:00+10:00")))  # a Friday
    assert ("2031-05-06T14:30+10:00", "central_bank") in got
    assert ("2031-05-09", "central_bank") in got  # the Friday of the previewed week, not the publication day


DIARY = """Business calendar May 5-9

TUESDAY, May 6

Sydney - Reserve Bank board meets, rate decision (1430 AEST)

WEDNESDAY, May 7

Sydney - Southern Cross Bank first half results
"""


def test_an_items_own_clock_keeps_the_day_of_its_heading() -> None:
    got = sorted((c.start, c.category) for c in extract(DIARY, datetime.fromisoformat("2031-05-01T09:00+10:00")))
    assert got == [("2031-05-06T14:30+10:00", "central_bank"), ("2031-05-07", "earnings")]


MORNING = """European Economics Preview

At 3.30 am ET, the Ruritanian statistics office releases flash GDP, industrial output and orders data for the quarter.
In the meantime, the Purchasing Managers' survey results for Freedonia's builders are due.

At 5.00 am ET, the regional commission is scheduled to put out its winter economic forecast.
"""


def test_a_morning_previews_releases_are_data_one_each() -> None:
    got = sorted((c.start, c.category) for c in extract(MORNING, datetime.fromisoformat("2031-11-06T01:00-05:00")))
    # GDP, and "industrial output and orders data": one release of both, as the office publishes them
    assert got.count(("2031-11-06T03:30-05:00", "macro_data")) == 2
    assert ("2031-11-06T08:30+00:00", "macro_data") in got  # the PMI "in the meantime": 3.30 ET
    assert ("2031-11-06T05:00-05:00", "macro_data") in got
    assert [c for c in got if c[1] == "earnings"] == []
