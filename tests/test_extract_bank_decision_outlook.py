"""A central bank's decision published with its outlook report ("日本央行将于周四公布最新利率决议和经济前景展望报告") is the
bank's event, though the outlook's words name data; data said to come out as a guide for a bank stays data (issue
15, round 21: corpus 11). The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-04-27T10:00+08:00")  # a Sunday


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.start, c.category) for c in extract(text, PUBLISHED)]


def test_a_bank_s_decision_with_its_outlook_report_is_the_bank_s_event() -> None:
    assert kinds("日本央行前瞻\n\n日本央行将于周四公布最新利率决议和经济前景展望报告,市场预计其按兵不动。\n") == [
        ("2031-05-01", "central_bank")]


def test_data_that_guides_a_bank_is_data() -> None:
    assert kinds("本周前瞻\n\n英国周三公布的4月CPI则可能成为英国央行何时降息的关键指标。\n") == [("2031-04-30", "macro_data")]
