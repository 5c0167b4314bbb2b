"""Titles are our own short words built from the facts (who, what kind of event), never a copied sentence."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import Candidate, extract
from calendar_daemon.sources.extract.titles import MAX_EN, MAX_ZH, tidy

ARTICLES = Path(__file__).parent / "data" / "articles"


def read(name: str) -> list[Candidate]:
    return extract((ARTICLES / name).read_text(encoding="utf-8"))


_DANGLING = re.compile(r"^[\s:：,，、;；.)\]】》”]|[\s:：,，、;；(\[【《“]$|^(?:其中|另外|此外|将于|将|于|在)|(?:的|将|于|在)$")


def test_titles_are_short_clean_and_name_the_company() -> None:
    for name in ("zh_week_ahead.txt", "zh_ipo_calendar.txt", "en_week_ahead.txt"):
        for c in read(name):
            assert c.title and not _DANGLING.search(c.title), c.title
            assert len(c.title) <= (32 if re.search(r"[\u4e00-\u9fff]", c.title) else 60), c.title
            assert c.title not in c.evidence or len(c.title) < 12, c.title  # our words, not the sentence
            for e in c.entities[:1]:
                assert e in c.title, (c.title, c.entities)


def test_tidy_cuts_at_a_boundary_and_drops_dangling_bits() -> None:
    long_en = "Treasury 10-year note auction and the accompanying reopening of the thirty-year bond"
    cut = tidy(long_en, MAX_EN)
    assert len(cut) <= MAX_EN and long_en.startswith(cut) and long_en[len(cut)] == " "
    assert tidy("：蓝岸科技上市，", MAX_ZH) == "蓝岸科技上市"
    assert tidy("其中华辰股份申购的", MAX_ZH) == "华辰股份申购"
    assert tidy("9家公司解禁解禁", MAX_ZH) == "9家公司解禁"


def test_list_entries_name_company_and_kind() -> None:
    text = ("新股日历\n新股日报· 2026-06-07 20:00\n6月10日（周三）：金禾材料（申购代码787123），发行价21.36元/股，申购上限0.85万股。\n"
            "6月12日（周五）：北辰新材在北交所上市。")
    titles = {c.start: c.title for c in extract(text)}
    assert titles == {"2026-06-10": "金禾材料新股申购", "2026-06-12": "北辰新材上市"}


def test_english_earnings_name_the_company_of_each_date() -> None:
    text = ("Week ahead: retailers report\nMarch 6, 2026\n"
            "In earnings, Costco reports on Tuesday after the close and Broadcom on Thursday.")
    got = {c.start: (c.entities, c.title) for c in extract(text) if c.category == "earnings"}
    assert got == {"2026-03-10": (["Costco"], "Costco earnings"), "2026-03-12": (["Broadcom"], "Broadcom earnings")}


def test_an_english_event_of_no_kind_the_rules_can_name_is_not_proposed() -> None:
    # "meets again in September" names no kind of event (no bank, no release): nothing to put in a calendar
    text = "Week ahead\nThe board meets again in September, but a move is not expected.\n"
    assert extract(text, datetime.fromisoformat("2031-06-20T08:00-04:00")) == []


def test_a_list_item_led_by_its_date_is_not_titled_by_the_date() -> None:
    """"March 4: Acme announces results": the item's head is its date, not a name (it was the title)."""
    text = "Results calendar\n\nMarch 4: Acme announces results.\n\nMay 27: Bolt Mining announces first-quarter results.\n"
    titles = [c.title for c in extract(text, datetime.fromisoformat("2031-01-10T10:00-05:00"))]
    assert titles == ["Acme results", "Bolt Mining results"]
