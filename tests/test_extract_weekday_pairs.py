"""A meeting over two weekdays said as a pair (issue 15, corpus 15 shape S04): "本周二和周三,美联储将会举行为期两天
的议息会议" is one meeting over both days, titled by who meets and what, not by "将会举行". Two weekdays that
are not consecutive, or without a meeting, stay what they were. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-12-15T08:00+08:00")  # a Monday


def found(sentence: str) -> list[tuple[str, str | None, str, str]]:
    text = f"本周全球市场看点\n财经观察· 2031-12-15 08:00\n\n{sentence}\n"
    return [(c.start, c.end, c.precision, c.title) for c in extract(text, PUBLISHED)]


def test_a_two_day_meeting_on_a_pair_of_weekdays_spans_both() -> None:
    assert found("本周二和周三,美联储将会举行为期两天的议息会议,市场预计将加快缩减购债。") == [
        ("2031-12-16", "2031-12-17", "date", "美联储举行议息会议")]


def test_weekdays_that_are_not_consecutive_are_not_one_meeting() -> None:
    assert [(start, end) for start, end, _, _ in found("日本央行将于周二和周四举行会议。")] == [
        ("2031-12-16", "2031-12-16"), ("2031-12-18", "2031-12-18")]


def test_a_name_ending_in_hui_keeps_it() -> None:
    """Only "将会" goes from before the verb: "欧洲议会将举行…" is the parliament's, "联准会将召开" the Fed's."""
    assert [title for _, _, _, title in found("欧洲议会将于周三举行能源会议。")] == ["欧洲议会举行能源会议"]


def test_a_pair_written_with_xingqi_spans_both_days_too() -> None:
    assert [(start, end) for start, end, _, _ in found("星期二和星期三,美联储将举行议息会议。")] == [("2031-12-16", "2031-12-17")]
