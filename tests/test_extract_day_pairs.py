"""Two days of one month with one 日, a dashed span of days, and a lone day in Chinese numerals (issue 15,
corpus 12 Chinese). A two-day meeting is one event over both days; other pairs are two days; "于五日公布"
is the fifth, while "连续五日" stays a count of days. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY = datetime.fromisoformat("2031-09-01T08:00+08:00")


def got(body: str) -> list[tuple[str, str | None, str]]:
    text = f"一周要闻\n某网· 2031-09-01 08:00\n\n{body}\n"
    return sorted((c.start, c.end, c.category) for c in extract(text, MONDAY))


def test_a_meeting_over_two_days_said_with_one_ri_is_one_span() -> None:
    assert got("若提名获批，他将出席某国央行预定九月十六、十七日的利率决策会议。") == [("2031-09-16", "2031-09-17", "central_bank")]
    assert got("某国央行将于9月16、17日召开议息会议。") == [("2031-09-16", "2031-09-17", "central_bank")]


def test_two_days_that_are_no_meeting_are_two_days() -> None:
    assert [s for s, _, _ in got("某国将于9月5、12日先后公布两份就业报告。")] == ["2031-09-05", "2031-09-12"]


def test_a_dashed_span_of_days_names_the_feds_meeting() -> None:
    """'9月16-17日FOMC会议' was read as September alone; 'FOMC会议' now names the Fed's meeting."""
    assert got("随着交易员重新评估9月16-17日FOMC会议前景，降息预期逐渐消退。") == [("2031-09-16", "2031-09-17", "central_bank")]


def test_a_lone_day_in_chinese_numerals_before_a_release_verb() -> None:
    assert got("某国将于五日公布八月就业报告，市场高度关注。") == [("2031-09-05", "2031-09-05", "macro_data")]


def test_a_count_of_days_stays_a_count() -> None:
    assert got("甲股连续五日上涨，股价站上五日均线。") == []
