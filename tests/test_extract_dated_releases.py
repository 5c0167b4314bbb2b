"""Releases dated without a verb of their own, and reports that are "published" (发表) (corpus 2 dev
misses): a day written right before a recurring release's name ("周五美国非农就业数据", "Friday's jobs
report") dates it; "周二发表世界经济前景报告" is a release on Tuesday. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

WEDNESDAY = datetime.fromisoformat("2026-12-09T08:00+08:00")


def run(body: str, headline: str = "今日前瞻") -> list[tuple[str, str, str]]:
    text = f"{headline}\n汇市观察· 2026-12-09 08:00\n\n{body}\n"
    return [(c.start, c.category, c.title) for c in extract(text, WEDNESDAY)]


def test_a_day_right_before_a_release_name_dates_it() -> None:
    got = run("市场留意ADP报告,它或为周五美国非农就业数据带来线索。")
    assert got == [("2026-12-11", "macro_data", "美国非农就业")]


def test_a_day_before_a_topic_that_is_no_release_dates_nothing() -> None:
    assert run("它或为周五市场情绪带来线索。") == []


def test_a_day_of_a_past_release_is_no_event() -> None:
    """'上周五美国非农就业数据' was published already."""
    assert run("上周五美国非农就业数据好于预期。") == []


def test_a_report_published_on_a_weekday_is_a_release() -> None:
    got = run("国际货币基金组织周四发表世界经济前景报告,预计下调增长预测。", headline="本周前瞻")
    assert got == [("2026-12-10", "macro_data", "国际货币基金组织发表世界经济前景报告")]
