"""Shapes that real published calendars use and the extractor once missed (issue 15). Each article in
tests/data/articles/ is our own invented text written in that shape:

* English calendar lists: a day heading line, then "Name: description" items, some with paired times
  "12:00 PM GMT / 7:00 AM ET" (the name is the title, the day comes from the heading);
* Traditional Chinese previews with am/pm clocks in Hong Kong time, "同日，A、B、C亦會公布…" naming
  several releases in one clause, and earnings lists "8日：公司(代碼)等發布業績";
* Chinese releases named without a release verb, dates typed with spaces, market closures;
* English earnings prose with tickers and "followed a day later by";
* "on Thursday, December 17, at 14:15 Frankfurt time" is one decision, and "begin trading on the Hong
  Kong stock exchange" is a listing;
* wire bylines give the outlet and the publication day; titles are clean names, never fragments;
* tables ("Time | Event | Country" rows, HTML tables), bullets with a clock, "Thursday: …" entries.
"""

from __future__ import annotations

from pathlib import Path

from calendar_daemon.sources.extract import Candidate, detect_published, extract

ARTICLES = Path(__file__).parent / "data" / "articles"


def read(name: str) -> list[Candidate]:
    return extract((ARTICLES / name).read_text(encoding="utf-8"))


def rows(name: str) -> list[tuple[str, str, str, str]]:
    return [(c.category, c.region, c.start, c.title) for c in read(name)]


def test_english_calendar_list_items_take_their_day_heading_and_name() -> None:
    assert rows("en_calendar_list_paired_times.txt") == [
        ("macro_data", "US", "2026-12-14", "Empire State manufacturing index"),
        ("macro_data", "EU", "2026-12-14", "Eurozone industrial production"),
        ("macro_data", "US", "2026-12-15", "US retail sales"),
        ("macro_data", "EU", "2026-12-15T10:00+00:00", "German ZEW economic sentiment"),  # 10:00 GMT = 5:00 ET
        ("macro_data", "GB", "2026-12-15T12:00+00:00", "UK labour market report"),
        ("central_bank", "US", "2026-12-16T19:00+00:00", "Fed interest rate decision"),
    ]


def test_traditional_chinese_ampm_clocks_same_day_releases_and_earnings_lists() -> None:
    cands = read("zh_hant_ampm_clock.txt")
    got = {(c.start, c.title) for c in cands}
    assert ("2026-12-08T08:05+08:00", "美国联储局主席发表讲话") in got  # "本港時間8:05am"
    assert ("2026-12-09T16:00+08:00", "香港政府统计处公布10月零售业总销货价值") in got  # "於4:00pm"
    assert ("2026-12-10T19:30+08:00", "美国劳工部公布11月消费物价指数") in got  # "晚上7:30pm", not 07:30
    same_day = sorted(c.title for c in cands if c.start == "2026-12-09")  # "同日，…亦會公布" three releases
    assert same_day == ["香港外汇储备", "香港失业率", "香港楼价指数"]
    earnings = [(c.start, c.entities) for c in cands if c.category == "earnings"]
    assert earnings == [("2026-12-08", ["海峰科技"]), ("2026-12-10", ["东岸银行", "远洋航运"])]
    assert {c.timezone for c in cands if c.precision == "datetime"} == {"Asia/Hong_Kong"}
    assert {c.region for c in cands if c.category != "central_bank" and "美国" not in c.title} == {"HK"}


def test_verbless_releases_spaced_dates_and_market_closures() -> None:
    assert [(c.category, c.region, c.start, c.end, c.title) for c in read("zh_verbless_closure.txt")] == [
        ("macro_data", "CN", "2027-09-30", "2027-09-30", "中国官方PMI"),
        ("macro_data", "CN", "2027-09-30", "2027-09-30", "中国财新PMI"),
        ("other", "CN", "2027-10-01", "2027-10-07", "中国休市"),
        ("other", "HK", "2027-10-01", "2027-10-01", "香港休市"),
    ]


def test_english_earnings_prose_with_tickers() -> None:
    cands = read("en_earnings_tickers.txt")
    assert [(c.category, c.start, c.entities) for c in cands] == [
        ("earnings", "2026-10-27", ["Visa"]),
        ("earnings", "2026-10-28", ["Apple"]),  # "followed a day later by Apple"
        ("macro_data", "2026-10-29", []),
    ]
    assert [c.title for c in cands] == ["Visa results", "Apple earnings", "Initial Jobless Claims"]
    assert not any("Report" in c.title or ")" in c.title for c in cands)


def test_one_ecb_decision_and_a_hong_kong_listing() -> None:
    cands = read("en_ecb_and_hk_listing.txt")
    assert [(c.category, c.region, c.start) for c in cands] == [
        ("central_bank", "EU", "2026-12-17T14:15+01:00"),  # not a second one on the publication Thursday
        ("ipo", "HK", "2026-12-18"),
    ]
    assert cands[1].entities == ["Harbourline Robotics"]


