"""A week-ahead calendar's data rows with their figures ("Germany: Bavaria CPI, % m/m (y/y) Sep Prev 0.1 (0.8)
cons -0.1 (0.6)"): a place, the release, the previous reading and the consensus, under a day heading, with or
without a clock (issue 15, round 21: corpus 18). Each row is an item of the heading's day, however long its figures,
and is titled by its place and release, not by the place alone. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

DIARY = """Data and Events - The Week Ahead

Monday 29 September

13:00 GMT: US: Chicago Fed President Quill speaks in Illinois

Belgium: CPI, % m/m (y/y) Sep Prev 0.0 (-0.4) cons 0.1 (0.2)
07:30 GMT: Sweden: Retail Sales, % m/m (y/y) Aug Prev -0.7 (2.3) cons 0.6 (3.4)
21:45 GMT: New Zealand: Building consents, % m/m Aug prev 0.1 cons 0.0
"""


def rows() -> list[tuple[str, str, str]]:
    return sorted((c.start, c.category, c.title) for c in extract(DIARY, datetime.fromisoformat("2031-09-27T12:00+01:00"), "Europe/London"))


def test_a_row_with_its_figures_is_an_item_of_the_heading_s_day() -> None:
    assert ("2031-09-29", "macro_data", "Belgium CPI") in rows()


def test_a_row_is_titled_by_its_place_and_release() -> None:
    assert ("2031-09-29T07:30+00:00", "macro_data", "Sweden Retail Sales") in rows()


def test_building_consents_are_a_data_release() -> None:
    assert any(start == "2031-09-29T21:45+00:00" and category == "macro_data" for start, category, _ in rows())
