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
