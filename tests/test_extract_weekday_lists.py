"""Lists with one line per weekday and items not separated by verbs (issue 15, corpus 2 shapes 5-7).
The articles and sentences are our own, written in those shapes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.weekdaylists import upper_weekday_lists

ARTICLES = Path(__file__).parent / "data" / "articles"


def test_upper_case_weekday_lines_give_one_event_per_item_on_that_day() -> None:
    text = (ARTICLES / "en_upper_weekday_list.txt").read_text(encoding="utf-8")
    got = {(c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2026-12-13T09:00+00:00"))}
    assert {(s, c) for s, c, _ in got} == {
        ("2026-12-14", "macro_data"), ("2026-12-16", "macro_data"), ("2026-12-16", "central_bank"),
        ("2026-12-17", "macro_data"), ("2026-12-17", "central_bank")}
    wednesday = sorted(t for s, _, t in got if s == "2026-12-16")
    assert len(wednesday) == 3 and "Federal Reserve decision" in wednesday and "Services PMI" in wednesday
    assert len([1 for s, c, _ in got if (s, c) == ("2026-12-17", "central_bank")]) == 2  # BoE and ECB


def test_the_rewrite_parts_items_and_drops_empty_days_but_keeps_numbers_and_brackets() -> None:
    text = "TUESDAY None scheduled\nFRIDAY Payrolls (Oct, Nov), jobless rate 4,5; Fed speech\nMonday was quiet."
    assert upper_weekday_lists(text) == "\nFriday: Payrolls (Oct, Nov); jobless rate 4,5; Fed speech\nMonday was quiet."
