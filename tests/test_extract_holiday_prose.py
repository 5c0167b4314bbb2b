"""An exchange's holidays told in prose (issue 15, corpus 5 Chinese shapes 1, 2 and 6): one closure per
holiday of an enumeration with bracketed dates, a weekend holiday moved to a workday (補假) closed over
both days, a long weekend by its range or its count of days, the last trading day and the days counted
after it, and "元月" as January. All sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2030-11-05T10:00+08:00")


def closures(body: str) -> list[tuple[str, str, str]]:
    text = " date 2030-11-05 某證券交易所公告2031年休市日期。\n\n" + body
    return sorted((c.start, c.end, c.category) for c in extract(text, PUBLISHED) if c.category == "other")


def test_an_enumeration_gives_one_closure_per_holiday_in_the_notice_year() -> None:
    got = closures("休市日期定於2031年1月31日至2月5日。另有四個例行休市日：元旦（1月1日）、某節（6月20日）、"
                   "勞動節（5月1日），以及某紀念日（12月25日）。")
    for day in ("2031-01-01", "2031-05-01", "2031-06-20", "2031-12-25"):
        assert (day, day, "other") in got
    assert not [s for s, _, _ in got if s.startswith("2030-12")]


def test_a_moved_holiday_and_a_long_weekend_by_range() -> None:
    got = closures("某節（10月11日）適逢周六，故於10月10日（周五）補假一日。"
                   "甲節及乙節合併連休四日（4月4日至4月7日），由於甲節4月5日適逢周六，所以於4月4日（周五）補假。")
    assert ("2031-10-10", "2031-10-11", "other") in got
    assert ("2031-04-04", "2031-04-07", "other") in got
    assert len(got) == 2  # the 補假 inside the long weekend adds nothing


def test_a_long_weekend_by_its_count_takes_the_weekend_beside_it() -> None:
    got = closures("證交所表示，2031年1月20日是最後交易日。台股明年還有連續休市日，包括3月3日某節、共3天連假；"
                   "10月10日某節、共3天連假。")
    assert ("2031-03-01", "2031-03-03", "other") in got  # a Monday: the weekend before it
    assert ("2031-10-10", "2031-10-12", "other") in got  # a Friday: the weekend after it


def test_the_last_trading_day_and_the_days_counted_after_it() -> None:
    got = closures("根據行事曆，2031年台股封關日為1月22日（周三）。春節加上周休二日，台股休市日長達10天。")
    assert got == [("2031-01-23", "2031-02-01", "other")]


def test_first_month_is_january() -> None:
    got = closures("也因此春節期間自2031年元月23日至2月2日休市。")
    assert got == [("2031-01-23", "2031-02-02", "other")]


def test_a_trading_link_notice_gives_each_suspension_over_the_days_it_names() -> None:
    text = (" date 2030-12-20 某公司公布2030年底及2031年某通下的交易日安排。\n"
            "二、2031年1月1日(星期三)至2031年12月24日(星期三)期间,除以下假期另作安排外,某通服务正常运作:\n"
            "(一)元旦:1月1日(星期三)不提供某通服务,1月2日(星期四)起照常开通某通服务。\n"
            "(二)春节:1月29日(星期三)至2月4日(星期二)不提供某通服务,2月5日(星期三)起照常开通某通服务。"
            "另外,2月8日(星期六)为周末休市。\n"
            "(三)某节、另一节:4月18日(星期五)至4月21日(星期一)不提供\n")
    got = sorted((c.start, c.end, c.category) for c in extract(text, datetime.fromisoformat("2030-12-20T20:00+08:00")))
    assert got == [("2031-01-01", "2031-01-01", "other"), ("2031-01-29", "2031-02-04", "other"),
                   ("2031-04-18", "2031-04-21", "other")]


def test_a_suspension_named_with_qijian_and_a_year_from_the_notice_title() -> None:
    text = ("关于2031年港股通交易日安排的通知\n(一)元旦:1月1日(星期三)不提供港股通服务。\n"
            "另外,清明节期间4月4日至4月6日不提供港股通服务,4月7日起照常开通。\n")
    got = sorted((c.start, c.end) for c in extract(text, datetime.fromisoformat("2030-12-20T20:00+08:00")))
    assert got == [("2031-01-01", "2031-01-01"), ("2031-04-04", "2031-04-06")]
