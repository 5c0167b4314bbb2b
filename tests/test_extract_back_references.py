"""A release named again by a back reference (corpus 6, English, shape 9): "… as measured by the
producer price index. That indicator will be updated Thursday." dates the producer price index on
Thursday; a reference with no release in the sentence before it dates nothing. The sentences are our
own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-10T06:00-05:00")  # a Monday


def test_that_indicator_is_the_release_named_before() -> None:
    text = ("Economists see another jump in factory-gate prices, as measured by the Producer Price Index. "
            "That indicator will be updated Thursday.")
    got = [(c.start, c.category, c.release) for c in extract(text, PUBLISHED)]
    assert got == [("2031-03-13", "macro_data", "ppi")]


def test_a_reference_to_nothing_named_dates_nothing() -> None:
    text = "Shoppers stayed cautious last month. That gauge will be watched closely on Thursday."
    assert extract(text, PUBLISHED) == []
