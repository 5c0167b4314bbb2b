"""A UK company diary (corpus 6, English, shape 3): "Weekday D Month" headings, each over section words
("Trading statements", "AGM/EGM") with a line of company names under each, and a sentence on shares
that go ex-dividend. Trading statements are results, AGMs/EGMs and ex-dividend days corporate events;
a long line of names is list content under the day, not prose that ends it. The diary is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-09-19T17:00+01:00")  # a Friday, London

TEXT = (
    "The week ahead: results from the smaller end of the market\n\n"
    "Monday 22 September\n\n"
    "Trading statements\n\n"
    "Amberley Foods\n\n"
    "AGM/EGM\n\n"
    "Brook Mining, Calder Logistics, Dunmore Energy\n\n"
    "Tuesday 23 September\n\n"
    "Trading statements\n\n"
    "Eskdale Homes, Fenwick Retail Group, Garston Pharma, Holt & Pryce, Ibstock Tools, Jarrow Software\n\n"
    "AGM/EGM\n\n"
    "Kelso Capital, Lomond Water\n\n"
    "Wednesday 24 September\n\n"
    "Morven Utilities and Nairn Telecom shares go ex-dividend\n"
)


def test_each_section_of_each_day_is_an_event() -> None:
    got = sorted((c.start, c.category) for c in extract(TEXT, PUBLISHED) if c.precision == "date")
    assert got == [
        ("2031-09-22", "corporate"), ("2031-09-22", "earnings"),
        ("2031-09-23", "corporate"), ("2031-09-23", "earnings"),
        ("2031-09-24", "corporate"),
    ]


def test_interims_are_results_and_a_short_quarter_s_trading_update_is_a_company_event_of_its_day() -> None:
    """"Q3 trading update" is no third quarter; a trading update is a company's statement, not its results (round 21:
    trading updates are corporate events, as every labelled corpus has them)."""
    text = ("Diary\n\nMonday 22 September\n\nInterims\n\nAmberley Foods, Brook Mining\n\n"
            "Tuesday 23 September\n\nQ3 trading update\n\nCalder Logistics\n")
    got = sorted((c.start, c.precision, c.category) for c in extract(text, PUBLISHED))
    assert got == [("2031-09-22", "date", "earnings"), ("2031-09-23", "date", "corporate")]
