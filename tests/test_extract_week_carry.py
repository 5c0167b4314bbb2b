"""A week named in one sentence dates the next sentence's undated releases (issue 15, corpus 12 Chinese), a
quiet period ("将没有官员讲话") is no event, and a Chinese week's list of places before one release is one
release each. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SATURDAY = datetime.fromisoformat("2031-06-07T02:00+08:00")
MONDAY = datetime.fromisoformat("2031-06-09T17:00+08:00")


def got(body: str, published: datetime) -> list[tuple[str, str | None, str, str]]:
    text = f"金价周评\n某网· {published:%Y-%m-%d %H:%M}\n\n{body}\n"
    return sorted((c.start, c.end, c.precision, c.category) for c in extract(text, published))


def test_the_next_sentences_releases_take_the_week() -> None:
    body = ("下周，某国经济日程上将没有央行官员的讲话，因为他们进入了会议前的静默期。"
            "交易者将关注消费者物价指数(CPI)数据，随后是生产者价格指数(PPI)和某大学消费者信心指数。")
    assert got(body, SATURDAY) == [("2031-06-09", "2031-06-15", "week", "macro_data")] * 3


def test_a_linked_sentence_adds_to_the_weeks_list_one_release_per_place() -> None:
    body = "本周经济数据密集，同时甲国央行将于周四公布利率决议。此外欧元区、英国和美国将公布采购经理人指数初值。"
    assert got(body, MONDAY) == [
        ("2031-06-09", "2031-06-15", "week", "macro_data"),
        ("2031-06-09", "2031-06-15", "week", "macro_data"),
        ("2031-06-09", "2031-06-15", "week", "macro_data"),
        ("2031-06-12", "2031-06-12", "date", "central_bank"),
    ]


def test_a_sentence_with_its_own_time_or_without_a_future_word_keeps_it() -> None:
    assert got("本周市场清淡。上月消费者物价指数上涨0.3%。", MONDAY) == []
    assert [p for _, _, p, _ in got("本周市场清淡。某国将于周三公布消费者物价指数。", MONDAY)] == ["date"]


def test_that_week_after_a_named_span_is_the_spans_week_and_spaced_acronyms_stay_in_the_list() -> None:
    """'7 月 7 日-7 月 11 日当周,…同时当周还将公布 API/EIA 原油库存、某国 CPI、…' read on the Sunday before:
    '当周' is the week named, not the week of publication, and each listed indicator is one release."""
    body = ("  7 月 7 日-7 月 11 日当周,市场将继续消化公投结果,同时当周还将公布 API/EIA 原油库存、美国 PCE 物价指数、"
            "欧元区 CPI、加拿大 GDP、欧元区失业率等重要指标。")
    assert listed(body) == [("2031-07-07", "2031-07-13", "week", "macro_data")] * 5


def listed(body: str) -> list[tuple[str, str | None, str, str]]:
    text = f"• 客服热线:000-000-0000\n\n{body}\n"
    published = datetime.fromisoformat("2031-07-06T10:00+08:00")
    return sorted((c.start, c.end, c.precision, c.category) for c in extract(text, published))

