"""Hong Kong next-day diaries and previews (issue 15, corpus 2 shapes 3, 11, 12): officials' speeches
are central-bank events, Hong Kong release vocabulary is data, clocks read through "约" and "晚",
"(28日)4:00pm(本港時間．下同)" dates the release after it, lines wrapped mid-word are joined, and
a "週一(12月7日)<title>" sub-heading dates the paragraph of items below it.
All sentences are our own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import join_wrapped_lines

ARTICLES = Path(__file__).parent / "data" / "articles"
PUBLISHED = datetime.fromisoformat("2026-12-09T19:15+08:00")
HEAD = "明日焦點\n海灣財經· 2026-12-09 19:15\n\n"


def found(body: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract(HEAD + body, PUBLISHED)]


def test_an_officials_speech_is_a_central_bank_event() -> None:
    got = found("周四本港時間約9:00am，紐西蘭聯儲副總裁將發表講話。\n周四晚7:00pm，日本央行審議委員出席論壇並發表演講。\n")
    assert got == [("2026-12-10T09:00+08:00", "central_bank", "纽西兰联储副总裁发表讲话"),
                   ("2026-12-10T19:00+08:00", "central_bank", "日本央行审议委员出席论坛并发表演讲")]


def test_a_zone_note_between_the_clock_and_the_release_is_skipped() -> None:
    got = found("數據方面，周四（10日）4:00pm（本港時間．下同），歐元區公布11月貨幣供應M3，年率料升至3.5%。\n")
    assert [(s, c) for s, c, _ in got] == [("2026-12-10T16:00+08:00", "macro_data")]


def test_hong_kong_release_vocabulary_is_macro_data() -> None:
    body = ("周四（10日）重點如下：\n"
            "8:30pm，美國公布11月建築批則及新屋動工。\n10:00pm，美國公布11月成屋待完成銷售。\n"
            "11:00pm，美國公布12月堪薩斯城聯儲製造業指數。\n")
    assert {c for _, c, _ in found(body)} == {"macro_data"}


def test_a_committee_membership_year_is_no_event() -> None:
    assert found("周四，2027年FOMC票委、某地聯儲主席將發表講話。\n") == [
        ("2026-12-10", "central_bank", "某地联储主席发表讲话")]


def test_lines_wrapped_mid_word_are_joined_and_short_lines_are_not() -> None:
    wrapped = ("數據方面，美國將於周四本港時間晚上10時公布11月成屋待完成銷\n\n"
               "售，月率跌幅料收窄，市場同時關注首次申請失業救濟\n\n人數。")
    assert join_wrapped_lines(wrapped) == ("數據方面，美國將於周四本港時間晚上10時公布11月成屋待完成銷售，"
                                           "月率跌幅料收窄，市場同時關注首次申請失業救濟人數。")
    headline = "明日焦點：美國公布數據\n\n周四（10日）重點如下"
    assert join_wrapped_lines(headline) == headline


def test_exports_and_a_policy_meeting_are_classed_by_what_they_are() -> None:
    got = found("周四（10日）8:45am（本港時間．下同），日本財務省將公布11月出口。\n")
    assert [c for _, c, _ in got] == ["macro_data"]
    body = "周四：美聯儲為期兩天的政策會議召開，預計將於周五宣布提高基準利率。\n"
    assert {c for _, c, _ in found(body)} == {"central_bank"}


def test_a_day_sub_heading_with_a_title_dates_the_long_items_below_it() -> None:
    """"週一(12月7日)<title>" then paragraphs of that day's items: each item is on that day, not the
    previewed week, and the sub-heading's title is no event of its own."""
    text = (ARTICLES / "zh_hant_day_subheadings.txt").read_text(encoding="utf-8")
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2026-12-04T17:30+08:00"))
                 if c.precision != "week")
    assert got == [("2026-12-07", "macro_data"), ("2026-12-07T09:00+08:00", "central_bank"),
                   ("2026-12-08", "macro_data")]


def test_a_release_named_by_what_a_weekday_will_publish_is_that_days() -> None:
    got = found("數據方面，周五公布的11月二手樓銷售，以年率計估計跌至580萬間。\n")
    assert [(s, c) for s, c, _ in got] == [("2026-12-11", "macro_data")]
    assert found("早前公布的11月二手樓銷售，以年率計跌至580萬間。\n") == []


def test_in_a_diary_of_one_day_an_undated_item_is_that_days() -> None:
    body = ("周四（10日）重點如下（本港時間．下同）：\n9:30am，澳洲統計局公布11月就業數據。\n"
            "另外，亞太區財長會議舉行最後一日會議。\n")
    assert ("2026-12-10", "conference") in [(s, c) for s, c, _ in found(body)]
    comment = "市場評論\n海灣財經· 2026-12-09 19:15\n\n" + body  # no diary: the item keeps no day
    assert [c.category for c in extract(comment, PUBLISHED) if c.category == "conference"] == []
