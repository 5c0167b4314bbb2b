"""The data noun decides the category (corpus 4, Chinese shape 5): a clock row "某國公布…景氣指數", a
Fed district's "展望指數", a "採購經理指數", "建築開支" are macro data, and a gauge said to be a central
bank's favourite ("央行最看重的物價指標") is data, not a bank event. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-05-16T18:00+08:00")  # a Friday


def categories(text: str) -> list[tuple[str, str]]:
    return [(c.category, c.start) for c in extract(text, PUBLISHED)]


def test_a_clock_row_publishing_an_index_is_macro_data() -> None:
    text = "下周焦點\n\n數據方面,下周一下午4:00(本港時間.下同),某國公布5月某商業景氣指數。\n"
    assert categories(text) == [("macro_data", "2031-05-19T16:00+08:00")]


def test_a_district_outlook_index_is_macro_data() -> None:
    text = "下周焦點\n\n下周二晚上10:30,美國公布5月某城聯邦製造業展望活動指數。\n"
    assert categories(text) == [("macro_data", "2031-05-20T22:30+08:00")]


def test_the_banks_favourite_gauge_is_data() -> None:
    text = "美股收盤\n\n市場留意下周的數據,聯準會最重視的通膨指標將於23日出爐。\n"
    assert categories(text) == [("macro_data", "2031-05-23")]
