"""A weekly open-market note (issue 15, a financial news site's note in corpus 14): the weekdays of a sentence that
names its week first belong to that week ("本周…其中,周一至周三无逆回购到期" is this week's, "下周…,周一到期200亿元"
the next week's, whatever day the note is written on), and the sum of the week's operations ("本周…实现300亿元净投
放") is a result, not an event. The notes are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

FRIDAY = datetime.fromisoformat("2031-08-15T16:58+08:00")
MONDAY = datetime.fromisoformat("2031-08-11T09:00+08:00")


def days(text: str, published: datetime) -> list[tuple[str, str]]:
    return [(c.category, c.start) for c in extract("公开市场周报\n\n" + text + "\n", published)]


def test_weekdays_after_next_week_are_next_weeks_even_early_in_a_week() -> None:
    """Written on a Monday, "周二" alone would be tomorrow; after "下周" it is the next week's Tuesday."""
    got = days("下周共有600亿元逆回购到期,周二到期200亿元。", MONDAY)
    assert ("liquidity", "2031-08-19") in got
    assert ("liquidity", "2031-08-12") not in got


def test_weekdays_after_this_week_on_a_friday_are_past() -> None:
    got = days("具体来看,本周每日均进行100亿元逆回购操作,其中,周一至周三无逆回购到期。", FRIDAY)
    assert not [start for _, start in got if start >= "2031-08-18"], got


def test_the_sum_of_the_weeks_operations_is_no_event() -> None:
    assert days("本周,央行平稳进行500亿元逆回购操作,期间200亿元逆回购到期,实现300亿元净投放。", FRIDAY) == []


def test_a_coming_net_injection_is_still_read() -> None:
    got = days("本周央行将开展逆回购操作,预计实现300亿元净投放。", MONDAY)
    assert got and all(start.startswith("2031-08-1") for _, start in got)


def test_a_board_meeting_this_week_is_the_companys_event() -> None:
    """Round 22 (corpus 19 Chinese): "台积电本周将召开董事会" names the company's board meeting in this week. Our own text."""
    monday = datetime.fromisoformat("2031-02-10T10:00+08:00")
    got = [(c.category, c.start, c.end) for c in extract("某晶片厂本周将召开董事会,审议资本支出。", monday)]
    assert got == [("corporate", "2031-02-10", "2031-02-16")]
