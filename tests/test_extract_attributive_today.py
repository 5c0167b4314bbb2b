"""Listings (corpus 4, Chinese shapes 6 and 7): a listing hearing is an IPO event; a listing today written as
an attribute of the company, "今日上市的某科技(9999)", is that company's listing today, while "已上市的某公司" stays a past fact. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-11-05T10:00+08:00")


def test_a_listing_today_written_as_an_attribute_is_an_ipo_today() -> None:
    got = extract("新股速遞\n\n而今日上市的某某科技(9999),發售價定為每股3.2元,為招股價範圍下限。\n", PUBLISHED)
    assert [(c.category, c.start) for c in got] == [("ipo", "2031-11-05")]


def test_a_listing_hearing_this_week_is_an_ipo_event() -> None:
    text = "新股速遞\n\n另有報道指出,本周最少有兩家企業計劃在港交所進行上市聆訊,包括某某園。\n"
    got = extract(text, PUBLISHED)
    assert [(c.category, c.precision) for c in got] == [("ipo", "week")]


def test_a_year_that_counts_the_listing_does_not_date_it() -> None:
    """"今年首只GEM股": the year says which listing it is, not when; the listing is today, once."""
    got = extract("新股速遞\n\n將於今日掛牌的今年首只GEM股某某國際(8888),超購逾千倍。\n", PUBLISHED)
    assert [(c.category, c.start, c.precision) for c in got] == [("ipo", "2031-11-05", "date")]


def test_a_month_before_the_supreme_court_still_dates_its_hearing() -> None:
    """"本月最高法院…": 最高 opens the court's name, it does not rank anything in the month."""
    got = extract("司法新聞\n\n本月最高法院將就關稅案舉行聽證。\n", PUBLISHED)
    assert [(c.category, c.start, c.precision) for c in got] == [("policy", "2031-11-01", "month")]


def test_a_weekdays_labour_market_data_is_that_days_release() -> None:
    """Round 22 (corpus 19 Chinese): "因此周四的就业市场数据对金融市场至关重要": Thursday's labour market data is the jobs
    release of that day. Our own text."""
    text = "某国央行一再强调失业率的重要性,因此周四的就业市场数据对金融市场至关重要。"
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-06-11T11:08+08:00"))]
    assert got == [("macro_data", "2031-06-12")]
