"""A clock with no date that has already passed when the article is written, in a sentence that looks ahead
(issue 15, corpus 13 English): "the governor's press conference later (0630 GMT)", posted at 22:00 GMT, is at
06:30 GMT the next day, not sixteen hours in the past. The post is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

POST = ("Asia session ahead\n\nThe central bank of Ruritania may warn of risks. If not in its statement then surely at "
        "the Bank of Japan Governor's press conference later (0630 GMT).\n")


def test_a_clock_already_past_in_a_sentence_that_looks_ahead_is_the_next_days() -> None:
    got = [c.start for c in extract(POST, datetime.fromisoformat("2031-03-17T22:00+00:00"))]
    assert got == ["2031-03-18T06:30+00:00"]


def test_a_clock_still_ahead_stays_on_the_publication_day() -> None:
    got = [c.start for c in extract(POST, datetime.fromisoformat("2031-03-17T04:00+00:00"))]
    assert got == ["2031-03-17T06:30+00:00"]
