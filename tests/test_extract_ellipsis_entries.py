"""A weekly calendar whose day paragraphs run several items together, parted by ellipses, each with
its clock at the end and no zone ("Tuesday: The agency reports retail sales at 8:30 a.m. ... The board
meets at 10 a.m.") (corpus 6, English, shapes 1 and 2): every item is an event of that day at its own
clock in the article's zone; an agency's "reports" is a data release, not a company's results; a
congressional hearing and a regulator's board meeting are policy. The calendar is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-06-02T07:00-04:00")  # a Monday, New York

TEXT = (
    "Monday: The Commerce Department releases its construction spending report for April at 10 a.m.\n\n"
    "Tuesday: The Labor Department reports May producer prices at 8:30 a.m. ... The FDIC holds a board meeting "
    "on deposit insurance at 10 a.m. ... The Senate Banking Committee will hold a hearing on payment apps at 2:30 p.m.\n\n"
    "WEDNESDAY: The Federal Reserve announces its rate decision at 2 p.m. \u2026 The Census Bureau "
    "reports April business inventories at 10 a.m.\n"
)


def test_each_item_is_an_event_at_its_own_clock() -> None:
    got = sorted((c.start, c.category, c.precision) for c in extract(TEXT, PUBLISHED))
    assert got == [
        ("2031-06-02T10:00-04:00", "macro_data", "datetime"),
        ("2031-06-03T08:30-04:00", "macro_data", "datetime"),
        ("2031-06-03T10:00-04:00", "policy", "datetime"),
        ("2031-06-03T14:30-04:00", "policy", "datetime"),
        ("2031-06-04T10:00-04:00", "macro_data", "datetime"),
        ("2031-06-04T14:00-04:00", "central_bank", "datetime"),
    ]


def test_a_clock_needs_its_day_first_and_stands_alone() -> None:
    # two clocks in one sentence: neither is taken for the day
    text = "Thursday: The agency reports jobless claims at 8:30 a.m. after a briefing at 8 a.m.\n"
    got = [(c.start, c.precision) for c in extract(text, PUBLISHED)]
    assert got and all(p == "date" for _, p in got)


def test_a_hyphenated_quarter_describes_the_item() -> None:
    text = "Thursday: The bankers' third-quarter outlook briefing is scheduled for 2 p.m.\n"
    got = [(c.start, c.category) for c in extract(text, PUBLISHED)]
    assert got == [("2031-06-05T14:00-04:00", "conference")]


def test_long_semicolon_parts_of_an_entry_are_its_items() -> None:
    text = ("FRIDAY: The Commerce Department releases two reports: new home sales for May and durable goods orders; "
            "and its final estimate of first-quarter gross domestic product, revised for the last time.\n")
    got = sorted((c.start, c.category, c.release) for c in extract(text, PUBLISHED))
    assert [(day, cat) for day, cat, _ in got] == [("2031-06-06", "macro_data")] * 3
    assert "gdp" in {release for _, _, release in got}


def test_two_hearings_of_one_hour_stay_two() -> None:
    text = ("The week in Washington\n\n"
            "Thursday: The Senate Banking Committee holds a hearing on deposit insurance at 2 p.m. ... "
            "The House Financial Services Committee will hold a hearing on card fees at 2 p.m.\n")
    got = sorted((c.start, c.category, c.title) for c in extract(text, PUBLISHED))
    assert [(s, cat) for s, cat, _ in got] == [("2031-06-05T14:00-04:00", "policy")] * 2
    assert {title for _, _, title in got} == {"House Financial Services Committee hearing", "Senate Banking Committee hearing"}


def test_a_bracketed_or_trailing_clock_times_the_entry() -> None:
    for text in ("Week ahead\n\nTuesday: Consumer credit (3 p.m.)\n", "Week ahead\n\nTuesday: Consumer credit, 3 p.m.\n"):
        got = [(c.start, c.category) for c in extract(text, PUBLISHED)]
        assert got == [("2031-06-03T15:00-04:00", "macro_data")], text
