"""A week-ahead list whose items carry their dash against the first word ("-Ruritanian election",
"-0800: …", issue 15, corpus 13 English): each item is a bullet of the day heading above it, as with
"- ". The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import normalize

PAGE = """The Week Ahead: Ruritanian jobs data; a provincial election
Monday, March 3
-Central bank deputy governor delivers speech in Strelsau
-Provincial election in the north
Thursday, March 6
-Notable data: housing starts, retail sales
-0800: Finance minister delivers speech at the chamber of commerce
"""


def test_items_with_the_dash_against_the_word_are_read_under_their_day() -> None:
    got = sorted((c.start[:10], c.category) for c in extract(PAGE, datetime.fromisoformat("2031-02-28T17:00-05:00")))
    assert got == [("2031-03-03", "central_bank"), ("2031-03-03", "other"),
                   ("2031-03-06", "macro_data"), ("2031-03-06", "macro_data"), ("2031-03-06", "other")]


def test_a_leading_minus_sign_before_a_number_stays_a_minus_sign() -> None:
    assert normalize("-0.5% in March\n-12 points") == "-0.5% in March\n-12 points"
    assert normalize("-Item\n -0800: Speech") == "- Item\n - 0800: Speech"
