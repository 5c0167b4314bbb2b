"""English central-bank previews (issue 15, corpus 2 shapes 4 and 16): a clock given in two zones
("1315 GMT / 0815 US Eastern", "(8:15am New York, 1:15pm London)"), a press conference "half an
hour later", a page written on the day that names no day, and a stored page's own date line.
All sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2026-12-14T06:00-05:00")


def found(text: str, published: datetime = PUBLISHED) -> list[tuple[str, str, str, str]]:
    return [(c.start, c.category, c.region, c.title) for c in extract(text, published)]


def test_a_four_digit_clock_in_gmt_paired_with_new_york_time_and_a_relative_press_conference() -> None:
    text = ("ECB preview: a hold is expected\n\nThe ECB will announce its rate decision on Thursday, "
            "December 17, at 1315 GMT / 0815 US Eastern.\nThe press conference follows half an hour later.\n")
    assert found(text) == [("2026-12-17T13:15+00:00", "central_bank", "EU", "ECB rate decision"),
                           ("2026-12-17T13:45+00:00", "central_bank", "EU", "ECB conference")]


def test_a_page_of_the_day_itself_dates_a_zoned_clock_on_the_publication_day() -> None:
    text = ("Bank of England day\n\nThe Bank of England rate decision is due (7:00am New York, "
            "12:00pm London), economists say.\nGovernor Bailey's press conference is 30 minutes later.\n")
    got = found(text, datetime.fromisoformat("2026-12-17T05:00-05:00"))
    assert [(s, c, r) for s, c, r, _ in got] == [("2026-12-17T07:00-05:00", "central_bank", "GB"),
                                                 ("2026-12-17T12:30+00:00", "central_bank", "GB")]


def test_an_undated_clock_in_a_week_ahead_preview_is_not_put_on_the_publication_day() -> None:
    text = "The week ahead\n\nThe Bank of England rate decision is due at 12:00pm London.\n"
    got = found(text, datetime.fromisoformat("2026-12-11T09:00-05:00"))
    assert got and all(not s.startswith("2026-12-11") for s, *_ in got), got


def test_a_year_before_a_city_name_is_no_clock() -> None:
    text = "ECB preview\n\nSince 2019 London has hosted the forum; the ECB rate decision is on Thursday, December 17.\n"
    assert [(s, c) for s, c, *_ in found(text)] == [("2026-12-17", "central_bank")]


def test_a_stored_pages_date_line_is_no_event() -> None:
    text = ("date 2026-12-14 The European Central Bank publishes its policy statement on Thursday 17 December at 1315 GMT\n\n"
            "no change is widely expected\n")
    assert [s for s, *_ in found(text)] == ["2026-12-17T13:15+00:00"]


def test_a_zoned_clock_with_no_day_is_on_the_day_the_sentence_before_named() -> None:
    text = ("Markets diary\n\nThe highlight comes on Wednesday, when the Fed's policy committee wraps up its "
            "meeting. A rate decision is due at 2 p.m. ET.\n")
    assert ("2026-12-16T14:00-05:00", "central_bank") in [(s, c) for s, c, *_ in found(text)]


def test_this_week_in_a_preview_written_at_the_weekend_is_the_coming_week() -> None:
    text = "The week ahead\n\nRetail sales and the jobs report will keep investors busy this week.\n"
    got = found(text, datetime.fromisoformat("2026-12-13T09:00-05:00"))  # a Sunday
    assert {s for s, *_ in got} == {"2026-12-14"}, got
