"""Shapes of real calendar articles that the extraction must read (found by checking it on published
week-ahead pieces; the articles in tests/data/articles/ are our own text in those shapes):

* a portal's "来源：… 时间：…" line gives the publication time;
* a date that opens a sentence ("12月9日，国家统计局将公布…") dates the clause after it, and the
  section heading's undated preview of the same release folds into that dated item;
* English calendar headings with a numeric month/day ("Tuesday 12/8") date the paragraph under them,
  however long its sentences;
* list items without a verb are their own titles, with their region ("German", "Swiss", "New Zealand"),
  and "industrial" is not a "trial";
* a bare month that is more than eight months ahead is last year's ("rose … in October", written in
  December), so past figures are not proposed as events.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from calendar_daemon.sources.extract import Candidate, extract
from calendar_daemon.sources.extract.compose import anchor_for, find_times

ARTICLES = Path(__file__).parent / "data" / "articles"


def read(name: str) -> list[tuple[str, str, str, str | None, str, str]]:
    cands: list[Candidate] = extract((ARTICLES / name).read_text(encoding="utf-8"))
    return [(c.category, c.region, c.start, c.end, c.precision, c.title) for c in cands]


def test_leading_dates_in_a_portal_week_ahead() -> None:
    assert read("zh_portal_leading_dates.txt") == [
        ("ipo", "CN", "2026-12-07", "2026-12-13", "week", "A股市场3只新股申购"),
        ("macro_data", "CN", "2026-12-09", "2026-12-09", "date", "国家统计局公布11月CPI和PPI"),
        ("central_bank", "US", "2026-12-10", "2026-12-10", "date", "美联储公布利率决议"),
    ]


def test_numeric_day_headings_date_the_paragraph_under_them() -> None:
    assert read("en_numeric_day_headings.txt") == [
        ("earnings", "US", "2026-12-08", "2026-12-08", "date", "Oracle results"),
        ("central_bank", "US", "2026-12-09T14:00-05:00", None, "datetime", "Federal Open Market Committee rate decision"),
        # "…, and the Fed chair holds a press conference half an hour later": an event of its own
        ("central_bank", "US", "2026-12-09T14:30-05:00", None, "datetime", "Fed press conference"),
        ("macro_data", "US", "2026-12-11", "2026-12-11", "date", "Bureau of Labor Statistics jobs report"),
    ]


def test_calendar_items_name_themselves_with_their_region() -> None:
    assert read("en_calendar_regions.txt") == [
        ("macro_data", "EU", "2026-12-07T02:00-05:00", None, "datetime", "German industrial production"),
        ("macro_data", "CH", "2026-12-08T01:45-05:00", None, "datetime", "Swiss unemployment rate"),
        ("macro_data", "NZ", "2026-12-08T16:45-05:00", None, "datetime", "New Zealand card spending"),
        ("macro_data", "US", "2026-12-10T08:30-05:00", None, "datetime", "US initial jobless claims"),
    ]


def test_a_bare_month_far_ahead_is_last_years() -> None:
    january = anchor_for(datetime(2024, 1, 26, 17, 0, tzinfo=ZoneInfo("America/New_York")), "America/New_York")
    [december] = find_times("after a 216,000 gain in December", january)
    assert (december.resolved.first_day(), december.resolved.last_day()) == (date(2023, 12, 1), date(2023, 12, 31))
    [march] = find_times("a rate cut in March", january)
    assert march.resolved.first_day() == date(2024, 3, 1)
    august = anchor_for(datetime(2026, 8, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")), "Asia/Shanghai")
    [april] = find_times("明年4月", august)  # an explicit year still wins
    assert april.resolved.first_day() == date(2027, 4, 1)


def test_a_day_s_sections_keep_its_day_and_listed_estimates_are_results() -> None:
    """Round 19 (corpus 16): under "Monday, Mar 10", a section label after bullets ("After the Close:") does not
    end the day's list, and is no item itself; "Acme (ACM), est. $0.25" is a company's results."""
    text = (
        "Earnings this week\n\n"
        "Monday, Mar 10\nBefore the Open:\n• No reports scheduled\nEconomic Releases:\n• No releases scheduled\n"
        "After the Close:\n• Acme Minerals (ACM), est. $0.25\n• Brightline (BRL), est. $4.88\n\n"
        "Tuesday, Mar 11\nBefore the Open:\n• Caleb Foods (CFD), est. $1.07\n"
    )
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-03-09T20:00-04:00"))]
    assert got == [("2031-03-10", "earnings"), ("2031-03-11", "earnings")]
