"""One event, one candidate: repeated mentions of the same event in an article collapse into the most
precise one, and a rescheduled event is proposed only at its new date (the old one kept as information).

The articles in tests/data/articles/ were written for these tests (invented companies and dates) in the
shapes the extractor meets: a Chinese week-ahead preview whose headline and lead name the week of items
dated further down, an IPO / lock-up calendar with a postponed listing, and an English week ahead with
ET times and a "postponed to" item.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from calendar_daemon.sources.extract import Candidate, extract

ARTICLES = Path(__file__).parent / "data" / "articles"
SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def read(name: str) -> list[Candidate]:
    return extract((ARTICLES / name).read_text(encoding="utf-8"))


def spans(cands: list[Candidate]) -> list[tuple[str, str, str | None, str]]:
    return sorted((c.category, c.start, c.end, c.precision) for c in cands)


def one(cands: list[Candidate], category: str, start: str) -> Candidate:
    found = [c for c in cands if c.category == category and c.start == start]
    assert len(found) == 1, (category, start, spans(cands))
    return found[0]


def test_chinese_week_ahead_headline_and_lead_collapse_into_the_dated_item() -> None:
    cands = read("zh_week_ahead.txt")
    week = ("2026-04-20", "2026-04-26", "week")
    assert spans(cands) == sorted([
        ("central_bank", "2026-04-21", "2026-04-22", "date"),  # the meeting
        ("central_bank", "2026-04-23T02:00+08:00", None, "datetime"),  # its decision (headline + lead + detail)
        ("macro_data", "2026-04-20T09:30+08:00", None, "datetime"),
        ("earnings", "2026-04-24", "2026-04-24", "date"),
        ("earnings", *week),  # another company, only the week known
        ("ipo", *week),  # "下周共有2只新股申购": the week's summary of several listings is its own item
        ("ipo", "2026-04-21", "2026-04-21", "date"),
        ("ipo", "2026-04-23", "2026-04-23", "date"),
    ])
    decision = one(cands, "central_bank", "2026-04-23T02:00+08:00")
    assert datetime.fromisoformat(decision.start) == datetime(2026, 4, 23, 2, 0, tzinfo=SH)
    assert "4月23日" in decision.evidence  # the precise mention's phrase, not the headline's
    assert "美联储" in decision.entities
    assert "宁德时代" in one(cands, "earnings", "2026-04-24").entities
    assert "比亚迪" in one(cands, "earnings", "2026-04-20").entities
    assert "华辰股份" in one(cands, "ipo", "2026-04-21").entities
    assert "星海光电" in one(cands, "ipo", "2026-04-23").entities


def test_ipo_calendar_postponed_listing_is_proposed_once_at_its_new_date() -> None:
    cands = read("zh_ipo_calendar.txt")
    assert spans(cands) == sorted([
        ("ipo", "2026-06-09", "2026-06-09", "date"),
        ("ipo", "2026-06-10", "2026-06-10", "date"),
        ("ipo", "2026-06-15", "2026-06-15", "date"),
        ("lockup", "2026-06-12", "2026-06-12", "date"),
    ])
    moved = one(cands, "ipo", "2026-06-15")
    assert moved.rescheduled_from == "2026-06-11"
    assert moved.entities == ["恒远医疗"]
    assert "6月15日" in moved.evidence
    assert one(cands, "ipo", "2026-06-09").rescheduled_from is None
    assert one(cands, "lockup", "2026-06-12").entities == ["华鼎股份"]


def test_english_week_ahead_postponed_auction_and_summary_lead() -> None:
    cands = read("en_week_ahead.txt")
    assert spans(cands) == sorted([
        ("macro_data", "2026-05-13T08:30-04:00", None, "datetime"),
        ("central_bank", "2026-05-13T14:00-04:00", None, "datetime"),  # headline + lead + detail
        ("bond", "2026-05-14T13:00-04:00", None, "datetime"),
        ("earnings", "2026-05-14", "2026-05-14", "date"),
    ])
    auction = one(cands, "bond", "2026-05-14T13:00-04:00")
    assert datetime.fromisoformat(auction.start) == datetime(2026, 5, 14, 13, 0, tzinfo=NY)
    assert auction.rescheduled_from == "2026-05-12"
    minutes = one(cands, "central_bank", "2026-05-13T14:00-04:00")
    assert "2 p.m." in minutes.evidence


def test_postponement_in_the_next_sentence_drops_the_original_date() -> None:
    text = ("某债券兑付公告\n债市通· 2026-10-12 17:45\n公司2024年度第一期中期票据将于2026年10月17日到期。"
            "因2026年10月17日为休息日，本息兑付日顺延至其后第一个工作日，即2026年10月19日。")
    cands = extract(text)
    assert spans(cands) == [("bond", "2026-10-19", "2026-10-19", "date")]
    assert cands[0].rescheduled_from == "2026-10-17"


def test_postponement_words_in_both_languages() -> None:
    pub = "新闻\n某网· 2026-03-02 09:00\n"
    for sentence, new, old in (
        ("原定3月10日召开的公司股东大会推迟至3月24日召开。", "2026-03-24", "2026-03-10"),
        ("公司股东大会原定于3月10日举行，现延期至3月31日。", "2026-03-31", "2026-03-10"),
        ("光谷新材原计划3月12日上市，上市日期改至3月19日。", "2026-03-19", "2026-03-12"),
    ):
        cands = extract(pub + sentence)
        assert [(c.start, c.rescheduled_from) for c in cands] == [(new, old)], sentence
    en = "Markets wrap\nMarch 2, 2026\n"
    for sentence, new, old in (
        ("The Senate vote on the tariff bill, originally set for March 10, was moved to March 17.", "2026-03-17",
         "2026-03-10"),
        ("Acme Corp. said its shareholder meeting has been delayed until March 26 from March 12.", "2026-03-26",
         "2026-03-12"),
    ):
        cands = extract(en + sentence)
        assert [(c.start, c.rescheduled_from) for c in cands] == [(new, old)], sentence


def test_speculation_about_a_delay_is_no_reschedule() -> None:
    """"或推迟至5月" (may slip to May) does not move the dated decision of the same sentence."""
    text = ("美联储前瞻\n某网· 2026-01-25 20:00\n美联储将于北京时间1月30日凌晨3点公布利率决议 "
            "市场预计美联储按兵不动 宽松窗口或推迟至5月主席任期结束后")
    decision = one(extract(text), "central_bank", "2026-01-30T03:00+08:00")
    assert decision.rescheduled_from is None


def test_summary_of_several_items_is_kept_beside_its_members() -> None:
    """"下周有30家公司解禁 …27日是解禁高峰" names a week of lock-ups and its busiest day: two events;
    "27日有9家公司解禁,为下周解禁最多的一天" names one day: one event."""
    pub = "解禁周报\n某网· 2026-01-25 20:00\n"
    both = extract(pub + "下周有30家公司限售股解禁，总市值逾400亿元，1月27日是解禁高峰期。")
    assert spans(both) == [("lockup", "2026-01-26", "2026-02-01", "week"), ("lockup", "2026-01-27", "2026-01-27", "date")]
    day = extract(pub + "1月27日（周二）有9家公司解禁，为下周解禁家数最多的一天。")
    assert spans(day) == [("lockup", "2026-01-27", "2026-01-27", "date")]


def test_different_companies_or_regions_do_not_collapse() -> None:
    text = ("下周财报前瞻\n某网· 2026-01-25 20:00\n下周微软、Meta将公布财报。闪迪、西部数据也将于下周发布最新财报。"
            "将公布中国香港四季度GDP同比初值。将公布欧元区第四季度GDP初值。")
    cands = extract(text)
    assert len([c for c in cands if c.category == "earnings"]) == 2
    assert sorted(c.region for c in cands if c.category == "macro_data") == ["EU", "HK"]


def test_a_headline_from_today_on_folds_into_the_dated_offer_period() -> None:
    """"新股速递:某医疗今起招股" and "某医疗今日(6月19日)起至6月24日招股" name one offer: one candidate."""
    text = ("新股速递:某医疗今起招股\n港股日报· 2031-06-19 08:00\n\n"
            "某医疗(代号:9999)今日(6月19日)起至6月24日中午12时招股,每股招股价10元。\n")
    got = extract(text, datetime(2031, 6, 19, 8, 0, tzinfo=SH))
    assert spans(got) == [("ipo", "2031-06-19", "2031-06-24", "date")]
