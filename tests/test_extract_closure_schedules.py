"""Market-closure schedules (issue 15, round 6, corpus 4 mixed part): a closure span with its weekdays
in brackets is one closure; the bracketed weekday picks the year; a table or notice whose intro names
the year dates its year-less rows in that year and is no year-long event itself; an early close is a
closure event; "Good Friday" is a holiday, not the coming Friday. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

DECEMBER = datetime.fromisoformat("2030-12-20T18:00+08:00")
MAY = datetime.fromisoformat("2031-05-30T12:00-04:00")


def spans(text: str, published: datetime) -> list[tuple[str, str | None, str]]:
    return sorted((c.start, c.end, c.precision) for c in extract(text, published) if c.category == "other")


def test_a_bracketed_weekday_span_is_one_closure_in_the_year_the_weekdays_fit() -> None:
    text = (
        "关于某交易所2031年部分节假日休市安排的通知\n\n"
        "一、休市安排:\n\n"
        "(一)春节:1月22日(星期三)至1月28日(星期二)休市,1月29日(星期三)起照常开市。\n\n"
        "(二)中秋节:10月1日(星期三)至10月3日(星期五)休市,10月6日(星期一)起照常开市。\n"
    )
    got = spans(text, DECEMBER)
    assert ("2031-01-22", "2031-01-28", "date") in got
    assert ("2031-10-01", "2031-10-03", "date") in got
    assert not [g for g in got if g[2] == "year"]  # the notice's title scopes the rows
    assert len(got) == 2


def test_a_weekday_in_brackets_moves_a_year_less_date_to_the_year_it_fits() -> None:
    text = "某节:9月19日(星期五)休市,9月22日(星期一)起照常开市。"
    assert spans(text, DECEMBER) == [("2031-09-19", "2031-09-19", "date")]


def test_rows_of_a_holiday_table_take_the_intro_year() -> None:
    text = (
        "Here is a look at the stock market holidays for 2031:\n"
        "Date | Holiday | Exchange | Other exchange |\n"
        "April 11 | Good Friday | Closed | Closed |\n"
        "Nov. 28 | Friday after Thanksgiving | Early close at 1 p.m. | Closes early, 1 p.m. |\n"
        "Dec. 25 | Christmas Day | Closed | Closed |\n"
    )
    got = spans(text, MAY)
    assert [g[0] for g in got] == ["2031-11-28", "2031-12-25"]  # Good Friday is past; no year-long intro


def test_an_early_close_in_prose_is_a_closure() -> None:
    text = "Friday, November 28: exchanges trade in the morning and close early at 1 p.m. ET."
    got = extract(text, datetime.fromisoformat("2031-11-25T12:00-05:00"))
    assert [(c.category, c.start[:10]) for c in got] == [("other", "2031-11-28")]


def test_a_bond_series_year_is_a_name_not_an_event() -> None:
    text = "财政部决定续发行2031年记账式附息(九期)国债(7年期)。"
    assert extract(text, datetime.fromisoformat("2031-06-01T09:00+08:00")) == []


def test_a_stock_connect_suspension_is_a_closure_and_the_standing_weekend_is_none() -> None:
    """A holiday note: the A-share closure, the southbound Stock Connect suspension over its own span, and
    then a general explainer on weekends and holidays that dates nothing."""
    text = (
        "2031年国庆节股市休市时间表\n\n国庆节:9月29日(星期一)至10月7日(星期二)休市,10月8日(星期三)起照常开市。\n"
        "港股通交易日安排\n国庆节:9月26日(星期五)至10月7日(星期二)不提供港股通服务,10月8日(星期三)起照常开通。\n"
        "周末休市:中国证券市场周一至周五为交易日,周六、周日为休市日。节假日休市:在法定假日放假期间(非周六、周日)"
        "中国证券市场也为休市日。\n"
    )
    assert spans(text, datetime.fromisoformat("2031-09-17T12:00+08:00")) == [
        ("2031-09-26", "2031-10-07", "date"),
        ("2031-09-29", "2031-10-07", "date"),
    ]


def test_settlement_only_days_and_the_holiday_after_them_are_one_closure() -> None:
    """A Taiwan wire note on the Lunar New Year break: two days without trading (settlement only), then the
    holiday 'from 1月24日' (with a space, as printed) to 2 February, are one closure over both."""
    text = (
        "(某社記者台北30日電)某證券交易所表示,集中交易市場於明年1月21日農曆春節封關,1月22日及1月23日市場無交易,"
        "僅辦理結算交割事宜,2月3日開紅盤。\n某交易所表示,為使春節形成連續假期,也就是從 1月24日至2月2日共10天休假。\n"
    )
    assert spans(text, datetime.fromisoformat("2030-12-30T12:00+08:00")) == [("2031-01-22", "2031-02-02", "date")]


def test_a_hong_kong_holiday_list_with_named_days_and_bracketed_examples() -> None:
    """A numbered list: a day that only names itself ('为中秋节翌日') before the closure clause, a date with
    its weekday in one bracket ('(如2031年10月24日,星期五)'), a Stock Connect suspension that stays apart from
    the closure after it, and the weekend and the standing rule, which date nothing."""
    text = (
        "港股休市安排\n\n"
        "1. 中秋节:2031年10月2日(星期四)为中秋节翌日,港股休市。此外,9月27日(星期六)为周末休市,"
        "9月28日(周日)至10月1日(星期三)北向交易(港股通)暂停服务。\n"
        "2. 重阳节:重阳节(如2031年10月24日,星期五)是香港的公众假期,港股将休市。\n"
        "此外,周末及香港公众假期,港股将休市不交易。\n"
    )
    assert spans(text, datetime.fromisoformat("2031-09-20T12:00+08:00")) == [
        ("2031-09-28", "2031-10-01", "date"),
        ("2031-10-02", "2031-10-02", "date"),
        ("2031-10-24", "2031-10-24", "date"),
    ]


def test_early_closes_listed_after_a_dated_day_are_each_in_its_year() -> None:
    """Round 19 (corpus 10): "提前3小时收盘" is an early close, not a market move; the year-less days listed after
    "2031年7月3日" are in 2031, not in the year nearest publication."""
    text = ("美股休市安排\n此外,2031年7月3日(星期四、独立日前一天)、11月28日(星期五、感恩节后一天)和12月24日"
            "(星期三、圣诞节前一天)提前3小时收盘。\n")
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-01-05T10:00+08:00"))]
    assert got == [("other", "2031-07-03"), ("other", "2031-11-28"), ("other", "2031-12-24")]


def test_an_earlier_day_after_a_dated_one_keeps_its_own_year() -> None:
    """"2031年1月30日调整放假,1月17日(星期五)补行交易": the make-up day comes before the holiday, in the same year."""
    text = "休市安排\n2031年1月30日(星期四)调整放假,1月17日(星期五)补行交易并办理结算交割。\n"
    got = sorted(c.start for c in extract(text, datetime.fromisoformat("2031-01-05T10:00+08:00")))
    assert "2031-01-17" in got and all(start.startswith("2031-") for start in got)
