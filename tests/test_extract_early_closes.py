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


def test_early_closes_listed_after_one_clock_each_take_it() -> None:
    """'They will close early, at 1 p.m. ET, on three occasions: A (Thursday, July 3); B (Friday, Nov. 28); and
    C (Wednesday, Dec. 24)' read in June: three early closes at 1 p.m., the December one in this year (its
    weekday says so, though last December is nearer)."""
    text = ("Holiday schedule\n\nThe exchanges will close early, at 1 p.m. ET, on three occasions: the day before "
            "Independence Day (Thursday, July 3); the day after Thanksgiving (Friday, Nov. 28); and Christmas Eve "
            "(Wednesday, Dec. 24).\n")
    got = sorted(c.start for c in extract(text, datetime.fromisoformat("2031-06-01T10:00-04:00")))
    assert got == ["2031-07-03T13:00-04:00", "2031-11-28T13:00-05:00", "2031-12-24T13:00-05:00"]


def test_bond_markets_that_close_on_named_days_are_closures() -> None:
    text = ("Holiday schedule\n\nU.S. bond markets close on all the days the stock exchanges are silent plus "
            "Columbus Day (Monday, Oct. 13) and Veterans Day (Tuesday, Nov. 11).\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-06-01T10:00-04:00"))]
    assert got == [("2031-10-13", "other"), ("2031-11-11", "other")]


def test_a_bond_markets_early_close_says_so_in_its_title() -> None:
    published = datetime.fromisoformat("2031-11-20T08:00-05:00")
    text = ("Holiday schedule\n\nSIFMA recommends a 2 p.m. ET early close for U.S. bond markets on Friday, November 28.\n\n"
            "The bond market will close early at 2 p.m. on Wednesday, December 24.\n")
    assert [c.title for c in extract(text, published)] == ["US bond market early close", "Bond market early close"]


def test_day_and_status_cells_after_bars_with_open_until_a_clock() -> None:
    """Round 22 (corpus 19 English): an exchange group's holiday table flattened one cell a line after a bar; a day
    the market is "open until 1:00 p.m." closes early at that clock. Our own text."""
    text = ("Please refer to the timetable below:\n|Exchange:\n|Date:\n|Market status:\n|Acme Exchange\n"
            "|Wednesday, December 24, 2031\n|Open until 1:00 p.m. (EST)\n|Thursday, December 25, 2031\n|Closed\n"
            "|Monday, December 29, 2031\n(In lieu of Boxing Day)\n|Closed\n")
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-11-24T09:00-05:00"))]
    assert got == [("other", "2031-12-24T13:00-05:00"), ("other", "2031-12-25"), ("other", "2031-12-29")]


def test_a_half_day_in_a_holiday_list_is_an_early_close() -> None:
    """"Wednesday, 31 December 2031 (New Year's Eve): HALF DAY" (round 25, corpus 22 English): a half day is an
    early close, as "early close" is."""
    text = ("Christmas and New Year trading hours\n\nHere are the key dates:\n"
            "- Wednesday, 24 December 2031 (Christmas Eve): HALF DAY\n- Thursday, 25 December 2031 (Christmas Day): CLOSED\n"
            "- Wednesday, 31 December 2031 (New Year's Eve): HALF DAY\n")
    got = {(c.start, c.category, c.title.endswith("early close")) for c in extract(text, datetime.fromisoformat("2031-12-20T09:00+00:00"))}
    assert {("2031-12-24", "other", True), ("2031-12-31", "other", True)} <= got
