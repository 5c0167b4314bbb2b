"""A Taiwan filing's numbered fields with Republic-of-China dates (issue 15, corpus 7 Chinese shape 9):
"4.除權(息)交易日:115/06/295.最後過戶日:115/07/01" dates each field (115 is 2026) although the next field's
number is glued to the date; a book closure's start and end fields are one period; a dividend paid on a
day written between "股利" and "發放" is an event. The filing is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.rocslashdates import roc_slash_dates

FILING = (
    "公告本公司115年除息基準日\n"
    "1.除權、息類別:除息2.發放股利種類及金額:每股新台幣3元3.除權(息)交易日:115/06/294.最後過戶日:115/07/01"
    "5.停止過戶起始日期:115/07/026.停止過戶截止日期:115/07/067.除權(息)基準日:115/07/06"
    "8.其他應敘明事項:(1)本次股利訂於115年7月24日發放。\n"
)


def test_each_field_of_the_filing_is_a_dated_corporate_event() -> None:
    got = sorted((c.start, c.end) for c in extract(FILING, datetime.fromisoformat("2026-06-10T17:00+08:00")) if c.category == "corporate")
    assert got == [("2026-06-29", "2026-06-29"), ("2026-07-01", "2026-07-01"), ("2026-07-02", "2026-07-06"),
                   ("2026-07-06", "2026-07-06"), ("2026-07-24", "2026-07-24")]


def test_only_republic_years_written_with_slashes_are_read() -> None:
    assert roc_slash_dates("交易日:115/06/29", True) == "交易日:2026年6月29日"
    assert roc_slash_dates("比例 3/06/29 与 2026/06/29", True) == "比例 3/06/29 与 2026/06/29"


def test_the_day_the_board_decided_is_no_event() -> None:
    # the filing's first field is the day of the board's decision (the day it is filed): a past act
    filing = ("公告本公司董事會決議120年除息基準日\n說明:\n1.董事會決議日期:120/05/30\n"
              "2.除權(息)交易日:120/07/10\n3.現金股利發放日期:120/08/08\n")
    got = extract(filing, datetime.fromisoformat("2031-05-30T17:00+08:00"))
    assert [c.start for c in got] == ["2031-07-10", "2031-08-08"]
    assert [c.title for c in got] == ["除权交易日", "现金股利发放日期"]  # the field's number is no part of its title
