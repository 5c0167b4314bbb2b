"""A notice printed as records of "field : value" lines (issue 15, corpus 15 Chinese shape S07): each record names
a bill and its code, then its tender, issue and maturity dates in Chinese numerals. Each date field is an event of
that bill on that day. The notice in tests/data/articles/ is our own, written in that shape (Traditional characters,
as the original)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.fieldrecords import field_records

ARTICLES = Path(__file__).parent / "data" / "articles"
PUBLISHED = datetime.fromisoformat("2031-03-03T15:00+08:00")


def records(text: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract(text, PUBLISHED)]


def test_each_date_field_is_the_bills_event_that_day() -> None:
    assert records((ARTICLES / "zh_tender_records.txt").read_text(encoding="utf-8")) == [
        ("2031-03-04", "bond", "某基金票据Q3109投标"),
        ("2031-03-05", "bond", "某基金票据Q3109发行"),
        ("2031-03-11", "bond", "某基金票据H3110投标"),
        ("2031-03-12", "bond", "某基金票据H3110发行"),
        ("2031-06-04", "bond", "某基金票据Q3109届满"),
        ("2031-09-10", "bond", "某基金票据H3110届满"),
    ]


def test_a_record_that_names_nothing_is_left_as_it_is() -> None:
    """Fields with no name of what they are about ("会议日期", "地点") give no subject to borrow."""
    text = "通知\n会议日期 : 二○三一年三月四日\n地点 : 某地\n主持人 : 某人\n记录人 : 某人\n"
    assert field_records(text, True) == text


def test_two_field_lines_are_no_record() -> None:
    text = "通知\n可供投标票据 : 某基金票据\n投标日期 : 二○三一年三月四日\n"
    assert field_records(text, True) == text
