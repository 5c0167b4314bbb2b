"""A release named twice on one day (corpus 6, English, shape 6): a section heading "Tuesday's main
event: March CPI" and the sentence under it, "The Bureau of Labor Statistics releases the consumer
price index at 8:30 AM ET on Tuesday, a reading the Federal Reserve will study", are one release, the
timed mention, although only the second names someone. The text is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_an_unnamed_mention_folds_into_the_timed_one() -> None:
    published = datetime.fromisoformat("2031-04-07T06:00-04:00")  # a Monday
    text = ("Markets brace for a busy week\n\n"
            "Tuesday's main event: March CPI\n"
            "The Bureau of Labor Statistics releases the consumer price index at 8:30 AM ET on Tuesday, "
            "a reading the Federal Reserve will study closely.\n")
    got = [(c.start, c.category, c.precision) for c in extract(text, published)]
    assert got == [("2031-04-08T08:30-04:00", "macro_data", "datetime")]
