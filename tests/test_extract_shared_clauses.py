"""One clause, several releases or a day counted from another (issue 15, corpus 3 shapes 10 and 12):
"歐元區與加拿大周一 (19日) 將公布CPI" is one release by each; "英國周三 (21日) 公布…，日本兩天後也將公布…"
puts Japan's release two days after the 21st; a release "公布的" on a named day is that day's event even
when a bank's decision is what it guides. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2026-05-10T20:00+08:00")  # a Sunday


def found(text: str) -> list[tuple[str, str, str]]:
    return sorted((c.start, c.category, c.region) for c in extract(text, PUBLISHED))


def test_two_places_before_one_day_publish_one_release_each() -> None:
    text = "本周前瞻\n\n瑞士與澳洲周二 (12日) 將公布4月生產者物價指數 (PPI) 數據，預料漲幅放緩。\n"
    assert found(text) == [("2026-05-12", "macro_data", "AU"), ("2026-05-12", "macro_data", "CH")]


def test_a_release_two_days_after_a_dated_one_is_counted_from_that_day() -> None:
    text = "本周前瞻\n\n加拿大周二 (12日) 將公布4月CPI，紐西蘭三天後也將公布最新通膨數據。\n"
    assert found(text) == [("2026-05-12", "macro_data", "CA"), ("2026-05-15", "macro_data", "NZ")]


def test_data_published_on_a_day_is_data_even_when_it_guides_a_bank() -> None:
    text = "本周前瞻\n\n英國周三 (13日) 公布的 4月CPI 將是英國央行何時降息的關鍵指標。\n"
    assert found(text) == [("2026-05-13", "macro_data", "GB")]


def test_days_after_with_no_day_before_count_from_publication() -> None:
    text = "市場消息\n\n該公司表示，兩天後將公布新產品。\n"
    assert [s for s, *_ in found(text)] == ["2026-05-12"]


def test_a_data_name_coming_out_on_a_day_is_data_even_next_to_the_bank_it_guides() -> None:
    text = "本周前瞻\n\nFed 最看重的物價指標 PCE 將於周四 (14日) 出爐，投資人高度關注。\n"
    assert found(text) == [("2026-05-14", "macro_data", "US")]


def test_two_euro_area_members_are_two_releases_of_one_region() -> None:
    text = "本周前瞻\n\n德國和法國周三 (13日) 將公布4月CPI終值。\n"
    got = extract(text, PUBLISHED)
    assert sorted((c.start, c.region, c.title) for c in got) == [("2026-05-13", "EU", "德国公布4月CPI终值"), ("2026-05-13", "EU", "法国公布4月CPI终值")]


def test_n_days_later_written_with_ri_counts_from_the_day_before_it_and_alone_is_nothing() -> None:
    text = "本周前瞻\n\n美國周二 (12日) 公布零售銷售，加拿大兩日後公布CPI。\n\n該公司稱兩日後公布新品。\n"
    assert found(text) == [("2026-05-12", "macro_data", "US"), ("2026-05-14", "macro_data", "CA")]
