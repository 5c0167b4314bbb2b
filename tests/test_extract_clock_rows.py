"""Rows led by a clock and no date (issue 15, corpus 2 shapes 1-3): a daily calendar table with a
clock column, a session calendar in GMT that runs past midnight, and a Hong Kong next-day diary with
am/pm clocks in full-width digits under a lead line that names the day and carries the zone.
The articles in tests/data/articles/ are our own, written in those shapes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import extract

ARTICLES = Path(__file__).parent / "data" / "articles"


def page(title: str, body: str) -> str:
    """An article of ours: its title, the outlet's dateline (8 December, 07:30 Beijing) and ``body``."""
    return f"{title}\n汇市观察· 2026-12-08 07:30\n\n{body}"


def rows(name: str, published: str | None = None) -> list[tuple[str, str, str, str]]:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    return [(c.category, c.region, c.start, c.title)
            for c in extract(text, datetime.fromisoformat(published) if published else None)]


def test_a_table_with_a_clock_column_dates_each_row_on_the_page_day() -> None:
    assert rows("zh_clock_table_no_date.txt") == [
        ("macro_data", "EU", "2026-12-08T17:00+08:00", "欧元区PPI"),
        ("macro_data", "US", "2026-12-08T21:30+08:00", "美国零售销售"),
        ("macro_data", "US", "2026-12-08T23:00+08:00", "美国NAHB房产市场指数"),
    ]


def test_a_session_calendar_in_gmt_rolls_over_midnight() -> None:
    """Posted the evening before: 2330 GMT is that evening, the rows after it are the next day."""
    got = rows("en_session_calendar_gmt.txt", "2026-12-07T21:10+00:00")
    assert [(start, title) for _, _, start, title in got] == [
        ("2026-12-07T23:30+00:00", "Australia consumer confidence"),
        ("2026-12-08T01:00+00:00", "NZ rate decision"),
        ("2026-12-08T02:00+00:00", "China trade balance for November"),
    ]


def test_a_clock_long_before_publication_is_the_next_day() -> None:
    text = "Asia calendar\nDec 7, 2026\n\n0100 GMT Reserve Bank of New Zealand rate decision\n"
    [cand] = extract(text, datetime.fromisoformat("2026-12-07T21:10+00:00"))
    assert cand.start == "2026-12-08T01:00+00:00"


def test_a_hong_kong_diary_reads_full_width_am_pm_clocks_on_the_lead_day() -> None:
    got = rows("zh_hant_next_day_diary.txt")
    assert [(c, r, s) for c, r, s, _ in got] == [
        ("macro_data", "AU", "2026-12-10T09:30+08:00"),
        ("central_bank", "EU", "2026-12-10T16:00+08:00"),
        ("macro_data", "US", "2026-12-10T22:00+08:00"),
    ]


def test_a_carried_zone_applies_to_every_later_clock() -> None:
    text = page("下周数据", "12月9日(周三)数据一览(美东时间,下同):\n08:30,美国劳工部公布11月CPI;\n10:00,美国公布11月新屋销售。\n")
    got = {(c.start, c.timezone) for c in extract(text)}
    assert got == {("2026-12-09T08:30-05:00", "America/New_York"), ("2026-12-09T10:00-05:00", "America/New_York")}


def test_a_clock_inside_prose_or_a_dated_row_is_left_alone() -> None:
    assert [c.start[:10] for c in extract(page("财经日历", "21:30 美国将于12月11日公布11月零售销售。\n"))] == ["2026-12-11"]


def test_a_short_prose_sentence_naming_a_later_day_does_not_date_the_rows() -> None:
    """Prose above the table mentions Friday's payrolls; the rows are still the page's day, and a row's
    data week ("7月28日当周") is a period, not its day."""
    text = page("今日关注", "该数据会对周五美国非农就业数据提供指引。\n| 时间 | 国家 | 指标 | 前值 |\n"
                "| 16:30 | 英国 | 11月建筑业PMI | 54.8 |\n| 23:30 | 美国 | 截至12月4日当周EIA原油库存变化 | 312.6 |\n")
    got = [(c.start, c.category) for c in extract(text) if c.precision == "datetime"]
    assert got == [("2026-12-08T16:30+08:00", "macro_data"), ("2026-12-08T23:30+08:00", "macro_data")]


