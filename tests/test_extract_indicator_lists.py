"""A clause that lists several indicators is one release each (issue 15, corpus 11 Chinese, corpus 10 English):
"某地将公布A、B、C和D" and "Thursday: A, B, C and D" date every item of the list, whether or not the gazetteer
knows its name, and each item is the place's written before it. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.indicatorlists import each_listed_indicator

PUBLISHED = datetime.fromisoformat("2031-07-26T18:00+08:00")  # a Saturday: the preview is of 28 July – 3 August

WEEK = (
    "【下周前瞻】三大央行议息与一连串数据\n"
    "①日本下周还会发布5月失业率、工业生产、零售销售和6月服务业PMI初值。\n"
    "②欧元区下周将公布第二季GDP初值、经济景气指数以及7月消费者信心指数等。\n"
)


def test_each_listed_indicator_is_a_release_of_the_previewed_week() -> None:
    got = {(c.region, c.title) for c in extract(WEEK, PUBLISHED)
           if c.category == "macro_data" and (c.start, c.end, c.precision) == ("2031-07-28", "2031-08-03", "week")}
    assert got == {
        ("JP", "日本失业率"), ("JP", "日本工业产出"), ("JP", "日本零售销售"), ("JP", "日本6月服务业PMI初值"),
        ("EU", "欧元区第二季GDP初值"), ("EU", "欧元区经济景气指数"), ("EU", "欧元区消费者信心指数"),
    }


def test_a_dated_list_dates_every_item_and_a_later_place_takes_over() -> None:
    text = "美国周三将陆续公布:4月零售销售、工业产出、企业库存、加拿大4月房屋开工和批发销售。"
    got = sorted((c.region, c.start) for c in extract(text, datetime.fromisoformat("2031-05-12T08:00+08:00"))
                 if c.category == "macro_data")
    assert got == [("CA", "2031-05-14"), ("CA", "2031-05-14"), ("US", "2031-05-14"), ("US", "2031-05-14"), ("US", "2031-05-14")]


def test_a_list_that_is_not_all_indicators_is_left_as_it_was() -> None:
    # a company's plans are no indicators: the list stays the one results event it was
    text = "某公司将于周四公布财报、分红方案、回购计划和新任董事名单。"
    assert [(c.category, c.start) for c in extract(text, PUBLISHED)] == [("earnings", "2031-07-31")]


def test_a_clause_whose_releases_are_fewer_than_its_candidates_is_not_split() -> None:
    assert each_listed_indicator([], "将公布甲指数、乙指数、丙指数") == []
    made = extract("日本下周将公布6月失业率和工业生产。", PUBLISHED)
    assert each_listed_indicator(made, "日本下周将公布6月失业率和工业生产") == made  # two items: no list of three


def test_an_english_day_entry_listing_indicators_is_one_release_each() -> None:
    text = ("Week ahead\n"
            "Thursday, Jan. 29: payrolls data, the late U.S. trade figures, business inventories, factory orders, "
            "and final productivity data\n")
    got = [c for c in extract(text, datetime.fromisoformat("2032-01-25T09:00-05:00")) if c.category == "macro_data"]
    assert [(c.start, c.region) for c in got] == [("2032-01-29", "US")] * 5
    assert len({c.title for c in got}) == 5


def test_an_english_list_of_companies_is_no_list_of_indicators() -> None:
    text = "Week ahead\nThursday, Jan. 29: Acme, Bolt Industries, Crane Motors and Delta Foods report results.\n"
    got = extract(text, datetime.fromisoformat("2032-01-25T09:00-05:00"))
    assert [c.category for c in got] and all(c.category == "earnings" for c in got)


def test_a_day_s_list_of_indicators_needs_no_release_verb() -> None:
    # "主要关注A、B及C": what the day holds, each with the data's own month, which dates nothing
    text = ("美国一周前瞻\n\n周二纽约时段主要关注美国第二季度GDP终值、美国4月房价指数、美国6月某地联储制造业指数及"
            "美国6月消费者信心指数。\n")
    got = [c for c in extract(text, datetime.fromisoformat("2031-06-22T10:00+08:00")) if c.category == "macro_data"]
    assert [c.start for c in got] == ["2031-06-24"] * 4


def test_data_on_several_topics_is_one_release_each() -> None:
    """Round 19 (corpus 16): "data on A, B and C will be released on Monday" dates each topic (a topic may hold
    "and"); "figures will be out on Tuesday" is a release."""
    text = (
        "Economic week ahead\n\n"
        "Second-tier data on tourist accommodation, land transport and food and beverage sales will be released on "
        "Monday, while tourism and migration figures will be out on Tuesday.\n"
    )
    got = sorted((c.start, c.title) for c in extract(text, datetime.fromisoformat("2031-07-27T10:00-04:00"))
                 if c.category == "macro_data")
    assert [start for start, _ in got] == ["2031-07-28"] * 3 + ["2031-07-29"]
    assert any("Food and beverage sales" in title for _, title in got)

