"""Releases listed in a week preview (issue 15, corpus 7 Chinese shapes 5 and 6): two publishers sharing one
release name ("官方和财新制造业数据") are two releases; a list of items each led by its place and month
("欧元区4月甲指数、乙指数、美国4月丙指数、德国4月丁人数等也将公布") is one release per place; a bare "ADP" is
the ADP employment report. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SATURDAY = datetime.fromisoformat("2026-05-09T12:00+08:00")

PREVIEW = (
    "下周财经日程\n\n下周市场将留意中国官方及财新制造业数据,以及美国ADP、非农和初请失业金。\n"
    "此外,欧元区4月经济景气指数、工业景气指数、美国4月谘商会消费者信心指数、德国4月失业人数等也将公布。\n"
)


def test_each_release_of_the_lists_is_one_event_of_the_week() -> None:
    got = [c for c in extract(PREVIEW, SATURDAY) if c.category == "macro_data"]
    assert {(c.start, c.end, c.precision) for c in got} == {("2026-05-11", "2026-05-17", "week")}
    releases = sorted(c.release or "" for c in got)
    assert {"us-adp", "us-nfp", "cn-official-pmi", "cn-caixin-pmi", "us-conference-board", "us-jobless-claims"} <= set(releases)
    assert sorted(c.region for c in got) == ["CN", "CN", "DE", "EU", "US", "US", "US", "US"]
    assert [c.title for c in got if c.region == "DE"] == ["德国4月失业人数"]


def test_each_release_of_a_list_takes_its_own_bracketed_day() -> None:
    # corpus 7 Chinese shape 12: "A(2日)、B(4日)和C等重要数据": A on the 2nd, B on the 4th (not a data period of C)
    text = "美股前瞻\n\n美国本周将发布5月份ISM制造业PMI(1日)、ISM服务业PMI(3日)和非农就业数据等重要数据。\n"
    got = {(c.release, c.start) for c in extract(text, datetime.fromisoformat("2026-06-01T07:00+08:00")) if c.category == "macro_data"}
    assert ("us-ism-manufacturing", "2026-06-01") in got and ("us-ism-services", "2026-06-03") in got
    assert not any(r == "us-ism-services" and s != "2026-06-03" for r, s in got)


def test_a_release_added_with_yiji_after_the_dated_clause_is_one_of_its_own() -> None:
    """'某国周三公布官方制造业及服务业PMI,以及民间制造业PMI': the private PMI is a second release that day."""
    text = "数据方面\n\n另外,中国周三公布12月官方制造业及服务业PMI,以及12月民间制造业PMI。\n"
    got = sorted((c.start, c.release) for c in extract(text, datetime.fromisoformat("2031-12-29T19:26+08:00")))
    assert got == [("2031-12-31", "cn-caixin-pmi"), ("2031-12-31", "cn-official-pmi")]


def test_a_release_out_in_several_places_is_one_release_each() -> None:
    """An English diary's item "… PMIs for service industries in Asia, Europe, the UK and USA" (round 20): one release
    per place the text can tell ("Asia" is no one market), "USA" being the US."""
    text = ("Week ahead\n\nMonday 5 May\n- Purchasing managers’ indices (PMI) for service industries in Asia, Europe, "
            "the UK and USA\n- Quarterly results from Acme Holdings\n")
    got = sorted((c.start, c.region) for c in extract(text, datetime.fromisoformat("2031-05-02T12:00+00:00"))
                 if c.category == "macro_data")
    assert got == [("2031-05-05", "EU"), ("2031-05-05", "GB"), ("2031-05-05", "US")]


def test_a_release_expected_in_one_place_stays_one() -> None:
    text = "Week ahead\n\nMonday 5 May\n- Services PMI for the UK, with growth expected in Europe\n"
    got = [(c.start, c.region) for c in extract(text, datetime.fromisoformat("2031-05-02T12:00+00:00")) if c.category == "macro_data"]
    assert got == [("2031-05-05", "GB")]
