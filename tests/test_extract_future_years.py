"""A year-less date said to come is next year's when this year's is long gone (issue 15, round 23): written in early
January, "the fourth meeting will be held from July 23 to 26" is this coming July, not last July (half a year
gone); said of the past, or close to publication, the nearest occurrence stands. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

JANUARY = datetime.fromisoformat("2031-01-03T12:00+00:00")


def spans(text: str, published: datetime = JANUARY) -> list[tuple[str, str | None]]:
    return sorted((c.start[:10], c.end) for c in extract(text, published))


def test_a_future_meeting_in_july_written_in_january_is_this_july() -> None:
    text = "Ruritania central bank schedule\n\nThe fourth policy meeting will be held from July 23 to 26.\n"
    assert spans(text) == [("2031-07-23", "2031-07-26")]


def test_a_future_chinese_meeting_in_july_written_in_january_is_this_july() -> None:
    text = "某国央行公布会议安排\n\n该行第四次议息会议将于7月23日至25日举行。\n"
    assert spans(text, datetime.fromisoformat("2031-01-03T12:00+08:00")) == [("2031-07-23", "2031-07-25")]


def test_a_past_july_meeting_stays_past() -> None:
    text = "Ruritania central bank review\n\nThe fourth policy meeting was held from July 23 to 26 and will be reviewed.\n"
    assert spans(text) == []


def test_a_recent_date_with_a_future_word_keeps_its_nearest_year() -> None:
    # December 20 is two weeks back: not "long gone", so not moved to next December
    text = "Ruritania central bank review\n\nThe rate decision of December 20 will take effect on January 9.\n"
    assert ("2031-12-20", "2031-12-20") not in spans(text)


def test_a_clause_naming_the_next_year_puts_its_day_in_that_year() -> None:
    # written on 2 January: the nearest November 20 is six weeks back, but the clause says 2031
    text = ("Ruritania central bank schedule\n\nThe last policy meeting for 2031 is from November 20 to 22nd and ends "
            "with a decision.\n")
    assert spans(text, datetime.fromisoformat("2031-01-02T12:00+00:00")) == [("2031-11-20", "2031-11-22")]
