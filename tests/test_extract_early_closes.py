"""Market-hours notices: an early close ("stocks trade a short session and close early at 1 p.m. ET", "bonds
stop at 2 p.m. ET on Friday") is a market event at that instant, not a bond auction; a
full-day closure stays a day. All texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_early_closes_are_market_events_at_their_instant() -> None:
    text = ("Holiday trading hours\n\nOn Friday, November 26, exchanges trade a short session and close early at 1 p.m. ET. "
            "Bond trading is also shut on Thursday and will close at 2 p.m. ET on Friday.\n")
    got = extract(text, datetime.fromisoformat("2027-11-23T12:00:00-05:00"))
    assert [(c.start, c.category) for c in got] == [
        ("2027-11-25", "other"),
        ("2027-11-26T13:00-05:00", "other"),
        ("2027-11-26T14:00-05:00", "other"),
    ]


def test_a_close_early_on_the_eve_is_its_own_event() -> None:
    text = "Holiday trading hours\n\nExchanges close early at 1 p.m. ET on the eve of Christmas, December 24.\n"
    got = extract(text, datetime.fromisoformat("2027-11-23T12:00:00-05:00"))
    assert [(c.start, c.category) for c in got] == [("2027-12-24T13:00-05:00", "other")]
