"""Holidays listed after "包括" in a closure sentence, each written its own way (issue 15, corpus 7 Chinese
shape 7): a day before its name ("6月18日的某节"), a name before its bracketed day, or the short month-day
figures a Taiwan text writes ("228", "51"); the year is the one the sentence names ("明年"). The articles
are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.holidaynames import listed_holidays

PUBLISHED = datetime.fromisoformat("2030-11-20T10:00+08:00")


def test_each_listed_holiday_is_one_closure_of_next_year() -> None:
    text = ("某市明年休市日出炉\n\n"
            "明年除了农历年外,其余假期均休市一天,包括228和平纪念日、51劳动节、6月5日的端午节及10月10日的国庆日。\n")
    got = sorted((c.start, c.end) for c in extract(text, PUBLISHED) if c.category == "other" and c.precision == "date")
    assert got == [("2031-02-28", "2031-02-28"), ("2031-05-01", "2031-05-01"), ("2031-06-05", "2031-06-05"),
                   ("2031-10-10", "2031-10-10")]


def test_a_list_with_a_part_that_is_no_holiday_names_none() -> None:
    assert listed_holidays("其余假期均休市一天,包括228和平纪念日、51劳动节及部分交易所。") == []
    assert listed_holidays("休市安排包括111光棍节、51劳动节、6月5日的端午节。") == []  # "111": 1/11 or 11/1
    assert listed_holidays("休市安排包括元旦(1月1日)、101国庆日、6月5日的端午节。") == [(1, 1, "元旦"), (10, 1, "国庆日"), (6, 5, "端午节")]


def test_a_span_of_days_then_the_closure_it_is() -> None:
    # corpus 7 Chinese shape 7, second form: "从某日起至某日…,某某休市N个交易日"
    text = "某市明年农历年休7天\n\n因此从1月23日起至1月29日农历初五,农历年某股休市5个交易日,1月30日正式开红盘。\n"
    got = [(c.start, c.end) for c in extract(text, PUBLISHED) if c.category == "other" and c.precision == "date"]
    assert got == [("2031-01-23", "2031-01-29")]


def test_a_day_off_then_a_closure_of_days_runs_into_the_next_year() -> None:
    # "某日调节放假,跨年休市2天": the closure runs from that day over the days counted
    text = "某市明年休市日出炉\n\n明年除了农历年外,12月31日调节放假,跨年休市2天,其余假期均休市一天。\n"
    got = [(c.start, c.end) for c in extract(text, PUBLISHED) if c.category == "other" and c.precision == "date"]
    assert ("2031-12-31", "2032-01-01") in got


def test_a_saturday_made_a_workday_with_the_market_open_is_a_trading_session() -> None:
    text = "某市明年休市日出炉\n\n4月7日因连假调整休假,3月29日(周六)补上班外,股市也将开市。\n"
    got = [(c.start, c.category) for c in extract(text, PUBLISHED) if c.start.startswith("2031-03-29")]
    assert got == [("2031-03-29", "other")]
    plain = "某地放假安排\n\n3月29日(周六)补上班。\n"
    assert not [c for c in extract(plain, PUBLISHED) if c.start.startswith("2031-03-29")]
