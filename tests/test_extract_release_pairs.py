"""Two releases named together in an English clause are two events, each at its own clock (corpus 7,
English): "housing starts and the consumer-price index follow tomorrow", "the Empire State manufacturing
survey at 8:30 a.m. ET and the NAHB housing market index at 10 a.m. ET"; a hyphen may join a
release's words; "nothing is scheduled for Friday" is no event. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-06-16T07:00-04:00")  # a Monday, New York summer time

ARTICLE = (
    "A quiet start to the week\n\n"
    "The Fed decision comes later in the week.\n\n"
    "Two reports are out today: the Empire State manufacturing survey at 8:30 a.m. ET and the NAHB "
    "housing market index at 10 a.m. ET.\n\n"
    "Housing starts and the consumer-price index follow tomorrow.\n\n"
    "On Thursday we get initial jobless claims and existing-home sales, while nothing is "
    "scheduled for Friday.\n"
)


def test_each_release_of_a_pair_is_an_event_at_its_own_clock() -> None:
    got = sorted((c.start, c.precision, c.release) for c in extract(ARTICLE, PUBLISHED) if c.category == "macro_data")
    assert got == [
        ("2031-06-16T08:30-04:00", "datetime", "us-empire-state"),
        ("2031-06-16T10:00-04:00", "datetime", "us-nahb"),
        ("2031-06-17", "date", "cpi"),
        ("2031-06-17", "date", "us-housing-starts"),
        ("2031-06-19", "date", "us-existing-home-sales"),
        ("2031-06-19", "date", "us-jobless-claims"),
    ]


def test_one_release_with_its_parts_stays_one() -> None:
    text = "Data preview\n\nThe ISM manufacturing PMI is due on Wednesday.\n"
    got = [c.start for c in extract(text, PUBLISHED) if c.category == "macro_data"]
    assert got == ["2031-06-18"]


def test_a_day_that_brings_two_weekly_releases() -> None:
    text = "Week ahead\n\nWednesday brings weekly mortgage applications and crude-oil inventories.\n"
    got = sorted((c.start, c.release) for c in extract(text, PUBLISHED))
    assert got == [("2031-06-18", "us-eia-crude-inventories"), ("2031-06-18", "us-mba-mortgage-applications")]
