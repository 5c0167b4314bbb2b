"""A market closure named by its holiday alone (issue 15, corpus 9 English): the holiday's next day is the
closure's day; a sentence that dates the closure itself, or says nothing of a closure, is left as written.
The articles are our own."""

from __future__ import annotations

from datetime import date, datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.namedholidays import named_holidays

APRIL = datetime.fromisoformat("2031-04-05T10:00+10:00")  # Easter Sunday 2031 is 13 April


def closures(body: str) -> list[tuple[str, str]]:
    text = f"Week ahead\n\nNext week Ruritania enjoys a four-day week.\n{body}\n"
    return [(c.start, c.category) for c in extract(text, APRIL)]


def test_a_closure_for_good_friday_is_on_good_friday() -> None:
    assert closures("All western markets are closed for Good Friday.") == [("2031-04-11", "other")]


def test_a_holiday_rule_counts_from_just_before_publication() -> None:
    today = date(2031, 11, 28)
    assert "(November 27, 2031)" in named_holidays("Markets were closed for Thanksgiving.", today)
    assert "(December 25, 2031)" in named_holidays("Markets are closed on Christmas Day.", today)
    assert "(May 26, 2031)" in named_holidays("Markets close for Memorial Day.", date(2031, 5, 1))


def test_a_dated_closure_or_a_holiday_without_one_is_left_alone() -> None:
    assert named_holidays("Markets are closed Friday for Good Friday.", date(2031, 4, 5)).endswith("Good Friday.")
    assert named_holidays("Shops expect record sales over Thanksgiving.", date(2031, 11, 1)).endswith("Thanksgiving.")
