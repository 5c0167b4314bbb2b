"""A finance ministry's quarterly plan for bonds and bills (Taiwan, years of the Republic of China): a
quarter written "第4季", months that head rows of auction and issue days, bills issued only "if needed",
and 國庫券 (treasury bills) as bonds, not listings. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.compose import anchor_for, find_times

PUBLISHED = datetime.fromisoformat("2031-09-25T16:00+08:00")

PLAN = """一、120年度第4季公債發行計畫
120年度第4季(10月至12月)預定發行2期公債金額500億元,發行明細如下:
10月份:新發行「120甲9期」公債300億元,10年期,於10月14日(週二)標售,10月17日(週五)發行。
11月份:增額發行「120甲9期」公債200億元,10年期,於11月11日(週二)標售,11月14日(週五)發行。
二、120年度第4季國庫券發行計畫
10月份:必要時發行國庫券。
11月份:必要時發行國庫券。
12月份:發行「財120-5期」國庫券300億元,期限182天期,12月16日(週二)標售,12月18日(週四)發行。
"""


def test_each_auction_and_issue_day_is_a_bond_event_and_month_headings_are_not() -> None:
    got = extract(PLAN, PUBLISHED)
    days = sorted(c.start for c in got if c.precision == "date")
    assert days == ["2031-10-14", "2031-10-17", "2031-11-11", "2031-11-14", "2031-12-16", "2031-12-18"]
    assert {c.category for c in got} == {"bond"}
    assert [c for c in got if c.precision == "month"] == []


def test_bills_issued_only_if_needed_are_not_scheduled() -> None:
    text = "國庫券發行計畫\n10月份:必要時發行國庫券。\n"
    assert extract(text, PUBLISHED) == []


def test_a_quarter_with_its_ordinal_and_a_fiscal_year_is_that_quarter() -> None:
    anchor = anchor_for(PUBLISHED, "Asia/Taipei")
    for phrase in ("2031年度第4季", "2031年第4季", "第4季"):
        times = find_times(phrase + "預定發行公債", anchor)
        assert [(t.resolved.precision, t.resolved.first_day().isoformat()) for t in times] == [("quarter", "2031-10-01")], phrase


def test_titles_name_the_series_and_its_step() -> None:
    titles = {c.start: c.title for c in extract(PLAN, PUBLISHED) if c.precision == "date"}
    assert titles["2031-10-14"] == "120甲9期公债标售"
    assert titles["2031-10-17"] == "120甲9期公债发行"
    assert titles["2031-12-18"] == "财120-5期国库券发行"
