"""A week's notes (issue 15, corpus 7 Chinese shapes 10 and 11): "8月22日24时" is midnight ending the 22nd,
00:00 on the 23rd; an index launched by an index company ("將於某日正式發布某某200指數") is a market event
('other'), not a company's product. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY = datetime.fromisoformat("2026-08-17T06:00+08:00")

NOTES = (
    "本周财经大事\n\n"
    "● 8月20日24时,新一轮油价调整窗口将打开。\n"
    "● 某交易所和某指数有限公司将于8月19日正式发布某板块100指数。\n"
)


def test_twenty_four_hundred_is_the_next_midnight() -> None:
    got = [c.start for c in extract(NOTES, MONDAY) if c.precision == "datetime"]
    assert got == ["2026-08-21T00:00+08:00"]


def test_an_index_launch_is_a_market_event() -> None:
    got = [(c.start, c.category) for c in extract(NOTES, MONDAY) if c.precision == "date"]
    assert got == [("2026-08-19", "other")]
