"""A span written day first, its start a bare day before a day-month date ("23-26 January", "from 23 to 26th
January"), is one span of days (issue 15, round 23); a decimal or a price before the date is no start day. The
articles are our own."""

from __future__ import annotations

from datetime import datetime

import pytest

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-01-03T12:00+00:00")


@pytest.mark.parametrize("span", ["23-26 January", "from 23 to 26th January", "23rd – 26th January 2031"])
def test_a_bare_start_day_before_a_day_month_date_is_a_span(span: str) -> None:
    text = f"Ruritania central bank schedule\n\nThe first policy meeting is scheduled {span} and ends with a decision.\n"
    got = [(c.start, c.end) for c in extract(text, PUBLISHED) if c.category == "central_bank"]
    assert got == [("2031-01-23", "2031-01-26")]


def test_a_decimal_before_the_date_is_no_start_day() -> None:
    text = "Ruritania central bank schedule\n\nThe policy decision will move the rate from 1.25 to 26 January levels.\n"
    assert [(c.start, c.end) for c in extract(text, PUBLISHED)] == [("2031-01-26", "2031-01-26")]


def test_a_span_before_a_list_items_colon_keeps_its_end_and_its_weekday() -> None:
    text = "Key Events: A Calendar For The Year Ahead\n\n  • Monday, January 20-21: Ruritania – central bank policy meeting.\n"
    assert [(c.start, c.end) for c in extract(text, PUBLISHED)] == [("2031-01-20", "2031-01-21")]
