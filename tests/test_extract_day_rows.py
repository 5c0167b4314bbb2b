"""Rows that open with their day and clock (issue 15, corpus 3 shapes 1, 2 and 5): week-ahead lines
"weekday, date, clock – item" under a heading that states the zone once, releases named by a heading
with no verb over a "day, clock (zone) -- commentary" line (in Chinese and in English), and a list of
weekday-only rows in Beijing time posted on a Saturday. The articles are our own, written in those
shapes."""

from __future__ import annotations

from datetime import datetime

import pytest

from calendar_daemon.sources.extract import extract


def got(text: str, published: str) -> list[tuple[str, str, str, str]]:
    return [(c.start, c.category, c.precision, c.title) for c in extract(text, datetime.fromisoformat(published))]


ZONE_ONCE = """外匯周報：央行會議前夕市場觀望
2026年11月27日,08:10

下周焦點: 11月30日當周 (GMT+8)

星期二,12月1日,08:30 – 澳洲10月零售銷售 (月環比)

澳洲消費近月放緩，分析師預期銷售月增0.3%，若數據遜於預期，澳元或將承壓，市場亦關注即將公布的通脹數據。

星期三,12月2日,21:15 – 美國ADP就業人數變化 (11月)

私營部門就業是觀察勞動市場的指標。

星期四,12月3日,03:00 – 聯準會利率決議

星期五,12月4日,21:30 – 美國11月非農就業人數
"""


def test_each_weekday_date_clock_line_is_one_release_at_that_instant() -> None:
    assert [(s, c, p) for s, c, p, _ in got(ZONE_ONCE, "2026-11-27T08:10+08:00")] == [
        ("2026-12-01T08:30+08:00", "macro_data", "datetime"),
        ("2026-12-02T21:15+08:00", "macro_data", "datetime"),
        ("2026-12-03T03:00+08:00", "central_bank", "datetime"),
        ("2026-12-04T21:30+08:00", "macro_data", "datetime"),
    ]


def test_the_zone_stated_once_as_an_offset_applies_to_every_row() -> None:
    """An English page (New York by default) whose list says GMT+8: 09:30 is 01:30 UTC."""
    text = (
        "Markets week ahead: all eyes on Asia\nNov 27, 2026\n\nKey dates next week (GMT+8)\n\n"
        "Tuesday, Dec 1, 09:30 – Australia retail sales (October)\n\n"
        "Friday, Dec 4, 20:30 – US nonfarm payrolls (November)\n"
    )
    cands = extract(text, datetime.fromisoformat("2026-11-27T08:00-05:00"))
    assert [(datetime.fromisoformat(c.start).astimezone().utctimetuple()[:5], c.title) for c in cands] == [
        ((2026, 12, 1, 1, 30), "Australia retail sales"),
        ((2026, 12, 4, 12, 30), "US nonfarm payrolls"),
    ]


NAMED_BY_HEADING = """未来一周 - 某财经周刊
零售销售
星期二，12月1日，上午8:30（东部标准时间）-- 11月零售额料增0.4%，10月为0.2%。
采购经理人指数
星期二，12月1日，上午10:00（东部标准时间）-- 11月制造业指数或回落至51.0。
汽车销售
星期二，12月1日-- 11月汽车销量料略降。
就业
星期五，12月4日，上午8:30（东部标准时间）-- 11月非农岗位料增15万个。
"""


def test_a_release_named_by_its_heading_is_dated_by_the_line_below_in_eastern_time() -> None:
    assert [(s, c, p) for s, c, p, _ in got(NAMED_BY_HEADING, "2026-11-28T12:00-05:00")] == [
        ("2026-12-01", "macro_data", "date"),
        ("2026-12-01T08:30-05:00", "macro_data", "datetime"),
        ("2026-12-01T10:00-05:00", "macro_data", "datetime"),
        ("2026-12-04T08:30-05:00", "macro_data", "datetime"),
    ]


