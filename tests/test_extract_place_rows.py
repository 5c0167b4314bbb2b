"""A business diary whose rows open with the city where the item happens ("Sydney - <item>"), under
weekday headings. The dash cuts the city into a sentence of its own; the item after it, however long, is
still a row of the day above. Article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-04-24T09:00+10:00")  # a Thursday

DIARY = """Business diary April 28 - May 2

MONDAY, April 28

Brisbane - State public holiday

Sydney - The central bank's index of commodity prices for April, in Australian dollar terms

Sydney - Harbourline Resources Ltd half-year results

Perth - Redgum Minerals Ltd general meeting

TUESDAY, April 29

Melbourne - Southern Cross Banking Group Ltd first half results and interim dividend
"""


def test_each_long_row_under_a_day_heading_takes_that_day() -> None:
    got = {(c.start, c.category) for c in extract(DIARY, PUBLISHED)}
    assert {("2031-04-28", "macro_data"), ("2031-04-28", "earnings"), ("2031-04-28", "corporate"),
            ("2031-04-29", "earnings")} <= got


def test_a_central_banks_price_index_is_data_not_a_decision() -> None:
    got = extract(DIARY, PUBLISHED)
    assert [c.start for c in got if c.category == "macro_data"] == ["2031-04-28"]
    assert [c for c in got if c.category == "central_bank"] == []
