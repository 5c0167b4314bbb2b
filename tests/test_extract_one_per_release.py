"""One candidate per distinct release (round 7): a release the gazetteer names without a place is one
release per place listed before it ("美国、日本PMI初值" is two), and a dated clause that goes on,
before any other date, to list more releases dates each of them. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.places import places_before
from calendar_daemon.sources.extract.releases import placed_releases

PUBLISHED = datetime.fromisoformat("2031-10-19T08:00+08:00")  # a Sunday


def test_places_listed_before_a_release() -> None:
    assert places_before("美国、日本9月PMI", 7, 0) == ["US", "JP"]
    en = "Germany, France and the euro zone flash PMI"
    assert places_before(en, en.index("PMI"), 0) == ["DE", "FR", "EU"]
    assert places_before("美国商务部公布GDP", 7, 0) == []  # an agency stands between: no place read


def test_one_release_per_place() -> None:
    got = [(n.release.id, n.place) for n in placed_releases("某國關注美國、歐元區及日本等國採購經理人指數初值")]
    assert got == [("pmi", "US"), ("pmi", "EU"), ("pmi", "JP")]
    # one place and a release's parts stay as they were: not several events
    assert [(n.release.id, n.place) for n in placed_releases("美国9月CPI和PPI")] == [("cpi", "US"), ("ppi", None)]


def test_a_dated_day_that_goes_on_to_list_its_releases() -> None:
    text = (
        "下周前瞻:數據密集\n\n"
        "周二市場將迎來「PMI數據日」,亞歐時段數據密集釋放:德國、法國10月製造業PMI初值先後公布,"
        "隨後英國10月PMI初值跟進,晚間美國10月製造業PMI初值壓軸登場。\n"
    )
    got = sorted((c.start, c.region) for c in extract(text, PUBLISHED) if c.category == "macro_data")
    assert got == [("2031-10-21", "DE"), ("2031-10-21", "FR"), ("2031-10-21", "GB"), ("2031-10-21", "US")]


def test_a_later_mention_that_only_recalls_data_adds_nothing() -> None:
    text = "下周前瞻\n\n周二將公布PMI初值,此前美國、日本的PMI都曾走弱。\n"
    got = [c for c in extract(text, PUBLISHED) if c.category == "macro_data"]
    assert len(got) == 1


def test_counted_day_groups_of_new_listings_are_one_candidate_a_day() -> None:
    text = (
        "下周新股前瞻\n\n"
        "下周(10月20日-10月24日)A股市场共4只新股发行,其中创业板2只,科创板2只。具体安排如下,"
        "周一2只:甲乙股份(创业板)、丙丁科技(科创板);周二1只:戊己智能(创业板);周三1只:庚辛电子(科创板)。\n"
    )
    got = [(c.start, c.end) for c in extract(text, PUBLISHED) if c.category == "ipo"]
    # the week's summary (the bracketed Monday-to-Friday is the whole week), then one candidate per day group
    assert got == [("2031-10-20", "2031-10-26"), ("2031-10-20", "2031-10-20"), ("2031-10-21", "2031-10-21"),
                   ("2031-10-22", "2031-10-22")]


def test_an_undated_list_in_a_week_ahead_is_one_candidate_per_release_and_place() -> None:
    text = (
        "下周前瞻:數據密集周\n\n"
        "此外,市場還將關注中國最新GDP數據、美國、歐元區、日本等國採購經理人指數(PMI)初值。\n"
    )
    got = sorted((c.title, c.start, c.precision) for c in extract(text, PUBLISHED) if c.category == "macro_data")
    assert got == [("中国GDP", "2031-10-20", "week"), ("日本PMI", "2031-10-20", "week"),
                   ("欧元区PMI", "2031-10-20", "week"), ("美国PMI", "2031-10-20", "week")]


def test_a_body_opening_on_the_week_ahead_makes_a_dateline_article_a_preview() -> None:
    text = (
        "某網編譯 綜合外電 2031-10-19 21:50\n\n"
        "未來一周,市場將聚焦於某國通膨數據。某國央行周五(24日)利率決議也備受矚目。"
        "此外,市場還將關注美國、日本等國採購經理人指數(PMI)初值。\n"
    )
    got = sorted((c.title, c.start, c.precision) for c in extract(text, PUBLISHED) if c.category == "macro_data")
    assert ("美国PMI", "2031-10-20", "week") in got and ("日本PMI", "2031-10-20", "week") in got
    # without the opening week the undated list has no period to go on
    plain = text.replace("未來一周,", "")
    assert not [c for c in extract(plain, PUBLISHED) if c.category == "macro_data" and c.precision == "week"]
