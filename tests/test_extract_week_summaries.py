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
        "本周解禁市值210亿元\n\n根据沪深交易所的安排,本周两市共有15家公司的限售股解禁上市流通,解禁股数共计12.5亿股。\n"
        "本周解禁市值比前一周的480亿元,减少了270亿元,减少幅度为56.25%。\n"
    )
    assert [(s, e, p) for s, e, p, _ in found(text)] == [("2026-04-13", "2026-04-19", "week")]
