"""A week ahead written as prose under bare weekday headings (issue 15, round 20): every sentence of a heading's
paragraph that opens with its clock ("At 7:00 AM, mortgage demand data from last week.", "At Noon, the weekly
mortgage rate will be released.") is on the heading's day at that clock; last week's data in it is what is
released, not another day. The post is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

POST = ("Central bank week\n\nWednesday\n\nThe day starts at 2:00 AM with consumer price data from the UK, seen at 9.1%. "
        "At 7:00 AM, mortgage applications data from last week.\n\nThursday\n\nAt 8:30 AM, retail sales are expected to "
        "fall 0.2% in May. At Noon, the weekly mortgage rate survey will be released.\n")


def test_each_clock_of_a_heading_paragraph_is_on_the_headings_day() -> None:
    got = [(c.start, c.category) for c in extract(POST, datetime.fromisoformat("2031-06-01T12:00-04:00"))]  # a Sunday
    assert sorted(got) == [("2031-06-04T02:00-04:00", "macro_data"), ("2031-06-04T07:00-04:00", "macro_data"),
                           ("2031-06-05T08:30-04:00", "macro_data"), ("2031-06-05T12:00-04:00", "macro_data")]


def test_each_long_sentence_saying_who_releases_what_is_an_item_of_its_day() -> None:
    """Round 25 (corpus 21 English): under "Tuesday, June 10" every paragraph says who releases what, some of them
    at length; a long one does not end the day's list as prose would."""
    text = ("Economic calendar June 9-13: main events\n\nHave a look at the most important events for markets in the upcoming week.\n\n"
            "Tuesday, June 10\n\nThe Reserve Bank of Australia is to release the minutes of its latest monetary policy meeting, "
            "giving investors insight into how officials view the economy.\n\n"
            "The U.S. is expected to issue data on housing starts and building permits, a gauge of activity in the building sector.\n\n"
            "Wednesday, June 11\n\nCanada is to publish a report on wholesale sales, which measures the value of sales at the wholesale level.\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-06-09T10:00-04:00"))]
    assert got == [("2031-06-10", "central_bank"), ("2031-06-10", "macro_data"), ("2031-06-11", "macro_data")]
