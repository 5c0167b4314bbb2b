"""A sovereign debt office's note (corpus 5, English): a gilt auction is a bond event of the UK, not of
the default region, and a fiscal watchdog's outlook is a policy event of the UK. The note is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-02-20T08:00+00:00")


def test_gilt_auction_and_fiscal_outlook_are_uk_events() -> None:
    text = (
        "Debt office note.\n"
        "The DMO will hold an auction of the 4.25% Jan-40 gilt on Tuesday 10 March.\n"
        "The OBR Economic and Fiscal Outlook is due on Wednesday 11 March.\n"
    )
    got = [(c.category, c.region, c.start, c.precision) for c in extract(text, PUBLISHED)]
    assert got == [("bond", "GB", "2031-03-10", "date"), ("policy", "GB", "2031-03-11", "date")]
