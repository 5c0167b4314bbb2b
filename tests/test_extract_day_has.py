"""A week-ahead in prose that names its items with 有 after the day and no release verb (corpus 4,
Chinese shape 2): "周三有…", "今晚有…", "周三亦會有…", "周四還會有…", "同樣於星期二有…". Each data item
is a release on that day, several on one day are one event each; 有 before no data item is nothing.
All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.dayhas import day_has_items

PUBLISHED = datetime.fromisoformat("2031-06-02T12:00+08:00")  # a Monday


def days(text: str) -> list[tuple[str, str]]:
    return sorted((c.category, c.start) for c in extract(text, PUBLISHED))


def test_items_a_day_has_are_releases_on_that_day() -> None:
    text = (
        "本周數據前瞻\n\n經濟數據方面,今晚有上月某國新屋銷售,預期減少。\n"
        "周三有某國第1季國內生產總值第二次修訂,預期向下修訂。周三亦會有5月成屋待完成銷售指數,估計回升。\n"
        "周四會有5月個人收入和個人開支,預料兩者都升。周四還會有某城採購經理指數,估計回落。\n"
        "同樣於星期二有某國消費者信心指數,預期回落。\n"
    )
    assert days(text) == [
        ("macro_data", "2031-06-02"),
        ("macro_data", "2031-06-03"),
        ("macro_data", "2031-06-04"),
        ("macro_data", "2031-06-04"),
        ("macro_data", "2031-06-05"),
        ("macro_data", "2031-06-05"),
    ]


def test_has_before_no_data_item_is_left_alone() -> None:
    text = "周二有雨,周三有望反彈,周四有很多人排隊。"
    assert day_has_items(text, True) == text
