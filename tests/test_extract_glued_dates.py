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


# An investor-relations calendar flattened from its table: each row's date, status and event run together
# (issue 15, corpus 22 English, round 25). Each row is one dated event; the fiscal-year labels ("FY2030") are no
# calendar year of the rows.
IR_CALENDAR = """IR Calendar
Detailed Schedule
2031
-
March 4ScheduledAnnouncement of Financial Results for FY2030
-
March 25ScheduledSending of notice of convocation of the Annual General Meeting of Shareholders
-
May 27ScheduledAnnouncement of Financial Results for First Quarter of FY2031
"""


def test_a_flattened_table_row_is_read_with_its_cells_apart() -> None:
    got = [(c.start, c.category) for c in extract(IR_CALENDAR, datetime.fromisoformat("2031-01-10T10:00+09:00"))]
    assert ("2031-03-04", "earnings") in got and ("2031-05-27", "earnings") in got
    assert all(start.startswith("2031-") for start, _ in got)


def test_a_calendar_row_with_its_clock_glued_to_its_day_is_read_at_that_clock() -> None:
    """"March 26th09:30 GMTPPI (YoY)…" (round 25, corpus 22 English): the day, the clock, the zone and the release run
    together; each row is its release at its clock."""
    text = ("The rand's week ahead\n\nLooking forward, the rand will likely be affected by the following events:\n\n"
            "Release DateRelease TimeEventDateReporting Agency\nJuly 24th09:30 GMTPPI (YoY)JUNStatistics Land\n"
            "July 24th13:00 GMTReserve Bank Interest Rate AnnouncementJUL\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-07-20T10:00+00:00"))]
    assert got == [("2031-07-24T09:30+00:00", "macro_data"), ("2031-07-24T13:00+00:00", "central_bank")]


def test_a_day_month_year_joined_by_dashes_is_a_date_and_a_days_bill_is_a_bond() -> None:
    """"16-Oct-2031" (round 25, corpus 21 English: a treasury-bill auction notice) is a date as "16 Oct 2031" is, and a
    91-day bill maturing is a bond event."""
    text = "Treasury bills on offer\n\nThe 91-day bill will mature on 16-Oct-2031.\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-07-10T09:00+03:00"))]
    assert got == [("2031-10-16", "bond")]