CAPS_HEADINGS = """The Week Ahead

RETAIL SALES

Tuesday, Dec. 1, 8:30 a.m. EST -- Retail sales probably rose 0.4% in November. Sales excluding autos likely gained 0.2%.

BEIGE BOOK

Wednesday, Dec. 2, 2 p.m. EST -- The Federal Reserve's survey of its districts, ahead of the meeting on Dec. 15-16.

NEW RESIDENTIAL CONSTRUCTION

Thursday, Dec. 3, 8:30 a.m. EST -- Housing starts are forecast to have slipped in November.

INTERNATIONAL TRADE

Friday, Dec. 4, 8:30 a.m. EST -- The trade deficit likely narrowed to $61 billion in October.
"""


def test_a_caps_data_name_heading_is_the_item_of_the_eastern_time_line_below() -> None:
    """The commentary after the dash still dates what it names itself (the meeting on Dec. 15-16)."""
    rows = got(CAPS_HEADINGS, "2026-11-28T12:00-05:00")
    assert [r for r in rows if r[2] == "datetime"] == [
        ("2026-12-01T08:30-05:00", "macro_data", "datetime", "Retail sales"),
        ("2026-12-02T14:00-05:00", "central_bank", "datetime", "Beige book"),
        ("2026-12-03T08:30-05:00", "macro_data", "datetime", "New residential construction"),
        ("2026-12-04T08:30-05:00", "macro_data", "datetime", "International trade"),
    ]
    assert [(s, c) for s, c, p, _ in rows if p != "datetime"] == [("2026-12-15", "central_bank")]


WEEKDAY_ONLY = """下周宏观展望：美联储官员密集发声
2026-11-28 19:35

新一周值得留意的事项如下（均为北京时间）：

周一 20:00，克利夫兰联储主席参加一场政策小组讨论；

周二 01:30，纽约联储主席发表讲话；

周二 06:00，亚特兰大联储主席与某航空公司CEO进行对话；

周五 21:30，美国11月非农就业报告。
"""


def test_weekday_only_rows_posted_on_a_saturday_are_the_coming_week_at_beijing_clocks() -> None:
    assert [(s, c, p) for s, c, p, _ in got(WEEKDAY_ONLY, "2026-11-28T19:35+08:00") if p == "datetime"] == [
        ("2026-11-30T20:00+08:00", "central_bank", "datetime"),
        ("2026-12-01T01:30+08:00", "central_bank", "datetime"),
        ("2026-12-01T06:00+08:00", "central_bank", "datetime"),
        ("2026-12-04T21:30+08:00", "macro_data", "datetime"),
    ]


def test_a_weekday_opening_a_prose_sentence_is_no_row() -> None:
    text = "下周前瞻\n2026-11-28 19:35\n\n周一，某公司将公布季度业绩，市场关注其指引。\n"
    assert [(s, c, p) for s, c, p, _ in got(text, "2026-11-28T19:35+08:00")] == [("2026-11-30", "earnings", "date")]


@pytest.mark.parametrize(
    "line",
    [
        "12月2日(周三) 21:30 美国11月CPI",
        "周三(12月2日)21:30 美国11月CPI",
        "周三 21:30 美国11月CPI",
        "週三 21:30 美國11月CPI",
        "星期三（12月2日）21:30 - 美国11月CPI",
        "12月2日 周三 21:30 美国11月CPI",
    ],
)
def test_a_chinese_row_is_read_however_its_day_and_clock_are_written(line: str) -> None:
    text = f"下周前瞻\n\n下周市场焦点如下。\n\n{line}\n"
    assert [(s, c) for s, c, _, _ in got(text, "2026-11-28T12:00+08:00")] == [("2026-12-02T21:30+08:00", "macro_data")]


@pytest.mark.parametrize(
    "line, instant",
    [
        ("Wed, Dec 2, 13:30 GMT – US CPI (November)", "2026-12-02T13:30+00:00"),
        ("Wednesday 2 December, 13:30 – US CPI (November)", "2026-12-02T13:30+00:00"),
        ("Wed Dec 2 – 13:30 – US CPI (November)", "2026-12-02T13:30+00:00"),
        ("Wednesday, December 2nd 13:30 US CPI (November)", "2026-12-02T13:30+00:00"),
        ("Wednesday, Dec. 2, 8:30 a.m. ET: US CPI (November)", "2026-12-02T08:30-05:00"),
        ("Wed 13:30 – US CPI (November)", "2026-12-02T13:30+00:00"),
        ("Wed: 8:30am ET – US CPI (November)", "2026-12-02T08:30-05:00"),
    ],
)
def test_an_english_row_is_read_however_its_day_and_clock_are_written(line: str, instant: str) -> None:
    """Without a zone, 13:30 for a US CPI is London's clock (the row agrees with no New York clock)."""
    text = f"Week ahead\n\nThe main events next week.\n\n{line}\n"
    assert [(s, c, t) for s, c, _, t in got(text, "2026-11-28T12:00+00:00")] == [(instant, "macro_data", "US CPI")]


