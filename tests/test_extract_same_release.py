"""One release named twice in a next-day diary is one event: a column's lead line ("《明天焦点》英国公布
CPI") and the timed row ("14:00，英国公布11月消费者物价指数") name the same gazetteer release in
different words, and the column's name in book brackets is no entity of the event. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

EVENING = datetime.fromisoformat("2026-12-15T19:15+08:00")
ARTICLE = "明日焦點\n海灣財經· 2026-12-15 19:15\n\n《明天焦點》英國公布CPI，遠帆控股公布業績。\n\n2026年12月16日15:00，英國公布11月消費者物價指數，年率料持平。\n"


def test_a_lead_and_its_timed_row_are_one_event() -> None:
    got = [(c.start, c.category) for c in extract(ARTICLE, EVENING) if c.category == "macro_data"]
    assert got == [("2026-12-16T15:00+08:00", "macro_data")]


def test_a_column_name_in_book_brackets_is_no_entity() -> None:
    assert all("明天焦点" not in c.entities for c in extract(ARTICLE, EVENING))


def test_a_week_list_s_row_and_a_later_prose_mention_of_its_day_are_one_event() -> None:
    """'周五21:30,美国1月非农就业人数(季调)' then '鉴于非农就业报告将于周五出炉,…' (round 9, corpus 6 Chinese): one
    release on one day; a month before '挑战者企业裁员人数' is its period, and an employment-cost row is data."""
    text = ("周三21:30,美国Q4劳工成本指数;\n周四20:30,美国1月份挑战者企业裁员人数;\n"
            "周五21:30,美国1月非农就业人数(季调)、1月失业率;\n"
            "鉴于非农就业报告将于周五出炉,本周某央行的会议未必能左右市场走向。\n")
    got = sorted((c.start, c.precision) for c in extract(text, datetime.fromisoformat("2031-01-26T00:00+08:00")))
    assert got == [("2031-01-29T21:30+08:00", "datetime"), ("2031-01-30T20:30+08:00", "datetime"),
                   ("2031-01-31T21:30+08:00", "datetime")]
