"""Lists whose items are not separated by verbs (issue 15, corpus 2 shapes 6 and 8): one line per
weekday, a step named once before dated groups of companies with exchange codes, a section word
before one company a line, and a period said once before a run of clauses.
The articles and sentences are our own, written in those shapes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import normalize
from calendar_daemon.sources.extract.weekdaylists import lead_period_clauses, upper_weekday_lists

ARTICLES = Path(__file__).parent / "data" / "articles"


def test_upper_case_weekday_lines_give_one_event_per_item_on_that_day() -> None:
    text = (ARTICLES / "en_upper_weekday_list.txt").read_text(encoding="utf-8")
    got = {(c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2026-12-13T09:00+00:00"))}
    assert {(s, c) for s, c, _ in got} == {
        ("2026-12-14", "macro_data"), ("2026-12-16", "macro_data"), ("2026-12-16", "central_bank"),
        ("2026-12-17", "macro_data"), ("2026-12-17", "central_bank")}
    wednesday = sorted(t for s, _, t in got if s == "2026-12-16")
    assert len(wednesday) == 3 and "Federal Reserve decision" in wednesday and "Services PMI" in wednesday
    assert len([1 for s, c, _ in got if (s, c) == ("2026-12-17", "central_bank")]) == 2  # BoE and ECB


def test_the_rewrite_parts_items_and_drops_empty_days_but_keeps_numbers_and_brackets() -> None:
    text = "TUESDAY None scheduled\nFRIDAY Payrolls (Oct, Nov), jobless rate 4,5; Fed speech\nMonday was quiet."
    assert upper_weekday_lists(text) == "\nFriday: Payrolls (Oct, Nov); jobless rate 4,5; Fed speech\nMonday was quiet."


def test_a_step_named_once_then_dated_groups_of_companies_with_exchange_codes() -> None:
    """"下周N家公司参与初步询价。6 月 27 日:A(688xxx.SH),B(301xxx.SZ);6 月28 日:C(…)": each group is
    that step on its day; dates typed with spaces and pinyin after characters break nothing."""
    text = ("新股周报\n2026-12-05 10:00\n\n(1)下周3 家公司參與初步詢價(jià)。12 月8 日:海峰科技(688901.SH),"
            "遠洋材料(301902.SZ);12 月10 日:東岸智能(301903.SZ)。(2)注冊生效待發行12 家。\n")
    got = [(c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2026-12-05T10:00+08:00"))
           if c.precision == "date"]
    assert got == [("2026-12-08", "ipo", "海峰科技初步询价"), ("2026-12-10", "ipo", "东岸智能初步询价")]


def test_pinyin_after_characters_is_dropped_but_other_brackets_stay() -> None:
    assert normalize("服務(wù)詢價(jià)結果") == "服务询价结果"
    assert normalize("海峰科技(688901.SH)与Acme (ab)") == "海峰科技(688901.SH)与Acme (ab)"


def test_an_english_ipo_calendar_names_each_days_lockups_by_company_and_skips_its_glossary() -> None:
    text = (ARTICLES / "en_ipo_calendar_sections.txt").read_text(encoding="utf-8")
    cands = extract(text, datetime.fromisoformat("2026-12-11T09:00-05:00"))
    days = [(c.start, c.entities) for c in cands if c.category == "lockup" and c.precision == "date"]
    assert days == [("2026-12-15", ["Harbor Robotics", "Quill Therapeutics"]), ("2026-12-17", ["Lantern Payments"])]
    assert not [c for c in cands if c.start > "2026-12-17" or "pricing" in c.evidence]  # "no IPOs scheduled", glossary


def test_a_coming_week_said_once_dates_every_clause_of_its_sentence() -> None:
    """"下周,A将进行调整,调整后的B生效,C数据发布": three items of the week; a price-adjustment round
    and an index taking effect are market events ("other"), not policy."""
    text = "下周前瞻\n2026-12-05 10:00\n\n下周,国内油价将进行第24轮调整,调整后的某成分指数生效,11月份PMI数据发布。\n"
    got = sorted((c.category, c.start, c.end) for c in extract(text, datetime.fromisoformat("2026-12-05T10:00+08:00")))
    assert got == [("macro_data", "2026-12-07", "2026-12-13"), ("other", "2026-12-07", "2026-12-13"),
                   ("other", "2026-12-07", "2026-12-13")]


def test_a_period_before_clauses_with_days_of_their_own_is_left_alone() -> None:
    text = "下周,美联储周三公布利率决议,欧洲央行周四公布利率决议。"
    assert lead_period_clauses(text) == text


def test_run_on_numbered_weekday_items_give_one_event_per_release_and_company_list() -> None:
    """"1.周一:数据:A、B等财报:C、D2.周二:数据:美英德法12月制造业PMI初值;…3.周三:…" with nothing
    between the items: each release is its own event, the companies one earnings event, several
    countries before one release one event per country (Germany and France share the region EU)."""
    text = (ARTICLES / "zh_run_on_weekday_items.txt").read_text(encoding="utf-8")
    got = [(c.start, c.category, c.region) for c in extract(text, datetime.fromisoformat("2026-12-05T10:00+08:00"))]
    assert got[:8] == [
        ("2026-12-07", "earnings", "CN"), ("2026-12-07", "macro_data", "CN"), ("2026-12-07", "macro_data", "US"),
        ("2026-12-08", "macro_data", "EU"), ("2026-12-08", "macro_data", "US"), ("2026-12-08", "macro_data", "GB"),
        ("2026-12-08", "policy", "CN"), ("2026-12-09", "central_bank", "US")]
    assert [c.title for c in extract(text) if c.category == "earnings"] == ["海峰科技、东岸银行发布财报"]


def test_a_running_total_over_a_year_is_no_event() -> None:
    text = "新股周报\n2026-12-05 10:00\n\n截至本周,2026年累计上市新股358只,下周一将有2只新股申购。\n"
    got = [(c.category, c.precision) for c in extract(text, datetime.fromisoformat("2026-12-05T10:00+08:00"))]
    assert got == [("ipo", "date")]
