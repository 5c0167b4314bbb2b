"""A dated clause's shape repeated without a date ("5月7日,星期二,德国公布3月贸易账,德国公布3月制造业订单月率")
names another event of the same day (issue 15, round 20); commentary after it does not. Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-05-02T08:00+08:00")  # a Friday


def events(text: str) -> list[tuple[str, str, str]]:
    return sorted((c.start, c.category, c.region) for c in extract(text, PUBLISHED))


def test_each_repeated_subject_and_verb_is_an_event_of_that_day() -> None:
    text = ("下周前瞻\n\n5月6日,星期二,德国公布3月季调后贸易账,法国公布3月工业产出月率。\n"
            "5月8日,星期四,中国公布4月CPI年率,英国央行公布利率决定,德国休市。\n")
    # (German and French data are the euro area's releases; the closure is Germany's market)
    assert events(text) == [("2031-05-06", "macro_data", "EU"), ("2031-05-06", "macro_data", "EU"),
                            ("2031-05-08", "central_bank", "GB"), ("2031-05-08", "macro_data", "CN"),
                            ("2031-05-08", "other", "DE")]


def test_the_same_subject_twice_is_two_releases() -> None:
    text = "下周前瞻\n\n5月6日,星期二,德国公布3月季调后贸易账,德国公布3月季调后制造业订单月率。\n"
    got = [c.title for c in extract(text, PUBLISHED)]
    assert len(got) == 2 and any("贸易账" in t for t in got) and any("订单" in t for t in got)


def test_commentary_after_the_release_is_no_event() -> None:
    text = "下周前瞻\n\n5月6日,星期二,德国公布3月季调后贸易账,市场预计公布顺差扩大,其中出口或回落。\n"
    assert events(text) == [("2031-05-06", "macro_data", "EU")]


def test_a_clause_with_its_own_day_keeps_it() -> None:
    text = "下周前瞻\n\n5月6日德国公布3月季调后贸易账,5月7日法国公布3月工业产出月率。\n"
    assert events(text) == [("2031-05-06", "macro_data", "EU"), ("2031-05-07", "macro_data", "EU")]