def test_a_section_heading_above_a_row_with_its_own_item_stays_a_heading() -> None:
    """Only commentary after the dash lets the line above name the row; here the row names its item."""
    text = "外汇周报\n2026年11月27日\n\n本周焦点\n星期二,12月1日,08:30 – 澳洲零售销售\n"
    assert got(text, "2026-11-27T08:10+08:00") == [("2026-12-01T08:30+08:00", "macro_data", "datetime", "澳大利亚零售销售")]


def test_a_headline_previewing_a_release_of_the_rows_folds_into_its_row() -> None:
    """The title "下周看点：非农将检验…" (below the page's menu) names the payrolls the Friday row
    dates: one event, not a week-long second one."""
    text = "首页\n快讯\n行情\n数据\n\n" + WEEKDAY_ONLY.replace("下周宏观展望：美联储官员密集发声", "下周看点：非农将检验降息押注，美联储官员轮番登场")
    assert [(s, c, p) for s, c, p, _ in got(text, "2026-11-28T19:35+08:00")] == [
        ("2026-11-30T20:00+08:00", "central_bank", "datetime"),
        ("2026-12-01T01:30+08:00", "central_bank", "datetime"),
        ("2026-12-01T06:00+08:00", "central_bank", "datetime"),
        ("2026-12-04T21:30+08:00", "macro_data", "datetime"),
    ]


def test_a_title_case_data_name_heading_names_the_row() -> None:
    text = "The Week Ahead\n\nHousing Starts\n\nThursday, Dec. 3, 8:30 a.m. EST -- Builders probably broke ground on fewer homes in November.\n"
    assert got(text, "2026-11-28T12:00-05:00") == [("2026-12-03T08:30-05:00", "macro_data", "datetime", "housing starts")]


def test_a_section_title_above_a_row_is_no_data_name_and_the_row_keeps_its_own_words() -> None:
    """ "Economic Calendar" names no release: the row is read from its own text, at its own instant."""
    text = "The Week Ahead\n\nEconomic Calendar\n\nTuesday, Dec. 1, 8:30 a.m. EST -- The Commerce Department will release retail sales for November.\n"
    assert [(s, c, p) for s, c, p, _ in got(text, "2026-11-28T12:00-05:00")] == [("2026-12-01T08:30-05:00", "macro_data", "datetime")]


def test_releases_timed_in_eastern_time_in_a_chinese_list_are_american() -> None:
    """ "零售销售" at 上午8:30(东部标准时间) is the US release (and so is the row of the same list
    without a clock); a row naming its own country keeps it."""
    text = NAMED_BY_HEADING + "加拿大就业\n星期五，12月4日，上午8:30（东部标准时间）-- 11月岗位料小幅增加。\n"
    cands = extract(text, datetime.fromisoformat("2026-11-28T12:00-05:00"))
    assert [(c.start, c.region) for c in cands] == [
        ("2026-12-01", "US"),
        ("2026-12-01T08:30-05:00", "US"),
        ("2026-12-01T10:00-05:00", "US"),
        ("2026-12-04T08:30-05:00", "CA"),
        ("2026-12-04T08:30-05:00", "US"),
    ]
    assert [c.title for c in cands][:3] == ["美国汽车销售", "美国零售销售", "美国PMI"]


def test_a_month_in_brackets_after_an_item_is_its_data_period() -> None:
    text = "Week ahead\n\nThe main events next week.\n\nWed Dec 2 – 13:30 – US CPI (December)\n"
    assert [(s, p) for s, _, p, _ in got(text, "2026-11-28T12:00+00:00")] == [("2026-12-02T13:30+00:00", "datetime")]
