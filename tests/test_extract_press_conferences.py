"""A press conference said after a central bank's decision or speech in the same sentence is an event of
its own (corpus 2 dev misses): at the decision's clock plus the distance the text gives ("half an hour
later"), else on its day. A row that is itself the press conference gives no second one. The
articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SATURDAY_NY = datetime.fromisoformat("2026-12-05T09:00-05:00")


def en(body: str) -> list[tuple[str, str, str]]:
    text = f"The week ahead\nBy Staff, Dec. 5, 2026\n\n{body}\n"
    return [(c.start, c.category, c.title) for c in extract(text, SATURDAY_NY)]


def test_a_press_conference_half_an_hour_after_a_timed_decision() -> None:
    got = en("The Fed's rate decision is due at 2 p.m. ET on Wednesday, Dec. 9, and Chair Ana Ruiz holds a press conference half an hour later.")
    assert [(s, c) for s, c, _ in got] == [("2026-12-09T14:00-05:00", "central_bank"), ("2026-12-09T14:30-05:00", "central_bank")]
    assert got[1][2].endswith("press conference")


def test_a_press_conference_which_follows_a_dated_decision_is_on_its_day() -> None:
    got = en("The Bank of England decision on Thursday, Dec. 10, matters less than the press conference which follows.")
    assert [(s, c) for s, c, _ in got] == [("2026-12-10", "central_bank"), ("2026-12-10", "central_bank")]
    assert [t for _, _, t in got if t.endswith("press conference")] == ["Bank of England press conference"]


def test_a_chinese_speech_then_a_press_conference() -> None:
    """A Hong Kong next-day diary: '9:00am，…副總裁將發表講話，並召開新聞發布會' is two events."""
    text = "明日焦點\n海灣財經· 2026-12-09 19:15\n\n周四本港時間約9:00am，紐西蘭聯儲副總裁將發表講話，並召開新聞發布會。\n"
    got = [(c.start, c.precision, c.category, c.title) for c in extract(text, datetime.fromisoformat("2026-12-09T19:15+08:00"))]
    assert got == [
        ("2026-12-10", "date", "central_bank", "纽西兰联储副总裁新闻发布会"),
        ("2026-12-10T09:00+08:00", "datetime", "central_bank", "纽西兰联储副总裁发表讲话"),
    ]


def test_a_row_that_is_the_press_conference_gives_no_second_one() -> None:
    got = en("Thu Dec 10 - 13:15 GMT ECB rate decision\n\nThu Dec 10 - 13:45 GMT Lagarde's press conference")
    assert [s for s, _, _ in got] == ["2026-12-10T13:15+00:00", "2026-12-10T13:45+00:00"]


def test_a_decision_and_its_press_conference_in_one_item_stay_one() -> None:
    """'Rate Decision & Press Conference' names one item of a calendar, not a step after it."""
    got = en("Wed Dec 9 - 19:00 GMT Federal Reserve Rate Decision & Press Conference")
    assert [s for s, _, _ in got] == ["2026-12-09T19:00+00:00"]


def test_a_chinese_decision_and_then_a_press_conference_joined_by_yiji() -> None:
    """'某国宣布利率决议以及召开新闻发布会' is two events on the day, even when the decision's title names both."""
    text = "下周财经日历\n\n周二(12月8日)加拿大央行宣布利率决议以及召开新闻发布会;外界普遍预期按兵不动。\n"
    got = sorted((c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2026-12-05T12:00+08:00")))
    assert [(s, c) for s, c, _ in got] == [("2026-12-08", "central_bank"), ("2026-12-08", "central_bank")]
    assert any(t.endswith("新闻发布会") and "决议" not in t for _, _, t in got)


def test_a_chinese_decision_at_a_beijing_clock_then_its_governor_holds_a_press_conference() -> None:
    """'北京時間9月24日(本週三)2:00，某國央行將公佈利率決議，隨後行長某某將召開貨幣政策新聞發布會': the
    decision at its clock (a weekday bracket with 本 between the date and the clock), and the press
    conference on its day, although the governor's name and 货币政策 stand between the verbs."""
    text = (
        "超級央行週\n海灣財經· 2031-09-22 08:00\n\n北京時間9月24日(本週三)2:00，魯里坦尼亞央行將公佈利率決議，"
        "隨後行長艾德琳將召開貨幣政策新聞發布會。\n"
    )
    got = sorted((c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2031-09-22T08:00+08:00")))
    assert [(s, c) for s, c, _ in got] == [("2031-09-24", "central_bank"), ("2031-09-24T02:00+08:00", "central_bank")]
    assert got[0][2].endswith("新闻发布会") and "决议" in got[1][2]


def test_a_later_step_that_is_no_press_conference_gives_none() -> None:
    text = "下周财经日历\n\n周二(12月8日)加拿大央行宣布利率决议，随后市场将迎来一系列新闻。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2026-12-05T12:00+08:00"))]
    assert got == [("2026-12-08", "central_bank")]


def test_a_press_conference_with_its_own_clock_in_a_diary_item() -> None:
    """Round 19 (corpus 16): "- US Fed decision: Wednesday, statement and forecasts at 18:00, press conference at
    18:30." is two events of that Wednesday: the decision and the press conference after it."""
    got = en("- US Fed decision: Wednesday, statement and forecasts at 18:00, press conference at 18:30.")
    assert sorted((s[:10], c) for s, c, _ in got) == [("2026-12-09", "central_bank"), ("2026-12-09", "central_bank")]
    assert any("press conference" in t for _, _, t in got)
