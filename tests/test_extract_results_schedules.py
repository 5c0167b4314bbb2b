"""Results schedules flattened into "name date" rows ("Alpha Land Trust 21-May-24") under results
vocabulary, and a page's own date line under a "published on" label (issue 15, corpus 5 English
shapes 1 and 2). Each row is one earnings event on its day; the page's date names no event. The
articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.datelines import without_date_lines
from calendar_daemon.sources.extract.scheduletables import results_schedule_rows

PAGE = """Exchange Notes

Results Schedule for Index Members


PUBLISHED ON |

3 May 2024

  • Most index members keep quarterly reporting. Pelican Bank gives only a short update this time.

  • Four members have said they will release results for the quarter ended 31 March 2024 in the coming weeks.

The index follows the thirty largest companies listed on the exchange.

Four members will release their results in the coming weeks:

Name Date
Harbourfront Land Trust 21-May-24
Pelican Bank 22-May-24
Quayside Holdings  28-May-24
Riverbend Telecom 4-Jun-24

Note that Pelican Bank publishes a shorter update for its first and third quarters.
"""
PUBLISHED = datetime.fromisoformat("2024-05-03T12:00:00+08:00")


def test_each_schedule_row_is_an_earnings_event_and_the_page_date_is_none() -> None:
    got = [(c.start, c.end, c.precision, c.category) for c in extract(PAGE, PUBLISHED)]
    assert got == [
        ("2024-05-21", "2024-05-21", "date", "earnings"),
        ("2024-05-22", "2024-05-22", "date", "earnings"),
        ("2024-05-28", "2024-05-28", "date", "earnings"),
        ("2024-06-04", "2024-06-04", "date", "earnings"),
    ]


def test_rows_under_other_words_are_left_alone() -> None:
    text = "Dividend table\n\nName Ex-date\nAlpha Trust 21-May-24\nBeta Bank 22-May-24\nGamma Corp 28-May-24\n"
    assert results_schedule_rows(text) == text


def test_two_rows_are_not_a_schedule() -> None:
    text = "Results dates\nAlpha Trust 21-May-24\nBeta Bank 22-May-24\n"
    assert results_schedule_rows(text) == text


def test_rows_become_dated_results_sentences() -> None:
    text = "Earnings dates\nAlpha Trust 21-May-24\nBeta Bank 22 May 2024\nGamma Corp 3-Jun-2024\n"
    assert results_schedule_rows(text).split("\n")[1:4] == [
        "Alpha Trust reports results on 21 May 2024.",
        "Beta Bank reports results on 22 May 2024.",
        "Gamma Corp reports results on 3 June 2024.",
    ]


def test_a_date_under_a_published_label_is_blanked() -> None:
    assert without_date_lines("Posted on:\n\nMay 3, 2024\nText") == "\n\n\nText"
    assert without_date_lines("Results on\n\n3 May 2024\n") == "Results on\n\n3 May 2024\n"