def test_a_row_whose_time_is_not_fixed_takes_the_day_of_the_run() -> None:
    text = page("今日财经日历", "| 时间 | 国家 | 指标 |\n| 10:30 | 澳大利亚 | 11月失业率 |\n| 待定 | 日本 | 日本央行公布利率决议 |\n")
    got = [(c.start, c.category, c.region) for c in extract(text)]
    assert got == [("2026-12-08", "central_bank", "JP"), ("2026-12-08T10:30+08:00", "macro_data", "AU")]


def test_an_undated_tbd_row_outside_a_run_is_not_dated() -> None:
    assert extract(page("备忘", "待定 日本央行公布利率决议\n")) == []


def test_a_day_line_with_a_subtitle_heads_the_clock_rows_under_it() -> None:
    # "周一 (3 月 17 日) 交易日:…": the written day opens a line that goes on with the section's subtitle;
    # the rows below are on that day, not on the publication day, and the next such line starts the next day.
    text = (
        "鲁里塔尼亚下周前瞻\n文章来源:某期货\n"
        "周一 (3 月 17 日) 交易日:数据开场\n"
        "09:30 鲁里塔尼亚2月房价指数\n"
        "17:00 欧元区1月贸易收支\n"
        "周二 (3 月 18 日) 交易日:央行会议开幕\n"
        "15:00 瑞典央行理事会\n"
    )
    got = [c.start for c in extract(text, datetime.fromisoformat("2031-03-16T20:00+08:00")) if c.precision == "datetime"]
    assert got == ["2031-03-17T09:30+08:00", "2031-03-17T17:00+08:00", "2031-03-18T15:00+08:00"]


def test_a_relative_day_opening_a_sentence_heads_no_rows() -> None:
    # "下周日,…": a sentence of prose that starts with a day it does not write out is no day heading.
    text = page("下周前瞻", "下周日,某国开始进入冬令时,市场交易时间推迟一小时\n21:30 美国零售销售\n")
    got = [(c.category, c.start) for c in extract(text)]
    assert ("macro_data", "2026-12-08T21:30+08:00") in got


def test_clock_led_items_in_a_days_prose_are_rows_of_that_day() -> None:
    # a day heading with a subtitle and a comma, then prose naming several releases each after its clock
    text = (
        "鲁里塔尼亚下周前瞻\n文章来源:某期货\n"
        "周一 (3 月 17 日) 交易日:数据开场,汇市反弹\n"
        "午后欧洲数据不多:北京时间 14:00 德国 2 月批发物价、17:00 欧元区 1 月贸易收支,若顺差扩大,将缓解欧元压力。\n"
        "周二 (3 月 18 日) 交易日:美国数据登场,汇市波动\n"
        "北京时间 20:30 美国 2 月零售销售、22:00 美国企业库存,均受关注。\n"
    )
    got = sorted(c.start for c in extract(text, datetime.fromisoformat("2031-03-16T20:00+08:00")) if c.precision == "datetime")
    assert got == ["2031-03-17T14:00+08:00", "2031-03-17T17:00+08:00", "2031-03-18T20:30+08:00", "2031-03-18T22:00+08:00"]


def test_a_days_first_release_then_the_releases_that_come_next_at_their_clock() -> None:
    """'北京时间周一上午 9:30,某国房价将率先登场…;随后 10:00 发布的零售总额、工业增加值数据…': the house
    prices at 9:30 (a space after 上午, 登场 as the release), and each item after '随后 10:00' at 10:00."""
    text = (
        "鲁里塔尼亚下周前瞻\n文章来源:某期货\n"
        "周一 (3 月 17 日) 交易日:数据开场\n"
        "北京时间周一上午 9:30,某国 2 月 70 个大中城市新建住宅销售价格将率先登场,若数据较好,将提振信心;"
        "随后 10:00 发布的 2 月社会消费品零售总额、工业增加值数据,若显示回暖,将强化预期。\n"
    )
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-03-16T20:00+08:00")))
    assert got == [("2031-03-17T09:30+08:00", "macro_data")] + [("2031-03-17T10:00+08:00", "macro_data")] * 2


