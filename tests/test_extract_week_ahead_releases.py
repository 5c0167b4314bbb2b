"""A week-ahead story's lead that lists the week's releases without their days ("a busy week … including the
October jobs report, Q3 GDP estimate, the FOMC meeting"): one event each over the previewed week, titled by the
release, not by the sentence's empty subject ("It", "The week"). From a news portal's week ahead in corpus 14; the
article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-11-02T11:00-05:00")  # a Sunday
HEADLINE = "Jobs report, Fed meeting — what to know in the week ahead\n\n"


def rows(body: str) -> list[tuple[str, str, str, str]]:
    return [(c.category, c.start, c.end or "", c.title) for c in extract(HEADLINE + body, PUBLISHED)]


def test_releases_listed_with_commas_are_one_event_each_over_the_week() -> None:
    body = ("It is gearing up to be a busy week with market-moving events including the October jobs report, "
            "Q3 GDP estimate and a deluge of earnings announcements.\n")
    assert sorted(rows(body)) == [
        ("macro_data", "2031-11-03", "2031-11-09", "US GDP"),
        ("macro_data", "2031-11-03", "2031-11-09", "nonfarm payrolls"),
    ]


def test_an_empty_subject_does_not_title_the_event() -> None:
    [(_, start, _, title)] = rows("The week will bring the October retail sales report.\n")
    assert (start, title) == ("2031-11-03", "US retail sales")


def test_two_countries_releases_in_one_clause_are_one_event_each() -> None:
    got = rows("Both Canada and the US release their employment numbers on Friday.\n")
    assert got == [
        ("macro_data", "2031-11-07", "2031-11-07", "Canada employment numbers"),
        ("macro_data", "2031-11-07", "2031-11-07", "US employment numbers"),
    ]


def test_two_places_that_do_not_release_split_nothing() -> None:
    got = rows("China releases trade data on exports to the US and Europe on Friday.\n")
    assert [(category, start, title) for category, start, _, title in got] == [("macro_data", "2031-11-07", "China trade balance")]
