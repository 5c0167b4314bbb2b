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


def test_a_release_labelling_its_day_in_a_list_is_dated() -> None:
    """Round 19 (corpus 16): 'Name: Weekday, clock' items and 'Name – Weekday' items need no verb: the
    release names the day. The gazetteer knows the names; a topic in the same shape dates nothing."""
    text = (
        "Main events of the week\n"
        "Forex desk · 2031-01-06 09:00\n\n"
        "- US Unemployment Claims: Thursday, 12:30. Claims are expected to stand at 230K.\n"
        "- US Building Permits: Friday, 12:30.\n"
        "- Market mood: Friday.\n"
    )
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-01-06T09:00+00:00"))]
    assert got == [("2031-01-09", "macro_data"), ("2031-01-10", "macro_data")]


def test_this_week_before_a_release_name_dates_it_to_the_week() -> None:
    """'本周美联储利率决议' is this week's decision, in an article that is no week-ahead preview; '7月28日当周'
    before a release names the week its figures cover."""
    got = run("亚洲股市开盘走低,市场正为本周美联储利率决议做准备。", headline="亚洲市场周三开盘走低")
    assert [(s, c) for s, c, _ in got] == [("2026-12-07", "central_bank")]


def test_the_philly_fed_index_by_its_short_name_is_a_release() -> None:
    text = "Main events of the week\nForex desk · 2031-01-06 09:00\n\n- US Philly Fed Manufacturing Index: Thursday, 12:30.\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-01-06T09:00+00:00"))]
    assert got == [("2031-01-09", "macro_data")]


def test_this_week_s_own_events_are_the_week_s() -> None:
    """Round 19 (corpus 16): "本周的财报" is this week's results, not a period the results cover; "本周晚些时候,"
    dates what the next clause announces (a past meeting's minutes) to the week."""
    got = run("本周的财报重头戏将由某某芯片主演。\n\n本周晚些时候,美联储将公布其11月4日至5日会议的会议纪要。", headline="美股盘前")
    assert sorted((s, c) for s, c, _ in got) == [("2026-12-07", "central_bank"), ("2026-12-07", "earnings")]
