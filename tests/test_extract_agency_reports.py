"""An agency that "reports on" a release it publishes (issue 15, corpus 15 shape S59): "Tuesday: Commerce Department
reports on international trade for October, 8:30 a.m." is the trade release, not a company's earnings report.
The calendar is our own, written in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-12-14T06:00-05:00")  # a Sunday


def test_a_department_reporting_on_a_known_release_is_that_release() -> None:
    text = ("Economic reports\nTuesday: Commerce Department reports on international trade for October, 8:30 a.m.\n")
    assert [(c.start, c.category, c.release) for c in extract(text, PUBLISHED)] == [
        ("2031-12-16T08:30-05:00", "macro_data", "us-trade-balance")]


def test_a_company_reporting_results_stays_earnings() -> None:
    text = "Earnings this week\nTuesday: Acme Corp reports fourth-quarter results before the open.\n"
    assert [c.category for c in extract(text, PUBLISHED)] == ["earnings"]


def test_a_statistics_offices_own_reports_are_data_and_a_month_frame_keeps_its_days() -> None:
    """Round 22 (corpus 19 Chinese): a relay of a statistics office's release calendar. Its reports ("价格月度报告",
    "年度统计公报") and its press conferences on the economy are data releases, and under "2月份," the bare days
    after "2月28日" stay in February. Our own text."""
    text = ("《日程表》显示,2月份,统计局将在2月28日公布“年度统计公报”,并且在18日和19日分别发布“工业品价格月度报告”和"
            "“消费价格月度报告”。4月17日举行新闻发布会发布国民经济运行情况。")
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-01-23T14:00+08:00")))
    assert got == [("2031-02-18", "macro_data"), ("2031-02-19", "macro_data"), ("2031-02-28", "macro_data"),
                   ("2031-04-17", "macro_data")]
