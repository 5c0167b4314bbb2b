"""A day and how long the event lasts (round 25, corpus 22 Traditional Chinese): "董事会今日起举行二天" is a
board meeting over two days, not an open-ended period from today, and a board that "will meet" is a company's
event. Our own articles."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.lasting import lasting_span

MONDAY = datetime.fromisoformat("2031-08-11T08:00+08:00")


def spans(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.start, c.end, c.category) for c in extract(text, MONDAY)]


def test_a_board_meeting_from_today_for_two_days_spans_them() -> None:
    text = "台積電董事會 討論股利\n\n台積電董事會今日起舉行二天，將討論第二季股利以及資本預算案。\n"
    assert spans(text) == [("2031-08-11", "2031-08-12", "corporate")]


def test_a_meeting_lasting_three_days_from_a_date_spans_them() -> None:
    assert spans("某公司董事会\n\n某公司董事会将于8月12日起举行,为期三天。\n") == [("2031-08-12", "2031-08-14", "corporate")]
    assert spans("某公司董事会\n\n某公司董事会将于8月12日举行。\n") == [("2031-08-12", "2031-08-12", "corporate")]


def test_only_a_single_day_is_widened_and_only_by_a_count_of_days() -> None:
    assert lasting_span(("2031-08-12", None, "date"), "起举行两天") == ("2031-08-12", "2031-08-13", "date")
    assert lasting_span(("2031-08-12", "2031-08-14", "date"), "起举行两天") == ("2031-08-12", "2031-08-14", "date")
    assert lasting_span(("2031-08-12", None, "date"), "起5天") == ("2031-08-12", "2031-08-16", "date")
    assert lasting_span(("2031-08-12", None, "date"), "起两天内完成缴款") == ("2031-08-12", None, "date")  # a deadline
    assert lasting_span(("2031-08-12", None, "date"), "起5天均价") == ("2031-08-12", None, "date")  # a price average
    assert lasting_span(("2031-08-12", None, "date"), "发行2万股") == ("2031-08-12", None, "date")
    assert lasting_span(("2031-08-01", "2031-08-31", "month"), "起举行两天") == ("2031-08-01", "2031-08-31", "month")
