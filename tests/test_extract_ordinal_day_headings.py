"""Day headings that give the weekday and the day of the month without the month ("Tuesday 9th"), with each
item's clock on a line of its own above it and a paragraph of explanation after it (issue 15, a US session
calendar of corpus 14). The article in tests/data/articles/ is our own, written in that shape."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import extract

ARTICLES = Path(__file__).parent / "data" / "articles"
PUBLISHED = datetime.fromisoformat("2031-09-07T12:00-04:00")  # Sunday


def rows(text: str) -> list[tuple[str, str, str, str]]:
    return [(c.category, c.region, c.start, c.title) for c in extract(text, PUBLISHED)]


def test_every_item_takes_its_heading_day_and_the_clock_above_it() -> None:
    text = (ARTICLES / "en_ordinal_day_clock_lines.txt").read_text(encoding="utf-8")
    assert rows(text) == [
        ("macro_data", "US", "2031-09-09T10:00-04:00", "wholesale inventories"),
        ("macro_data", "US", "2031-09-10T08:30-04:00", "import prices"),
        ("central_bank", "CA", "2031-09-10T10:00-04:00", "Bank of Canada policy decision"),
    ]


def test_a_day_of_the_month_that_is_not_the_coming_weekday_makes_no_heading() -> None:
    """The coming Tuesday is the 9th: "Tuesday 16th" names another week, and its items are not put on the 9th."""
    text = "Tuesday 16th\n10:00 AM ET\nUS Wholesale Inventories\n"
    assert all(not start.startswith("2031-09-09") for _, _, start, _ in rows(text))


def test_a_weekday_and_its_date_joined_by_a_dash_head_the_rows_below() -> None:
    """"Monday – Sept 22nd": the weekday and the date name one day, so the line is a heading like "Monday, Sept 22nd",
    not a span from Monday to the 22nd (round 21: the rows of every later day were put on the first)."""
    text = ("The Week Ahead – 9.21.2031\n\nMonday – Sept 8th\n\n  • 10:00 AM — Existing Home Sales\n\n"
            "Tuesday – Sept 9th\n\n  • 10:00 AM — New Home Sales\n  • 8:30 AM — Initial Jobless Claims\n")
    assert sorted(start for _, _, start, _ in rows(text)) == [
        "2031-09-08T10:00-04:00", "2031-09-09T08:30-04:00", "2031-09-09T10:00-04:00"]


def test_a_weekday_dashed_to_another_day_is_still_a_span() -> None:
    """The coming Monday is the 8th: "Monday – Sept 12th" runs from the 8th to the 12th."""
    text = "Acme IPO\n\nAcme Group takes IPO subscriptions Monday – Sept 12th.\n"
    assert [(c.start, c.end) for c in extract(text, PUBLISHED)] == [("2031-09-08", "2031-09-12")]
