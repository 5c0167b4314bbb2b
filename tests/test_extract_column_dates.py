"""A schedule table whose header names, per column, what its dates are the days of ("No. | Date of MPB Meeting | Date
of Announcement |"): each date cell is that column's event on that day; a date noted as the old one beside a new
one ("(Previously scheduled for 27th May 2031)") is no event; under a headline about a policy board, the meetings
and announcements are central-bank events (issue 15, round 21: corpus 18, a central bank's advance calendar). The
page is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = """Monetary Policy Board (MPB) Meetings and Advance Release Calendar in 2031
Announcement No. | Date of MPB Meeting | Date of Announcement |
1 | Tuesday, 28th January 2031 | Wednesday, 29th January 2031 |
3 | Wednesday, 21st May 2031 (Previously scheduled for 27th May 2031)* | Thursday, 22nd May 2031 (Previously scheduled for 28th May 2031)* |
4 | Tuesday, 22nd July 2031 | Wednesday, 23rd July 2031 |
*Change of date was announced on 15 May 2031
"""


def rows() -> list[tuple[str, str, str]]:
    return sorted((c.start, c.category, c.title) for c in extract(PAGE, datetime.fromisoformat("2031-05-16T10:00+05:30")))


def test_each_date_cell_is_its_column_s_event() -> None:
    assert [(start, title) for start, _, title in rows()] == [
        ("2031-05-21", "MPB Meeting"), ("2031-05-22", "Announcement"), ("2031-07-22", "MPB Meeting"), ("2031-07-23", "Announcement")]


def test_a_policy_board_s_meetings_and_announcements_are_central_bank_events() -> None:
    assert {category for _, category, _ in rows()} == {"central_bank"}


def test_a_date_noted_as_the_old_one_is_no_event() -> None:
    assert not any(start in ("2031-05-27", "2031-05-28") for start, _, _ in rows())


def test_the_first_half_of_a_day_is_no_half_year() -> None:
    text = "RBI policy week\n\nThe central bank will typically announce its decision in the first half of the day after the meeting.\n"
    assert all(c.precision != "half" for c in extract(text, datetime.fromisoformat("2031-05-16T10:00+05:30")))
