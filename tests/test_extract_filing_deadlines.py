"""A filing deadline is the reports' day: '申報期限為<date>' names when the filings are due, also inside
brackets and in a Taiwan (民國) year (issue 15, round 9, corpus 6 Chinese). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_a_filing_deadline_in_a_taiwan_year_inside_brackets() -> None:
    """'(…申報期限為<民國年>年9月2日)' in brackets: a filing deadline (民國 120 = 2031) is the reports' day."""
    text = ("某交易所表示,上市公司應於本(120)年8月14日前公告申報第2季財務報告家數計900家"
            "(不包括金融保險公司計30家,公告申報期限為120年9月2日),餘均已完成申報作業。\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-08-15T20:00+08:00"))]
    assert got == [("2031-09-02", "earnings")]
