"""Confidence from the strength of the evidence (issue 15, calibration): a written day, a written year
and a future word raise it; a kind of event no event word names, a day counted by an offset and a
period instead of a day keep it under 0.8, the default threshold of ``accept = "auto"``. The articles
are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SATURDAY = datetime.fromisoformat("2026-12-05T09:00+08:00")


def run(body: str) -> list[tuple[str, str, float]]:
    text = f"下周前瞻\n汇市观察· 2026-12-05 09:00\n\n{body}\n"
    return [(c.start, c.category, c.confidence) for c in extract(text, SATURDAY)]


def test_a_release_with_its_day_year_and_a_future_word_is_confident() -> None:
    assert run("国家统计局将于2026年12月9日公布11月CPI。") == [("2026-12-09", "macro_data", 0.9)]


def test_a_day_without_a_year_or_future_word_stays_under_the_threshold() -> None:
    assert run("周三(9日)英国公布11月CPI。") == [("2026-12-09", "macro_data", 0.7)]


def test_a_kind_of_event_no_event_word_names_is_at_most_0_7() -> None:
    """The fallback category ('other') says nothing about what happens: even with a year and 将, 0.7."""
    assert run("蓝湾集团将于2026年12月9日举行周年庆典。") == [("2026-12-09", "other", 0.7)]


def test_a_policy_said_only_by_the_word_policy_is_at_most_0_7() -> None:
    assert run("新一轮消费补贴政策细则将于2026年12月15日公布。") == [("2026-12-15", "policy", 0.7)]


def test_a_regulation_taking_effect_is_named_by_its_own_words() -> None:
    assert run("《数据安全条例》将于2027年1月1日起施行。") == [("2027-01-01", "policy", 0.8)]


def test_an_election_is_an_event_of_its_own_kind() -> None:
    assert run("法国将于12月13日举行议会选举投票。") == [("2026-12-13", "other", 0.8)]


def test_a_day_counted_by_an_offset_is_at_most_0_6() -> None:
    """'两天后' is usually counted from another day of the text, not from the publication day."""
    got = run("英国将于周三(9日)公布11月CPI,日本两天后也将公布最新通胀数据。")
    assert ("2026-12-09", "macro_data", 0.8) in got
    assert [conf for start, _, conf in got if start != "2026-12-09"] == [0.6]


def test_a_week_is_a_period_not_a_day() -> None:
    assert run("下周美国将公布零售销售数据。") == [("2026-12-07", "macro_data", 0.65)]


def test_an_undated_item_of_a_preview_gets_the_week_at_0_4() -> None:
    assert run("美国零售销售数据将公布。") == [("2026-12-07", "macro_data", 0.4)]


def test_without_a_publication_time_relative_days_are_guesses() -> None:
    """No date line and none given: '周四' is counted from now, so it is at most 0.6; a written year is not."""
    text = "美国数据前瞻\n\n美国劳工部将于周四公布11月CPI。美国商务部将于2099年12月16日公布11月零售销售。\n"
    got = sorted((c.category, c.title, c.confidence) for c in extract(text))
    assert got == [("macro_data", "美国劳工部公布11月CPI", 0.6), ("macro_data", "美国商务部公布11月零售销售", 0.9)]
