"""Dates that name no scheduled event (issue 15, corpus 3 SHAPES.md items 15 and 16): a date inside a
condition ("如果…", "若…", "if …", "Should …") and a launch month in a bracketed aside of a sentence
about a past result. The articles are our own, written in the shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SATURDAY_BEIJING = datetime.fromisoformat("2026-12-05T09:00+08:00")
FRIDAY_NEW_YORK = datetime.fromisoformat("2026-12-04T08:00-05:00")


def zh(body: str, headline: str = "下周宏观前瞻") -> list[tuple[str, str, str]]:
    text = f"{headline}\n汇市观察· 2026-12-05 09:00\n\n{body}\n"
    return [(c.start, c.category, c.title) for c in extract(text, SATURDAY_BEIJING)]


def en(body: str) -> list[tuple[str, str, str]]:
    text = f"Stocks to watch next week\nBy Staff, Dec. 4, 2026\n\n{body}\n"
    return [(c.start, c.category, c.title) for c in extract(text, FRIDAY_NEW_YORK)]


def test_a_date_inside_a_chinese_condition_is_no_event() -> None:
    """The shutdown is a possibility, and the report's delay its consequence: neither is on the calendar;
    the release with its own day in the next sentence is."""
    got = zh("此外,如果美国政府在12月12日停摆,就业报告将不会按时公布。美国劳工部将于12月10日公布11月CPI。")
    assert got == [("2026-12-10", "macro_data", "美国劳工部公布11月CPI")]


def test_a_bare_day_after_ruo_is_a_condition() -> None:
    """'若8日上午…信号生效，招股将延期': a typhoon warning that may come; the book-build closing stays."""
    text = "新股速递\n明日财经· 2026-12-07 06:00\n\n星河电子(8821)将于12月9日截止招股。招股书列明,若8日上午9时至12时期间8号风球生效,截止日期将顺延。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2026-12-07T06:00+08:00"))]
    assert got == [("2026-12-09", "ipo")]


def test_ruogan_is_no_condition() -> None:
    """'若干' means 'several': the listing on the 10th is planned."""
    got = zh("若干新股将于12月10日在创业板上市。")
    assert [(s, c) for s, c, _ in got] == [("2026-12-10", "ipo")]


def test_a_condition_on_a_planned_meeting_keeps_the_meeting() -> None:
    """'If the Fed cuts at its Dec. 9 meeting': the meeting is scheduled whatever it decides."""
    got = en("If the Fed cuts at its Dec. 9 meeting, the dollar may slide.")
    assert [(s, c) for s, c, _ in got] == [("2026-12-09", "central_bank")]


def test_a_date_a_clause_after_the_condition_is_kept() -> None:
    """'如果进展顺利，公司将于12月15日上市': the condition is its own clause; the date belongs to the plan."""
    got = zh("如果进展顺利,北辰科技将于12月15日在科创板上市。")
    assert [(s, c) for s, c, _ in got] == [("2026-12-15", "ipo")]


def test_an_english_if_clause_is_no_event() -> None:
    got = en(
        "If Congress lets funding lapse on Dec. 12, the jobs report will be delayed. The Labor Department will release the consumer price index on Thursday, Dec. 10."
    )
    assert [(s, c) for s, c, _ in got] == [("2026-12-10", "macro_data")]


def test_should_opening_a_clause_is_a_condition_but_not_inside_one() -> None:
    """'Should the bank cut on Thursday, …' is a condition; 'the bank should decide on Thursday' is a plan."""
    assert en("Should the Bank of Canada cut rates on Wednesday, the loonie may slide.") == []
    got = en("The Bank of Canada should announce its rate decision on Wednesday, Dec. 9.")
    assert [(s, c) for s, c, _ in got] == [("2026-12-09", "central_bank")]


def test_a_launch_month_in_an_aside_about_a_past_result_is_no_event() -> None:
    """The aside explains why the shares moved after last quarter's numbers; the coming report is the event."""
    got = en(
        "Harborline Media (HBLM) will report third-quarter earnings after the Dec. 8 close. "
        "HBLM shares jumped after its Q2 results thanks to news of a cheaper bundle (set to launch in January)."
    )
    assert [(s, c) for s, c, _ in got] == [("2026-12-08", "earnings")]


def test_a_launch_month_said_in_its_own_sentence_is_an_event() -> None:
    got = en("Harborline Media will launch its cheaper bundle in January.")
    assert [(s, c) for s, c, _ in got] == [("2027-01-01", "corporate")]


def test_this_week_said_on_its_saturday_without_a_future_word_is_a_review() -> None:
    """A Saturday review: '本周3只新股公布初步询价结果' happened; '下周5家公司将初步询价' is ahead."""
    got = zh("(1)本周3只新股公布初步询价结果,平均发行市盈率为48.2倍。(2)下周5家公司将公布初步询价结果。", headline="新股周报")
    assert [(s, c) for s, c, _ in got] == [("2026-12-07", "ipo")]


def test_this_week_with_a_future_word_on_a_saturday_is_kept() -> None:
    got = zh("本周还将有1只新股申购。", headline="新股周报")
    assert [(s, c) for s, c, _ in got] == [("2026-11-30", "ipo")]


def test_a_year_an_effect_or_forecast_is_about_is_no_event() -> None:
    """'纪要可能透露官员如何看待减税对2027年及以后经济的影响': the minutes are the event, not 2027."""
    got = zh("周三:美联储将在12月9日公布会议纪要,纪要可能透露官员如何看待减税对2027年及以后经济的影响。")
    assert [(s, c) for s, c, _ in got] == [("2026-12-09", "central_bank")]
