"""A counted list of deals after a colon (corpus 6, English, shape 7): "four companies are expected to
price this week: A, B, C and D" is one listing event per company in the week; a list that names fewer
companies than it counts stays one event. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-06-17T12:00-04:00")  # a Tuesday


def test_each_counted_deal_is_an_ipo_of_the_week() -> None:
    text = ("The new-issue market stays busy. According to a research firm, four companies are expected to price "
            "this week: Acme Bio, Delta Power, Lyra Mining and Orion Health Systems.")
    got = sorted((c.title, c.start, c.end, c.precision, c.category) for c in extract(text, PUBLISHED))
    assert got == [(f"{name} IPO", "2031-06-16", "2031-06-22", "week", "ipo")
                   for name in ("Acme Bio", "Delta Power", "Lyra Mining", "Orion Health Systems")]


def test_a_list_that_does_not_add_up_stays_one_event() -> None:
    text = "Three companies are expected to price this week: Acme Bio and Delta Power."
    got = [c.category for c in extract(text, PUBLISHED)]
    assert got == ["ipo"]


def test_tickers_in_the_list_are_no_part_of_the_names() -> None:
    text = "Three IPOs are scheduled to price this week: Acme Bio (ACME), Delta Power (DPWR) and Lyra Mining (LYRA)."
    got = sorted(c.title for c in extract(text, PUBLISHED))
    assert got == ["Acme Bio IPO", "Delta Power IPO", "Lyra Mining IPO"]
