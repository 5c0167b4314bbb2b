"""A market's holiday notice in numbered sections (issue 15, corpus 13 Chinese): the last day of something
before the holiday (`节前最后申购日`, `节前最后可操作日`) is no event of its own, and a half-day session
(`半日交易`) is one, titled without the section's number. The notice is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

NOTICE = ("2032年春节休市安排\n\n1. 融资融券:2月6日为节前最后可操作日\n2. 新股与可转债:2月6日为节前最后申购日,休市期间不安排新股申购\n"
          "3. 港股自身安排:2月10日(除夕)半日交易(仅上午),2月11日—2月13日(初一至初三)全天休市,2月16日(初四)起正常开市\n")


def test_last_days_are_no_events_and_a_half_day_is_one() -> None:
    got = sorted((c.start, c.end, c.category, c.title) for c in extract(NOTICE, datetime.fromisoformat("2032-02-02T12:00+08:00")))
    assert [(s, e, c) for s, e, c, _ in got] == [("2032-02-10", "2032-02-10", "other"), ("2032-02-11", "2032-02-13", "other")]
    half = got[0][3]
    assert "半日" in half and not half[:1].isdigit()


# A notice reworded from "休市" to "不开放"/"不营业", with a date whose weekday follows it unbracketed (round 21,
# corpus 18: a reposted exchange schedule).
REWORDED = ("某交易所2032年闭市安排\n\n(1)元旦:1月1日(星期四)至1月3日(星期六)不开放,1月5日(星期一)照常开放。\n"
            "(2)清明节:4月3日星期六至4月5日星期一不营业,4月6日星期二照常营业。此外,4月10日(星期六)周末不开放。\n")


def test_a_holiday_said_not_open_is_a_closure_over_its_days() -> None:
    got = sorted((c.start, c.end, c.category) for c in extract(REWORDED, datetime.fromisoformat("2031-12-24T12:00+08:00")))
    assert got == [("2032-01-01", "2032-01-03", "other"), ("2032-04-03", "2032-04-05", "other")]


def test_a_date_and_its_own_weekday_written_after_it_are_one_day() -> None:
    """"4月3日星期六至4月5日星期一": the weekdays are those of the dates, not the coming Saturday to 5 April."""
    got = [(c.start, c.end) for c in extract("清明节安排\n\n清明节:4月3日星期六至4月5日星期一休市。\n",
                                            datetime.fromisoformat("2031-12-24T12:00+08:00"))]
    assert got == [("2032-04-03", "2032-04-05")]


def test_a_numbered_items_span_is_the_suspension_its_next_clause_names_and_an_exception_is_none() -> None:
    """Round 22 (corpus 19 Chinese): a broker's notice numbers its items ("一、", "二、"). The first item's span is the
    suspension the next clause names, titled without the number; the second item's span is the year's normal
    service "except for the holidays below", which is no event. Our own text."""
    text = ("关于2031年岁末及2032年港股通交易日安排的公告\n"
            "一、2031年12月29日(星期一)至2031年12月31日(星期三),不提供港股通服务。\n"
            "二、2032年1月1日(星期四)至2032年12月24日(星期五),除下列节假日期间特别安排外,将在A股交易日提供港股通服务:\n")
    got = [(c.start, c.end, c.title) for c in extract(text, datetime.fromisoformat("2031-12-20T12:00+08:00"))]
    assert got == [("2031-12-29", "2031-12-31", "不提供港股通服务")]


def test_a_closure_that_is_all_its_sentence_says_is_an_event() -> None:
    """"2031年10月1日(星期三)至10月7日(星期二)休市。": the date and "休市" alone (round 23, corpus 20) is the closure,
    not a verb left with nothing to publish."""
    text = "尊敬的客户:\n根据交易所的公告,国庆前晚上不进行夜盘交易。2031年10月1日(星期三)至10月7日(星期二)休市。\n"
    got = [(c.start, c.end, c.category) for c in extract(text, datetime.fromisoformat("2031-09-26T17:00+08:00"))]
    assert got == [("2031-10-01", "2031-10-07", "other")]