def test_a_section_heading_starts_again_on_the_day_when_its_clocks_are_still_ahead() -> None:
    """A broker's morning calendar: the US session, then the Asian session after midnight (the next day),
    then a section of speeches whose clocks are still ahead that morning: back on the publication day."""
    text = (
        "Daily calendar\n"
        "European & US session\n9:00 am BST - Ruritania, central bank rate decision.\n"
        "1:30 pm BST - US, jobless claims. Expected: 3000k.\n"
        "Asian session\n0:30 am BST - Japan, household spending for March.\n"
        "Central bankers' speeches\n-\n8:00 am BST - ECB's Ruiz\n-\n3:00 pm BST - Fed's Osei\n"
    )
    got = sorted(c.start for c in extract(text, datetime.fromisoformat("2031-05-08T07:30+01:00")))
    assert got == ["2031-05-08T08:00+01:00", "2031-05-08T09:00+01:00", "2031-05-08T13:30+01:00",
                   "2031-05-08T15:00+01:00", "2031-05-09T00:30+01:00"]


def test_a_zoned_clock_after_a_connective_is_a_row_of_the_day() -> None:
    """Round 19 (corpus 15): "首先是北京时间21:45的加拿大央行公布利率决议" in a one-day article is at 21:45 that day,
    as "北京时间18:00,欧元区…将公布" is."""
    text = ("2031年3月18日全球市场大事件盘点\n财经网· 2031-03-18 10:33\n\n"
            "市场首先将目光投向欧洲。北京时间18:00,欧元区2月CPI年率终值将公布。\n\n"
            "进入北美时段,焦点将转移至央行决定。首先是北京时间21:45的加拿大央行公布利率决议。\n")
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-03-18T10:33+08:00"))]
    assert got == [("macro_data", "2031-03-18T18:00+08:00"), ("central_bank", "2031-03-18T21:45+08:00")]


DIARY_TABLE = ("| UK | Forecast | Previous | |\n|---|---|---|---|\n| 07:00 | unemployment | ||\n| EU | Forecast | Previous | |\n"
               "| 13:15 | interest rate decision | ||\n| US | Forecast | Previous | |\n| 13:30 | initial jobless claims | ||\n"
               "| JP | Forecast | Previous | |\n| 00:50 | trade balance | ||\n")


def test_a_diary_posted_after_all_its_clocks_is_the_next_days() -> None:
    """Posted at 18:00 with every row at an earlier clock (round 20): the diary is tomorrow's, and its row after
    midnight the day after's first hour."""
    got = sorted(c.start for c in extract(DIARY_TABLE, datetime.fromisoformat("2031-07-16T18:00+01:00")))
    assert got == ["2031-07-17T07:00+01:00", "2031-07-17T13:15+01:00", "2031-07-17T13:30+01:00", "2031-07-18T00:50+01:00"]


def test_a_diary_posted_before_some_of_its_clocks_is_the_days_own() -> None:
    got = sorted(c.start for c in extract(DIARY_TABLE, datetime.fromisoformat("2031-07-17T09:00+01:00")))
    assert got[:3] == ["2031-07-17T07:00+01:00", "2031-07-17T13:15+01:00", "2031-07-17T13:30+01:00"]


def test_rows_at_one_clock_for_two_cities_are_read_in_that_zone() -> None:
    """A forex day note (round 22, corpus 19 Chinese) gives every row "北京/香港时间" before its clock; the
    two cities share one offset. Mortgage approvals are a data release. Our own text."""
    text = ("美元走高。\n重要经济资料及事件:\n北京/香港时间14:00 德国7月实际零售销售月率;\n"
            "北京/香港时间16:30 英国7月央行抵押贷款许可;\n北京/香港时间20:30 美国7月个人收入月率;\n")
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-08-29T08:00+08:00"))]
    assert got == [("macro_data", "2031-08-29T14:00+08:00"), ("macro_data", "2031-08-29T16:30+08:00"),
                   ("macro_data", "2031-08-29T20:30+08:00")]
