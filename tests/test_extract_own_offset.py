"""The weekday frame of an article is taken in the publication's own offset: an Australian preview out
on Monday 07:00 (+10:00) is written on Monday, though New York (the default English zone) is still on
Sunday, so its "this week" and "Tuesday" are that Monday's week. All texts are our own."""

from __future__ import annotations

from datetime import date, datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.compose import anchor_for, resolve_expression


def test_today_is_the_publications_own_day() -> None:
    monday_sydney = datetime.fromisoformat("2026-03-09T07:00:00+10:00")  # Sunday 2026-03-08 in New York
    assert anchor_for(monday_sydney, "America/New_York").today == date(2026, 3, 9)
    got = resolve_expression("this week", monday_sydney, "America/New_York")
    assert got is not None and (got.first_day(), got.last_day()) == (date(2026, 3, 9), date(2026, 3, 15))


def test_a_utc_stamp_says_nothing_about_the_place_and_keeps_the_zone() -> None:
    late_sunday_utc = datetime.fromisoformat("2026-03-09T02:00:00+00:00")  # Sunday 22:00 in New York
    assert anchor_for(late_sunday_utc, "America/New_York").today == date(2026, 3, 8)


def test_the_week_ahead_on_a_monday_is_the_week_that_starts_that_day() -> None:
    got = resolve_expression("the week ahead", datetime.fromisoformat("2026-03-09T06:00:00+10:00"), "America/New_York")
    assert got is not None and got.first_day() == date(2026, 3, 9)


def test_a_monday_morning_preview_dates_its_weekdays_in_that_week() -> None:
    text = ("Rates week: what to watch\n\nThe Reserve Bank of Australia will announce its cash rate decision on "
            "Tuesday.\n")
    got = extract(text, datetime.fromisoformat("2026-03-09T07:00:00+10:00"))
    assert [(c.start[:10], c.category) for c in got] == [("2026-03-10", "central_bank")]
