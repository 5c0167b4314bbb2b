"""Lock-up week summaries (issue 15, corpus 3 shape 11): the runners-up named after the largest company
("解禁市值排第二、三名的公司是甲和乙") have no day of their own and are events of the summarised week;
the week's total said twice is one event. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY = datetime.fromisoformat("2026-04-13T08:00+08:00")


def found(text: str) -> list[tuple[str, str | None, str, str]]:
    return sorted((c.start, c.end, c.precision, c.title) for c in extract(text, MONDAY) if c.category == "lockup")


def test_runners_up_of_a_week_summary_are_events_of_that_week() -> None:
    text = (
        "解禁周報\n\n沪深两市今周将有18家公司共计9.5亿限售股解禁上市流通。\n"
        "沪市6家公司中,青山材料(行情600999,买入)在4月15日将有3.1亿股限售股解禁上市,为今周沪市解禁市值最大公司;"
        "解禁市值排第二、三名的公司是远帆股份(行情600998,买入)和金穗科技,解禁市值分别为8.2亿元和5.5亿元。\n"
    )
    week = ("2026-04-13", "2026-04-19", "week")
    got = found(text)
    assert (*week, "远帆股份解禁") in got and (*week, "金穗科技解禁") in got
    assert [g[:3] for g in got if g[2] != "week"] == [("2026-04-15", "2026-04-15", "date")]
    assert len([g for g in got if g[2] == "week"]) == 3  # the week's total and the two runners-up


def test_a_ranking_with_no_week_summary_before_it_is_no_event() -> None:
    text = "行业观察\n\n解禁市值排第二、三名的公司是远帆股份和金穗科技。\n"
    assert found(text) == []


def test_the_week_total_said_twice_is_one_event() -> None:
    text = (
        "本周解禁市值210亿元\n\n按交易所安排，本周沪深两市合计有15家公司的限售股解禁上市流通，合计解禁12.5亿股。\n"
        "本周解禁市值比前一周的480亿元,减少了270亿元,减少幅度为56.25%。\n"
    )
    assert [(s, e, p) for s, e, p, _ in found(text)] == [("2026-04-13", "2026-04-19", "week")]


def test_a_week_with_its_trading_days_in_brackets_and_leaders_ranked_at_a_closing_price() -> None:
    # corpus 7 zh shape 1: "下周(…日-…日)" is the whole week; "按…日收盘价计算" only says when values are
    # taken; "占下周解禁规模的…%" is a share of the week, not an event; each ranked leader is its own event
    text = (
        "数据显示,下周(4月20日-4月24日)共有27家公司限售股陆续解禁,合计解禁21亿股,按4月17日收盘价计算,解禁总市值为420亿元。\n"
        "从解禁市值来看,4月22日是解禁高峰期,3家公司解禁市值合计260亿元,占下周解禁规模的61.9%。"
        "按4月17日收盘价计算，解禁市值居前三位的是:青山材料(150亿元)、远帆股份(70亿元)、金穗科技(30亿元)。"
        "就解禁数量而言，解禁股数居前三位的是:远帆股份(6亿股)、青山材料(3亿股)、云岭传媒(2亿股)。\n"
    )
    got = found(text)
    week = [g[3] for g in got if g[:3] == ("2026-04-20", "2026-04-26", "week")]
    assert len(week) == 5  # the week's total and four leaders, one each
    assert {"青山材料解禁", "远帆股份解禁", "金穗科技解禁", "云岭传媒解禁"} <= set(week)
    assert [g[:3] for g in got if g[2] != "week"] == [("2026-04-22", "2026-04-22", "date")]
    assert len(got) == 6


def test_a_bracketed_span_that_is_not_monday_to_friday_keeps_its_days() -> None:
    text = "解禁预告\n\n下周(4月17日-4月24日)共有27家公司限售股陆续解禁,合计解禁21亿股。\n"
    assert [g[:3] for g in found(text)] == [("2026-04-17", "2026-04-24", "date")]
