"""A page's date cells with the day glued to the month ("13Jul 2031", issue 15, corpus 8 English): each is a
date, so the rows under it are dated. The page is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = """The dated list

July 2031

14Jul 2031

CPI inflation (NSO)

16:00 IST · Retail inflation, the target variable.

data
15Jul 2031

WPI inflation (DPIIT)

12:00 IST · Wholesale prices, before CPI.

data
"""


def test_glued_day_and_month_cells_date_their_rows() -> None:
    got = sorted((c.start, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-07-01T09:00+05:30")))
    assert got == [("2031-07-14T16:00+05:30", "macro_data"), ("2031-07-15T12:00+05:30", "macro_data")]
