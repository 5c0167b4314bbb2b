"""Companies grouped under bare day numbers after one act (issue 15, corpus 12 Chinese): "本周将有9家公司
除息,包括11日甲、乙,12日丙、丁,13日戊等" is one ex-dividend event per named day. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY_TAIPEI = datetime.fromisoformat("2031-08-11T08:00+08:00")


def days(text: str) -> list[tuple[str, str, str, str]]:
    return sorted((c.start, c.precision, c.category, c.title) for c in extract(text, MONDAY_TAIPEI))


def test_each_day_group_is_the_act_on_that_day() -> None:
    got = days("本周除息一览\n\n统计显示，本周将有9家上市公司除息，包括11日甲科技、乙电子，12日丙金控、丁精密，13日戊银行等。\n")
    dated = [(s, c, t) for s, p, c, t in got if p == "date"]
    assert dated == [
        ("2031-08-11", "corporate", "甲科技、乙电子除息"),
        ("2031-08-12", "corporate", "丙金控、丁精密除息"),
        ("2031-08-13", "corporate", "戊银行除息"),
    ]


def test_listings_by_day_take_their_own_act() -> None:
    got = days("新股动态\n\n下周共有3只新股上市，分别为12日甲新材，14日乙医疗、丙能源。\n")
    assert [(s, c) for s, p, c, _ in got if p == "date"] == [("2031-08-12", "ipo"), ("2031-08-14", "ipo")]


def test_a_single_day_after_the_act_is_an_aside_not_a_schedule() -> None:
    """One group is not rewritten: '包括11日甲科技' stays as written and its title keeps no act of ours."""
    got = days("本周除息一览\n\n本周将有2家公司除息，包括11日甲科技。\n")
    assert all(t != "甲科技除息" for *_, t in got)
