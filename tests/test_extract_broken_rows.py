"""A "|" table whose cells hold line breaks (issue 15, round 19, corpus 16): an exchange's holiday table
exported with each row's status and its "weeks from now" note on lines of their own. Each row is read
whole: its date with its status. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.brokenrows import join_broken_rows

PUBLISHED = datetime.fromisoformat("2031-03-20T10:00+08:00")
TABLE = (
    "Example Exchange holidays 2031\n"
    "Holiday | Date | Status |\n"
    "---|---|---|\n"
    "Good Friday | Friday, April 11, 2031 |\n"
    "Closed\n"
    "3 weeks from now |\n"
    "Vesak Day | Wednesday, May 28, 2031 |\n"
    "Closed\n"
    "2 months from now |\n"
)


def test_each_broken_row_is_a_closure_on_its_day() -> None:
    got = sorted((c.category, c.start) for c in extract(TABLE, PUBLISHED))
    assert got == [("other", "2031-04-11"), ("other", "2031-05-28")]


def test_the_pieces_of_a_row_are_joined_into_one_line() -> None:
    lines = join_broken_rows(TABLE).split("\n")
    assert "Good Friday | Friday, April 11, 2031 | Closed 3 weeks from now |" in lines
    assert len(lines) == 6  # the title, the header, its rule, two rows and the final newline


def test_a_row_that_never_makes_up_the_header_width_is_left_as_it_is() -> None:
    text = "Holiday | Date | Status |\n---|---|---|\nGood Friday | Friday, April 11, 2031 |\n\nA paragraph after the table.\n"
    assert join_broken_rows(text) == text


def test_a_table_whose_rows_are_whole_is_unchanged() -> None:
    text = "| Day | Event |\n|---|---|\n| Monday | Closed |\n| Tuesday | Open |\n"
    assert join_broken_rows(text) == text


def test_trading_hours_on_a_holiday_are_an_early_close() -> None:
    text = TABLE + "Christmas Eve | Wednesday, December 24, 2031 |\nOpen, 9:00am - 12:00pm\n9 months from now |\n"
    got = [(c.category, c.start) for c in extract(text, PUBLISHED) if c.start.startswith("2031-12-24")]
    assert got == [("other", "2031-12-24T12:00+08:00")]
