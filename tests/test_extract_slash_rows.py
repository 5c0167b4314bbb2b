"""A monthly calendar whose rows open with a slash month/day (corpus 4, Chinese shape 1): each row is
on its own day ("MM/DD - HH:MM 項目", "MM/DD - 項目" without a clock, "MM/DD ~ MM/DD 項目" as a range),
never on the day after the row above it; rows before publication are past. Two rows at one instant
naming parts of one employment report are one release. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.slashrows import slash_rows

PUBLISHED = datetime.fromisoformat("2031-03-04T00:00+08:00")

CALENDAR = (
    "2031/3 美股大事全整理\n3 月份不可錯過的財經行事曆\n"
    "03/02 - 23:00 美國 2 月 ISM 製造業 PMI\n"
    "- 重點：觀察新訂單與價格分項。\n"
    "03/05 ~ 03/08 某城國際消費電子展\n"
    "03/05 - 05:00 某晶片公司執行長演講\n"
    "03/06 - 21:30 美國 2 月 非農就業人口\n"
    "03/06 - 21:30 美國 2 月 失業率\n"
    "03/14 - 美股財報季開始，甲銀行、乙銀行\n"
    "03/12 - 21:30 美國 2 月 CPI\n"
    "03/19 - 21:30\n"
)


def rows(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(c.category, c.start, c.end, c.precision) for c in extract(text, PUBLISHED)]


def test_each_slash_row_is_on_its_own_day() -> None:
    got = rows(CALENDAR)
    assert ("macro_data", "2031-03-12T21:30+08:00", None, "datetime") in got
    assert ("conference", "2031-03-05T05:00+08:00", None, "datetime") in got
    assert ("earnings", "2031-03-14", "2031-03-14", "date") in got
    assert not any(start.startswith("2031-03-02") or start.startswith("2031-03-03") for _, start, _, _ in got)


def test_a_range_row_is_one_event_over_its_days() -> None:
    assert ("conference", "2031-03-05", "2031-03-08", "date") in rows(CALENDAR)


def test_payrolls_and_unemployment_rows_at_one_instant_are_one_release() -> None:
    at = [c for c in rows(CALENDAR) if c[1] == "2031-03-06T21:30+08:00"]
    assert len(at) == 1


def test_a_cpi_and_a_sales_row_at_one_instant_stay_two_events() -> None:
    text = "本月行事曆\n03/12 - 21:30 美國 2 月 CPI\n03/12 - 21:30 美國 2 月零售銷售\n"
    assert len(rows(text)) == 2


def test_a_lone_slash_date_is_no_calendar() -> None:
    text = "某公司 03/12 公布業績\n"
    assert slash_rows(text, True) == text
