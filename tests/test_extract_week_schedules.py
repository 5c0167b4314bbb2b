"""An English week's schedule: a title under a byline and a date line ("Schedule for Week of December 8"),
clock rows with no day heading (the days were lost), and a diary of day headings over bulleted items, some
long, then a section that is not the day's. Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SCHEDULE = """by A Blogger on 12/06/2031 08:11:00 AM
Saturday, December 06, 2031
Schedule for Week of December 7, 2031
The key reports this week are November CPI and retail sales.
8:30 AM: Consumer prices (CPI) for November, from the statistics bureau.
2:00 PM: FOMC Meeting Announcement.
"""


def test_a_week_named_by_its_sunday_is_the_business_week_after_it_and_undated_rows_take_it() -> None:
    got = extract(SCHEDULE, datetime.fromisoformat("2031-12-06T08:11-05:00"))
    assert got, "the rows are events"
    assert {(c.start, c.end, c.precision) for c in got} == {("2031-12-08", "2031-12-14", "week")}
    assert {"macro_data", "central_bank"} <= {c.category for c in got}


DIARY = """Week Ahead
DIARY
Monday 4 August
- First-half results from Acme Widgets and Bolt Group
- Official factory and services surveys from China (purchasing managers’ indices), two of them this month
- Nationwide house price index
Tuesday 5 August
- Trading reopens at the start of the day session
- Shop price index
Notes on timing
- Figures are provisional
"""


def test_each_bullet_under_a_day_heading_is_that_days_and_a_section_after_them_is_not() -> None:
    got = sorted((c.start, c.category) for c in extract(DIARY, datetime.fromisoformat("2031-08-03T09:00+01:00")))
    assert got == [("2031-08-04", "earnings"), ("2031-08-04", "macro_data"), ("2031-08-04", "macro_data"),
                   ("2031-08-05", "macro_data")]
