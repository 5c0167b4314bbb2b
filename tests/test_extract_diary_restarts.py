"""Hong Kong next-day diaries in two sections (issue 15, corpus 5 Chinese shape 3): a line naming the
run's day again ("數據方面，周五…") starts a new list of that day, so its morning clocks are not moved
past midnight; "晚上6:00pm" opens a row; "同一時間，…" is a second item at the row's clock; a central
banker speaking at a named forum stays the bank's event; a leading index and building permits are
data; "晚上八點半" is 20:30. All sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-13T19:05+08:00")
HEAD = "13/03/2031 19:05\n\n"


def found(body: str) -> list[tuple[str, str]]:
    return sorted((c.start, c.category) for c in extract(HEAD + body, PUBLISHED))


BODY = ("《某社13日專訊》甲國公布議息結果，投資者周五（14日）將聚焦於此。其他活動方面，周五本港時間5:15pm，"
        "乙國央行副行長某某發表講話。晚上6:00pm，丙國央行行長出席亞洲金融論壇並致辭；同一時間，一場討論區域貿易前景的專題研討會舉行。"
        "數據方面，周五甲國公布官方指標利率，預期維持1.25%不變。6:45am（本港時間．下同），丁國公布3月製造業採購經理人指數。"
        "7:30am，甲國公布2月消費者物價指數。8:30pm，戊國公布2月建築許可。10:00pm，戊國公布2月領先指標。")


def test_a_second_section_restarts_the_day_and_its_morning_rows_stay_on_it() -> None:
    got = found(BODY)
    assert ("2031-03-14T06:45+08:00", "macro_data") in got
    assert ("2031-03-14T07:30+08:00", "macro_data") in got
    assert not [s for s, _ in got if s.startswith("2031-03-15")]


def test_an_evening_row_a_same_time_item_and_a_banker_at_a_forum() -> None:
    got = found(BODY)
    assert ("2031-03-14T18:00+08:00", "central_bank") in got
    assert ("2031-03-14T18:00+08:00", "conference") in got
    assert ("2031-03-14T17:15+08:00", "central_bank") in got


def test_official_policy_rate_permits_and_leading_index_are_classed() -> None:
    got = found(BODY)
    assert ("2031-03-14", "central_bank") in got
    assert ("2031-03-14T20:30+08:00", "macro_data") in got
    assert ("2031-03-14T22:00+08:00", "macro_data") in got


def test_a_clock_past_midnight_still_moves_to_the_next_day() -> None:
    got = found("周五（14日）重點如下：\n10:00pm，戊國公布2月領先指標。\n1:00am，己國公布2月貿易數據。\n")
    assert got == [("2031-03-14T22:00+08:00", "macro_data"), ("2031-03-15T01:00+08:00", "macro_data")]


def test_an_hour_in_chinese_numerals_after_a_part_of_the_day() -> None:
    text = "9月8日消息\n\n某國8月份的通脹報告將在北京時間周三晚上八點半公布。\n他說要早上一點點改變。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-09-08T09:00+08:00"))]
    assert got == [("2031-09-10T20:30+08:00", "macro_data")]
