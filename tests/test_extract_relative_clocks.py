"""Clocks and days said relative to the moment of writing (issue 15, corpus 3 shapes 7 and 13): a
post written just after the hour says "due at the bottom of the hour"; a morning edition says "今午截止
招股" (noon today, local time); "昨日步入招股次日" (yesterday was the second day of a book-build) is a past
fact, no event. All articles are our own."""

from __future__ import annotations

from datetime import UTC, datetime

from calendar_daemon.sources.extract import extract


def test_the_bottom_of_the_hour_is_the_next_half_hour_after_the_post() -> None:
    text = (
        "Data day\n\nNorway's GDP data, due at the bottom of the hour, should point to growth.\n\nAt 1600 GMT we also hear from Norges Bank Governor Halvorsen.\n"
    )
    got = extract(text, datetime.fromisoformat("2026-03-11T09:07:00+00:00"))
    assert [(datetime.fromisoformat(c.start).astimezone(UTC), c.category, c.region) for c in got] == [
        (datetime(2026, 3, 11, 9, 30, tzinfo=UTC), "macro_data", "NO"),
        (datetime(2026, 3, 11, 16, 0, tzinfo=UTC), "central_bank", "NO"),
    ]
    assert got[1].title == "Norges Bank Governor Halvorsen speech"


def test_the_top_of_the_hour_after_a_post_written_at_half_past() -> None:
    text = "Data day\n\nSwiss retail sales are due at the top of the hour.\n"
    got = extract(text, datetime.fromisoformat("2026-03-11T07:35:00+00:00"))
    assert [(datetime.fromisoformat(c.start).astimezone(UTC), c.precision) for c in got] == [(datetime(2026, 3, 11, 8, 0, tzinfo=UTC), "datetime")]


def test_today_noon_in_a_morning_edition_is_noon_local_and_a_book_builds_second_day_is_no_event() -> None:
    text = "新股消息\n\n【本報訊】原定今午截止招股的青禾科技（9981）今日或延期。昨日步入招股次日的藍灣物流（9982）暫獲孖展超購12倍。\n"
    got = extract(text, datetime.fromisoformat("2026-03-11T06:00+08:00"))
    assert [(c.start, c.precision, c.category) for c in got] == [("2026-03-11T12:00+08:00", "datetime", "ipo")]
    assert got[0].title == "青禾科技截止招股"


def test_the_event_named_right_after_the_clock_titles_it() -> None:
    text = "新股消息\n\n原定今午截止招股、下周一掛牌的青禾科技（9981）或延遲上市。\n"
    got = extract(text, datetime.fromisoformat("2026-03-11T06:00+08:00"))
    assert [(c.start, c.title) for c in got] == [("2026-03-11T12:00+08:00", "青禾科技截止招股"), ("2026-03-16", "青禾科技上市")]


def test_tomorrow_noon() -> None:
    text = "新股消息\n\n青禾科技（9981）將於明午截止招股。\n"
    got = extract(text, datetime.fromisoformat("2026-03-11T06:00+08:00"))
    assert [(c.start, c.category) for c in got] == [("2026-03-12T12:00+08:00", "ipo")]
