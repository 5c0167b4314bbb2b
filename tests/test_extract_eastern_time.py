"""A clock said in "Eastern" or "Eastern time" (corpus 6, English, shape 1): "at 8:30 AM Eastern on
Tuesday" is New York time, and "10 a.m. Eastern time" does not end the sentence after "a.m.". The
sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-10T07:00+00:00")  # a Monday, published in UTC


def test_eastern_names_new_york_time() -> None:
    text = ("The agency will release February's consumer price index at 8:30 AM Eastern on Tuesday. "
            "Retail sales are due at 10 a.m. Eastern time on Thursday.")
    got = sorted((c.start, c.category) for c in extract(text, PUBLISHED))
    assert got == [("2031-03-11T08:30-04:00", "macro_data"), ("2031-03-13T10:00-04:00", "macro_data")]
