"""A market's holiday notice in numbered sections (issue 15, corpus 13 Chinese): the last day of something
before the holiday (`节前最后申购日`, `节前最后可操作日`) is no event of its own, and a half-day session
(`半日交易`) is one, titled without the section's number. The notice is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

NOTICE = ("2032年春节休市安排\n\n1. 融资融券:2月6日为节前最后可操作日\n2. 新股与可转债:2月6日为节前最后申购日,休市期间不安排新股申购\n"
          "3. 港股自身安排:2月10日(除夕)半日交易(仅上午),2月11日—2月13日(初一至初三)全天休市,2月16日(初四)起正常开市\n")


def test_last_days_are_no_events_and_a_half_day_is_one() -> None:
    got = sorted((c.start, c.end, c.category, c.title) for c in extract(NOTICE, datetime.fromisoformat("2032-02-02T12:00+08:00")))
    assert [(s, e, c) for s, e, c, _ in got] == [("2032-02-10", "2032-02-10", "other"), ("2032-02-11", "2032-02-13", "other")]
    half = got[0][3]
    assert "半日" in half and not half[:1].isdigit()