def test_wire_bylines_give_outlet_and_day() -> None:
    xinhua = (ARTICLES / "en_wire_bylines.txt").read_text(encoding="utf-8")
    when, outlet = detect_published(xinhua)
    assert outlet == "Xinhua" and when is not None and when.date().isoformat() == "2026-12-03"
    assert [(c.category, c.start, c.title) for c in extract(xinhua)] == [("macro_data", "2026-12-07", "China trade data")]
    reuters = (ARTICLES / "en_reuters_byline.txt").read_text(encoding="utf-8")
    assert detect_published(reuters)[1] == "Reuters"
    portal = "下周数据前瞻\n华尔街见闻 2026-12-04 18:00\n国家统计局将于12月9日公布11月CPI。\n"
    assert detect_published(portal)[1] == "华尔街见闻"


def test_chinese_titles_are_clean_names_not_fragments() -> None:
    titles = [c.title for c in read("zh_clean_titles.txt")]
    assert titles == ["中国社会消费品零售总额", "中国规模以上工业增加值", "智算中心投入运营"]


def test_table_rows_bullets_and_weekday_entries_in_an_english_calendar() -> None:
    """"| 08:30 | Event | US |" rows under a header "Time (ET)", "- 14:00 Event" bullets under "Wed Dec 16",
    and "Thursday: A at 12:00 GMT; B at 8:30 a.m. ET" (B is Thursday's too, and a data release)."""
    assert rows("en_calendar_tables_bullets.txt") == [
        ("macro_data", "US", "2026-12-14T08:30-05:00", "Empire State manufacturing index"),
        ("macro_data", "US", "2026-12-14T10:00-05:00", "NAHB housing market index"),
        ("macro_data", "GB", "2026-12-15T02:00-05:00", "UK unemployment rate"),
        ("macro_data", "US", "2026-12-15T08:30-05:00", "Retail sales"),
        ("central_bank", "US", "2026-12-16T14:00-05:00", "Fed interest rate decision"),
        ("central_bank", "US", "2026-12-16T14:30-05:00", "Fed chair press conference"),  # not folded into 14:00
        ("macro_data", "US", "2026-12-17T08:30-05:00", "Philadelphia Fed manufacturing index"),
        ("central_bank", "GB", "2026-12-17T12:00+00:00", "Bank of England rate decision"),
    ]


def test_an_html_table_in_traditional_chinese() -> None:
    cands = read("zh_hant_calendar_table.html")
    assert [(c.category, c.region, c.start, c.title) for c in cands] == [
        ("macro_data", "CN", "2026-12-14T10:00+08:00", "中国规模以上工业增加值"),
        ("macro_data", "HK", "2026-12-15T16:30+08:00", "香港失业率"),
        ("macro_data", "US", "2026-12-16T21:30+08:00", "美国零售销售"),
        ("central_bank", "JP", "2026-12-17", "日本央行公布利率决议"),
        ("macro_data", "US", "2026-12-18", "美国PCE物价指数"),
    ]
    assert {c.timezone for c in cands} == {"Asia/Hong_Kong"}
    assert detect_published((ARTICLES / "zh_hant_calendar_table.html").read_text(encoding="utf-8"))[1] == "港灣財經"


def test_english_week_ahead_prose_pairs_companies_and_days() -> None:
    """"A and B report on Monday and Wednesday, respectively", "X reports Thursday, while Y follows on
    Friday", "with producer prices following on Wednesday", a headline that only hints at a central bank,
    and a market closure."""
    assert rows("en_week_ahead_prose.txt") == [
        ("earnings", "US", "2026-12-14", "Oracle results"),
        ("macro_data", "US", "2026-12-15", "Consumer price index for November"),
        ("earnings", "US", "2026-12-16", "Adobe results"),
        ("macro_data", "US", "2026-12-16", "US producer prices"),
        ("earnings", "US", "2026-12-17", "Micron earnings"),
        ("central_bank", "JP", "2026-12-18", "Bank of Japan meeting"),
        ("earnings", "US", "2026-12-18", "FedEx earnings"),
        ("other", "US", "2026-12-25", "U.S. stock markets closed"),
    ]


def test_chinese_day_lists_with_next_day_clocks_and_data_periods() -> None:
    """"次日03:00" is the day after the item before; "介绍11月国民经济运行情况" under "周一(12月14日)" is
    that Monday's (the month is a data period); "央行开展MLF操作" keeps its verb; "其中周二庚辛新材解禁"
    names the company."""
    got = {(c.category, c.start, c.title) for c in read("zh_week_ahead_day_lists.txt")}
    assert ("conference", "2026-12-14", "国新办举行新闻发布会") in got
    assert ("central_bank", "2026-12-17T03:00+08:00", "美联储公布利率决议") in got
    assert ("liquidity", "2026-12-15", "央行开展MLF操作") in got
    assert ("lockup", "2026-12-15", "庚辛新材限售股解禁") in got
    assert {t for c, s, t in got if s == "2026-12-14T10:00+08:00"} == {
        "中国社会消费品零售总额", "中国规模以上工业增加值", "中国固定资产投资"}
