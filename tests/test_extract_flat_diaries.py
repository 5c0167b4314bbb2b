"""A week's diary flattened into one paragraph ("Monday June 9 07:00: ONS: … 16:00: … Tuesday June 10 07:00: …"), with
the author's byline stamp in front and "the week beginning June 9" as its frame (issue 15, a regional paper's City
diary in corpus 14). The texts are our own, written in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.compose import find_times
from calendar_daemon.sources.extract.timematch import Anchor

PUBLISHED = datetime.fromisoformat("2031-06-08T17:00+01:00")  # a Sunday, British Summer Time

DIARY = (
    "City diary for the week beginning June 9 By Jane Roe June 8, 2031, 5:00 pm The following events are due in the "
    "week beginning June 9: Monday June 9 07:00: ONS: GDP monthly estimate for April. 16:00: Treasury committee: "
    "evidence on bank lending. Tuesday June 10 07:00: Finals: Acme Foods, Bolt Group. 07:00: Trading update: Crane "
    "Homes. Wednesday June 11 07:00: Interims: Delta Mining. 12:00: Bank of England interest rate decision.\n"
)


def test_each_day_of_a_flattened_diary_dates_its_items_with_their_clocks() -> None:
    got = [(c.category, c.start, c.title) for c in extract(DIARY, PUBLISHED)]
    assert got == [
        ("macro_data", "2031-06-09T07:00+01:00", "ONS GDP monthly estimate for April"),
        ("corporate", "2031-06-10T07:00+01:00", "Crane Homes trading update"),
        ("earnings", "2031-06-10T07:00+01:00", "Acme Foods, Bolt Group final results"),
        ("earnings", "2031-06-11T07:00+01:00", "Delta Mining interim results"),
        ("central_bank", "2031-06-11T12:00+01:00", "Bank of England interest rate decision"),
    ]


def test_the_byline_stamp_is_no_event() -> None:
    text = "Week ahead By Jane Roe June 8, 2031, 5:00 pm Acme Foods will publish annual results on Tuesday.\n"
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("earnings", "2031-06-10")]


def test_one_diary_line_is_left_as_it_is() -> None:
    """A single day opener in prose is no flattened diary: nothing is split, the sentence keeps its clock."""
    text = "Looking ahead, on Monday June 9 07:00: the ONS publishes its GDP monthly estimate for April.\n"
    assert [(c.category, c.start) for c in extract(text, PUBLISHED)] == [("macro_data", "2031-06-09T07:00+01:00")]


def test_a_week_named_from_its_first_day_is_a_week() -> None:
    anchor = Anchor(PUBLISHED, "Europe/London")
    for text in ("the week beginning June 9", "week commencing 9 June", "the week of June 9", "Schedule for Week of June 8"):
        [tm] = find_times(text, anchor)
        assert (tm.resolved.precision, str(tm.resolved.start), str(tm.resolved.end)) == ("week", "2031-06-09", "2031-06-15"), text
