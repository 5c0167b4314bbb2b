"""A page whose line breaks came through as the two characters backslash and n (a JSON string shown as
text, issue 15, corpus 13 Chinese): the breaks are read as breaks, so its day headings and bullets date
their items. The page is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import normalize

PAGE = ("某某服务 │ 周度前瞻\n\n本周全球市场将迎来密集的央行会议与数据。以下是按日梳理的要点。\\n\\n"
        "周一(Mon):德国数据\\n- 德国 Ifo 指标(1 月)将揭示商业信心的最新动向。\\n\\n"
        "周三(Wed):央行周\\n- 美联储政策会晤大概率维持现有利率区间。\\n")


def test_escaped_breaks_are_line_breaks() -> None:
    assert "\\n" not in normalize(PAGE)
    assert normalize("a path C:\\new\\notes") == "a path C:\\new\\notes"  # one or two stay as written


def test_the_days_items_are_read_under_their_headings() -> None:
    got = sorted((c.start, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-01-27T08:00+08:00")))
    assert got == [("2031-01-27", "macro_data"), ("2031-01-29", "central_bank")]
